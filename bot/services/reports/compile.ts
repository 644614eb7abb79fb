// Everything the department's compiled report on a period holds (the .docx and the .xlsx are
// two views of it): the department's and each unit's figures as of the period's asOf, each
// unit's tasks with their latest progress and note, its latest submission, and the period's
// security alerts one by one.
import type { Db } from "../../db/client.js";
import { getSetting } from "../settings.js";
import { type FigureEntry, figureEntries, fingerprintOf } from "./figure-changes.js";
import { type PeriodFigures, periodFigures, periodFiguresByUnit } from "./figures.js";
import { type Period, periodAsOf, periodStart } from "./periods.js";
import { type LatestSubmission, latestSubmissions, type ReportingUnit, reportingUnits } from "./submissions.js";
import { type TaskLine, taskLinesByUnit } from "./task-lines.js";

export interface AlertLine {
  id: number;
  severity: string;
  title: string;
  sentAt: Date;
  requireRemediation: boolean;
  recipients: number;
  read: number;
  remediationHandled: number;
  remediationTotal: number;
  /** Units that reported remediation by asOf. */
  remediationUnits: number;
}

export interface UnitSection {
  unit: ReportingUnit;
  figures: PeriodFigures;
  tasks: TaskLine[];
  submission: LatestSubmission | null;
}

export interface CompiledReport {
  period: Period;
  asOf: Date;
  generatedAt: Date;
  timeZone: string;
  agency: { parentName: string; name: string; place: string };
  department: PeriodFigures;
  units: UnitSection[];
  alerts: AlertLine[];
  entries: FigureEntry[];
  fingerprint: string;
}

/**
 * The period's alerts as figures.ts counts them (sent in [start, asOf], not cancelled by asOf),
 * each with its recipients, those who had read it by asOf, and the latest remediation each
 * unit had reported by asOf.
 */
export async function alertLines(db: Db, from: Date, asOf: Date): Promise<AlertLine[]> {
  const alerts = await db.securityAlert.findMany({
    where: { sentAt: { gte: from, lte: asOf }, OR: [{ cancelledAt: null }, { cancelledAt: { gt: asOf } }] },
    orderBy: [{ sentAt: "asc" }, { id: "asc" }],
    select: { id: true, severity: true, title: true, sentAt: true, requireRemediation: true },
  });
  const ids = alerts.map((a) => a.id);
  if (!ids.length) return [];
  const [recipients, read, remediations] = await Promise.all([
    db.alertRecipient.groupBy({ by: ["alertId"], where: { alertId: { in: ids } }, _count: { _all: true } }),
    db.alertRecipient.groupBy({ by: ["alertId"], where: { alertId: { in: ids }, ackAt: { lte: asOf } }, _count: { _all: true } }),
    db.alertRemediation.findMany({ where: { alertId: { in: ids }, createdAt: { lte: asOf } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const count = (rows: { alertId: number; _count: { _all: number } }[]) => new Map(rows.map((r) => [r.alertId, r._count._all]));
  const recipientsOf = count(recipients);
  const readOf = count(read);
  const latest = new Map<string, (typeof remediations)[number]>();
  for (const r of remediations) latest.set(`${r.alertId}:${r.unitId}`, r); // ascending: the last wins
  return alerts.map((a) => {
    const reports = [...latest.values()].filter((r) => r.alertId === a.id);
    return {
      id: a.id,
      severity: a.severity,
      title: a.title,
      sentAt: a.sentAt!,
      requireRemediation: a.requireRemediation,
      recipients: recipientsOf.get(a.id) ?? 0,
      read: readOf.get(a.id) ?? 0,
      remediationHandled: reports.reduce((s, r) => s + r.handled, 0),
      remediationTotal: reports.reduce((s, r) => s + r.total, 0),
      remediationUnits: reports.length,
    };
  });
}

export async function compileReport(db: Db, period: Period, now: Date, timeZone: string): Promise<CompiledReport> {
  const asOf = periodAsOf(period, now, timeZone);
  const units = await reportingUnits(db);
  const [department, byUnit, tasks, submissions, alerts, parentName, name, place] = await Promise.all([
    periodFigures(db, period, asOf, undefined, { timeZone }),
    periodFiguresByUnit(db, period, asOf, { timeZone }),
    taskLinesByUnit(db, asOf),
    latestSubmissions(db, period.key),
    alertLines(db, periodStart(period, timeZone), asOf),
    getSetting(db, "agency.parentName"),
    getSetting(db, "agency.name"),
    getSetting(db, "agency.place"),
  ]);
  const sections: UnitSection[] = [];
  for (const unit of units) {
    const figures = byUnit.get(unit.id) ?? (await periodFigures(db, period, asOf, { unitId: unit.id }, { timeZone }));
    sections.push({ unit, figures, tasks: tasks.get(unit.id) ?? [], submission: submissions.get(unit.id) ?? null });
  }
  const entries = figureEntries([
    { scope: "", scopeName: "", figures: department },
    ...sections.map((s) => ({ scope: s.unit.code, scopeName: s.unit.shortName ?? s.unit.name, figures: s.figures, tasks: s.tasks })),
  ]);
  return {
    period,
    asOf,
    generatedAt: now,
    timeZone,
    agency: { parentName, name, place },
    department,
    units: sections,
    alerts,
    entries,
    fingerprint: fingerprintOf(entries),
  };
}
