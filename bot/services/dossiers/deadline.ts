// Where a dossier stands against its deadline, in working days.
//
// The one-stop system gives the due date ("Ngày hẹn trả"). While the dossier waits for the
// applicant to supplement it (chờ bổ sung) the clock stops: the working days spent waiting
// (Dossier.pausedWorkingDays, completed waits) push the due date back, and a dossier waiting
// right now is neither due nor overdue. A due date falling on a day off moves to the next
// working day, as deadlines do.
import { type IsoDate, toLocalDate, type WorkingCalendar } from "../calendar/index.js";
import { isOpen } from "./statuses.js";

export interface DossierClockInput {
  status: string;
  dueAt: Date;
  pausedAt: Date | null;
  pausedWorkingDays: number;
}

export type DossierStanding =
  /** The result was returned, or the dossier was cancelled. */
  | { kind: "closed" }
  /** Waiting for the applicant since `since` (local date): the clock stands still. */
  | { kind: "paused"; since: IsoDate }
  /** Due in `days` working days (≥ 1). */
  | { kind: "open"; days: number }
  | { kind: "dueToday" }
  /** Overdue by `days` working days (≥ 1). */
  | { kind: "overdue"; days: number };

/** The last day to return the result, after the waits so far. */
export function effectiveDueDate(calendar: WorkingCalendar, d: Pick<DossierClockInput, "dueAt" | "pausedWorkingDays">): IsoDate {
  const due = calendar.addWorkingDays(toLocalDate(d.dueAt, calendar.tzOffsetMinutes), 0);
  return d.pausedWorkingDays > 0 ? calendar.addWorkingDays(due, d.pausedWorkingDays) : due;
}

export function standingOn(calendar: WorkingCalendar, d: DossierClockInput, today: IsoDate): DossierStanding {
  if (!isOpen(d.status)) return { kind: "closed" };
  if (d.status === "cho_bo_sung") {
    return { kind: "paused", since: toLocalDate(d.pausedAt ?? d.dueAt, calendar.tzOffsetMinutes) };
  }
  const due = effectiveDueDate(calendar, d);
  if (today === due) return { kind: "dueToday" };
  if (today < due) return { kind: "open", days: calendar.workingDaysBetween(today, due) };
  // On a day off right after the due day no working day has passed yet, but it is late.
  return { kind: "overdue", days: Math.max(1, calendar.workingDaysBetween(due, today)) };
}

/** True when a result returned on `returnedDate` was on time. */
export function returnedOnTime(calendar: WorkingCalendar, d: Pick<DossierClockInput, "dueAt" | "pausedWorkingDays">, returnedDate: IsoDate): boolean {
  return returnedDate <= effectiveDueDate(calendar, d);
}
