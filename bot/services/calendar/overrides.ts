/**
 * Rows of the government's yearly holiday notices ("overrides"): validation, telling which
 * holiday occasion a row belongs to, and merging the built-in notices with imported ones.
 *
 * How overrides change the computed calendar is decided in working-calendar.ts; in short, a
 * "nghi" row on an occasion's main day (1/1, mùng 1 Tết, 10/3 lunar, 30/4 or 1/5, 2/9) is read as
 * that occasion's full official schedule and replaces the computed days of that occasion.
 */
import { type IsoDate, VN_TZ_OFFSET_MINUTES, isIsoDate, parseIsoDate, toEpochDay } from "./local-date.js";
import { foldText } from "../text.js";
import { occasionAnchors } from "./default-holidays.js";
import {
  type CalendarOverride,
  HOLIDAY_OCCASIONS,
  type HolidayOccasion,
  type ResolvedOverride,
} from "./holiday-types.js";


const NAME_KEYWORDS: ReadonlyArray<readonly [HolidayOccasion, RegExp]> = [
  ["tet_duong_lich", /duong lich|tet tay|nam moi/],
  ["tet_nguyen_dan", /nguyen dan|am lich|tet co truyen/],
  ["gio_to", /gio to|hung vuong/],
  ["le_30_4_1_5", /(^|[^0-9])30\/0?4([^0-9]|$)|giai phong|thong nhat|chien thang|(^|[^0-9])0?1\/0?5([^0-9]|$)|lao dong/],
  ["quoc_khanh", /quoc khanh|(^|[^0-9])0?2\/0?9([^0-9]|$)/],
];

/** Occasions a notice row's name points to (may be several, e.g. "Giỗ Tổ, 30/4 và 1/5"). */
export function occasionsNamedIn(name: string): HolidayOccasion[] {
  const folded = foldText(name);
  const found = NAME_KEYWORDS.filter(([, re]) => re.test(folded)).map(([o]) => o);
  // A bare "Tết" means Tết Nguyên đán unless the name says Dương lịch.
  if (found.length === 0 && /(^|[^a-z])tet([^a-z]|$)/.test(folded)) found.push("tet_nguyen_dan");
  return found;
}

type DatedOccasion = Exclude<HolidayOccasion, "khac">;
const isDatedOccasion = (o: HolidayOccasion): o is DatedOccasion => o !== "khac";

/** How far (days) from an occasion's main day a row is still taken to belong to it. */
const NAMED_MAX_DISTANCE = 60;
const UNNAMED_MAX_DISTANCE = 21;

/**
 * The occasion and occasion year of a notice row: the nearest occasion main day (of the row's
 * year or the years around it), among the occasions its name mentions when it mentions any.
 * Rows far from every main day are "khac" (another kind of day off) of their own year.
 */
export function inferOccasion(
  row: Pick<CalendarOverride, "date" | "name">,
  lunarTzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES,
): { occasion: HolidayOccasion; occasionYear: number } {
  const { year } = parseIsoDate(row.date);
  const day = toEpochDay(row.date);
  const named = occasionsNamedIn(row.name).filter(isDatedOccasion);
  const candidates = named.length > 0 ? named : HOLIDAY_OCCASIONS.filter(isDatedOccasion);
  const maxDistance = named.length > 0 ? NAMED_MAX_DISTANCE : UNNAMED_MAX_DISTANCE;
  let best: { occasion: HolidayOccasion; occasionYear: number; distance: number } | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const anchors = occasionAnchors(y, lunarTzOffsetMinutes);
    for (const occasion of candidates) {
      const distance = Math.abs(toEpochDay(anchors[occasion]) - day);
      if (distance <= maxDistance && (best === null || distance < best.distance)) {
        best = { occasion, occasionYear: y, distance };
      }
    }
  }
  return best ? { occasion: best.occasion, occasionYear: best.occasionYear } : { occasion: "khac", occasionYear: year };
}

/** Checks one override row; throws a TypeError naming the problem. */
export function validateOverride(row: CalendarOverride): void {
  if (row === null || typeof row !== "object") throw new TypeError("Override must be an object");
  if (!isIsoDate(row.date)) throw new TypeError(`Override date is not "YYYY-MM-DD": ${String(row.date)}`);
  if (typeof row.name !== "string" || row.name.trim() === "") {
    throw new TypeError(`Override for ${row.date} needs a name`);
  }
  if (row.kind !== "nghi" && row.kind !== "lam_bu") {
    throw new TypeError(`Override kind must be "nghi" or "lam_bu", got ${String(row.kind)} (${row.date})`);
  }
  if (row.occasion !== undefined && !HOLIDAY_OCCASIONS.includes(row.occasion)) {
    throw new TypeError(`Unknown occasion ${String(row.occasion)} (${row.date})`);
  }
  if (row.occasionYear !== undefined && !Number.isInteger(row.occasionYear)) {
    throw new TypeError(`occasionYear must be an integer (${row.date})`);
  }
}

/** Validates rows and fills in occasion / occasionYear where they were left out. */
export function resolveOverrides(
  rows: readonly CalendarOverride[],
  lunarTzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES,
): ResolvedOverride[] {
  return rows.map((row) => {
    validateOverride(row);
    let occasion = row.occasion;
    let occasionYear = row.occasionYear;
    if (occasion === undefined || occasionYear === undefined) {
      const inferred = inferOccasion(row, lunarTzOffsetMinutes);
      occasion ??= inferred.occasion;
      occasionYear ??= occasion === inferred.occasion ? inferred.occasionYear : parseIsoDate(row.date).year;
    }
    return { date: row.date, name: row.name.trim(), kind: row.kind, occasion, occasionYear };
  });
}

function groupKey(row: ResolvedOverride): string {
  // "khac" rows are independent one-off days: each date is its own group.
  return row.occasion === "khac" ? `khac:${row.date}` : `${row.occasionYear}:${row.occasion}`;
}

/**
 * Layers a newer set of notice rows over an older one (e.g. an imported notice over the
 * built-in data): for every occasion-year the newer set mentions, the older rows of that
 * occasion-year are dropped entirely, and an older row on a date the newer set mentions is
 * dropped too. So importing a corrected notice for "Quốc khánh 2026" replaces the built-in one.
 */
export function mergeOverrides(
  older: readonly CalendarOverride[],
  newer: readonly CalendarOverride[],
  lunarTzOffsetMinutes: number = VN_TZ_OFFSET_MINUTES,
): ResolvedOverride[] {
  const resolvedNewer = resolveOverrides(newer, lunarTzOffsetMinutes);
  const newerGroups = new Set(resolvedNewer.map(groupKey));
  const newerDates = new Set<IsoDate>(resolvedNewer.map((r) => r.date));
  const keptOlder = resolveOverrides(older, lunarTzOffsetMinutes).filter(
    (r) => !newerGroups.has(groupKey(r)) && !newerDates.has(r.date),
  );
  return [...keptOlder, ...resolvedNewer].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
