// Recording progress reports: every rule on the server, history never overwritten, a lower
// percentage only with a confirmation, the unit head told once through the outbox; two
// reports racing on one task are both kept (SQLite and PostgreSQL).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { checkReport, cleanNote, parsePercentText, recordReport } from "../../bot/services/progress.js";
import { taskDetail } from "../../bot/services/tasks/queries.js";
import { createTestDatabase, type TestDatabase, testProviders } from "../helpers/db.js";
import { bind, makeTask, reportDeps, taskEnv, viewerOf } from "../helpers/tasks.js";

const NOW = new Date("2021-03-10T03:00:00Z"); // 10:00 local: not in anyone's quiet hours
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe("parsing what people type", () => {
  it("accepts whole percentages 0..100, with or without %", () => {
    expect(parsePercentText("75")).toEqual({ ok: true, percent: 75 });
    expect(parsePercentText(" 100 % ")).toEqual({ ok: true, percent: 100 });
    expect(parsePercentText("0%")).toEqual({ ok: true, percent: 0 });
    expect(parsePercentText("abc")).toEqual({ ok: false, reason: "not_number" });
    expect(parsePercentText("50 phần trăm")).toEqual({ ok: false, reason: "not_number" });
    expect(parsePercentText("75,5")).toEqual({ ok: false, reason: "not_integer" });
    expect(parsePercentText("101")).toEqual({ ok: false, reason: "out_of_range" });
    expect(parsePercentText("-5")).toEqual({ ok: false, reason: "out_of_range" });
  });

  it("keeps a note's line breaks and collapses spaces", () => {
    expect(cleanNote("  Đã xong   phần 1\r\n\r\n\r\n  còn phần 2  ")).toBe("Đã xong phần 1\n\ncòn phần 2");
  });
});

const providers = await testProviders();

