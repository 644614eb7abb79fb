// `npm run demo [-- --at "dd/mm/yyyy hh:mm"]`: try the bot in the terminal with demo data, no
// token and no network. Pick a staff identity, type commands, press buttons by their number,
// switch person and read what the bot sent them meanwhile.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { createBot } from "../create-bot.js";
import { openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { seedPlan2021 } from "../db/seed.js";
import { createI18n, translator } from "../i18n.js";
import { createLogger } from "../logger.js";
import { OutboxSender } from "../delivery/sender.js";
import { JOBS } from "../jobs/index.js";
import { runSlot } from "../jobs/scheduler.js";
import { findIdentity } from "../services/accounts.js";
import { createInvite } from "../services/invites.js";
import { syncTipLibrary } from "../services/tips/library.js";
import { calendarStore } from "../services/working-calendar.js";
import { roleLabel } from "../services/profile.js";
import { loadDemoDossiers } from "../seed-data/demo-dossiers.js";
import { DEMO_STAFF, loadDemoStaff } from "../seed-data/demo-staff.js";
import { htmlToTerminal } from "../cli/terminal-text.js";
import { DEMO_BOT, type DemoEvent, DemoChat, type DemoMessage, type DemoUser } from "./demo-chat.js";
import { formatDateTime } from "../services/date-text.js";
import { DemoClock, parseDemoAt, workingMorning } from "./demo-clock.js";
import { buttonAt, renderMessage, saveDemoFile } from "./demo-screen.js";
import { describeJobRun, type JobSummary } from "./job-report.js";

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
const write = (s = "") => process.stdout.write(`${s}\n`);

const USAGE = `Cách dùng: npm run demo [-- --at "dd/mm/yyyy hh:mm"]
  --at   giờ của đồng hồ demo (giờ Việt Nam); mặc định 09:00 hôm nay, hoặc của ngày làm việc kế tiếp`;

/** Where the documents the bot sends are saved, for the person to open (the apology slip...). */
const FILES_DIR = path.resolve("data", "demo-files");

/** Demo person n (1-based in DEMO_STAFF; one more for the stranger) and their Telegram user. */
const demoUser = (n: number): DemoUser => {
  const staff = DEMO_STAFF[n - 1];
  return { id: 100_000 + n, first_name: staff ? staff.fullName.split(" ").pop()! : "Khách" };
};
const personName = (chatId: number) => DEMO_STAFF[chatId - 100_001]?.fullName ?? "Người lạ";

async function main() {
  let args;
  try {
    args = parseArgs({ options: { at: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) return write(USAGE);

  const dir = mkdtempSync(path.join(tmpdir(), "sokhcn-demo-"));
  const url = `file:${path.join(dir, "demo.db")}`;
  const config = loadConfig({ ...process.env, BOT_TOKEN: undefined, DATABASE_URL: url, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" }, { requireToken: false });
  let start: Date | undefined;
  if (args.at !== undefined) {
    const at = parseDemoAt(args.at, config.timezone);
    if (!at.ok) {
      process.stderr.write(`${at.error}\n`);
      rmSync(dir, { recursive: true, force: true });
      process.exit(2);
    }
    start = at.at;
  }
  await migrate(url);
  const db = await openDatabase(url);
  const calendar = calendarStore(db.prisma, config.timezone);
  // --at first, then CLOCK_AT (how tests start every process), else a working-day morning.
  const clock = new DemoClock(start ?? config.clockAt ?? workingMorning(new Date(), await calendar.get(), config.timezone));
  const now = clock.now;
  await seedPlan2021(db.prisma, now());
  await loadDemoStaff(db.prisma);
  await syncTipLibrary(db.prisma);
  const logger = createLogger({ level: config.logLevel, destination: process.stderr });
  const i18n = createI18n(config.defaultLocale);
  const t = translator(i18n, config.defaultLocale);
  await loadDemoDossiers(db.prisma, await calendar.get(), now(), config.timezone);
  // No background loop: the outbox is delivered after each thing the person does, so what the
  // bot sends (to them or to others) is on screen before the next prompt.
  const { bot } = createBot(config, { db: db.prisma, config, logger, i18n, clock: now, calendar, wakeSender: () => undefined }, { botInfo: DEMO_BOT });
  const chat = new DemoChat(bot, now);
  const sender = new OutboxSender(db.prisma, chat.transport(), logger, { instanceId: "demo", timeZone: config.timezone, clock: now });
  await bot.init();

  // What the bot did since the last prompt, shown (or kept for another person) by `flush`.
  const pending: DemoEvent[] = [];
  const saved = new Map<number, string>(); // message id -> path of its saved document
  const unseen = new Map<number, DemoMessage>(); // another person's messages not shown yet
  chat.onEvent((e) => {
    pending.push(e);
    if (e.kind === "message" && e.message.document) saved.set(e.message.messageId, saveDemoFile(FILES_DIR, e.message.document.fileName, e.message.document.bytes));
  });

  let user: DemoUser | undefined;
  let name = "";
  const show = (m: DemoMessage, edited?: string) => write(renderMessage(m, { color, edited, savedPath: saved.get(m.messageId) }));

  const flush = () => {
    const events = pending.splice(0);
    const mine = events.filter((e) => e.kind !== "notice" && e.message.chatId === user?.id);
    // A toast that the reply repeats (the quiz's verdict) is shown once, in the reply.
    const shownText = mine.map((e) => (e.kind === "notice" ? "" : htmlToTerminal(e.message.html, false))).join("\n");
    const others = new Map<number, number>();
    for (const e of events) {
      if (e.kind === "notice") {
        if (e.chatId === user?.id && (e.alert || !shownText.includes(e.text))) write(dim(`  ⓘ ${e.text}`));
      } else if (e.message.chatId === user?.id) {
        show(e.message, e.kind === "edit" ? e.before : undefined);
      } else {
        unseen.set(e.message.messageId, e.message);
        others.set(e.message.chatId, (others.get(e.message.chatId) ?? 0) + 1);
      }
    }
    if (others.size) {
      const who = [...others].map(([chatId, count]) => `${personName(chatId)}${count > 1 ? ` (${count})` : ""}`).join(", ");
      write(dim(`  📨 Tin mới cho ${who}: gõ !doi để đổi người và xem.`));
    }
  };

  /** Delivers what is due in the outbox (the demo's clock decides), then shows it. */
  const settle = async () => {
    await sender.drain();
    flush();
  };

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY) });
  rl.on("SIGINT", () => rl.close()); // Ctrl+C quits as !thoat does (readline would only pause)
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | undefined> => {
    rl.setPrompt(prompt);
    rl.prompt();
    const next = await lines.next();
    if (next.done) return undefined;
    // Piped input is not echoed by a terminal: show it, so a transcript reads as a chat.
    if (!process.stdin.isTTY) write(next.value);
    return next.value.trim();
  };

  // Scheduled jobs on demand: the digest, reminders, tips... are the same functions the
  // scheduler runs, at the demo's time; their messages reach the chat of whoever they are for.
  const jobDeps = { db: db.prisma, config, logger, i18n, calendar, wakeSender: () => undefined };
  let runs = 0;
  const runJobNow = async (jobName: string) => {
    const job = JOBS.find((j) => j.name === jobName);
    if (!job) {
      write(dim(`Việc định kỳ: ${JOBS.map((j) => j.name).join(", ")}. Gõ !viec <tên> để chạy ngay (giờ demo: ${formatDateTime(now(), config.timezone)}).`));
      return;
    }
    const slot = `demo-${++runs}`;
    const heldNow = () => db.prisma.outboxMessage.count({ where: { status: "pending", notBefore: { gt: now() } } });
    const heldBefore = await heldNow();
    const outcome = await runSlot(job, slot, now(), jobDeps, "demo");
    await sender.drain();
    const sent = new Map<string, number>();
    for (const e of pending) if (e.kind === "message") sent.set(personName(e.message.chatId), (sent.get(personName(e.message.chatId)) ?? 0) + 1);
    const run = await db.prisma.jobRun.findUnique({ where: { job_slot: { job: job.name, slot } } });
    const summary = run?.detail?.startsWith("{") ? (JSON.parse(run.detail) as JobSummary) : null;
    const held = (await heldNow()) - heldBefore;
    flush();
    write(dim(`(${describeJobRun(job.name, outcome, summary, sent, held, formatDateTime(now(), config.timezone).slice(0, 10))})`));
  };

  /** Whether the person is in a guided flow (the bot waits for what they type). */
  const inFlow = async (u: DemoUser): Promise<boolean> => {
    const identity = await findIdentity(db.prisma, "telegram", String(u.id));
    return identity ? (await db.prisma.flowState.count({ where: { chatAccountId: identity.id, expiresAt: { gt: now() } } })) > 0 : false;
  };

  // Every demo person is bound at the start, as if each had used their invite: messages for
  // them (an alert, a head's escalation) reach their chat even before one switches to them.
  for (let n = 1; n <= DEMO_STAFF.length; n++) {
    const invite = await createInvite(db.prisma, { staffCode: DEMO_STAFF[n - 1]!.code, ttlHours: 1, now: now(), actor: "demo" });
    if (invite.ok) await chat.type(demoUser(n), `/start ${invite.invite}`);
  }
  pending.splice(0).forEach((e) => e.kind !== "notice" && unseen.set(e.message.messageId, e.message));

  write("Trợ lý công vụ Sở KH&CN — chạy thử cục bộ (không cần token, không dùng mạng).");
  write(dim(`Giờ demo: ${formatDateTime(now(), config.timezone)} (${config.timezone}); đổi bằng --at "dd/mm/yyyy hh:mm", hoặc !gio +phút khi đang chạy.`));
  write(
    dim(
      "Gõ lệnh như trong Telegram (/trogiup, /caidat ...). Nút: gõ 2.3 để bấm nút 3 của tin [2]; gõ 3 để bấm nút 3 của tin gần nhất có nút " +
        "(khi bot đang chờ anh/chị nhập, số gõ vào là số). !doi để đổi người; !viec để chạy việc định kỳ (bản tin, nhắc việc); " +
        "!gio để xem hay chỉnh giờ demo; !thoat để thoát. Tệp bot gửi được lưu ở ./data/demo-files/.",
    ),
  );

  const choose = async (n: number): Promise<void> => {
    user = demoUser(n);
    const staff = DEMO_STAFF[n - 1];
    name = staff?.fullName ?? "Người lạ";
    write(dim(staff ? `— Anh/chị là ${name} (${staff.code}). Tài khoản đã được gắn bằng mã mời (/start <mã mời>).` : "— Anh/chị là người lạ, chưa được mời."));
    const waiting = [...unseen.values()].filter((m) => m.chatId === user!.id);
    for (const m of waiting) {
      show(m);
      unseen.delete(m.messageId);
    }
  };
  const pick = async (): Promise<boolean> => {
    write("\nChọn người dùng thử:");
    DEMO_STAFF.forEach((s, i) => {
      const waiting = [...unseen.values()].filter((m) => m.chatId === demoUser(i + 1).id).length;
      write(`  ${i + 1}. ${s.fullName} (${s.code}, ${roleLabel(t, s.role)}, ${s.unit})${waiting ? ` — ${waiting} tin chưa xem` : ""}`);
    });
    write(`  ${DEMO_STAFF.length + 1}. Người lạ (chưa được mời)`);
    for (;;) {
      const answer = await ask("Số: ");
      if (answer === undefined) return false;
      const n = Number(answer);
      if (Number.isInteger(n) && n >= 1 && n <= DEMO_STAFF.length + 1) {
        await choose(n);
        return true;
      }
      write("Chọn một số trong danh sách.");
    }
  };

  const press = async (m: DemoMessage | undefined, b: number) => {
    const btn = m ? buttonAt(m, b) : undefined;
    if (!m || !btn) return write(m ? `Tin [${m.no}] không có nút số ${b}.` : "Không có tin số này.");
    if ("url" in btn && btn.url) return write(dim(`(nút mở liên kết: ${btn.url})`));
    if ("callback_data" in btn && btn.callback_data) await chat.press(user!, m, btn.callback_data);
  };

  if (await pick()) {
    for (;;) {
      const line = await ask(`\n${name}> `);
      if (line === undefined || line === "!thoat" || line === "!quit") break;
      if (!line) continue;
      const history = chat.history(user!.id);
      if (line === "!doi" || line.startsWith("!doi ")) {
        const n = Number(line.slice(4).trim());
        if (Number.isInteger(n) && n >= 1 && n <= DEMO_STAFF.length + 1) await choose(n);
        else if (!(await pick())) break;
      } else if (line === "!viec" || line.startsWith("!viec ")) {
        await runJobNow(line.slice(5).trim());
      } else if (line === "!gio" || line.startsWith("!gio ")) {
        const arg = line.slice(4).trim();
        const minutes = /^\+\d{1,5}$/.test(arg) ? Number(arg.slice(1)) : undefined;
        if (arg && minutes === undefined) write("Gõ !gio +phút để đưa đồng hồ demo đi tới (ví dụ !gio +60); đồng hồ không lùi lại được.");
        if (minutes) clock.advance(minutes);
        write(dim(`Giờ demo: ${formatDateTime(now(), config.timezone)}.`));
        if (minutes) await settle(); // messages held until that time go out now
      } else if (/^\d+\.\d+$/.test(line)) {
        const [m, b] = line.split(".").map(Number) as [number, number];
        await press(history[m - 1], b);
      } else if (/^\d+$/.test(line) && !(await inFlow(user!)) && history.some((m) => m.buttons.length > 0)) {
        await press([...history].reverse().find((m) => m.buttons.length > 0), Number(line));
      } else {
        await chat.type(user!, line);
      }
      await settle();
    }
  }
  rl.close();
  await sender.stop();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  write("Tạm biệt!");
}

main().catch((e: unknown) => {
  process.stderr.write(`Lỗi: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
