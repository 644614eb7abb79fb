/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically.
 *
 * Why our own code: the npm packages for the Vietnamese calendar were single-release, untested
 * ports at the time of writing, and the Chinese packages compute for UTC+8, which gives a
 * different Tết in some years (1985: Vietnam 21/01, China 20/02; 2007: 17/02 vs 18/02).
 *
 * Algorithm: Hồ Ngọc Đức's public "Âm lịch Việt Nam" method (new moons after Jean Meeus,
 * "Astronomical Algorithms", and the sun's longitude to find the major solar terms):
 *  - a lunar month starts on the local day of a new moon;
 *  - month 11 is the month containing the winter solstice;
 *  - in a year with 13 months, the first month after month 11 without a major solar term
 *    (trung khí) is the leap month and repeats the number of the month before it.
 * "Local" is the time zone passed in (hours = minutes / 60); the Vietnamese calendar uses UTC+7.
 * Accurate for 1800–2199 (the range of the new-moon series used).
 */
import { type IsoDate, VN_TZ_OFFSET_MINUTES, epochDayFromParts, fromEpochDay, parseIsoDate } from "./local-date.js";

export interface LunarDate {
  /** 1..30 */
  day: number;
  /** 1..12 (1 = tháng Giêng, 12 = tháng Chạp) */
  month: number;
  /** The lunar year, named by the Gregorian year in which its month 1 starts. */
  year: number;
  /** True for the repeated (intercalary, "nhuận") month. */
  leap: boolean;
}

export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2199;

/** Julian Day Number of 1970-01-01 (JDN counts days from 4713 BC, noon-based). */
const JDN_EPOCH_OFFSET = 2440588;
/** JDN of the new moon of 1900-01-01 used as the k = 0 origin of the new-moon series. */
const NEW_MOON_ORIGIN = 2415021.076998695;
const SYNODIC_MONTH = 29.530588853;

const DEG = Math.PI / 180;

function jdnFromParts(year: number, month: number, day: number): number {
  return epochDayFromParts(year, month, day) + JDN_EPOCH_OFFSET;
}

function isoFromJdn(jdn: number): IsoDate {
  return fromEpochDay(jdn - JDN_EPOCH_OFFSET);
}

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, ch. 49, abridged). */
function newMoonJulianDay(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-01 noon
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  // ΔT (TT − UT) correction, in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltaT;
}

/** Sun's apparent longitude in radians [0, 2π) at Julian day `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525; // Julian centuries since J2000.0
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  let L = (L0 + DL) * DEG;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return L;
}

/** Local day (JDN) of the k-th new moon. */
function newMoonDay(k: number, tzHours: number): number {
  return Math.floor(newMoonJulianDay(k) + 0.5 + tzHours / 24);
}

/** Major-term sector 0..11 (30° each) of the sun at the start of local day `dayNumber`. */
function sunSector(dayNumber: number, tzHours: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - tzHours / 24) / Math.PI) * 6);
}

const month11Cache = new Map<string, number>();

/** JDN of the first day of lunar month 11 (the month of the winter solstice) around December of `year`. */
function lunarMonth11(year: number, tzHours: number): number {
  const key = `${year}|${tzHours}`;
  const cached = month11Cache.get(key);
  if (cached !== undefined) return cached;
  const off = jdnFromParts(year, 12, 31) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  let nm = newMoonDay(k, tzHours);
  // If the sun is already past 270° (sector ≥ 9) at that new moon, the solstice month began one moon earlier.
  if (sunSector(nm, tzHours) >= 9) nm = newMoonDay(k - 1, tzHours);
  month11Cache.set(key, nm);
  return nm;
}

/** Offset (in months after month 11 starting at `a11`) of the leap month in a 13-month year. */
function leapMonthOffset(a11: number, tzHours: number): number {
  const k = Math.floor((a11 - NEW_MOON_ORIGIN) / SYNODIC_MONTH + 0.5);
  let last: number;
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tzHours), tzHours);
  do {
    // A month whose start has the same sector as the next month's start contains no major term.
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tzHours), tzHours);
  } while (arc !== last && i < 14);
  return i - 1;
}

