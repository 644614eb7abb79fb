// Text of task lists, task details and unit overviews (neutral markup, bot/chat/markup.ts; i18next escapes the
// values it interpolates). Every page is kept under Telegram's 4096 characters whatever the
// titles, contents and notes: long parts are shortened, lists are capped or paged.
import type { ActionData } from "../../chat/action.js";
import { A } from "../../chat/actions.js";
import { escapeMarkup } from "../../chat/markup.js";
import { splitHtml, visibleLength } from "../../delivery/split.js";
import type { OutboxButton } from "../../delivery/outbox.js";
import { quoted, type TKey, type Translate } from "../../i18n.js";
import { shorten } from "../text.js";
import type { DueMark } from "./due.js";
import type { TaskDetail, TaskGroup, TaskListPage } from "./queries.js";
import type { UnitOverview, UnitTaskLine } from "./unit-overview.js";
import { formatDate, formatDateOf, formatDateTime } from "../date-text.js";

/** Room kept under Telegram's limit of 4096 visible characters. */
export const PAGE_TEXT_LIMIT = 3900;
export const LIST_PAGE_SIZE = 8;
const LIST_TITLE_MAX = 90;
const BUTTON_TITLE_MAX = 28;

export interface FormatEnv {
  t: Translate;
  timeZone: string;
}

export interface Page {
  text: string;
  buttons: OutboxButton[][];
}

const MARK_ICON: Record<DueMark, string> = { overdue: "🔴", dueSoon: "🟡", done: "✅", closed: "🔒", none: "▫️" };

/** "Hạn 31/12/2021", "Thường xuyên"; with `bare`, the date alone. */
export function dueText(env: FormatEnv, task: { dueDate: string | null; recurring: boolean }, bare = false): string {
  if (task.recurring) return env.t("tasks.recurring");
  if (!task.dueDate) return env.t("tasks.noDue");
  return bare ? formatDate(task.dueDate) : env.t("tasks.due", { date: formatDate(task.dueDate) });
}

export function markText(env: FormatEnv, mark: DueMark, days: number | null): string {
  switch (mark) {
    case "overdue":
      return env.t("tasks.marks.overdue", { days: days ?? 0 });
    case "dueSoon":
      return days === 0 ? env.t("tasks.marks.dueToday") : env.t("tasks.marks.dueSoon", { days: days ?? 0 });
    case "done":
      return env.t("tasks.marks.done");
    case "closed":
      return env.t("tasks.marks.closed");
    default:
      return "";
  }
}

export function percentText(env: FormatEnv, percent: number | null): string {
  return percent === null ? env.t("tasks.noReport") : env.t("tasks.percent", { percent });
}

interface LineInput {
  code: string;
  title: string;
  percent: number | null;
  reportedAt?: Date | null;
  dueDate: string | null;
  recurring: boolean;
  mark: DueMark;
  days: number | null;
}

/** Two lines per task: mark, code and title; then progress, due date and what the mark means. */
export function taskLine(env: FormatEnv, line: LineInput, extra: string[] = []): string {
  let progress = percentText(env, line.percent);
  if (line.reportedAt) progress += ` ${env.t("tasks.reportedOn", { date: formatDateOf(line.reportedAt, env.timeZone) })}`;
  const details = [...extra, progress, dueText(env, line)];
  const mark = markText(env, line.mark, line.days);
  if (mark) details.push(mark);
  return `${MARK_ICON[line.mark]} <b>${escapeMarkup(line.code)}</b> ${escapeMarkup(quoted(env.t, shorten(line.title, LIST_TITLE_MAX)))}\n      ${details.join(" · ")}`;
}

function legend(env: FormatEnv, dueSoonDays: number): string {
  return env.t("tasks.legend", { days: dueSoonDays });
}

export function taskButtonText(env: FormatEnv, code: string, title: string): string {
  return `${code} · ${quoted(env.t, shorten(title, BUTTON_TITLE_MAX))}`;
}

/**
 * When the plan places a task ("Trong năm 2021"): the plan's usual wording in the reader's
 * language, any other wording quoted as the plan gives it.
 */
export function timingText(t: Translate, note: string): string {
  const text = note.normalize("NFC").trim();
  const inYear = /^trong năm (\d{4})( \(kế hoạch không nêu thời hạn riêng\))?\.?$/iu.exec(text);
  if (inYear) return t(inYear[2] ? "tasks.timing.inYearNoDeadline" : "tasks.timing.inYear", { year: inYear[1]! });
  if (/^thường xuyên( trong năm)?\.?$/iu.test(text)) return t("tasks.timing.ongoing");
  return quoted(t, note);
}

const GROUP_KEY: Record<TaskGroup, TKey> = {
  assigned: "tasks.groups.assigned",
  lead: "tasks.groups.lead",
  coord: "tasks.groups.coord",
  other: "tasks.groups.other",
};

