/**
 * Shared types for public holidays and the government's yearly holiday notices.
 */
import type { IsoDate } from "./local-date.js";

/**
 * The holiday occasion ("dịp") a day off belongs to. Notices are issued per occasion
 * (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ, 30/4–1/5, Quốc khánh), so an imported notice
 * replaces the computed default of one occasion at a time. "khac" = anything else
 * (a one-off extra day off, a new holiday such as a future "Ngày Văn hóa Việt Nam").
 */
export type HolidayOccasion = "tet_duong_lich" | "tet_nguyen_dan" | "gio_to" | "le_30_4_1_5" | "quoc_khanh" | "khac";

export const HOLIDAY_OCCASIONS: readonly HolidayOccasion[] = [
  "tet_duong_lich",
  "tet_nguyen_dan",
  "gio_to",
  "le_30_4_1_5",
  "quoc_khanh",
  "khac",
];

/** Vietnamese label of each occasion, for headings and messages. */
export const OCCASION_LABELS: Readonly<Record<HolidayOccasion, string>> = {
  tet_duong_lich: "Tết Dương lịch",
  tet_nguyen_dan: "Tết Nguyên đán",
  gio_to: "Giỗ Tổ Hùng Vương",
  le_30_4_1_5: "Ngày Giải phóng miền Nam, thống nhất đất nước và Ngày Quốc tế Lao động",
  quoc_khanh: "Quốc khánh",
  khac: "Ngày nghỉ khác",
};

/**
 * Kind of a day off:
 *  - "le": a public holiday day itself, computed from Labour Code 2019 art. 112;
 *  - "nghi_bu": compensatory day off, computed (the holiday fell on a weekly day off);
 *  - "nghi": a day off taken from an official notice / imported override.
 */
export type HolidayKind = "le" | "nghi_bu" | "nghi";

/** One day off that is not an ordinary weekend day (or a weekend day named in a notice). */
export interface HolidayEntry {
  date: IsoDate;
  /** Vietnamese name with diacritics, e.g. "Tết Nguyên đán", "Nghỉ bù Giỗ Tổ Hùng Vương". */
  name: string;
  kind: HolidayKind;
  occasion: HolidayOccasion;
  /**
   * Year the occasion belongs to. Usually the date's year; differs for a notice's days that
   * spill into the previous December (Tết Dương lịch 2023 began on 31/12/2022).
   */
  occasionYear: number;
  source: "computed" | "override";
  /** Extra detail, e.g. the lunar date ("mùng 1 tháng Giêng năm Bính Ngọ"). */
  note?: string;
}

/**
 * One row of an official notice (imported by the office):
 *  - "nghi": the date is a day off;
 *  - "lam_bu": the date (normally a Saturday) is a working day, to make up a swapped day.
 * `occasion`/`occasionYear` may be left out: they are then inferred from the name and date
 * (see overrides.ts).
 */
export interface CalendarOverride {
  date: IsoDate;
  name: string;
  kind: "nghi" | "lam_bu";
  occasion?: HolidayOccasion;
  occasionYear?: number;
}

/** An override after validation, with its occasion settled. */
export interface ResolvedOverride {
  date: IsoDate;
  name: string;
  kind: "nghi" | "lam_bu";
  occasion: HolidayOccasion;
  occasionYear: number;
}
