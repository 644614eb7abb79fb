import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkUnique,
  customProblem,
  formatProblems,
  importRows,
  mapColumns,
  readRecords,
  validateRecords,
  type ColumnSpec,
  type ImportProblem,
} from "../../bot/import/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

const STAFF = [
  { key: "code", label: "Mã cán bộ", aliases: ["Mã CB"], required: true },
  { key: "name", label: "Họ và tên", aliases: ["Họ tên"], required: true },
  { key: "birth", label: "Ngày sinh" },
  { key: "role", label: "Chức vụ", required: true },
  { key: "email", label: "Email", aliases: ["Thư điện tử"] },
  { key: "share", label: "Tỷ lệ tham gia" },
] as const satisfies readonly ColumnSpec[];

const ROLES = [
  { value: "head", labels: ["Trưởng phòng", "TP"] },
  { value: "deputy", labels: ["Phó trưởng phòng", "PTP"] },
  { value: "deputy_director", labels: ["Phó Giám đốc", "PGĐ"] },
  { value: "staff", labels: ["Chuyên viên", "CV"] },
] as const;

describe("mapColumns", () => {
  it("matches headers in NFC, NFD, upper case, without diacritics, with notes, or by alias", () => {
    const headers = ["STT", "MA CAN BO", "Họ tên".normalize("NFD"), "Ngày sinh (dd/mm/yyyy) *", "chức  vụ:", "Ghi chú"];
    const m = mapColumns(headers, STAFF);
    expect(m.problems).toEqual([]);
    expect(m.columns.code).toEqual({ index: 1, header: "MA CAN BO", letter: "B" });
    expect(m.columns.name?.index).toBe(2);
    expect(m.columns.birth?.index).toBe(3);
    expect(m.columns.role?.header).toBe("chức  vụ:");
    expect(m.columns.email).toBeUndefined();
    expect(m.unknownHeaders).toEqual(["STT", "Ghi chú"]);
  });

  it("reports every missing required column and every duplicated column", () => {
    const m = mapColumns(["Mã CB", "Email", "Mã cán bộ", "E-mail"], STAFF, { headerRowNumber: 3 });
    expect(m.problems.map((p) => p.code)).toEqual(["column.duplicate", "column.missing", "column.missing"]);
    const [dup, missName, missRole] = m.problems as [ImportProblem, ImportProblem, ImportProblem];
    expect(dup).toMatchObject({ rowNumber: 3, column: "Mã cán bộ" });
    expect(dup.message).toBe(
      "Dòng tiêu đề (dòng 3): cột “Mã cán bộ” xuất hiện nhiều lần — “Mã CB” ở cột A và “Mã cán bộ” ở cột C; hãy xoá hoặc đổi tên một trong hai cột.",
    );
    expect(missName).toMatchObject({ rowNumber: 3, column: "Họ và tên", params: { label: "Họ và tên", headerRow: 3 } });
    expect(missName.message).toBe(
      "Dòng tiêu đề (dòng 3): thiếu cột bắt buộc “Họ và tên”. Tên cột được chấp nhận: “Họ và tên”, “Họ tên”.",
    );
    expect(missRole.column).toBe("Chức vụ");
  });

  it("refuses an ambiguous spec (a programming error)", () => {
    expect(() =>
      mapColumns([], [
        { key: "a", label: "Ngày" },
        { key: "b", label: "NGAY" },
      ]),
    ).toThrow(/normalise/);
  });
});

