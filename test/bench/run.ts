// `npm run bench`: a department's scale (issue 11). Builds a seeded, reproducible department
// (1,000 staff, 5,000 tasks, 50,000 progress reports, 100,000 dossiers of which 3,000 open;
// BENCH_SCALE=small for a quick run; BENCH_DATABASE=postgres for the bot on PostgreSQL), then
// drives the real bot, as its own process, through
// the fake Bot API, side by side with a bare grammY bot (grammy + runner, replying to every
// message) in the same run, and prints one table (and BENCH_JSON=path for JSON) with sizes,
// medians, p95, ratios to the bare bot, and the machine's load. Never part of `npm test`.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../bot/db/client.js";
import { migrate } from "../../bot/db/migrate.js";
import { seedPlan2021 } from "../../bot/db/seed.js";
import { createI18n } from "../../bot/i18n.js";
import { readRecords } from "../../bot/import/index.js";
import { dailyDigestJob } from "../../bot/jobs/daily-digest.js";
import { runSlot } from "../../bot/jobs/scheduler.js";
import { broadcastAlert } from "../../bot/services/alerts/broadcast.js";
import { applyDossierImport, DOSSIER_SPEC, planDossierImport } from "../../bot/services/dossiers/import.js";
import { loadWorkingCalendar } from "../../bot/services/working-calendar.js";
import { FakeTelegram } from "../fake-telegram/index.js";
import type { TgMessage, TgUser } from "../fake-telegram/types.js";
import { createTestDatabaseUrl, pgAvailable } from "../helpers/db.js";
import { jobDeps, vn } from "../helpers/jobs.js";
import { buildDepartment, type Department, dossierExportCsv, FULL, SMALL, telegramIdOf } from "./department.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const small = process.env.BENCH_SCALE === "small";
const SIZE = small ? SMALL : FULL;
const RUNS = Number(process.env.BENCH_RUNS ?? (small ? 15 : 30));
const MIXED = Number(process.env.BENCH_MIXED ?? (small ? 2000 : 10_000));
const USERS = 50;
const NOW = vn("2026-11-30", "09:00"); // a Monday morning: data dated around it
const rows: { what: string; value: string; target?: string; ok?: boolean }[] = [];
const json: Record<string, unknown> = { size: SIZE, cpus: cpus().length };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`;
const load = () => loadavg()[0]!.toFixed(1);
function row(what: string, value: string, target?: string, ok?: boolean) {
  rows.push({ what, value, ...(target ? { target } : {}), ...(ok !== undefined ? { ok } : {}) });
  console.error(`  ${what}: ${value}${target ? ` (target ${target}: ${ok ? "met" : "NOT met"})` : ""}`);
}

/** Waits for the bot's next message (sent or edited) in a chat, scanning only new records. */
class Replies {
  private seen = 0;
  private readonly waiting = new Map<number, (m: TgMessage) => void>();
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly tg: FakeTelegram) {
    this.seen = tg.sentRecords.length;
    this.timer = setInterval(() => this.scan(), 1);
  }
  private scan() {
    const all = this.tg.sentRecords;
    for (; this.seen < all.length; this.seen++) {
      const m = all[this.seen]!.message;
      const w = this.waiting.get(m.chat.id);
      if (w) {
        this.waiting.delete(m.chat.id);
        w(m);
      }
    }
  }
  next(chatId: number, timeoutMs = 120_000): Promise<TgMessage> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no reply in chat ${chatId}`)), timeoutMs);
      this.waiting.set(chatId, (m) => {
        clearTimeout(t);
        resolve(m);
      });
    });
  }
  stop() {
    clearInterval(this.timer);
  }
}

