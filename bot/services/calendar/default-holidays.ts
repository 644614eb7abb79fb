/**
 * Public holidays of a year computed from the law alone (Labour Code 2019, art. 111–112),
 * before any government notice is imported.
 *
 * Art. 112(1): 1/1; Tết Nguyên đán 5 days; Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5;
 * 2/9 plus one adjacent day (1/9 or 3/9). Art. 111(3): a holiday falling on the weekly day off
 * is compensated on the next working day.
 *
 * The law leaves two choices to the Prime Minister each year; the defaults below were picked
 * because, with them, the computed days off equal the published schedules for civil servants of
 * every year 2020–2026 except for deliberate swaps (hoán đổi), which only a notice can bring:
 *  - Tết: the last 2 days of the old lunar year + mùng 1–3 (rule "02 ngày cuối năm, 03 ngày đầu
 *    năm", also the old Decree 45/2013 option). The other common rule, last day + mùng 1–4,
 *    gives the wrong break in 2021, 2023, 2024 and 2025 (e.g. 2021 it yields 11–17/02 instead of
 *    the published 10–16/02).
 *  - 2/9: the adjacent day is the one that touches the weekend, preferring a working day, ties
 *    going to 1/9 ("auto"). That reproduces 2021 (3/9), 2022 (1/9), 2023 (1/9), 2024 (3/9),
 *    2025 (1/9) and 2026 (1/9).
 */
import {
  type IsoDate,
  VN_TZ_OFFSET_MINUTES,
  addDays,
  dayOfWeek,
  formatVnDate,
  isoDateFromParts,
  vnWeekdayName,
} from "./local-date.js";
import { formatLunarDate, lunarNewYear, lunarToSolar, solarToLunar } from "./lunar-calendar.js";
import type { HolidayEntry, HolidayOccasion } from "./holiday-types.js";

export interface DefaultHolidayRules {
  /**
   * How many of the 5 Tết days are taken before mùng 1 (1..4). Default 2: the last two days
   * of the old year and mùng 1–3.
   */
  tetDaysBeforeNewYear: number;
  /** The day that goes with 2/9: "auto" (see file comment), "before" = 1/9, "after" = 3/9. */
  nationalDayAdjacent: "auto" | "before" | "after";
}

export const DEFAULT_HOLIDAY_RULES: Readonly<DefaultHolidayRules> = {
  tetDaysBeforeNewYear: 2,
  nationalDayAdjacent: "auto",
};

/** Saturday and Sunday, as JS days of week. */
export const DEFAULT_WEEKEND_DAYS: readonly number[] = [6, 0];

export interface DefaultHolidayOptions {
  /** JS days of week that are weekly days off (default Sat + Sun). */
  weekendDays?: readonly number[];
  /** Time zone of the lunar calendar (default UTC+7, Vietnam). */
  lunarTzOffsetMinutes?: number;
  rules?: Partial<DefaultHolidayRules>;
}

export const NAME_TET_DUONG_LICH = "Tết Dương lịch";
export const NAME_TET_NGUYEN_DAN = "Tết Nguyên đán";
export const NAME_GIO_TO = "Giỗ Tổ Hùng Vương";
export const NAME_30_4 = "Ngày Giải phóng miền Nam, thống nhất đất nước";
export const NAME_1_5 = "Ngày Quốc tế Lao động";
export const NAME_QUOC_KHANH = "Quốc khánh";

/** The day each occasion is anchored on in a given year (used to tell which occasion a day belongs to). */
export function occasionAnchors(
  year: number,
  lunarTzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES,
): Record<Exclude<HolidayOccasion, "khac">, IsoDate> {
  return {
    tet_duong_lich: isoDateFromParts(year, 1, 1),
    tet_nguyen_dan: lunarNewYear(year, lunarTzOffsetMinutes),
    gio_to: lunarToSolar({ day: 10, month: 3, year }, lunarTzOffsetMinutes),
    le_30_4_1_5: isoDateFromParts(year, 4, 30),
    quoc_khanh: isoDateFromParts(year, 9, 2),
  };
}

function resolveRules(rules: Partial<DefaultHolidayRules> | undefined): DefaultHolidayRules {
  const merged = { ...DEFAULT_HOLIDAY_RULES, ...rules };
  if (!Number.isInteger(merged.tetDaysBeforeNewYear) || merged.tetDaysBeforeNewYear < 1 || merged.tetDaysBeforeNewYear > 4) {
    throw new RangeError(`tetDaysBeforeNewYear must be 1..4, got ${merged.tetDaysBeforeNewYear}`);
  }
  if (!["auto", "before", "after"].includes(merged.nationalDayAdjacent)) {
    throw new RangeError(`nationalDayAdjacent must be auto|before|after, got ${String(merged.nationalDayAdjacent)}`);
  }
  return merged;
}

