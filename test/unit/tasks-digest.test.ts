// The plan tasks' section of the heads' daily digest, through the daily digest job with a
// fixed clock: new reports, overdue and due-soon tasks, people who have not reported; and
// "changed" for those who get the digest only when something changed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { dailyDigestJob } from "../../bot/jobs/daily-digest.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { jobDeps, vn } from "../helpers/jobs.js";
import { bind, makeTask } from "../helpers/tasks.js";

let tdb: TestDatabase;
let db: Db;

beforeEach(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  await loadDemoStaff(db);
  for (const s of await db.staff.findMany()) await bind(db, s.code);
  await db.task.deleteMany();
  await makeTask(db, { code: "B1", title: "Quá hạn từ trước", lead: ["KHTC"], dueDate: "2021-03-05" });
  await makeTask(db, { code: "B2", title: "Sắp đến hạn", lead: ["KHTC"], dueDate: "2021-03-12" });
  await makeTask(db, { code: "B3", title: "Của phòng khác", lead: ["QLKH"], dueDate: "2021-03-01" });
  await makeTask(db, { code: "B4", title: "Hết hạn thứ Ba", lead: ["KHTC"], coord: ["QLKH"], dueDate: "2021-03-09" });
});
afterEach(async () => tdb.drop());

async function reportOn(code: string, staff: string, percent: number, at: Date) {
  const s = await db.staff.findUniqueOrThrow({ where: { code: staff } });
  const t = await db.task.findUniqueOrThrow({ where: { code } });
  await db.progressReport.create({ data: { taskId: t.id, staffId: s.id, unitId: s.unitId, percent, createdAt: at } });
}

async function digestOf(staff: string): Promise<string | undefined> {
  const row = await db.outboxMessage.findFirst({ where: { kind: "digest", staff: { code: staff } }, orderBy: { id: "desc" } });
  return row ? (JSON.parse(row.payload) as { text: string }).text : undefined;
}

describe("the tasks section of the daily digest", () => {
  it("a head gets their unit: new reports, overdue and due-soon tasks, who has not reported", async () => {
    await reportOn("B2", "KH02", 60, vn("2021-03-07", "10:00"));
    await reportOn("B3", "QL02", 10, vn("2021-03-07", "11:00"));
    await dailyDigestJob.run(vn("2021-03-08"), jobDeps(db)); // Monday
    const text = (await digestOf("KH01"))!;
    expect(text).toContain("<b>📋 Nhiệm vụ kế hoạch</b>\nCó báo cáo tiến độ mới (1 nhiệm vụ):\n• <b>B2</b> Sắp đến hạn — 60% · 1 báo cáo mới");
    expect(text).toContain("🔴 Quá hạn (1 nhiệm vụ):\n• <b>B1</b> Quá hạn từ trước — chưa báo cáo · quá hạn 3 ngày");
    expect(text).toContain("🟡 Đến hạn trong 5 ngày làm việc (2 nhiệm vụ):\n• <b>B2</b> Sắp đến hạn — 60% · còn 4 ngày làm việc\n• <b>B4</b> Hết hạn thứ Ba — chưa báo cáo · còn 1 ngày làm việc");
    expect(text).toContain("⚠️ Chưa báo cáo tiến độ trong 14 ngày (1 người):\n• Lê Minh Tuấn");
    expect(text).not.toContain("B3");

    const dept = (await digestOf("GD01"))!;
    expect(dept).toContain("Có báo cáo tiến độ mới (2 nhiệm vụ)");
    expect(dept).toContain("🔴 Quá hạn (2 nhiệm vụ):\n• <b>B1</b>");
    expect(dept).toContain("• <b>B3</b> Của phòng khác — 10% · quá hạn 7 ngày");
    // Per unit; Văn phòng and Ban Giám đốc have no task here, so nothing to report on.
    expect(dept).toContain("⚠️ Chưa báo cáo tiến độ trong 14 ngày (2 người):\n• KH-TC: 1 người\n• QLKH: 1 người\n");
  });

  it("“only when changed”: a new report or a task newly overdue; nothing else", async () => {
    await db.staff.update({ where: { code: "KH01" }, data: { digestMode: "changes" } });
    const deps = jobDeps(db);
    await reportOn("B2", "KH02", 60, vn("2021-03-07", "10:00"));
    await dailyDigestJob.run(vn("2021-03-08"), deps); // a new report
    expect(await db.outboxMessage.count({ where: { kind: "digest", staff: { code: "KH01" } } })).toBe(1);
    // Another unit's report on a task KHTC leads is the task's news, not the unit's progress.
    await reportOn("B4", "QL02", 30, vn("2021-03-08", "15:00"));
    await dailyDigestJob.run(vn("2021-03-09"), deps); // B1 was already overdue: no change
    expect(await db.outboxMessage.count({ where: { kind: "digest", staff: { code: "KH01" } } })).toBe(1);
    await dailyDigestJob.run(vn("2021-03-10"), deps); // B4 (due Tuesday) is now overdue
    expect(await db.outboxMessage.count({ where: { kind: "digest", staff: { code: "KH01" } } })).toBe(2);
    expect(await digestOf("KH01")).toContain("🔴 Quá hạn (2 nhiệm vụ)");
  });
});
