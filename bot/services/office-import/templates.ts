// Template spreadsheets (/mau, `npm run cli -- template KIND`): the expected header row, one
// example row written with the department's own units so that it passes the checks as it
// is, and a second sheet that explains each column (required or not, other accepted names).
import type { Db } from "../../db/client.js";
import { formatDateOf } from "../date-text.js";
import { isStaffUnit, listUnits } from "../units.js";
import { type ImportKind, SPEC_OF } from "./kinds.js";
import { excelJs } from "../documents/libraries.js";

export const TEMPLATE_FILE_NAMES: Record<ImportKind, string> = {
  staff: "mau-danh-sach-can-bo.xlsx",
  tasks: "mau-nhiem-vu.xlsx",
  dossiers: "mau-ho-so-mot-cua.xlsx",
  holidays: "mau-lich-nghi-le.xlsx",
};

const SHEET_NAMES: Record<ImportKind, string> = { staff: "Cán bộ", tasks: "Nhiệm vụ", dossiers: "Hồ sơ", holidays: "Lịch nghỉ" };

async function exampleRow(db: Db, kind: ImportKind, now: Date, timeZone: string): Promise<Record<string, string>> {
  const unit = (await listUnits(db)).find(isStaffUnit);
  const unitName = unit?.shortName ?? unit?.name ?? "Văn phòng";
  const day = (offsetDays: number) => formatDateOf(new Date(now.getTime() + offsetDays * 86_400_000), timeZone);
  const year = Number(day(0).slice(-4));
  switch (kind) {
    case "staff":
      return { code: "VD01", fullName: "Nguyễn Văn An", unit: unitName, role: "Chuyên viên", email: "an.nv@example.gov.vn", phone: "0912345678" };
    case "tasks":
      return {
        code: `VD-${year}-01`,
        content: "Rà soát, cập nhật danh mục hệ thống thông tin và cấp độ an toàn thông tin",
        title: "Rà soát cấp độ ATTT",
        section: "III.5 - Bảo đảm an toàn thông tin",
        lead: unitName,
        coord: "",
        assignees: "",
        due: `30/11/${year + 1}`,
        leadNote: "",
        coordNote: "",
      };
    case "dossiers":
      return {
        code: `VD-${year}-0001`,
        procedureName: "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
        applicant: "Công ty TNHH Ví Dụ",
        receivedAt: `${day(-1)} 08:30`,
        dueAt: day(20),
        handler: "",
        unit: unitName,
        status: "Đang xử lý",
        returnedAt: "",
      };
    case "holidays":
      return { date: `01/01/${year + 1}`, name: "Tết Dương lịch", kind: "nghỉ" };
  }
}

export async function templateWorkbook(db: Db, kind: ImportKind, opts: { now: Date; timeZone: string }): Promise<Buffer> {
  const spec = SPEC_OF[kind];
  const example = await exampleRow(db, kind, opts.now, opts.timeZone);
  const wb = new (await excelJs()).Workbook();
  const ws = wb.addWorksheet(SHEET_NAMES[kind], { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = spec.map((c) => ({ header: c.label, width: Math.max(14, c.label.length + 4) }));
  ws.getRow(1).font = { bold: true };
  // Text cells: Excel must not turn a phone number or a date into a number.
  const row = ws.addRow(spec.map((c) => example[c.key] ?? ""));
  row.eachCell((cell) => (cell.numFmt = "@"));
  const help = wb.addWorksheet("Hướng dẫn");
  help.columns = [
    { header: "Cột", width: 24 },
    { header: "Bắt buộc", width: 10 },
    { header: "Tên khác được chấp nhận", width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of spec) help.addRow([c.label, c.required ? "có" : "không", (c.aliases ?? []).join("; ")]);
  help.addRow([]);
  help.addRow(["Xoá dòng ví dụ, điền dữ liệu rồi gửi tệp (.xlsx hoặc .csv UTF-8) cho trợ lý trong cuộc trò chuyện riêng."]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
