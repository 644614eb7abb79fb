import { describe, expect, it } from "vitest";
import {
  OFFICIAL_NOTICES,
  WorkingCalendar,
  addDays,
  createVietnamWorkingCalendar,
  datesInRange,
  dayOfWeek,
  officialNoticeOverrides,
} from "../../bot/services/calendar/index.js";

/**
 * The published schedules for civil servants (Saturday–Sunday week), year by year:
 * `breaks` are the published "nghỉ từ … đến hết …" ranges; `weekdaysOff` every Monday–Friday
 * that is not worked; `workingSaturdays` the make-up Saturdays (làm bù).
 */
const PUBLISHED: Record<number, { breaks: Array<[string, string]>; weekdaysOff: string[]; workingSaturdays: string[] }> = {
  2021: {
    breaks: [
      ["2021-01-01", "2021-01-03"],
      ["2021-02-10", "2021-02-16"],
      ["2021-04-21", "2021-04-21"],
      ["2021-04-30", "2021-05-03"],
      ["2021-09-02", "2021-09-05"],
    ],
    weekdaysOff: [
      "2021-01-01",
      "2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16",
      "2021-04-21",
      "2021-04-30", "2021-05-03",
      "2021-09-02", "2021-09-03",
    ],
    workingSaturdays: [],
  },
  2022: {
    breaks: [
      ["2022-01-01", "2022-01-03"],
      ["2022-01-29", "2022-02-06"],
      ["2022-04-09", "2022-04-11"],
      ["2022-04-30", "2022-05-03"],
      ["2022-09-01", "2022-09-04"],
    ],
    weekdaysOff: [
      "2022-01-03",
      "2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04",
      "2022-04-11",
      "2022-05-02", "2022-05-03",
      "2022-09-01", "2022-09-02",
    ],
    workingSaturdays: [],
  },
  2023: {
    breaks: [
      ["2022-12-31", "2023-01-02"],
      ["2023-01-20", "2023-01-26"],
      ["2023-04-29", "2023-05-03"],
      ["2023-09-01", "2023-09-04"],
    ],
    weekdaysOff: [
      "2023-01-02",
      "2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26",
      "2023-05-01", "2023-05-02", "2023-05-03",
      "2023-09-01", "2023-09-04",
    ],
    workingSaturdays: [],
  },
  2024: {
    breaks: [
      ["2023-12-30", "2024-01-01"],
      ["2024-02-08", "2024-02-14"],
      ["2024-04-18", "2024-04-18"],
      ["2024-04-27", "2024-05-01"],
      ["2024-08-31", "2024-09-03"],
    ],
    weekdaysOff: [
      "2024-01-01",
      "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14",
      "2024-04-18",
      "2024-04-29", "2024-04-30", "2024-05-01",
      "2024-09-02", "2024-09-03",
    ],
    workingSaturdays: ["2024-05-04"],
  },
  2025: {
    breaks: [
      ["2025-01-01", "2025-01-01"],
      ["2025-01-25", "2025-02-02"],
      ["2025-04-05", "2025-04-07"],
      ["2025-04-30", "2025-05-04"],
      ["2025-08-30", "2025-09-02"],
    ],
    weekdaysOff: [
      "2025-01-01",
      "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
      "2025-04-07",
      "2025-04-30", "2025-05-01", "2025-05-02",
      "2025-09-01", "2025-09-02",
    ],
    workingSaturdays: ["2025-04-26"],
  },
  2026: {
    breaks: [
      ["2026-01-01", "2026-01-04"],
      ["2026-02-14", "2026-02-22"],
      ["2026-04-25", "2026-04-27"],
      ["2026-04-30", "2026-05-03"],
      ["2026-08-29", "2026-09-02"],
    ],
    weekdaysOff: [
      "2026-01-01", "2026-01-02",
      "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
      "2026-04-27",
      "2026-04-30", "2026-05-01",
      "2026-08-31", "2026-09-01", "2026-09-02",
    ],
    workingSaturdays: ["2026-01-10", "2026-08-22"],
  },
};

const isWeekend = (d: string) => [0, 6].includes(dayOfWeek(d));

function expectedWorking(year: number, date: string): boolean {
  const p = PUBLISHED[year]!;
  if (p.workingSaturdays.includes(date)) return true;
  return !isWeekend(date) && !p.weekdaysOff.includes(date);
}

