/**
 * Cell value parsers. Each returns `{ ok: true, value }` or `{ ok: false, problem }` and never
 * throws for user data. An empty cell (null, "" or only spaces) gives `value: null`
 * (`[]` for lists), or the problem `cell.required` when `required: true`.
 *
 * The `rowNumber` and `column` in the options are only used to place the problem.
 */
import { cleanText, normalizeHeader } from "./normalize.js";
import { problem, type ImportProblem, type ProblemLocation } from "./problems.js";
import type { CellValue } from "./read-table.js";
import { charLength } from "../services/safe-text.js";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: ImportProblem };

/** What every parser accepts: where the value is, and whether it may be empty. */
export interface FieldOptions extends ProblemLocation {
  required?: boolean;
}
type Required = { required: true };

/** Values parsers accept: what `readTable` produces (undefined is treated as empty). */
export type InputValue = CellValue | undefined;

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = (loc: ProblemLocation, code: string, params: Record<string, string | number> = {}): ParseResult<never> => ({
  ok: false,
  problem: problem({ rowNumber: loc.rowNumber ?? null, ...(loc.column !== undefined ? { column: loc.column } : {}) }, code, params),
});

function isEmpty(v: InputValue): v is null | undefined | "" {
  return v === null || v === undefined || (typeof v === "string" && cleanText(v) === "");
}

/** The text shown to the user when quoting a value back. */
export function displayValue(v: InputValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    const p = wallClock(v);
    if (!p) return "";
    const date = `${pad(p.d)}/${pad(p.m)}/${p.y}`;
    return p.seconds ? `${date} ${formatTime(p.seconds)}` : date;
  }
  return cleanText(String(v));
}

const pad = (n: number) => String(n).padStart(2, "0");
const pad4 = (n: number) => String(n).padStart(4, "0");
const formatTime = (seconds: number) => `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}`;
const isoDate = (y: number, m: number, d: number) => `${pad4(y)}-${pad(m)}-${pad(d)}`;
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

// ---------------------------------------------------------------------------------------
// Text

export interface TextOptions extends FieldOptions {
  /** Maximum length in characters (Unicode code points, after cleaning). */
  maxLength?: number;
  /** Keep line breaks (whitespace is still collapsed within each line). Default false. */
  multiline?: boolean;
}

/** Trim, NFC-normalise, collapse whitespace, check the length. Numbers become their digits; dates dd/mm/yyyy. */
export function parseText(v: InputValue, opts: TextOptions & Required): ParseResult<string>;
export function parseText(v: InputValue, opts?: TextOptions): ParseResult<string | null>;
export function parseText(v: InputValue, opts: TextOptions = {}): ParseResult<string | null> {
  if (isEmpty(v)) return opts.required ? fail(opts, "cell.required") : ok(null);
  const text = v instanceof Date ? displayValue(v) : cleanText(String(v), opts.multiline ?? false);
  const length = charLength(text);
  if (opts.maxLength !== undefined && length > opts.maxLength) {
    return fail(opts, "text.too_long", { length, max: opts.maxLength });
  }
  return ok(text);
}

// ---------------------------------------------------------------------------------------
// Dates and times

export interface DateOptions extends FieldOptions {
  /** Earliest accepted date, "YYYY-MM-DD" (inclusive). */
  min?: string;
  /** Latest accepted date, "YYYY-MM-DD" (inclusive). */
  max?: string;
  /** Raw numbers are serials of the 1904 date system (see `Table.date1904`). */
  date1904?: boolean;
}

