// Units' reports on a period (/nopbaocao): who may submit for which unit, the draft the bot
// makes from the unit's data, every submission and correction kept as a new version, and the
// office closing a period (after which nothing more is accepted). Authorisation is checked
// here, on the server, and written to the audit log, whatever channel asked.
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { audit } from "../audit.js";
import { isOffice } from "../roles.js";
import { charLength } from "../safe-text.js";
import { cleanText } from "../text.js";
import { type FigureEntry, figureEntries, fingerprintOf } from "./figure-changes.js";
import { type PeriodFigures, periodFigures } from "./figures.js";
import { activeDeadlines, currentPeriod, type Period, periodAsOf, periodOf } from "./periods.js";
import { type TaskLine, unitTaskLines } from "./task-lines.js";

/** Each of the unit's own texts (other results, difficulties, proposals) holds at most this many characters. */
export const SUBMISSION_TEXT_MAX = 3000;
export const TEXT_FIELDS = ["results", "difficulties", "proposals"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type SubmissionTexts = Record<TextField, string | null>;

export interface Submitter {
  staffId: number;
  role: string;
  unitId: number;
  actor: string;
}

export interface ReportingUnit {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
}

/** The units that report to the office: the department's internal units, in their order. */
export async function reportingUnits(db: Db): Promise<ReportingUnit[]> {
  return db.unit.findMany({
    where: { kind: "internal", active: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, code: true, name: true, shortName: true },
  });
}

/** A head submits for their own unit, the office for any reporting unit. */
export function maySubmitFor(who: { role: string; unitId: number }, unitId: number): boolean {
  return isOffice(who.role) || (who.role === "truong_phong" && who.unitId === unitId);
}

export async function isPeriodClosed(db: Db, periodKey: string): Promise<boolean> {
  return (await db.reportPeriodClosure.count({ where: { periodKey } })) > 0;
}

export interface PeriodChoice {
  period: Period;
  current: boolean;
  closed: boolean;
}

/**
 * The periods worth offering today: the current one first, then every period of the active
 * deadlines that has started, this year and last, latest due first.
 */
export async function periodChoices(db: Db, today: string): Promise<PeriodChoice[]> {
  const deadlines = await activeDeadlines(db);
  const current = currentPeriod(deadlines, today);
  const year = Number(today.slice(0, 4));
  const started = [year - 1, year, year + 1]
    .flatMap((y) => deadlines.map((d) => periodOf(d, y)))
    .filter((p): p is Period => p !== null && p.from <= today && p.key !== current?.key)
    .sort((a, b) => (a.due < b.due ? 1 : a.due > b.due ? -1 : 0));
  const periods = [...(current ? [current] : []), ...started];
  const closed = new Set((await db.reportPeriodClosure.findMany({ where: { periodKey: { in: periods.map((p) => p.key) } } })).map((c) => c.periodKey));
  return periods.map((p) => ({ period: p, current: p.key === current?.key, closed: closed.has(p.key) }));
}

export interface UnitDraft {
  unit: ReportingUnit;
  period: Period;
  asOf: Date;
  tasks: TaskLine[];
  figures: PeriodFigures;
  entries: FigureEntry[];
  fingerprint: string;
}

/** What the bot knows of the unit's period: its tasks with their latest progress and note, its dossiers, alerts and tips. */
export async function draftUnitReport(db: Db, unit: ReportingUnit, period: Period, now: Date, timeZone: string): Promise<UnitDraft> {
  const asOf = periodAsOf(period, now, timeZone);
  const [tasks, figures] = await Promise.all([unitTaskLines(db, unit.id, asOf), periodFigures(db, period, asOf, { unitId: unit.id }, { timeZone })]);
  const entries = figureEntries([{ scope: unit.code, scopeName: unit.shortName ?? unit.name, figures, tasks }]);
  return { unit, period, asOf, tasks, figures, entries, fingerprint: fingerprintOf(entries) };
}

export interface LatestSubmission {
  unitId: number;
  version: number;
  texts: SubmissionTexts;
  fingerprint: string;
  asOf: Date;
  submittedAt: Date;
  submittedBy: string;
}

/** The latest version of each unit's submission on a period. */
export async function latestSubmissions(db: Db, periodKey: string, unitId?: number): Promise<Map<number, LatestSubmission>> {
  const rows = await db.reportSubmission.findMany({
    where: { periodKey, ...(unitId !== undefined ? { unitId } : {}) },
    include: { versions: { orderBy: { version: "desc" }, take: 1, include: { submittedBy: { select: { fullName: true } } } } },
  });
  const out = new Map<number, LatestSubmission>();
  for (const r of rows) {
    const v = r.versions[0];
    if (!v) continue;
    out.set(r.unitId, {
      unitId: r.unitId,
      version: v.version,
      texts: { results: v.results, difficulties: v.difficulties, proposals: v.proposals },
      fingerprint: v.fingerprint,
      asOf: v.asOf,
      submittedAt: v.submittedAt,
      submittedBy: v.submittedBy.fullName,
    });
  }
  return out;
}

/** A unit's text as stored: NFC, invisible characters out, line breaks kept; null when empty. */
export function cleanSubmissionText(raw: string): string | null {
  const v = cleanText(raw, true);
  return v ? v : null;
}

export type SubmitResult =
  | { ok: true; version: number }
  | { ok: false; reason: "forbidden" | "closed" | "not_found" }
  | { ok: false; reason: "too_long"; field: TextField; length: number };

/**
 * Records the unit's report on the period as its next version (1 for the first submission).
 * Refused when the submitter may not report for the unit, the period is closed, or a text is
 * too long; two submissions at once get consecutive versions, none is lost.
 */
export async function submitReport(db: Db, who: Submitter, draft: UnitDraft, texts: SubmissionTexts, now: Date): Promise<SubmitResult> {
  const deny = async (reason: "forbidden" | "closed" | "not_found") => {
    await audit(db, { actor: who.actor, actorStaffId: who.staffId, action: "report.submit", target: `${draft.period.key}:${draft.unit.code}`, outcome: "denied", details: { reason }, at: now });
    return { ok: false as const, reason };
  };
  if (!maySubmitFor(who, draft.unit.id)) return deny("forbidden");
  for (const field of TEXT_FIELDS) {
    const length = charLength(texts[field] ?? "");
    if (length > SUBMISSION_TEXT_MAX) return { ok: false, reason: "too_long", field, length };
  }
  const unit = await db.unit.findFirst({ where: { id: draft.unit.id, kind: "internal", active: true } });
  if (!unit) return deny("not_found");
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        if ((await tx.reportPeriodClosure.count({ where: { periodKey: draft.period.key } })) > 0) return { ok: false as const, reason: "closed" as const };
        const sub =
          (await tx.reportSubmission.findUnique({ where: { unitId_periodKey: { unitId: unit.id, periodKey: draft.period.key } } })) ??
          (await tx.reportSubmission.create({ data: { unitId: unit.id, periodKey: draft.period.key, createdAt: now } }));
        const last = await tx.reportSubmissionVersion.findFirst({ where: { submissionId: sub.id }, orderBy: { version: "desc" }, select: { version: true } });
        const version = (last?.version ?? 0) + 1;
        await tx.reportSubmissionVersion.create({
          data: {
            submissionId: sub.id,
            version,
            results: texts.results,
            difficulties: texts.difficulties,
            proposals: texts.proposals,
            figures: JSON.stringify({ entries: draft.entries, tasks: draft.tasks, figures: { dossiers: draft.figures.dossiers, tasks: draft.figures.tasks, alerts: draft.figures.alerts, tips: draft.figures.tips } }),
            fingerprint: draft.fingerprint,
            asOf: draft.asOf,
            submittedById: who.staffId,
            submittedAt: now,
          },
        });
        await audit(tx, { actor: who.actor, actorStaffId: who.staffId, action: "report.submit", target: `${draft.period.key}:${unit.code}`, details: { version }, at: now });
        return { ok: true as const, version };
      });
    } catch (e) {
      // Another submission of the same unit took this version (or created the row) meanwhile: the next one.
      if (isUniqueViolation(e) && attempt < 3) continue;
      throw e;
    }
  }
}

export type CloseResult = "closed" | "already" | "forbidden";

/** The office closes a period: no submission or correction is accepted after it. */
export async function closePeriod(db: Db, periodKey: string, who: { actor: string; staffId: number | null; role: string | null }, now: Date): Promise<CloseResult> {
  // The CLI (role null) is the office at the server's console.
  if (who.role !== null && !isOffice(who.role)) {
    await audit(db, { actor: who.actor, actorStaffId: who.staffId, action: "report.close", target: periodKey, outcome: "denied", at: now });
    return "forbidden";
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.reportPeriodClosure.create({ data: { periodKey, closedAt: now, closedBy: who.actor } });
      await audit(tx, { actor: who.actor, actorStaffId: who.staffId, action: "report.close", target: periodKey, at: now });
    });
    return "closed";
  } catch (e) {
    if (isUniqueViolation(e)) return "already";
    throw e;
  }
}
