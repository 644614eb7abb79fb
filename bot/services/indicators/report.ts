// A period's indicators as a person may see them: the department's for everyone bound; a
// unit's (its measured figures) for the head of that unit, and for the office and the
// department's leaders for any unit. Each with the plan's target, its value, and where the
// value comes from (the bot's data as of a date, or the office's source and date).
import type { Db } from "../../db/client.js";
import type { WorkingCalendar } from "../calendar/index.js";
import { periodFigures } from "../reports/figures.js";
import { activeDeadlines, currentPeriod, type Period, periodAsOf, resolvePeriod } from "../reports/periods.js";
import { seesAllUnits, seesUnit } from "../roles.js";
import { localParts } from "../time.js";
import { INDICATORS, type Indicator } from "./catalog.js";
import { type EnteredValue, enteredValues, unitCount } from "./values.js";

export interface IndicatorViewer {
  staffId: number;
  role: string;
  unitId: number;
}

export interface IndicatorDeps {
  db: Db;
  timeZone: string;
  calendar: WorkingCalendar;
}

export interface IndicatorRow {
  indicator: Indicator;
  /** The value in percent (0–100), for the bar and the comparison; null when there is none yet. */
  percent: number | null;
  /** Measured, or a count of units: numerator / denominator. */
  ratio: { numerator: number; denominator: number } | null;
  /** The office's entry, for an entered indicator that has one. */
  entered: EnteredValue | null;
  /** The target is met (null: no target, or no value). */
  met: boolean | null;
}

export interface IndicatorReport {
  period: Period;
  asOf: Date;
  /** "YYYY-MM-DD" of asOf, in the deployment's zone. */
  asOfDate: string;
  unit: { id: number; name: string } | null;
  rows: IndicatorRow[];
}

export type ReportResult = { ok: true; report: IndicatorReport } | { ok: false; reason: "unknownPeriod" | "noPeriod" | "forbidden" | "unknownUnit" };

/** The units a viewer may pick: every staff unit for the department's roles, their own for a head. */
export async function pickableUnits(db: Db, viewer: IndicatorViewer): Promise<{ id: number; name: string; shortName: string | null }[]> {
  if (!seesAllUnits(viewer.role) && viewer.role !== "truong_phong") return [];
  const units = await db.unit.findMany({
    where: { active: true, kind: "internal", ...(seesAllUnits(viewer.role) ? {} : { id: viewer.unitId }) },
    select: { id: true, name: true, shortName: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  return units;
}

/** The period named by `key`, or the one reported on now (the next deadline's). */
export async function periodFor(db: Db, key: string | undefined, now: Date, timeZone: string): Promise<Period | "unknownPeriod" | "noPeriod"> {
  if (key) return (await resolvePeriod(db, key)) ?? "unknownPeriod";
  return currentPeriod(await activeDeadlines(db), localParts(now, timeZone).date) ?? "noPeriod";
}

function percentOf(n: number, d: number): number | null {
  return d > 0 ? (n / d) * 100 : null;
}

export async function indicatorReport(
  deps: IndicatorDeps,
  viewer: IndicatorViewer,
  opts: { period?: string; unitId?: number; now: Date },
): Promise<ReportResult> {
  const { db, timeZone } = deps;
  let unit: IndicatorReport["unit"] = null;
  if (opts.unitId !== undefined) {
    if (!seesUnit(viewer, opts.unitId)) return { ok: false, reason: "forbidden" };
    const row = await db.unit.findFirst({ where: { id: opts.unitId, active: true, kind: "internal" }, select: { id: true, name: true } });
    if (!row) return { ok: false, reason: "unknownUnit" };
    unit = row;
  }
  const period = await periodFor(db, opts.period, opts.now, timeZone);
  if (typeof period === "string") return { ok: false, reason: period };
  const asOf = periodAsOf(period, opts.now, timeZone);
  const [figures, entered, units] = await Promise.all([
    periodFigures(db, period, asOf, unit ? { unitId: unit.id } : undefined, { timeZone, calendar: deps.calendar }),
    unit ? Promise.resolve(new Map<string, EnteredValue>()) : enteredValues(db, period.key),
    unitCount(db),
  ]);
  const rows: IndicatorRow[] = [];
  for (const indicator of INDICATORS) {
    let ratio: IndicatorRow["ratio"] = null;
    let percent: number | null = null;
    let entry: EnteredValue | null = null;
    if (indicator.origin === "measured") {
      ratio = indicator.measure(figures);
      percent = percentOf(ratio.numerator, ratio.denominator);
    } else {
      // Figures the office enters are the department's: a unit's page shows what is measured.
      if (unit) continue;
      entry = entered.get(indicator.key) ?? null;
      if (entry && indicator.kind === "unitCount") {
        ratio = { numerator: entry.value, denominator: units };
        percent = percentOf(entry.value, units);
      } else if (entry) percent = entry.value;
    }
    const met = indicator.target === null || percent === null ? null : percent >= indicator.target;
    rows.push({ indicator, percent, ratio, entered: entry, met });
  }
  return { ok: true, report: { period, asOf, asOfDate: localParts(asOf, timeZone).date, unit, rows } };
}
