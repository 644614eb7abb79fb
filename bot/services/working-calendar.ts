// The department's working calendar: the computed Vietnamese calendar with the government's
// notices built in, plus the notices the office imported (CalendarOverride rows).
import type { Db } from "../db/client.js";
import { type CalendarOverride, createVietnamWorkingCalendar, type WorkingCalendar } from "./calendar/index.js";
import { zoneOffsetMinutes } from "./time.js";

export interface CalendarStore {
  /** The calendar as of the last import (cached; reloaded after `invalidate`). */
  get(): Promise<WorkingCalendar>;
  invalidate(): void;
}

export function calendarStore(db: Db, timeZone: string): CalendarStore {
  let cached: Promise<WorkingCalendar> | null = null;
  let loadedAt = 0;
  // Another instance may import a notice: re-read the table now and then.
  const MAX_AGE_MS = 10 * 60_000;
  return {
    get() {
      if (!cached || Date.now() - loadedAt > MAX_AGE_MS) {
        loadedAt = Date.now();
        cached = db.calendarOverride
          .findMany({ orderBy: { id: "asc" } })
          .then((rows) =>
            createVietnamWorkingCalendar(
              rows.map((r): CalendarOverride => ({ date: r.date, name: r.name, kind: r.kind as "nghi" | "lam_bu" })),
              { tzOffsetMinutes: zoneOffsetMinutes(timeZone, new Date()) },
            ),
          );
        cached.catch(() => (cached = null));
      }
      return cached;
    },
    invalidate() {
      cached = null;
    },
  };
}
