// The demo's own clock. The demo is tried at any hour, but the bot holds ordinary messages
// through quiet hours (20:00–07:00) and runs its jobs on working days in office hours: on the
// real clock, at night, `!viec daily-digest` would only say "done". So the demo starts on a
// working-day morning (or at `--at "dd/mm/yyyy hh:mm"`, Asia/Ho_Chi_Minh, or CLOCK_AT) and runs
// on from there at the pace of real time (as bot/clock.ts's clock does); `!gio +N` moves it on.
import { parseLocalDateTime } from "../clock.js";
import type { WorkingCalendar } from "../services/calendar/index.js";
import { atLocal, localParts } from "../services/time.js";

/** 09:00: office hours, after the digest's 07:30 and the 08:00 report reminders. */
export const DEMO_MORNING = "09:00";

/** "dd/mm/yyyy hh:mm" in the deployment's zone, or a Vietnamese explanation of what is expected. */
export function parseDemoAt(text: string, timeZone: string): { ok: true; at: Date } | { ok: false; error: string } {
  const at = parseLocalDateTime(text, timeZone);
  return at
    ? { ok: true, at }
    : { ok: false, error: `--at cần ngày giờ có thật dạng dd/mm/yyyy hh:mm (giờ ${timeZone}), ví dụ --at "07/12/2026 09:00"; nhận được "${text}".` };
}

/** Today at 09:00 in the deployment's zone when today is a working day, else the next working day's. */
export function workingMorning(realNow: Date, calendar: WorkingCalendar, timeZone: string): Date {
  const { date } = localParts(realNow, timeZone);
  const day = calendar.isWorkingDay(date) ? date : calendar.nextWorkingDay(date);
  return atLocal(day, DEMO_MORNING, timeZone);
}

/** Starts at `start` and runs with real time from then on; can be moved forward, never back. */
export class DemoClock {
  private offsetMs: number;

  constructor(start: Date, private readonly real: () => number = Date.now) {
    this.offsetMs = start.getTime() - real();
  }

  now = (): Date => new Date(this.real() + this.offsetMs);

  advance(minutes: number): void {
    this.offsetMs += Math.max(0, minutes) * 60_000;
  }
}
