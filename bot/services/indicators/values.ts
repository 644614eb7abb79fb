// The figures the office enters per period (/chiso nhap in the chat, `cli indicators set`):
// one service for both, which checks who may, validates every field (a percentage 0–100 or a
// count of units, the source, the date), writes nothing when anything is wrong, keeps every
// entry (the latest of a period and indicator counts) and writes the audit log either way.
import type { Db } from "../../db/client.js";
import { parseDate, parseInteger, parsePercent } from "../../import/parsers.js";
import { audit } from "../audit.js";
import { resolvePeriod } from "../reports/periods.js";
import { isOffice } from "../roles.js";
import { charLength, textFault } from "../safe-text.js";
import { cleanText } from "../text.js";
import { localParts } from "../time.js";
import { type EnteredIndicator, indicatorByKey } from "./catalog.js";

export const SOURCE_MAX = 200;

export type IndicatorInputError =
  | { code: "unknownPeriod"; params: { period: string } }
  | { code: "unknownKey"; params: { key: string } }
  | { code: "measuredKey"; params: { key: string } }
  | { code: "badPercent"; params: { value: string } }
  | { code: "badCount"; params: { value: string; max: number } }
  | { code: "sourceEmpty"; params: Record<string, never> }
  | { code: "sourceTooLong"; params: { max: number } }
  | { code: "sourceFault"; params: Record<string, never> }
  | { code: "badDate"; params: { value: string } }
  | { code: "dateFuture"; params: { value: string } };

export interface IndicatorActor {
  /** "telegram:123" | "cli:<os user>". */
  actor: string;
  /** The staff member in the chat; null on the CLI (the office's own tool on the server). */
  staffId: number | null;
  /** The chat user's role; null on the CLI. */
  role: string | null;
}

export interface IndicatorInput {
  period: string;
  key: string;
  value: string;
  source: string;
  /** The figure's date at its source: dd/mm/yyyy (or yyyy-mm-dd). */
  date: string;
}

export interface EnteredValue {
  period: string;
  key: string;
  value: number;
  source: string;
  sourceDate: string;
  enteredBy: string;
  enteredById: number | null;
  createdAt: Date;
}

export type SetResult =
  | { status: "saved"; value: EnteredValue; previous: EnteredValue | null }
  | { status: "denied" }
  | { status: "invalid"; errors: IndicatorInputError[] };

/** Who may enter figures: the office (and administrators); the CLI runs on the server. */
export function mayEnterIndicators(actor: Pick<IndicatorActor, "role">): boolean {
  return actor.role === null || isOffice(actor.role);
}

/** Whether the actor may start entering figures; a refusal is written to the audit log. */
export async function checkMayEnter(db: Db, actor: IndicatorActor, now: Date): Promise<boolean> {
  if (mayEnterIndicators(actor)) return true;
  await audit(db, { actor: actor.actor, actorStaffId: actor.staffId, action: "indicator.enter", outcome: "denied", at: now });
  return false;
}

export function enteredIndicator(key: string): EnteredIndicator | IndicatorInputError {
  const def = indicatorByKey(key.trim());
  if (!def) return { code: "unknownKey", params: { key } };
  if (def.origin !== "entered") return { code: "measuredKey", params: { key } };
  return def;
}

/** The department's units counted by the "units using the shared systems" indicator. */
export async function unitCount(db: Db): Promise<number> {
  return db.unit.count({ where: { active: true, kind: "internal" } });
}

export function checkValue(def: EnteredIndicator, raw: string, units: number): number | IndicatorInputError {
  const text = raw.trim();
  if (def.kind === "percent") {
    const r = parsePercent(text, { required: true, min: 0, max: 100 });
    // Two decimals at most: "87,25%" is a figure someone read off a report; more is noise.
    if (!r.ok || Math.round(r.value * 100) !== r.value * 100) return { code: "badPercent", params: { value: text } };
    return r.value;
  }
  const r = parseInteger(text, { required: true, min: 0, max: units });
  return r.ok ? r.value : { code: "badCount", params: { value: text, max: units } };
}

