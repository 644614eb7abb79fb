// A period's figures as a flat list of labelled numbers, its fingerprint, and what changed
// between two lists: a report re-generated later says which figures differ from the last one
// ("Số liệu đã thay đổi so với lần tạo trước: …"), and a unit's submission keeps the figures
// it was made with.
import { createHash } from "node:crypto";
import type { TKey, Translate } from "../../i18n.js";
import type { PeriodFigures } from "./figures.js";
import type { TaskLine } from "./task-lines.js";

/** The counted figures (rates are derived from them, so they change only when these do). */
export const METRICS = {
  dossiers: ["received", "handled", "handledOnTime", "handledLate", "pending", "overdue"],
  tasks: ["total", "done", "inProgress", "notStarted", "overdue"],
  alerts: ["alerts", "recipients", "read", "remediationHandled", "remediationTotal"],
  tips: ["tipsSent", "quizAnswers", "participants"],
} as const;

export interface FigureEntry {
  /** "" for the department, else the unit's code. */
  scope: string;
  /** The scope as a reader names it ("Sở", "KH-TC"). */
  scopeName: string;
  /** "dossiers.received" …, or "task:<code>" for a task's progress in the unit. */
  metric: string;
  value: number | null;
}

export interface ScopedFigures {
  scope: string;
  scopeName: string;
  figures: PeriodFigures;
  tasks?: readonly TaskLine[];
}

export function figureEntries(scopes: readonly ScopedFigures[]): FigureEntry[] {
  const out: FigureEntry[] = [];
  for (const s of scopes) {
    for (const group of Object.keys(METRICS) as (keyof typeof METRICS)[]) {
      const figures = s.figures[group] as unknown as Record<string, number>;
      for (const m of METRICS[group]) out.push({ scope: s.scope, scopeName: s.scopeName, metric: `${group}.${m}`, value: figures[m] ?? null });
    }
    for (const t of s.tasks ?? []) out.push({ scope: s.scope, scopeName: s.scopeName, metric: `task:${t.code}`, value: t.percent });
  }
  return out;
}

function keyOf(e: FigureEntry): string {
  return `${e.scope}|${e.metric}`;
}

/** sha256 of the figures in a fixed order: equal figures, equal fingerprints. */
export function fingerprintOf(entries: readonly FigureEntry[]): string {
  const sorted = [...entries].map((e) => [keyOf(e), e.value] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex");
}

export interface FigureChange {
  entry: FigureEntry;
  from: number | null;
  to: number | null;
}

/** What differs between the figures of the last report and of this one (added and removed figures too). */
export function changedFigures(before: readonly FigureEntry[], after: readonly FigureEntry[]): FigureChange[] {
  const old = new Map(before.map((e) => [keyOf(e), e]));
  const out: FigureChange[] = [];
  for (const e of after) {
    const prev = old.get(keyOf(e));
    old.delete(keyOf(e));
    if (!prev || prev.value !== e.value) out.push({ entry: e, from: prev?.value ?? null, to: e.value });
  }
  for (const e of old.values()) out.push({ entry: e, from: e.value, to: null });
  return out;
}

export function parseEntries(json: string): FigureEntry[] {
  const v = JSON.parse(json) as unknown;
  if (!Array.isArray(v)) return [];
  return v.filter(
    (e): e is FigureEntry =>
      typeof e === "object" && e !== null && typeof e.scope === "string" && typeof e.scopeName === "string" && typeof e.metric === "string" && (typeof e.value === "number" || e.value === null),
  );
}

/** "KH-TC — Hồ sơ tiếp nhận: 12 → 13". */
export function describeChange(t: Translate, c: FigureChange): string {
  const { metric } = c.entry;
  const label = metric.startsWith("task:") ? t("periodReports.metrics.task", { code: metric.slice(5) }) : t(`periodReports.metrics.${metric}` as TKey);
  const scope = c.entry.scope ? c.entry.scopeName : t("periodReports.department");
  const show = (v: number | null) => (v === null ? "—" : String(v));
  return t("periodReports.change", { scope, label, from: show(c.from), to: show(c.to) });
}
