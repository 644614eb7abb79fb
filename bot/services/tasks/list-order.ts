// The order of a unit's task list (/nhiemvu, /baocao), kept in the process and keyed by the
// task-list version that database triggers bump on every change to what orders it (a task's
// status, sort key or code, its units, its assignees; see TaskListVersion in the models).
//
// Why: at a department's size a big unit has ~2,800 of the plan's 5,000 tasks in view, and
// grouping, counting and ordering them took two statements of ~1.5 ms each on every page:
// half of the bot's CPU with 50 people at once. Progress reports, the common write, do not
// change the order, so a unit's list stays valid until the plan itself changes. Reading the
// version is one primary-key look-up; a stale list is rebuilt, never served, whichever
// process (the CLI, another instance) changed the plan.
//
// What is kept is only task ids and their group for a unit: no person's data. A person's own
// assigned tasks are read per request (a handful) and put first.
import { Prisma } from "../../../prisma/generated/sqlite/client.js";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/direct-sql.js";

/** Group codes in list order: 0 assigned (per person), 1 lead, 2 coord, 3 other (department-wide viewers). */
export type GroupCode = 0 | 1 | 2 | 3;

export interface ListShape {
  /** Only open tasks (/baocao). */
  openOnly: boolean;
  /** Every other task too, as group 3 (the office, leaders). */
  withOther: boolean;
}

interface UnitOrder {
  version: number;
  ids: Int32Array;
  groups: Uint8Array;
}

const PLAN_ORDER_SQL = Prisma.sql`t."status" DESC, t."sortKey" ASC, t."code" ASC`;
const kept = new WeakMap<object, Map<string, UnitOrder>>();

async function listVersion(db: Db): Promise<number> {
  const [row] = await queryRows<{ version: number | bigint }>(db, Prisma.sql`SELECT "version" FROM "TaskListVersion" WHERE "id" = 1`);
  // No row (a database the migration has not reached): never equal, so never kept.
  return row ? Number(row.version) : Number.NaN;
}

/**
 * The order kept under `key`, or, when the plan changed since, the one `load` reads now. The
 * version is read before the list: a change made meanwhile leaves the kept list older than the
 * version, so it is read again next time.
 */
async function keptOrder(db: Db, key: string, load: () => Promise<{ id: number | bigint; grp: number | bigint }[]>): Promise<UnitOrder> {
  let forDb = kept.get(db);
  if (!forDb) kept.set(db, (forDb = new Map()));
  const version = await listVersion(db);
  const hit = forDb.get(key);
  if (hit && hit.version === version) return hit;
  const rows = await load();
  const order: UnitOrder = { version, ids: Int32Array.from(rows, (r) => Number(r.id)), groups: Uint8Array.from(rows, (r) => Number(r.grp)) };
  if (Number.isFinite(version)) forDb.set(key, order);
  return order;
}

/** A unit's tasks in list order (group, then plan order), without any person's assignments. */
function unitOrder(db: Db, unitId: number, shape: ListShape): Promise<UnitOrder> {
  const links = Prisma.sql`SELECT "taskId", MIN(CASE "role" WHEN 'lead' THEN 1 WHEN 'coord' THEN 2 ELSE 9 END) AS "grp" FROM "TaskUnit" WHERE "unitId" = ${unitId} GROUP BY "taskId"`;
  const open = shape.openOnly ? Prisma.sql` AND t."status" = 'open'` : Prisma.empty;
  // A link of another kind (9) puts a task in no group, as /nhiemvu always had it.
  return keptOrder(db, `${unitId}:${shape.openOnly ? 1 : 0}:${shape.withOther ? 1 : 0}`, () =>
    queryRows(
      db,
      shape.withOther
        ? Prisma.sql`SELECT t."id", COALESCE(m."grp", 3) AS "grp" FROM "Task" t LEFT JOIN (${links}) m ON m."taskId" = t."id" WHERE COALESCE(m."grp", 3) <> 9${open} ORDER BY 2, ${PLAN_ORDER_SQL}`
        : Prisma.sql`SELECT t."id", m."grp" AS "grp" FROM (${links}) m JOIN "Task" t ON t."id" = m."taskId" WHERE m."grp" <> 9${open} ORDER BY 2, ${PLAN_ORDER_SQL}`,
    ),
  );
}

/**
 * A unit's own task links as /donvi lists them: those it leads, then those it coordinates
 * (0 lead, 1 coord), each in plan order; a task both led and coordinated by the unit is on
 * both lists. Kept like the lists above.
 */
export async function unitLinks(db: Db, unitId: number): Promise<{ ids: Int32Array; roles: Uint8Array }> {
  const order = await keptOrder(db, `${unitId}:links`, () =>
    queryRows(
      db,
      Prisma.sql`SELECT t."id", CASE l."role" WHEN 'lead' THEN 0 ELSE 1 END AS "grp" FROM "TaskUnit" l JOIN "Task" t ON t."id" = l."taskId"
        WHERE l."unitId" = ${unitId} AND l."role" IN ('lead', 'coord') ORDER BY 2, t."sortKey" ASC, t."code" ASC`,
    ),
  );
  return { ids: order.ids, roles: order.groups };
}

/** A person's assigned tasks in plan order (group 0). */
async function assignedOrder(db: Db, staffId: number, openOnly: boolean): Promise<number[]> {
  const open = openOnly ? Prisma.sql` AND t."status" = 'open'` : Prisma.empty;
  const rows = await queryRows<{ id: number | bigint }>(
    db,
    Prisma.sql`SELECT t."id" FROM "TaskAssignee" a JOIN "Task" t ON t."id" = a."taskId" WHERE a."staffId" = ${staffId}${open} ORDER BY ${PLAN_ORDER_SQL}`,
  );
  return rows.map((r) => Number(r.id));
}

export interface ViewerList {
  /** Tasks per group code, of the groups asked for. */
  counts: Map<GroupCode, number>;
  total: number;
  /** The ids and groups of lines [from, from + size) of the list, in order. */
  slice(from: number, size: number): { id: number; group: GroupCode }[];
}

/**
 * The list a person sees: their assigned tasks first, then their unit's (each task once, in
 * its first group), limited to the groups asked for. Counting and slicing are done on the kept
 * order, in memory: a few thousand integers.
 */
export async function viewerList(db: Db, viewer: { staffId: number; unitId: number }, groups: readonly GroupCode[], shape: ListShape): Promise<ViewerList> {
  const [assigned, unit] = await Promise.all([groups.includes(0) ? assignedOrder(db, viewer.staffId, shape.openOnly) : Promise.resolve([]), unitOrder(db, viewer.unitId, shape)]);
  const mine = new Set(assigned);
  const wanted = new Set(groups);
  const counts = new Map<GroupCode, number>(groups.map((g) => [g, 0]));
  counts.set(0, assigned.length);
  for (let i = 0; i < unit.ids.length; i++) {
    const g = unit.groups[i] as GroupCode;
    if (wanted.has(g) && !mine.has(unit.ids[i]!)) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  if (!wanted.has(0)) counts.delete(0);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    counts,
    total,
    slice(from, size) {
      const out: { id: number; group: GroupCode }[] = [];
      let index = 0;
      for (const id of assigned) {
        if (out.length >= size) return out;
        if (index++ >= from) out.push({ id, group: 0 });
      }
      for (let i = 0; i < unit.ids.length && out.length < size; i++) {
        const id = unit.ids[i]!;
        const g = unit.groups[i] as GroupCode;
        if (!wanted.has(g) || mine.has(id)) continue;
        if (index++ >= from) out.push({ id, group: g });
      }
      return out;
    },
  };
}