function tzHoursOf(tzOffsetMinutes: number): number {
  if (!Number.isFinite(tzOffsetMinutes) || Math.abs(tzOffsetMinutes) > 14 * 60) {
    throw new RangeError(`Implausible time-zone offset: ${tzOffsetMinutes} minutes`);
  }
  return tzOffsetMinutes / 60;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Lunar calendar supports years ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}, got ${year}`);
  }
}

/**
 * Gregorian → lunar. Default time zone UTC+7 (Vietnam); pass 480 for the Chinese calendar.
 * `solarToLunar("2021-02-12")` → { day: 1, month: 1, year: 2021, leap: false }.
 */
export function solarToLunar(date: IsoDate, tzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES): LunarDate {
  const tz = tzHoursOf(tzOffsetMinutes);
  const { year: yy, month: mm, day: dd } = parseIsoDate(date);
  checkYear(yy);
  const dayNumber = jdnFromParts(yy, mm, dd);
  const k = Math.floor((dayNumber - NEW_MOON_ORIGIN) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(yy, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1, tz);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  // Months 11 and 12 found before the 4th month after a11 belong to the previous lunar year.
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

/**
 * Lunar → Gregorian, or null when that lunar date does not exist (a leap month the year does not
 * have, or day 30 of a 29-day month). Default time zone UTC+7.
 */
export function tryLunarToSolar(
  lunar: { day: number; month: number; year: number; leap?: boolean },
  tzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES,
): IsoDate | null {
  const tz = tzHoursOf(tzOffsetMinutes);
  const { day, month, year } = lunar;
  const leap = lunar.leap === true;
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    return null;
  }
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, tz);
    b11 = lunarMonth11(year, tz);
  } else {
    a11 = lunarMonth11(year, tz);
    b11 = lunarMonth11(year + 1, tz);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_ORIGIN) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  const monthStart = newMoonDay(k + off, tz);
  const result = isoFromJdn(monthStart + day - 1);
  // Day 30 of a 29-day month would silently roll into the next month: reject it.
  const back = solarToLunar(result, tzOffsetMinutes);
  if (back.day !== day || back.month !== month || back.leap !== leap || back.year !== year) return null;
  return result;
}

/** Lunar → Gregorian; throws a RangeError when the lunar date does not exist. */
export function lunarToSolar(
  lunar: { day: number; month: number; year: number; leap?: boolean },
  tzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES,
): IsoDate {
  const result = tryLunarToSolar(lunar, tzOffsetMinutes);
  if (result === null) {
    throw new RangeError(
      `No such lunar date: ${lunar.day}/${lunar.month}${lunar.leap ? " (nhuận)" : ""}/${lunar.year}`,
    );
  }
  return result;
}

/** Gregorian date of Tết (mùng 1 tháng Giêng) of a lunar year. */
export function lunarNewYear(year: number, tzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year }, tzOffsetMinutes);
}

const leapCache = new Map<string, number | null>();

/** The leap month number of a lunar year (the month that is repeated), or null in a 12-month year. */
export function leapMonthOf(year: number, tzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES): number | null {
  const key = `${year}|${tzOffsetMinutes}`;
  if (leapCache.has(key)) return leapCache.get(key) ?? null;
  let found: number | null = null;
  for (let month = 1; month <= 12 && found === null; month++) {
    if (tryLunarToSolar({ day: 1, month, year, leap: true }, tzOffsetMinutes) !== null) found = month;
  }
  leapCache.set(key, found);
  return found;
}

/** 29 or 30: the length of a lunar month. */
export function lunarMonthLength(
  year: number,
  month: number,
  leap = false,
  tzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES,
): 29 | 30 {
  if (tryLunarToSolar({ day: 1, month, year, leap }, tzOffsetMinutes) === null) {
    throw new RangeError(`No such lunar month: ${month}${leap ? " (nhuận)" : ""}/${year}`);
  }
  return tryLunarToSolar({ day: 30, month, year, leap }, tzOffsetMinutes) === null ? 29 : 30;
}

const CAN = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"] as const;
const CHI = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"] as const;

/** Can Chi name of a lunar year: 2021 → "Tân Sửu", 2026 → "Bính Ngọ" (Vietnamese: Mão, not Thỏ/兔). */
export function canChiYearName(lunarYear: number): string {
  const can = CAN[(((lunarYear + 6) % 10) + 10) % 10] as string;
  const chi = CHI[(((lunarYear + 8) % 12) + 12) % 12] as string;
  return `${can} ${chi}`;
}

/** Vietnamese name of a lunar month: 1 → "tháng Giêng", 12 → "tháng Chạp", 5 → "tháng 5". */
export function lunarMonthName(month: number, leap = false): string {
  const base = month === 1 ? "tháng Giêng" : month === 12 ? "tháng Chạp" : `tháng ${month}`;
  return leap ? `${base} nhuận` : base;
}

/** Vietnamese way to say a lunar date: "mùng 1 tháng Giêng năm Bính Ngọ", "29 tháng Chạp năm Ất Tỵ". */
export function formatLunarDate(lunar: LunarDate): string {
  const day = lunar.day <= 10 ? `mùng ${lunar.day}` : String(lunar.day);
  return `${day} ${lunarMonthName(lunar.month, lunar.leap)} năm ${canChiYearName(lunar.year)}`;
}
