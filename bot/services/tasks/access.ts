// Who may see and report on which plan task. A task concerns a person when it is assigned
// to them, led by their unit or coordinated by their unit; the office, the department's
// leaders and administrators see every task. Every command and every button press asks
// here: an id that came from the chat is looked up and checked, never trusted.
import type { DbOrTx } from "../../delivery/outbox.js";
import { isOffice, seesAllUnits } from "../roles.js";

export interface Viewer {
  staffId: number;
  unitId: number;
  role: string;
}

/** How a task concerns a person, in the order /nhiemvu lists them. */
export type Relation = "assigned" | "lead" | "coord";

export interface TaskLinks {
  status: string;
  units: { unitId: number; role: string }[];
  assignees: { staffId: number }[];
}

export function relationsOf(task: TaskLinks, viewer: Viewer): Relation[] {
  const out: Relation[] = [];
  if (task.assignees.some((a) => a.staffId === viewer.staffId)) out.push("assigned");
  if (task.units.some((u) => u.unitId === viewer.unitId && u.role === "lead")) out.push("lead");
  if (task.units.some((u) => u.unitId === viewer.unitId && u.role === "coord")) out.push("coord");
  return out;
}

export function canViewTask(task: TaskLinks, viewer: Viewer): boolean {
  return seesAllUnits(viewer.role) || relationsOf(task, viewer).length > 0;
}

/** Seeing every task is not reporting on it: only those the task concerns report. */
export function canReportOnTask(task: TaskLinks, viewer: Viewer): boolean {
  return relationsOf(task, viewer).length > 0;
}

export function canCloseTasks(viewer: Viewer): boolean {
  return isOffice(viewer.role);
}

/** Prisma filter of the tasks that concern a person (without the department-wide rule). */
export function concerningWhere(viewer: Viewer) {
  return {
    OR: [{ assignees: { some: { staffId: viewer.staffId } } }, { units: { some: { unitId: viewer.unitId } } }],
  };
}

export type TaskRefusal = "not_found" | "forbidden" | "closed";

export const linksInclude = { units: { select: { unitId: true, role: true } }, assignees: { select: { staffId: true } } } as const;

/** The task if this person may see it; a refusal otherwise (ids come from buttons: never trust them). */
export async function findViewableTask(db: DbOrTx, viewer: Viewer, taskId: number) {
  const task = Number.isSafeInteger(taskId) ? await db.task.findUnique({ where: { id: taskId }, include: linksInclude }) : null;
  if (!task) return { ok: false as const, reason: "not_found" as TaskRefusal };
  if (!canViewTask(task, viewer)) return { ok: false as const, reason: "forbidden" as TaskRefusal };
  return { ok: true as const, task };
}
