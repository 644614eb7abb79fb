// The service as a process: `npm start`'s entry point with only a token, configuration
// errors, a Bot API that does not answer, the webhook secret, the health endpoint, and a
// graceful stop on SIGTERM.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite } from "../../bot/services/invites.js";
import { openDatabase } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { FakeTelegram } from "../fake-telegram/index.js";
import { exited, killGroup, ROOT, spawnTsx } from "../helpers/children.js";
import { TEST_CLOCK_AT, TEST_NOW } from "../helpers/clock.js";
import { E2E, textOf } from "../helpers/e2e.js";

const main = path.join(ROOT, "bot", "main.ts");
const runs: Run[] = [];
afterAll(async () => {
  // A test that failed half-way leaves no bot behind.
  for (const run of runs) await killGroup(run.child);
});

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

function start(env: Record<string, string>, cwd: string): Run {
  // The bot's clock starts at the suite's working-day morning (CLOCK_AT), whatever the hour.
  const child = spawnTsx(main, { cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", CLOCK_AT: TEST_CLOCK_AT, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout!.on("data", (d: Buffer) => stdout.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => stderr.push(d.toString()));
  const run = { child, stdout, stderr, exited: exited(child) };
  runs.push(run);
  return run;
}

async function until(cond: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

let workdir: string;
beforeAll(() => {
  workdir = mkdtempSync(path.join(tmpdir(), "sokhcn-proc-"));
});
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe("configuration errors", () => {
  it("a missing token: one clear line, non-zero exit", async () => {
    const run = start({}, workdir);
    expect(await run.exited).not.toBe(0);
    expect(run.stderr.join("").trim()).toMatch(/^Lỗi cấu hình BOT_TOKEN: thiếu; cần mã bot do @BotFather cấp/);
    expect(run.stderr.join("").trim().split("\n")).toHaveLength(1);
  });

  it("an invalid value names the key and never prints the token", async () => {
    const token = "123456789:AAHsecretsecretsecretsecretsecret1234";
    const run = start({ BOT_TOKEN: token, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.gov.vn/tg", WEBHOOK_SECRET: "không hợp lệ" }, workdir);
    expect(await run.exited).toBe(2);
    const out = run.stderr.join("") + run.stdout.join("");
    expect(out).toMatch(/Lỗi cấu hình WEBHOOK_SECRET/);
    expect(out).not.toContain(token);
    expect(out).not.toContain("secretsecret");
  });

  it("a token Telegram refuses stops start-up with a clear message", async () => {
    const tg = await FakeTelegram.start();
    const wrong = `${tg.token.split(":")[0]}:AA${"x".repeat(33)}`;
    const run = start({ BOT_TOKEN: wrong, TELEGRAM_API_ROOT: tg.apiRoot, LOG_LEVEL: "silent" }, workdir);
    expect(await run.exited).toBe(1);
    expect(run.stderr.join("")).toContain("Telegram từ chối BOT_TOKEN");
    expect(run.stderr.join("") + run.stdout.join("")).not.toContain(wrong);
    await tg.stop();
  });
});

const EXAMPLE_TOKEN = "123456789:AAH-paste-your-token-from-BotFather";
const output = (run: Run) => run.stdout.join("") + run.stderr.join("");

/** The first JSON log line whose message contains `text`. */
function logLine(run: Run, text: string): { time: string; msg: string } {
  const line = output(run).split("\n").find((l) => l.startsWith("{") && l.includes(text));
  if (!line) throw new Error(`no log line with ${text}`);
  return JSON.parse(line) as { time: string; msg: string };
}

/** A firewall that drops packets: accepts connections and never answers. */
async function blackHole(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

// "connecting to <host>" at once, one clear line per failed try, never the token, and the bot
// comes up by itself once Telegram answers. The 30 s promise is checked on the process's own
// log times (a loaded machine may take long to start the process at all); waits are generous.
describe("npm start when Telegram cannot be reached", () => {
  it("a Bot API that never answers: 'connecting', then a line per try; comes up when Telegram answers", { timeout: 300_000 }, async () => {
    const hole = await blackHole();
    const host = `127.0.0.1:${hole.port}`;
    const run = start({ BOT_TOKEN: EXAMPLE_TOKEN, TELEGRAM_API_ROOT: `http://${host}` }, workdir);
    await until(() => output(run).includes("Cannot reach Telegram"), 120_000);
    const connecting = logLine(run, `connecting to the Telegram Bot API at ${host}`);
    const line = logLine(run, "Cannot reach Telegram");
    expect(Date.parse(line.time) - Date.parse(connecting.time)).toBeLessThan(30_000);
    expect(line.msg).toContain(`Không kết nối được Telegram tại ${host} (lần thử 1: không trả lời sau 10 giây); thử lại sau 5 giây`);
    expect(line.msg).toContain("(try 1: no answer within 10 s); retrying in 5 s");

    // The firewall opens: the next try reaches Telegram and the bot starts by itself.
    await hole.close();
    const tg = await FakeTelegram.start({ token: EXAMPLE_TOKEN, port: hole.port });
    try {
      await until(() => output(run).includes("bot ready"), 120_000);
      expect(output(run)).toContain(`connected to Telegram at ${host}`);
    } finally {
      await killGroup(run.child);
      await tg.stop();
    }
    expect(output(run)).not.toContain(EXAMPLE_TOKEN);
    expect(output(run)).not.toContain("AAH-paste");
  });

  it("a closed port: the unreachable line at once, with the reason; SIGTERM while it retries is a clean exit", { timeout: 180_000 }, async () => {
    const run = start({ BOT_TOKEN: EXAMPLE_TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9" }, workdir);
    await until(() => output(run).includes("Cannot reach Telegram"), 120_000);
    // Stopped by the service manager during the retries: exit 0, not 143 (killed by the signal).
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(output(run)).toContain("stopped during start-up");
    expect(Date.parse(logLine(run, "Cannot reach Telegram").time) - Date.parse(logLine(run, "connecting to the Telegram Bot API at 127.0.0.1:9").time)).toBeLessThan(30_000);
    expect(logLine(run, "Cannot reach Telegram").msg).toContain("(lần thử 1: bị từ chối kết nối)");
    expect(output(run)).not.toContain(EXAMPLE_TOKEN);
  });
});

describe("npm start with a token and nothing else", () => {
  it("creates ./data/bot.db, migrates, seeds, answers, and stops cleanly on SIGTERM without losing an update", async () => {
    const tg = await FakeTelegram.start();
    const run = start({ BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot }, workdir);
    await until(() => run.stdout.join("").includes("bot ready"));
    const db = await openDatabase(`file:${path.join(workdir, "data", "bot.db")}`);
    expect(await db.prisma.task.count()).toBe(22);
    await loadDemoStaff(db.prisma);
    const invite = await createInvite(db.prisma, { staffCode: "KH02", ttlHours: 1, now: TEST_NOW, actor: "test" });
    if (!invite.ok) throw new Error("invite");
    const user = tg.user({ id: 424242 });
    tg.sendText(user, `/start ${invite.invite}`);
    await tg.waitForMessage(user.id, { textIncludes: "Phạm Thu Hà", timeoutMs: 15_000 });

    // An update in flight when SIGTERM arrives is finished, not lost.
    tg.delay("sendMessage", 800);
    tg.sendText(user, "/trogiup");
    // The reply is on its way (Telegram is slow to answer it) when the stop is asked for.
    await tg.waitFor((c) => c.method === "sendMessage" && String(c.params.chat_id) === String(user.id) && String(c.params.text).includes("Các lệnh"), { timeoutMs: 10_000 });
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(tg.sent(user.id).some((m) => textOf(m).includes("Các lệnh"))).toBe(true);
    expect(run.stdout.join("")).toContain("stopped");
    expect(run.stdout.join("")).not.toContain(tg.token);
    await db.close();
    await tg.stop();
  });
});

describe("webhook mode", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await E2E.start({ mode: "webhook" });
  });
  afterAll(async () => e2e?.stop());

  it("rejects a request without the right secret header and does not run the handler", async () => {
    const user = e2e.stranger();
    const update = { update_id: 990001, message: { message_id: 1, date: 1, chat: { id: user.id, type: "private" as const, first_name: "X" }, from: user, text: "/start" } };
    expect(await e2e.tg.postToWebhook(update, { secret: null })).toBe(401);
    expect(await e2e.tg.postToWebhook(update, { secret: "wrong-secret" })).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(e2e.tg.sent(user.id)).toHaveLength(0);
    expect(await e2e.db.processedUpdate.count({ where: { id: { endsWith: ":990001" } } })).toBe(0);
    expect(await e2e.tg.postToWebhook(update)).toBe(200);
    expect(textOf(e2e.tg.sent(user.id)[0])).toContain("chưa được gắn");
  });

  it("updates pushed by Telegram arrive through the webhook with the secret", async () => {
    const user = await e2e.login("KH01");
    const [reply] = await e2e.say(user, "/trogiup");
    expect(textOf(reply)).toContain("Các lệnh");
    expect(e2e.tg.webhookDeliveries.length).toBeGreaterThan(0);
  });

  it("serves a health endpoint", async () => {
    const res = await fetch(`http://127.0.0.1:${e2e.app.http!.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, mode: "webhook" });
  });
});
