// A period's measured figures, for the department or one unit: the one source of the numbers
// in /nopbaocao, /baocaoky (the .docx and .xlsx) and /chiso (text and chart).
//
// Everything is taken "as of" an instant `asOf` (periodAsOf: the period's end, or now while it
// runs), from rows whose own instant is at or before it, so a report re-generated later gives
// the same numbers unless that period's data changed. S is the period's first instant
// (periodStart) in the deployment's zone; the asOf day is asOf's local date.
//
// Dossiers (the one-stop system's, per the dossier's unit; the department counts every dossier,
//   with or without a unit). These are exactly /hoso's figures (dossiers/figures.ts):
//   - received: receivedAt in [S, asOf];
//   - handled: the result was returned (da_tra_dung_han | da_tra_tre_han) with returnedAt in
//     [S, asOf]; handledOnTime / handledLate: by that status (the one-stop system's verdict, or
//     the importer's from the return date and the due date after the applicant's waits);
//   - pending: received by asOf and not yet returned or cancelled at asOf;
//   - overdue: pending, not waiting for the applicant (chờ bổ sung), and past its effective due
//     day (working days, waits added: dossiers/deadline.ts) on the asOf day;
//   - onTimeRate = handledOnTime / handled (null when nothing was handled).
// Tasks (the plan's tasks created by asOf; a unit's: those it leads or coordinates):
//   - progress of a task = the percent of its latest ProgressReport with createdAt ≤ asOf, by
//     anyone for the department, by the unit's own staff for a unit (as /donvi shows it);
//   - done: closed by asOf (closedAt ≤ asOf), or progress 100; inProgress: progress 1–99;
//     notStarted: no report by asOf, or 0;
//   - overdue: not done, and its due day (recurring tasks have none) is before the asOf day;
//   - completionRate = done / total (null when there is no task).
// Alerts (security alerts sent in [S, asOf], not cancelled by asOf; a unit's: those with a
//   recipient in the unit, counting only that unit's recipients, by their unit when sent):
//   - recipients: AlertRecipient rows; read: ackAt ≤ asOf; readRate = read / recipients;
//   - remediation: per (alert, unit) the latest AlertRemediation with createdAt ≤ asOf, its
//     handled and total summed (alerts that asked for no remediation have no reports).
// Tips (a unit's: its current staff's):
//   - tipsSent: TipDelivery with `at` in [S, asOf]; quizAnswers: QuizAnswer in [S, asOf];
//     participants: distinct staff who answered; correctRate = correct / quizAnswers.
//
// Counting is by grouped queries (GROUP BY unit) and thin reads of the few rows whose state
// needs history (latest reports), whatever the number of units.
import type { Prisma } from "../../../prisma/generated/sqlite/client.js";
import type { Db } from "../../db/client.js";
import { toLocalDate, type WorkingCalendar } from "../calendar/index.js";
import { dossierFigures } from "../dossiers/figures.js";
import { zoneOffsetMinutes } from "../time.js";
import { loadWorkingCalendar } from "../working-calendar.js";
import { type Period, periodStart } from "./periods.js";

export interface DossierFigures {
  received: number;
  handled: number;
  handledOnTime: number;
  handledLate: number;
  pending: number;
  overdue: number;
  /** handledOnTime / handled, null when handled = 0 */
  onTimeRate: number | null;
}

export interface TaskFigures {
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  /** done / total, null when total = 0 */
  completionRate: number | null;
}

export interface AlertFigures {
  alerts: number;
  recipients: number;
  read: number;
  /** read / recipients */
  readRate: number | null;
  remediationHandled: number;
  remediationTotal: number;
}

export interface TipFigures {
  tipsSent: number;
  quizAnswers: number;
  participants: number;
  correctRate: number | null;
}

export interface PeriodFigures {
  period: Period;
  asOf: Date;
  /** null = the whole department */
  unitId: number | null;
  dossiers: DossierFigures;
  tasks: TaskFigures;
  alerts: AlertFigures;
  tips: TipFigures;
}

export interface FigureOptions {
  /** The deployment's zone (config.timezone); Asia/Ho_Chi_Minh by default. */
  timeZone?: string;
  /** The department's working calendar (overdue dossiers); loaded from the database by default. */
  calendar?: WorkingCalendar;
}

const DEFAULT_TZ = "Asia/Ho_Chi_Minh";
/** The key the department's sums are kept under in the per-unit maps. */
const DEPT = -1;

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

function emptyDossiers(): DossierFigures {
  return { received: 0, handled: 0, handledOnTime: 0, handledLate: 0, pending: 0, overdue: 0, onTimeRate: null };
}
function emptyTasks(): TaskFigures {
  return { total: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0, completionRate: null };
}
function emptyAlerts(): AlertFigures {
  return { alerts: 0, recipients: 0, read: 0, readRate: null, remediationHandled: 0, remediationTotal: 0 };
}
interface TipCounts extends TipFigures {
  correct: number;
}
function emptyTips(): TipCounts {
  return { tipsSent: 0, quizAnswers: 0, participants: 0, correctRate: null, correct: 0 };
}

