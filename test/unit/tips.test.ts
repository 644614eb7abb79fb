// Security tips: the library reaches the database, no tip repeats within a cycle, quizzes,
// per-unit rates, the scheduled tip (/meoattt itself: test/e2e).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { createI18n } from "../../bot/i18n.js";
import { weeklyTipJob } from "../../bot/jobs/weekly-tip.js";
import { getDefaultWorkingCalendar } from "../../bot/services/calendar/index.js";
import { setSetting } from "../../bot/services/settings.js";
import { syncTipLibrary } from "../../bot/services/tips/library.js";
import { chooseTip, deliverNextTip } from "../../bot/services/tips/next-tip.js";
import { answerQuiz, parseQuiz, quizStats } from "../../bot/services/tips/quiz.js";
import { sendScheduledTips, weeklyTipDate } from "../../bot/services/tips/scheduled.js";
import { SECURITY_TIPS } from "../../bot/seed-data/security-tips.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { jobDeps } from "../helpers/jobs.js";

const TZ = "Asia/Ho_Chi_Minh";
const MONDAY_0805 = new Date("2026-11-30T01:05:00Z"); // Monday 30/11/2026 08:05 local
const MONDAY_0755 = new Date("2026-11-30T00:55:00Z");
const TUESDAY_0900 = new Date("2026-12-01T02:00:00Z");

let tdb: TestDatabase;
let db: Db;
let staff: Map<string, number>;

beforeEach(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  await syncTipLibrary(db);
  await loadDemoStaff(db);
  staff = new Map((await db.staff.findMany()).map((s) => [s.code, s.id]));
});
afterEach(async () => tdb.drop());

describe("tip library", () => {
  it("is loaded once, updated by code, and tips removed from it are deactivated", async () => {
    expect(await db.tip.count({ where: { active: true } })).toBe(SECURITY_TIPS.length);
    expect(await syncTipLibrary(db)).toEqual({ created: 0, updated: 0, deactivated: 0 });
    const [first, ...rest] = SECURITY_TIPS;
    const changed = { ...rest[0]!, vi: `${rest[0]!.vi} Thêm một câu.` };
    const res = await syncTipLibrary(db, [changed, ...rest.slice(1), { ...first!, code: "MK-99" }]);
    expect(res).toEqual({ created: 1, updated: 1, deactivated: 1 });
    expect((await db.tip.findUniqueOrThrow({ where: { code: first!.code } })).active).toBe(false);
    expect((await db.tip.findUniqueOrThrow({ where: { code: changed.code } })).textVi).toBe(changed.vi);
    // Back to the real library: the retired tip comes back, the extra one retires.
    expect(await syncTipLibrary(db)).toEqual({ created: 0, updated: 2, deactivated: 1 });
  });
});

describe("next tip", () => {
  it("never repeats a tip within a cycle, then starts a new cycle", async () => {
    const id = staff.get("KH02")!;
    const seen = new Set<number>();
    const categories: string[] = [];
    for (let i = 0; i < SECURITY_TIPS.length; i++) {
      const res = await deliverNextTip(db, id, { via: "command", now: new Date(MONDAY_0805.getTime() + i * 1000) });
      if (res.status !== "ok") throw new Error(res.status);
      expect(res.cycle).toBe(1);
      expect(seen.has(res.tip.id)).toBe(false);
      seen.add(res.tip.id);
      categories.push(res.tip.category);
    }
    // The first eleven tips cover the eleven categories.
    expect(new Set(categories.slice(0, 11)).size).toBe(11);
    const next = await deliverNextTip(db, id, { via: "command", now: new Date(MONDAY_0805.getTime() + 100_000) });
    expect(next.status === "ok" && next.cycle).toBe(2);
  });

  it("serves a chosen category until it is exhausted in this cycle", async () => {
    const id = staff.get("KH02")!;
    const inCategory = SECURITY_TIPS.filter((t) => t.category === "backup").length;
    for (let i = 0; i < inCategory; i++) {
      const res = await deliverNextTip(db, id, { category: "backup", via: "command", now: MONDAY_0805 });
      expect(res.status === "ok" && res.tip.category).toBe("backup");
    }
    expect(await chooseTip(db, id, "backup")).toEqual({ status: "category-done", category: "backup" });
    expect((await chooseTip(db, id)).status).toBe("ok");
  });
});

