// Importing dossiers from the one-stop system's export: header and name matching, statuses,
// every bad row reported with nothing written, re-imports keeping the history, the clock
// stopping while a dossier waits for the applicant.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import type { Db } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { reportReturned } from "../../bot/services/dossiers/actions.js";
import { effectiveDueDate } from "../../bot/services/dossiers/deadline.js";
import { loadWorkingCalendar } from "../../bot/services/working-calendar.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { dossier, writeCsv } from "../helpers/dossiers.js";
import { vn } from "../helpers/jobs.js";

let tdb: TestDatabase;
let db: Db;
let out: string[];
let err: string[];

async function cli(now: Date, ...args: string[]) {
  out = [];
  err = [];
  return runCli(args, { env: { DATABASE_URL: tdb.url }, out: (l) => out.push(l), err: (l) => err.push(l), now: () => now });
}

const NOW = vn("2026-11-27", "09:00");

beforeEach(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  await loadDemoStaff(db);
});
afterEach(async () => tdb.drop());

describe("npm run cli -- import dossiers", () => {
  it("reads the export whatever the case, diacritics or normalisation of headers and names", async () => {
    const headers = ["MÃ HỒ SƠ", "Tên thủ tục", "Người nộp", "Ngày tiếp nhận", "Ngày hẹn trả", "Cán bộ xử lý".normalize("NFD"), "Đơn vị", "Trạng thái", "Ngày trả kết quả"];
    const file = writeCsv(
      [
        dossier("HS-001", { "Cán bộ xử lý": "kh02", "Trạng thái": "Đang giải quyết" }),
        dossier("HS-002", { "Cán bộ xử lý": "pham thu ha", "Đơn vị": "Phòng KH-TC", "Trạng thái": "Yêu cầu bổ sung", "Ngày hẹn trả": "30/11/2026 16:00" }),
        dossier("HS-003", { "Cán bộ xử lý": "Võ Quốc Bảo".normalize("NFD"), "Đơn vị": "QLKH", "Trạng thái": "Đã trả kết quả", "Ngày tiếp nhận": "02/11/2026", "Ngày hẹn trả": "16/11/2026", "Ngày trả kết quả": "13/11/2026" }),
        dossier("HS-004", { "Cán bộ xử lý": "ĐẶNG NGỌC ÁNH", "Trạng thái": "Hoàn thành", "Ngày tiếp nhận": "02/11/2026", "Ngày hẹn trả": "10/11/2026", "Ngày trả kết quả": "12/11/2026 15:45" }),
        dossier("HS-005", { "Cán bộ xử lý": "", "Đơn vị": "Văn phòng Sở", "Trạng thái": "Rút hồ sơ", "Ngày tiếp nhận": "05/11/2026" }),
      ],
      { headers },
    );
    expect(await cli(NOW, "import", "dossiers", file, "--dry-run")).toBe(0);
    expect(out.join("\n")).toContain("Kiểm tra xong 5 hồ sơ, không có lỗi: sẽ thêm 5");
    expect(await db.dossier.count()).toBe(0);

    expect(await cli(NOW, "import", "dossiers", file)).toBe(0);
    expect(out.join("\n")).toContain("Đã nhập 5 hồ sơ: thêm 5, cập nhật 0, giữ nguyên 0");
    const rows = await db.dossier.findMany({ include: { handler: true, unit: true, history: true }, orderBy: { code: "asc" } });
    expect(rows.map((r) => [r.code, r.status, r.handler?.code ?? null, r.unit?.code])).toEqual([
      ["HS-001", "dang_xu_ly", "KH02", "KHTC"],
      ["HS-002", "cho_bo_sung", "KH02", "KHTC"],
      ["HS-003", "da_tra_dung_han", "QL01", "QLKH"],
      ["HS-004", "da_tra_tre_han", "QL02", "QLKH"],
      ["HS-005", "da_huy", null, "VP"],
    ]);
    const [hs1, hs2] = rows;
    expect(hs1!.receivedAt.toISOString()).toBe("2026-11-16T01:30:00.000Z"); // 08:30 in Hà Nội
    expect(hs1!.dueAt.toISOString()).toBe("2026-11-30T10:00:00.000Z"); // a date alone: due by 17:00
    expect(hs2!.dueAt.toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(hs2!.pausedAt).toEqual(NOW);
    expect(rows.every((r) => r.history.length === 1 && r.importedAt.getTime() === NOW.getTime())).toBe(true);
    expect(await db.auditLog.count({ where: { action: "dossier.import" } })).toBe(1);

    expect(await cli(NOW, "import", "dossiers", file)).toBe(0);
    expect(out.join("\n")).toContain("thêm 0, cập nhật 0, giữ nguyên 5; 0 hồ sơ đổi trạng thái");
  });

  it("reports every bad row with its row number and writes nothing", async () => {
    const twin = await db.staff.findUniqueOrThrow({ where: { code: "KH02" } });
    await db.staff.create({ data: { code: "CS09", fullName: "Phạm Thu Hà", unitId: twin.unitId } });
    const file = writeCsv([
      dossier("HS-OK"),
      dossier("HS-B1", { "Cán bộ xử lý": "Nguyễn Văn Không Có" }),
      dossier("HS-B2", { "Cán bộ xử lý": "Phạm Thu Hà" }),
      dossier("HS-B3", { "Ngày tiếp nhận": "31/11/2026", "Trạng thái": "Đang bay" }),
      dossier("HS-B4", { "Ngày hẹn trả": "10/11/2026" }),
      dossier("HS-B5", { "Trạng thái": "Đã trả đúng hạn" }),
      dossier("HS-B6", { "Ngày trả kết quả": "20/11/2026" }),
      dossier("HS-OK"),
      dossier("HS-B7", { "Cán bộ xử lý": "", "Đơn vị": "" }),
      dossier("HS-B8", { "Đơn vị": "Công an tỉnh" }),
      dossier("HS-B9", { "Ngày tiếp nhận": "28/11/2026" }),
    ]);
    expect(await cli(NOW, "import", "dossiers", file)).toBe(1);
    const text = err.join("\n");
    expect(text).toContain("Dòng 3, cột “Cán bộ xử lý”: không có cán bộ mã hoặc tên “Nguyễn Văn Không Có”");
    expect(text).toContain("Dòng 4, cột “Cán bộ xử lý”: có 2 cán bộ tên “Phạm Thu Hà” (mã KH02, CS09)");
    expect(text).toContain("Dòng 5, cột “Ngày tiếp nhận”: ngày “31/11/2026” không có thật");
    expect(text).toContain("Dòng 5, cột “Trạng thái”: “Đang bay” không thuộc các giá trị được chấp nhận");
    expect(text).toContain("Dòng 6, cột “Ngày hẹn trả”: ngày hẹn trả (10/11/2026) sớm hơn ngày tiếp nhận (16/11/2026)");
    expect(text).toContain("Dòng 7, cột “Ngày trả kết quả”: trạng thái “Đã trả đúng hạn” là đã trả kết quả nhưng ô ngày trả kết quả đang để trống");
    expect(text).toContain("Dòng 8, cột “Ngày trả kết quả”: hồ sơ có trạng thái “Đang xử lý” (chưa trả) nhưng lại có ngày trả kết quả 20/11/2026");
    expect(text).toContain("Dòng 9, cột “Mã hồ sơ”: giá trị “HS-OK” trùng với dòng 2");
    expect(text).toContain("Dòng 10: cần ít nhất một trong hai cột “Cán bộ xử lý” hoặc “Đơn vị”");
    expect(text).toContain("Dòng 11, cột “Đơn vị”: “Công an tỉnh” không phải phòng, đơn vị thuộc Sở");
    expect(text).toContain("Dòng 12, cột “Ngày tiếp nhận”: ngày 28/11/2026 nằm ngoài khoảng cho phép");
    expect(text).toContain("Không có dữ liệu nào được ghi");
    expect(await db.dossier.count()).toBe(0);
  });

  it("reads Excel dates and date-times stored as serial numbers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Hồ sơ");
    ws.addRow(["DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 11/2026"]);
    ws.addRow(["Mã hồ sơ", "Tên thủ tục", "Người nộp", "Ngày tiếp nhận", "Ngày hẹn trả", "Cán bộ xử lý", "Trạng thái"]);
    // 46342.375 = 16/11/2026 09:00; 46356 = 30/11/2026
    ws.addRow(["000.00.19.H48-261116-0001", "Thẩm định công nghệ dự án đầu tư", "Ông Trần Văn Bình", 46342.375, 46356, "QL02", "Đang xử lý"]);
    const dir = mkdtempSync(path.join(tmpdir(), "xlsx-"));
    const file = path.join(dir, "mot-cua.xlsx");
    await wb.xlsx.writeFile(file);
    expect(await cli(NOW, "import", "dossiers", file)).toBe(0);
    const d = await db.dossier.findUniqueOrThrow({ where: { code: "000.00.19.H48-261116-0001" } });
    expect(d.receivedAt.toISOString()).toBe("2026-11-16T02:00:00.000Z");
    expect(d.dueAt.toISOString()).toBe("2026-11-30T10:00:00.000Z");
  });
});

