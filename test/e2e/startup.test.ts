// `npm start` when the Bot API does not answer (a firewall that drops packets: a TCP server
// that accepts and never answers; or a closed port): "connecting to <host>" at once, one
// clear line per failed try, never the token, and the bot comes up by itself once Telegram
// answers. The 30 s promise is checked on the process's own log times (a loaded machine may
// take long to start the process at all); the waits themselves are generous.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "../fake-telegram/index.js";

const root = path.resolve(new URL("../..", import.meta.url).pathname);
const main = path.join(root, "bot", "main.ts");
const tsxLoader = pathToFileURL(path.join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;
const TOKEN = "123456789:AAH-paste-your-token-from-BotFather";

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

// One process (node with tsx as a loader, no wrapper), so killing it leaves nothing behind.
function start(env: Record<string, string>, cwd: string): Run {
  const child = spawn(process.execPath, ["--import", tsxLoader, main], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: string[] = [];
  child.stdout!.on("data", (d: Buffer) => chunks.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => chunks.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => chunks.join(""), exited };
}

async function until(cond: () => boolean, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The first JSON log line whose message contains `text`. */
function logLine(run: Run, text: string): { time: string; msg: string } {
  const line = run.output().split("\n").find((l) => l.startsWith("{") && l.includes(text));
  if (!line) throw new Error(`no log line with ${text}`);
  return JSON.parse(line) as { time: string; msg: string };
}

/** Accepts connections and never answers. */
async function blackHole(port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

let workdir: string;
const runs: Run[] = [];
beforeAll(() => {
  workdir = mkdtempSync(path.join(tmpdir(), "sokhcn-startup-"));
});
afterEach(async () => {
  for (const r of runs.splice(0)) {
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill("SIGKILL");
    await r.exited;
  }
});
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe("npm start when Telegram cannot be reached", () => {
  it("a Bot API that never answers: 'connecting', then a line per try; comes up when Telegram answers", { timeout: 300_000 }, async () => {
    const hole = await blackHole();
    const run = start({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${hole.port}` }, workdir);
    runs.push(run);
    const host = `127.0.0.1:${hole.port}`;
    await until(() => run.output().includes(`connecting to the Telegram Bot API at ${host}`), "the connecting line", 120_000);
    await until(() => run.output().includes("Cannot reach Telegram"), "the unreachable line", 120_000);
    const line = logLine(run, "Cannot reach Telegram");
    expect(Date.parse(line.time) - Date.parse(logLine(run, "connecting to the Telegram Bot API").time)).toBeLessThan(30_000);
    expect(line.msg).toContain(`Không kết nối được Telegram tại ${host} (lần thử 1: không trả lời sau 10 giây); thử lại sau 5 giây`);
    expect(line.msg).toContain("(try 1: no answer within 10 s); retrying in 5 s");

    // The firewall opens: the next try reaches Telegram and the bot starts by itself.
    await hole.close();
    const tg = await FakeTelegram.start({ token: TOKEN, port: hole.port });
    try {
      await until(() => run.output().includes("bot ready"), "bot ready", 120_000);
      expect(run.output()).toContain(`connected to Telegram at ${host}`);
      expect(run.child.exitCode).toBeNull();
    } finally {
      run.child.kill("SIGTERM");
      await run.exited;
      await tg.stop();
    }
    expect(run.output()).not.toContain(TOKEN);
    expect(run.output()).not.toContain("AAH-paste");
  });

  it("a closed port: the unreachable line at once, with the reason", { timeout: 180_000 }, async () => {
    const run = start({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9" }, workdir);
    runs.push(run);
    await until(() => run.output().includes("Cannot reach Telegram"), "the unreachable line", 120_000);
    expect(Date.parse(logLine(run, "Cannot reach Telegram").time) - Date.parse(logLine(run, "connecting to the Telegram Bot API").time)).toBeLessThan(30_000);
    expect(run.output()).toContain("connecting to the Telegram Bot API at 127.0.0.1:9");
    expect(run.output()).toContain("(lần thử 1: bị từ chối kết nối)");
    expect(run.output()).not.toContain(TOKEN);
  });
});