describe("readRecords", () => {
  it("reads the Excel CSV (BOM, ';'), keeping row numbers true to the file", async () => {
    const r = await readRecords({ path: fixture("staff-bom-semicolon.csv") }, STAFF);
    expect(r.problems).toEqual([]);
    expect(r.table?.format).toBe("csv");
    expect(r.columns.birth?.header).toBe("Ngày sinh (dd/mm/yyyy)");
    expect(r.records.map((x) => x.rowNumber)).toEqual([2, 3, 5]);
    expect(r.records[0]!.data).toEqual({
      code: "CB001",
      name: "Nguyễn Văn An",
      birth: "05/03/1980",
      role: "Trưởng phòng",
      email: "an.nv@skhcn.gov.vn",
      share: null, // optional column absent from the file
    });
  });

  it("reads NFD and UTF-16 files with the same spec", async () => {
    for (const f of ["staff-nfd.csv", "staff-utf16le.txt", "staff-libreoffice.xlsx"]) {
      const r = await readRecords({ path: fixture(f) }, STAFF);
      expect(r.problems, f).toEqual([]);
      expect(r.records.length, f).toBeGreaterThanOrEqual(2);
      expect(Object.keys(r.columns).sort(), f).toEqual(expect.arrayContaining(["birth", "code", "name", "role"]));
    }
  });

  it("finds the header below title rows from the spec alone", async () => {
    const PLAN = [
      { key: "no", label: "STT" },
      { key: "title", label: "Nội dung công việc", aliases: ["Nội dung"], required: true },
      { key: "unit", label: "Đơn vị chủ trì", required: true },
      { key: "due", label: "Hạn hoàn thành", aliases: ["Thời hạn"], required: true },
      { key: "meeting", label: "Thời gian họp" },
      { key: "progress", label: "Tiến độ" },
      { key: "note", label: "Ghi chú" },
    ] as const satisfies readonly ColumnSpec[];
    const r = await readRecords({ path: fixture("plan-libreoffice.xlsx") }, PLAN);
    expect(r.problems).toEqual([]);
    expect(r.table?.headerRowNumber).toBe(4);
    expect(r.records.map((x) => x.rowNumber)).toEqual([5, 6, 8, 9]);

    // The numbers in problems are those the user sees in the spreadsheet (rows 6, 8, 9 have no note).
    const v = validateRecords(r, PLAN, (row) => ({
      title: row.text("title", { required: true }),
      due: row.date("due", { required: true }),
      progress: row.percent("progress", { integer: true }),
      note: row.text("note", { required: true }),
    }));
    expect(v.problems.map((p) => [p.rowNumber, p.column, p.code])).toEqual([
      [6, "Ghi chú", "cell.required"],
      [8, "Ghi chú", "cell.required"],
      [9, "Ghi chú", "cell.required"],
    ]);
    expect(v.items).toEqual([
      { rowNumber: 5, value: { title: "Xây dựng kế hoạch chuyển đổi số", due: "2024-03-15", progress: 75, note: "Ưu tiên" } },
    ]);
  });

  it("reads the exceljs workbook (title row, rich text, formulas) into typed rows", async () => {
    const TASKS = [
      { key: "code", label: "Mã nhiệm vụ", required: true },
      { key: "title", label: "Tên nhiệm vụ", required: true },
      { key: "owners", label: "Người phụ trách" },
      { key: "start", label: "Ngày bắt đầu" },
      { key: "due", label: "Hạn hoàn thành", required: true },
      { key: "progress", label: "Tiến độ" },
    ] as const satisfies readonly ColumnSpec[];
    const res = await importRows({ path: fixture("tasks-exceljs.xlsx") }, TASKS, (row) => ({
      code: row.text("code", { required: true }),
      title: row.text("title", { required: true }),
      owners: row.list("owners"),
      start: row.date("start"),
      due: row.date("due", { required: true }),
      progress: row.percent("progress"),
    }));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.items).toEqual([
      {
        rowNumber: 3,
        value: { code: "NV01", title: "Xây dựng cơ sở dữ liệu KH&CN", owners: ["Nguyễn Văn An"], start: "2024-01-08", due: "2024-02-07", progress: 75 },
      },
      {
        rowNumber: 4,
        value: { code: "NV02", title: "Đánh giá đề tài cấp tỉnh", owners: ["Trần Thị Bình", "Lê Đức Cường"], start: "2024-02-29", due: "2024-03-31", progress: 50 },
      },
      {
        rowNumber: 6,
        value: { code: "NV03", title: "Hội thảo khoa học", owners: [], start: "2024-04-01", due: "2024-03-31", progress: 100 },
      },
    ]);
  });

  it("returns file and column problems instead of throwing", async () => {
    const missing = await readRecords({ path: "/nonexistent/ds.csv" }, STAFF);
    expect(missing.records).toEqual([]);
    expect(missing.problems.map((p) => p.code)).toEqual(["file.unreadable"]);

    const noRole = await readRecords({ buffer: Buffer.from("Mã cán bộ,Họ và tên\nCB1,An\n"), fileName: "a.csv" }, STAFF);
    expect(noRole.records).toEqual([]);
    expect(noRole.problems.map((p) => p.code)).toEqual(["column.missing"]);

    const headerOnly = await readRecords({ buffer: Buffer.from("Mã cán bộ,Họ và tên,Chức vụ\n,,\n"), fileName: "a.csv" }, STAFF);
    expect(headerOnly.problems.map((p) => p.message)).toEqual(["Không có dòng dữ liệu nào bên dưới dòng tiêu đề (dòng 1)."]);
    const allowed = await readRecords({ buffer: Buffer.from("Mã cán bộ,Họ và tên,Chức vụ\n"), fileName: "a.csv" }, STAFF, { allowEmpty: true });
    expect(allowed.problems).toEqual([]);
  });

  it("skips rows that only carry data in unmapped columns (pre-numbered template rows)", async () => {
    const csv = "STT,Mã cán bộ,Họ và tên,Chức vụ\n1,CB1,An,CV\n2,,,\n3,,,\n";
    const r = await readRecords({ buffer: Buffer.from(csv), fileName: "a.csv" }, STAFF);
    expect(r.records.map((x) => x.rowNumber)).toEqual([2]);
  });
});

