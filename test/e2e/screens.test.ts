// Issue 9, point 6: every screen, in Vietnamese and in English. For each language a fresh
// service (the 2021 plan, the demo staff and dossiers) is driven by a person of every role:
// each command of their /trogiup, every button under what comes back (each kind of button
// once), the typed steps of the guided flows, bad input, and the scheduled messages (digest,
// dossier reminders, report deadline, security tip, alert reminders). Every text, caption,
// button label and button answer they receive is checked (test/helpers/screens.ts).
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertRemindersJob } from "../../bot/jobs/alert-reminders.js";
import { dailyDigestJob } from "../../bot/jobs/daily-digest.js";
import { dossierNudgesJob } from "../../bot/jobs/dossier-nudges.js";
import { reportDeadlinesJob } from "../../bot/jobs/report-deadlines.js";
import { weeklyTipJob } from "../../bot/jobs/weekly-tip.js";
import { loadDemoDossiers } from "../../bot/seed-data/demo-dossiers.js";
import type { TgMessage, TgUser } from "../fake-telegram/types.js";
import { buttons, E2E, textOf } from "../helpers/e2e.js";
import { vn } from "../helpers/jobs.js";
import { formatProblems, type Screen, type ScreenLocale, screenProblems } from "../helpers/screens.js";

// Tuesday 24/11/2026, 09:00 in Hà Nội: a working day, one working day before the yearly
// report's deadline (25/11), in office hours.
const START = vn("2026-11-24", "09:00");
const PEOPLE = ["KH02", "KH01", "QL01", "GD01", "QT01", "VP01"] as const;
const MAX_PRESSES_PER_PERSON = 160;

interface Session {
  e2e: E2E;
  users: Map<string, TgUser>;
  screens: Screen[];
  answers: { where: string; queryId: string }[];
  names: string[];
  clock: { now: Date };
  /** Bot messages before this index were sent while the people were being set up. */
  setupEnd: number;
}

/** Each kind of button once: ids and pages are digits, a topic or a filter is not. */
const shape = (data: string) => data.replace(/\d+/g, "#");

function record(s: Session, who: string, how: string, messages: TgMessage[]) {
  for (const m of messages) {
    const where = `${who} ${how}`;
    s.screens.push({ where, text: textOf(m) });
    for (const b of buttons(m)) s.screens.push({ where: `${where} [button]`, text: b.text });
  }
}

async function say(s: Session, code: string, text: string): Promise<TgMessage[]> {
  const messages = await s.e2e.say(s.users.get(code)!, text);
  record(s, code, text, messages);
  return messages;
}

async function press(s: Session, code: string, message: TgMessage, data: string, how: string): Promise<TgMessage[]> {
  const user = s.users.get(code)!;
  const before = s.e2e.tg.updates.length;
  const { messages } = await s.e2e.press(user, message, data);
  const query = s.e2e.tg.updates.slice(before).find((u) => u.callback_query)?.callback_query;
  if (query) s.answers.push({ where: `${code} ${how} → ${data} [answer]`, queryId: query.id });
  record(s, code, `${how} → ${data}`, messages);
  return messages;
}

/** Presses every kind of button reachable from these messages, depth first. */
async function crawl(s: Session, code: string, how: string, start: TgMessage[], seen: Set<string>) {
  const queue = [...start];
  let presses = 0;
  while (queue.length && presses < MAX_PRESSES_PER_PERSON) {
    const m = queue.shift()!;
    for (const b of buttons(m)) {
      // Switching language is part of the set-up, not of the walk.
      if (!b.data || b.data.startsWith("caidat:lang:") || seen.has(shape(b.data))) continue;
      // The message as it is now: an earlier press may have edited it.
      const current = s.e2e.tg.message(m.chat.id, m.message_id) ?? m;
      if (!buttons(current).some((x) => x.data === b.data)) continue;
      seen.add(shape(b.data));
      presses++;
      const got = await press(s, code, current, b.data, how);
      queue.unshift(...got);
    }
  }
  expect(presses, `${code}: more buttons than the crawl allows`).toBeLessThan(MAX_PRESSES_PER_PERSON);
}

async function commandsOf(s: Session, code: string): Promise<string[]> {
  const [help] = await say(s, code, "/trogiup");
  return [...textOf(help).matchAll(/^\/(\w+)/gm)].map((m) => `/${m[1]}`);
}

async function runJobs(s: Session) {
  const deps = s.e2e.app.app.deps;
  for (const job of [dailyDigestJob, reportDeadlinesJob, dossierNudgesJob, weeklyTipJob]) await job.run(s.clock.now, deps);
  await s.e2e.deliver();
}

