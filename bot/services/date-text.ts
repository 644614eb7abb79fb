// The one way a person reads a date or a time, in chat, digests, documents and the CLI:
// "27/11/2026 08:15" and "27/11/2026" (day first, zero-padded, 24-hour clock), always in the
// deployment's zone (Asia/Ho_Chi_Minh). Both languages use it: English readers of a Vietnamese
// office expect the office's own dates, and one format avoids "02/12" read as 12 February.
import { formatVnDate, type IsoDate } from "./calendar/index.js";
import { localParts } from "./time.js";

/** A calendar date: "2026-11-27" → "27/11/2026". */
export function formatDate(date: IsoDate): string {
  return formatVnDate(date);
}

/** The local date of an instant: "27/11/2026". */
export function formatDateOf(at: Date, timeZone: string): string {
  return formatVnDate(localParts(at, timeZone).date);
}

/** The local date and time of an instant, to the minute: "27/11/2026 08:15". */
export function formatDateTime(at: Date, timeZone: string): string {
  const { date, time } = localParts(at, timeZone);
  return `${formatVnDate(date)} ${time}`;
}
