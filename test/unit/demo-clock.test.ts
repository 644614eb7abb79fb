// The demo's clock: a working-day morning by default, `--at "dd/mm/yyyy hh:mm"` in Hà Nội time.
import { describe, expect, it } from "vitest";
import { createVietnamWorkingCalendar } from "../../bot/services/calendar/index.js";
import { DemoClock, parseDemoAt, workingMorning } from "../../bot/demo/demo-clock.js";
import { formatDateTime } from "../../bot/services/date-text.js";

const TZ = "Asia/Ho_Chi_Minh";
const cal = createVietnamWorkingCalendar();

describe("demo clock", () => {
  it("reads --at as Hà Nội time and refuses anything else with the expected format", () => {
    expect(parseDemoAt("02/12/2026 09:00", TZ)).toEqual({ ok: true, at: new Date("2026-12-02T02:00:00Z") });
    expect(parseDemoAt(" 07/01/2027 08:30 ", TZ)).toEqual({ ok: true, at: new Date("2027-01-07T01:30:00Z") });
    for (const bad of ["31/02/2026 09:00", "02/12/2026 24:00", "02/12/2026", "2026-12-02 09:00", "02/13/2026 09:00", "7/1/2027 8:30", ""]) {
      const res = parseDemoAt(bad, TZ);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error).toContain("dd/mm/yyyy hh:mm");
    }
  });

  it("starts at 09:00 of today when it is a working day, else of the next one (weekends, Tết)", () => {
    // 02:30 in Hà Nội on Wednesday 02/12/2026 (19:30 UTC the day before): that Wednesday.
    expect(formatDateTime(workingMorning(new Date("2026-12-01T19:30:00Z"), cal, TZ), TZ)).toBe("02/12/2026 09:00");
    // 22:00 on Wednesday: still that day's morning (the demo's day, not the next).
    expect(formatDateTime(workingMorning(new Date("2026-12-02T15:00:00Z"), cal, TZ), TZ)).toBe("02/12/2026 09:00");
    // Saturday 05/12/2026: Monday 07/12.
    expect(formatDateTime(workingMorning(new Date("2026-12-05T03:00:00Z"), cal, TZ), TZ)).toBe("07/12/2026 09:00");
    // New Year's Day 2027 is a Friday: Monday 04/01/2027.
    expect(formatDateTime(workingMorning(new Date("2027-01-01T03:00:00Z"), cal, TZ), TZ)).toBe("04/01/2027 09:00");
  });

  it("runs on with real time from its start and only moves forward", () => {
    let real = 1_000_000;
    const clock = new DemoClock(new Date("2026-12-02T02:00:00Z"), () => real);
    real += 90_000;
    expect(clock.now().toISOString()).toBe("2026-12-02T02:01:30.000Z");
    clock.advance(60);
    expect(clock.now().toISOString()).toBe("2026-12-02T03:01:30.000Z");
    clock.advance(-600);
    expect(clock.now().toISOString()).toBe("2026-12-02T03:01:30.000Z");
  });
});