describe("computed defaults + built-in official notices = published schedule", () => {
  const cal = createVietnamWorkingCalendar();

  it.each(Object.keys(PUBLISHED).map(Number))("%i: every day of the year", (year) => {
    const mismatches = datesInRange(`${year}-01-01`, `${year}-12-31`).filter(
      (d) => cal.isWorkingDay(d) !== expectedWorking(year, d),
    );
    expect(mismatches).toEqual([]);
    const off = datesInRange(`${year}-01-01`, `${year}-12-31`).filter((d) => !isWeekend(d) && !cal.isWorkingDay(d));
    expect(off).toEqual(PUBLISHED[year]!.weekdaysOff);
    expect(cal.makeUpDaysInRange(`${year}-01-01`, `${year}-12-31`).map((r) => r.date)).toEqual(
      PUBLISHED[year]!.workingSaturdays,
    );
  });

  it.each(Object.keys(PUBLISHED).map(Number))("%i: every day of each published break is a day off", (year) => {
    for (const [from, to] of PUBLISHED[year]!.breaks) {
      for (const d of datesInRange(from, to)) expect(cal.isWorkingDay(d), d).toBe(false);
      // and the breaks are exactly as long as published: the days around them are worked.
      expect(cal.isWorkingDay(addDays(from, -1)), `before ${from}`).toBe(true);
      expect(cal.isWorkingDay(addDays(to, 1)), `after ${to}`).toBe(true);
    }
  });

  it("the built-in notices replace every occasion of 2021–2026", () => {
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
      expect(cal.officialOccasions(year).sort()).toEqual(
        ["gio_to", "le_30_4_1_5", "quoc_khanh", "tet_duong_lich", "tet_nguyen_dan"],
      );
    }
    expect(cal.officialOccasions(2027)).toEqual([]);
  });

  it("the computed defaults alone already match, except for the swapped days", () => {
    const plain = new WorkingCalendar();
    const swaps = new Set(OFFICIAL_NOTICES.flatMap((n) => (n.swaps ?? []).flatMap((s) => [s.dayOff, s.workDay])));
    for (const year of Object.keys(PUBLISHED).map(Number)) {
      const mismatches = datesInRange(`${year}-01-01`, `${year}-12-31`).filter(
        (d) => plain.isWorkingDay(d) !== expectedWorking(year, d),
      );
      expect(mismatches.filter((d) => !swaps.has(d))).toEqual([]);
    }
  });

  it("names the days in Vietnamese", () => {
    const names = cal.holidaysInRange("2026-01-01", "2026-01-10").map((h) => `${h.date} ${h.name}`);
    expect(names).toEqual([
      "2026-01-01 Tết Dương lịch",
      "2026-01-02 Nghỉ hoán đổi (làm bù Thứ Bảy 10/01/2026)",
      "2026-01-03 Nghỉ Tết Dương lịch",
      "2026-01-04 Nghỉ Tết Dương lịch",
    ]);
    expect(cal.dayStatus("2026-01-10")).toMatchObject({ working: true, weekend: true, holiday: null });
    expect(cal.dayStatus("2026-01-10").makeUpDay?.name).toBe("Làm bù cho ngày nghỉ Thứ Sáu 02/01/2026");
    const may2023 = cal.holidaysInRange("2023-04-29", "2023-05-03").map((h) => h.name);
    expect(may2023).toEqual([
      "Giỗ Tổ Hùng Vương",
      "Ngày Giải phóng miền Nam, thống nhất đất nước",
      "Ngày Quốc tế Lao động",
      "Nghỉ bù Giỗ Tổ Hùng Vương",
      "Nghỉ bù Ngày Giải phóng miền Nam, thống nhất đất nước",
    ]);
    expect(cal.holidaysInRange("2026-02-17", "2026-02-17")[0]).toMatchObject({
      name: "Tết Nguyên đán",
      note: "mùng 1 tháng Giêng năm Bính Ngọ",
      source: "override",
    });
  });

  it("an imported notice replaces the built-in one for the same occasion and year", () => {
    // Hypothetical correction: Quốc khánh 2026 without the swap.
    const corrected = createVietnamWorkingCalendar([
      { date: "2026-09-01", name: "Quốc khánh", kind: "nghi" },
      { date: "2026-09-02", name: "Quốc khánh", kind: "nghi" },
    ]);
    expect(corrected.isWorkingDay("2026-08-31")).toBe(true);
    expect(corrected.isWorkingDay("2026-08-22")).toBe(false);
    expect(corrected.isWorkingDay("2026-09-01")).toBe(false);
    // Other built-in occasions are untouched.
    expect(corrected.isWorkingDay("2026-01-10")).toBe(true);
  });

  it("notice rows are well formed", () => {
    for (const row of officialNoticeOverrides()) {
      expect(row.name.trim()).not.toBe("");
      if (row.kind === "lam_bu") expect(dayOfWeek(row.date)).toBe(6);
    }
    for (const n of OFFICIAL_NOTICES) {
      for (const s of n.swaps ?? []) expect(isWeekend(s.dayOff)).toBe(false);
    }
  });
});
