/**
 * Due dates of one-stop administrative dossiers (thủ tục hành chính, cơ chế một cửa).
 *
 * Procedures state their time limit as "N ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ".
 * Convention used here (the common reading, also that of Civil Code 2015 art. 147: a period in
 * days starts the day after the triggering event):
 *  1. The receipt day ("acceptedDate") is the local day the complete dossier arrived, except that
 *     a dossier arriving on a day off, or on a working day at/after the cut-off (default: end of
 *     office hours), counts as received on the next working day (how online dossiers filed out of
 *     hours are handled).
 *  2. The receipt day itself is not counted; day 1 is the next working day.
 *  3. The due date is the N-th working day after the receipt day (N = 0: the receipt day itself,
 *     "trả kết quả trong ngày"); `dueBy` is the end of office hours that day.
 *  4. While the dossier waits for the applicant to supplement it ("chờ bổ sung"), the clock stops:
 *     the working days of the pause are added to the due date (see pausedWorkingDays).
 */
import { type IsoDate, MS_PER_DAY, fromEpochDay, localMillis, toEpochDay } from "./local-date.js";
import type { WorkingCalendar } from "./working-calendar.js";

/** A stretch during which the dossier's clock stood still. */
export interface DossierPause {
  /** When the office asked the applicant to supplement the dossier. */
  from: Date;
  /** When the supplemented dossier was received. */
  to: Date;
}

export interface DossierDeadline {
  /** The instant the complete dossier was received, as given. */
  receivedAt: Date;
  /** The working day the receipt counts for (rule 1). */
  acceptedDate: IsoDate;
  /** Day 1 of the count: the first working day after acceptedDate (same as acceptedDate when N = 0). */
  startDate: IsoDate;
  /** Working days allowed by the procedure. */
  workingDays: number;
  /** Working days added for pauses (chờ bổ sung). */
  pausedWorkingDays: number;
  /** The last day to return the result. */
  dueDate: IsoDate;
  /** End of office hours on dueDate: after this instant the dossier is overdue. */
  dueBy: Date;
}

function localDayAndMs(calendar: WorkingCalendar, instant: Date): { day: number; ms: number } {
  const local = localMillis(instant, calendar.tzOffsetMinutes);
  const day = Math.floor(local / MS_PER_DAY);
  return { day, ms: local - day * MS_PER_DAY };
}

/** Rule 1: the working day a receipt at `instant` counts for. */
export function acceptedDateOf(calendar: WorkingCalendar, instant: Date): IsoDate {
  const { day, ms } = localDayAndMs(calendar, instant);
  const date = fromEpochDay(day);
  return calendar.isWorkingDay(date) && ms < calendar.dossierCutoffMs ? date : calendar.nextWorkingDay(date);
}

/** The last working day whose office hours had begun at `instant` (the day the clock stopped on). */
function lastStartedWorkingDay(calendar: WorkingCalendar, instant: Date): IsoDate {
  const { day, ms } = localDayAndMs(calendar, instant);
  const date = fromEpochDay(day);
  return calendar.isWorkingDay(date) && ms >= calendar.periods.dayStartMs ? date : calendar.previousWorkingDay(date);
}

/**
 * Working days lost to a pause: the working days after the day the clock stopped (that day was
 * already used) up to and including the day the supplement counts as received (counting resumes
 * the working day after it, as for a new receipt). A pause within one day costs 0 days; asked on
 * Monday, supplemented on Wednesday costs 2 (Tuesday, Wednesday).
 */
export function pausedWorkingDays(calendar: WorkingCalendar, pause: DossierPause): number {
  if (!(pause.from instanceof Date) || !(pause.to instanceof Date)) throw new TypeError("A pause needs from/to Dates");
  if (pause.to.getTime() < pause.from.getTime()) throw new RangeError("A pause cannot end before it starts");
  const stopped = lastStartedWorkingDay(calendar, pause.from);
  const resumed = acceptedDateOf(calendar, pause.to);
  return Math.max(0, calendar.workingDaysBetween(stopped, resumed));
}

/** Pushes `dueDate` back by the working days of the pause(s). Overlapping pauses are counted twice. */
export function extendDueDateForPause(
  calendar: WorkingCalendar,
  dueDate: IsoDate,
  pause: DossierPause | readonly DossierPause[],
): IsoDate {
  toEpochDay(dueDate); // validates
  const pauses: readonly DossierPause[] = Array.isArray(pause) ? pause : [pause as DossierPause];
  const days = pauses.reduce((sum, p) => sum + pausedWorkingDays(calendar, p), 0);
  return days === 0 ? dueDate : calendar.addWorkingDays(dueDate, days);
}

/** Due date of a dossier received at `receivedAt` with `workingDays` allowed (rules 1–4). */
export function dueDateForDossier(
  calendar: WorkingCalendar,
  receivedAt: Date,
  workingDays: number,
  pauses: readonly DossierPause[] = [],
): DossierDeadline {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`A dossier's time limit must be a whole number of working days ≥ 0, got ${workingDays}`);
  }
  const acceptedDate = acceptedDateOf(calendar, receivedAt);
  const startDate = workingDays === 0 ? acceptedDate : calendar.nextWorkingDay(acceptedDate);
  const paused = pauses.reduce((sum, p) => sum + pausedWorkingDays(calendar, p), 0);
  const dueDate = calendar.addWorkingDays(acceptedDate, workingDays + paused);
  const endMs = calendar.periods.dayEndMs;
  const dueBy = new Date(toEpochDay(dueDate) * MS_PER_DAY + endMs - calendar.tzOffsetMinutes * 60_000);
  return { receivedAt, acceptedDate, startDate, workingDays, pausedWorkingDays: paused, dueDate, dueBy };
}
