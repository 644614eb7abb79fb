import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ImportError, parseDate, parseDateTime, parsePercent, readTable, type Table } from "../../bot/import/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

async function readError(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error("expected ImportError");
}

const rowNumbers = (t: Table) => t.rows.map((r) => r.rowNumber);

describe("readTable: CSV", () => {
  it("Excel CSV UTF-8 with BOM and ';': quoted line breaks, blank and trailing rows", async () => {
    const t = await readTable({ path: fixture("staff-bom-semicolon.csv") });
    expect(t.format).toBe("csv");
    expect(t.encoding).toBe("utf-8-bom");
    expect(t.delimiter).toBe(";");
    expect(t.headerRowNumber).toBe(1);
    expect(t.headers).toEqual(["Mã cán bộ", "Họ và tên", "Ngày sinh (dd/mm/yyyy)", "Chức vụ", "Email"]);
    expect(t.headers[0]!.charCodeAt(0)).toBe("M".charCodeAt(0)); // BOM stripped
    // Row 3 holds a quoted line break (still one row in Excel); row 4 is blank; the ";;;;" rows are dropped.
    expect(rowNumbers(t)).toEqual([2, 3, 5]);
    expect(t.rows[1]!.values[1]).toBe("Trần Thị Bình\r\n(kiêm nhiệm; Văn phòng)");
    expect(t.rows[2]!.values).toEqual(["CB003", "Lê Đức Cường", "1990-12-31", "Chuyên viên", null]);
  });

  it("Excel 'Unicode Text': UTF-16LE with BOM, tab-delimited", async () => {
    const t = await readTable({ path: fixture("staff-utf16le.txt") });
    expect(t.encoding).toBe("utf-16le");
    expect(t.delimiter).toBe("\t");
    expect(t.headers).toEqual(["Mã cán bộ", "Họ và tên", "Ngày sinh", "Chức vụ"]);
    expect(t.rows.map((r) => r.values[1])).toEqual(["Đặng Thị Hoa", "Vũ Minh Đức"]);
    expect(rowNumbers(t)).toEqual([2, 3]);
  });

  it("NFD file: headers come back NFC", async () => {
    const raw = readFileSync(fixture("staff-nfd.csv"), "utf8");
    expect(raw).toBe(raw.normalize("NFD"));
    const t = await readTable({ path: fixture("staff-nfd.csv") });
    expect(t.delimiter).toBe(",");
    expect(t.headers).toEqual(["MÃ CÁN BỘ", "Họ và tên", "Ngày sinh", "Chức vụ"]);
  });

  it("detects the delimiter despite a title line with commas, and finds the header below it", async () => {
    const csv = "DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2024\n\nMã cán bộ;Họ và tên;Ngày sinh\nCB1;An;01/01/1980\nCB2;Bình, Trần;02/02/1981\n";
    const t = await readTable({ buffer: Buffer.from(csv), fileName: "ds.csv" }, { requiredHeaders: ["Mã cán bộ", "Họ và tên"] });
    expect(t.delimiter).toBe(";");
    expect(t.headerRowNumber).toBe(3);
    expect(t.rows.map((r) => [r.rowNumber, r.values[1]])).toEqual([
      [4, "An"],
      [5, "Bình, Trần"],
    ]);
  });

  it("honours Excel's sep= line (Excel hides it, so the header is row 1)", async () => {
    const t = await readTable({ buffer: Buffer.from("sep=,\r\nA;x,B\r\n1;2,3\r\n"), fileName: "a.csv" });
    expect(t.delimiter).toBe(",");
    expect(t.headers).toEqual(["A;x", "B"]);
    expect(t.rows[0]).toEqual({ rowNumber: 2, values: ["1;2", "3"] });
  });

  it("reads UTF-16LE without BOM and UTF-16BE with BOM", async () => {
    const text = "Mã;Tên\r\n1;Đức\r\n";
    const le = await readTable({ buffer: Buffer.from(text, "utf16le"), fileName: "x.csv" });
    expect(le.rows[0]!.values).toEqual(["1", "Đức"]);
    const be = Buffer.from("\uFEFF" + text, "utf16le").swap16();
    const t = await readTable({ buffer: be, fileName: "x.csv" });
    expect(t.encoding).toBe("utf-16be");
    expect(t.rows[0]!.values).toEqual(["1", "Đức"]);
  });

  it("rejects a non-UTF-8 CSV (Excel's ANSI 'CSV (Comma delimited)') with advice", async () => {
    const cp1258 = Buffer.from([0x4d, 0xe3, 0x3b, 0x54, 0xea, 0x6e, 0x0d, 0x0a, 0x31, 0x3b, 0xd0, 0x0d, 0x0a]);
    const err = await readError(readTable({ buffer: cp1258, fileName: "ds.csv" }));
    expect(err.problems[0]!.code).toBe("file.encoding");
    expect(err.problems[0]!.message).toContain("CSV UTF-8");
  });

  it("reports an unclosed quote as a CSV syntax problem", async () => {
    const err = await readError(readTable({ buffer: Buffer.from('a,b\n1,"oops\n2,3\n'), fileName: "x.csv" }));
    expect(err.problems[0]!.code).toBe("file.csv_syntax");
    expect(err.problems[0]!.message).toMatch(/^Tệp CSV “x.csv” sai cú pháp: /);
  });
});

