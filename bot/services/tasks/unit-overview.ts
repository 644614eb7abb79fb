// A unit at a glance (/donvi, the heads' digest): its tasks with the unit's own latest
// progress, who has not reported lately, and the unit's overall completion.
import { Prisma } from "../../../prisma/generated/sqlite/client.js";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/direct-sql.js";
import type { DbOrTx } from "../../delivery/outbox.js";
import { seesUnit } from "../roles.js";
import { getSetting } from "../settings.js";
import type { Viewer } from "./access.js";
import { LIST_PAGE_SIZE } from "./format.js";
import { unitLinks } from "./list-order.js";
import { clampPage, describeTasks, lineFields, pageTasks, type TaskEnv, type TaskLine } from "./queries.js";

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

export interface UnitTaskPage {
  lines: UnitTaskLine[];
  total: number;
  page: number;
  pages: number;
}

export interface UnitOverview {
  unit: { id: number; code: string; name: string };
  /** One page of the unit's tasks: those it leads, then those it coordinates. */
  tasks: UnitTaskPage;
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
  // One statement on the driver adapter (direct-sql.ts), each person's latest report read from
  // the (staffId, createdAt) index: /donvi asks on every call.
  const staff = await queryRows<{ id: number; fullName: string; lastReportAt: Date | string | null }>(
    db,
    Prisma.sql`SELECT s."id", s."fullName", (SELECT MAX(r."createdAt") FROM "ProgressReport" r WHERE r."staffId" = s."id") AS "lastReportAt"
    FROM "Staff" s
    WHERE s."unitId" = ${unitId} AND s."active" = ${true}
      AND (EXISTS (SELECT 1 FROM "TaskUnit" u JOIN "Task" t ON t."id" = u."taskId" WHERE u."unitId" = ${unitId} AND t."status" = 'open')
        OR EXISTS (SELECT 1 FROM "TaskAssignee" a JOIN "Task" t ON t."id" = a."taskId" WHERE a."staffId" = s."id" AND t."status" = 'open'))
    ORDER BY s."code" ASC`,
  );
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  return (
    staff
      // SQLite gives an aggregate's date as the stored text (no declared type), PostgreSQL a Date.
      .map((s) => ({ staffId: s.id, fullName: s.fullName, lastReportAt: s.lastReportAt === null ? null : new Date(s.lastReportAt) }))
      .filter((s) => s.lastReportAt === null || s.lastReportAt < cutoff)
      .sort((a, b) => (a.lastReportAt?.getTime() ?? -1) - (b.lastReportAt?.getTime() ?? -1))
  );
}

type Count = number | bigint | null;

/**
 * The unit's completion, counted in one SQL statement over the tasks it leads (a closed task
 * counts 100%, an open one the unit's latest report, 0 without one). Plain SQL on the driver
 * adapter (direct-sql.ts): four Prisma aggregates cost several times as much on every /donvi.
 */
export async function unitCompletion(db: DbOrTx, unitId: number): Promise<Completion | null> {
  const [row] = await queryRows<{ total: Count; closed: Count; openSum: Count; doneOpen: Count }>(
    db,
    Prisma.sql`SELECT COUNT(*) AS "total",
      SUM(CASE WHEN t."status" = 'closed' THEN 1 ELSE 0 END) AS "closed",
      SUM(CASE WHEN t."status" = 'open' THEN COALESCE(p."percent", 0) ELSE 0 END) AS "openSum",
      SUM(CASE WHEN t."status" = 'open' AND p."percent" >= 100 THEN 1 ELSE 0 END) AS "doneOpen"
    FROM "TaskUnit" l JOIN "Task" t ON t."id" = l."taskId" LEFT JOIN "TaskProgress" p ON p."taskId" = t."id" AND p."unitId" = ${unitId}
    WHERE l."unitId" = ${unitId} AND l."role" = 'lead'`,
  );
  const total = Number(row?.total ?? 0);
  if (total === 0) return null;
  const closed = Number(row!.closed ?? 0);
  return { percent: Math.round((Number(row!.openSum ?? 0) + closed * 100) / total), done: closed + Number(row!.doneOpen ?? 0), total };
}

const UNIT_ROLES = ["lead", "coord"] as const;

/**
 * A page of the unit's tasks with the unit's own progress: those it leads, then those it
 * coordinates, each in plan order. The unit's own TaskUnit rows are the lines, in an order
 * kept while the plan does not change (list-order.ts); the page's tasks are then read by id,
 * on the driver adapter (direct-sql.ts).
 */
export async function unitTaskPage(env: TaskEnv, unitId: number, requested: number, pageSize: number): Promise<UnitTaskPage> {
  const links = await unitLinks(env.db, unitId);
  const total = links.ids.length;
  const { page, pages } = clampPage(requested, total, pageSize);
  const from = page * pageSize;
  const lines = Array.from(links.ids.subarray(from, from + pageSize), (id, i) => ({ id, role: UNIT_ROLES[links.roles[from + i]!]! }));
  const rows = await pageTasks(env.db, lines);
  const described = await describeTasks(env, rows, unitId);
  return { lines: described.map((r): UnitTaskLine => ({ ...lineFields(r), role: r.role })), total, page, pages };
}

export async function unitOverview(
  env: TaskEnv & { now: Date },
  viewer: Viewer,
  unitId: number,
  page = 0,
): Promise<{ ok: true; overview: UnitOverview } | { ok: false; reason: "not_found" | "forbidden" }> {
  const unit = Number.isSafeInteger(unitId) ? await env.db.unit.findUnique({ where: { id: unitId }, select: { id: true, code: true, name: true } }) : null;
  if (!unit) return { ok: false, reason: "not_found" };
  if (!seesUnit(viewer, unit.id)) return { ok: false, reason: "forbidden" };
  const staleDays = await getSetting(env.db, "tasks.staleReportDays");
  const tasks = await unitTaskPage(env, unit.id, page, LIST_PAGE_SIZE);
  const stale = await staleReporters(env.db, unit.id, env.now, staleDays);
  return { ok: true, overview: { unit, tasks, completion: await unitCompletion(env.db, unit.id), staleDays, stale } };
}
