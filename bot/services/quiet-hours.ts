// Quiet hours: a window of local time (possibly across midnight) in which a person gets no
// ordinary message. Urgent alerts ignore it.
import { addDays } from "./calendar/index.js";
import { atLocal, localParts } from "./time.js";

export interface QuietWindow {
  quietFrom: string; // "HH:MM"
  quietTo: string;
}

/**
 * If `at` falls inside the window, the instant the window ends; otherwise null.
 * A window whose start equals its end means no quiet hours.
 */
export function quietUntil(at: Date, w: QuietWindow, timeZone: string): Date | null {
  if (w.quietFrom === w.quietTo) return null;
  const { date, time } = localParts(at, timeZone);
  const wraps = w.quietFrom > w.quietTo; // e.g. 20:00 → 07:00
  if (wraps) {
    if (time >= w.quietFrom) return atLocal(addDays(date, 1), w.quietTo, timeZone);
    if (time < w.quietTo) return atLocal(date, w.quietTo, timeZone);
    return null;
  }
  return time >= w.quietFrom && time < w.quietTo ? atLocal(date, w.quietTo, timeZone) : null;
}
