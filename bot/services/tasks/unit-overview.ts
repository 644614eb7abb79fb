// A unit at a glance (/donvi, the heads' digest): its tasks with the unit's own latest
// progress, who has not reported lately, and the unit's overall completion.
import type { Db } from "../../db/client.js";
import type { DbOrTx } from "../../delivery/outbox.js";
import { seesUnit } from "../roles.js";
import { getSetting } from "../settings.js";
import type { Viewer } from "./access.js";
import { compareTaskCodes } from "./codes.js";
import { describeTasks, lineFields, type TaskEnv, type TaskLine } from "./queries.js";

/** A task as /donvi lists it: the unit's own progress, and the unit's part in the task. */
export interface UnitTaskLine extends Omit<TaskLine, "group"> {
  role: "lead" | "coord";
}

export interface StaleReporter {
  staffId: number;
  fullName: string;
  lastReportAt: Date | null;
}

export interface Completion {
  /** Mean progress of the tasks the unit leads (a closed task counts 100%). */
  percent: number;
  done: number;
  total: number;
}

export interface UnitOverview {
  unit: { id: number; code: string; name: string };
  tasks: UnitTaskLine[];
  completion: Completion | null;
  staleDays: number;
  stale: StaleReporter[];
}

export const DAY_MS = 86_400_000;

/** Units the viewer may open in /donvi: their own for a head, every staff unit for the department. */
export async function viewableUnits(db: Db, viewer: Viewer) {
  const units = await db.unit.findMany({
    where: { active: true, kind: { not: "external" } },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, code: true, name: true, shortName: true },
  });
  return units.filter((u) => seesUnit(viewer, u.id));
}

/**
 * Active staff of a unit with no report since `now - days`, never-reporters first. Only
 * people with something to report on count: their unit leads or coordinates an open task,
 * or an open task is assigned to them (Ban Giám đốc, with no task, is never "stale").
 */
export async function staleReporters(db: DbOrTx, unitId: number, now: Date, days: number): Promise<StaleReporter[]> {
  const unitHasTasks = (await db.task.count({ where: { status: "open", units: { some: { unitId } } } })) > 0;
  const staff = await db.staff.findMany({
    where: { unitId, active: true, ...(unitHasTasks ? {} : { taskAssignments: { some: { task: { status: "open" } } } }) },
    select: { id: true, fullName: true, code: true },
    orderBy: { code: "asc" },
  });
  if (staff.length === 0) return [];
  const last = await db.progressReport.groupBy({ by: ["staffId"], where: { staffId: { in: staff.map((s) => s.id) } }, _max: { createdAt: true } });
  const lastBy = new Map(last.map((l) => [l.staffId, l._max.createdAt]));
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  return staff
    .map((s) => ({ staffId: s.id, fullName: s.fullName, lastReportAt: lastBy.get(s.id) ?? null }))
    .filter((s) => s.lastReportAt === null || s.lastReportAt < cutoff)
    .sort((a, b) => (a.lastReportAt?.getTime() ?? -1) - (b.lastReportAt?.getTime() ?? -1));
}

export function completionOf(lines: { role: string; status: string; percent: number | null }[]): Completion | null {
  const led = lines.filter((l) => l.role === "lead");
  if (led.length === 0) return null;
  const values = led.map((l) => (l.status === "closed" ? 100 : (l.percent ?? 0)));
  return {
    percent: Math.round(values.reduce((a, b) => a + b, 0) / led.length),
    done: values.filter((v) => v >= 100).length,
    total: led.length,
  };
}

export async function unitTaskLines(env: TaskEnv, unitId: number): Promise<UnitTaskLine[]> {
  const rows = await env.db.task.findMany({
    where: { units: { some: { unitId } } },
    select: { id: true, code: true, title: true, dueDate: true, recurring: true, status: true, units: { select: { unitId: true, role: true } } },
  });
  const described = await describeTasks(env, rows, unitId);
  return described
    .map(
      (r): UnitTaskLine => ({ ...lineFields(r), role: r.units.some((u) => u.unitId === unitId && u.role === "lead") ? "lead" : "coord" }),
    )
    .sort((a, b) => (a.role === b.role ? 0 : a.role === "lead" ? -1 : 1) || compareTaskCodes(a.code, b.code));
}

export async function unitOverview(
  env: TaskEnv & { now: Date },
  viewer: Viewer,
  unitId: number,
): Promise<{ ok: true; overview: UnitOverview } | { ok: false; reason: "not_found" | "forbidden" }> {
  const unit = Number.isSafeInteger(unitId) ? await env.db.unit.findUnique({ where: { id: unitId }, select: { id: true, code: true, name: true } }) : null;
  if (!unit) return { ok: false, reason: "not_found" };
  if (!seesUnit(viewer, unit.id)) return { ok: false, reason: "forbidden" };
  const staleDays = await getSetting(env.db, "tasks.staleReportDays");
  const tasks = await unitTaskLines(env, unit.id);
  const stale = await staleReporters(env.db, unit.id, env.now, staleDays);
  return { ok: true, overview: { unit, tasks, completion: completionOf(tasks), staleDays, stale } };
}
