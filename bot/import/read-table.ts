/**
 * Read a CSV or XLSX file into a plain table: header texts plus data rows, each with the
 * row number the user sees in Excel/LibreOffice.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import type ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { cleanText, normalizeHeader } from "./normalize.js";
import { ImportError, problem, quote, type ImportProblem } from "./problems.js";
import { MAX_CELLS, MAX_CSV_BYTES, MAX_XLSX_UNCOMPRESSED_BYTES, xlsxSizeRefusal } from "./size-guard.js";
import { excelJs } from "../services/documents/libraries.js";

const megabytes = (bytes: number) => String(Math.ceil(bytes / (1024 * 1024)));

/** A cell value after normalisation. Empty / whitespace-only cells are `null`. */
export type CellValue = string | number | Date | null;

export interface TableRow {
  /** Row number as shown by the spreadsheet program (1-based, counting title and header rows). */
  rowNumber: number;
  /** One value per header column (same length as `headers`). */
  values: CellValue[];
}

export interface Table {
  format: "csv" | "xlsx";
  /** Header texts as written by the user (whitespace collapsed, NFC); "" for an empty header cell. */
  headers: string[];
  /** Row number of the header row. */
  headerRowNumber: number;
  /** Data rows below the header; rows that are entirely empty are left out (numbers stay true to the file). */
  rows: TableRow[];
  /** XLSX: name of the worksheet that was read. */
  sheet?: string;
  /** XLSX: the workbook uses the 1904 date system (Excel for Mac legacy). Pass to parseDate for raw serials. */
  date1904: boolean;
  /** CSV: the delimiter that was detected. */
  delimiter?: string;
  /** CSV: the text encoding that was detected. */
  encoding?: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";
}

export interface ReadTableInput {
  path?: string;
  buffer?: Buffer;
  /** Original file name (used for format detection and messages); defaults to the basename of `path`. */
  fileName?: string;
}

/** A required header: one name, or several accepted names (label + aliases). */
export type HeaderHint = string | readonly string[];

export interface ReadTableOptions {
  /** XLSX: worksheet name (exact, or equal under `normalizeHeader`); default: the first worksheet. */
  sheet?: string;
  /**
   * Headers the header row must contain. The header row is the first of the first
   * `headerSearchRows` non-empty rows that contains all of them; if none does, the row
   * containing the most of them (so that the caller can report exactly which are missing);
   * if no row contains any, `readTable` throws `header.not_found`.
   * Without hints, the first non-empty row is the header row.
   */
  requiredHeaders?: readonly HeaderHint[];
  /** How many non-empty rows to search for the header row (default 10). */
  headerSearchRows?: number;
}

interface RawRow {
  rowNumber: number;
  values: CellValue[];
  /** Header text for each cell (merged non-top-left cells are empty here). */
  headerTexts?: string[];
}

const DAY_MS = 86_400_000;
/** Excel serial of 1970-01-01 in the 1900 date system. */
const EPOCH_SERIAL = 25569;

/** Why a file could not be read, in words (never the library's English message). */
export function fileErrorDetail(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "không tìm thấy tệp";
  if (code === "EACCES" || code === "EPERM") return "không có quyền đọc";
  if (code === "EISDIR") return "đây là một thư mục, không phải tệp";
  return String(code ?? err);
}

