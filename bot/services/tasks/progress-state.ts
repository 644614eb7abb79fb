// The latest progress of tasks, read from the report history (reports are never changed,
// so "latest" is the last one in time, then in id for reports of the same instant).
//
// A task led by several units (section III of the 2021 plan names all four) is carried out
// by each of them in its own unit, so progress is kept per unit: a unit sees its own latest
// report; the department sees the mean of the lead units.
import type { Db } from "../../db/client.js";
import type { DbOrTx } from "../../delivery/outbox.js";
import { Prisma } from "../../../prisma/generated/sqlite/client.js";
import { queryRows } from "../../db/direct-sql.js";
import { inChunks } from "../chunks.js";

export interface LatestReport {
  id: number;
  percent: number;
  at: Date;
  staffId: number;
  unitId: number | null;
}

export interface TaskProgress {
  /** Latest report per unit (the reporter's unit when reporting). */
  byUnit: Map<number, LatestReport>;
  /** Latest report on the task, by anyone. */
  latest: LatestReport | null;
}

export const NO_PROGRESS: TaskProgress = Object.freeze({ byUnit: new Map(), latest: null }) as TaskProgress;

type TaskWhere = NonNullable<Parameters<Db["task"]["findMany"]>[0]>["where"];

type ProgressRow = { taskId: number; unitId: number; reportId: number; staffId: number; percent: number; reportedAt: Date };

function collect(rows: ProgressRow[], out: Map<number, TaskProgress>) {
  for (const r of rows) {
    let p = out.get(r.taskId);
    if (!p) out.set(r.taskId, (p = { byUnit: new Map(), latest: null }));
    const rep: LatestReport = { id: r.reportId, percent: r.percent, at: r.reportedAt, staffId: r.staffId, unitId: r.unitId === ANY_UNIT ? null : r.unitId };
    if (r.unitId === ANY_UNIT) p.latest = rep;
    else p.byUnit.set(r.unitId, rep);
  }
}

/** The TaskProgress row of a task's latest report by anyone (the others are per unit). */
export const ANY_UNIT = 0;

/**
 * Latest reports of the given tasks (a page, one task), from the rows the database keeps up
 * to date on every report (TaskProgress): one row per task and unit, whatever the history.
 */
export async function loadProgress(db: DbOrTx, taskIds: number[]): Promise<Map<number, TaskProgress>> {
  const out = new Map<number, TaskProgress>();
  // Plain SQL on the driver adapter (direct-sql.ts): read on every page of /nhiemvu, where
  // Prisma's own cost per call dominates.
  collect(
    await inChunks(taskIds, (ids) =>
      queryRows<ProgressRow>(db, Prisma.sql`SELECT "taskId", "unitId", "reportId", "staffId", "percent", "reportedAt" FROM "TaskProgress" WHERE "taskId" IN (${Prisma.join(ids)})`),
    ),
    out,
  );
  return out;
}

/** Latest reports of every task matching a filter (a unit's tasks, the department's), in one query. */
export async function loadProgressWhere(db: DbOrTx, where: TaskWhere): Promise<Map<number, TaskProgress>> {
  const out = new Map<number, TaskProgress>();
  collect(await db.taskProgress.findMany({ where: { task: where ?? {} } }), out);
  return out;
}

export interface ShownProgress {
  percent: number;
  at: Date;
}

/**
 * The progress a viewer sees: their unit's own when the task names their unit; otherwise
 * the task's: the mean of the lead units when there are several (a unit without a report
 * counts 0), else the latest report. null: nothing reported yet.
 */
export function shownProgress(
  task: { units: { unitId: number; role: string }[] },
  progress: TaskProgress,
  scopeUnitId: number | null,
): ShownProgress | null {
  if (scopeUnitId !== null && task.units.some((u) => u.unitId === scopeUnitId)) {
    const r = progress.byUnit.get(scopeUnitId);
    return r ? { percent: r.percent, at: r.at } : null;
  }
  const leads = [...new Set(task.units.filter((u) => u.role === "lead").map((u) => u.unitId))];
  if (leads.length >= 2) {
    const reports = leads.map((u) => progress.byUnit.get(u));
    const present = reports.filter((r): r is LatestReport => r !== undefined);
    if (present.length === 0) return null;
    const mean = Math.round(reports.reduce((sum, r) => sum + (r?.percent ?? 0), 0) / leads.length);
    const at = present.reduce((m, r) => (r.at > m ? r.at : m), present[0]!.at);
    return { percent: mean, at };
  }
  return progress.latest ? { percent: progress.latest.percent, at: progress.latest.at } : null;
}

/** What a new report is compared with ("lower than the last report"): what its author sees. */
export function baselineReport(task: { units: { unitId: number }[] }, progress: TaskProgress, reporterUnitId: number): LatestReport | null {
  if (task.units.some((u) => u.unitId === reporterUnitId)) return progress.byUnit.get(reporterUnitId) ?? null;
  return progress.latest;
}