describe("a file with several bad rows reports all of them", () => {
  async function run() {
    return importRows(
      { path: fixture("staff-bad-rows.csv") },
      STAFF,
      (row) => ({
        code: row.text("code", { required: true, maxLength: 20 }),
        name: row.text("name", { required: true, maxLength: 100 }),
        birth: row.date("birth", { required: true, min: "1940-01-01" }),
        role: row.enumOf("role", ROLES, { required: true }),
        share: row.percent("share"),
      }),
      { extraChecks: (_items, { records, column }) => checkUnique(records, column("code"), (r) => r.data.code) },
    );
  }

  it("collects every problem with the row and the user's column", async () => {
    const res = await run();
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems.map((p) => [p.rowNumber, p.column, p.code])).toEqual([
      [3, "Họ và tên", "cell.required"],
      [3, "Ngày sinh", "date.impossible"],
      [3, "Chức vụ", "enum.invalid"],
      [4, "Ngày sinh", "date.impossible"],
      [4, "Tỷ lệ tham gia", "percent.out_of_range"],
      [6, "Ngày sinh", "date.two_digit_year"],
      [6, "Tỷ lệ tham gia", "percent.invalid"],
      [6, "Mã cán bộ", "row.duplicate"],
    ]);
    expect(res.records.records.map((r) => r.rowNumber)).toEqual([2, 3, 4, 6, 7]);
  });

  it("formats a readable report sorted by row", async () => {
    const res = await run();
    if (res.ok) throw new Error("expected problems");
    expect(formatProblems(res.problems)).toBe(
      [
        "Tệp có 8 lỗi cần sửa:",
        "• Dòng 3, cột “Họ và tên”: ô đang để trống; cột này bắt buộc phải điền.",
        "• Dòng 3, cột “Ngày sinh”: ngày “31/02/1985” không có thật: tháng 2/1985 chỉ có 28 ngày.",
        "• Dòng 3, cột “Chức vụ”: “Giám đốc điều hành” không thuộc các giá trị được chấp nhận: “Trưởng phòng”, “Phó trưởng phòng”, “Phó Giám đốc”, “Chuyên viên”.",
        "• Dòng 4, cột “Ngày sinh”: ngày “01/13/1990” không có thật: tháng 13 không tồn tại (tháng chỉ từ 1 đến 12).",
        "• Dòng 4, cột “Tỷ lệ tham gia”: tỷ lệ 120% nằm ngoài khoảng cho phép (từ 0% đến 100%).",
        "• Dòng 6, cột “Ngày sinh”: “5/3/85” ghi năm bằng 2 chữ số; hãy ghi đủ 4 chữ số, ví dụ 05/03/2024.",
        "• Dòng 6, cột “Tỷ lệ tham gia”: “abc” không phải tỷ lệ phần trăm; cần một số, có thể kèm dấu %, ví dụ 75 hoặc 75%.",
        "• Dòng 6, cột “Mã cán bộ”: giá trị “cb001” trùng với dòng 2; mỗi giá trị trong cột này chỉ được xuất hiện một lần.",
      ].join("\n"),
    );
  });
});