describe("readTable: format detection and file errors", () => {
  it("sniffs XLSX from the content when the name has no extension", async () => {
    const t = await readTable({ buffer: readFileSync(fixture("staff-libreoffice.xlsx")), fileName: "tai-lieu" });
    expect(t.format).toBe("xlsx");
    const csv = await readTable({ buffer: Buffer.from("a,b\n1,2\n") });
    expect(csv.format).toBe("csv");
  });

  it("explains legacy .xls, .ods, empty files, missing files and broken XLSX", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await readError(readTable({ buffer: ole, fileName: "ds.xls" }))).problems[0]!.code).toBe("file.legacy_xls");
    expect((await readError(readTable({ buffer: Buffer.from("x"), fileName: "ds.ods" }))).problems[0]!.code).toBe("file.ods");
    expect((await readError(readTable({ buffer: Buffer.alloc(0), fileName: "ds.csv" }))).problems[0]!.code).toBe("file.empty");
    expect((await readError(readTable({ buffer: Buffer.from("\r\n;;\r\n"), fileName: "ds.csv" }))).problems[0]!.code).toBe("file.empty");
    const missing = await readError(readTable({ path: "/nonexistent/ds.xlsx" }));
    expect(missing.problems[0]).toMatchObject({ code: "file.unreadable", rowNumber: null });
    expect(missing.problems[0]!.message).toBe("Không mở được tệp “/nonexistent/ds.xlsx”: không tìm thấy tệp.");
    const broken = await readError(readTable({ buffer: Buffer.from("PK\x03\x04garbage"), fileName: "ds.xlsx" }));
    expect(broken.problems[0]!.code).toBe("file.corrupt");
  });

  it("reports 'header.not_found' when no row has any expected header", async () => {
    const err = await readError(readTable({ buffer: Buffer.from("a,b\n1,2\n"), fileName: "x.csv" }, { requiredHeaders: ["Mã cán bộ"] }));
    expect(err.problems[0]!.code).toBe("header.not_found");
    expect(err.problems[0]!.message).toContain("“Mã cán bộ”");
  });
});

describe("readTable: XLSX written by LibreOffice", () => {
  it("converted from CSV: real date cells become Dates", async () => {
    const t = await readTable({ path: fixture("staff-libreoffice.xlsx") });
    expect(t.format).toBe("xlsx");
    expect(t.headers).toEqual(["Mã cán bộ", "Họ và tên", "Ngày sinh", "Chức vụ", "Email"]);
    expect(rowNumbers(t)).toEqual([2, 3, 4]);
    const births = t.rows.map((r) => r.values[2]);
    for (const b of births) expect(b).toBeInstanceOf(Date);
    expect(births.map((b) => parseDate(b))).toEqual([
      { ok: true, value: "1980-03-05" },
      { ok: true, value: "1984-02-29" },
      { ok: true, value: "1990-12-31" },
    ]);
    expect(t.rows[0]!.values[0]).toBe("CB001");
    expect(t.rows[2]!.values[4]).toBeNull();
  });

  it("title rows above the header, merged cells, dates, date-times, percentages, a gap row", async () => {
    const t = await readTable(
      { path: fixture("plan-libreoffice.xlsx") },
      { requiredHeaders: ["Nội dung công việc", ["Hạn hoàn thành", "Thời hạn"]] },
    );
    expect(t.sheet).toBe("Kế hoạch");
    expect(t.headerRowNumber).toBe(4);
    expect(t.headers).toEqual(["STT", "Nội dung công việc", "Đơn vị chủ trì", "Hạn hoàn thành (dd/mm/yyyy)", "Thời gian họp", "Tiến độ (%)", "Ghi chú"]);
    expect(rowNumbers(t)).toEqual([5, 6, 8, 9]); // row 7 is empty in the sheet
    const [r5, r6, r8, r9] = t.rows;
    // C5:C6 merged: both rows see the top-left value
    expect(r5!.values[2]).toBe("Văn phòng Sở");
    expect(r6!.values[2]).toBe("Văn phòng Sở");
    expect(parseDate(r5!.values[3])).toEqual({ ok: true, value: "2024-03-15" });
    expect(parseDateTime(r5!.values[4])).toEqual({ ok: true, value: { date: "2024-03-10", time: "08:30" } });
    expect(parseDate(r9!.values[3])).toEqual({ ok: true, value: "2024-02-29" });
    // percentage-formatted cells come back as the text the user sees
    expect([r5, r6, r8, r9].map((r) => r!.values[5])).toEqual(["75%", "100%", 50, "0%"]);
    expect([r5, r6, r8, r9].map((r) => parsePercent(r!.values[5]))).toEqual([75, 100, 50, 0].map((value) => ({ ok: true, value })));
    // text cells holding dates
    expect(parseDate(r8!.values[3])).toEqual({ ok: true, value: "2024-07-15" });
    expect(parseDateTime(r8!.values[4])).toEqual({ ok: true, value: { date: "2024-07-10", time: "08:30" } });
  });

  it("without hints the first non-empty row (the title) is the header", async () => {
    const t = await readTable({ path: fixture("plan-libreoffice.xlsx") });
    expect(t.headerRowNumber).toBe(1);
    expect(t.headers).toEqual(["KẾ HOẠCH CÔNG TÁC NĂM 2024"]); // merged title names only its first column
  });

  it("selects a sheet by name (diacritic-insensitive) and lists sheets when not found", async () => {
    const t = await readTable({ path: fixture("plan-libreoffice.xlsx") }, { sheet: "huong dan" });
    expect(t.sheet).toBe("Hướng dẫn");
    expect(t.headers).toEqual(["Cột", "Cách ghi"]);
    const err = await readError(readTable({ path: fixture("plan-libreoffice.xlsx") }, { sheet: "Sheet1" }));
    expect(err.problems[0]!.code).toBe("file.sheet_not_found");
    expect(err.problems[0]!.message).toBe(
      "Tệp “plan-libreoffice.xlsx” không có trang tính “Sheet1”; các trang hiện có: “Kế hoạch”, “Hướng dẫn”.",
    );
  });
});

