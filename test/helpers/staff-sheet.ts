// A staff list as an office writes it (a title row above the header row), for the tests that
// send spreadsheets in the chat.
import ExcelJS from "exceljs";

export const STAFF_HEADERS = ["Mã cán bộ", "Họ và tên", "Đơn vị", "Vai trò", "Email", "Điện thoại"];

export async function staffSheet(rows: string[][], headers = STAFF_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Cán bộ");
  ws.addRow(["DANH SÁCH CÁN BỘ SỞ KHOA HỌC VÀ CÔNG NGHỆ"]);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
