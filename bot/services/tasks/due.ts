// Where a task stands against its due date, in Vietnamese working days.
import { diffDays, type WorkingCalendar } from "../calendar/index.js";

export type DueMark =
  /** Closed by the office. */
  | "closed"
  /** Reported at 100%. */
  | "done"
  /** Past its due date and not done. */
  | "overdue"
  /** Due within the configured number of working days (today included). */
  | "dueSoon"
  | "none";

export interface DueInput {
  status: string;
  dueDate: string | null;
  recurring: boolean;
}

export function dueMark(task: DueInput, percent: number | null, today: string, calendar: WorkingCalendar, dueSoonWorkingDays: number): DueMark {
  if (task.status === "closed") return "closed";
  if (percent !== null && percent >= 100) return "done";
  if (task.recurring || !task.dueDate) return "none";
  if (task.dueDate < today) return "overdue";
  return calendar.workingDaysBetween(today, task.dueDate) <= dueSoonWorkingDays ? "dueSoon" : "none";
}

/**
 * The number shown with a mark: working days left for "dueSoon" (0: due today, or on the
 * day off before the next working day), calendar days past the due date for "overdue".
 */
export function markDays(mark: DueMark, dueDate: string | null, env: { today: string; calendar: WorkingCalendar }): number | null {
  if (!dueDate) return null;
  if (mark === "overdue") return diffDays(dueDate, env.today);
  if (mark === "dueSoon") return env.calendar.workingDaysBetween(env.today, dueDate);
  return null;
}
