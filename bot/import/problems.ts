/**
 * Problems found while importing a spreadsheet, with precise Vietnamese messages.
 *
 * Every problem carries a stable `code` and the `params` used to build its message, so a
 * later English (or other) rendering can be produced from `code` + `params` alone.
 */
import { charLength, takeChars } from "../services/safe-text.js";

export interface ImportProblem {
  /** Row number as the user sees it in Excel/LibreOffice (1-based); null for file-level problems. */
  rowNumber: number | null;
  /** The column header exactly as written in the user's file (or the documented label if the column is missing). */
  column?: string;
  code: string;
  params?: Record<string, string | number>;
  /** Vietnamese, self-contained: which row, which column, what was found, what is expected. */
  message: string;
}

/** Where a problem is: row (user-visible number) and the user's header text. */
export interface ProblemLocation {
  rowNumber?: number | null;
  column?: string;
}

type Params = Record<string, string | number>;

/** Thrown by `readTable` when a file cannot be read at all; `readRecords` turns it into problems. */
export class ImportError extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[]) {
    super(problems.map((p) => p.message).join("\n"));
    this.name = "ImportError";
    this.problems = problems;
  }
}

/** “value” in Vietnamese typographic quotes, shortened if very long. */
export function quote(value: string | number): string {
  let s = String(value).replace(/\s+/g, " ").trim();
  if (charLength(s) > 80) s = takeChars(s, 77) + "…";
  return `“${s}”`;
}

function s(p: Params, k: string): string {
  const v = p[k];
  return v === undefined ? "" : String(v);
}

function range(p: Params, unit = ""): string {
  const hasMin = p.min !== undefined;
  const hasMax = p.max !== undefined;
  if (hasMin && hasMax) return `từ ${s(p, "min")}${unit} đến ${s(p, "max")}${unit}`;
  if (hasMin) return `không nhỏ hơn ${s(p, "min")}${unit}`;
  return `không lớn hơn ${s(p, "max")}${unit}`;
}

/**
 * Message bodies, without the "Dòng N, cột “X”: " prefix (added by `problem`).
 * Codes whose text names the place itself are listed in FULL_MESSAGE.
 */
