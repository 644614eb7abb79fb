import { describe, expect, it } from "vitest";
import {
  WorkingCalendar,
  acceptedDateOf,
  createVietnamWorkingCalendar,
  localDateTime,
} from "../../bot/services/calendar/index.js";

const cal = createVietnamWorkingCalendar();
const at = (date: string, time: string) => localDateTime(date, time);

describe("dossier due dates (N ngày làm việc kể từ ngày nhận đủ hồ sơ)", () => {
  it("counts from the next working day and jumps over Tết 2021", () => {
    const d = cal.dueDateForDossier(at("2021-02-05", "10:00"), 5);
    expect(d).toMatchObject({
      acceptedDate: "2021-02-05",
      startDate: "2021-02-08",
      dueDate: "2021-02-19",
      workingDays: 5,
      pausedWorkingDays: 0,
    });
    expect(d.dueBy.toISOString()).toBe("2021-02-19T10:00:00.000Z"); // 17:00 in Hà Nội
  });

  it("a receipt after office hours counts from the next working day", () => {
    const d = cal.dueDateForDossier(at("2021-02-05", "17:30"), 5);
    expect(d.acceptedDate).toBe("2021-02-08");
    expect(d.startDate).toBe("2021-02-09");
    expect(d.dueDate).toBe("2021-02-22");
  });

  it("a receipt on a day off counts as received the next working day", () => {
    expect(cal.dueDateForDossier(at("2026-11-28", "10:00"), 3).dueDate).toBe("2026-12-03");
    expect(cal.dueDateForDossier(at("2026-02-18", "10:00"), 1).acceptedDate).toBe("2026-02-23");
    // Early morning of a working day is that day.
    expect(acceptedDateOf(cal, at("2026-11-25", "06:00"))).toBe("2026-11-25");
    // Midnight boundary: 23:59 Friday is Friday after hours → Monday.
    expect(acceptedDateOf(cal, at("2026-11-27", "23:59"))).toBe("2026-11-30");
  });

  it("N = 0 means the result is due the day of receipt", () => {
    const d = cal.dueDateForDossier(at("2026-11-25", "09:00"), 0);
    expect(d.dueDate).toBe("2026-11-25");
    expect(d.startDate).toBe("2026-11-25");
  });

  it("honours a custom cut-off time", () => {
    const early = new WorkingCalendar([], { dossierCutoff: "16:00" });
    expect(acceptedDateOf(early, at("2026-11-25", "16:30"))).toBe("2026-11-26");
    expect(acceptedDateOf(cal, at("2026-11-25", "16:30"))).toBe("2026-11-25");
  });

  it("stops the clock while waiting for the applicant (chờ bổ sung)", () => {
    const received = at("2026-11-02", "09:00");
    expect(cal.dueDateForDossier(received, 10).dueDate).toBe("2026-11-16");
    const pause = { from: at("2026-11-04", "10:00"), to: at("2026-11-06", "15:00") };
    expect(cal.pausedWorkingDays(pause)).toBe(2); // Thursday and Friday lost
    expect(cal.extendDueDateForPause("2026-11-16", pause)).toBe("2026-11-18");
    const withPause = cal.dueDateForDossier(received, 10, [pause]);
    expect(withPause.dueDate).toBe("2026-11-18");
    expect(withPause.pausedWorkingDays).toBe(2);
  });

  it("measures pauses by the receipt convention", () => {
    // Same day: nothing lost.
    expect(cal.pausedWorkingDays({ from: at("2026-11-25", "09:00"), to: at("2026-11-25", "15:00") })).toBe(0);
    // Over a weekend: only Monday.
    expect(cal.pausedWorkingDays({ from: at("2026-11-27", "16:00"), to: at("2026-11-30", "08:30") })).toBe(1);
    // Supplement arriving after hours counts for the next working day.
    expect(cal.pausedWorkingDays({ from: at("2026-11-25", "09:00"), to: at("2026-11-25", "18:00") })).toBe(1);
    // Asked before office hours: that day was not used yet.
    expect(cal.pausedWorkingDays({ from: at("2026-11-25", "07:00"), to: at("2026-11-25", "15:00") })).toBe(1);
    // Across Tết 2026: from 12/02 to 24/02 loses 13, 23 and 24 February.
    expect(cal.pausedWorkingDays({ from: at("2026-02-12", "10:00"), to: at("2026-02-24", "10:00") })).toBe(3);
    // Several pauses add up.
    expect(
      cal.extendDueDateForPause("2026-11-16", [
        { from: at("2026-11-03", "10:00"), to: at("2026-11-04", "10:00") },
        { from: at("2026-11-09", "10:00"), to: at("2026-11-10", "10:00") },
      ]),
    ).toBe("2026-11-18");
  });

  it("rejects bad input", () => {
    expect(() => cal.dueDateForDossier(at("2026-11-25", "09:00"), -1)).toThrow(RangeError);
    expect(() => cal.dueDateForDossier(at("2026-11-25", "09:00"), 2.5)).toThrow(RangeError);
    expect(() => cal.pausedWorkingDays({ from: at("2026-11-25", "09:00"), to: at("2026-11-24", "09:00") })).toThrow(
      RangeError,
    );
    expect(() => cal.dueDateForDossier(new Date("x"), 3)).toThrow(TypeError);
  });
});
