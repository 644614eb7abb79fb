import { describe, expect, it } from "vitest";
import {
  excelSerialToParts,
  parseDate,
  parseDateTime,
  parseEnum,
  parseInteger,
  parseList,
  parsePercent,
  parseText,
  parseTime,
  type ParseResult,
} from "../../bot/import/index.js";

function value<T>(r: ParseResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.problem.code}: ${r.problem.message}`);
  return r.value;
}
function problemOf<T>(r: ParseResult<T>) {
  if (r.ok) throw new Error(`expected a problem, got ${JSON.stringify(r.value)}`);
  return r.problem;
}
const at = { rowNumber: 7, column: "Ngày sinh" };

describe("parseText", () => {
  it("trims, NFC-normalises and collapses whitespace", () => {
    const r = value(parseText("  Nguyễn   Văn \t An ".normalize("NFD"), { required: true }));
    expect(r).toBe("Nguyễn Văn An");
    expect(r).toBe(r.normalize("NFC"));
  });
  it("empty cells: null, or a problem when required", () => {
    expect(value(parseText(null))).toBeNull();
    expect(value(parseText("   "))).toBeNull();
    const p = problemOf(parseText(" ", { required: true, rowNumber: 4, column: "Họ và tên" }));
    expect(p).toMatchObject({ rowNumber: 4, column: "Họ và tên", code: "cell.required" });
    expect(p.message).toBe("Dòng 4, cột “Họ và tên”: ô đang để trống; cột này bắt buộc phải điền.");
  });
  it("checks the length in characters (not UTF-16 units or NFD marks)", () => {
    expect(value(parseText("Đặng Thị Hoa".normalize("NFD"), { maxLength: 12 }))).toBe("Đặng Thị Hoa");
    const p = problemOf(parseText("Nguyễn Văn An", { maxLength: 5, rowNumber: 3, column: "Họ và tên" }));
    expect(p.params).toEqual({ length: 13, max: 5 });
    expect(p.message).toBe("Dòng 3, cột “Họ và tên”: nội dung dài 13 ký tự, vượt quá giới hạn 5 ký tự.");
  });
  it("turns numbers and dates into text", () => {
    expect(value(parseText(1001))).toBe("1001");
    expect(value(parseText(new Date(Date.UTC(2024, 2, 5))))).toBe("05/03/2024");
  });
  it("keeps line breaks when multiline", () => {
    expect(value(parseText("Dòng 1\r\n  Dòng 2", { multiline: true }))).toBe("Dòng 1\nDòng 2");
    expect(value(parseText("Dòng 1\r\n  Dòng 2"))).toBe("Dòng 1 Dòng 2");
  });
});

describe("parseDate: text forms", () => {
  it.each([
    ["05/03/2024", "2024-03-05"],
    ["5/3/2024", "2024-03-05"],
    ["05-03-2024", "2024-03-05"],
    ["05.03.2024", "2024-03-05"],
    ["2024-03-05", "2024-03-05"],
    ["2024-3-5", "2024-03-05"],
    [" 29/02/2024 ", "2024-02-29"],
    ["05/03/2024 08:30", "2024-03-05"],
    ["31/12/1999", "1999-12-31"],
  ])("%s → %s", (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });

  it("reads day first: 03/05/2024 is 3 May", () => {
    expect(value(parseDate("03/05/2024"))).toBe("2024-05-03");
  });

  it("rejects impossible dates with a precise message", () => {
    const p = problemOf(parseDate("31/02/2021", at));
    expect(p.code).toBe("date.impossible");
    expect(p.params).toMatchObject({ day: 31, month: 2, year: 2021, daysInMonth: 28 });
    expect(p.message).toBe("Dòng 7, cột “Ngày sinh”: ngày “31/02/2021” không có thật: tháng 2/2021 chỉ có 28 ngày.");
    expect(problemOf(parseDate("29/02/2023")).params).toMatchObject({ daysInMonth: 28 });
    expect(problemOf(parseDate("31/04/2024")).params).toMatchObject({ daysInMonth: 30 });
    expect(problemOf(parseDate("00/01/2024")).code).toBe("date.impossible");
    const month = problemOf(parseDate("12/13/2024", at));
    expect(month.code).toBe("date.impossible");
    expect(month.message).toContain("tháng 13 không tồn tại");
    expect(problemOf(parseDate("2024-02-30")).code).toBe("date.impossible");
  });

  it("rejects two-digit years, mixed separators, words and numeric strings", () => {
    expect(problemOf(parseDate("5/3/85")).code).toBe("date.two_digit_year");
    const invalid = ["05/03-2024", "ngày 5 tháng 3", "2024", "45356", "5/3", "05/03/20245"];
    for (const s of invalid) expect(problemOf(parseDate(s)).code, s).toBe("date.invalid");
    expect(problemOf(parseDate("abc", at)).message).toBe(
      "Dòng 7, cột “Ngày sinh”: “abc” không phải ngày hợp lệ; cần ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2024.",
    );
  });

  it("rejects implausible years and enforces min/max", () => {
    expect(problemOf(parseDate("05/03/0224")).code).toBe("date.year_out_of_range");
    const p = problemOf(parseDate("01/01/1930", { ...at, min: "1940-01-01", max: "2010-12-31" }));
    expect(p.code).toBe("date.out_of_range");
    expect(p.message).toBe("Dòng 7, cột “Ngày sinh”: ngày 01/01/1930 nằm ngoài khoảng cho phép (từ 01/01/1940 đến 31/12/2010).");
    expect(value(parseDate("01/01/1940", { min: "1940-01-01" }))).toBe("1940-01-01");
  });

  it("empty and required", () => {
    expect(value(parseDate(""))).toBeNull();
    expect(problemOf(parseDate(undefined, { required: true })).code).toBe("cell.required");
  });
});

describe("parseDate: Excel serials", () => {
  it("converts modern serials", () => {
    expect(value(parseDate(45356))).toBe("2024-03-05");
    expect(value(parseDate(45292))).toBe("2024-01-01");
    expect(value(parseDate(2958465))).toBe("9999-12-31");
  });

  it("follows Excel around its 1900 leap-year bug (serials 59/60/61)", () => {
    expect(value(parseDate(1))).toBe("1900-01-01");
    expect(value(parseDate(59))).toBe("1900-02-28");
    const p = problemOf(parseDate(60, at));
    expect(p.code).toBe("date.excel_phantom_day");
    expect(p.message).toContain("29/02/1900");
    expect(value(parseDate(61))).toBe("1900-03-01");
    expect(value(parseDate(60.5 + 1))).toBe("1900-03-01");
  });

  it("accepts fractional serials (the time is dropped by parseDate, split by parseDateTime)", () => {
    expect(value(parseDate(45356.75))).toBe("2024-03-05");
    expect(value(parseDateTime(45356.75))).toEqual({ date: "2024-03-05", time: "18:00" });
    expect(value(parseDateTime(45356.354166666664))).toEqual({ date: "2024-03-05", time: "08:30" });
    // 23:59:59.9 rounds to the next midnight
    expect(value(parseDateTime(45356 + 86399.9 / 86400))).toEqual({ date: "2024-03-06", time: null });
  });

  it("rejects serials outside Excel's range", () => {
    for (const n of [0, -5, 0.5, 2958466]) expect(problemOf(parseDate(n)).code, String(n)).toBe("date.serial_out_of_range");
  });

  it("supports the 1904 date system", () => {
    expect(value(parseDate(0, { date1904: true }))).toBe("1904-01-01");
    expect(value(parseDate(43894, { date1904: true }))).toBe("2024-03-05");
    expect(excelSerialToParts(60)).toMatchObject({ ok: false, code: "date.excel_phantom_day" });
  });
});

describe("parseDate: Date objects as exceljs returns them", () => {
  it("reads the UTC fields as the wall-clock value of the cell", () => {
    // exceljs turns the cell 05/03/2024 into 2024-03-05T00:00:00Z whatever the server's time zone.
    expect(value(parseDate(new Date("2024-03-05T00:00:00.000Z")))).toBe("2024-03-05");
    expect(value(parseDate(new Date("2024-03-05T23:30:00.000Z")))).toBe("2024-03-05");
    expect(value(parseDateTime(new Date("2024-03-05T23:30:00.000Z")))).toEqual({ date: "2024-03-05", time: "23:30" });
  });
  it("rounds LibreOffice/Excel float noise to the second", () => {
    // 08:30 stored as 45361.3541666667 gives a Date a few microseconds off
    expect(value(parseDateTime(new Date(Date.UTC(2024, 2, 10, 8, 29, 59, 999))))).toEqual({ date: "2024-03-10", time: "08:30" });
    expect(value(parseDateTime(new Date(Date.UTC(2024, 2, 10, 23, 59, 59, 700))))).toEqual({ date: "2024-03-11", time: null });
  });
  it("rejects an invalid Date", () => {
    expect(problemOf(parseDate(new Date(NaN))).code).toBe("date.invalid");
  });
});

describe("parseDateTime", () => {
  it.each([
    ["05/03/2024 08:30", { date: "2024-03-05", time: "08:30" }],
    ["5/3/2024 8:30", { date: "2024-03-05", time: "08:30" }],
    ["05/03/2024 08:30:45", { date: "2024-03-05", time: "08:30" }],
    ["05-03-2024 14:00", { date: "2024-03-05", time: "14:00" }],
    ["2024-03-05 08:30", { date: "2024-03-05", time: "08:30" }],
    ["2024-03-05T08:30:00", { date: "2024-03-05", time: "08:30" }],
    ["05/03/2024 8h30", { date: "2024-03-05", time: "08:30" }],
    ["8h30 05/03/2024", { date: "2024-03-05", time: "08:30" }],
    ["14:00 ngày 05/03/2024", { date: "2024-03-05", time: "14:00" }],
    ["05/03/2024 lúc 8h", { date: "2024-03-05", time: "08:00" }],
    ["05/03/2024 2:15 CH", { date: "2024-03-05", time: "14:15" }],
    ["05/03/2024 12:05 AM", { date: "2024-03-05", time: "00:05" }],
    ["05/03/2024 00:00", { date: "2024-03-05", time: "00:00" }],
    ["05/03/2024", { date: "2024-03-05", time: null }],
  ])("%s", (input, expected) => {
    expect(value(parseDateTime(input))).toEqual(expected);
  });

  it("rejects bad times and impossible dates", () => {
    const p = problemOf(parseDateTime("05/03/2024 25:00", { rowNumber: 9, column: "Thời gian họp" }));
    expect(p.code).toBe("datetime.invalid");
    expect(p.message).toBe(
      "Dòng 9, cột “Thời gian họp”: “05/03/2024 25:00” không phải ngày giờ hợp lệ; cần ghi theo dạng dd/mm/yyyy hh:mm, ví dụ 05/03/2024 08:30.",
    );
    expect(problemOf(parseDateTime("05/03/2024 08:60")).code).toBe("datetime.invalid");
    expect(problemOf(parseDateTime("30/02/2024 08:00")).code).toBe("date.impossible");
    expect(problemOf(parseDateTime("họp sáng thứ hai")).code).toBe("datetime.invalid");
  });
});

describe("parseTime", () => {
  it.each([
    ["08:30", "08:30"],
    ["8:30", "08:30"],
    ["8h30", "08:30"],
    ["8h", "08:00"],
    ["8 giờ 30", "08:30"],
    ["17:45:10", "17:45"],
    ["5:30 CH", "17:30"],
  ])("%s → %s", (input, expected) => {
    expect(value(parseTime(input))).toBe(expected);
  });
  it("accepts day fractions, whole hours and Dates", () => {
    expect(value(parseTime(0.354166666666667))).toBe("08:30");
    expect(value(parseTime(14))).toBe("14:00");
    expect(value(parseTime(new Date(Date.UTC(1899, 11, 30, 13, 15))))).toBe("13:15");
  });
  it("rejects nonsense", () => {
    for (const v of ["24:00", "8:75", "sáng", 25, 1.5]) expect(problemOf(parseTime(v)).code, String(v)).toBe("time.invalid");
  });
});

describe("parseInteger", () => {
  it("accepts integers as numbers and text, with thousands separators", () => {
    expect(value(parseInteger(12))).toBe(12);
    expect(value(parseInteger(12.0000000001))).toBe(12);
    expect(value(parseInteger(" 42 "))).toBe(42);
    expect(value(parseInteger("-3"))).toBe(-3);
    expect(value(parseInteger("1.234.567"))).toBe(1234567);
    expect(value(parseInteger("1,234"))).toBe(1234);
    expect(value(parseInteger("1 234"))).toBe(1234);
  });
  it("rejects non-integers and checks the range", () => {
    for (const v of [1.5, "1,5", "12.0", "1.23", "abc", "75%", "1.234,567"]) {
      expect(problemOf(parseInteger(v)).code, String(v)).toBe("integer.invalid");
    }
    const p = problemOf(parseInteger("120", { rowNumber: 5, column: "Số người", min: 1, max: 100 }));
    expect(p.code).toBe("number.out_of_range");
    expect(p.message).toBe("Dòng 5, cột “Số người”: giá trị 120 nằm ngoài khoảng cho phép (từ 1 đến 100).");
  });
});

describe("parsePercent", () => {
  it("accepts 75, 75%, 75 %, 75,5% and numbers", () => {
    expect(value(parsePercent("75"))).toBe(75);
    expect(value(parsePercent("75%"))).toBe(75);
    expect(value(parsePercent("75 %"))).toBe(75);
    expect(value(parsePercent("75,5%"))).toBe(75.5);
    expect(value(parsePercent("75.5"))).toBe(75.5);
    expect(value(parsePercent(75))).toBe(75);
    expect(value(parsePercent(0))).toBe(0);
  });
  it("takes an unformatted number literally (0.75 means 0.75%)", () => {
    expect(value(parsePercent(0.75))).toBe(0.75);
  });
  it("checks range, integers and garbage", () => {
    const p = problemOf(parsePercent("120%", { rowNumber: 4, column: "Tiến độ" }));
    expect(p.code).toBe("percent.out_of_range");
    expect(p.message).toBe("Dòng 4, cột “Tiến độ”: tỷ lệ 120% nằm ngoài khoảng cho phép (từ 0% đến 100%).");
    expect(problemOf(parsePercent("-5")).code).toBe("percent.out_of_range");
    expect(problemOf(parsePercent("75.5", { integer: true })).code).toBe("percent.not_integer");
    expect(problemOf(parsePercent("khoảng 70")).code).toBe("percent.invalid");
    expect(value(parsePercent("150%", { max: 200 }))).toBe(150);
  });
});

describe("parseList", () => {
  it("splits on ; , and line breaks, trims and drops empties", () => {
    expect(value(parseList("Trần Thị Bình; Lê Đức Cường,, ;Ngô Ánh\nVũ Đức"))).toEqual([
      "Trần Thị Bình",
      "Lê Đức Cường",
      "Ngô Ánh",
      "Vũ Đức",
    ]);
    expect(value(parseList(null))).toEqual([]);
    expect(value(parseList(" ; , "))).toEqual([]);
    expect(problemOf(parseList(" ; ", { required: true })).code).toBe("cell.required");
  });
  it("limits items", () => {
    expect(problemOf(parseList("a;b;c", { maxItems: 2 })).params).toEqual({ count: 3, max: 2 });
    expect(problemOf(parseList("abc;defgh", { maxItemLength: 4 })).params).toMatchObject({ item: "defgh", length: 5, max: 4 });
  });
});

describe("parseEnum", () => {
  const roles = [
    { value: "head", labels: ["Trưởng phòng", "TP"] },
    { value: "deputy", labels: ["Phó trưởng phòng", "PTP", "Phó phòng"] },
    { value: "staff", labels: ["Chuyên viên", "CV"] },
  ] as const;

  it("matches labels like headers: case, diacritics, NFD, spacing, abbreviations", () => {
    for (const v of ["Trưởng phòng", "truong phong", "TRƯỞNG PHÒNG", "Trưởng phòng".normalize("NFD"), "  trưởng  phòng ", "TP", "tp"]) {
      expect(value(parseEnum(v, roles)), v).toBe("head");
    }
    expect(value(parseEnum("pho phong", roles))).toBe("deputy");
    expect(value(parseEnum(null, roles))).toBeNull();
  });
  it("lists the accepted values when nothing matches", () => {
    const p = problemOf(parseEnum("Giám đốc", roles, { rowNumber: 6, column: "Chức vụ", required: true }));
    expect(p.code).toBe("enum.invalid");
    expect(p.message).toBe(
      "Dòng 6, cột “Chức vụ”: “Giám đốc” không thuộc các giá trị được chấp nhận: “Trưởng phòng”, “Phó trưởng phòng”, “Chuyên viên”.",
    );
  });
});

describe("parsers never throw for user data", () => {
  const junk = [null, undefined, "", " ", "\u0000", "💥", "9".repeat(400), -1, 1e308, NaN, Infinity, new Date(NaN), new Date(8.64e15)];
  it("returns a result for every input", () => {
    for (const v of junk) {
      for (const f of [parseText, parseDate, parseDateTime, parseTime, parseInteger, parsePercent, parseList] as ((v: unknown) => unknown)[]) {
        expect(() => f(v)).not.toThrow();
      }
      expect(() => parseEnum(v as never, [{ value: 1, labels: ["Một"] }])).not.toThrow();
    }
  });
});
