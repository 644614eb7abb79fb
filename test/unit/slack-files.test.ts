// Files shared on Slack, fetched as the import needs them: through the fake Slack's real HTTP
// (files.info, url_private_download with the bot token), capped, and never sent elsewhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackFileFetcher } from "../../bot/channels/slack/files.js";
import { slackWebClient } from "../../bot/channels/slack/web.js";
import type { SlackConfig } from "../../bot/config.js";
import { FakeSlack } from "../fake-slack/index.js";
import { memoryLogger } from "../helpers/logger.js";

let fake: FakeSlack;
let config: SlackConfig;
beforeAll(async () => {
  fake = await FakeSlack.start();
  config = { botToken: fake.botToken, mode: "socket", appToken: fake.appToken, signingSecret: undefined, apiUrl: fake.apiUrl };
});
afterAll(async () => fake?.stop());

describe("the Slack file fetcher", () => {
  it("downloads a file named only by its id (files.info, then its download URL with the bot token)", async () => {
    const u = fake.user({ name: "Nguyen Thi Lan" });
    const content = Buffer.from("Mã cán bộ,Họ và tên\nVP01,Nguyễn Thị Lan\n", "utf8");
    const file = fake.upload(u, { fileName: "can-bo.csv", content });
    const { logger, lines } = memoryLogger();
    const files = slackFileFetcher(config, slackWebClient(config, "replies"), logger);
    const got = await files.fetch({ fileId: file.id, kind: "document", fileName: "can-bo.csv" }, 1024);
    expect(got).toEqual({ ok: true, bytes: content });
    expect(fake.calls.some((c) => c.method === "files.info" && c.params.file === file.id)).toBe(true);
    expect(fake.downloads.at(-1)).toEqual({ fileId: file.id, status: 200 });
    // Over the cap: refused by the announced size, and while reading when none was announced.
    expect(await files.fetch({ fileId: file.id, kind: "document", fileName: "can-bo.csv" }, 10)).toEqual({ ok: false, reason: "tooLarge" });
    files.remember({ ...file, size: undefined });
    expect(await files.fetch({ fileId: file.id, kind: "document", fileName: "can-bo.csv" }, 10)).toEqual({ ok: false, reason: "tooLarge" });
    // Unknown file, and a URL on another host: unavailable, the token never sent there.
    expect(await files.fetch({ fileId: "F0NOSUCHFILE", kind: "document", fileName: null }, 1024)).toEqual({ ok: false, reason: "unavailable" });
    files.remember({ id: "F0ELSEWHERE", url_private_download: "http://127.0.0.2:9/steal" });
    expect(await files.fetch({ fileId: "F0ELSEWHERE", kind: "document", fileName: null }, 1024)).toEqual({ ok: false, reason: "unavailable" });
    expect(lines.join("\n")).not.toContain(fake.botToken);
  });

  it("a wrong token gets the download refused, told as unavailable without the token in the log", async () => {
    const u = fake.user({ name: "Vo Quoc Bao" });
    const file = fake.upload(u, { fileName: "x.csv", content: Buffer.from("a,b\n") });
    const { logger, lines } = memoryLogger();
    const wrong = { ...config, botToken: `xoxb-9999-8888-${"0".repeat(24)}` };
    const files = slackFileFetcher(wrong, slackWebClient(config, "replies"), logger);
    files.remember(file);
    expect(await files.fetch({ fileId: file.id, kind: "document", fileName: "x.csv" }, 1024)).toEqual({ ok: false, reason: "unavailable" });
    expect(fake.downloads.at(-1)).toEqual({ fileId: file.id, status: 401 });
    expect(lines.join("\n")).not.toContain(wrong.botToken);
  });
});