const DETAILS: Record<string, (p: Params) => string> = {
  // ---- file level ----
  "file.unreadable": (p) => `không mở được tệp ${quote(s(p, "fileName"))}: ${s(p, "detail")}.`,
  "file.empty": (p) => `tệp ${quote(s(p, "fileName"))} không có dữ liệu.`,
  "file.too_large": (p) =>
    `tệp ${quote(s(p, "fileName"))} khi giải nén chiếm khoảng ${s(p, "size")} MB, vượt quá giới hạn ${s(p, "max")} MB nên không được mở; hãy kiểm tra lại tệp (có ô chứa dữ liệu bất thường?) hoặc chia thành nhiều tệp nhỏ hơn.`,
  "file.too_many_cells": (p) =>
    `trang tính trong tệp ${quote(s(p, "fileName"))} trải trên vùng ${s(p, "range")} (${s(p, "cells")} ô), vượt quá giới hạn ${s(p, "max")} ô nên không được mở; hãy xoá các dòng, cột thừa hoặc chia thành nhiều tệp.`,
  "file.unsupported_format": (p) =>
    `tệp ${quote(s(p, "fileName"))} không phải bảng tính CSV hay XLSX; hãy mở tệp rồi lưu lại dưới dạng “Excel Workbook (*.xlsx)” hoặc “CSV UTF-8 (Comma delimited)”.`,
  "file.legacy_xls": (p) =>
    `tệp ${quote(s(p, "fileName"))} là định dạng Excel 97–2003 (.xls), chưa được hỗ trợ; hãy mở tệp rồi lưu lại dưới dạng “Excel Workbook (*.xlsx)” hoặc “CSV UTF-8 (Comma delimited)”.`,
  "file.ods": (p) =>
    `tệp ${quote(s(p, "fileName"))} là bảng tính OpenDocument (.ods), chưa được hỗ trợ; hãy lưu lại dưới dạng “Excel 2007-365 (.xlsx)” hoặc CSV với bộ ký tự “Unicode (UTF-8)”.`,
  "file.encoding": (p) =>
    `tệp CSV ${quote(s(p, "fileName"))} không được mã hoá UTF-8 nên chữ tiếng Việt sẽ bị lỗi; trong Excel hãy chọn “Lưu dưới dạng” → “CSV UTF-8 (Comma delimited)”, trong LibreOffice chọn bộ ký tự “Unicode (UTF-8)”.`,
  "file.corrupt": (p) =>
    `không đọc được tệp XLSX ${quote(s(p, "fileName"))} (tệp bị hỏng hoặc không phải bảng tính Excel): ${s(p, "detail")}.`,
  "file.csv_syntax": (p) => `tệp CSV ${quote(s(p, "fileName"))} sai cú pháp: ${s(p, "detail")}.`,
  "file.sheet_not_found": (p) =>
    `tệp ${quote(s(p, "fileName"))} không có trang tính ${quote(s(p, "sheet"))}; các trang hiện có: ${s(p, "sheets")}.`,
  "file.no_sheet": (p) => `tệp ${quote(s(p, "fileName"))} không có trang tính nào.`,
  "file.no_rows": (p) => `không có dòng dữ liệu nào bên dưới dòng tiêu đề (dòng ${s(p, "headerRow")}).`,

  // ---- cells ----
  "cell.required": () => `ô đang để trống; cột này bắt buộc phải điền.`,
  "text.invalid_char": (p) => `nội dung ${s(p, "fault")}; hãy gõ lại ô này (hoặc dán dưới dạng chữ thường) rồi lưu lại tệp.`,
  "text.too_long": (p) =>
    `nội dung dài ${s(p, "length")} ký tự, vượt quá giới hạn ${s(p, "max")} ký tự.`,
  "date.invalid": (p) =>
    `${quote(s(p, "value"))} không phải ngày hợp lệ; cần ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2024.`,
  "date.two_digit_year": (p) =>
    `${quote(s(p, "value"))} ghi năm bằng 2 chữ số; hãy ghi đủ 4 chữ số, ví dụ 05/03/2024.`,
  "date.impossible": (p) =>
    p.reason === "month"
      ? `ngày ${quote(s(p, "value"))} không có thật: tháng ${s(p, "month")} không tồn tại (tháng chỉ từ 1 đến 12).`
      : `ngày ${quote(s(p, "value"))} không có thật: tháng ${s(p, "month")}/${s(p, "year")} chỉ có ${s(p, "daysInMonth")} ngày.`,
  "date.year_out_of_range": (p) =>
    `năm ${s(p, "year")} trong ${quote(s(p, "value"))} không hợp lý (cần từ ${s(p, "minYear")} đến ${s(p, "maxYear")}).`,
  "date.excel_phantom_day": () =>
    `số ngày Excel 60 ứng với ngày 29/02/1900 — ngày không có thật (lỗi năm nhuận 1900 của Excel); hãy nhập lại ngày theo dạng dd/mm/yyyy.`,
  "date.serial_out_of_range": (p) =>
    `số ${s(p, "value")} không ứng với ngày nào trong Excel (số ngày phải từ 1 đến 2958465); nếu đây là ngày, hãy nhập theo dạng dd/mm/yyyy.`,
  "date.out_of_range": (p) => `ngày ${s(p, "value")} nằm ngoài khoảng cho phép (${range(p)}).`,
  "datetime.invalid": (p) =>
    `${quote(s(p, "value"))} không phải ngày giờ hợp lệ; cần ghi theo dạng dd/mm/yyyy hh:mm, ví dụ 05/03/2024 08:30.`,
  "time.invalid": (p) =>
    `${quote(s(p, "value"))} không phải giờ hợp lệ; cần ghi theo dạng hh:mm (từ 00:00 đến 23:59), ví dụ 08:30.`,
  "integer.invalid": (p) => `${quote(s(p, "value"))} không phải số nguyên.`,
  "number.out_of_range": (p) => `giá trị ${s(p, "value")} nằm ngoài khoảng cho phép (${range(p)}).`,
  "percent.invalid": (p) =>
    `${quote(s(p, "value"))} không phải tỷ lệ phần trăm; cần một số, có thể kèm dấu %, ví dụ 75 hoặc 75%.`,
  "percent.not_integer": (p) => `tỷ lệ ${s(p, "value")}% phải là số nguyên (không có phần thập phân).`,
  "percent.out_of_range": (p) => `tỷ lệ ${s(p, "value")}% nằm ngoài khoảng cho phép (${range(p, "%")}).`,
  "list.too_many": (p) => `có ${s(p, "count")} mục, vượt quá tối đa ${s(p, "max")} mục.`,
  "list.item_too_long": (p) =>
    `mục ${quote(s(p, "item"))} dài ${s(p, "length")} ký tự, vượt quá giới hạn ${s(p, "max")} ký tự.`,
  "enum.invalid": (p) => `${quote(s(p, "value"))} không thuộc các giá trị được chấp nhận: ${s(p, "allowed")}.`,
  "row.duplicate": (p) =>
    `giá trị ${quote(s(p, "value"))} trùng với dòng ${s(p, "firstRow")}; mỗi giá trị trong cột này chỉ được xuất hiện một lần.`,
};

