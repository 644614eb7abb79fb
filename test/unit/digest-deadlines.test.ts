// The daily digest and the report-deadline reminders as jobs, with a fixed clock.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { dailyDigestJob } from "../../bot/jobs/daily-digest.js";
import { reportDeadlinesJob } from "../../bot/jobs/report-deadlines.js";
import { runSlot } from "../../bot/jobs/scheduler.js";
import { DEMO_STAFF, loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { upcomingDeadline } from "../../bot/services/report-deadlines.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { jobDeps, vn } from "../helpers/jobs.js";

let tdb: TestDatabase;
let db: Db;

beforeEach(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  await loadDemoStaff(db);
  for (const s of await db.staff.findMany()) {
    await db.chatAccount.create({ data: { platform: "telegram", externalId: String(5000 + s.id), chatId: String(5000 + s.id), staffId: s.id } });
  }
});
afterEach(async () => tdb.drop());

const digests = () => db.outboxMessage.findMany({ where: { kind: "digest" }, include: { staff: true }, orderBy: { id: "asc" } });

describe("daily digest", () => {
  it("goes to heads, leaders, the office and administrators once per working day", async () => {
    const deps = jobDeps(db);
    const monday = vn("2026-11-30");
    expect(await runSlot(dailyDigestJob, "2026-11-30T07:30", monday, deps, "a")).toBe("done");
    expect(await runSlot(dailyDigestJob, "2026-11-30T07:30", monday, deps, "b")).toBe("taken");
    // Even a second run of the body on the same day records nothing new.
    expect(await dailyDigestJob.run(monday, deps)).toMatchObject({ queued: 0, duplicate: 6 });
    const rows = await digests();
    const heads = DEMO_STAFF.filter((s) => s.role !== "chuyen_vien").map((s) => s.code).sort();
    expect(rows.map((r) => r.staff!.code).sort()).toEqual(heads);
    const head = rows.find((r) => r.staff!.code === "KH01")!;
    const text = JSON.parse(head.payload).text as string;
    expect(text).toContain("Bản tin ngày 30/11/2026");
    expect(text).toContain("Đơn vị: Phòng Kế hoạch - Tài chính");
    const leader = rows.find((r) => r.staff!.code === "GD01")!;
    expect(JSON.parse(leader.payload).text).toContain("Toàn Sở");
  });

  it("is not sent on weekends and holidays", async () => {
    const deps = jobDeps(db);
    expect(await runSlot(dailyDigestJob, "2026-11-28T07:30", vn("2026-11-28"), deps, "a")).toBe("skipped"); // Saturday
    expect(await runSlot(dailyDigestJob, "2026-09-02T07:30", vn("2026-09-02"), deps, "a")).toBe("skipped"); // Quốc khánh
    expect(await runSlot(dailyDigestJob, "2027-02-08T07:30", vn("2027-02-08"), deps, "a")).toBe("skipped"); // Tết Đinh Mùi
    expect(await digests()).toHaveLength(0);
  });

  it("respects each person's choice: none, or only when something changed", async () => {
    await db.staff.update({ where: { code: "KH01" }, data: { digestMode: "none" } });
    await db.staff.update({ where: { code: "QL01" }, data: { digestMode: "changes" } });
    await dailyDigestJob.run(vn("2026-11-30"), jobDeps(db));
    const codes = (await digests()).map((r) => r.staff!.code);
    expect(codes).not.toContain("KH01");
    expect(codes).not.toContain("QL01");
    expect(codes).toContain("CS01");
  });

  it("tells the office about undeliverable messages and people who blocked the bot", async () => {
    const deps = jobDeps(db);
    await dailyDigestJob.run(vn("2026-11-30"), deps);
    const lan = await db.staff.findUniqueOrThrow({ where: { code: "KH02" } });
    await db.chatAccount.updateMany({ where: { staffId: lan.id }, data: { active: false, inactiveReason: "blocked", inactiveAt: vn("2026-11-30", "10:00") } });
    await dailyDigestJob.run(vn("2026-12-01"), deps);
    const office = (await digests()).filter((r) => r.staff!.code === "VP01").at(-1)!;
    const text = JSON.parse(office.payload).text as string;
    expect(text).toContain("Gửi tin tự động");
    expect(text).toContain("Phạm Thu Hà");
    const head = (await digests()).filter((r) => r.staff!.code === "KH01").at(-1)!;
    expect(JSON.parse(head.payload).text).not.toContain("Gửi tin tự động");
  });
});

describe("report deadlines", () => {
  it("computes the next occurrence of each deadline", () => {
    const q1 = { dueMonthDay: "03-03", periodFrom: "01-01", periodTo: "03-31" };
    expect(upcomingDeadline(q1, "2026-11-27")).toEqual({ date: "2027-03-03", periodFrom: "2027-01-01", periodTo: "2027-03-31" });
    expect(upcomingDeadline(q1, "2027-03-03").date).toBe("2027-03-03");
  });

  it("reminds unit heads and the office 5 and 1 working days before, once", async () => {
    const deps = jobDeps(db);
    // Year report before 25/11/2026 (Wednesday): 5 working days before = 18/11, 1 = 24/11.
    const days = ["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-23", "2026-11-24", "2026-11-25"];
    for (const d of days) await reportDeadlinesJob.run(vn(d, "08:00"), deps);
    await reportDeadlinesJob.run(vn("2026-11-24", "08:00"), deps); // a second run the same day
    const rows = await db.outboxMessage.findMany({ where: { kind: "report-deadline" }, include: { staff: true } });
    const recipients = ["KH01", "QL01", "CS01", "VP01"];
    expect(rows).toHaveLength(recipients.length * 2);
    expect(new Set(rows.map((r) => r.staff!.code))).toEqual(new Set(recipients));
    const head = rows.find((r) => r.staff!.code === "KH01" && r.dedupKey.includes(":5:"))!;
    expect(JSON.parse(head.payload).text).toContain("Báo cáo năm (kỳ 01/01/2026–31/12/2026) gửi Sở qua Văn phòng Sở <b>trước ngày 25/11/2026</b> — còn 5 ngày làm việc");
  });

  it("follows the dates the office set", async () => {
    await db.reportDeadline.update({ where: { code: "q1" }, data: { dueMonthDay: "03-10" } });
    const deps = jobDeps(db);
    await reportDeadlinesJob.run(vn("2027-03-09", "08:00"), deps); // Tuesday, 1 working day before 10/03
    const rows = await db.outboxMessage.findMany({ where: { kind: "report-deadline" } });
    expect(rows.length).toBe(4);
    expect(rows.every((r) => r.dedupKey.startsWith("report-deadline:q1:2027-03-10:1:"))).toBe(true);
  });
});
