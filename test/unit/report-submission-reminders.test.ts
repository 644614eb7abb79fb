// The report-deadline job and the units' submissions (/nopbaocao): before the quarter I
// deadline (03/03/2027), a unit whose head has not submitted is reminded exactly once per
// reminder day (run twice a day, on both reminder days), a unit that has submitted is not, and
// the office's reminder names the units still missing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDeadlinesJob } from "../../bot/jobs/report-deadlines.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { resolvePeriod } from "../../bot/services/reports/periods.js";
import { draftUnitReport, reportingUnits, submitReport } from "../../bot/services/reports/submissions.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { jobDeps, vn } from "../helpers/jobs.js";
import { bind } from "../helpers/tasks.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ now: vn("2026-12-15", "08:00") });
  await loadDemoStaff(db.prisma);
  for (const s of await db.prisma.staff.findMany()) await bind(db.prisma, s.code);
});
afterAll(async () => db?.drop());

async function submit(unitCode: string, headCode: string, at: Date) {
  const p = db.prisma;
  const unit = (await reportingUnits(p)).find((u) => u.code === unitCode)!;
  const head = await p.staff.findUniqueOrThrow({ where: { code: headCode } });
  const period = (await resolvePeriod(p, "2027-Q1"))!;
  const draft = await draftUnitReport(p, unit, period, at, "Asia/Ho_Chi_Minh");
  return submitReport(p, { staffId: head.id, role: head.role, unitId: head.unitId, actor: "test" }, draft, { results: null, difficulties: null, proposals: null }, at);
}

describe("report deadline reminders and submissions", () => {
  it("reminds each unit not yet submitted once per reminder day, and not a unit that has submitted", async () => {
    const p = db.prisma;
    const deps = jobDeps(p);
    // KH-TC reports early; QLCS between the two reminder days; QLKH never.
    expect(await submit("KHTC", "KH01", vn("2027-02-15", "10:00"))).toEqual({ ok: true, version: 1 });
    const days: string[] = [];
    for (let d = new Date("2027-02-16T00:00:00Z"); d <= new Date("2027-03-03T00:00:00Z"); d = new Date(d.getTime() + 86_400_000)) days.push(d.toISOString().slice(0, 10));
    const reminderDays: string[] = [];
    for (const day of days) {
      const before = await p.outboxMessage.count({ where: { kind: "report-deadline" } });
      await reportDeadlinesJob.run(vn(day, "08:00"), deps);
      await reportDeadlinesJob.run(vn(day, "15:00"), deps); // a second run the same day
      if ((await p.outboxMessage.count({ where: { kind: "report-deadline" } })) > before) reminderDays.push(day);
      if (reminderDays.length === 1 && !(await p.reportSubmission.count({ where: { unit: { code: "QLCS" } } }))) await submit("QLCS", "CS01", vn(day, "16:00"));
    }
    // Five and one working days before Wednesday 03/03/2027.
    expect(reminderDays).toEqual(["2027-02-24", "2027-03-02"]);

    const rows = await p.outboxMessage.findMany({ where: { kind: "report-deadline" }, include: { staff: true }, orderBy: { id: "asc" } });
    const to = (code: string) => rows.filter((r) => r.staff!.code === code);
    expect(to("KH01")).toHaveLength(0); // submitted before the first reminder
    expect(to("CS01")).toHaveLength(1); // submitted after the first
    expect(to("QL01")).toHaveLength(2); // never
    expect(to("VP01")).toHaveLength(2); // the office, each reminder day
    expect(to("QL01").map((r) => r.dedupKey)).toEqual([`report-deadline:q1:2027-03-03:5:unit${to("QL01")[0]!.staff!.unitId}:${to("QL01")[0]!.staffId}`, `report-deadline:q1:2027-03-03:1:unit${to("QL01")[0]!.staff!.unitId}:${to("QL01")[0]!.staffId}`]);
    const head = JSON.parse(to("QL01")[0]!.payload).text as string;
    expect(head).toContain("Báo cáo quý I (kỳ 01/01/2027–31/03/2027) gửi Sở qua Văn phòng Sở <b>trước ngày 03/03/2027</b>");
    expect(head).toContain("Đơn vị chưa nộp báo cáo kỳ này trên trợ lý: gõ /nopbaocao");
    const office = to("VP01").map((r) => JSON.parse(r.payload).text as string);

    expect(office[0]).toContain("Chưa nộp: Văn phòng, QLKH, QLKH&amp;CN cơ sở.");
    expect(office[1]).toContain("Chưa nộp: Văn phòng, QLKH.");
  });
});
