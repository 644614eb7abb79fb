// Remediation: when an alert asks for it, each unit's head reports "đã xử lý X / Y máy"
// (and a note). Every report is kept; the latest of each unit counts in the roll-up.
// The office may report for a unit whose head cannot (or that has none).
import type { Db } from "../../db/client.js";
import { audit } from "../audit.js";
import { isOffice } from "../roles.js";
import { MACHINES_MAX, NOTE_MAX } from "./model.js";

export type NumbersParse =
  | { ok: true; handled: number; total: number }
  | { ok: false; error: "format" | "handled-over-total" | "too-large"; handled?: number; total?: number };

/** "12/15", "12 / 15", "12 trên 15", "12 15": handled then total, both whole numbers ≥ 0. */
export function parseMachineCounts(text: string): NumbersParse {
  const m = text
    .normalize("NFC")
    .trim()
    .match(/^(\d{1,9})\s*(?:\/|trên|tren|of|\s)\s*(\d{1,9})(?:\s*(?:máy|may|machines?))?$/i);
  if (!m) return { ok: false, error: "format" };
  const handled = Number(m[1]);
  const total = Number(m[2]);
  if (handled > MACHINES_MAX || total > MACHINES_MAX) return { ok: false, error: "too-large" };
  if (handled > total) return { ok: false, error: "handled-over-total", handled, total };
  return { ok: true, handled, total };
}

export interface Reporter {
  actor: string;
  staffId: number;
  role: string;
  unitId: number;
}

/** Units a person may report for on this alert: their own as head, any of the audience as office. */
export async function reportableUnits(db: Db, alertId: number, reporter: Pick<Reporter, "role" | "unitId">): Promise<number[]> {
  const alert = await db.securityAlert.findUnique({ where: { id: alertId }, select: { status: true, requireRemediation: true } });
  if (!alert || alert.status !== "sent" || !alert.requireRemediation) return [];
  const rows = await db.alertRecipient.findMany({ where: { alertId }, select: { unitId: true }, distinct: ["unitId"] });
  const units = rows.map((r) => r.unitId).filter((u): u is number => u !== null);
  if (isOffice(reporter.role)) return units;
  return reporter.role === "truong_phong" && units.includes(reporter.unitId) ? [reporter.unitId] : [];
}

/** Open alerts that await a remediation report from this person. */
export async function alertsAwaitingRemediation(db: Db, reporter: Pick<Reporter, "role" | "unitId">, since: Date) {
  const alerts = await db.securityAlert.findMany({
    where: {
      status: "sent",
      requireRemediation: true,
      sentAt: { gte: since },
      corrections: { none: {} },
      ...(isOffice(reporter.role) ? {} : { recipients: { some: { unitId: reporter.unitId } } }),
    },
    orderBy: { id: "desc" },
    take: 10,
    select: { id: true, title: true, severity: true },
  });
  return reporter.role === "truong_phong" || isOffice(reporter.role) ? alerts : [];
}

export type RemediationResult =
  | { status: "recorded"; reportId: number }
  | { status: "invalid"; error: Extract<NumbersParse, { ok: false }>["error"] | "note-too-long" }
  | { status: "not-open" | "denied" };

export async function reportRemediation(
  db: Db,
  input: { alertId: number; unitId: number; handled: number; total: number; note?: string | null },
  reporter: Reporter,
  now: Date,
): Promise<RemediationResult> {
  const { alertId, unitId, handled, total } = input;
  const note = input.note?.normalize("NFC").trim() || null;
  if (![handled, total].every((n) => Number.isInteger(n) && n >= 0)) return { status: "invalid", error: "format" };
  if (handled > MACHINES_MAX || total > MACHINES_MAX) return { status: "invalid", error: "too-large" };
  if (handled > total) return { status: "invalid", error: "handled-over-total" };
  if (note && note.length > NOTE_MAX) return { status: "invalid", error: "note-too-long" };
  const alert = await db.securityAlert.findUnique({ where: { id: alertId }, select: { status: true, requireRemediation: true } });
  if (!alert || alert.status !== "sent" || !alert.requireRemediation) return { status: "not-open" };
  const allowed = await reportableUnits(db, alertId, reporter);
  if (!allowed.includes(unitId)) {
    await audit(db, { actor: reporter.actor, actorStaffId: reporter.staffId, action: "alert.remediation", target: `alert:${alertId}`, outcome: "denied", details: { unitId }, at: now });
    return { status: "denied" };
  }
  const row = await db.$transaction(async (tx) => {
    const r = await tx.alertRemediation.create({ data: { alertId, unitId, handled, total, note, reportedById: reporter.staffId, createdAt: now } });
    await audit(tx, { actor: reporter.actor, actorStaffId: reporter.staffId, action: "alert.remediation", target: `alert:${alertId}`, details: { unitId, handled, total }, at: now });
    return r;
  });
  return { status: "recorded", reportId: row.id };
}

export interface UnitRemediation {
  unitId: number;
  unitName: string;
  latest: { handled: number; total: number; note: string | null; reporter: string; at: Date } | null;
  reports: number;
}

export interface RemediationRollup {
  units: UnitRemediation[];
  handled: number;
  total: number;
  reported: number;
}

/** Per audience unit, the latest report (later reports replace earlier ones); the sums over units. */
export async function remediationRollup(db: Db, alertId: number): Promise<RemediationRollup> {
  const [recipientUnits, reports] = await Promise.all([
    db.alertRecipient.findMany({ where: { alertId }, select: { unitId: true }, distinct: ["unitId"] }),
    db.alertRemediation.findMany({ where: { alertId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { reportedBy: { select: { fullName: true } } } }),
  ]);
  const unitIds = [...new Set([...recipientUnits.map((r) => r.unitId), ...reports.map((r) => r.unitId)].filter((u): u is number => u !== null))];
  const units = await db.unit.findMany({ where: { id: { in: unitIds } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const out: UnitRemediation[] = units.map((u) => ({ unitId: u.id, unitName: u.name, latest: null, reports: 0 }));
  const byId = new Map(out.map((u) => [u.unitId, u]));
  for (const r of reports) {
    const u = byId.get(r.unitId);
    if (!u) continue;
    u.reports++;
    u.latest = { handled: r.handled, total: r.total, note: r.note, reporter: r.reportedBy.fullName, at: r.createdAt };
  }
  const reported = out.filter((u) => u.latest);
  return {
    units: out,
    handled: reported.reduce((s, u) => s + u.latest!.handled, 0),
    total: reported.reduce((s, u) => s + u.latest!.total, 0),
    reported: reported.length,
  };
}

/** The unit's latest report, to show when the head reports again. */
export async function latestRemediation(db: Db, alertId: number, unitId: number) {
  return db.alertRemediation.findFirst({ where: { alertId, unitId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** Whether the alert still takes remediation reports. */
export async function remediationOpen(db: Db, alertId: number): Promise<boolean> {
  const alert = await db.securityAlert.findUnique({ where: { id: alertId }, select: { status: true, requireRemediation: true } });
  return alert?.status === "sent" && alert.requireRemediation;
}
