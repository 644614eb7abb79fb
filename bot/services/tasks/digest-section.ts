// The plan tasks' part of the daily digest: tasks with new progress reports since the
// previous digest, overdue and due-soon tasks, and who has not reported for N days. A head
// sees their unit (the unit's own progress); the department-wide roles see every task.
// "changed" (for people who get the digest only on changes): a new report, or a task that
// became overdue since the previous digest.
//
// Counts come first and are counted in SQL; only the first few items of each list are read
// and shown (`listMax`), so the section stays short at any size. What a scope's heads share
// is worked out once per run (`memo`), not once per recipient.
import { escapeMarkup } from "../../chat/markup.js";
import { type Translate } from "../../i18n.js";
import type { DigestInput, DigestScope, DigestSection } from "../digest/types.js";
import { shorten } from "../text.js";
import { localParts } from "../time.js";
import { getSetting } from "../settings.js";
import { type FormatEnv, markText, percentText } from "./format.js";
import { describeLine, describeTasks, type ListRow, PLAN_ORDER, type TaskEnv } from "./queries.js";
import { loadProgressWhere, NO_PROGRESS } from "./progress-state.js";
import { DAY_MS, staleReporters } from "./unit-overview.js";
import type { DueMark } from "./due.js";
import type { Db } from "../../db/client.js";

const TITLE_MAX = 60;

interface Line {
  id: number;
  code: string;
  title: string;
  percent: number | null;
  dueDate: string | null;
  mark: DueMark;
  days: number | null;
}

interface ListPart {
  count: number;
  /** The first items, in plan order. */
  top: Line[];
}

interface TaskFigures {
  changed: ListPart & { newReports: Map<number, number> };
  overdue: ListPart;
  newlyOverdue: number;
  dueSoon: ListPart;
  dueSoonDays: number;
  staleDays: number;
  staleCount: number;
  /** Names (a unit) or "unit: count" lines (the department). */
  staleLines: string[];
}

/** The most items any list shows; the digest shows fewer when the whole would not fit a message. */
export const DIGEST_LIST_MAX = 10;

const select = { id: true, code: true, title: true, dueDate: true, recurring: true, status: true, units: { select: { unitId: true, role: true } } } as const;

type TaskWhere = NonNullable<NonNullable<Parameters<Db["task"]["findMany"]>[0]>["where"]>;

function item(l: Line, details: string[]): string {
  return `• <b>${escapeMarkup(l.code)}</b> ${escapeMarkup(shorten(l.title, TITLE_MAX))} — ${details.join(" · ")}`;
}

function more(t: Translate, shown: number, count: number): string[] {
  return count > shown ? [t("tasks.digest.more", { count: count - shown })] : [];
}

/**
 * A list whose "done" depends on the viewer's progress: for a unit it is in SQL (the unit's own
 * latest report); for the department (the mean of the lead units) the candidates are read and
 * judged here: only tasks already past or near their due date, never the whole plan.
 */
async function markedList(env: TaskEnv, scope: DigestScope, where: TaskWhere, mark: DueMark): Promise<ListPart & { rows: Line[] }> {
  const { db } = env;
  if (scope.kind === "unit") {
    const filter: TaskWhere = { AND: [where, { units: { some: { unitId: scope.unitId } } }, { NOT: { progress: { some: { unitId: scope.unitId, percent: { gte: 100 } } } } }] };
    const [count, rows] = await Promise.all([db.task.count({ where: filter }), db.task.findMany({ where: filter, select, orderBy: PLAN_ORDER, take: DIGEST_LIST_MAX })]);
    const top = (await describeTasks(env, rows as ListRow[], scope.unitId)).filter((l) => l.mark === mark);
    return { count, top, rows: top };
  }
  // The candidates, their units and their progress by the same filter (joins, not id lists).
  const [rows, links, progress] = await Promise.all([
    db.task.findMany({ where, select: { id: true, code: true, title: true, dueDate: true, recurring: true, status: true }, orderBy: PLAN_ORDER }),
    db.taskUnit.findMany({ where: { task: where }, select: { taskId: true, unitId: true, role: true } }),
    loadProgressWhere(db, where),
  ]);
  const unitsOf = new Map<number, { unitId: number; role: string }[]>();
  for (const l of links) unitsOf.set(l.taskId, [...(unitsOf.get(l.taskId) ?? []), l]);
  const dueSoon = await getSetting(db, "tasks.dueSoonWorkingDays");
  const all = rows
    .map((r) => describeLine(env, { ...r, units: unitsOf.get(r.id) ?? [] }, progress.get(r.id) ?? NO_PROGRESS, null, dueSoon))
    .filter((l) => l.mark === mark);
  return { count: all.length, top: all.slice(0, DIGEST_LIST_MAX), rows: all };
}

