// Where a dossier stands in working days (across Tết and a make-up Saturday), on-time figures
// per unit and department for any period, visibility per role, and the apology slip read back
// from the .docx.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { createVietnamWorkingCalendar, type WorkingCalendar } from "../../bot/services/calendar/index.js";
import { draftApologySlip } from "../../bot/services/dossiers/apology.js";
import { vnLongDate } from "../../bot/services/dossiers/apology-slip.js";
import { effectiveDueDate, standingOn } from "../../bot/services/dossiers/deadline.js";
import { dossierFigures, formatRate } from "../../bot/services/dossiers/figures.js";
import { dossierDetail, listOpenDossiers } from "../../bot/services/dossiers/queries.js";
import { setSetting } from "../../bot/services/settings.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { vn } from "../helpers/jobs.js";

const cal = createVietnamWorkingCalendar();
const open = (due: string, extra: Partial<{ status: string; pausedWorkingDays: number; pausedAt: Date | null }> = {}) => ({
  status: "dang_xu_ly",
  dueAt: vn(due, "17:00"),
  pausedAt: null,
  pausedWorkingDays: 0,
  ...extra,
});

describe("standing in working days", () => {
  it("counts across Tết 2026 (14–22/02 off)", () => {
    expect(standingOn(cal, open("2026-02-13"), "2026-02-12")).toEqual({ kind: "open", days: 1 });
    expect(standingOn(cal, open("2026-02-13"), "2026-02-13")).toEqual({ kind: "dueToday" });
    // On the holidays right after the due day it is late, though no working day has passed.
    expect(standingOn(cal, open("2026-02-13"), "2026-02-18")).toEqual({ kind: "overdue", days: 1 });
    expect(standingOn(cal, open("2026-02-13"), "2026-02-23")).toEqual({ kind: "overdue", days: 1 });
    expect(standingOn(cal, open("2026-02-13"), "2026-02-25")).toEqual({ kind: "overdue", days: 3 });
    expect(standingOn(cal, open("2026-02-24"), "2026-02-13")).toEqual({ kind: "open", days: 2 });
  });

  it("moves a due date on a day off to the next working day and adds the waits", () => {
    expect(effectiveDueDate(cal, open("2026-02-17"))).toBe("2026-02-23");
    expect(effectiveDueDate(cal, open("2026-02-12", { pausedWorkingDays: 2 }))).toBe("2026-02-23");
    // 10/01/2026 is a Saturday worked to make up for Friday 02/01.
    expect(standingOn(cal, open("2026-01-12"), "2026-01-10")).toEqual({ kind: "open", days: 1 });
    expect(standingOn(cal, open("2026-01-09"), "2026-01-10")).toEqual({ kind: "overdue", days: 1 });
    expect(standingOn(cal, open("2026-01-09", { status: "cho_bo_sung", pausedAt: vn("2026-01-05", "10:00") }), "2026-01-20")).toEqual({
      kind: "paused",
      since: "2026-01-05",
    });
    expect(standingOn(cal, open("2026-01-09", { status: "da_tra_tre_han" }), "2026-01-20")).toEqual({ kind: "closed" });
  });
});

let tdb: TestDatabase;
let db: Db;
let calendar: WorkingCalendar;
let units: Map<string, number>;
let staff: Map<string, { id: number; role: string; unitId: number }>;
const NOW = vn("2026-11-27", "10:00");

