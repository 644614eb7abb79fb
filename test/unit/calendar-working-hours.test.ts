import { describe, expect, it } from "vitest";
import {
  WorkingCalendar,
  addDays,
  createVietnamWorkingCalendar,
  localDateTime,
  toLocalDate,
  toLocalTime,
} from "../../bot/services/calendar/index.js";

const cal = createVietnamWorkingCalendar();
const at = (date: string, time: string) => localDateTime(date, time);
const show = (d: Date) => `${toLocalDate(d)} ${toLocalTime(d)}`;

describe("working hours (08:00–17:00, lunch 12:00–13:00)", () => {
  it("adds hours inside a day, skipping lunch", () => {
    expect(show(cal.addWorkingHours(at("2026-11-25", "09:00"), 2))).toBe("2026-11-25 11:00");
    expect(show(cal.addWorkingHours(at("2026-11-25", "11:00"), 2))).toBe("2026-11-25 14:00");
    expect(show(cal.addWorkingHours(at("2026-11-25", "08:00"), 4))).toBe("2026-11-25 12:00");
    expect(show(cal.addWorkingHours(at("2026-11-25", "08:00"), 8))).toBe("2026-11-25 17:00");
    expect(show(cal.addWorkingHours(at("2026-11-25", "12:30"), 1))).toBe("2026-11-25 14:00");
    expect(show(cal.addWorkingHours(at("2026-11-25", "08:00"), 0.5))).toBe("2026-11-25 08:30");
  });

  it("carries over nights, weekends and holidays", () => {
    expect(show(cal.addWorkingHours(at("2026-11-27", "16:00"), 2))).toBe("2026-11-30 09:00");
    expect(show(cal.addWorkingHours(at("2026-11-25", "18:00"), 1))).toBe("2026-11-26 09:00");
    expect(show(cal.addWorkingHours(at("2026-11-25", "06:00"), 1))).toBe("2026-11-25 09:00");
    expect(show(cal.addWorkingHours(at("2021-02-09", "16:00"), 2))).toBe("2021-02-17 09:00");
    expect(show(cal.addWorkingHours(at("2026-11-23", "08:00"), 40))).toBe("2026-11-27 17:00");
  });

  it("zero hours normalises to the next working moment", () => {
    expect(show(cal.addWorkingHours(at("2026-11-25", "10:15"), 0))).toBe("2026-11-25 10:15");
    expect(show(cal.addWorkingHours(at("2026-11-28", "10:00"), 0))).toBe("2026-11-30 08:00");
    expect(show(cal.addWorkingHours(at("2026-11-25", "12:00"), 0))).toBe("2026-11-25 13:00");
  });

  it("subtracts hours with negative values", () => {
    expect(show(cal.addWorkingHours(at("2026-11-30", "09:00"), -2))).toBe("2026-11-27 16:00");
    expect(show(cal.addWorkingHours(at("2026-11-25", "14:00"), -2))).toBe("2026-11-25 11:00");
    expect(show(cal.addWorkingHours(at("2026-11-25", "17:00"), -4))).toBe("2026-11-25 13:00");
    expect(show(cal.addWorkingHours(at("2021-02-17", "09:00"), -2))).toBe("2021-02-09 16:00");
  });

  it("measures working hours between instants", () => {
    expect(cal.workingHoursBetween(at("2026-11-25", "11:00"), at("2026-11-25", "14:00"))).toBe(2);
    expect(cal.workingHoursBetween(at("2026-11-27", "16:00"), at("2026-11-30", "09:00"))).toBe(2);
    expect(cal.workingHoursBetween(at("2026-11-30", "09:00"), at("2026-11-27", "16:00"))).toBe(-2);
    expect(cal.workingHoursBetween(at("2026-11-23", "08:00"), at("2026-11-30", "08:00"))).toBe(40);
    expect(cal.workingHoursBetween(at("2021-02-09", "08:00"), at("2021-02-17", "17:00"))).toBe(16);
    expect(cal.workingHoursBetween(at("2026-11-28", "09:00"), at("2026-11-29", "17:00"))).toBe(0);
    expect(cal.workingHoursBetween(at("2026-11-25", "12:10"), at("2026-11-25", "12:50"))).toBe(0);
    expect(cal.workingHoursBetween(at("2026-11-25", "09:00"), at("2026-11-25", "09:45"))).toBe(0.75);
  });

  it("addWorkingHours and workingHoursBetween agree", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const start = at(addDays("2021-01-01", rand(2000)), `${String(8 + rand(9)).padStart(2, "0")}:${rand(2) ? "00" : "30"}`);
      const hours = rand(120) / 4;
      const end = cal.addWorkingHours(start, hours);
      const measured = cal.workingHoursBetween(start, end);
      expect(measured).toBeCloseTo(hours, 9);
      // Going back the same amount returns to the start when the start was inside working time.
      if (cal.isWorkingTime(start)) expect(cal.addWorkingHours(end, -hours).getTime()).toBe(start.getTime());
    }
  });

  it("tells whether an instant is working time", () => {
    expect(cal.isWorkingTime(at("2026-11-25", "08:00"))).toBe(true);
    expect(cal.isWorkingTime(at("2026-11-25", "12:30"))).toBe(false);
    expect(cal.isWorkingTime(at("2026-11-25", "17:00"))).toBe(false);
    expect(cal.isWorkingTime(at("2026-11-28", "10:00"))).toBe(false);
    expect(cal.isWorkingTime(at("2026-01-10", "10:00"))).toBe(true); // make-up Saturday
  });

  it("accepts other office hours", () => {
    const province = new WorkingCalendar([], {
      workingHours: { start: "07:30", lunchStart: "11:30", lunchEnd: "13:30", end: "17:00" },
    });
    expect(province.periods.dailyMs / 3_600_000).toBe(7.5);
    expect(show(province.addWorkingHours(at("2026-11-25", "11:00"), 1))).toBe("2026-11-25 14:00");
    const noLunch = new WorkingCalendar([], { workingHours: { lunchStart: null, lunchEnd: null } });
    expect(show(noLunch.addWorkingHours(at("2026-11-25", "11:00"), 2))).toBe("2026-11-25 13:00");
    expect(noLunch.workingHoursBetween(at("2026-11-25", "08:00"), at("2026-11-25", "17:00"))).toBe(9);
  });

  it("uses the configured time zone for instants", () => {
    const utc = new WorkingCalendar([], { tzOffsetMinutes: 0 });
    // 02:00Z is 09:00 in Hà Nội but 02:00 in UTC: outside office hours there.
    const instant = new Date("2026-11-25T02:00:00Z");
    expect(cal.isWorkingTime(instant)).toBe(true);
    expect(utc.isWorkingTime(instant)).toBe(false);
    expect(utc.addWorkingHours(instant, 1).toISOString()).toBe("2026-11-25T09:00:00.000Z");
  });
});