export function checkSource(raw: string): string | IndicatorInputError {
  if (textFault(raw)) return { code: "sourceFault", params: {} };
  const s = cleanText(raw);
  if (!s) return { code: "sourceEmpty", params: {} };
  if (charLength(s) > SOURCE_MAX) return { code: "sourceTooLong", params: { max: SOURCE_MAX } };
  return s;
}

/** The figure's date: a real date, not after today (in the deployment's zone). */
export function checkDate(raw: string, now: Date, timeZone: string): string | IndicatorInputError {
  const text = raw.trim();
  const r = parseDate(text, { required: true, min: "2000-01-01" });
  if (!r.ok) return { code: "badDate", params: { value: text } };
  if (r.value > localParts(now, timeZone).date) return { code: "dateFuture", params: { value: text } };
  return r.value;
}

const isError = (v: unknown): v is IndicatorInputError => typeof v === "object" && v !== null && "code" in v;

function toEntered(r: { period: string; key: string; value: number; source: string; sourceDate: string; enteredBy: string; enteredById: number | null; createdAt: Date }): EnteredValue {
  return { period: r.period, key: r.key, value: r.value, source: r.source, sourceDate: r.sourceDate, enteredBy: r.enteredBy, enteredById: r.enteredById, createdAt: r.createdAt };
}

/** The latest entry of each entered indicator for a period. */
export async function enteredValues(db: Db, period: string): Promise<Map<string, EnteredValue>> {
  const rows = await db.indicatorValue.findMany({ where: { period }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const out = new Map<string, EnteredValue>();
  for (const r of rows) out.set(r.key, toEntered(r));
  return out;
}

export async function setIndicatorValue(db: Db, actor: IndicatorActor, input: IndicatorInput, now: Date, timeZone: string): Promise<SetResult> {
  const target = `${input.period.trim()}:${input.key.trim()}`.slice(0, 80);
  if (!mayEnterIndicators(actor)) {
    await audit(db, { actor: actor.actor, actorStaffId: actor.staffId, action: "indicator.set", target, outcome: "denied", at: now });
    return { status: "denied" };
  }
  const errors: IndicatorInputError[] = [];
  const period = await resolvePeriod(db, input.period);
  if (!period) errors.push({ code: "unknownPeriod", params: { period: input.period.trim() } });
  const def = enteredIndicator(input.key);
  let value: number | IndicatorInputError | null = null;
  if (isError(def)) errors.push(def);
  else value = checkValue(def, input.value, await unitCount(db));
  const source = checkSource(input.source);
  const date = checkDate(input.date, now, timeZone);
  for (const v of [value, source, date]) if (isError(v)) errors.push(v);
  if (errors.length > 0 || !period || isError(def) || typeof value !== "number" || isError(source) || isError(date)) {
    await audit(db, { actor: actor.actor, actorStaffId: actor.staffId, action: "indicator.set", target, outcome: "failed", details: { errors: errors.map((e) => e.code) }, at: now });
    return { status: "invalid", errors };
  }
  const saved = await db.$transaction(async (tx) => {
    const previous = await tx.indicatorValue.findFirst({ where: { period: period.key, key: def.key }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    const row = await tx.indicatorValue.create({
      data: { period: period.key, key: def.key, value, source, sourceDate: date, enteredBy: actor.actor, enteredById: actor.staffId, createdAt: now },
    });
    await audit(tx, {
      actor: actor.actor,
      actorStaffId: actor.staffId,
      action: "indicator.set",
      target: `${period.key}:${def.key}`,
      details: { value, source, sourceDate: date, previous: previous?.value ?? null },
      at: now,
    });
    return { row, previous };
  });
  return { status: "saved", value: toEntered(saved.row), previous: saved.previous ? toEntered(saved.previous) : null };
}
