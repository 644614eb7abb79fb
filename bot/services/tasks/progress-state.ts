// The latest progress of tasks, read from the report history (reports are never changed,
// so "latest" is the last one in time, then in id for reports of the same instant).
//
// A task led by several units (section III of the 2021 plan names all four) is carried out
// by each of them in its own unit, so progress is kept per unit: a unit sees its own latest
// report; the department sees the mean of the lead units.
import type { DbOrTx } from "../../delivery/outbox.js";

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

/** Latest reports of the given tasks. */
export async function loadProgress(db: DbOrTx, taskIds: number[]): Promise<Map<number, TaskProgress>> {
  const out = new Map<number, TaskProgress>();
  if (taskIds.length === 0) return out;
  const rows = await db.progressReport.findMany({
    where: { taskId: { in: taskIds } },
    select: { id: true, taskId: true, unitId: true, staffId: true, percent: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  for (const r of rows) {
    let p = out.get(r.taskId);
    if (!p) out.set(r.taskId, (p = { byUnit: new Map(), latest: null }));
    const rep: LatestReport = { id: r.id, percent: r.percent, at: r.createdAt, staffId: r.staffId, unitId: r.unitId };
    p.latest ??= rep;
    if (r.unitId !== null && !p.byUnit.has(r.unitId)) p.byUnit.set(r.unitId, rep);
  }
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