async function session(locale: ScreenLocale): Promise<Session> {
  const clock = { now: START };
  const e2e = await E2E.start({ clock: () => clock.now });
  const s: Session = { e2e, users: new Map(), screens: [], answers: [], names: [], clock, setupEnd: 0 };
  const deps = e2e.app.app.deps;
  await loadDemoDossiers(e2e.db, await deps.calendar.get(), clock.now, deps.config.timezone);
  for (const code of PEOPLE) {
    const user = await e2e.login(code, { languageCode: locale });
    s.users.set(code, user);
    if (locale === "en") {
      const [settings] = await e2e.say(user, "/caidat");
      await e2e.press(user, settings!, "caidat:lang:en");
    }
    // Tips every working day, so the scheduled tip goes out today too.
    const [settings] = await e2e.say(user, "/caidat");
    const { messages } = await e2e.press(user, settings!, "caidat:tips");
    await e2e.press(user, messages.at(-1)!, "caidat:tips:daily");
  }
  const staff = await e2e.db.staff.findMany({ select: { fullName: true } });
  const units = await e2e.db.unit.findMany({ select: { name: true, shortName: true } });
  s.setupEnd = e2e.tg.sentRecords.length;
  s.names = [...staff.map((x) => x.fullName), ...units.flatMap((u) => [u.name, u.shortName ?? ""]), "Tiếng Việt"];
  return s;
}

/** The office writes an alert asking for remediation, sent to the whole department. */
async function alertFlow(s: Session) {
  let [m] = await say(s, "VP01", "/canhbao");
  [m] = await press(s, "VP01", m!, "canhbao:sev:cao", "/canhbao");
  await say(s, "VP01", "Thư giả mạo Cổng dịch vụ công");
  [m] = await say(s, "VP01", "Không bấm vào đường liên kết trong thư yêu cầu xác minh tài khoản.");
  [m] = await press(s, "VP01", m!, "canhbao:aud:all", "/canhbao");
  [m] = await press(s, "VP01", m!, "canhbao:rem:1", "/canhbao");
  await press(s, "VP01", m!, "canhbao:send", "/canhbao");
  await s.e2e.deliver();
}

async function typedFlows(s: Session) {
  // A report in one line, a lower one (asks for confirmation), and bad ones.
  await say(s, "KH02", "/baocao III.1 60 Đã lắp đặt thiết bị mạng");
  const lower = await say(s, "KH02", "/baocao III.1 40 Nhập nhầm");
  await crawl(s, "KH02", "/baocao lower", lower, new Set());
  for (const bad of ["/baocao KHONGCO 50", "/baocao III.1 abc", "/baocao III.1 150", "/baocao III.1 12.5"]) await say(s, "KH02", bad);
  // The guided report: a task, a typed percentage, a typed note, skip the file, save.
  let [m] = await say(s, "KH02", "/baocao");
  const task = buttons(m!).find((b) => b.data?.startsWith("baocao:t:"))!;
  await press(s, "KH02", m!, task.data!, "/baocao");
  await say(s, "KH02", "hai mươi");
  await say(s, "KH02", "80");
  const note = await say(s, "KH02", "Đã cấu hình tường lửa");
  await crawl(s, "KH02", "/baocao guided", note, new Set());
  // The head reports remediation of the alert for the unit: a bad figure, then a good one.
  [m] = await say(s, "KH01", "/khacphuc");
  const alertButton = buttons(m!).find((b) => b.data?.startsWith("khacphuc:a:"));
  if (alertButton) await press(s, "KH01", m!, alertButton.data!, "/khacphuc");
  await say(s, "KH01", "20/15");
  await say(s, "KH01", "12/15");
  await say(s, "KH01", "Ba máy đang sửa");
  // Dossiers: a return reported with a typed date, bad dates, an apology slip.
  const [list] = await say(s, "KH02", "/hoso");
  const dossier = buttons(list!).find((b) => b.data?.startsWith("hoso:view:"));
  if (dossier) {
    const [detail] = await press(s, "KH02", list!, dossier.data!, "/hoso");
    const done = buttons(detail!).find((b) => b.data?.startsWith("hoso:done:"));
    if (done) {
      await press(s, "KH02", detail!, done.data!, "/hoso");
      for (const typed of ["31/02/2026", "01/01/2027", "01/01/2020", "23/11/2026"]) await say(s, "KH02", typed);
    }
  }
  const codes = await s.e2e.db.dossier.findMany({ select: { code: true }, orderBy: { code: "asc" } });
  await say(s, "KH02", `/xinloi ${codes[1]!.code} Hồ sơ cần xin ý kiến thẩm định`);
  await say(s, "KH02", "/xinloi KHONGCO");
  await say(s, "KH02", `/hoso ${codes[0]!.code}`);
  for (const other of ["/hoso KHONGCO", "/donvi KHONGCO", "/tinhtrang 99", "/lenhkhongco", "xin chào", "/huy"]) await say(s, "VP01", other);
}