export interface DateTimeValue {
  date: string;
  /** "HH:MM", or null when no time was given (a date-only text, or a Date/serial at exactly midnight). */
  time: string | null;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
const MAX_SERIAL = 2958465; // 9999-12-31

interface DateParts {
  y: number;
  m: number;
  d: number;
  /** Seconds since midnight; null when the input had no time part. */
  seconds: number | null;
}
type PartsResult = { ok: true; parts: DateParts } | { ok: false; code: string; params: Record<string, string | number> };

/** Wall-clock parts of a Date as exceljs returns it (the UTC fields are the cell's wall clock), rounded to the second. */
function wallClock(v: Date): { y: number; m: number; d: number; seconds: number } | null {
  const t = v.getTime();
  if (Number.isNaN(t)) return null;
  const r = new Date(Math.round(t / 1000) * 1000);
  return {
    y: r.getUTCFullYear(),
    m: r.getUTCMonth() + 1,
    d: r.getUTCDate(),
    seconds: r.getUTCHours() * 3600 + r.getUTCMinutes() * 60 + r.getUTCSeconds(),
  };
}

/**
 * Excel serial → date parts. 1900 system: 1 = 1900-01-01, 59 = 1900-02-28, 60 = the
 * non-existent 1900-02-29 (Excel's leap-year bug, inherited from Lotus 1-2-3), 61 = 1900-03-01.
 * 1904 system: 0 = 1904-01-01. The fraction is the time of day.
 */
export function excelSerialToParts(serial: number, date1904 = false): PartsResult {
  const value = String(serial);
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= MAX_SERIAL + 1) {
    return { ok: false, code: "date.serial_out_of_range", params: { value } };
  }
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds >= 86400) {
    days += 1;
    seconds -= 86400;
  }
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (days === 60) return { ok: false, code: "date.excel_phantom_day", params: { value } };
  else epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const dt = new Date(epoch + days * 86_400_000);
  return {
    ok: true,
    parts: { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), seconds },
  };
}

// Backreferences make the separators consistent ("05/03/2024", not "05/03-2024"); `o` is the
// number of capture groups before the pattern in the final regex.
const ref = (n: number) => "\\" + String(n);
const dmy = (o: number) => String.raw`(\d{1,2})([/.-])(\d{1,2})` + ref(o + 2) + String.raw`(\d{1,4})`;
const ymd = (o: number) => String.raw`(\d{4})([/.-])(\d{1,2})` + ref(o + 2) + String.raw`(\d{1,2})`;
const date = (o: number) => `(?:${dmy(o)}|${ymd(o + 4)})`;
const TIME = String.raw`(\d{1,2})\s*(?:(?::|h|g|giờ)\s*(\d{2})?(?::(\d{2}))?(?:[.,]\d+)?)?\s*(AM|PM|SA|CH)?`;
const DATE_RE = new RegExp(`^${date(0)}$`, "iu");
const DATE_TIME_RE = new RegExp(String.raw`^${date(0)}(?:\s+|T)(?:lúc\s+)?${TIME}$`, "iu");
const TIME_DATE_RE = new RegExp(String.raw`^${TIME}\s*,?\s+(?:ngày\s+)?${date(4)}$`, "iu");
const TIME_RE = new RegExp(`^${TIME}$`, "iu");

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function checkDay(value: string, y: number, m: number, d: number, yearDigits: number): PartsResult | null {
  if (yearDigits <= 2) return { ok: false, code: "date.two_digit_year", params: { value } };
  if (yearDigits !== 4) return { ok: false, code: "date.invalid", params: { value } };
  if (m < 1 || m > 12) return { ok: false, code: "date.impossible", params: { value, reason: "month", day: d, month: m, year: y } };
  const dim = daysInMonth(y, m);
  if (d < 1 || d > dim) {
    return { ok: false, code: "date.impossible", params: { value, reason: "day", day: d, month: m, year: y, daysInMonth: dim } };
  }
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return { ok: false, code: "date.year_out_of_range", params: { value, year: y, minYear: MIN_YEAR, maxYear: MAX_YEAR } };
  }
  return null;
}

