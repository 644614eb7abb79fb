// On-time figures for a period, per unit and for the department (what provinces are ranked
// on): dossiers received in the period, results returned on time and late in the period, and
// the dossiers still open at the end of the period (or now, for a period not over yet), with
// how many of them were overdue then. The on-time rate is on time / (on time + late).
import type { Db } from "../../db/client.js";
import { addDays, type IsoDate, toLocalDate, type WorkingCalendar } from "../calendar/index.js";
import { atLocal } from "../time.js";
import { effectiveDueDate } from "./deadline.js";

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export interface DossierFigures {
  received: number;
  onTime: number;
  late: number;
  cancelled: number;
  open: number;
  openOverdue: number;
  /** onTime / (onTime + late), between 0 and 1; null when nothing was returned. */
  onTimeRate: number | null;
}

export interface UnitFigures {
  unitId: number;
  unitName: string;
  figures: DossierFigures;
}

export interface FiguresReport {
  period: Period;
  /** The instant "open" and "overdue" are counted at: the end of the period, or now. */
  asOf: Date;
  department: DossierFigures;
  units: UnitFigures[];
}

function empty(): DossierFigures {
  return { received: 0, onTime: 0, late: 0, cancelled: 0, open: 0, openOverdue: 0, onTimeRate: null };
}

function withRate(f: DossierFigures): DossierFigures {
  const returned = f.onTime + f.late;
  return { ...f, onTimeRate: returned ? f.onTime / returned : null };
}

export async function dossierFigures(
  db: Db,
  calendar: WorkingCalendar,
  period: Period,
  opts: { now: Date; timeZone: string; unitId?: number },
): Promise<FiguresReport> {
  if (period.to < period.from) throw new RangeError(`period ends (${period.to}) before it starts (${period.from})`);
  const tz = calendar.tzOffsetMinutes;
  const endOfPeriod = atLocal(addDays(period.to, 1), "00:00", opts.timeZone);
  const asOf = endOfPeriod < opts.now ? endOfPeriod : opts.now;
  const asOfDate = endOfPeriod < opts.now ? period.to : toLocalDate(opts.now, tz);
  const rows = await db.dossier.findMany({
    where: { receivedAt: { lt: endOfPeriod }, ...(opts.unitId !== undefined ? { unitId: opts.unitId } : {}) },
    select: {
      unitId: true,
      status: true,
      receivedAt: true,
      returnedAt: true,
      dueAt: true,
      pausedWorkingDays: true,
      unit: { select: { name: true, sortOrder: true } },
      history: { where: { toStatus: "da_huy" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
    },
  });
  const department = empty();
  const byUnit = new Map<number, { name: string; order: number; figures: DossierFigures }>();
  const inPeriod = (d: IsoDate) => d >= period.from && d <= period.to;
  for (const d of rows) {
    const unitKey = d.unitId ?? 0;
    let unit = byUnit.get(unitKey);
    if (!unit) byUnit.set(unitKey, (unit = { name: d.unit?.name ?? "", order: d.unit?.sortOrder ?? 9999, figures: empty() }));
    const add = (k: keyof DossierFigures) => {
      (department[k] as number)++;
      (unit.figures[k] as number)++;
    };
    if (inPeriod(toLocalDate(d.receivedAt, tz))) add("received");
    const returnedDate = d.returnedAt ? toLocalDate(d.returnedAt, tz) : null;
    if (returnedDate && inPeriod(returnedDate)) {
      if (d.status === "da_tra_dung_han") add("onTime");
      else if (d.status === "da_tra_tre_han") add("late");
    }
    const cancelledAt = d.status === "da_huy" ? (d.history[0]?.at ?? d.receivedAt) : null;
    if (cancelledAt && inPeriod(toLocalDate(cancelledAt, tz))) add("cancelled");
    const closedBy = (d.returnedAt && d.returnedAt <= asOf) || (cancelledAt && cancelledAt <= asOf);
    if (d.receivedAt <= asOf && !closedBy) {
      add("open");
      // A dossier waiting for the applicant right now has no running clock.
      if (d.status !== "cho_bo_sung" && effectiveDueDate(calendar, d) < asOfDate) add("openOverdue");
    }
  }
  const units = [...byUnit.entries()]
    .sort((a, b) => a[1].order - b[1].order || a[1].name.localeCompare(b[1].name, "vi"))
    .map(([unitId, u]) => ({ unitId, unitName: u.name, figures: withRate(u.figures) }));
  return { period, asOf, department: withRate(department), units };
}

/** "87,5%" / "87.5%": a rate for people, in their language. */
export function formatRate(rate: number | null, locale: "vi" | "en"): string {
  if (rate === null) return "—";
  return `${new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 }).format(rate * 100)}%`;
}
