// A month of the working calendar as the office checks it (/lich, `npm run cli -- calendar`):
// which days are worked, the holidays, days in lieu and swapped Saturdays in force, where each
// came from (the Labour Code's rules, the government notices built in, or a notice the office
// imported), and when the office last imported a holiday notice.
import type { Db } from "../db/client.js";
import type { Translate } from "../i18n.js";
import {
  type DayStatus,
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  OFFICIAL_NOTICES,
  type WorkingCalendar,
  daysInMonth,
  dayOfWeek,
  isoDateFromParts,
} from "./calendar/index.js";
import { dataText } from "./data-text.js";
import { formatDate, formatDateTime } from "./date-text.js";

export interface YearMonth {
  year: number;
  month: number;
}

/** "2026-12", "12/2026" or "12-2026"; null when it is not a month the calendar covers. */
export function parseYearMonth(text: string): YearMonth | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  const ym = iso ? { year: Number(iso[1]), month: Number(iso[2]) } : vn ? { year: Number(vn[2]), month: Number(vn[1]) } : null;
  return ym && isCoveredMonth(ym) ? ym : null;
}

export function isCoveredMonth(ym: YearMonth): boolean {
  return Number.isInteger(ym.year) && Number.isInteger(ym.month) && ym.month >= 1 && ym.month <= 12 && ym.year >= LUNAR_MIN_YEAR && ym.year <= LUNAR_MAX_YEAR;
}

export function shiftMonth(ym: YearMonth, by: number): YearMonth {
  const i = ym.year * 12 + (ym.month - 1) + by;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

export type DaySource = "computed" | "builtin" | "imported";

export interface MarkedDay {
  status: DayStatus;
  source: DaySource;
}

export interface ImportStatus {
  /** The latest holiday import (`import holidays`, or a spreadsheet sent in the chat). */
  last: { at: Date; who: string; rows: number | null } | null;
  /** Rows the office imported, in force for this year. */
  importedRowsOfYear: number;
  /** The built-in government notices cover this year. */
  builtinYear: boolean;
}

export interface CalendarMonth extends YearMonth {
  days: DayStatus[];
  workingDays: number;
  /** Days off other than ordinary weekends (holidays, days in lieu, notice days). */
  daysOff: MarkedDay[];
  /** Saturdays (or other days) worked to make up a swapped day. */
  makeUpDays: MarkedDay[];
  imports: ImportStatus;
}

export async function calendarMonth(db: Db, calendar: WorkingCalendar, ym: YearMonth): Promise<CalendarMonth> {
  const n = daysInMonth(ym.year, ym.month);
  const days = Array.from({ length: n }, (_, i) => calendar.dayStatus(isoDateFromParts(ym.year, ym.month, i + 1)));
  const imported = await db.calendarOverride.findMany({ where: { date: { gte: `${ym.year}-01-01`, lte: `${ym.year}-12-31` } }, select: { date: true } });
  const importedDates = new Set(imported.map((r) => r.date));
  const sourceOf = (d: DayStatus): DaySource =>
    importedDates.has(d.date) ? "imported" : (d.holiday?.source ?? (d.makeUpDay ? "override" : "computed")) === "computed" ? "computed" : "builtin";
  const last = await db.auditLog.findFirst({ where: { action: "calendar.import", outcome: "ok" }, orderBy: { id: "desc" } });
  let lastStatus: ImportStatus["last"] = null;
  if (last) {
    const staff = last.actorStaffId === null ? null : await db.staff.findUnique({ where: { id: last.actorStaffId }, select: { code: true, fullName: true } });
    let rows: number | null = null;
    try {
      const d = JSON.parse(last.details ?? "{}") as { rows?: unknown };
      rows = typeof d.rows === "number" ? d.rows : null;
    } catch {
      /* details are informative only */
    }
    lastStatus = { at: last.at, who: staff ? `${staff.fullName} (${staff.code})` : last.actor, rows };
  }
  return {
    ...ym,
    days,
    workingDays: days.filter((d) => d.working).length,
    daysOff: days.filter((d) => !d.working && d.holiday).map((status) => ({ status, source: sourceOf(status) })),
    makeUpDays: days.filter((d) => d.makeUpDay).map((status) => ({ status, source: sourceOf(status) })),
    imports: { last: lastStatus, importedRowsOfYear: imported.length, builtinYear: OFFICIAL_NOTICES.some((o) => o.year === ym.year) },
  };
}

const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - [...s].length));

/**
 * The month as a grid, Monday first, one <code> line per week (monospaced where the platform
 * can), each day marked: nothing (worked), "·" (weekend), "*" (holiday or day off), "+" (worked
 * to make up a swapped day).
 */
function grid(t: Translate, m: CalendarMonth): string[] {
  const head = [1, 2, 3, 4, 5, 6, 0].map((d) => pad(t(`office.lich.wd${d}` as "office.lich.wd0"), 4)).join("");
  const lines = [`<code>${head.trimEnd()}</code>`];
  const lead = (dayOfWeek(m.days[0]!.date) + 6) % 7;
  let row: string[] = Array.from({ length: lead }, () => "    ");
  for (const d of m.days) {
    const mark = d.makeUpDay ? "+" : !d.working ? (d.holiday ? "*" : "·") : " ";
    row.push(pad(`${String(Number(d.date.slice(8))).padStart(2, " ")}${mark}`, 4));
    if (row.length === 7) {
      lines.push(`<code>${row.join("").trimEnd()}</code>`);
      row = [];
    }
  }
  if (row.length) lines.push(`<code>${row.join("").trimEnd()}</code>`);
  return lines;
}

export function renderCalendarMonth(t: Translate, m: CalendarMonth, timeZone: string): string {
  const lines = [t("office.lich.title", { month: m.month, year: m.year }), "", ...grid(t, m), t("office.lich.legend"), ""];
  lines.push(t("office.lich.workingDays", { count: m.workingDays, days: m.days.length }));
  const source = (s: DaySource) => t(`office.lich.source.${s}`);
  if (m.daysOff.length) {
    lines.push("", t("office.lich.daysOffTitle"));
    for (const { status: d, source: s } of m.daysOff) {
      const kind = d.holiday!.kind === "nghi_bu" ? t("office.lich.inLieu") : "";
      lines.push(t("office.lich.dayLine", { date: formatDate(d.date), weekday: t(`office.lich.wd${dayOfWeek(d.date)}` as "office.lich.wd0"), name: dataText(t, d.holiday!.name), kind, source: source(s) }));
    }
  } else lines.push(t("office.lich.noDaysOff"));
  if (m.makeUpDays.length) {
    lines.push("", t("office.lich.makeUpTitle"));
    for (const { status: d, source: s } of m.makeUpDays) {
      lines.push(t("office.lich.dayLine", { date: formatDate(d.date), weekday: t(`office.lich.wd${dayOfWeek(d.date)}` as "office.lich.wd0"), name: dataText(t, d.makeUpDay!.name), kind: "", source: source(s) }));
    }
  }
  const imp = m.imports;
  lines.push("", t("office.lich.importTitle"));
  lines.push(
    imp.last
      ? t("office.lich.lastImport", { at: formatDateTime(imp.last.at, timeZone), who: imp.last.who, rows: imp.last.rows ?? "?" })
      : t("office.lich.neverImported"),
  );
  lines.push(t("office.lich.yearRows", { year: m.year, count: imp.importedRowsOfYear }));
  lines.push(t(imp.builtinYear ? "office.lich.builtinYes" : "office.lich.builtinNo", { year: m.year }));
  return lines.join("\n");
}