/** Read a CSV or XLSX file. Throws `ImportError` (with Vietnamese problems) if the file cannot be read. */
export async function readTable(input: ReadTableInput, opts: ReadTableOptions = {}): Promise<Table> {
  const fileName = input.fileName ?? (input.path ? basename(input.path) : "tệp tải lên");
  let buffer: Buffer;
  if (input.buffer) {
    buffer = input.buffer;
  } else if (input.path) {
    try {
      buffer = await readFile(input.path);
    } catch (err) {
      // Named by the path as typed: the office must recognise it (a basename hides a wrong folder).
      throw new ImportError([problem({}, "file.unreadable", { fileName: input.path, detail: fileErrorDetail(err) })]);
    }
  } else {
    throw new Error("readTable: either path or buffer is required");
  }
  if (buffer.length === 0) throw new ImportError([problem({}, "file.empty", { fileName })]);

  const format = detectFormat(buffer, fileName);
  // Absurd sizes are refused before any parsing (which would need the memory).
  if (format === "csv" && buffer.length > MAX_CSV_BYTES) {
    throw new ImportError([problem({}, "file.too_large", { fileName, size: megabytes(buffer.length), max: megabytes(MAX_CSV_BYTES) })]);
  }
  if (format === "xlsx") {
    const refusal = xlsxSizeRefusal(buffer);
    if (refusal?.kind === "cells") throw new ImportError([problem({}, "file.too_many_cells", { fileName, cells: refusal.cells, range: refusal.range, max: MAX_CELLS })]);
    if (refusal) {
      const size = refusal.kind === "uncompressed" ? megabytes(refusal.bytes) : "> 4096";
      throw new ImportError([problem({}, "file.too_large", { fileName, size, max: megabytes(MAX_XLSX_UNCOMPRESSED_BYTES) })]);
    }
  }
  let raw: RawRow[];
  let meta: Pick<Table, "sheet" | "date1904" | "delimiter" | "encoding">;
  if (format === "xlsx") {
    const r = await readXlsx(buffer, fileName, opts.sheet);
    raw = r.rows;
    meta = { sheet: r.sheet, date1904: r.date1904 };
  } else {
    const r = readCsv(buffer, fileName);
    raw = r.rows;
    meta = { date1904: false, delimiter: r.delimiter, encoding: r.encoding };
  }
  if (raw.length === 0) throw new ImportError([problem({}, "file.empty", { fileName })]);

  const headerIndex = findHeaderRow(raw, opts);
  const headerRow = raw[headerIndex]!;
  const headerTexts = headerRow.headerTexts ?? headerRow.values.map(cellToText);
  let width = headerTexts.length;
  while (width > 0 && headerTexts[width - 1] === "") width--;
  const headers = headerTexts.slice(0, width);

  const rows: TableRow[] = [];
  for (const r of raw.slice(headerIndex + 1)) {
    const values: CellValue[] = [];
    for (let i = 0; i < width; i++) values.push(r.values[i] ?? null);
    if (values.every((v) => v === null)) continue;
    rows.push({ rowNumber: r.rowNumber, values });
  }
  return { format, headers, headerRowNumber: headerRow.rowNumber, rows, ...meta };
}

// ---------------------------------------------------------------------------------------
// Format detection

function detectFormat(buf: Buffer, fileName: string): "csv" | "xlsx" {
  const ext = extname(fileName).toLowerCase();
  const isZip = buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  const isOle = buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
  if (isOle || ext === ".xls") throw new ImportError([problem({}, "file.legacy_xls", { fileName })]);
  if (ext === ".ods" || (isZip && buf.subarray(30, 100).toString("latin1").includes("opendocument"))) {
    throw new ImportError([problem({}, "file.ods", { fileName })]);
  }
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return isZip ? "xlsx" : "csv";
  // Unknown or missing extension: look at the content.
  if (isZip) return "xlsx";
  if (buf.subarray(0, 5).toString("latin1") === "%PDF-" || (buf.includes(0x00) && !looksUtf16(buf))) {
    throw new ImportError([problem({}, "file.unsupported_format", { fileName })]);
  }
  return "csv";
}

function looksUtf16(buf: Buffer): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  return utf16Guess(buf) !== null;
}

/** BOM-less UTF-16 guess: ASCII-heavy text has a zero in every other byte. */
function utf16Guess(buf: Buffer): "utf-16le" | "utf-16be" | null {
  const n = Math.min(buf.length - (buf.length % 2), 400);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return "utf-16le";
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return "utf-16be";
  return null;
}

// ---------------------------------------------------------------------------------------
// CSV

function decodeCsv(buf: Buffer, fileName: string): { text: string; encoding: NonNullable<Table["encoding"]> } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: decodeUtf8(buf.subarray(3), fileName), encoding: "utf-8-bom" };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(buf.subarray(2)), encoding: "utf-16le" };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: decodeUtf16be(buf.subarray(2)), encoding: "utf-16be" };
  }
  const guess = utf16Guess(buf);
  if (guess === "utf-16le") return { text: new TextDecoder("utf-16le").decode(buf), encoding: "utf-16le" };
  if (guess === "utf-16be") return { text: decodeUtf16be(buf), encoding: "utf-16be" };
  return { text: decodeUtf8(buf, fileName), encoding: "utf-8" };
}

