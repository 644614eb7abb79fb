// The plan tasks' part of the daily digest: tasks with new progress reports since the
// previous digest, overdue and due-soon tasks, and who has not reported for N days. A head
// sees their unit (the unit's own progress); the department-wide roles see every task.
// "changed" (for people who get the digest only on changes): a new report, or a task that
// became overdue since the previous digest.
import { escapeMarkup } from "../../chat/markup.js";
import { type Translate } from "../../i18n.js";
import type { DigestInput, DigestSection } from "../digest/types.js";
import { shorten } from "../text.js";
import { localParts } from "../time.js";
import { getSetting } from "../settings.js";
import { type FormatEnv, markText, percentText } from "./format.js";
import { describeTasks, type TaskEnv } from "./queries.js";
import { DAY_MS, staleReporters, unitTaskLines } from "./unit-overview.js";
import type { DueMark } from "./due.js";
import { compareTaskCodes } from "./codes.js";

const LIST_MAX = 10;
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

function capped(t: Translate, items: string[]): string[] {
  if (items.length <= LIST_MAX) return items;
  return [...items.slice(0, LIST_MAX), t("tasks.digest.more", { count: items.length - LIST_MAX })];
}

function item(l: Line, details: string[]): string {
  return `• <b>${escapeMarkup(l.code)}</b> ${escapeMarkup(shorten(l.title, TITLE_MAX))} — ${details.join(" · ")}`;
}

async function linesInScope(input: DigestInput, env: TaskEnv): Promise<Line[]> {
  if (input.scope.kind === "unit") return unitTaskLines(env, input.scope.unitId);
  const rows = await input.db.task.findMany({
    select: { id: true, code: true, title: true, dueDate: true, recurring: true, status: true, units: { select: { unitId: true, role: true } } },
  });
  return (await describeTasks(env, rows, null)).sort((a, b) => compareTaskCodes(a.code, b.code));
}

export const tasksDigestSection: DigestSection = {
  key: "tasks",
  async render(input) {
    const { db, t, scope, now, config } = input;
    const env: TaskEnv = { db, calendar: input.calendar, today: input.today };
    const fmt: FormatEnv = { t, timeZone: config.timezone };
    const from = input.since ?? new Date(now.getTime() - DAY_MS);
    const fromDate = localParts(from, config.timezone).date;
    const lines = await linesInScope(input, env);

    const reports = await db.progressReport.groupBy({
      by: ["taskId"],
      where: { createdAt: { gte: from, lt: now }, ...(scope.kind === "unit" ? { unitId: scope.unitId } : {}) },
      _count: { _all: true },
    });
    const newReports = new Map(reports.map((r) => [r.taskId, r._count._all]));
    const changedLines = lines.filter((l) => newReports.has(l.id));
    const overdue = lines.filter((l) => l.mark === "overdue");
    const dueSoon = lines.filter((l) => l.mark === "dueSoon");
    const newlyOverdue = overdue.filter((l) => l.dueDate !== null && l.dueDate >= fromDate);

    const staleDays = await getSetting(db, "tasks.staleReportDays");
    const staleLines: string[] = [];
    let staleCount = 0;
    if (scope.kind === "unit") {
      const stale = await staleReporters(db, scope.unitId, now, staleDays);
      staleCount = stale.length;
      staleLines.push(...stale.map((s) => `• ${escapeMarkup(s.fullName)}`));
    } else {
      const units = await db.unit.findMany({ where: { active: true, kind: { not: "external" } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
      for (const u of units) {
        const stale = await staleReporters(db, u.id, now, staleDays);
        if (stale.length === 0) continue;
        staleCount += stale.length;
        staleLines.push(`• ${t("tasks.digest.staleUnit", { unit: u.shortName ?? u.name, count: stale.length })}`);
      }
    }

    if (changedLines.length + overdue.length + dueSoon.length + staleCount === 0) return null;
    const out = [t("tasks.digest.title")];
    if (changedLines.length) {
      out.push(t("tasks.digest.changed", { count: changedLines.length }));
      out.push(
        ...capped(
          t,
          changedLines.map((l) => item(l, [percentText(fmt, l.percent), t("tasks.digest.newReports", { count: newReports.get(l.id)! })])),
        ),
      );
    }
    if (overdue.length) {
      out.push(t("tasks.digest.overdue", { count: overdue.length }));
      out.push(...capped(t, overdue.map((l) => item(l, [percentText(fmt, l.percent), markText(fmt, l.mark, l.days)]))));
    }
    if (dueSoon.length) {
      const days = await getSetting(db, "tasks.dueSoonWorkingDays");
      out.push(t("tasks.digest.dueSoon", { days, count: dueSoon.length }));
      out.push(...capped(t, dueSoon.map((l) => item(l, [percentText(fmt, l.percent), markText(fmt, l.mark, l.days)]))));
    }
    if (staleCount) {
      out.push(t("tasks.digest.stale", { days: staleDays, count: staleCount }));
      out.push(...capped(t, staleLines));
    }
    return { html: out.join("\n"), changed: changedLines.length > 0 || newlyOverdue.length > 0 };
  },
};