/** The V8 flags `npm start` gives the bot (package.json), so the bench measures the bot as it runs. */
const startFlags = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start.split(/\s+/).filter((a) => a.startsWith("--"));
function child(script: string, env: Record<string, string>, flags: string[] = []): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [...flags, "--import", "tsx", path.join(root, "test/bench", script)], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    proc.stdout!.on("data", (b: Buffer) => {
      if (b.toString().includes("ready")) resolve(proc);
    });
    proc.on("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}
const rssMb = (p: ChildProcess) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
async function stopChild(p: ChildProcess) {
  p.removeAllListeners("exit"); // the start-up listener treats an exit as a failure
  const done = new Promise((r) => p.once("exit", r));
  p.kill("SIGTERM");
  await done;
}

/** One exchange: the user sends a command (or presses a button) and waits for the answer. */
type Step = { text: string } | { data: string; on?: TgMessage };
/** Button steps alternate between two callbacks: pressing the same one twice changes nothing, and Telegram (and the fake) refuse an edit that changes nothing. */
type Steps = { text: string } | { data: [string, string] };
async function exchange(tg: FakeTelegram, replies: Replies, user: TgUser, step: Step, last?: TgMessage): Promise<{ ms: number; reply: TgMessage }> {
  const t0 = performance.now();
  const wait = replies.next(user.id);
  if ("text" in step) tg.sendText(user, step.text);
  else tg.pressButton(user, (step.on ?? last)!, step.data, { force: true });
  const reply = await wait;
  return { ms: performance.now() - t0, reply };
}

async function sequential(tg: FakeTelegram, replies: Replies, user: TgUser, steps: Steps, runs: number, first?: Step): Promise<number[]> {
  const times: number[] = [];
  let last: TgMessage | undefined;
  if (first) last = (await exchange(tg, replies, user, first)).reply;
  for (let i = 0; i < runs + 2; i++) {
    const step: Step = "text" in steps ? steps : { data: steps.data[i % 2]! };
    const r = await exchange(tg, replies, user, step, last);
    if (i >= 2) times.push(r.ms); // two warm-up runs
    last = "text" in step ? r.reply : last;
  }
  return times;
}

/** `users` at once, each doing `each` exchanges one after the other; replies/s and latencies. */
async function concurrent(tg: FakeTelegram, replies: Replies, users: TgUser[], pick: (i: number, u: number) => Step, each: number) {
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  const t0 = performance.now();
  await Promise.all(
    users.map(async (u, ui) => {
      let last: TgMessage | undefined;
      for (let i = 0; i < each; i++) {
        const step = pick(i, ui);
        if ("data" in step && !last) continue;
        const r = await exchange(tg, replies, u, step, last);
        times.push(r.ms);
        // A command by its name, a button by its command and kind ("nhiemvu:p").
        const kind = "text" in step ? step.text.split(" ")[0]! : `button ${step.data.split(":").slice(0, 2).join(":")}`;
        byKind.set(kind, [...(byKind.get(kind) ?? []), r.ms]);
        if ("text" in step) last = r.reply;
      }
    }),
  );
  const elapsed = performance.now() - t0;
  const kinds = Object.fromEntries([...byKind].map(([k, xs]) => [k, { count: xs.length, median: median(xs), p95: p95(xs) }]));
  return { perSecond: (times.length / elapsed) * 1000, median: median(times), p95: p95(times), count: times.length, kinds };
}

console.error(`Benchmark at ${small ? "small" : "full"} scale: ${JSON.stringify(SIZE)}; ${cpus().length} cores, load ${load()}`);
const dir = mkdtempSync(path.join(tmpdir(), "bench-"));
// BENCH_DATABASE=postgres runs the bot on the PostgreSQL server at 127.0.0.1:5432 (a database
// made for the run and dropped after it) instead of the embedded SQLite file.
const provider = process.env.BENCH_DATABASE === "postgres" ? "postgres" : "sqlite";
if (provider === "postgres" && !(await pgAvailable())) throw new Error("BENCH_DATABASE=postgres: no PostgreSQL server at 127.0.0.1:5432");
const botDatabase = provider === "postgres" ? await createTestDatabaseUrl("postgres") : { url: `file:${path.join(dir, "department.db")}`, drop: async () => {} };
const url = botDatabase.url;
json.provider = provider;
let t = performance.now();
await migrate(url);
const db = await openDatabase(url);
await seedPlan2021(db.prisma, NOW);
const dep: Department = await buildDepartment(db.prisma, SIZE, { now: NOW });
row(`department built (seeded, ${provider === "postgres" ? "PostgreSQL" : "SQLite"})`, `${((performance.now() - t) / 1000).toFixed(0)} s`);
json.buildSeconds = (performance.now() - t) / 1000;

// ---- the bare grammY bot and the real bot, each as its own process on one fake Bot API.
const tg = await FakeTelegram.start();
const replies = new Replies(tg);
const users = new Map<number, TgUser>();
const userOf = (staffId: number) => {
  let u = users.get(staffId);
  if (!u) users.set(staffId, (u = tg.user({ id: telegramIdOf(staffId), firstName: `CB${staffId}` })));
  return u;
};
const staffUsers = dep.staff.slice(0, USERS).map(userOf);
// Everyone in the department has a chat with the bot (the digest and the alert write to them
// first): without it the fake answers 400 "chat not found" and the message is given up.
for (const { id } of await db.prisma.staff.findMany({ select: { id: true } })) userOf(id);

const bare = await child("bare-child.ts", { BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot });
console.error("  (bare grammY bot started)");
const bareOne = median(await sequential(tg, replies, staffUsers[0]!, { text: "/nhiemvu" }, RUNS));
const bareButton = median(await sequential(tg, replies, staffUsers[1]!, { data: ["a:1", "a:2"] }, RUNS, { text: "/start" }));
const bareMany = await concurrent(tg, replies, staffUsers, () => ({ text: "/nhiemvu" }), small ? 10 : 20);
const bareMixed = await concurrent(tg, replies, staffUsers, (i) => ({ text: ["/nhiemvu", "/hoso", "/trogiup"][i % 3]! }), Math.ceil(MIXED / USERS));
const bareRss = rssMb(bare);
await stopChild(bare);
row("bare grammY: one message, median", ms(bareOne));
row("bare grammY: one button, median", ms(bareButton));
row("bare grammY: 50 users at once", `${bareMany.perSecond.toFixed(0)} replies/s, p95 ${ms(bareMany.p95)}`);
row(`bare grammY: RSS after ${bareMixed.count} updates`, `${bareRss.toFixed(0)} MB`);
json.bare = { one: bareOne, many: bareMany, mixed: bareMixed, rssMb: bareRss };

const bot = await child("bot-child.ts", { BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, DATABASE_URL: url, LOG_LEVEL: "warn", INSTANCE_ID: "bench" }, startFlags);
console.error("  (the bot started)");
const rssStart = rssMb(bot);
const office = userOf(dep.office[0]!);
const head = userOf(dep.heads[0]!);
const busy = userOf(dep.busyStaff);
const busyUnit = (await db.prisma.staff.findUniqueOrThrow({ where: { id: dep.busyStaff } })).unitId;
const [aTask, bTask] = (await db.prisma.task.findMany({ where: { units: { some: { unitId: busyUnit } } }, take: 2, orderBy: { id: "asc" }, select: { id: true } })).map((x) => x.id) as [number, number];
const unitCode = dep.units[0]!.code;
const one: [string, TgUser, Steps, Step?][] = [
  ["/nhiemvu (staff, many tasks)", busy, { text: "/nhiemvu" }],
  ["/nhiemvu (office: all tasks)", office, { text: "/nhiemvu" }],
  ["/donvi (head)", head, { text: "/donvi" }],
  [`/donvi ${unitCode} (office)`, office, { text: `/donvi ${unitCode}` }],
  ["/hoso (office: all open)", office, { text: "/hoso" }],
  ["/hoso quahan (head)", head, { text: "/hoso quahan" }],
  ["button: a page of /nhiemvu (office)", office, { data: ["nhiemvu:p:3", "nhiemvu:p:4"] }, { text: "/nhiemvu" }],
  ["button: a task's detail", busy, { data: [`nhiemvu:t:${aTask}:0`, `nhiemvu:t:${bTask}:0`] }, { text: "/nhiemvu" }],
  ["button: a page of /hoso (office)", office, { data: ["hoso:list:all:3", "hoso:list:all:4"] }, { text: "/hoso" }],
  ["/baocao (staff, many tasks)", busy, { text: "/baocao" }],
  ["/trogiup", busy, { text: "/trogiup" }],
];
json.one = {};
for (const [what, user, step, first] of one) {
  const times = await sequential(tg, replies, user, step, RUNS, first);
  const m = median(times);
  const yardstick = "data" in step ? bareButton : bareOne;
  (json.one as Record<string, unknown>)[what] = { median: m, p95: p95(times), ratio: m / yardstick };
  row(`one user at a time: ${what}`, `median ${ms(m)}, p95 ${ms(p95(times))}, ${(m / yardstick).toFixed(1)}× bare`, "≤ 10× bare", m / yardstick <= 10);
}

for (const [what, pick] of [
  ["/nhiemvu", () => ({ text: "/nhiemvu" })],
  ["/hoso", () => ({ text: "/hoso" })],
] as [string, () => Step][]) {
  const r = await concurrent(tg, replies, staffUsers, pick, small ? 10 : 20);
  json[`many ${what}`] = r;
  row(`50 users at once: ${what}`, `${r.perSecond.toFixed(0)} replies/s, median ${ms(r.median)}, p95 ${ms(r.p95)}`, what === "/nhiemvu" ? "p95 ≤ 500 ms, ≥ 200/s" : "p95 ≤ 500 ms", r.p95 <= 500 && (what !== "/nhiemvu" || r.perSecond >= 200));
}

const mixedStep = (i: number, u: number): Step => {
  const k = (i + u) % 6;
  // Each button follows the command before it, so it always changes the message it is under.
  return k === 0 ? { text: "/nhiemvu" } : k === 1 ? { data: "nhiemvu:p:1" } : k === 2 ? { text: "/hoso" } : k === 3 ? { data: "hoso:list:overdue:1" } : k === 4 ? { text: "/trogiup" } : { text: "/baocao" };
};
const mixed1 = await concurrent(tg, replies, staffUsers, mixedStep, Math.ceil(MIXED / USERS));
const rss1 = rssMb(bot);
const mixed2 = await concurrent(tg, replies, staffUsers, mixedStep, Math.ceil(MIXED / USERS));
const rss2 = rssMb(bot);
json.mixed = { first: mixed1, second: mixed2, rssMb: [rss1, rss2], rssAtStartMb: rssStart };
row(`mixed load, 50 users (${mixed1.count} updates)`, `${mixed1.perSecond.toFixed(0)} updates/s, p95 ${ms(mixed1.p95)} (bare ${bareMixed.perSecond.toFixed(0)}/s)`);
for (const [kind, k] of Object.entries(mixed1.kinds)) row(`mixed load, 50 users: ${kind} (${k.count})`, `median ${ms(k.median)}, p95 ${ms(k.p95)}`, "p95 ≤ 500 ms", k.p95 <= 500);
row(`RSS after ${mixed1.count} mixed updates, then ${mixed1.count + mixed2.count}`, `${rss1.toFixed(0)} MB, then ${rss2.toFixed(0)} MB (${rssStart.toFixed(0)} MB at start; bare ${bareRss.toFixed(0)} MB)`, "≤ 250 MB, flat", rss1 <= 250 && rss2 <= rss1 * 1.1);

// ---- the daily digest for every recipient, built and recorded (the bot's sender delivers it).
t = performance.now();
const digest = await runSlot(dailyDigestJob, "2026-11-30T07:30", vn("2026-11-30", "07:30"), jobDeps(db.prisma), "bench");
const digestMs = performance.now() - t;
const digests = await db.prisma.outboxMessage.findMany({ where: { kind: "digest" }, select: { payload: true } });
const longest = Math.max(...digests.map((d) => (JSON.parse(d.payload) as { text: string }).text.length));
json.digest = { ms: digestMs, count: digests.length, longest, outcome: digest };
row(`daily digest: ${digests.length} recipients (${digest})`, `${(digestMs / 1000).toFixed(1)} s; longest ${longest} characters`, "≤ 5 s, ≤ 4,096", digestMs <= 5000 && longest <= 4096);

// ---- a Khẩn alert to every reachable person, through a fake that enforces 30 messages/s.
await new Promise((r) => setTimeout(r, 3000)); // the digests go out first
const limiter = tg.enforceRateLimit({ perSecond: 30, retryAfter: 1 });
const before = tg.sentRecords.length;
const alert = await broadcastAlert(
  { db: db.prisma, i18n: createI18n("vi"), timeZone: "Asia/Ho_Chi_Minh", defaultLocale: "vi" },
  { severity: "khan", title: "Chiến dịch thư giả mạo", body: "Không bấm vào liên kết trong thư yêu cầu xác minh tài khoản.", audience: { all: true }, requireRemediation: false, source: "cli" },
  { actor: "cli:bench", staffId: null, role: null },
  new Date(),
);
const recipients = alert.status === "sent" ? alert.queued : 0;
const alertTexts = () => tg.sentRecords.slice(before).filter((r) => (r.message.text ?? "").includes("Chiến dịch thư giả mạo"));
// Until every alert message is settled (sent, or given up: a stall shows as given up, not as a wait).
const unsettled = () => db.prisma.outboxMessage.count({ where: { kind: "alert", status: { in: ["pending", "sending"] } } });
const deadline = Date.now() + 180_000;
while ((await unsettled()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
const sent = alertTexts();
const givenUp = await db.prisma.outboxMessage.count({ where: { kind: "alert", status: { in: ["failed", "blocked"] } } });
const span = sent.length > 1 ? (sent.at(-1)!.at - sent[0]!.at) / 1000 : 0;
const floor = (recipients - 1) / 30;
json.alert = { recipients, delivered: sent.length, givenUp, seconds: span, floor, refused429: limiter.refused };
row(`Khẩn alert to ${recipients} people, fake enforcing 30/s`, `${sent.length} delivered, ${givenUp} given up, first→last ${span.toFixed(1)} s (floor ${floor.toFixed(1)} s), ${limiter.refused} × 429`, "within 10% of the floor, 0 × 429", sent.length === recipients && span <= floor * 1.1 && limiter.refused === 0);

await stopChild(bot);
replies.stop();
await tg.stop();

// ---- import of the one-stop export (CLI path), SQLite and PostgreSQL.
const exportFile = path.join(dir, "export.csv");
const staffCodes = (await db.prisma.staff.findMany({ where: { role: "chuyen_vien" }, select: { code: true }, take: 200 })).map((s) => s.code);
writeFileSync(exportFile, dossierExportCsv(SIZE.dossiers, staffCodes, { now: NOW }));
await db.close();
await botDatabase.drop();
for (const provider of ["sqlite", "postgres"] as const) {
  if (provider === "postgres" && !(await pgAvailable())) continue;
  const target = await createTestDatabaseUrl(provider);
  await migrate(target.url);
  const fresh = await openDatabase(target.url);
  await seedPlan2021(fresh.prisma, NOW);
  await buildDepartment(fresh.prisma, { ...SIZE, tasks: 0, reports: 0, dossiers: 0, openDossiers: 0 }, { now: NOW });
  t = performance.now();
  const calendar = await loadWorkingCalendar(fresh.prisma, "Asia/Ho_Chi_Minh");
  const read = await readRecords({ path: exportFile }, DOSSIER_SPEC);
  const plan = await planDossierImport(fresh.prisma, read, { calendar, timeZone: "Asia/Ho_Chi_Minh", now: NOW });
  const summary = await applyDossierImport(fresh.prisma, plan, { calendar, actor: "bench", now: NOW, source: "import" });
  const seconds = (performance.now() - t) / 1000;
  json[`import ${provider}`] = { seconds, summary };
  row(`import of ${SIZE.dossiers} dossiers (${provider})`, `${seconds.toFixed(1)} s, ${summary.created} created`, small ? undefined : "≥ 3× faster than 151 s", small ? undefined : seconds <= 151 / 3);
  await fresh.close();
  await target.drop();
}
rmSync(dir, { recursive: true, force: true });

json.loadAfter = load();
json.rows = rows;
console.log(`\nBenchmark (${small ? "BENCH_SCALE=small" : "full scale"}, the bot on ${provider === "postgres" ? "PostgreSQL" : "SQLite"}): ${SIZE.staff} staff, ${SIZE.tasks} tasks, ${SIZE.reports} reports, ${SIZE.dossiers} dossiers (${SIZE.openDossiers} open); ${cpus().length} cores, load ${json.loadAfter}\n`);
console.log("| what | measured | target |");
console.log("|---|---|---|");
for (const r of rows) console.log(`| ${r.what} | ${r.value} | ${r.target ? `${r.target}: ${r.ok ? "met" : "**not met**"}` : ""} |`);
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(json, null, 2));
process.exit(0);