function decodeUtf8(buf: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new ImportError([problem({}, "file.encoding", { fileName })]);
  }
}

function decodeUtf16be(buf: Uint8Array): string {
  const swapped = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
  swapped.swap16();
  return new TextDecoder("utf-16le").decode(swapped);
}

const DELIMITERS = [";", ",", "\t"] as const;

function readCsv(
  buf: Buffer,
  fileName: string,
): { rows: RawRow[]; delimiter: string; encoding: NonNullable<Table["encoding"]> } {
  const decoded = decodeCsv(buf, fileName);
  let text = decoded.text.replace(/^\uFEFF/, "");
  // Excel's "sep=;" directive line: Excel consumes it and shows the next line as row 1.
  let forced: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    forced = sep[1];
    text = text.slice(sep[0].length);
  }

  const candidates = forced ? [forced] : [...DELIMITERS];
  let best: { records: string[][]; delimiter: string; score: number; mode: number } | undefined;
  let firstError: unknown;
  for (const delimiter of candidates) {
    let records: string[][];
    try {
      records = parseCsv(text, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: false,
        bom: false,
      }) as string[][];
    } catch (err) {
      firstError ??= err;
      continue;
    }
    const { score, mode } = delimiterScore(records);
    if (!best || score > best.score || (score === best.score && mode > best.mode)) {
      best = { records, delimiter, score, mode };
    }
  }
  if (!best) {
    throw new ImportError([csvSyntaxProblem(firstError, fileName)]);
  }
  const rows: RawRow[] = [];
  best.records.forEach((rec, i) => {
    const values = rec.map((v): CellValue => (v.trim() === "" ? null : v));
    if (values.some((v) => v !== null)) rows.push({ rowNumber: i + 1, values });
  });
  return { rows, delimiter: best.delimiter, encoding: decoded.encoding };
}

/** How convincingly a delimiter splits the file: number of non-empty records sharing the most common field count (> 1). */
function delimiterScore(records: string[][]): { score: number; mode: number } {
  const counts = new Map<number, number>();
  for (const r of records) {
    if (r.every((v) => v.trim() === "")) continue;
    counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  }
  let score = 0;
  let mode = 1;
  for (const [fields, n] of counts) {
    if (fields > 1 && (n > score || (n === score && fields > mode))) {
      score = n;
      mode = fields;
    }
  }
  return { score, mode };
}

function csvSyntaxProblem(err: unknown, fileName: string): ImportProblem {
  const e = err as { code?: string; lines?: number; message?: string };
  let detail: string;
  if (e.code === "CSV_QUOTE_NOT_CLOSED") {
    detail = "có dấu ngoặc kép (\") mở mà không đóng, nên phần còn lại của tệp bị dồn vào một ô";
  } else if (e.code === "CSV_INVALID_CLOSING_QUOTE" || e.code === "CSV_INVALID_OPENING_QUOTE") {
    detail = `dấu ngoặc kép (") đặt sai vị trí${e.lines ? ` ở dòng ${e.lines}` : ""}; ô có chứa dấu ngoặc kép phải được bao trong ngoặc kép và nhân đôi dấu bên trong ("")`;
  } else {
    detail = `${e.lines ? `ở dòng ${e.lines}: ` : ""}${e.message ?? String(err)}`;
  }
  return problem({}, "file.csv_syntax", { fileName, detail });
}

// ---------------------------------------------------------------------------------------
// XLSX

