// The department's working calendar: the computed Vietnamese calendar with the government's
// notices built in, plus the notices the office imported (CalendarOverride rows), and the
// office hours from the settings (calendar.workStart/workEnd/lunchStart/lunchEnd).
import type { Db } from "../db/client.js";
import {
  buildWorkingPeriods,
  type CalendarOverride,
  createVietnamWorkingCalendar,
  DEFAULT_WORKING_HOURS,
  type WorkingCalendar,
  type WorkingCalendarOptions,
  type WorkingHoursOptions,
} from "./calendar/index.js";
import { getSetting } from "./settings.js";
import { zoneOffsetMinutes } from "./time.js";

export interface CalendarStore {
  /** The calendar as of the last import (cached; reloaded after `invalidate`). */
  get(): Promise<WorkingCalendar>;
  invalidate(): void;
}

/** The office hours from the settings; the defaults when the four times do not fit together. */
export async function officeHours(db: Db): Promise<WorkingHoursOptions> {
  const hours: WorkingHoursOptions = {
    start: await getSetting(db, "calendar.workStart"),
    end: await getSetting(db, "calendar.workEnd"),
    lunchStart: await getSetting(db, "calendar.lunchStart"),
    lunchEnd: await getSetting(db, "calendar.lunchEnd"),
  };
  try {
    buildWorkingPeriods(hours);
    return hours;
  } catch {
    // `settings set` refuses such values; this guards a database edited by hand.
    return { ...DEFAULT_WORKING_HOURS };
  }
}

export async function calendarOptions(db: Db, timeZone: string): Promise<WorkingCalendarOptions> {
  return { tzOffsetMinutes: zoneOffsetMinutes(timeZone, new Date()), workingHours: await officeHours(db) };
}

export async function loadWorkingCalendar(db: Db, timeZone: string): Promise<WorkingCalendar> {
  const rows = await db.calendarOverride.findMany({ orderBy: { id: "asc" } });
  return createVietnamWorkingCalendar(
    rows.map((r): CalendarOverride => ({ date: r.date, name: r.name, kind: r.kind as "nghi" | "lam_bu" })),
    await calendarOptions(db, timeZone),
  );
}

export function calendarStore(db: Db, timeZone: string): CalendarStore {
  let cached: Promise<WorkingCalendar> | null = null;
  let loadedAt = 0;
  // Another process (the CLI, another instance) may import a notice or change the office
  // hours: re-read now and then.
  const MAX_AGE_MS = 10 * 60_000;
  return {
    get() {
      if (!cached || Date.now() - loadedAt > MAX_AGE_MS) {
        loadedAt = Date.now();
        cached = loadWorkingCalendar(db, timeZone);
        cached.catch(() => (cached = null));
      }
      return cached;
    },
    invalidate() {
      cached = null;
    },
  };
}