/** Picks 1/9 or 3/9 to go with 2/9 (see the file comment for why). */
function nationalDayAdjacent(year: number, weekend: ReadonlySet<number>, rule: DefaultHolidayRules["nationalDayAdjacent"]): IsoDate {
  const before = isoDateFromParts(year, 9, 1);
  const after = isoDateFromParts(year, 9, 3);
  if (rule === "before") return before;
  if (rule === "after") return after;
  const isWeekend = (d: IsoDate) => weekend.has(dayOfWeek(d));
  // A working-day candidate is worth more than a weekend one (no extra compensation needed);
  // then one that joins the break to a weekend.
  const score = (candidate: IsoDate, outer: IsoDate) => (isWeekend(candidate) ? 0 : 2) + (isWeekend(outer) ? 1 : 0);
  const sBefore = score(before, isoDateFromParts(year, 8, 31));
  const sAfter = score(after, isoDateFromParts(year, 9, 4));
  return sAfter > sBefore ? after : before;
}

interface MainHoliday {
  date: IsoDate;
  name: string;
  occasion: Exclude<HolidayOccasion, "khac">;
  note?: string;
}

/**
 * The computed holidays of Gregorian `year`, sorted by date: each holiday day ("le") and the
 * compensatory days ("nghi_bu") for those that fall on a weekend day. A compensatory day is the
 * first day after the holiday that is neither a weekend day, a holiday, nor another compensatory
 * day (so two weekend holidays in a row give two consecutive days off after them).
 */
export function computeDefaultHolidays(year: number, options: DefaultHolidayOptions = {}): HolidayEntry[] {
  const weekend = new Set(options.weekendDays ?? DEFAULT_WEEKEND_DAYS);
  const tz = options.lunarTzOffsetMinutes ?? VN_TZ_OFFSET_MINUTES;
  const rules = resolveRules(options.rules);

  const main: MainHoliday[] = [];
  main.push({ date: isoDateFromParts(year, 1, 1), name: NAME_TET_DUONG_LICH, occasion: "tet_duong_lich" });

  const tet = lunarNewYear(year, tz);
  for (let i = -rules.tetDaysBeforeNewYear; i < 5 - rules.tetDaysBeforeNewYear; i++) {
    const date = addDays(tet, i);
    main.push({ date, name: NAME_TET_NGUYEN_DAN, occasion: "tet_nguyen_dan", note: formatLunarDate(solarToLunar(date, tz)) });
  }

  const gioTo = lunarToSolar({ day: 10, month: 3, year }, tz);
  main.push({ date: gioTo, name: NAME_GIO_TO, occasion: "gio_to", note: formatLunarDate(solarToLunar(gioTo, tz)) });

  main.push({ date: isoDateFromParts(year, 4, 30), name: NAME_30_4, occasion: "le_30_4_1_5" });
  main.push({ date: isoDateFromParts(year, 5, 1), name: NAME_1_5, occasion: "le_30_4_1_5" });

  const adjacent = nationalDayAdjacent(year, weekend, rules.nationalDayAdjacent);
  const adjacentMain: MainHoliday = {
    date: adjacent,
    name: NAME_QUOC_KHANH,
    occasion: "quoc_khanh",
    note: adjacent < isoDateFromParts(year, 9, 2) ? "ngày liền kề trước Quốc khánh" : "ngày liền kề sau Quốc khánh",
  };
  main.push({ date: isoDateFromParts(year, 9, 2), name: NAME_QUOC_KHANH, occasion: "quoc_khanh" }, adjacentMain);

  main.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const taken = new Set(main.map((h) => h.date));
  const entries: HolidayEntry[] = main.map((h) => ({
    date: h.date,
    name: h.name,
    kind: "le",
    occasion: h.occasion,
    occasionYear: year,
    source: "computed",
    ...(h.note !== undefined ? { note: h.note } : {}),
  }));

  // Chronological order matters: an earlier weekend holiday takes the first free working day.
  for (const h of main) {
    if (!weekend.has(dayOfWeek(h.date))) continue;
    let c = addDays(h.date, 1);
    while (weekend.has(dayOfWeek(c)) || taken.has(c)) c = addDays(c, 1);
    taken.add(c);
    entries.push({
      date: c,
      name: `Nghỉ bù ${h.name}`,
      kind: "nghi_bu",
      occasion: h.occasion,
      occasionYear: year,
      source: "computed",
      note: `bù cho ${vnWeekdayName(h.date)} ${formatVnDate(h.date)}`,
    });
  }

  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return entries;
}