async function add(code: string, unit: string, received: string, due: string, status: string, opts: { returned?: string; handler?: string; cancelledAt?: Date } = {}) {
  const d = await db.dossier.create({
    data: {
      code,
      procedureName: "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ",
      applicant: `Người nộp ${code}`,
      unitId: units.get(unit)!,
      handlerId: opts.handler ? staff.get(opts.handler)!.id : null,
      receivedAt: vn(received, "09:00"),
      dueAt: vn(due, "17:00"),
      status,
      returnedAt: opts.returned ? vn(opts.returned, "15:00") : null,
      importedAt: vn("2026-11-27", "07:00"),
    },
  });
  if (opts.cancelledAt) await db.dossierStatusChange.create({ data: { dossierId: d.id, fromStatus: "dang_xu_ly", toStatus: "da_huy", at: opts.cancelledAt, source: "import" } });
  return d;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  await loadDemoStaff(db);
  calendar = cal;
  units = new Map((await db.unit.findMany()).map((u) => [u.code, u.id]));
  staff = new Map((await db.staff.findMany()).map((s) => [s.code, s]));
  await add("A", "KHTC", "2026-11-02", "2026-11-10", "da_tra_dung_han", { returned: "2026-11-09", handler: "KH02" });
  await add("B", "KHTC", "2026-11-03", "2026-11-10", "da_tra_tre_han", { returned: "2026-11-12", handler: "KH02" });
  await add("C", "QLKH", "2026-11-05", "2026-11-20", "dang_xu_ly", { handler: "QL02" });
  await add("D", "QLKH", "2026-10-20", "2026-10-30", "da_tra_tre_han", { returned: "2026-11-03", handler: "QL02" });
  await add("E", "KHTC", "2026-11-25", "2026-12-09", "dang_xu_ly", { handler: "KH01" });
  await add("F", "QLKH", "2026-11-10", "2026-11-24", "da_huy", { cancelledAt: vn("2026-11-12", "10:00") });
  await add("G", "KHTC", "2026-11-26", "2026-11-20", "cho_bo_sung", { handler: "KH02" });
});
afterAll(async () => tdb.drop());

describe("on-time figures", () => {
  it("per unit and for the department, for the month so far", async () => {
    const r = await dossierFigures(db, calendar, { from: "2026-11-01", to: "2026-11-30" }, { now: NOW, timeZone: "Asia/Ho_Chi_Minh" });
    expect(r.asOf).toEqual(NOW);
    expect(r.department).toEqual({ received: 6, onTime: 1, late: 2, cancelled: 1, open: 3, openOverdue: 1, onTimeRate: 1 / 3 });
    const byCode = Object.fromEntries(r.units.map((u) => [u.unitName, u.figures]));
    expect(byCode["Phòng Kế hoạch - Tài chính"]).toEqual({ received: 4, onTime: 1, late: 1, cancelled: 0, open: 2, openOverdue: 0, onTimeRate: 0.5 });
    expect(byCode["Phòng Quản lý Khoa học"]).toEqual({ received: 2, onTime: 0, late: 1, cancelled: 1, open: 1, openOverdue: 1, onTimeRate: 0 });
    expect(formatRate(r.department.onTimeRate, "vi")).toBe("33,3%");
    expect(formatRate(r.department.onTimeRate, "en")).toBe("33.3%");
  });

  it("for a past period, counts what was open and overdue at its end", async () => {
    const r = await dossierFigures(db, calendar, { from: "2026-10-01", to: "2026-10-31" }, { now: NOW, timeZone: "Asia/Ho_Chi_Minh" });
    expect(r.asOf).toEqual(vn("2026-11-01", "00:00"));
    expect(r.department).toEqual({ received: 1, onTime: 0, late: 0, cancelled: 0, open: 1, openOverdue: 1, onTimeRate: null });
    const unit = await dossierFigures(db, calendar, { from: "2026-11-01", to: "2026-11-30" }, { now: NOW, timeZone: "Asia/Ho_Chi_Minh", unitId: units.get("KHTC")! });
    expect(unit.units).toHaveLength(1);
    expect(unit.department.received).toBe(4);
  });
});

describe("who sees which dossiers", () => {
  const viewer = (code: string) => ({ staffId: staff.get(code)!.id, role: staff.get(code)!.role, unitId: staff.get(code)!.unitId });
  const codes = async (code: string) =>
    (await listOpenDossiers(db, calendar, viewer(code), { filter: "all", today: "2026-11-27", dueSoonDays: 1 })).items.map((i) => i.code);

  it("a staff member their own, a head their unit's, the office and leaders all; sorted by due date", async () => {
    expect(await codes("KH02")).toEqual(["G"]);
    expect(await codes("QL02")).toEqual(["C"]);
    expect(await codes("KH01")).toEqual(["E", "G"]);
    expect(await codes("CS01")).toEqual([]);
    for (const c of ["VP01", "GD01", "QT01"]) expect(await codes(c)).toEqual(["C", "E", "G"]);
    const overdue = await listOpenDossiers(db, calendar, viewer("GD01"), { filter: "overdue", today: "2026-11-27", dueSoonDays: 1 });
    expect(overdue.items.map((i) => [i.code, i.standing])).toEqual([["C", { kind: "overdue", days: 5 }]]);
    expect(overdue.lastImportAt).toEqual(vn("2026-11-27", "07:00"));
  });

  it("another unit's dossier is not found, as if it did not exist", async () => {
    expect(await dossierDetail(db, calendar, viewer("KH02"), { code: "C" }, "2026-11-27")).toEqual({ ok: false, reason: "notFound" });
    expect(await dossierDetail(db, calendar, viewer("QL01"), { code: "C" }, "2026-11-27")).toMatchObject({ ok: true, detail: { canAct: true, canSnooze: false } });
    expect(await dossierDetail(db, calendar, viewer("GD01"), { code: "C" }, "2026-11-27")).toMatchObject({ ok: true, detail: { canAct: false } });
  });
});