/** Codes whose message is written in full (no generic location prefix). */
const FULL_MESSAGE: Record<string, (p: Params) => string> = {
  "column.missing": (p) =>
    `Dòng tiêu đề (dòng ${s(p, "headerRow")}): thiếu cột bắt buộc ${quote(s(p, "label"))}. Tên cột được chấp nhận: ${s(p, "accepted")}.`,
  "column.duplicate": (p) =>
    `Dòng tiêu đề (dòng ${s(p, "headerRow")}): cột ${quote(s(p, "label"))} xuất hiện nhiều lần — ${quote(s(p, "first"))} ở cột ${s(p, "firstColumn")} và ${quote(s(p, "second"))} ở cột ${s(p, "secondColumn")}; hãy xoá hoặc đổi tên một trong hai cột.`,
  "header.not_found": (p) =>
    `Không tìm thấy dòng tiêu đề trong ${s(p, "searched")} dòng đầu của bảng; dòng tiêu đề phải có các cột: ${s(p, "expected")}.`,
};

/** Location prefix: "Dòng 5, cột “Ngày sinh”: ", "Dòng 5: ", "Cột “X”: " or "". */
export function locationPrefix(loc: ProblemLocation): string {
  const parts: string[] = [];
  if (loc.rowNumber != null) parts.push(`Dòng ${loc.rowNumber}`);
  if (loc.column !== undefined) parts.push(parts.length ? `cột ${quote(loc.column)}` : `Cột ${quote(loc.column)}`);
  return parts.length ? parts.join(", ") + ": " : "";
}

function withPrefix(loc: ProblemLocation, detail: string): string {
  const prefix = locationPrefix(loc);
  if (prefix) return prefix + detail;
  return detail.charAt(0).toLocaleUpperCase("vi") + detail.slice(1);
}

/** Build a problem with one of the toolkit's codes (see DETAILS/FULL_MESSAGE for the list). */
export function problem(loc: ProblemLocation, code: string, params: Params = {}): ImportProblem {
  const full = FULL_MESSAGE[code];
  const detail = DETAILS[code];
  let message: string;
  if (full) message = full(params);
  else if (detail) message = withPrefix(loc, detail(params));
  else throw new Error(`Unknown import problem code: ${code}`);
  return makeProblem(loc, code, params, message);
}

/**
 * A problem for an importer's own rule. `detail` is Vietnamese, without the location
 * (it is prefixed with "Dòng N, cột “X”: "), e.g. "ngày kết thúc (01/03/2024) sớm hơn ngày bắt đầu (05/03/2024)."
 * Use a namespaced `code` such as "staff.unknown_unit" and put what you mention in `params`.
 */
export function customProblem(
  loc: ProblemLocation,
  code: string,
  detail: string,
  params: Params = {},
): ImportProblem {
  return makeProblem(loc, code, params, withPrefix(loc, detail));
}

function makeProblem(loc: ProblemLocation, code: string, params: Params, message: string): ImportProblem {
  const p: ImportProblem = { rowNumber: loc.rowNumber ?? null, code, message };
  if (loc.column !== undefined) p.column = loc.column;
  if (Object.keys(params).length) p.params = params;
  return p;
}

/** Problems sorted for display: file-level first, then by row; stable within a row. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const ra = a.p.rowNumber ?? -1;
      const rb = b.p.rowNumber ?? -1;
      return ra - rb || a.i - b.i;
    })
    .map((x) => x.p);
}

/** A file with a million bad rows must not print a million lines: the first 100, then the count. */
export const DEFAULT_MAX_PROBLEMS = 100;

export interface FormatProblemsOptions {
  /** Show at most this many problems, then "… và N lỗi khác." (default: DEFAULT_MAX_PROBLEMS). */
  max?: number;
  /** First line; default "Tệp có N lỗi cần sửa:"; `false` for none. */
  title?: string | false;
}

/** Readable multi-line Vietnamese report, sorted by row. Empty string when there is nothing to report. */
export function formatProblems(problems: readonly ImportProblem[], opts: FormatProblemsOptions = {}): string {
  if (problems.length === 0) return "";
  const sorted = sortProblems(problems);
  const max = opts.max ?? DEFAULT_MAX_PROBLEMS;
  const lines: string[] = [];
  const title = opts.title === undefined ? `Tệp có ${problems.length} lỗi cần sửa:` : opts.title;
  if (title !== false) lines.push(title);
  for (const p of sorted.slice(0, max)) lines.push(`• ${p.message}`);
  if (sorted.length > max) lines.push(`… và ${sorted.length - max} lỗi khác.`);
  return lines.join("\n");
}
