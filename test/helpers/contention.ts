// Chat traffic for contention tests: staff keep writing to the bot while something else (the
// office's CLI, a big import) writes to the same database. Every update sent is waited for
// until the bot has handled it; nothing here measures time.
import path from "node:path";
import { runCli } from "../../bot/cli/run.js";
import type { TgUser } from "../fake-telegram/types.js";
import { ROOT, spawnChild, TSX } from "./children.js";
import { TEST_CLOCK_AT } from "./clock.js";
import type { E2E } from "./e2e.js";

const COMMANDS = ["/trogiup", "/nhiemvu", "/caidat", "/baocao"] as const;

export interface ChatLoad {
  /** Stops sending; resolves once every update sent has been handled. */
  stop(): Promise<{ sent: number; unanswered: number[] }>;
}

/** Each user sends commands one after the other (as a person does) until stopped. */
export function chatLoad(e2e: E2E, users: TgUser[]): ChatLoad {
  let running = true;
  const sent: { updateId: number; chatId: number; before: number }[] = [];
  const loops = users.map(async (user, u) => {
    for (let i = u; running; i++) {
      const before = e2e.tg.sentRecords.length;
      e2e.tg.sendText(user, COMMANDS[i % COMMANDS.length]!);
      const updateId = e2e.tg.updates.at(-1)!.update_id;
      sent.push({ updateId, chatId: user.id, before });
      await e2e.handled(updateId, 120_000);
      if (COMMANDS[i % COMMANDS.length] === "/baocao") {
        // Leave the guided flow, so the next command starts afresh.
        e2e.tg.sendText(user, "/huy");
        const cancelId = e2e.tg.updates.at(-1)!.update_id;
        sent.push({ updateId: cancelId, chatId: user.id, before: e2e.tg.sentRecords.length });
        await e2e.handled(cancelId, 120_000);
      }
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      // An update counts as answered when the bot sent something to that chat after it.
      const unanswered = sent
        .filter((s) => !e2e.tg.sentRecords.slice(s.before).some((r) => r.message.chat.id === s.chatId))
        .map((s) => s.updateId);
      return { sent: sent.length, unanswered };
    },
  };
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** The office's CLI in this process, on its own database connection (as a second process has). */
export async function cliInProcess(databaseUrl: string, now: Date, args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env: { DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" }, out: (l) => out.push(l), err: (l) => err.push(l), now: () => now });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** `npm run cli -- ARGS` as a separate process, as the office runs it (at the suite's time). */
export function cliProcess(databaseUrl: string, args: string[]): Promise<CliRun> {
  const child = spawnChild(TSX, [path.join(ROOT, "bot", "cli", "main.ts"), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", CLOCK_AT: TEST_CLOCK_AT },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout!.on("data", (d: Buffer) => out.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => err.push(d.toString()));
  // "close": the output is complete (an "exit" can come before the last bytes are read).
  return new Promise((resolve) => child.once("close", (code) => resolve({ code: code ?? -1, out: out.join(""), err: err.join("") })));
}

/** Runs tasks with at most `n` at a time, in order of the list. */
export async function withConcurrency<T>(n: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let i = next++; i < tasks.length; i = next++) results[i] = await tasks[i]!();
    }),
  );
  return results;
}