interface Context {
  db: Db;
  period: Period;
  asOf: Date;
  start: Date;
  asOfDay: string;
  timeZone: string;
  calendar: WorkingCalendar;
  /** Only this unit; undefined = the department and every unit. */
  unitId?: number;
}

function getOr<T>(m: Map<number, T>, k: number, make: () => T): T {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

async function dossiersByUnit(c: Context): Promise<Map<number, DossierFigures>> {
  // dossierFigures counts "as of" min(period end, now): handing it asOf as now gives asOf.
  const r = await dossierFigures(c.db, c.calendar, c.period, { now: c.asOf, timeZone: c.timeZone, ...(c.unitId !== undefined ? { unitId: c.unitId } : {}) });
  const out = new Map<number, DossierFigures>();
  const convert = (f: (typeof r)["department"]): DossierFigures => ({
    received: f.received,
    handled: f.onTime + f.late,
    handledOnTime: f.onTime,
    handledLate: f.late,
    pending: f.open,
    overdue: f.openOverdue,
    onTimeRate: ratio(f.onTime, f.onTime + f.late),
  });
  out.set(DEPT, convert(r.department));
  for (const u of r.units) out.set(u.unitId, convert(u.figures));
  return out;
}

type TaskState = "done" | "inProgress" | "notStarted";

async function tasksByUnit(c: Context): Promise<Map<number, TaskFigures>> {
  const scope: Prisma.TaskWhereInput = { createdAt: { lte: c.asOf }, ...(c.unitId !== undefined ? { units: { some: { unitId: c.unitId } } } : {}) };
  const tasks = await c.db.task.findMany({
    where: scope,
    select: { id: true, dueDate: true, status: true, closedAt: true, units: { select: { unitId: true } } },
  });
  const ids = tasks.map((t) => t.id);
  // Latest report ≤ asOf per task and per (task, unit): reports are read thin, oldest first.
  const reports = ids.length
    ? await c.db.progressReport.findMany({
        where: { taskId: { in: ids }, createdAt: { lte: c.asOf }, ...(c.unitId !== undefined ? { unitId: c.unitId } : {}) },
        select: { taskId: true, unitId: true, percent: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    : [];
  const latestByTask = new Map<number, number>();
  const latestByTaskUnit = new Map<string, number>();
  for (const r of reports) {
    latestByTask.set(r.taskId, r.percent);
    if (r.unitId !== null) latestByTaskUnit.set(`${r.taskId}:${r.unitId}`, r.percent);
  }
  const out = new Map<number, TaskFigures>();
  const count = (key: number, state: TaskState, overdueDue: boolean) => {
    const f = getOr(out, key, emptyTasks);
    f.total++;
    f[state]++;
    if (state !== "done" && overdueDue) f.overdue++;
  };
  const stateOf = (closed: boolean, percent: number | undefined): TaskState =>
    closed || percent === 100 ? "done" : percent !== undefined && percent > 0 ? "inProgress" : "notStarted";
  for (const t of tasks) {
    const closed = t.status === "closed" && t.closedAt !== null && t.closedAt <= c.asOf;
    const overdueDue = t.dueDate !== null && t.dueDate < c.asOfDay;
    if (c.unitId === undefined) count(DEPT, stateOf(closed, latestByTask.get(t.id)), overdueDue);
    for (const unitId of new Set(t.units.map((u) => u.unitId))) {
      if (c.unitId !== undefined && unitId !== c.unitId) continue;
      count(unitId, stateOf(closed, latestByTaskUnit.get(`${t.id}:${unitId}`)), overdueDue);
    }
  }
  for (const f of out.values()) f.completionRate = ratio(f.done, f.total);
  return out;
}

async function alertsByUnit(c: Context): Promise<Map<number, AlertFigures>> {
  const alertWhere: Prisma.SecurityAlertWhereInput = {
    sentAt: { gte: c.start, lte: c.asOf },
    OR: [{ cancelledAt: null }, { cancelledAt: { gt: c.asOf } }],
  };
  const recipientScope: Prisma.AlertRecipientWhereInput = { alert: alertWhere, ...(c.unitId !== undefined ? { unitId: c.unitId } : {}) };
  const [recipients, read, alertUnits, alertsTotal, remediations] = await Promise.all([
    c.db.alertRecipient.groupBy({ by: ["unitId"], where: recipientScope, _count: { _all: true } }),
    c.db.alertRecipient.groupBy({ by: ["unitId"], where: { ...recipientScope, ackAt: { lte: c.asOf } }, _count: { _all: true } }),
    c.db.alertRecipient.groupBy({ by: ["unitId", "alertId"], where: recipientScope }),
    c.unitId === undefined ? c.db.securityAlert.count({ where: alertWhere }) : Promise.resolve(0),
    c.db.alertRemediation.findMany({
      where: { alert: alertWhere, createdAt: { lte: c.asOf }, ...(c.unitId !== undefined ? { unitId: c.unitId } : {}) },
      select: { alertId: true, unitId: true, handled: true, total: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const out = new Map<number, AlertFigures>();
  const dept = c.unitId === undefined ? getOr(out, DEPT, emptyAlerts) : null;
  if (dept) dept.alerts = alertsTotal;
  for (const g of recipients) {
    if (dept) dept.recipients += g._count._all;
    if (g.unitId !== null) getOr(out, g.unitId, emptyAlerts).recipients += g._count._all;
  }
  for (const g of read) {
    if (dept) dept.read += g._count._all;
    if (g.unitId !== null) getOr(out, g.unitId, emptyAlerts).read += g._count._all;
  }
  for (const g of alertUnits) if (g.unitId !== null) getOr(out, g.unitId, emptyAlerts).alerts++;
  const latest = new Map<string, { unitId: number; handled: number; total: number }>();
  for (const r of remediations) latest.set(`${r.alertId}:${r.unitId}`, r);
  for (const r of latest.values()) {
    for (const f of dept ? [dept, getOr(out, r.unitId, emptyAlerts)] : [getOr(out, r.unitId, emptyAlerts)]) {
      f.remediationHandled += r.handled;
      f.remediationTotal += r.total;
    }
  }
  for (const f of out.values()) f.readRate = ratio(f.read, f.recipients);
  return out;
}

async function tipsByUnit(c: Context): Promise<Map<number, TipFigures>> {
  const inPeriod = { gte: c.start, lte: c.asOf };
  const staffScope = c.unitId !== undefined ? { staff: { unitId: c.unitId } } : {};
  const [deliveries, answers, staff] = await Promise.all([
    c.db.tipDelivery.groupBy({ by: ["staffId"], where: { at: inPeriod, ...staffScope }, _count: { _all: true } }),
    c.db.quizAnswer.groupBy({ by: ["staffId", "correct"], where: { at: inPeriod, ...staffScope }, _count: { _all: true } }),
    c.db.staff.findMany({ where: c.unitId !== undefined ? { unitId: c.unitId } : {}, select: { id: true, unitId: true } }),
  ]);
  const unitOf = new Map(staff.map((s) => [s.id, s.unitId]));
  const out = new Map<number, TipCounts>();
  const targets = (staffId: number): TipCounts[] => {
    const unitId = unitOf.get(staffId);
    const list = unitId !== undefined ? [getOr(out, unitId, emptyTips)] : [];
    if (c.unitId === undefined) list.push(getOr(out, DEPT, emptyTips));
    return list;
  };
  for (const g of deliveries) for (const f of targets(g.staffId)) f.tipsSent += g._count._all;
  const answered = new Set<number>();
  for (const g of answers) {
    const first = !answered.has(g.staffId);
    answered.add(g.staffId);
    for (const f of targets(g.staffId)) {
      f.quizAnswers += g._count._all;
      if (g.correct) f.correct += g._count._all;
      if (first) f.participants++;
    }
  }
  const result = new Map<number, TipFigures>();
  for (const [k, { correct, ...f }] of out) result.set(k, { ...f, correctRate: ratio(correct, f.quizAnswers) });
  return result;
}

async function context(db: Db, period: Period, asOf: Date, opts: FigureOptions, unitId?: number): Promise<Context> {
  const timeZone = opts.timeZone ?? DEFAULT_TZ;
  return {
    db,
    period,
    asOf,
    start: periodStart(period, timeZone),
    asOfDay: toLocalDate(asOf, zoneOffsetMinutes(timeZone, asOf)),
    timeZone,
    calendar: opts.calendar ?? (await loadWorkingCalendar(db, timeZone)),
    ...(unitId !== undefined ? { unitId } : {}),
  };
}

async function collect(c: Context) {
  const [dossiers, tasks, alerts, tips] = await Promise.all([dossiersByUnit(c), tasksByUnit(c), alertsByUnit(c), tipsByUnit(c)]);
  return (key: number, unitId: number | null): PeriodFigures => ({
    period: c.period,
    asOf: c.asOf,
    unitId,
    dossiers: dossiers.get(key) ?? emptyDossiers(),
    tasks: tasks.get(key) ?? emptyTasks(),
    alerts: alerts.get(key) ?? emptyAlerts(),
    tips: tips.get(key) ?? (({ correct: _, ...f }) => f)(emptyTips()),
  });
}

/** The department's figures, or one unit's (tasks the unit leads or coordinates; dossiers of the unit; alerts to its staff). */
export async function periodFigures(db: Db, period: Period, asOf: Date, scope?: { unitId: number }, opts: FigureOptions = {}): Promise<PeriodFigures> {
  const c = await context(db, period, asOf, opts, scope?.unitId);
  const pick = await collect(c);
  return scope ? pick(scope.unitId, scope.unitId) : pick(DEPT, null);
}

/** Every active internal unit's figures, computed with grouped queries (not one query set per unit). */
export async function periodFiguresByUnit(db: Db, period: Period, asOf: Date, opts: FigureOptions = {}): Promise<Map<number, PeriodFigures>> {
  const [c, units] = await Promise.all([
    context(db, period, asOf, opts),
    db.unit.findMany({ where: { active: true, kind: "internal" }, select: { id: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
  ]);
  const pick = await collect(c);
  return new Map(units.map((u) => [u.id, pick(u.id, u.id)]));
}
