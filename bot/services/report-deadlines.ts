// The plan's periodic report deadlines, as days of the year ("03-03"), and the occurrence
// that comes next from a given day.
import type { Db } from "../db/client.js";
import { quoted, type TKey, type Translate } from "../i18n.js";
import { PLAN_2021_REPORT_DEADLINES } from "../seed-data/plan-2021.js";
import { audit } from "./audit.js";

export interface DeadlineRow {
  dueMonthDay: string;
  periodFrom: string;
  periodTo: string;
}

export interface DeadlineOccurrence {
  /** The day reports must arrive before ("YYYY-MM-DD"). */
  date: string;
  periodFrom: string;
  periodTo: string;
}

/** The next occurrence on or after `today`; the period is the one that deadline reports on. */
export function upcomingDeadline(d: DeadlineRow, today: string): DeadlineOccurrence {
  let year = Number(today.slice(0, 4));
  if (`${year}-${d.dueMonthDay}` < today) year++;
  // The reported period is of the deadline's year; a period ending after the deadline (the
  // plan asks for the year's report before 25/11) is still that year's.
  return { date: `${year}-${d.dueMonthDay}`, periodFrom: `${year}-${d.periodFrom}`, periodTo: `${year}-${d.periodTo}` };
}

const DAY_MONTH_RE = /^(\d{1,2})\/(\d{1,2})$/;

/** Parses "03/03" (dd/mm) into "03-03", refusing days that do not exist in every year. */
export function parseDayMonth(text: string): string | null {
  const m = DAY_MONTH_RE.exec(text.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const max = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!max || day < 1 || day > max) return null;
  return `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export async function setDeadlineDate(db: Db, code: string, monthDay: string, actor: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const res = await tx.reportDeadline.updateMany({ where: { code }, data: { dueMonthDay: monthDay } });
    if (res.count === 1) await audit(tx, { actor, action: "deadline.set", target: code, details: { dueMonthDay: monthDay }, at: now });
    return res.count === 1;
  });
}

/**
 * A periodic report's name in the reader's language: the plan's own reports by their code (while
 * the office has not renamed them), any other between quotes as the office wrote it.
 */
export function deadlineTitle(t: Translate, d: { code: string; title: string }): string {
  const seeded = PLAN_2021_REPORT_DEADLINES.find((x) => x.code === d.code);
  return seeded && seeded.title === d.title ? t(`reportDeadline.titles.${d.code}` as TKey) : quoted(t, d.title);
}
