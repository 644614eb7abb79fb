// The plan's tasks as a unit reports on them for a period: each task the unit leads or
// coordinates, with the unit's latest progress and note as of the period's asOf (its staff's
// latest ProgressReport created at or before asOf, as figures.ts counts it), so a report
// re-generated later shows the same lines unless that period's data changed.
import type { Db } from "../../db/client.js";
import { inChunks } from "../chunks.js";

export interface TaskLine {
  taskId: number;
  code: string;
  section: string;
  sectionTitle: string | null;
  title: string;
  sortKey: string;
  role: "lead" | "coord";
  dueDate: string | null;
  /** The unit's latest percent at asOf; null: nothing reported by then. */
  percent: number | null;
  note: string | null;
  reportedAt: Date | null;
  /** Closed by the office at asOf. */
  closed: boolean;
}

/** Every internal unit's task lines at asOf (or only `unitIds`'), by unit, in the plan's order. */
export async function taskLinesByUnit(db: Db, asOf: Date, unitIds?: readonly number[]): Promise<Map<number, TaskLine[]>> {
  const links = await db.taskUnit.findMany({
    where: {
      unit: { kind: "internal", ...(unitIds ? { id: { in: [...unitIds] } } : {}) },
      task: { createdAt: { lte: asOf } },
    },
    include: { task: true },
  });
  const pairs = new Map<string, { taskId: number; unitId: number }>();
  for (const l of links) pairs.set(`${l.taskId}:${l.unitId}`, { taskId: l.taskId, unitId: l.unitId });
  const taskIds = [...new Set(links.map((l) => l.taskId))];
  // The latest report per (task, unit) at asOf: its instant, then the highest id at that instant.
  const latestAt = await inChunks(taskIds, (ids) =>
    db.progressReport.groupBy({ by: ["taskId", "unitId"], where: { taskId: { in: ids }, createdAt: { lte: asOf }, unitId: { not: null } }, _max: { createdAt: true } }),
  );
  const wanted = latestAt.filter((g) => g.unitId !== null && pairs.has(`${g.taskId}:${g.unitId}`) && g._max.createdAt);
  const reports = await inChunks(wanted, (chunk) =>
    db.progressReport.findMany({
      where: { OR: chunk.map((g) => ({ taskId: g.taskId, unitId: g.unitId, createdAt: g._max.createdAt! })) },
      orderBy: { id: "asc" },
    }),
    // Three parameters per pair: within SQLite's 999.
    300,
  );
  const latest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) latest.set(`${r.taskId}:${r.unitId}`, r); // ascending ids: the last wins

  const out = new Map<number, TaskLine[]>();
  // A unit both leading and coordinating a task reports on it once, as its lead.
  const seen = new Set<string>();
  const ordered = [...links].sort((a, b) => (a.role === b.role ? 0 : a.role === "lead" ? -1 : 1));
  for (const l of ordered) {
    const key = `${l.taskId}:${l.unitId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = latest.get(key);
    const t = l.task;
    const line: TaskLine = {
      taskId: t.id,
      code: t.code,
      section: t.section,
      sectionTitle: t.sectionTitle,
      title: t.title,
      sortKey: t.sortKey,
      role: l.role === "coord" ? "coord" : "lead",
      dueDate: t.dueDate,
      percent: r?.percent ?? null,
      note: r?.note ?? null,
      reportedAt: r?.createdAt ?? null,
      closed: t.closedAt !== null && t.closedAt <= asOf,
    };
    let list = out.get(l.unitId);
    if (!list) out.set(l.unitId, (list = []));
    list.push(line);
  }
  for (const list of out.values()) list.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.code < b.code ? -1 : 1));
  return out;
}

export async function unitTaskLines(db: Db, unitId: number, asOf: Date): Promise<TaskLine[]> {
  return (await taskLinesByUnit(db, asOf, [unitId])).get(unitId) ?? [];
}