describe("apology slip", () => {
  const ctx = { get db() { return db; }, calendar: cal, now: NOW, today: "2026-11-27", actor: "test" };
  const viewer = (code: string) => ({ staffId: staff.get(code)!.id, role: staff.get(code)!.role, unitId: staff.get(code)!.unitId });

  it("is a Word document in the administrative format, with the dossier's data and a new date in working days", async () => {
    await setSetting(db, "dossiers.apologyExtraWorkingDays", "5", "test", NOW);
    const res = await draftApologySlip(ctx, viewer("QL02"), { code: "C" }, "cần lấy ý kiến thẩm định của hội đồng tư vấn");
    if (!res.ok) throw new Error(res.reason);
    // Overdue since 20/11: five working days from today, Friday 27/11.
    expect(res).toMatchObject({ code: "C", newDate: "2026-12-04", extraDays: 5, countedFrom: "2026-11-27", fileName: "phieu-xin-loi-C.docx" });
    const zip = await JSZip.loadAsync(res.document);
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "");
    for (const expected of [
      "UBND TỈNH QUẢNG NGÃI",
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Quảng Ngãi, ngày 27 tháng 11 năm 2026",
      "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
      "Kính gửi: Người nộp C",
      "Ngày 05 tháng 11 năm 2026, Sở Khoa học và Công nghệ tiếp nhận hồ sơ",
      "mã hồ sơ: C",
      "theo giấy hẹn: ngày 20 tháng 11 năm 2026",
      "Lý do: cần lấy ý kiến thẩm định của hội đồng tư vấn.",
      "hẹn lại ngày trả kết quả giải quyết hồ sơ vào ngày 04 tháng 12 năm 2026.",
      "Nơi nhận:",
      "(Ký, ghi rõ họ tên và đóng dấu)",
    ]) {
      expect(text).toContain(expected);
    }
    const audit = await db.auditLog.findFirst({ where: { action: "dossier.apology", target: "dossier:C" } });
    expect(audit).not.toBeNull();
  });

  it("counts from the due date when it has not passed, and leaves the reason to fill in", async () => {
    const res = await draftApologySlip(ctx, viewer("KH01"), { code: "E" }, null);
    if (!res.ok) throw new Error(res.reason);
    expect(res).toMatchObject({ newDate: "2026-12-16", countedFrom: "2026-12-09" });
    const xml = await (await JSZip.loadAsync(res.document)).file("word/document.xml")!.async("string");
    expect(xml).toContain("Lý do: ");
    // The line to fill in: a tab whose dot leader runs to the right margin.
    expect(xml).toMatch(/<w:tab w:val="right" w:pos="\d+" w:leader="dot"\/>/);
  });

  it("is refused for a dossier not in progress or not visible", async () => {
    expect(await draftApologySlip(ctx, viewer("KH01"), { code: "G" }, null)).toEqual({ ok: false, reason: "notOpen", code: "G", status: "cho_bo_sung" });
    expect(await draftApologySlip(ctx, viewer("KH02"), { code: "C" }, null)).toEqual({ ok: false, reason: "notFound" });
    expect(await draftApologySlip(ctx, viewer("VP01"), { code: "A" }, null)).toMatchObject({ ok: false, reason: "notOpen" });
  });

  it("writes dates as Decree 30 asks (leading zero for days below 10 and months 1-2)", () => {
    expect(vnLongDate("2026-02-05")).toBe("ngày 05 tháng 02 năm 2026");
    expect(vnLongDate("2026-03-15")).toBe("ngày 15 tháng 3 năm 2026");
    expect(vnLongDate("2026-12-04")).toBe("ngày 04 tháng 12 năm 2026");
  });
});
