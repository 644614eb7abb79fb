// `npm run bench:costs`: the bot's costs as ratios against a bare grammY bot on the same fake Bot
// API server, measured in the same run (the machine is small and noisy: medians of 5 runs).
//
// 1. Commands: N private /trogiup commands from M bound staff through the whole service
//    (runner, de-duplication, identity, role check, i18n, SQLite) vs a bare grammY echo bot
//    under @grammyjs/runner answering every message.
// 2. Outbox: K proactive messages recorded and delivered by the sender (claims, pacing
//    lifted, bookkeeping) vs the same number of plain sendMessage calls, 4 at a time.
// 3. Contention: reply latency of /trogiup (3 staff, one command after the other) while the
//    office's CLI imports 30,000 staff into the same SQLite file, vs the same with no import.
import { run } from "@grammyjs/runner";
import { Api, Bot } from "grammy";
import type { Db } from "../../bot/db/client.js";
import { enqueue } from "../../bot/delivery/outbox.js";
import { FakeTelegram } from "../fake-telegram/index.js";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cliInProcess } from "../helpers/contention.js";
import { E2E } from "../helpers/e2e.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 400);
const USERS = 40;
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 30_000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function waitUntil(cond: () => boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error("benchmark timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function echoCommands(): Promise<number> {
  const tg = await FakeTelegram.start();
  const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  const handle = run(bot, { runner: { silent: true } });
  const users = Array.from({ length: USERS }, (_, i) => tg.user({ id: 10_000 + i }));
  await tg.waitForLongPoll();
  const t0 = performance.now();
  for (let i = 0; i < COMMANDS; i++) tg.sendText(users[i % USERS]!, "/trogiup");
  await waitUntil(() => tg.callsTo("sendMessage").length >= COMMANDS);
  const ms = performance.now() - t0;
  await handle.stop();
  await tg.stop();
  return ms;
}

async function botCommands(): Promise<number> {
  const e2e = await E2E.start({ staff: false });
  const unit = await e2e.db.unit.findUniqueOrThrow({ where: { code: "VP" } });
  const users = [];
  for (let i = 0; i < USERS; i++) {
    await e2e.db.staff.create({ data: { code: `B${i}`, fullName: `Cán bộ ${i}`, unitId: unit.id, role: i % 5 === 0 ? "truong_phong" : "chuyen_vien" } });
    users.push(await e2e.login(`B${i}`));
  }
  const before = e2e.tg.callsTo("sendMessage").length;
  const t0 = performance.now();
  for (let i = 0; i < COMMANDS; i++) e2e.tg.sendText(users[i % USERS]!, "/trogiup");
  await waitUntil(() => e2e.tg.callsTo("sendMessage").length - before >= COMMANDS);
  const ms = performance.now() - t0;
  await e2e.stop();
  return ms;
}

async function plainSends(): Promise<number> {
  const tg = await FakeTelegram.start();
  const api = new Api(tg.token, { apiRoot: tg.apiRoot });
  const chats = Array.from({ length: 200 }, (_, i) => tg.user({ id: 20_000 + i }).id);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = next++; i < MESSAGES; i = next++) await api.sendMessage(chats[i % chats.length]!, `Tin số ${i}`, { parse_mode: "HTML" });
    }),
  );
  const ms = performance.now() - t0;
  await tg.stop();
  return ms;
}

async function outboxSends(): Promise<number> {
  const e2e = await E2E.start({ staff: false });
  const db: Db = e2e.db;
  const unit = await db.unit.findUniqueOrThrow({ where: { code: "VP" } });
  await db.staff.createMany({ data: Array.from({ length: 200 }, (_, i) => ({ code: `O${i}`, fullName: `Cán bộ ${i}`, unitId: unit.id, quietFrom: "00:00", quietTo: "00:00" })) });
  const staff = await db.staff.findMany({ orderBy: { id: "asc" } });
  await db.chatAccount.createMany({ data: staff.map((s) => ({ platform: "telegram", externalId: String(30_000 + s.id), chatId: String(30_000 + s.id), staffId: s.id })) });
  for (const s of staff) e2e.tg.user({ id: 30_000 + s.id });
  const t0 = performance.now();
  const now = e2e.now(); // the sender's clock: what is due is decided by it
  for (let i = 0; i < MESSAGES; i++) {
    await enqueue(db, { dedupKey: `b:${i}`, kind: "notify", staffId: staff[i % staff.length]!.id, payload: { text: `Tin số ${i}` } }, { now, timeZone: "Asia/Ho_Chi_Minh" });
  }
  const stats = await e2e.deliver();
  const ms = performance.now() - t0;
  if (stats.sent !== MESSAGES) throw new Error(`sent ${stats.sent}`);
  await e2e.stop();
  return ms;
}

