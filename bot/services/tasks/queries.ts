// The tasks a person sees (/nhiemvu), the ones they may report on (/baocao), and one
// task's detail. Authorisation is applied here, on data read from the database.
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/direct-sql.js";
import { type GroupCode, viewerList } from "./list-order.js";
import { Prisma } from "../../../prisma/generated/sqlite/client.js";
import type { WorkingCalendar } from "../calendar/index.js";
import { audit } from "../audit.js";
import { seesAllUnits } from "../roles.js";
import { getSetting } from "../settings.js";
import { canCloseTasks, canReportOnTask, findViewableTask, type Relation, type TaskRefusal, type Viewer } from "./access.js";
import { type DueMark, dueMark, markDays } from "./due.js";
import { loadProgress, NO_PROGRESS, shownProgress, type TaskProgress } from "./progress-state.js";

export interface TaskEnv {
  db: Db;
  calendar: WorkingCalendar;
  /** Local date of now ("YYYY-MM-DD"). */
  today: string;
}

/** "other": a task that does not concern a department-wide viewer (the office, leaders). */
export type TaskGroup = Relation | "other";
export const TASK_GROUPS: readonly TaskGroup[] = ["assigned", "lead", "coord", "other"];

export interface TaskLine {
  id: number;
  code: string;
  title: string;
  group: TaskGroup;
  percent: number | null;
  reportedAt: Date | null;
  dueDate: string | null;
  recurring: boolean;
  status: string;
  mark: DueMark;
  /** Working days left (dueSoon) or calendar days overdue (overdue). */
  days: number | null;
}

export type ListRow = { id: number; code: string; title: string; dueDate: string | null; recurring: boolean; status: string; units: { unitId: number; role: string }[] };

/** Marks and progress of tasks as seen from one unit (null: the department). */
export async function describeTasks<T extends ListRow>(
  env: TaskEnv,
  rows: T[],
  scopeUnitId: number | null,
  knownDueSoon?: number,
): Promise<(T & { percent: number | null; reportedAt: Date | null; mark: DueMark; days: number | null })[]> {
  const dueSoon = knownDueSoon ?? (await getSetting(env.db, "tasks.dueSoonWorkingDays"));
  const progress = await loadProgress(env.db, rows.map((r) => r.id));
  return rows.map((r) => describeLine(env, r, progress.get(r.id) ?? NO_PROGRESS, scopeUnitId, dueSoon));
}

/** One task's marks and progress as seen from one unit (null: the department). */
export function describeLine<T extends ListRow>(env: Omit<TaskEnv, "db">, r: T, progress: TaskProgress, scopeUnitId: number | null, dueSoon: number) {
  const shown = shownProgress(r, progress, scopeUnitId);
  const percent = shown?.percent ?? null;
  const mark = dueMark(r, percent, env.today, env.calendar, dueSoon);
  const days = markDays(mark, r.dueDate, env);
  return { ...r, percent, reportedAt: shown?.at ?? null, mark, days };
}

/** What a list line shows of a described task (its group or role is added by the list). */
export function lineFields(r: Awaited<ReturnType<typeof describeTasks>>[number]): Omit<TaskLine, "group"> {
  const { id, code, title, percent, reportedAt, dueDate, recurring, status, mark, days } = r;
  return { id, code, title, percent, reportedAt, dueDate, recurring, status, mark, days };
}

/** Plan order in SQL: open tasks before closed ones ("open" > "closed"), then the plan's numbering. */
export const PLAN_ORDER = [{ status: "desc" }, { sortKey: "asc" }, { code: "asc" }] as const satisfies TaskOrder;
type TaskOrder = NonNullable<Parameters<Db["task"]["findMany"]>[0]>["orderBy"];

export interface TaskListPage {
  /** The lines of this page, in list order. */
  lines: TaskLine[];
  total: number;
  /** The page shown (the one asked for, clamped to the pages that exist now). */
  page: number;
  pages: number;
  pageSize: number;
  /** The line before this page is in the same group as its first line ("(tiếp)"). */
  continuesGroup: boolean;
}

/** Clamps a page number from a button to the pages that exist now (the list may have changed). */
export function clampPage(page: number, total: number, pageSize: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const p = !Number.isSafeInteger(page) || page < 0 ? 0 : Math.min(page, pages - 1);
  return { page: p, pages };
}

/**
 * A page of the tasks that concern a person, each once, in the order: assigned to them, led
 * by their unit, coordinated by their unit; for the office and leaders, then every other
 * task. With `reportable`, only the open tasks they may report on (/baocao).
 *
 * The order of the unit's tasks is kept per process while the plan does not change
 * (list-order.ts); a page then costs a handful of small statements whatever the number of
 * tasks; /nhiemvu is the command a busy office uses most.
 */
