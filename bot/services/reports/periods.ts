// The plan's reporting periods (section VI: quarter I, six months, quarter III, year), named by
// a key a person can type ("2027-Q1", "2027-H1", "2027-Q3", "2027") and resolved against the
// deadlines as the office configured them (ReportDeadline, `npm run cli -- deadlines`): the
// office may move a due day or a period's bounds, so nothing here hard-codes the months.
//
// A period's figures are computed as of its end (the last instant of its last day in the
// deployment's zone), or as of now while it is still running: `asOf` is that instant, so a
// report re-generated after the period gives the same numbers unless that period's data changed.
import type { Db } from "../../db/client.js";
import { upcomingDeadline, type DeadlineRow } from "../report-deadlines.js";
import { atLocal } from "../time.js";
import { addDays } from "../calendar/index.js";

/** The seeded deadline codes, and the suffix of a period key that names each. */
const KEY_SUFFIX = { q1: "Q1", h1: "H1", q3: "Q3", year: "" } as const;
export type PeriodCode = keyof typeof KEY_SUFFIX;

export interface PeriodId {
  year: number;
  code: PeriodCode;
}

export interface Period extends PeriodId {
  /** "2027-Q1" | "2027-H1" | "2027-Q3" | "2027". */
  key: string;
  /** The deadline's title as the office keeps it ("Báo cáo quý I"). */
  title: string;
  /** First and last day reported on ("YYYY-MM-DD", inclusive). */
  from: string;
  to: string;
  /** The day the units' reports are due ("YYYY-MM-DD"). */
  due: string;
}

export interface PeriodDeadline extends DeadlineRow {
  code: string;
  title: string;
}

const KEY_RE = /^(\d{4})(?:-(Q1|H1|Q3))?$/i;

function isPeriodCode(code: string): code is PeriodCode {
  return Object.hasOwn(KEY_SUFFIX, code);
}

/** "2027-q1" / "2027-Q1" → { year: 2027, code: "q1" }; "2027" → the year report; else null. */
export function parsePeriodKey(text: string): PeriodId | null {
  const m = KEY_RE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const code = (m[2] ?? "year").toLowerCase();
  return isPeriodCode(code) ? { year, code } : null;
}

export function periodKey(id: PeriodId): string {
  const suffix = KEY_SUFFIX[id.code];
  return suffix ? `${id.year}-${suffix}` : String(id.year);
}

/** The period of one deadline row in one year. */
export function periodOf(d: PeriodDeadline, year: number): Period | null {
  if (!isPeriodCode(d.code)) return null;
  return {
    year,
    code: d.code,
    key: periodKey({ year, code: d.code }),
    title: d.title,
    from: `${year}-${d.periodFrom}`,
    to: `${year}-${d.periodTo}`,
    due: `${year}-${d.dueMonthDay}`,
  };
}

/**
 * The period a unit is reporting on today: the one whose deadline comes next (on or after
 * `today`), earliest first when two fall on one day. Null when the office keeps no active
 * deadline of the plan's kinds.
 */
export function currentPeriod(deadlines: readonly PeriodDeadline[], today: string): Period | null {
  let best: Period | null = null;
  for (const d of deadlines) {
    const next = upcomingDeadline(d, today);
    const p = periodOf(d, Number(next.date.slice(0, 4)));
    if (p && (!best || p.due < best.due)) best = p;
  }
  return best;
}

/** Every period of the active deadlines whose due day is within [from, to], by due day. */
export function periodsDueBetween(deadlines: readonly PeriodDeadline[], from: string, to: string): Period[] {
  const out: Period[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const d of deadlines) {
      const p = periodOf(d, year);
      if (p && p.due >= from && p.due <= to) out.push(p);
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.from < b.from ? -1 : 1));
}

/** The instant the period's figures are taken at: its end, or `now` while it runs. */
export function periodAsOf(p: Period, now: Date, timeZone: string): Date {
  const end = new Date(atLocal(addDays(p.to, 1), "00:00", timeZone).getTime() - 1);
  return end.getTime() < now.getTime() ? end : now;
}

/** The first instant of the period, in the deployment's zone. */
export function periodStart(p: Period, timeZone: string): Date {
  return atLocal(p.from, "00:00", timeZone);
}

export async function activeDeadlines(db: Db): Promise<PeriodDeadline[]> {
  return db.reportDeadline.findMany({ where: { active: true }, orderBy: { id: "asc" } });
}

/** A typed key resolved against the office's deadlines; null when unknown or inactive. */
export async function resolvePeriod(db: Db, key: string): Promise<Period | null> {
  const id = parsePeriodKey(key);
  if (!id) return null;
  const row = (await activeDeadlines(db)).find((d) => d.code === id.code);
  return row ? periodOf(row, id.year) : null;
}