async function figures(input: DigestInput): Promise<TaskFigures> {
  const { db, scope, now, config, calendar, today } = input;
  const env: TaskEnv = { db, calendar, today };
  const from = input.since ?? new Date(now.getTime() - DAY_MS);
  const fromDate = localParts(from, config.timezone).date;
  const [dueSoonDays, staleDays] = await Promise.all([getSetting(db, "tasks.dueSoonWorkingDays"), getSetting(db, "tasks.staleReportDays")]);
  const unitFilter: TaskWhere = scope.kind === "unit" ? { units: { some: { unitId: scope.unitId } } } : {};
  const reportWhere = { createdAt: { gte: from, lt: now }, ...(scope.kind === "unit" ? { unitId: scope.unitId } : {}) };

  // New reports: grouped by task in SQL; the lines of the first few tasks only.
  const changedWhere: TaskWhere = { AND: [unitFilter, { reports: { some: reportWhere } }] };
  const [changedCount, changedRows] = await Promise.all([
    db.task.count({ where: changedWhere }),
    db.task.findMany({ where: changedWhere, select, orderBy: PLAN_ORDER, take: DIGEST_LIST_MAX }),
  ]);
  // Counted for the tasks shown only (at most DIGEST_LIST_MAX ids).
  const reportCounts = await db.progressReport.groupBy({ by: ["taskId"], where: { ...reportWhere, taskId: { in: changedRows.map((r) => r.id) } }, _count: { _all: true } });
  const changedTop = await describeTasks(env, changedRows as ListRow[], scope.kind === "unit" ? scope.unitId : null);
  const newReports = new Map(reportCounts.map((r) => [r.taskId, r._count._all]));

  const open: TaskWhere = { status: "open", recurring: false };
  const soonEnd = calendar.addWorkingDays(today, dueSoonDays + 1);
  const overdue = await markedList(env, scope, { ...open, dueDate: { lt: today } }, "overdue");
  const dueSoon = await markedList(env, scope, { ...open, dueDate: { gte: today, lt: soonEnd } }, "dueSoon");
  const newlyOverdue = scope.kind === "unit"
    ? await db.task.count({ where: { AND: [unitFilter, open, { dueDate: { lt: today, gte: fromDate } }, { NOT: { progress: { some: { unitId: scope.unitId, percent: { gte: 100 } } } } }] } })
    : overdue.rows.filter((l) => l.dueDate !== null && l.dueDate >= fromDate).length;

  let staleCount = 0;
  const staleLines: string[] = [];
  if (scope.kind === "unit") {
    const stale = await staleReporters(db, scope.unitId, now, staleDays);
    staleCount = stale.length;
    staleLines.push(...stale.slice(0, DIGEST_LIST_MAX).map((s) => `• ${escapeMarkup(s.fullName)}`));
  } else {
    const units = await db.unit.findMany({ where: { active: true, kind: { not: "external" } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
    for (const u of units) {
      const stale = await staleReporters(db, u.id, now, staleDays);
      if (stale.length === 0) continue;
      staleCount += stale.length;
      staleLines.push(`• ${input.t("tasks.digest.staleUnit", { unit: u.shortName ?? u.name, count: stale.length })}`);
    }
  }
  return {
    changed: { count: changedCount, top: changedTop, newReports },
    overdue: { count: overdue.count, top: overdue.top },
    newlyOverdue,
    dueSoon: { count: dueSoon.count, top: dueSoon.top },
    dueSoonDays,
    staleDays,
    staleCount,
    staleLines,
  };
}

export const tasksDigestSection: DigestSection = {
  key: "tasks",
  async render(input) {
    const { t, config, scope, listMax } = input;
    const fmt: FormatEnv = { t, timeZone: config.timezone };
    // The figures of a scope do not depend on the recipient's language except the unit
    // lines of the department's stale list: keyed by the language too.
    const scopeKey = scope.kind === "unit" ? `unit:${scope.unitId}` : "department";
    const f = await input.memo(`tasks:${scopeKey}:${input.recipient.locale}:${input.since?.getTime() ?? "none"}`, () => figures(input));
    if (f.changed.count + f.overdue.count + f.dueSoon.count + f.staleCount === 0) return null;
    const out = [t("tasks.digest.title")];
    const list = (part: ListPart, details: (l: Line) => string[]) => {
      const shown = part.top.slice(0, listMax);
      return [...shown.map((l) => item(l, details(l))), ...more(t, shown.length, part.count)];
    };
    if (f.changed.count) {
      out.push(t("tasks.digest.changed", { count: f.changed.count }));
      out.push(...list(f.changed, (l) => [percentText(fmt, l.percent), t("tasks.digest.newReports", { count: f.changed.newReports.get(l.id) ?? 1 })]));
    }
    if (f.overdue.count) {
      out.push(t("tasks.digest.overdue", { count: f.overdue.count }));
      out.push(...list(f.overdue, (l) => [percentText(fmt, l.percent), markText(fmt, l.mark, l.days)]));
    }
    if (f.dueSoon.count) {
      out.push(t("tasks.digest.dueSoon", { days: f.dueSoonDays, count: f.dueSoon.count }));
      out.push(...list(f.dueSoon, (l) => [percentText(fmt, l.percent), markText(fmt, l.mark, l.days)]));
    }
    if (f.staleCount) {
      out.push(t("tasks.digest.stale", { days: f.staleDays, count: f.staleCount }));
      const shown = f.staleLines.slice(0, listMax);
      const rest = scope.kind === "unit" ? f.staleCount - shown.length : f.staleLines.length - shown.length;
      out.push(...shown, ...(rest > 0 ? [t("tasks.digest.more", { count: rest })] : []));
    }
    return { html: out.join("\n"), changed: f.changed.count > 0 || f.newlyOverdue > 0 };
  },
};