export async function listTasksPage(env: TaskEnv, viewer: Viewer, requested: number, pageSize: number, opts: { reportable?: boolean; /** tasks.dueSoonWorkingDays when the caller has read it already. */ dueSoon?: number } = {}): Promise<TaskListPage> {
  const groups = TASK_GROUPS.filter((g) => (g === "other" ? !opts.reportable && seesAllUnits(viewer.role) : true));
  const res = await pageOfTaskGroups(env.db, viewer, groups, requested, pageSize, { openOnly: opts.reportable === true, dueSoon: opts.dueSoon });
  const described = await describeTasks(env, res.rows, viewer.unitId, res.dueSoon);
  const lines = described.map((r): TaskLine => ({ ...lineFields(r), group: r.group }));
  return { lines, total: res.total, page: res.page, pages: res.pages, pageSize, continuesGroup: res.continuesGroup };
}

/**
 * A page of /nhiemvu: the person's list (list-order.ts: their assigned tasks, then their unit's
 * kept order), counted and sliced in memory, then the page's own tasks and the units named on
 * them. Plain SQL on the driver adapter (direct-sql.ts): this is the command a busy office uses
 * most, and a Prisma call costs several times the same statement.
 */
async function pageOfTaskGroups(
  db: Db,
  viewer: Viewer,
  groups: readonly TaskGroup[],
  requested: number,
  pageSize: number,
  opts: { openOnly: boolean; dueSoon?: number | undefined },
): Promise<{ rows: (ListRow & { group: TaskGroup })[]; total: number; page: number; pages: number; continuesGroup: boolean; dueSoon: number }> {
  const code = (g: TaskGroup) => TASK_GROUPS.indexOf(g) as GroupCode;
  const [list, dueSoon] = await Promise.all([
    viewerList(db, viewer, groups.map(code), { openOnly: opts.openOnly, withOther: groups.includes("other") }),
    opts.dueSoon ?? getSetting(db, "tasks.dueSoonWorkingDays"),
  ]);
  const { total, counts } = list;
  const { page, pages } = clampPage(requested, total, pageSize);
  const from = page * pageSize;
  const rows = (await pageTasks(db, list.slice(from, pageSize))).map(({ group, ...r }) => ({ ...r, group: TASK_GROUPS[group]! }));
  // The line before this page is in the group of its first line: "(tiếp)".
  let before = 0;
  let continuesGroup = false;
  for (const g of groups) {
    const n = counts.get(code(g)) ?? 0;
    if (from > before && from < before + n) continuesGroup = true;
    before += n;
  }
  return { rows, total, page, pages, continuesGroup, dueSoon };
}

/**
 * The tasks of a page's lines, in the lines' order, each with what its line says (its group or
 * role) and the units named on it: two statements by id, whatever the size of the list. A task
 * deleted between the list and this read is left out of the page.
 */
export async function pageTasks<L extends { id: number }>(db: Db, lines: L[]): Promise<(ListRow & Omit<L, "id">)[]> {
  if (lines.length === 0) return [];
  type Row = { id: number | bigint; code: string; title: string; dueDate: string | null; recurring: boolean | number; status: string };
  const ids = [...new Set(lines.map((l) => l.id))];
  const [found, units] = await Promise.all([
    queryRows<Row>(db, Prisma.sql`SELECT "id", "code", "title", "dueDate", "recurring", "status" FROM "Task" WHERE "id" IN (${Prisma.join(ids)})`),
    unitsOfTasks(db, ids),
  ]);
  const byId = new Map(found.map((r) => [Number(r.id), r]));
  return lines.flatMap((l) => {
    const r = byId.get(l.id);
    return r ? [{ ...l, code: r.code, title: r.title, dueDate: r.dueDate, recurring: Boolean(r.recurring), status: r.status, units: units.get(l.id) ?? [] }] : [];
  });
}

/** The units named on each of a page's tasks (a page: the id list is bounded by the page size). */
async function unitsOfTasks(db: Db, taskIds: number[]): Promise<Map<number, { unitId: number; role: string }[]>> {
  const out = new Map<number, { unitId: number; role: string }[]>();
  if (taskIds.length === 0) return out;
  const rows = await queryRows<{ taskId: number; unitId: number; role: string }>(db, Prisma.sql`SELECT "taskId", "unitId", "role" FROM "TaskUnit" WHERE "taskId" IN (${Prisma.join(taskIds)})`);
  for (const r of rows) {
    const list = out.get(r.taskId) ?? [];
    list.push({ unitId: r.unitId, role: r.role });
    out.set(r.taskId, list);
  }
  return out;
}

export interface UnitName {
  id: number;
  name: string;
  shortName: string | null;
}

export interface TaskDetail {
  id: number;
  code: string;
  title: string;
  content: string;
  section: string;
  sectionTitle: string | null;
  dueDate: string | null;
  recurring: boolean;
  timingNote: string | null;
  status: string;
  closedAt: Date | null;
  leadUnits: UnitName[];
  coordUnits: UnitName[];
  leadNote: string | null;
  coordNote: string | null;
  assignees: { id: number; fullName: string; unitName: string }[];
  /** Progress of each named unit that has reported. */
  unitProgress: { unit: UnitName; percent: number; at: Date }[];
  /** The latest reports, newest first. */
  reports: {
    id: number;
    staffName: string;
    unitName: string | null;
    percent: number;
    note: string | null;
    fileKind: string | null;
    fileName: string | null;
    at: Date;
  }[];
  reportCount: number;
  percent: number | null;
  mark: DueMark;
  days: number | null;
  canReport: boolean;
  canClose: boolean;
}

