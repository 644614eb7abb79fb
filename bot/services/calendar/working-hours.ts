/**
 * Office hours of a working day, as periods of local wall-clock time.
 *
 * Default 08:00–17:00 with lunch 12:00–13:00 excluded (8 working hours). Provinces set their own
 * hours (many use 07:30–11:30 and 13:30–17:00, some change with the season), so all four times
 * are options; set lunchStart/lunchEnd to null for a day without a break.
 */
import { MS_PER_MINUTE, parseTimeOfDay } from "./local-date.js";

export interface WorkingHoursOptions {
  /** "HH:MM" local, start of the working day. */
  start: string;
  /** "HH:MM" local, end of the working day. */
  end: string;
  /** "HH:MM" local, start of the lunch break, or null for none. */
  lunchStart: string | null;
  /** "HH:MM" local, end of the lunch break, or null for none. */
  lunchEnd: string | null;
}

export const DEFAULT_WORKING_HOURS: Readonly<WorkingHoursOptions> = {
  start: "08:00",
  end: "17:00",
  lunchStart: "12:00",
  lunchEnd: "13:00",
};

/** Working periods of one day, in milliseconds after local midnight, sorted and disjoint. */
export interface WorkingPeriods {
  readonly periods: ReadonlyArray<readonly [number, number]>;
  /** Total working milliseconds in one working day. */
  readonly dailyMs: number;
  /** Start of the first period (ms after midnight). */
  readonly dayStartMs: number;
  /** End of the last period (ms after midnight). */
  readonly dayEndMs: number;
}

/** Validates the options and turns them into periods; throws a RangeError on inconsistent hours. */
export function buildWorkingPeriods(options: Partial<WorkingHoursOptions> = {}): WorkingPeriods {
  const o = { ...DEFAULT_WORKING_HOURS, ...options };
  const start = parseTimeOfDay(o.start);
  const end = parseTimeOfDay(o.end);
  if (!(start < end)) throw new RangeError(`Working day must start before it ends (${o.start}–${o.end})`);
  let periods: Array<[number, number]>;
  if (o.lunchStart === null || o.lunchEnd === null) {
    if (o.lunchStart !== o.lunchEnd) throw new RangeError("lunchStart and lunchEnd must both be set or both be null");
    periods = [[start, end]];
  } else {
    const ls = parseTimeOfDay(o.lunchStart);
    const le = parseTimeOfDay(o.lunchEnd);
    if (!(start < ls && ls < le && le < end)) {
      throw new RangeError(`Lunch ${o.lunchStart}–${o.lunchEnd} must lie inside the working day ${o.start}–${o.end}`);
    }
    periods = [
      [start, ls],
      [le, end],
    ];
  }
  const msPeriods = periods.map(([a, b]) => [a * MS_PER_MINUTE, b * MS_PER_MINUTE] as const);
  return {
    periods: msPeriods,
    dailyMs: msPeriods.reduce((sum, [a, b]) => sum + (b - a), 0),
    dayStartMs: msPeriods[0]![0],
    dayEndMs: msPeriods[msPeriods.length - 1]![1],
  };
}

/** Working milliseconds of one working day that fall in [fromMs, toMs) (ms after local midnight). */
export function workingMsWithin(p: WorkingPeriods, fromMs: number, toMs: number): number {
  let sum = 0;
  for (const [a, b] of p.periods) {
    const lo = Math.max(a, fromMs);
    const hi = Math.min(b, toMs);
    if (hi > lo) sum += hi - lo;
  }
  return sum;
}