async function everything(s: Session) {
  await alertFlow(s);
  await typedFlows(s);
  await runJobs(s);
  // An hour later nobody who has not pressed "Đã đọc" escapes a reminder, then their head.
  for (const minutes of [65, 130, 200]) {
    s.clock.now = new Date(START.getTime() + minutes * 60_000);
    await alertRemindersJob.run(s.clock.now, s.e2e.app.app.deps);
    await s.e2e.deliver();
  }
  // Then each person goes through every command of their /trogiup and every button.
  for (const code of PEOPLE) {
    const seen = new Set<string>();
    for (const command of await commandsOf(s, code)) {
      const got = await say(s, code, command);
      await crawl(s, code, command, got, seen);
      await say(s, code, "/huy");
    }
    // What the scheduled jobs and other people sent them has buttons too.
    await crawl(s, code, "(received)", s.e2e.messagesTo(s.users.get(code)!), seen);
  }
  await s.e2e.deliver();
}

/** Someone not bound to any staff member, whose Telegram is in this language. */
async function stranger(s: Session, locale: ScreenLocale) {
  const user = s.e2e.stranger({ languageCode: locale });
  for (const text of ["/start", "/nhiemvu", "/start SAIMAMOI", "xin chào"]) record(s, "stranger", text, await s.e2e.say(user, text));
}

function check(s: Session, locale: ScreenLocale): { screens: Screen[]; problems: string } {
  // Everything that reached the six people, whoever sent it (commands, jobs, other people).
  const all: Screen[] = [...s.screens];
  const byChat = new Map([...s.users].map(([code, user]) => [user.id, code]));
  for (const { message: m } of s.e2e.tg.sentRecords.slice(s.setupEnd)) {
    const code = byChat.get(m.chat.id);
    if (!code) continue;
    all.push({ where: `${code} (received)`, text: textOf(m) });
    for (const b of buttons(m)) all.push({ where: `${code} (received) [button]`, text: b.text });
  }
  for (const a of s.answers) {
    const answer = s.e2e.tg.callbackAnswer(a.queryId) as { text?: string } | undefined;
    if (answer?.text) all.push({ where: a.where, text: answer.text });
  }
  // SCREENS_DUMP=/tmp/screens writes what was read, to look at it as a person would.
  if (process.env.SCREENS_DUMP) writeFileSync(`${process.env.SCREENS_DUMP}-${locale}.txt`, all.map((x) => `### ${x.where}\n${x.text}`).join("\n\n"));
  const problems = all.flatMap((screen) => screenProblems(screen, locale, s.names));
  const unique = [...new Map(problems.map((p) => [`${p.problem}|${p.excerpt}`, p])).values()];
  return { screens: all, problems: formatProblems(unique) };
}

const REACHED: Record<ScreenLocale, string[]> = {
  vi: ["Yêu cầu báo cáo khắc phục:", "Theo kế hoạch: Trong năm 2021 (kế hoạch không nêu thời hạn riêng)", "Bản tin ngày 24/11/2026", "Hồ sơ sắp đến hạn", "Nhắc hạn báo cáo", "Mẹo an toàn thông tin", "Nhắc lần 1", "Đã ghi nhận báo cáo khắc phục", "Dự thảo phiếu xin lỗi", "Trắc nghiệm theo đơn vị", "chưa được gắn với cán bộ nào"],
  en: ["Remediation request:", "In the plan: during 2021 (the plan sets no deadline of its own)", "Digest for 24/11/2026", "Dossiers due soon", "Report deadline", "Information security tip", "Reminder 1", "Remediation report of", "Draft apology slip", "1 working day left", "Quizzes by unit", "is not linked to any staff member"],
};

describe.each(["vi", "en"] as const)("every screen in %s", (locale) => {
  let s: Session;
  beforeAll(async () => {
    s = await session(locale);
  }, 120_000);
  afterAll(async () => s?.e2e.stop());

  it("has no raw key, no leftover placeholder and no word of the other language", async () => {
    await everything(s);
    await stranger(s, locale);
    const { screens, problems } = check(s, locale);
    expect(problems).toBe("");
    // The walk reached every part of the bot (one text of each, in this language).
    const text = screens.map((x) => x.text).join("\n");
    for (const reached of REACHED[locale]) expect(text, reached).toContain(reached);
  }, 480_000);
});
