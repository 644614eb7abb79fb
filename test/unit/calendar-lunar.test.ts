import { describe, expect, it } from "vitest";
import {
  addDays,
  canChiYearName,
  datesInRange,
  formatLunarDate,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
  tryLunarToSolar,
} from "../../bot/services/calendar/index.js";

describe("Vietnamese lunar calendar (UTC+7)", () => {
  const TET: Record<number, string> = {
    2020: "2020-01-25",
    2021: "2021-02-12",
    2022: "2022-02-01",
    2023: "2023-01-22",
    2024: "2024-02-10",
    2025: "2025-01-29",
    2026: "2026-02-17",
    2027: "2027-02-06",
  };

  it.each(Object.entries(TET))("Tết %s is %s", (year, date) => {
    expect(lunarNewYear(Number(year))).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year: Number(year), leap: false });
  });

  it("computes Tết 1985 for Vietnam (21/01), not the Chinese UTC+8 date (20/02)", () => {
    expect(lunarNewYear(1985)).toBe("1985-01-21");
    expect(lunarNewYear(1985, 480)).toBe("1985-02-20");
    // Same day, different lunar dates in the two calendars.
    expect(solarToLunar("1985-01-21")).toEqual({ day: 1, month: 1, year: 1985, leap: false });
    expect(solarToLunar("1985-01-21", 480)).toEqual({ day: 1, month: 12, year: 1984, leap: false });
    // The difference comes from the leap month: China 10 nhuận 1984, Vietnam 2 nhuận 1985.
    expect(leapMonthOf(1984, 480)).toBe(10);
    expect(leapMonthOf(1984)).toBeNull();
    expect(leapMonthOf(1985)).toBe(2);
  });

  it("computes Tết 2007 for Vietnam (17/02) vs China (18/02)", () => {
    expect(lunarNewYear(2007)).toBe("2007-02-17");
    expect(lunarNewYear(2007, 480)).toBe("2007-02-18");
  });

  const GIO_TO: Record<number, string> = {
    2021: "2021-04-21",
    2022: "2022-04-10",
    2023: "2023-04-29",
    2024: "2024-04-18",
    2025: "2025-04-07",
    2026: "2026-04-26",
  };

  it.each(Object.entries(GIO_TO))("Giỗ Tổ Hùng Vương (10/3 lunar) %s is %s", (year, date) => {
    expect(lunarToSolar({ day: 10, month: 3, year: Number(year) })).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 10, month: 3, year: Number(year), leap: false });
  });

  it("knows the leap months of recent years", () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2021)).toBeNull();
    expect(leapMonthOf(2026)).toBeNull();
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe("2023-03-22");
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toBe("2025-07-25");
    expect(lunarToSolar({ day: 1, month: 4, year: 2020, leap: true })).toBe("2020-05-23");
    expect(solarToLunar("2023-04-01")).toEqual({ day: 11, month: 2, year: 2023, leap: true });
  });

  it("rejects lunar dates that do not exist", () => {
    expect(tryLunarToSolar({ day: 1, month: 3, year: 2023, leap: true })).toBeNull(); // 2023's leap month is 2
    expect(tryLunarToSolar({ day: 1, month: 5, year: 2024, leap: true })).toBeNull(); // 2024 has no leap month
    // Tháng Chạp Tân Sửu had 29 days: no "30 Tết" in 2022.
    expect(lunarMonthLength(2021, 12)).toBe(29);
    expect(tryLunarToSolar({ day: 30, month: 12, year: 2021 })).toBeNull();
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2021 })).toThrow(RangeError);
    // Tháng Chạp Canh Tý had 30 days: 11/02/2021 was 30 Tết.
    expect(lunarMonthLength(2020, 12)).toBe(30);
    expect(lunarToSolar({ day: 30, month: 12, year: 2020 })).toBe("2021-02-11");
  });

  it("round-trips every day of 2019–2027", () => {
    for (const date of datesInRange("2019-01-01", "2027-12-31")) {
      expect(lunarToSolar(solarToLunar(date))).toBe(date);
    }
  });

  it("numbers lunar days consecutively across month ends", () => {
    let prev = solarToLunar("2022-12-31");
    for (const date of datesInRange("2023-01-01", "2023-12-31")) {
      const cur = solarToLunar(date);
      if (cur.day !== 1) expect(cur.day).toBe(prev.day + 1);
      else expect([29, 30]).toContain(prev.day);
      prev = cur;
    }
  });

  it("names years and dates in Vietnamese", () => {
    expect(canChiYearName(2021)).toBe("Tân Sửu");
    expect(canChiYearName(2023)).toBe("Quý Mão");
    expect(canChiYearName(2025)).toBe("Ất Tỵ");
    expect(canChiYearName(2026)).toBe("Bính Ngọ");
    expect(formatLunarDate(solarToLunar("2026-02-17"))).toBe("mùng 1 tháng Giêng năm Bính Ngọ");
    expect(formatLunarDate(solarToLunar(addDays("2026-02-17", -1)))).toBe("29 tháng Chạp năm Ất Tỵ");
    expect(formatLunarDate(solarToLunar("2023-04-01"))).toBe("11 tháng 2 nhuận năm Quý Mão");
  });

  it("refuses years outside the algorithm's range", () => {
    expect(() => lunarNewYear(1700)).toThrow(RangeError);
    expect(() => solarToLunar("2300-01-01")).toThrow(RangeError);
  });
});