async function measure(name: string, fn: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await fn());
  const m = median(times);
  console.log(`  ${name.padEnd(34)} median ${m.toFixed(0).padStart(6)} ms   (runs: ${times.map((t) => t.toFixed(0)).join(", ")})`);
  return m;
}

console.log(`Benchmarks (${RUNS} runs each, medians; same fake Bot API server, same process)`);
console.log(`\n1. ${COMMANDS} private commands from ${USERS} users (22 plan tasks, SQLite)`);
const echo = await measure("bare grammY echo bot (runner)", echoCommands);
const ours = await measure("staff bot, /trogiup", botCommands);
console.log(`  ratio staff bot / echo bot: ${(ours / echo).toFixed(2)}  (${((COMMANDS / ours) * 1000).toFixed(0)} commands/s)`);
console.log(`\n2. ${MESSAGES} proactive messages to 200 chats`);
const plain = await measure("plain sendMessage, 4 at a time", plainSends);
const outbox = await measure("outbox: record + sender", outboxSends);
console.log(`  ratio outbox / plain sends: ${(outbox / plain).toFixed(2)}  (${((MESSAGES / outbox) * 1000).toFixed(0)} messages/s; Telegram allows ~30/s)`);

/** Reply latencies (ms) of /trogiup round trips from 3 staff until `busy` settles (or `count` each). */
async function replyLatencies(e2e: E2E, users: ReturnType<E2E["stranger"]>[], until: { busy?: Promise<unknown>; count?: number }) {
  const latencies: number[] = [];
  let done = false;
  void until.busy?.finally(() => (done = true));
  await Promise.all(
    users.map(async (user) => {
      for (let i = 0; until.busy ? !done : i < until.count!; i++) {
        const t0 = performance.now();
        await e2e.say(user, "/trogiup");
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

async function importLatency(): Promise<void> {
  const now = new Date();
  const e2e = await E2E.start({ clock: () => now, backgroundSender: true });
  const users = await Promise.all(["KH01", "KH02", "QL01"].map((c) => e2e.login(c)));
  const dir = mkdtempSync(path.join(tmpdir(), "sokhcn-bench-"));
  const file = path.join(dir, "staff.csv");
  const lines = ["Mã cán bộ,Họ và tên,Đơn vị"];
  for (let i = 1; i <= IMPORT_ROWS; i++) lines.push(`NV${i},Cán bộ số ${i},QLKH`);
  writeFileSync(file, lines.join("\n"));
  const quiet = await replyLatencies(e2e, users, { count: 10 });
  const t0 = performance.now();
  const busy = cliInProcess(e2e.databaseUrl, now, ["import", "staff", file]);
  const during = await replyLatencies(e2e, users, { busy });
  const run = await busy;
  const importMs = performance.now() - t0;
  await e2e.stop();
  if (run.code !== 0) throw new Error(run.err);
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!.toFixed(0);
  console.log(`  import of ${IMPORT_ROWS} staff (CLI, same process, own connection): ${importMs.toFixed(0)} ms`);
  console.log(`  /trogiup with no import:  median ${q(quiet, 0.5)} ms, p95 ${q(quiet, 0.95)} ms, max ${q(quiet, 1)} ms (${quiet.length} replies)`);
  console.log(`  /trogiup during import:   median ${q(during, 0.5)} ms, p95 ${q(during, 0.95)} ms, max ${q(during, 1)} ms (${during.length} replies, none lost)`);
}

console.log(`\n3. Reply latency while the CLI imports ${IMPORT_ROWS} staff (SQLite)`);
await importLatency();
