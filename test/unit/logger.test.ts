import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrubSecrets } from "../../bot/logger.js";

const TOKEN = "123456789:AAHfakefakefakefakefakefakefake12345";

describe("logs never carry secrets", () => {
  it("scrubs tokens, configured secrets and invite payloads", () => {
    const line = `GET https://api.telegram.org/bot${TOKEN}/getMe failed; secret=wh_secret_123; text "/start AbCdEfGhIjKlMnOp_1234" link t.me/x?start=AbCdEfGhIjKlMnOp_1234`;
    const out = scrubSecrets(line, ["wh_secret_123"]);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain("wh_secret_123");
    expect(out).not.toContain("AbCdEfGhIjKlMnOp_1234");
    expect(out).toContain("/start [invite]");
  });

  it("applies to everything the logger writes, errors included", async () => {
    const sink = new PassThrough();
    const chunks: string[] = [];
    sink.on("data", (c: Buffer) => chunks.push(c.toString()));
    const logger = createLogger({ level: "info", secrets: [TOKEN], destination: sink });
    logger.error({ err: new Error(`request to /bot${TOKEN}/sendMessage failed`) }, "boom");
    await new Promise((r) => setImmediate(r));
    const text = chunks.join("");
    expect(text).toContain("boom");
    expect(text).not.toContain(TOKEN);
  });
});
