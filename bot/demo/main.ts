// `npm run demo`: try the bot in the terminal with demo data, no token and no network.
// Pick a staff identity, type commands, press buttons by their number.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { InlineKeyboardButton } from "grammy/types";
import { clockStartingAt } from "../clock.js";
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
import { createInvite } from "../services/invites.js";
import { syncTipLibrary } from "../services/tips/library.js";
import { calendarStore } from "../services/working-calendar.js";
import { roleLabel } from "../services/profile.js";
import { loadDemoDossiers } from "../seed-data/demo-dossiers.js";
import { DEMO_STAFF, loadDemoStaff } from "../seed-data/demo-staff.js";
import { DEMO_BOT, type DemoEvent, DemoChat, type DemoUser } from "./demo-chat.js";
import { htmlToTerminal } from "../cli/terminal-text.js";

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
const write = (s = "") => process.stdout.write(`${s}\n`);

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "sokhcn-demo-"));
  const url = `file:${path.join(dir, "demo.db")}`;
  const config = loadConfig({ ...process.env, BOT_TOKEN: undefined, DATABASE_URL: url, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" }, { requireToken: false });
  await migrate(url);
  const db = await openDatabase(url);
  const now = clockStartingAt(config.clockAt);
  await seedPlan2021(db.prisma, now());
  await loadDemoStaff(db.prisma);
  await syncTipLibrary(db.prisma);
  const logger = createLogger({ level: config.logLevel, destination: process.stderr });
  const i18n = createI18n(config.defaultLocale);
  const t = translator(i18n, config.defaultLocale);
  const calendar = calendarStore(db.prisma, config.timezone);
  await loadDemoDossiers(db.prisma, await calendar.get(), now(), config.timezone);
  let sender: OutboxSender | undefined;
  const { bot } = createBot(
    config,
    { db: db.prisma, config, logger, i18n, clock: now, calendar, wakeSender: () => sender?.wake() },
    { botInfo: DEMO_BOT },
  );
  const chat = new DemoChat(bot);
  sender = new OutboxSender(db.prisma, chat.transport(), logger, { instanceId: "demo", timeZone: config.timezone, clock: now });
  sender.start();
  await bot.init();

  let user: DemoUser | undefined;
  let name = "";
  let lastButtons: { messageId: number; buttons: InlineKeyboardButton[] } | undefined;
  const show = (e: DemoEvent) => {
    if (e.kind === "notice") return write(dim(`  ⓘ ${e.text}`));
    // Someone else's message (a head told of a report, a reminder...): only say that it went.
    if (user && e.chatId !== user.id) {
      const other = DEMO_STAFF[e.chatId - 100_001];
      return write(dim(`  📨 (một tin tự động được gửi tới ${other?.fullName ?? "người dùng khác"})`));
    }
    if (e.kind === "document") return write(`🤖 📎 ${e.fileName}${e.caption ? ` — ${e.caption}` : ""}`);
    write(`${e.kind === "edit" ? "🤖 (sửa) " : "🤖 "}${htmlToTerminal(e.html, color).replace(/\n/g, "\n   ")}`);
    const flat = e.buttons.flat();
    if (flat.length) {
      lastButtons = { messageId: e.messageId, buttons: flat };
      let n = 0;
      for (const row of e.buttons) write(`   ${row.map((b) => `[${++n}] ${b.text}`).join("   ")}`);
    }
  };
  chat.onEvent(show);

  const rl = createInterface({ input: process.stdin, terminal: Boolean(process.stdin.isTTY) });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | undefined> => {
    process.stdout.write(prompt);
    const next = await lines.next();
    if (next.done) return undefined;
    if (!process.stdin.isTTY) write(next.value);
    return next.value.trim();
  };

  // Scheduled jobs on demand: the digest, reminders, tips... are the same functions the
  // scheduler runs; their messages reach the chat of whoever they are for.
  const jobDeps = { db: db.prisma, config, logger, i18n, calendar, wakeSender: () => sender?.wake() };
  const runJobNow = async (name: string) => {
    const job = JOBS.find((j) => j.name === name);
    if (!job) {
      write(dim(`Việc định kỳ: ${JOBS.map((j) => j.name).join(", ")}. Gõ !viec <tên> để chạy ngay.`));
      return;
    }
    const outcome = await runSlot(job, `demo-${Date.now()}`, now(), jobDeps, "demo");
    await sender!.drain();
    write(dim(`(${job.name}: ${outcome === "skipped" ? "hôm nay không phải ngày làm việc" : outcome}; tin gửi cho người khác không hiện ở đây)`));
  };

  write("Trợ lý công vụ Sở KH&CN — chạy thử cục bộ (không cần token, không dùng mạng).");
  write(dim("Gõ lệnh như trong Telegram (/trogiup, /caidat ...); gõ số để bấm nút; !doi để đổi người; !viec để chạy việc định kỳ (bản tin, nhắc việc); !thoat để thoát."));
  const pick = async (): Promise<boolean> => {
    write("\nChọn người dùng thử:");
    DEMO_STAFF.forEach((s, i) => write(`  ${i + 1}. ${s.fullName} (${s.code}, ${roleLabel(t, s.role)}, ${s.unit})`));
    write(`  ${DEMO_STAFF.length + 1}. Người lạ (chưa được mời)`);
    for (;;) {
      const answer = await ask("Số: ");
      if (answer === undefined) return false;
      const n = Number(answer);
      if (Number.isInteger(n) && n >= 1 && n <= DEMO_STAFF.length + 1) {
        const staff = DEMO_STAFF[n - 1];
        user = { id: 100_000 + n, first_name: staff ? staff.fullName.split(" ").pop()! : "Khách" };
        name = staff?.fullName ?? "Người lạ";
        if (staff) {
          const invite = await createInvite(db.prisma, { staffCode: staff.code, ttlHours: 1, now: now(), actor: "demo" });
          if (invite.ok) {
            write(dim(`(gắn tài khoản bằng mã mời: /start ${invite.invite})`));
            await chat.type(user, `/start ${invite.invite}`);
          }
        }
        return true;
      }
      write("Chọn một số trong danh sách.");
    }
  };

  if (await pick()) {
    for (;;) {
      const line = await ask(`\n${name}> `);
      if (line === undefined || line === "!thoat" || line === "!quit") break;
      if (!line) continue;
      if (line === "!doi") {
        if (!(await pick())) break;
        continue;
      }
      if (line === "!viec" || line.startsWith("!viec ")) {
        await runJobNow(line.slice(5).trim());
        continue;
      }
      if (/^\d+$/.test(line) && lastButtons) {
        const b = lastButtons.buttons[Number(line) - 1];
        if (!b) write("Không có nút số này.");
        else if ("url" in b) write(dim(`(nút mở liên kết: ${b.url})`));
        else if ("callback_data" in b) await chat.press(user!, lastButtons.messageId, b.callback_data!);
        continue;
      }
      await chat.type(user!, line);
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