describe.each(providers)("recording a report (%s)", (provider) => {
  let tdb: TestDatabase;
  let db: Db;
  let task: { id: number };

  beforeEach(async () => {
    tdb = await createTestDatabase({ provider });
    db = tdb.prisma;
    await loadDemoStaff(db);
    task = await makeTask(db, { code: "T1", lead: ["KHTC", "QLKH"], coord: ["STTTT"] });
  });
  afterEach(async () => tdb.drop());

  it("refuses what breaks a rule and writes nothing", async () => {
    const deps = reportDeps(db);
    const kh02 = await viewerOf(db, "KH02");
    expect(await recordReport(deps, kh02, { taskId: task.id, percent: 101 }, NOW)).toEqual({ ok: false, reason: "percent_invalid" });
    expect(await recordReport(deps, kh02, { taskId: task.id, percent: 2.5 }, NOW)).toEqual({ ok: false, reason: "percent_invalid" });
    expect(await recordReport(deps, kh02, { taskId: task.id, percent: 50, note: "x".repeat(1001) }, NOW)).toEqual({
      ok: false,
      reason: "note_too_long",
      length: 1001,
    });
    expect(await recordReport(deps, kh02, { taskId: 999_999, percent: 50 }, NOW)).toEqual({ ok: false, reason: "not_found" });
    expect(await recordReport(deps, await viewerOf(db, "CS02"), { taskId: task.id, percent: 50 }, NOW)).toEqual({ ok: false, reason: "forbidden" });
    // The office and leaders see every task but report only on their own.
    expect(await recordReport(deps, await viewerOf(db, "GD01"), { taskId: task.id, percent: 50 }, NOW)).toEqual({ ok: false, reason: "forbidden" });
    await db.task.update({ where: { id: task.id }, data: { status: "closed" } });
    expect(await recordReport(deps, kh02, { taskId: task.id, percent: 50 }, NOW)).toEqual({ ok: false, reason: "closed" });
    expect(await db.progressReport.count()).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("keeps every report; a lower percentage needs a confirmation against the report the user saw", async () => {
    const deps = reportDeps(db);
    const kh02 = await viewerOf(db, "KH02");
    const first = await recordReport(deps, kh02, { taskId: task.id, percent: 60, note: "Đợt 1", file: { fileId: "BQACAgIAAxk", kind: "document", fileName: "bien-ban.pdf" } }, NOW);
    expect(first.ok).toBe(true);
    const lower = await recordReport(deps, kh02, { taskId: task.id, percent: 40 }, later(1));
    expect(lower).toMatchObject({ ok: false, reason: "lower", previous: { percent: 60 } });
    if (lower.ok || lower.reason !== "lower") throw new Error("expected a refusal");
    // Another unit's report is not what KH02 compares with: QLKH may report 10%.
    expect((await recordReport(deps, await viewerOf(db, "QL02"), { taskId: task.id, percent: 10 }, later(2))).ok).toBe(true);
    // A confirmation given against an older report does not count once a newer one exists.
    const kh01 = await viewerOf(db, "KH01");
    const newer = await recordReport(deps, kh01, { taskId: task.id, percent: 70 }, later(3));
    expect(newer.ok).toBe(true);
    expect(await recordReport(deps, kh02, { taskId: task.id, percent: 40, confirmedLowerThan: lower.previous.id }, later(4))).toMatchObject({
      ok: false,
      reason: "lower",
      previous: { percent: 70 },
    });
    const check = await checkReport(db, kh02, { taskId: task.id, percent: 40 });
    if (check.ok || check.reason !== "lower") throw new Error("expected lower");
    const saved = await recordReport(deps, kh02, { taskId: task.id, percent: 40, note: "Phải làm lại", confirmedLowerThan: check.previous.id }, later(5));
    expect(saved.ok).toBe(true);

    const rows = await db.progressReport.findMany({ where: { taskId: task.id }, orderBy: { id: "asc" }, include: { staff: true, unit: true } });
    expect(rows.map((r) => [r.staff.code, r.unit!.code, r.percent, r.note])).toEqual([
      ["KH02", "KHTC", 60, "Đợt 1"],
      ["QL02", "QLKH", 10, null],
      ["KH01", "KHTC", 70, null],
      ["KH02", "KHTC", 40, "Phải làm lại"],
    ]);
    expect(rows[0]).toMatchObject({ fileId: "BQACAgIAAxk", fileKind: "document", fileName: "bien-ban.pdf" });
  });

  it("tells the reporter's unit head once (not the head about their own report), through the outbox", async () => {
    const deps = reportDeps(db);
    const head = await bind(db, "KH01");
    await bind(db, "KH02");
    const res = await recordReport(deps, await viewerOf(db, "KH02"), { taskId: task.id, percent: 30, note: "Đã khảo sát <xong> & lập dự toán" }, NOW);
    if (!res.ok) throw new Error(res.reason);
    expect(res.headsTold).toBe(1);
    const msgs = await db.outboxMessage.findMany();
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ dedupKey: `report:${res.reportId}:head:${head.staffId}`, kind: "notify", staffId: head.staffId, refType: "task", refId: task.id });
    const payload = JSON.parse(msgs[0]!.payload) as { text: string; buttons: { text: string; data: string }[][] };
    expect(payload.text).toContain("<b>Phạm Thu Hà</b> báo cáo tiến độ nhiệm vụ <b>T1</b>");
    expect(payload.text).toContain("Tiến độ: <b>30%</b>");
    expect(payload.text).toContain("Đã khảo sát &lt;xong&gt; &amp; lập dự toán");
    expect(payload.buttons).toEqual([[{ text: "Xem nhiệm vụ", data: `nhiemvu:t:${task.id}` }]]);

    const own = await recordReport(deps, await viewerOf(db, "KH01"), { taskId: task.id, percent: 40 }, later(1));
    expect(own.ok && own.headsTold).toBe(0);
    expect(await db.outboxMessage.count()).toBe(1);
  });

  it("two reports on one task at the same moment are both kept and listed in time order", async () => {
    const deps = reportDeps(db);
    const [a, b] = await Promise.all([
      recordReport(deps, await viewerOf(db, "KH02"), { taskId: task.id, percent: 40, note: "KH-TC" }, NOW),
      recordReport(deps, await viewerOf(db, "QL02"), { taskId: task.id, percent: 55, note: "QLKH" }, NOW),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const c = await recordReport(deps, await viewerOf(db, "KH02"), { taskId: task.id, percent: 45 }, later(1));
    expect(c.ok).toBe(true);
    const d = await taskDetail(taskEnv(db, "2021-03-10"), await viewerOf(db, "GD01"), task.id);
    if (!d.ok) throw new Error(d.reason);
    expect(d.detail.reportCount).toBe(3);
    // Newest first; the two of the same instant in the order they were stored.
    expect(d.detail.reports.map((r) => r.percent)).toEqual([45, ...(a.ok && b.ok && a.reportId > b.reportId ? [40, 55] : [55, 40])]);
    expect(d.detail.unitProgress.map((u) => [u.unit.shortName, u.percent])).toEqual([
      ["KH-TC", 45],
      ["QLKH", 55],
    ]);
  });
});
