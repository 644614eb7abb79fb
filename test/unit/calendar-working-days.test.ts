import { describe, expect, it } from "vitest";
import {
  VN_WEEKDAY_NAMES,
  WorkingCalendar,
  addDays,
  createVietnamWorkingCalendar,
  datesInRange,
  diffDays,
  formatVnDate,
  getDefaultWorkingCalendar,
  formatVnDateWithWeekday,
  isIsoDate,
  localDateTime,
  toLocalDate,
  toLocalTime,
  vnWeekdayName,
} from "../../bot/services/calendar/index.js";

const cal = createVietnamWorkingCalendar();

describe("date helpers", () => {
  it("converts instants to local (UTC+7) dates and back", () => {
    expect(toLocalDate(new Date("2026-11-26T17:00:00Z"))).toBe("2026-11-27");
    expect(toLocalDate(new Date("2026-11-26T16:59:59.999Z"))).toBe("2026-11-26");
    expect(toLocalDate(new Date("2026-11-26T17:00:00Z"), 0)).toBe("2026-11-26");
    expect(toLocalTime(new Date("2026-11-27T01:30:00Z"))).toBe("08:30");
    expect(localDateTime("2026-11-27", "08:00").toISOString()).toBe("2026-11-27T01:00:00.000Z");
    expect(localDateTime("2026-01-01", "00:00").toISOString()).toBe("2025-12-31T17:00:00.000Z");
    expect(localDateTime("2026-11-27", "08:00", 0).toISOString()).toBe("2026-11-27T08:00:00.000Z");
  });

  it("formats dates the Vietnamese way", () => {
    expect(formatVnDate("2026-11-27")).toBe("27/11/2026");
    expect(formatVnDate("2026-01-05")).toBe("05/01/2026");
    expect(vnWeekdayName("2026-11-23")).toBe("Thứ Hai");
    expect(vnWeekdayName("2026-11-27")).toBe("Thứ Sáu");
    expect(vnWeekdayName("2026-11-28")).toBe("Thứ Bảy");
    expect(vnWeekdayName("2026-11-29")).toBe("Chủ nhật");
    expect(VN_WEEKDAY_NAMES).toEqual(["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]);
    expect(formatVnDateWithWeekday("2026-11-27")).toBe("Thứ Sáu, 27/11/2026");
  });

  it("does date-only arithmetic and validation", () => {
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(diffDays("2026-01-01", "2026-12-31")).toBe(364);
    expect(datesInRange("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-2-1")).toBe(false);
    expect(() => formatVnDate("27/11/2026")).toThrow(TypeError);
    expect(() => localDateTime("2026-11-27", "8:00")).toThrow(TypeError);
    expect(() => toLocalDate(new Date("nonsense"))).toThrow(TypeError);
  });
});

describe("working days", () => {
  it("shares one default calendar with the built-in notices", () => {
    expect(getDefaultWorkingCalendar()).toBe(getDefaultWorkingCalendar());
    expect(getDefaultWorkingCalendar().isWorkingDay("2026-08-22")).toBe(true);
  });

  it("knows weekends, holidays and make-up Saturdays", () => {
    expect(cal.isWorkingDay("2026-11-27")).toBe(true); // Friday
    expect(cal.isWorkingDay("2026-11-28")).toBe(false); // Saturday
    expect(cal.isWorkingDay("2026-11-29")).toBe(false); // Sunday
    expect(cal.isWorkingDay("2021-02-12")).toBe(false); // mùng 1 Tết Tân Sửu
    expect(cal.isWorkingDay("2024-05-04")).toBe(true); // make-up Saturday
  });

  it("next/previous working day are strictly after/before", () => {
    expect(cal.nextWorkingDay("2026-11-27")).toBe("2026-11-30");
    expect(cal.nextWorkingDay("2026-11-26")).toBe("2026-11-27");
    expect(cal.nextWorkingDay("2021-02-09")).toBe("2021-02-17");
    expect(cal.previousWorkingDay("2021-02-17")).toBe("2021-02-09");
    expect(cal.previousWorkingDay("2026-11-30")).toBe("2026-11-27");
    expect(cal.nextWorkingDay("2025-12-31")).toBe("2026-01-05"); // 1/1 holiday, 2/1 swapped, weekend
    expect(cal.previousWorkingDay("2026-01-10")).toBe("2026-01-09");
    expect(cal.nextWorkingDay("2026-01-09")).toBe("2026-01-10"); // make-up Saturday
  });

  it("adds working days across weekends and Tết", () => {
    expect(cal.addWorkingDays("2026-11-27", 1)).toBe("2026-11-30");
    expect(cal.addWorkingDays("2026-11-23", 5)).toBe("2026-11-30");
    expect(cal.addWorkingDays("2021-02-05", 5)).toBe("2021-02-19"); // 8, 9, then Tết, 17, 18, 19
    expect(cal.addWorkingDays("2026-02-12", 3)).toBe("2026-02-24"); // 13, then Tết 14–22, 23, 24
    expect(cal.addWorkingDays("2026-11-28", 1)).toBe("2026-11-30"); // from a Saturday
  });

  it("n = 0 rolls forward to a working day; negative n counts backwards", () => {
    expect(cal.addWorkingDays("2026-11-27", 0)).toBe("2026-11-27");
    expect(cal.addWorkingDays("2026-11-28", 0)).toBe("2026-11-30");
    expect(cal.addWorkingDays("2021-02-12", 0)).toBe("2021-02-17");
    expect(cal.addWorkingDays("2026-11-30", -1)).toBe("2026-11-27");
    expect(cal.addWorkingDays("2021-02-17", -1)).toBe("2021-02-09");
    expect(cal.addWorkingDays("2021-02-19", -5)).toBe("2021-02-05");
    expect(cal.addWorkingDays("2026-11-29", -1)).toBe("2026-11-27"); // from a Sunday
    expect(() => cal.addWorkingDays("2026-11-27", 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays("2026-11-27", 1e6)).toThrow(RangeError);
  });

  it("counts working days after a up to and including b", () => {
    expect(cal.workingDaysBetween("2026-11-27", "2026-11-30")).toBe(1); // Fri → Mon
    expect(cal.workingDaysBetween("2026-11-23", "2026-11-27")).toBe(4); // Mon → Fri
    expect(cal.workingDaysBetween("2026-11-27", "2026-11-27")).toBe(0);
    expect(cal.workingDaysBetween("2026-11-28", "2026-11-29")).toBe(0); // a weekend
    expect(cal.workingDaysBetween("2026-11-30", "2026-11-27")).toBe(-1);
    expect(cal.workingDaysBetween("2021-02-05", "2021-02-19")).toBe(5);
    expect(cal.workingDaysBetween("2021-02-19", "2021-02-05")).toBe(-5);
    expect(cal.workingDaysBetween("2025-12-31", "2026-01-05")).toBe(1);
    // A whole year: 2026 has 365 − 104 weekend days − 13 weekdays off + 2 make-up Saturdays.
    expect(cal.workingDaysBetween("2025-12-31", "2026-12-31")).toBe(365 - 104 - 13 + 2);
  });

  it("addWorkingDays and workingDaysBetween agree (property check over 2020–2027)", () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const a = addDays("2020-06-01", rand(2400));
      const n = rand(80) - 40;
      const b = cal.addWorkingDays(a, n);
      expect(cal.isWorkingDay(b)).toBe(true);
      // Exact inverse going forward from any day, and backward from a working day (going back
      // from a day off, that day off is not counted: Sunday → Friday is −0 working days passed).
      if (n > 0 || (n < 0 && cal.isWorkingDay(a))) expect(cal.workingDaysBetween(a, b)).toBe(n);
      if (n < 0 && !cal.isWorkingDay(a)) expect(cal.workingDaysBetween(a, b)).toBe(n + 1);
      expect(cal.workingDaysBetween(b, a)).toBe(0 - cal.workingDaysBetween(a, b));
      const c = addDays(a, rand(120));
      if (cal.isWorkingDay(c) && c !== a) expect(cal.addWorkingDays(a, cal.workingDaysBetween(a, c))).toBe(c);
    }
  });

  it("lists holidays in a range, across years, sorted", () => {
    const list = cal.holidaysInRange("2025-12-25", "2026-01-05");
    expect(list.map((h) => h.date)).toEqual(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"]);
    expect(cal.holidaysInRange("2026-03-01", "2026-03-31")).toEqual([]);
    expect(cal.holidaysInRange("2026-02-01", "2026-01-01")).toEqual([]);
    const defaults2027 = cal.holidaysOfYear(2027);
    expect(defaults2027.every((h) => h.source === "computed")).toBe(true);
    expect(defaults2027.map((h) => h.date)).toContain("2027-02-06"); // Tết Đinh Mùi
  });

  it("is fast enough for digests (cached per year)", () => {
    const fresh = createVietnamWorkingCalendar();
    const t0 = performance.now();
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const d = addDays("2021-01-01", i % 2000);
      sum += fresh.workingDaysBetween(d, addDays(d, 45));
      if (fresh.isWorkingDay(fresh.addWorkingDays(d, 15))) sum++;
    }
    const ms = performance.now() - t0;
    expect(sum).toBeGreaterThan(0);
    expect(ms).toBeLessThan(3000);
  });

  it("works with other options: Sunday-only weekend, another time zone", () => {
    const sixDay = new WorkingCalendar([], { weekendDays: [0] });
    expect(sixDay.addWorkingDays("2026-11-27", 1)).toBe("2026-11-28");
    expect(sixDay.workingDaysBetween("2026-11-23", "2026-11-30")).toBe(6);
  });
});
