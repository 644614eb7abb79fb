// The dossiers' section of the heads' daily digest: due today, overdue, the month's on-time
// rate, per unit or for the department; "only when changed" follows dossier changes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { dailyDigestJob } from "../../bot/jobs/daily-digest.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { jobDeps, vn } from "../helpers/jobs.js";

let tdb: TestDatabase;
let db: Db;

async function add(code: string, handler: string, due: string, status = "dang_xu_ly", returned?: string) {
  const h = await db.staff.findUniqueOrThrow({ where: { code: handler } });
  return db.dossier.create({
    data: {
      code,
      procedureName: "Thẩm định công nghệ dự án đầu tư",
      applicant: "Công ty TNHH Minh Phát",
      unitId: h.unitId,
      handlerId: h.id,
      receivedAt: vn("2026-11-05", "09:00"),
      dueAt: vn(due, "17:00"),
      status,
      returnedAt: returned ? vn(returned, "10:00") : null,
      importedAt: vn("2026-11-30", "06:45"),
    },
  });
}

const digestOf = async (code: string, day: string) => {
  const row = await db.outboxMessage.findFirst({ where: { kind: "digest", staff: { code }, dedupKey: { startsWith: `digest:${day}:` } } });
  return row ? (JSON.parse(row.payload) as { text: string }).text : null;
};

beforeEach(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  await loadDemoStaff(db);
  for (const s of await db.staff.findMany()) {
    await db.chatAccount.create({ data: { platform: "telegram", externalId: String(5000 + s.id), chatId: String(5000 + s.id), staffId: s.id } });
  }
  await add("KH-1", "KH02", "2026-11-30");
  await add("KH-2", "KH02", "2026-11-25");
  await add("QL-1", "QL02", "2026-11-20");
  await add("KH-3", "KH02", "2026-11-12", "da_tra_dung_han", "2026-11-10");
  await add("KH-4", "KH02", "2026-11-12", "da_tra_tre_han", "2026-11-20");
});
afterEach(async () => tdb.drop());

describe("dossiers in the daily digest", () => {
  it("a head gets the unit's dossiers due today and overdue, and the month's on-time rate", async () => {
    await dailyDigestJob.run(vn("2026-11-30"), jobDeps(db));
    const head = (await digestOf("KH01", "2026-11-30"))!;
    expect(head).toContain("📁 <b>Hồ sơ thủ tục hành chính</b>");
    expect(head).toContain("Đến hạn hôm nay: 1\n  • <code>KH-1</code> đến hạn hôm nay — Phạm Thu Hà");
    expect(head).toContain("Quá hạn: 1\n  • <code>KH-2</code> quá hạn 3 ngày làm việc — Phạm Thu Hà");
    expect(head).toContain("Từ đầu tháng: tiếp nhận 4, trả đúng hạn 1, trễ hạn 1, tỷ lệ đúng hạn 50%.");
    expect(head).toContain("Dữ liệu một cửa cập nhật lúc 30/11/2026 06:45.");
    expect(head).not.toContain("QL-1");
    const leader = (await digestOf("GD01", "2026-11-30"))!;
    expect(leader).toContain("Quá hạn: 2");
    expect(leader).toContain("QL-1");
    expect(leader).toContain("tiếp nhận 5");
    // A unit without dossiers has no dossier section.
    expect(await digestOf("CS01", "2026-11-30")).not.toContain("Hồ sơ thủ tục hành chính");
  });

  it("'only when changed' follows dossiers turning due or overdue and status changes", async () => {
    await db.staff.update({ where: { code: "QL01" }, data: { digestMode: "changes" } });
    await dailyDigestJob.run(vn("2026-11-30"), jobDeps(db));
    expect(await digestOf("QL01", "2026-11-30")).toContain("QL-1"); // the first one
    await dailyDigestJob.run(vn("2026-12-01"), jobDeps(db));
    expect(await digestOf("QL01", "2026-12-01")).toBeNull(); // QL-1 was already overdue: nothing new
    const ql1 = await db.dossier.findUniqueOrThrow({ where: { code: "QL-1" } });
    await db.dossierStatusChange.create({ data: { dossierId: ql1.id, fromStatus: "dang_xu_ly", toStatus: "cho_bo_sung", at: vn("2026-12-01", "10:00"), source: "import" } });
    await dailyDigestJob.run(vn("2026-12-02"), jobDeps(db));
    expect(await digestOf("QL01", "2026-12-02")).toContain("QL-1");
  });
});