/** Previous/next buttons, and the task buttons above them. */
function withNav(env: FormatEnv, rows: OutboxButton[][], page: number, pages: number, data: (p: number) => ActionData): OutboxButton[][] {
  const nav: OutboxButton[] = [];
  if (page > 0) nav.push({ text: env.t("tasks.prev"), data: data(page - 1) });
  if (page < pages - 1) nav.push({ text: env.t("tasks.next"), data: data(page + 1) });
  return nav.length ? [...rows, nav] : rows;
}

/** /nhiemvu: one page of the person's tasks, grouped and labelled, with a button per task. */
export function taskListPage(env: FormatEnv, list: TaskListPage, dueSoonDays: number): Page {
  if (list.total === 0) return { text: env.t("tasks.none"), buttons: [] };
  const { page, pages, lines } = list;
  const parts = [env.t("tasks.listTitle", { count: list.total, page: page + 1, pages })];
  let group: TaskGroup | undefined;
  lines.forEach((l, i) => {
    if (l.group !== group) {
      group = l.group;
      const continued = i === 0 && list.continuesGroup;
      parts.push("", `<b>${env.t(GROUP_KEY[l.group])}</b>${continued ? ` ${env.t("tasks.continued")}` : ""}`);
    }
    parts.push(taskLine(env, l));
  });
  parts.push("", legend(env, dueSoonDays));
  const rows = lines.map((l) => [{ text: taskButtonText(env, l.code, l.title), data: A.tasks.detail.build({ id: l.id, page }) }]);
  return { text: parts.join("\n"), buttons: withNav(env, rows, page, pages, (p) => A.tasks.page.build({ page: p })) };
}

/** /baocao: the tasks one may report on, as buttons with their current progress. */
export function reportPickerPage(env: FormatEnv, list: TaskListPage): Page {
  if (list.total === 0) return { text: env.t("report.nothingToReport"), buttons: [] };
  const { page, pages, lines } = list;
  const rows = lines.map((l) => [
    { text: `${taskButtonText(env, l.code, l.title)} (${l.percent === null ? "—" : `${l.percent}%`})`, data: A.report.task.build({ id: l.id }) },
  ]);
  return {
    text: env.t("report.pick", { page: page + 1, pages, count: list.total }),
    buttons: withNav(env, rows, page, pages, (p) => A.report.page.build({ page: p })),
  };
}

function unitNames(units: { name: string }[], max = 12): string {
  const names = units.slice(0, max).map((u) => u.name);
  if (units.length > max) names.push(`+${units.length - max}`);
  return names.join("; ");
}

/** How much of the optional parts a detail shows, from the most to the least. */
interface DetailLevel {
  notes: number;
  assignees: number;
  reports: number;
  units: number;
}
const DETAIL_LEVELS: DetailLevel[] = [
  { notes: 200, assignees: 15, reports: 5, units: 12 },
  { notes: 80, assignees: 8, reports: 5, units: 12 },
  { notes: 0, assignees: 5, reports: 3, units: 6 },
];
const CONTENT_MIN = 400;

export interface DetailOptions {
  /** The list page to go back to. */
  page: number;
}

