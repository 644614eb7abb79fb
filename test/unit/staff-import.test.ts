// Importing the staff registry from real spreadsheets (LibreOffice-saved XLSX, CSV in NFD,
// an Excel-style workbook with a title row), all-or-nothing.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import { createTestDatabaseUrl } from "../helpers/db.js";

const fixture = (name: string) => new URL(`../fixtures/staff/${name}`, import.meta.url).pathname;

let url: string;
let drop: () => Promise<void>;
let out: string[];
let err: string[];

async function cli(...args: string[]) {
  out = [];
  err = [];
  const code = await runCli(args, {
    env: { DATABASE_URL: url, DEFAULT_LOCALE: "vi" },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    now: () => new Date("2026-11-27T02:00:00Z"),
  });
  return code;
}

async function staffCodes() {
  const lines: string[] = [];
  await runCli(["staff"], { env: { DATABASE_URL: url }, out: (l) => lines.push(l), err: () => {} });
  return lines.map((l) => l.split(/\s+/)[0]).filter((c) => c && c !== "Chưa");
}

beforeEach(async () => {
  ({ url, drop } = await createTestDatabaseUrl("sqlite"));
});
afterEach(async () => drop());

describe("npm run cli -- import staff", () => {
  it("imports a spreadsheet saved by LibreOffice, matching units and roles by their everyday names", async () => {
    expect(await cli("import", "staff", fixture("staff-libreoffice.xlsx"))).toBe(0);
    expect(out.join("\n")).toMatch(/thêm 5, cập nhật 0/);
    expect((await staffCodes()).sort()).toEqual(["GD01", "KH01", "KH02", "VP01", "VP02"]);
    await cli("staff");
    const text = out.join("\n");
    expect(text).toContain("VP01  Nguyễn Thị Lan — Văn phòng Sở, VP");
    expect(text).toContain("KH01  Lê Minh Tuấn — Trưởng phòng, KHTC");
    expect(text).toContain("GD01  Trần Thanh Trường — Lãnh đạo Sở, BGD");
  });

  it("matches NFD, upper-case headers and re-import updates by code", async () => {
    expect(await cli("import", "staff", fixture("staff-libreoffice.xlsx"))).toBe(0);
    expect(await cli("import", "staff", fixture("staff-nfd.csv"))).toBe(0);
    expect(out.join("\n")).toMatch(/thêm 0, cập nhật 0, giữ nguyên 5/);
  });

  it("reads an Excel-style workbook with a title row above the headers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Danh sách");
    ws.addRow(["DANH SÁCH CÁN BỘ SỞ KHOA HỌC VÀ CÔNG NGHỆ"]);
    ws.addRow([]);
    ws.addRow(["STT", "MÃ CÁN BỘ", "Họ và tên", "Đơn vị", "Vai trò", "Email", "Điện thoại"]);
    ws.addRow([1, "QL01", "Võ Quốc Bảo", "Phòng QLKH", "Trưởng phòng", "bao@example.gov.vn", "0912.345.678"]);
    ws.addRow([2, "QL02", "Đặng Ngọc Ánh", "Phòng Quản lý Khoa học", "", null, null]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "staff-")), "ds.xlsx");
    await wb.xlsx.writeFile(file);
    expect(await cli("import", "staff", file)).toBe(0);
    await cli("staff", "--unit", "QLKH");
    expect(out).toEqual([
      "QL01  Võ Quốc Bảo — Trưởng phòng, QLKH · chưa gắn tài khoản",
      "QL02  Đặng Ngọc Ánh — Chuyên viên, QLKH · chưa gắn tài khoản",
    ]);
  });

  it("reports every bad row with its number and writes nothing", async () => {
    expect(await cli("import", "staff", fixture("staff-bad-rows.csv"))).toBe(1);
    const report = err.join("\n");
    expect(report).toMatch(/Dòng 3, cột “Họ và tên”: thiếu họ và tên/);
    expect(report).toMatch(/Dòng 4, cột “Đơn vị”: không có đơn vị “Phòng Tổ chức”/);
    expect(report).toMatch(/Dòng 5, cột “Mã cán bộ”: mã “CB01” trùng với dòng 2/);
    expect(report).toMatch(/Dòng 6, cột “Vai trò”: vai trò “Giám sát viên” không có/);
    expect(report).toMatch(/Dòng 7, cột “Đơn vị”: “Sở Thông tin và Truyền thông” không phải phòng, đơn vị thuộc Sở/);
    expect(report).toMatch(/Dòng 8, cột “Email”/);
    expect(report).toMatch(/Dòng 8, cột “Điện thoại”/);
    expect(report).toMatch(/Không có dữ liệu nào được ghi/);
    expect(await staffCodes()).toEqual([]);
  });

  it("--dry-run checks only", async () => {
    expect(await cli("import", "staff", fixture("staff-libreoffice.xlsx"), "--dry-run")).toBe(0);
    expect(out.join("\n")).toMatch(/sẽ thêm 5.*Chạy thử/);
    expect(await staffCodes()).toEqual([]);
  });

  it("--deactivate-missing retires staff absent from a full export and ends their bindings", async () => {
    await cli("import", "staff", fixture("staff-libreoffice.xlsx"));
    const partial = path.join(mkdtempSync(path.join(tmpdir(), "staff-")), "ds.csv");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(partial, "Mã cán bộ,Họ và tên,Đơn vị\nVP01,Nguyễn Thị Lan,Văn phòng Sở\n");
    expect(await cli("import", "staff", partial, "--deactivate-missing")).toBe(0);
    expect(out.join("\n")).toMatch(/Ngừng hoạt động 4 cán bộ/);
  });

  it("a missing required column is a file-level problem", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "staff-")), "ds.csv");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, "Mã cán bộ,Đơn vị\nVP01,Văn phòng Sở\n");
    expect(await cli("import", "staff", file)).toBe(1);
    expect(err.join("\n")).toMatch(/Họ và tên/);
  });
});