async function readXlsx(
  buf: Buffer,
  fileName: string,
  sheetName: string | undefined,
): Promise<{ rows: RawRow[]; sheet: string; date1904: boolean }> {
  const wb = new (await excelJs()).Workbook();
  try {
    // exceljs' typings predate Node's generic Buffer; the runtime accepts any Buffer.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ImportError([problem({}, "file.corrupt", { fileName, detail })]);
  }
  const sheets = wb.worksheets;
  if (sheets.length === 0) throw new ImportError([problem({}, "file.no_sheet", { fileName })]);
  let ws = sheets[0]!;
  if (sheetName !== undefined) {
    const found =
      sheets.find((s) => s.name === sheetName) ??
      sheets.find((s) => normalizeHeader(s.name) === normalizeHeader(sheetName));
    if (!found) {
      throw new ImportError([
        problem({}, "file.sheet_not_found", {
          fileName,
          sheet: sheetName,
          sheets: sheets.map((s) => quote(s.name)).join(", "),
        }),
      ]);
    }
    ws = found;
  }
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);

  const rows: RawRow[] = [];
  const columnCount = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues && row.cellCount === 0) continue;
    const values: CellValue[] = [];
    const headerTexts: string[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      const value = normalizeXlsxValue(cell.value, cell.numFmt, date1904);
      values.push(value);
      // A merged header (e.g. one label spanning two columns) names only its first column.
      const isMergeSlave = cell.isMerged && cell.master !== cell;
      headerTexts.push(isMergeSlave ? "" : cellToText(value));
    }
    if (values.some((v) => v !== null)) rows.push({ rowNumber: r, values, headerTexts });
  }
  return { rows, sheet: ws.name, date1904 };
}

/**
 * exceljs value → CellValue:
 * rich text → plain string; formula → cached result; hyperlink → its text; errors → null;
 * booleans → "TRUE"/"FALSE"; numbers formatted as a percentage → "75%" (the text the user sees);
 * Dates (exceljs' UTC-encoded wall clock) stay Dates, except before 1900-03-01 in the 1900 date
 * system, where exceljs ignores Excel's leap-year bug: those are returned as the raw Excel serial.
 */
export function normalizeXlsxValue(v: unknown, numFmt: string | undefined, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    if (isPercentFormat(numFmt)) return formatPercent(v);
    return v;
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    if (!date1904) {
      const serial = v.getTime() / DAY_MS + EPOCH_SERIAL;
      if (serial < 61) return Math.round(serial * DAY_MS) / DAY_MS;
    }
    return v;
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      const text = (o.richText as { text?: unknown }[]).map((t) => (typeof t.text === "string" ? t.text : "")).join("");
      return text.trim() === "" ? null : text;
    }
    if ("formula" in o || "sharedFormula" in o) {
      return normalizeXlsxValue(o.result, numFmt, date1904);
    }
    if ("hyperlink" in o || "text" in o) {
      return normalizeXlsxValue(o.text, numFmt, date1904);
    }
    if ("error" in o) return null;
  }
  return null;
}

function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return numFmt.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "").includes("%");
}

function formatPercent(v: number): string {
  return `${Number((v * 100).toFixed(10))}%`;
}

// ---------------------------------------------------------------------------------------
// Header detection

function findHeaderRow(raw: RawRow[], opts: ReadTableOptions): number {
  const hints = opts.requiredHeaders ?? [];
  if (hints.length === 0) return 0;
  const wanted = hints.map((h) => new Set((typeof h === "string" ? [h] : h).map(normalizeHeader)));
  const limit = Math.min(raw.length, opts.headerSearchRows ?? 10);
  let bestIndex = -1;
  let bestScore = 0;
  for (let i = 0; i < limit; i++) {
    const row = raw[i]!;
    const present = new Set((row.headerTexts ?? row.values.map(cellToText)).map(normalizeHeader));
    const score = wanted.filter((names) => [...names].some((n) => present.has(n))).length;
    if (score === wanted.length) return i;
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  }
  if (bestIndex >= 0) return bestIndex;
  const expected = hints.map((h) => quote(typeof h === "string" ? h : (h[0] ?? ""))).join(", ");
  throw new ImportError([problem({}, "header.not_found", { searched: limit, expected })]);
}

/** Display text of a cell value (used for headers): NFC, whitespace collapsed; dates as dd/mm/yyyy. */
export function cellToText(v: CellValue): string {
  if (v === null) return "";
  if (v instanceof Date) {
    const d = String(v.getUTCDate()).padStart(2, "0");
    const m = String(v.getUTCMonth() + 1).padStart(2, "0");
    return `${d}/${m}/${v.getUTCFullYear()}`;
  }
  return cleanText(String(v));
}
