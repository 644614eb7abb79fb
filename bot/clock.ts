// The service's clock, chosen in one place. In production it is the system time. Tests, the
// demo and spawned test processes start it at a chosen local time (CLOCK_AT, the demo's --at)
// and let it run on from there, so quiet hours, office hours and working days behave the same
// whatever the hour outside. Services never read the time themselves: they get `now`.
import { atLocal } from "./services/time.js";

export type Clock = () => Date;

const LOCAL_DATE_TIME_RE = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/;

/**
 * "dd/mm/yyyy hh:mm" in `timeZone` → the instant; undefined when the text is not that form or
 * names a day or time that does not exist (31/02, 24:00).
 */
export function parseLocalDateTime(value: string, timeZone: string): Date | undefined {
  const m = LOCAL_DATE_TIME_RE.exec(value.trim());
  if (!m) return undefined;
  const [, dd, mm, yyyy, hh, min] = m as unknown as [string, string, string, string, string, string];
  const date = `${yyyy}-${mm}-${dd}`;
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) return undefined;
  if (Number(hh) > 23 || Number(min) > 59) return undefined;
  return atLocal(date, `${hh}:${min}`, timeZone);
}

/** The system clock, or one that reads `start` now and runs on at the system clock's pace. */
export function clockStartingAt(start: Date | undefined): Clock {
  if (!start) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