/** Time groups (h, min, s, meridiem) → seconds, or null if invalid. */
function timeSeconds(h?: string, mi?: string, sec?: string, meridiem?: string): number | null {
  let hours = Number(h);
  const minutes = mi === undefined ? 0 : Number(mi);
  const seconds = sec === undefined ? 0 : Number(sec);
  if (meridiem) {
    const pm = /^(pm|ch)$/i.test(meridiem);
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (pm ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return hours * 3600 + minutes * 60 + seconds;
}

/** Date groups from DATE_DMY/DATE_YMD starting at index `i` → parts check. */
function dateFromGroups(value: string, g: (string | undefined)[], i: number): PartsResult | { ok: true; y: number; m: number; d: number } {
  let y: number, m: number, d: number, yearDigits: number;
  if (g[i] !== undefined) {
    d = Number(g[i]);
    m = Number(g[i + 2]);
    y = Number(g[i + 3]);
    yearDigits = g[i + 3]!.length;
  } else {
    y = Number(g[i + 4]);
    m = Number(g[i + 6]);
    d = Number(g[i + 7]);
    yearDigits = 4;
  }
  const bad = checkDay(value, y, m, d, yearDigits);
  return bad ?? { ok: true, y, m, d };
}

function partsFromString(raw: string, invalidCode: string): PartsResult {
  const value = cleanText(raw);
  const s = value;
  let m = DATE_RE.exec(s);
  if (m) {
    const r = dateFromGroups(value, [...m], 1);
    if (!("y" in r)) return r;
    return { ok: true, parts: { y: r.y, m: r.m, d: r.d, seconds: null } };
  }
  m = DATE_TIME_RE.exec(s);
  if (m) {
    const r = dateFromGroups(value, [...m], 1);
    if (!("y" in r)) return r;
    const seconds = timeSeconds(m[9], m[10], m[11], m[12]);
    if (seconds === null) return { ok: false, code: "datetime.invalid", params: { value } };
    return { ok: true, parts: { y: r.y, m: r.m, d: r.d, seconds } };
  }
  m = TIME_DATE_RE.exec(s);
  if (m) {
    const r = dateFromGroups(value, [...m], 5);
    if (!("y" in r)) return r;
    const seconds = timeSeconds(m[1], m[2], m[3], m[4]);
    if (seconds === null) return { ok: false, code: "datetime.invalid", params: { value } };
    return { ok: true, parts: { y: r.y, m: r.m, d: r.d, seconds } };
  }
  return { ok: false, code: invalidCode, params: { value } };
}

function toParts(v: Exclude<InputValue, null | undefined>, invalidCode: string, date1904: boolean): PartsResult {
  if (v instanceof Date) {
    const p = wallClock(v);
    if (!p) return { ok: false, code: invalidCode, params: { value: "" } };
    const bad = checkDay(displayValue(v), p.y, p.m, p.d, 4);
    return bad ?? { ok: true, parts: p };
  }
  if (typeof v === "number") return excelSerialToParts(v, date1904);
  return partsFromString(v, invalidCode);
}

function checkRange(opts: DateOptions, iso: string): ParseResult<never> | null {
  if ((opts.min !== undefined && iso < opts.min) || (opts.max !== undefined && iso > opts.max)) {
    const params: Record<string, string> = { value: vnDate(iso) };
    if (opts.min !== undefined) params.min = vnDate(opts.min);
    if (opts.max !== undefined) params.max = vnDate(opts.max);
    return fail(opts, "date.out_of_range", params);
  }
  return null;
}

/**
 * A calendar date → "YYYY-MM-DD". Accepts dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy,
 * yyyy-mm-dd (a time after the date is allowed and ignored), Excel serial numbers (fraction =
 * time, ignored) and Date objects as exceljs returns them (UTC fields = wall clock).
 * Day-first only: "03/05/2024" is 3 May. Numeric *strings* are not taken as serials.
 */
export function parseDate(v: InputValue, opts: DateOptions & Required): ParseResult<string>;
export function parseDate(v: InputValue, opts?: DateOptions): ParseResult<string | null>;
export function parseDate(v: InputValue, opts: DateOptions = {}): ParseResult<string | null> {
  if (isEmpty(v)) return opts.required ? fail(opts, "cell.required") : ok(null);
  const r = toParts(v, "date.invalid", opts.date1904 ?? false);
  if (!r.ok) return fail(opts, r.code, r.params);
  const iso = isoDate(r.parts.y, r.parts.m, r.parts.d);
  return checkRange(opts, iso) ?? ok(iso);
}

/**
 * A date with an optional time → `{ date: "YYYY-MM-DD", time: "HH:MM" | null }`.
 * Accepts everything `parseDate` does plus "dd/mm/yyyy hh:mm[:ss]", "yyyy-mm-ddThh:mm",
 * "8h30 05/03/2024", "08:30 ngày 05/03/2024", 12-hour forms with AM/PM or SA/CH.
 * Seconds are dropped (not rounded). Dates/serials at exactly 00:00 give `time: null`.
 */
export function parseDateTime(v: InputValue, opts: DateOptions & Required): ParseResult<DateTimeValue>;
export function parseDateTime(v: InputValue, opts?: DateOptions): ParseResult<DateTimeValue | null>;
export function parseDateTime(v: InputValue, opts: DateOptions = {}): ParseResult<DateTimeValue | null> {
  if (isEmpty(v)) return opts.required ? fail(opts, "cell.required") : ok(null);
  const r = toParts(v, "datetime.invalid", opts.date1904 ?? false);
  if (!r.ok) return fail(opts, r.code, r.params);
  const { y, m, d, seconds } = r.parts;
  const date = isoDate(y, m, d);
  const bad = checkRange(opts, date);
  if (bad) return bad;
  const explicitTime = typeof v === "string";
  const time = seconds === null || (!explicitTime && seconds === 0) ? null : formatTime(seconds);
  return ok({ date, time });
}

/**
 * A time of day → "HH:MM". Accepts "08:30", "8:30:15", "8h30", "8h", "8 giờ 30", "8:30 CH",
 * a whole hour as a number (8 → "08:00"), a day fraction (0.354166… → "08:30") and a Date
 * (its wall-clock time, as exceljs returns time-formatted cells).
 */
export function parseTime(v: InputValue, opts: FieldOptions & Required): ParseResult<string>;
export function parseTime(v: InputValue, opts?: FieldOptions): ParseResult<string | null>;
export function parseTime(v: InputValue, opts: FieldOptions = {}): ParseResult<string | null> {
  if (isEmpty(v)) return opts.required ? fail(opts, "cell.required") : ok(null);
  const value = displayValue(v);
  if (v instanceof Date) {
    const p = wallClock(v);
    return p ? ok(formatTime(p.seconds)) : fail(opts, "time.invalid", { value });
  }
  if (typeof v === "number") {
    if (v >= 0 && v < 1) return ok(formatTime(Math.round(v * 86400) % 86400));
    if (Number.isInteger(v) && v >= 0 && v <= 23) return ok(formatTime(v * 3600));
    return fail(opts, "time.invalid", { value });
  }
  const m = TIME_RE.exec(value);
  const seconds = m ? timeSeconds(m[1], m[2], m[3], m[4]) : null;
  return seconds === null ? fail(opts, "time.invalid", { value }) : ok(formatTime(seconds));
}

// ---------------------------------------------------------------------------------------
// Numbers

export interface NumberRangeOptions extends FieldOptions {
  min?: number;
  max?: number;
}

function rangeParams(opts: NumberRangeOptions, value: number): Record<string, number> {
  const p: Record<string, number> = { value };
  if (opts.min !== undefined) p.min = opts.min;
  if (opts.max !== undefined) p.max = opts.max;
  return p;
}

/**
 * A whole number. Accepts numbers without a fractional part and texts such as "12", "-3",
 * "1.234" / "1,234" / "1 234" (thousands separators, groups of exactly three digits).
 */
export function parseInteger(v: InputValue, opts: NumberRangeOptions & Required): ParseResult<number>;
export function parseInteger(v: InputValue, opts?: NumberRangeOptions): ParseResult<number | null>;
export function parseInteger(v: InputValue, opts: NumberRangeOptions = {}): ParseResult<number | null> {
  if (isEmpty(v)) return opts.required ? fail(opts, "cell.required") : ok(null);
  const value = displayValue(v);
  let n: number | null = null;
  if (typeof v === "number") {
    const r = Math.round(v);
    if (Number.isFinite(v) && Math.abs(v - r) < 1e-9) n = r;
  } else if (typeof v === "string") {
    const s = value.replace(/\s+/g, " ");
    if (/^[+-]?\d+$/.test(s)) n = Number(s);
    else if (/^[+-]?\d{1,3}(?:([., ])\d{3})(?:\1\d{3})*$/.test(s)) n = Number(s.replace(/[., ]/g, ""));
  }
  if (n === null || !Number.isSafeInteger(n)) return fail(opts, "integer.invalid", { value });
  if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
    return fail(opts, "number.out_of_range", rangeParams(opts, n));
  }
  return ok(n);
}

export interface PercentOptions extends NumberRangeOptions {
  /** Only whole percentages. Default false. */
  integer?: boolean;
}

/**
 * A percentage → its number of percent (75 for 75%). Accepts "75", "75%", "75 %",
 * "75,5%" / "75.5%" and numbers (75 → 75). An XLSX cell formatted as a percentage is
 * read by `readTable` as the text the user sees ("75%"), so 0.75 in such a cell gives 75;
 * an unformatted number 0.75 gives 0.75 (%). Default range 0–100.
 */
export function parsePercent(v: InputValue, opts: PercentOptions & Required): ParseResult<number>;
export function parsePercent(v: InputValue, opts?: PercentOptions): ParseResult<number | null>;
export function parsePercent(v: InputValue, opts: PercentOptions = {}): ParseResult<number | null> {
  if (isEmpty(v)) return opts.required ? fail(opts, "cell.required") : ok(null);
  const value = displayValue(v);
  let n: number | null = null;
  if (typeof v === "number") n = Number.isFinite(v) ? v : null;
  else if (typeof v === "string") {
    const m = /^([+-]?\d+(?:[.,]\d+)?)\s*%?$/.exec(value);
    if (m) n = Number(m[1]!.replace(",", "."));
  }
  if (n === null) return fail(opts, "percent.invalid", { value });
  n = Number(n.toFixed(10));
  if (opts.integer && !Number.isInteger(n)) return fail(opts, "percent.not_integer", { value: n });
  const min = opts.min ?? 0;
  const max = opts.max ?? 100;
  if (n < min || n > max) return fail(opts, "percent.out_of_range", { value: n, min, max });
  return ok(n);
}

// ---------------------------------------------------------------------------------------
// Lists and enums

export interface ListOptions extends FieldOptions {
  maxItems?: number;
  maxItemLength?: number;
}

/** Split on ";", "," or line breaks; items trimmed and cleaned; empty items dropped. Empty cell → []. */
export function parseList(v: InputValue, opts: ListOptions = {}): ParseResult<string[]> {
  if (isEmpty(v)) return opts.required ? fail(opts, "cell.required") : ok([]);
  const items = displayValue(v instanceof Date ? v : String(v).replace(/\r?\n/g, ";"))
    .split(/[;,]/)
    .map((s) => cleanText(s))
    .filter((s) => s !== "");
  if (items.length === 0 && opts.required) return fail(opts, "cell.required");
  if (opts.maxItems !== undefined && items.length > opts.maxItems) {
    return fail(opts, "list.too_many", { count: items.length, max: opts.maxItems });
  }
  if (opts.maxItemLength !== undefined) {
    for (const item of items) {
      const length = [...item].length;
      if (length > opts.maxItemLength) return fail(opts, "list.item_too_long", { item, length, max: opts.maxItemLength });
    }
  }
  return ok(items);
}

export interface EnumOption<T> {
  value: T;
  /** Accepted spellings; the first one is shown to the user as the expected value. */
  labels: readonly string[];
}

/**
 * One of a fixed set of values, matched with `normalizeHeader` semantics (case, diacritics,
 * NFC/NFD and spacing do not matter): "Trưởng phòng", "truong phong", "TP".
 */
export function parseEnum<T>(v: InputValue, options: readonly EnumOption<T>[], opts: FieldOptions & Required): ParseResult<T>;
export function parseEnum<T>(v: InputValue, options: readonly EnumOption<T>[], opts?: FieldOptions): ParseResult<T | null>;
export function parseEnum<T>(v: InputValue, options: readonly EnumOption<T>[], opts: FieldOptions = {}): ParseResult<T | null> {
  if (isEmpty(v)) return opts.required ? fail(opts, "cell.required") : ok(null);
  const value = displayValue(v);
  const key = normalizeHeader(value);
  for (const o of options) {
    if (o.labels.some((l) => normalizeHeader(l) === key)) return ok(o.value);
  }
  const allowed = options.map((o) => `“${o.labels[0] ?? String(o.value)}”`).join(", ");
  return fail(opts, "enum.invalid", { value, allowed });
}