/** A task's detail: everything about it, the latest reports, and what the viewer may do. */
export function taskDetailPage(env: FormatEnv, d: TaskDetail, opts: DetailOptions): Page {
  const { t } = env;
  const build = (level: DetailLevel, content: string) => {
    const head = [
      t("tasks.detail.title", { code: d.code, title: d.title }),
      d.sectionTitle ? t("tasks.detail.sectionWithTitle", { section: d.section, title: d.sectionTitle }) : t("tasks.detail.section", { section: d.section }),
      t("tasks.detail.due", { due: dueText(env, d, true) }),
    ];
    if (d.timingNote && !d.recurring) head.push(t("tasks.detail.timing", { note: timingText(t, d.timingNote) }));
    const mark = markText(env, d.mark, d.days);
    head.push(t("tasks.detail.progress", { progress: percentText(env, d.percent) }) + (mark ? ` · ${mark}` : ""));
    if (d.status === "closed") head.push(t("tasks.detail.closed", { date: d.closedAt ? formatDateOf(d.closedAt, env.timeZone) : "" }));
    const body = ["", t("tasks.detail.content"), escapeMarkup(quoted(t, content)), ""];
    body.push(t("tasks.detail.lead", { units: d.leadUnits.length ? unitNames(d.leadUnits, level.units) : t("tasks.detail.noUnit") }));
    if (d.leadNote) body.push(t("tasks.detail.note", { note: d.leadNote }));
    if (d.coordUnits.length || d.coordNote) body.push(t("tasks.detail.coord", { units: d.coordUnits.length ? unitNames(d.coordUnits, level.units) : "—" }));
    if (d.coordNote) body.push(t("tasks.detail.note", { note: d.coordNote }));
    if (d.assignees.length) {
      const shown = d.assignees.slice(0, level.assignees).map((a) => `${a.fullName} (${a.unitName})`);
      if (d.assignees.length > level.assignees) shown.push(t("tasks.detail.more", { count: d.assignees.length - level.assignees }));
      body.push(t("tasks.detail.assignees", { names: shown.join("; ") }));
    }
    if (d.unitProgress.length > 1) {
      const per = d.unitProgress.slice(0, level.units).map((u) => `${u.unit.shortName ?? u.unit.name} ${u.percent}% (${formatDateOf(u.at, env.timeZone)})`);
      if (d.unitProgress.length > level.units) per.push(`+${d.unitProgress.length - level.units}`);
      body.push(t("tasks.detail.unitProgress", { list: per.join("; ") }));
    }
    body.push("");
    const reports = d.reports.slice(0, level.reports);
    if (reports.length === 0) body.push(t("tasks.detail.noReports"));
    else {
      body.push(t("tasks.detail.reportsTitle", { shown: reports.length, total: d.reportCount }));
      for (const r of reports) {
        let line = t("tasks.detail.report", {
          at: formatDateTime(r.at, env.timeZone),
          name: r.staffName,
          unit: r.unitName ?? "—",
          percent: r.percent,
        });
        if (r.note && level.notes > 0) line += ` — ${escapeMarkup(quoted(t, shorten(r.note, level.notes)))}`;
        if (r.fileKind) line += ` ${r.fileName ? t("tasks.detail.file", { name: shorten(r.fileName, 40) }) : t("tasks.detail.photo")}`;
        body.push(line);
      }
    }
    return [...head, ...body].join("\n");
  };

  let text = "";
  for (const level of DETAIL_LEVELS) {
    const room = PAGE_TEXT_LIMIT - visibleLength(build(level, ""));
    if (room >= Math.min(d.content.length, CONTENT_MIN) || level === DETAIL_LEVELS.at(-1)) {
      text = build(level, shorten(d.content, Math.max(room, CONTENT_MIN)));
      break;
    }
  }
  // Whatever the data, never more than Telegram takes: cut at a line, tags kept valid.
  if (visibleLength(text) > PAGE_TEXT_LIMIT) text = `${splitHtml(text, PAGE_TEXT_LIMIT - 2)[0]!}\n…`;

  const buttons: OutboxButton[][] = [];
  if (d.canReport) buttons.push([{ text: t("tasks.detail.reportButton"), data: A.report.task.build({ id: d.id }) }]);
  const files = d.reports.filter((r) => r.fileKind).slice(0, 3);
  for (const r of files)
    buttons.push([{ text: t("tasks.detail.fileButton", { name: shorten(r.fileName ?? t("tasks.detail.photoName"), 24), date: formatDateOf(r.at, env.timeZone) }), data: A.tasks.file.build({ reportId: r.id }) }]);
  if (d.canClose)
    buttons.push([
      d.status === "closed"
        ? { text: t("tasks.detail.reopenButton"), data: A.tasks.reopen.build({ id: d.id, page: opts.page }) }
        : { text: t("tasks.detail.closeButton"), data: A.tasks.close.build({ id: d.id, page: opts.page }) },
    ]);
  buttons.push([{ text: t("tasks.detail.backButton"), data: A.tasks.page.build({ page: opts.page }) }]);
  return { text, buttons };
}

const STALE_NAMES_MAX = 20;

/** /donvi: the unit's completion, who has not reported, and a page of its tasks. */
export function unitOverviewPage(env: FormatEnv, o: UnitOverview, dueSoonDays: number): Page {
  const { t } = env;
  const { page, pages, lines: slice, total } = o.tasks;
  const parts = [t("unit.title", { name: o.unit.name })];
  parts.push(
    o.completion
      ? t("unit.completion", { percent: o.completion.percent, done: o.completion.done, total: o.completion.total })
      : t("unit.noLeadTasks"),
  );
  if (o.stale.length === 0) parts.push(t("unit.allReported", { days: o.staleDays }));
  else {
    const names = o.stale
      .slice(0, STALE_NAMES_MAX)
      .map((s) =>
        s.lastReportAt
          ? t("unit.staleLast", { name: s.fullName, date: formatDateOf(s.lastReportAt, env.timeZone) })
          : t("unit.staleNever", { name: s.fullName }),
      );
    if (o.stale.length > STALE_NAMES_MAX) names.push(t("tasks.detail.more", { count: o.stale.length - STALE_NAMES_MAX }));
    parts.push(`${t("unit.stale", { days: o.staleDays, count: o.stale.length })} ${names.join(", ")}`);
  }
  parts.push("");
  if (total === 0) parts.push(t("unit.noTasks"));
  else {
    parts.push(t("unit.tasksTitle", { count: total, page: page + 1, pages }));
    for (const l of slice) parts.push(taskLine(env, l, [t(l.role === "lead" ? "unit.roleLead" : "unit.roleCoord")]));
    parts.push("", legend(env, dueSoonDays));
  }
  const rows = slice.map((l: UnitTaskLine) => [{ text: taskButtonText(env, l.code, l.title), data: A.tasks.detail.build({ id: l.id }) }]);
  return { text: parts.join("\n"), buttons: withNav(env, rows, page, pages, (p) => A.unit.show.build({ id: o.unit.id, page: p })) };
}