describe("formatProblems and custom problems", () => {
  const problems: ImportProblem[] = [
    customProblem({ rowNumber: 9, column: "Hạn hoàn thành" }, "plan.due_before_start", "hạn hoàn thành (01/03/2024) sớm hơn ngày bắt đầu (05/03/2024).", {
      due: "2024-03-01",
      start: "2024-03-05",
    }),
    customProblem({ rowNumber: 2 }, "plan.row_rule", "dòng này thiếu cả ngày bắt đầu lẫn hạn hoàn thành."),
    customProblem({}, "plan.file_rule", "tệp phải có ít nhất một nhiệm vụ của Văn phòng Sở."),
  ];

  it("builds messages with the location prefix and keeps code + params", () => {
    expect(problems[0]).toEqual({
      rowNumber: 9,
      column: "Hạn hoàn thành",
      code: "plan.due_before_start",
      params: { due: "2024-03-01", start: "2024-03-05" },
      message: "Dòng 9, cột “Hạn hoàn thành”: hạn hoàn thành (01/03/2024) sớm hơn ngày bắt đầu (05/03/2024).",
    });
    expect(problems[1]!.message).toBe("Dòng 2: dòng này thiếu cả ngày bắt đầu lẫn hạn hoàn thành.");
    expect(problems[2]!.message).toBe("Tệp phải có ít nhất một nhiệm vụ của Văn phòng Sở.");
  });

  it("sorts file-level problems first, then by row; supports max and title", () => {
    expect(formatProblems(problems, { title: false })).toBe(
      [
        "• Tệp phải có ít nhất một nhiệm vụ của Văn phòng Sở.",
        "• Dòng 2: dòng này thiếu cả ngày bắt đầu lẫn hạn hoàn thành.",
        "• Dòng 9, cột “Hạn hoàn thành”: hạn hoàn thành (01/03/2024) sớm hơn ngày bắt đầu (05/03/2024).",
      ].join("\n"),
    );
    expect(formatProblems(problems, { max: 1, title: "Lỗi:" })).toBe(
      ["Lỗi:", "• Tệp phải có ít nhất một nhiệm vụ của Văn phòng Sở.", "… và 2 lỗi khác."].join("\n"),
    );
    expect(formatProblems([])).toBe("");
  });

  it("RowReader.fail records importer rules on the row", () => {
    const spec = [
      { key: "start", label: "Ngày bắt đầu" },
      { key: "due", label: "Hạn hoàn thành" },
    ] as const satisfies readonly ColumnSpec[];
    const v = validateRecords(
      {
        columns: { start: { index: 0, header: "Bắt đầu", letter: "A" }, due: { index: 1, header: "Hạn", letter: "B" } },
        records: [
          { rowNumber: 4, data: { start: "05/03/2024", due: "01/03/2024" } },
          { rowNumber: 5, data: { start: "05/03/2024", due: "10/03/2024" } },
        ],
      },
      spec,
      (row) => {
        const start = row.date("start", { required: true });
        const due = row.date("due", { required: true });
        if (start && due && due < start) row.fail("due", "plan.due_before_start", "hạn hoàn thành sớm hơn ngày bắt đầu.", { start, due });
        return { start, due };
      },
    );
    expect(v.problems.map((p) => p.message)).toEqual(["Dòng 4, cột “Hạn”: hạn hoàn thành sớm hơn ngày bắt đầu."]);
    expect(v.items).toEqual([{ rowNumber: 5, value: { start: "2024-03-05", due: "2024-03-10" } }]);
  });
});