export const DETAIL_REPORTS = 5;

export async function taskDetail(
  env: TaskEnv,
  viewer: Viewer,
  taskId: number,
): Promise<{ ok: true; detail: TaskDetail } | { ok: false; reason: TaskRefusal }> {
  const found = await findViewableTask(env.db, viewer, taskId);
  if (!found.ok) return found;
  const task = await env.db.task.findUniqueOrThrow({
    where: { id: taskId },
    include: {
      units: { include: { unit: { select: { id: true, name: true, shortName: true, sortOrder: true } } } },
      assignees: { include: { staff: { select: { id: true, fullName: true, unit: { select: { name: true } } } } }, orderBy: { staff: { code: "asc" } } },
      reports: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: DETAIL_REPORTS,
        include: { staff: { select: { fullName: true } }, unit: { select: { name: true, shortName: true } } },
      },
      _count: { select: { reports: true } },
    },
  });
  const progress = (await loadProgress(env.db, [task.id])).get(task.id) ?? NO_PROGRESS;
  const described = describeLine(env, task, progress, viewer.unitId, await getSetting(env.db, "tasks.dueSoonWorkingDays"));
  const sortedUnits = [...task.units].sort((a, b) => a.unit.sortOrder - b.unit.sortOrder || a.unit.id - b.unit.id);
  const unitOf = (u: (typeof sortedUnits)[number]): UnitName => ({ id: u.unit.id, name: u.unit.name, shortName: u.unit.shortName });
  const named = [...new Map(sortedUnits.map((u) => [u.unitId, unitOf(u)])).values()];
  return {
    ok: true,
    detail: {
      id: task.id,
      code: task.code,
      title: task.title,
      content: task.content,
      section: task.section,
      sectionTitle: task.sectionTitle,
      dueDate: task.dueDate,
      recurring: task.recurring,
      timingNote: task.timingNote,
      status: task.status,
      closedAt: task.closedAt,
      leadUnits: sortedUnits.filter((u) => u.role === "lead").map(unitOf),
      coordUnits: sortedUnits.filter((u) => u.role === "coord").map(unitOf),
      leadNote: task.leadNote,
      coordNote: task.coordNote,
      assignees: task.assignees.map((a) => ({ id: a.staff.id, fullName: a.staff.fullName, unitName: a.staff.unit.name })),
      unitProgress: named.flatMap((u) => {
        const r = progress.byUnit.get(u.id);
        return r ? [{ unit: u, percent: r.percent, at: r.at }] : [];
      }),
      reports: task.reports.map((r) => {
        // Another unit's report on a shared task: its percentage, not its note or file.
        const full = seesReportInFull(viewer, r);
        return {
          id: r.id,
          staffName: r.staff.fullName,
          unitName: r.unit ? (r.unit.shortName ?? r.unit.name) : null,
          percent: r.percent,
          note: full ? r.note : null,
          fileKind: full ? r.fileKind : null,
          fileName: full ? r.fileName : null,
          at: r.createdAt,
        };
      }),
      reportCount: task._count.reports,
      percent: described.percent,
      mark: described.mark,
      days: described.days,
      canReport: task.status === "open" && canReportOnTask(found.task, viewer),
      canClose: canCloseTasks(viewer),
    },
  };
}

/**
 * Whether a viewer reads a report's note and attachment: their own unit's reports (and their
 * own), or every report for the office, lãnh đạo Sở and administrators. Units sharing a task
 * see each other's percentages only.
 */
export function seesReportInFull(viewer: Viewer, report: { staffId: number; unitId: number | null }): boolean {
  return seesAllUnits(viewer.role) || report.staffId === viewer.staffId || (report.unitId !== null && report.unitId === viewer.unitId);
}

/** A report's attachment, for someone who may see its task and that report in full. */
export async function reportAttachment(db: Db, viewer: Viewer, reportId: number, who?: { actor: string; now: Date }) {
  const report = Number.isSafeInteger(reportId)
    ? await db.progressReport.findUnique({ where: { id: reportId }, select: { taskId: true, staffId: true, unitId: true, fileId: true, fileKind: true, fileName: true } })
    : null;
  if (!report?.fileId) return { ok: false as const, reason: "not_found" as TaskRefusal };
  const found = await findViewableTask(db, viewer, report.taskId);
  if (!found.ok || !seesReportInFull(viewer, report)) {
    // A button that was never shown to this person: forged or replayed. Refused and audited.
    if (who) await audit(db, { actor: who.actor, actorStaffId: viewer.staffId, action: "task.attachment", target: `report:${reportId}`, outcome: "denied", at: who.now });
    return found.ok ? { ok: false as const, reason: "forbidden" as TaskRefusal } : found;
  }
  // Attachments are kept by the platform's own file id; only Telegram's are received so far.
  return {
    ok: true as const,
    file: { platform: "telegram", fileId: report.fileId, kind: report.fileKind === "photo" ? ("photo" as const) : ("document" as const), fileName: report.fileName },
  };
}