describe("quiz", () => {
  it("records the first answer only, refuses tips not delivered, and reports rates per unit", async () => {
    const kh02 = staff.get("KH02")!;
    const ql02 = staff.get("QL02")!;
    const a = await deliverNextTip(db, kh02, { via: "command", now: MONDAY_0805 });
    const b = await deliverNextTip(db, ql02, { via: "command", now: MONDAY_0805 });
    if (a.status !== "ok" || b.status !== "ok") throw new Error("no tip");
    const quiz = parseQuiz(a.tip)!;
    expect(quiz).not.toBeNull();
    const wrong = (quiz.correct + 1) % quiz.vi.options.length;
    expect(await answerQuiz(db, kh02, a.tip.id, quiz.correct, "vi", MONDAY_0805)).toMatchObject({ status: "recorded", correct: true });
    expect(await answerQuiz(db, kh02, a.tip.id, wrong, "vi", MONDAY_0805)).toMatchObject({ status: "already", correct: true });
    const other = await db.tip.findFirstOrThrow({ where: { id: { notIn: [a.tip.id, b.tip.id] } } });
    expect(await answerQuiz(db, kh02, other.id, 0, "vi", MONDAY_0805)).toEqual({ status: "invalid" });
    expect(await answerQuiz(db, kh02, a.tip.id, 9, "vi", MONDAY_0805)).toEqual({ status: "invalid" });
    const stats = await quizStats(db);
    const khtc = stats.units.find((u) => u.unitName.includes("Kế hoạch"))!;
    expect(khtc).toMatchObject({ staff: 2, quizzesDelivered: 1, answers: 1, correct: 1, participants: 1 });
    expect(stats.total).toMatchObject({ quizzesDelivered: 2, answers: 1, correct: 1, participants: 1 });
  });
});

describe("scheduled tip", () => {
  const deps = () => ({ db, i18n: createI18n("vi"), timeZone: TZ, defaultLocale: "vi" as const, calendar: getDefaultWorkingCalendar() });
  const bindAll = async () => {
    for (const [, id] of staff) await db.chatAccount.create({ data: { platform: "telegram", externalId: String(id), chatId: String(id), staffId: id } });
  };

  it("picks the week's tip day, moving past a holiday", () => {
    const cal = getDefaultWorkingCalendar();
    expect(weeklyTipDate("2026-12-02", 1, cal)).toBe("2026-11-30");
    // Monday 31/8/2026 and Wednesday 2/9/2026 are days off (National Day).
    expect(weeklyTipDate("2026-09-03", 3, cal)).toBe("2026-09-03");
  });

  it("goes to weekly subscribers on the tip day and daily ones every working day, once, never to opted-out", async () => {
    await bindAll();
    await db.staff.update({ where: { id: staff.get("KH02")! }, data: { tipFrequency: "none" } });
    await db.staff.update({ where: { id: staff.get("QL02")! }, data: { tipFrequency: "daily" } });
    expect((await sendScheduledTips(deps(), MONDAY_0755)).due).toBe(false);
    const first = await sendScheduledTips(deps(), MONDAY_0805);
    expect(first).toMatchObject({ due: true, queued: staff.size - 1 });
    const rerun = await sendScheduledTips(deps(), new Date(MONDAY_0805.getTime() + 5 * 60_000));
    expect(rerun).toMatchObject({ queued: 0, alreadySent: staff.size - 1 });
    const tuesday = await sendScheduledTips(deps(), TUESDAY_0900);
    expect(tuesday.queued).toBe(1);
    const keys = (await db.outboxMessage.findMany({ where: { kind: "tip" } })).map((m) => m.dedupKey);
    expect(keys).toContain(`tip:2026-12-01:${staff.get("QL02")}`);
    expect(keys.some((k) => k.endsWith(`:${staff.get("KH02")}`))).toBe(false);
    expect(await db.tipDelivery.count()).toBe(staff.size);
  });

  it("follows the office's settings for day and time", async () => {
    await bindAll();
    await setSetting(db, "tips.weekday", "2", "test", MONDAY_0805);
    await setSetting(db, "tips.time", "09:00", "test", MONDAY_0805);
    expect((await sendScheduledTips(deps(), MONDAY_0805)).queued).toBe(0);
    expect((await sendScheduledTips(deps(), TUESDAY_0900)).queued).toBe(staff.size);
  });

  it("runs as a job: nothing before the time, the tips (and a wake-up of the sender) after it", async () => {
    await bindAll();
    const job = jobDeps(db);
    expect(await weeklyTipJob.run(MONDAY_0755, job)).toBeUndefined();
    expect(await weeklyTipJob.run(MONDAY_0805, job)).toMatchObject({ queued: staff.size });
    expect(job.wakes).toBe(1);
  });
});
