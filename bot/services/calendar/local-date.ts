/**
 * Date-only values and local wall-clock time for the Vietnamese office.
 *
 * Why strings: a "date" in this bot is a calendar day in Asia/Ho_Chi_Minh, not an instant.
 * Keeping it as "YYYY-MM-DD" makes it impossible to shift a deadline by a day through a
 * time-zone conversion, and it sorts and compares as plain text.
 *
 * Internally days are counted as "epoch days" (days since 1970-01-01, proleptic Gregorian);
 * that keeps arithmetic on integers and never touches the host machine's time zone.
 * Nothing here reads the current time: callers pass instants in.
 */

/** "YYYY-MM-DD", a calendar day in the office's local time zone. */
export type IsoDate = string;

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975). */
export const VN_TZ_OFFSET_MINUTES = 420;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Vietnamese weekday names indexed by JS day of week (0 = Sunday). */
export const VN_WEEKDAY_NAMES: readonly string[] = [
  "Chủ nhật",
  "Thứ Hai",
  "Thứ Ba",
  "Thứ Tư",
  "Thứ Năm",
  "Thứ Sáu",
  "Thứ Bảy",
];

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in a Gregorian month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 for a proleptic Gregorian y-m-d (H. Hinnant's days_from_civil). */
export function epochDayFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link epochDayFromParts} (H. Hinnant's civil_from_days). */
export function partsFromEpochDay(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True when `value` is a real calendar date written as "YYYY-MM-DD". */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Splits a "YYYY-MM-DD" string; throws a TypeError for anything that is not a real date. */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const m = typeof date === "string" ? ISO_DATE_RE.exec(date) : null;
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return { year, month, day };
    }
  }
  throw new TypeError(`Not a calendar date "YYYY-MM-DD": ${String(date)}`);
}

/** Builds "YYYY-MM-DD" from parts (no validation beyond padding). */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "YYYY-MM-DD" → days since 1970-01-01. */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return epochDayFromParts(year, month, day);
}

/** Days since 1970-01-01 → "YYYY-MM-DD". */
export function fromEpochDay(epochDay: number): IsoDate {
  const { year, month, day } = partsFromEpochDay(epochDay);
  return isoDateFromParts(year, month, day);
}

/** Calendar arithmetic on date-only values: `addDays("2024-02-28", 2)` → "2024-03-01". */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs a whole number of days, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** Day of week of an epoch day, JS convention: 0 = Sunday … 6 = Saturday. */
export function dayOfWeekOfEpochDay(epochDay: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** Day of week of a date, JS convention: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return dayOfWeekOfEpochDay(toEpochDay(date));
}

/** Every date from `from` to `to`, both included (empty when to < from). */
export function datesInRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  const end = toEpochDay(to);
  for (let d = toEpochDay(from); d <= end; d++) out.push(fromEpochDay(d));
  return out;
}

/** Parses "HH:MM" (24-hour) into minutes after local midnight; throws on bad input. */
export function parseTimeOfDay(time: string): number {
  const m = typeof time === "string" ? TIME_RE.exec(time) : null;
  if (!m) throw new TypeError(`Not a time of day "HH:MM": ${String(time)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function checkTz(tzOffsetMinutes: number): void {
  if (!Number.isFinite(tzOffsetMinutes) || Math.abs(tzOffsetMinutes) > 14 * 60) {
    throw new RangeError(`Implausible time-zone offset: ${tzOffsetMinutes} minutes`);
  }
}

function checkInstant(instant: Date): number {
  const t = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new TypeError("Expected a valid Date instant");
  return t;
}

/** Milliseconds of local wall-clock time since 1970-01-01T00:00 local, for an instant. */
export function localMillis(instant: Date, tzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES): number {
  checkTz(tzOffsetMinutes);
  return checkInstant(instant) + tzOffsetMinutes * MS_PER_MINUTE;
}

/** The local calendar day of an instant: `toLocalDate(new Date("2026-11-26T18:30:00Z"))` → "2026-11-27". */
export function toLocalDate(instant: Date, tzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES): IsoDate {
  return fromEpochDay(Math.floor(localMillis(instant, tzOffsetMinutes) / MS_PER_DAY));
}

/** The local wall-clock time "HH:MM" of an instant (seconds dropped). */
export function toLocalTime(instant: Date, tzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES): string {
  const ms = localMillis(instant, tzOffsetMinutes);
  const minutes = Math.floor((ms - Math.floor(ms / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * The instant at local wall-clock `time` ("HH:MM") on local `date`:
 * `localDateTime("2026-11-27", "08:00")` → 2026-11-27T01:00:00.000Z.
 */
export function localDateTime(
  date: IsoDate,
  time: string,
  tzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES,
): Date {
  checkTz(tzOffsetMinutes);
  const ms = toEpochDay(date) * MS_PER_DAY + parseTimeOfDay(time) * MS_PER_MINUTE;
  return new Date(ms - tzOffsetMinutes * MS_PER_MINUTE);
}

/** Vietnamese short date: `formatVnDate("2026-11-27")` → "27/11/2026". */
export function formatVnDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** Vietnamese weekday name of a date: "Thứ Hai" … "Thứ Bảy", "Chủ nhật". */
export function vnWeekdayName(date: IsoDate): string {
  return VN_WEEKDAY_NAMES[dayOfWeek(date)] as string;
}

/** "Thứ Sáu, 27/11/2026": the form used in Vietnamese notices and replies. */
export function formatVnDateWithWeekday(date: IsoDate): string {
  return `${vnWeekdayName(date)}, ${formatVnDate(date)}`;
}