describe("re-imports", () => {
  it("keep the history and stop the clock while the dossier waits for the applicant", async () => {
    const calendar = await loadWorkingCalendar(db, "Asia/Ho_Chi_Minh");
    const at = (status: string, cells = {}) => writeCsv([dossier("HS-100", { "Trạng thái": status, ...cells })]);
    expect(await cli(vn("2026-11-23", "09:00"), "import", "dossiers", at("Đang xử lý"))).toBe(0);
    expect(await cli(vn("2026-11-24", "10:00"), "import", "dossiers", at("Chờ bổ sung"))).toBe(0);
    expect(out.join("\n")).toContain("1 hồ sơ đổi trạng thái");
    let d = await db.dossier.findUniqueOrThrow({ where: { code: "HS-100" } });
    expect(d).toMatchObject({ status: "cho_bo_sung", pausedAt: vn("2026-11-24", "10:00") });
    // Supplemented on Thursday: Wednesday and Thursday were lost to the wait.
    expect(await cli(vn("2026-11-26", "14:00"), "import", "dossiers", at("Đang xử lý"))).toBe(0);
    d = await db.dossier.findUniqueOrThrow({ where: { code: "HS-100" } });
    expect(d).toMatchObject({ status: "dang_xu_ly", pausedAt: null, pausedWorkingDays: 2 });
    expect(effectiveDueDate(calendar, d)).toBe("2026-12-02");
    // Returned on 02/12: late against the appointment, on time once the wait is counted.
    expect(await cli(vn("2026-12-02", "16:00"), "import", "dossiers", at("Đã trả kết quả", { "Ngày trả kết quả": "02/12/2026" }))).toBe(0);
    d = await db.dossier.findUniqueOrThrow({ where: { code: "HS-100" }, include: { history: { orderBy: { id: "asc" } } } });
    expect(d.status).toBe("da_tra_dung_han");
    expect((d as unknown as { history: { fromStatus: string | null; toStatus: string; source: string }[] }).history.map((h) => [h.fromStatus, h.toStatus, h.source])).toEqual([
      [null, "dang_xu_ly", "import"],
      ["dang_xu_ly", "cho_bo_sung", "import"],
      ["cho_bo_sung", "dang_xu_ly", "import"],
      ["dang_xu_ly", "da_tra_dung_han", "import"],
    ]);
  });

  it("take a new appointment date as the one-stop system's own recount of the waits", async () => {
    const file = (cells: Record<string, string>) => writeCsv([dossier("HS-101", cells)]);
    await cli(vn("2026-11-23", "09:00"), "import", "dossiers", file({}));
    await cli(vn("2026-11-24", "10:00"), "import", "dossiers", file({ "Trạng thái": "Chờ bổ sung" }));
    await cli(vn("2026-11-26", "14:00"), "import", "dossiers", file({ "Ngày hẹn trả": "02/12/2026" }));
    const d = await db.dossier.findUniqueOrThrow({ where: { code: "HS-101" } });
    expect(d).toMatchObject({ status: "dang_xu_ly", pausedWorkingDays: 0 });
    expect(effectiveDueDate(await loadWorkingCalendar(db, "Asia/Ho_Chi_Minh"), d)).toBe("2026-12-02");
  });

  it("keep a return reported in the chat when the export has not caught up yet", async () => {
    const file = writeCsv([dossier("HS-102")]);
    await cli(vn("2026-11-23", "09:00"), "import", "dossiers", file);
    const d = await db.dossier.findUniqueOrThrow({ where: { code: "HS-102" } });
    const kh02 = await db.staff.findUniqueOrThrow({ where: { code: "KH02" } });
    const calendar = await loadWorkingCalendar(db, "Asia/Ho_Chi_Minh");
    const res = await reportReturned(
      { db, calendar, timeZone: "Asia/Ho_Chi_Minh", now: vn("2026-11-25", "10:00"), today: "2026-11-25", actor: "test" },
      { staffId: kh02.id, role: kh02.role, unitId: kh02.unitId },
      d.id,
      "2026-11-25",
    );
    expect(res).toMatchObject({ ok: true, status: "da_tra_dung_han" });
    expect(await cli(vn("2026-11-26", "09:00"), "import", "dossiers", file)).toBe(0);
    expect(out.join("\n")).toContain("1 hồ sơ đã được cán bộ báo trả kết quả trong chat nhưng tệp vẫn ghi “đang xử lý”");
    expect(await db.dossier.findUniqueOrThrow({ where: { code: "HS-102" } })).toMatchObject({ status: "da_tra_dung_han" });
    // The official record wins once it says something else.
    await cli(vn("2026-11-27", "09:00"), "import", "dossiers", writeCsv([dossier("HS-102", { "Trạng thái": "Đã trả trễ hạn", "Ngày trả kết quả": "26/11/2026" })]));
    expect(await db.dossier.findUniqueOrThrow({ where: { code: "HS-102" } })).toMatchObject({ status: "da_tra_tre_han" });
  });
});