describe("readTable: Excel-style XLSX (exceljs)", () => {
  it("normalises rich text, formulas, hyperlinks, errors, dates and percentages", async () => {
    const t = await readTable({ path: fixture("tasks-exceljs.xlsx") }, { requiredHeaders: ["Mã nhiệm vụ"] });
    expect(t.sheet).toBe("Nhiệm vụ");
    expect(t.headerRowNumber).toBe(2);
    expect(rowNumbers(t)).toEqual([3, 4, 6]);
    const [r3, r4, r6] = t.rows;
    expect(r3!.values).toEqual([
      "NV01",
      "Xây dựng cơ sở dữ liệu KH&CN", // rich text
      "Nguyễn Văn An",
      new Date("2024-01-08T00:00:00.000Z"),
      new Date("2024-02-07T00:00:00.000Z"), // formula D3+30: cached result
      "75%",
      "Kế hoạch chi tiết", // hyperlink text
    ]);
    expect(r4!.values[5]).toBe("50%"); // formula with a percentage format
    expect(r4!.values[6]).toBeNull(); // #N/A
    expect(r6!.values[2]).toBeNull();
    expect(r6!.values[3]).toBe("01/04/2024");
    expect(parseDate(r6!.values[4])).toEqual({ ok: true, value: "2024-03-31" });
  });

  it("keeps Excel's view of serials 59/60/61 in date-formatted cells", async () => {
    const t = await readTable({ path: fixture("tasks-exceljs.xlsx") }, { sheet: "Ngày Excel" });
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5]);
    const dates = t.rows.map((r) => parseDate(r.values[1]));
    expect(dates[0]).toEqual({ ok: true, value: "1900-02-28" });
    expect(dates[1]).toMatchObject({ ok: false, problem: { code: "date.excel_phantom_day" } });
    expect(dates[2]).toEqual({ ok: true, value: "1900-03-01" });
    expect(parseDateTime(t.rows[3]!.values[1])).toEqual({ ok: true, value: { date: "2024-03-05", time: "18:00" } });
    // the same serials in General-format cells stay numbers and parse the same way
    expect(t.rows.map((r) => r.values[0])).toEqual([59, 60, 61, 45356.75]);
    expect(parseDate(t.rows[0]!.values[0])).toEqual({ ok: true, value: "1900-02-28" });
  });

  it("handles booleans, merged data cells across columns, and date1904 workbooks", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("S");
    ws.getRow(1).values = ["Tên", "Có", "Ngày", "Ghi chú", "Thêm"];
    ws.getRow(2).values = ["A", true, new Date(Date.UTC(2024, 2, 5)), "gộp", null];
    ws.getCell("C2").numFmt = "dd/mm/yyyy";
    ws.mergeCells("D2:E2");
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const t = await readTable({ buffer, fileName: "b.xlsx" });
    expect(t.date1904).toBe(true);
    expect(t.rows[0]!.values).toEqual(["A", "TRUE", new Date(Date.UTC(2024, 2, 5)), "gộp", "gộp"]);
  });
});
