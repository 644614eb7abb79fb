// The deployment's time zone as a UTC offset at a given instant (Asia/Ho_Chi_Minh has no
// daylight saving, but an IANA name is what the configuration holds).
import { localDateTime, toLocalDate, toLocalTime } from "./calendar/index.js";

// Building an Intl.DateTimeFormat costs far more than using one: one per zone, kept.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    formats.set(timeZone, f);
  }
  return f;
}

export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = formatFor(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** Local calendar date and time of an instant, in the deployment's zone. */
export function localParts(at: Date, timeZone: string): { date: string; time: string; offset: number } {
  const offset = zoneOffsetMinutes(timeZone, at);
  return { date: toLocalDate(at, offset), time: toLocalTime(at, offset), offset };
}

export function atLocal(date: string, time: string, timeZone: string): Date {
  const guess = localDateTime(date, time, zoneOffsetMinutes(timeZone, new Date(`${date}T12:00:00Z`)));
  return guess;
}
