// Where an alert stands: per unit, who has acknowledged, who has not, and who cannot be
// reached through the bot (no bound chat account, or they blocked it) — those still count
// in the totals, shown apart so the office can chase them another way.
import type { Db } from "../../db/client.js";

export interface PersonRef {
  staffId: number;
  name: string;
}

export interface UnitAckStatus {
  unitId: number | null;
  unitName: string;
  total: number;
  acked: number;
  /** Reachable, not acknowledged yet. */
  pending: PersonRef[];
  /** Never got a copy (no active chat account) or their copy could not be delivered. */
  unreachable: PersonRef[];
}

export interface AckStatus {
  units: UnitAckStatus[];
  total: number;
  acked: number;
  unreachable: number;
}

const DELIVERABLE = new Set(["pending", "sending", "sent"]);

export async function ackStatus(db: Db, alertId: number): Promise<AckStatus> {
  const [recipients, copies] = await Promise.all([
    db.alertRecipient.findMany({
      where: { alertId },
      select: { staffId: true, unitId: true, ackAt: true, staff: { select: { fullName: true } } },
      orderBy: { staffId: "asc" },
    }),
    db.outboxMessage.findMany({ where: { refType: "alert", refId: alertId, kind: "alert" }, select: { staffId: true, status: true } }),
  ]);
  const copyStatus = new Map(copies.map((c) => [c.staffId, c.status]));
  const unitIds = [...new Set(recipients.map((r) => r.unitId).filter((u): u is number => u !== null))];
  const units = await db.unit.findMany({ where: { id: { in: unitIds } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const byUnit = new Map<number | null, UnitAckStatus>(units.map((u) => [u.id, { unitId: u.id, unitName: u.name, total: 0, acked: 0, pending: [], unreachable: [] }]));
  for (const r of recipients) {
    let u = byUnit.get(r.unitId);
    if (!u) byUnit.set(r.unitId, (u = { unitId: r.unitId, unitName: "—", total: 0, acked: 0, pending: [], unreachable: [] }));
    u.total++;
    const person = { staffId: r.staffId, name: r.staff.fullName };
    // An acknowledgement counts however the person got the message.
    if (r.ackAt) u.acked++;
    else if (DELIVERABLE.has(copyStatus.get(r.staffId) ?? "")) u.pending.push(person);
    else u.unreachable.push(person);
  }
  const list = [...byUnit.values()].filter((u) => u.total > 0);
  return {
    units: list,
    total: list.reduce((s, u) => s + u.total, 0),
    acked: list.reduce((s, u) => s + u.acked, 0),
    unreachable: list.reduce((s, u) => s + u.unreachable.length, 0),
  };
}

export interface AlertSummary {
  id: number;
  severity: string;
  title: string;
  status: string;
  sentAt: Date | null;
  requireRemediation: boolean;
  correctedBy: number | null;
  correctionOfId: number | null;
  total: number;
  acked: number;
}

/** Alerts sent since `since`, newest first, with their acknowledgement counts. */
export function recentAlerts(db: Db, since: Date, limit = 10): Promise<AlertSummary[]> {
  return summaries(db, { sentAt: { gte: since } }, limit);
}

export async function alertSummary(db: Db, alertId: number): Promise<AlertSummary | null> {
  const [a] = await summaries(db, { id: alertId, sentAt: { not: null } }, 1);
  return a ?? null;
}

async function summaries(db: Db, where: { id?: number; sentAt: { gte: Date } | { not: null } }, limit: number): Promise<AlertSummary[]> {
  const alerts = await db.securityAlert.findMany({
    where,
    orderBy: { id: "desc" },
    take: limit,
    include: { corrections: { select: { id: true }, orderBy: { id: "desc" }, take: 1 } },
  });
  const ids = alerts.map((a) => a.id);
  const [totals, acked] = await Promise.all([
    db.alertRecipient.groupBy({ by: ["alertId"], where: { alertId: { in: ids } }, _count: { _all: true } }),
    db.alertRecipient.groupBy({ by: ["alertId"], where: { alertId: { in: ids }, ackAt: { not: null } }, _count: { _all: true } }),
  ]);
  const count = (rows: typeof totals, id: number) => rows.find((r) => r.alertId === id)?._count._all ?? 0;
  return alerts.map((a) => ({
    id: a.id,
    severity: a.severity,
    title: a.title,
    status: a.status,
    sentAt: a.sentAt,
    requireRemediation: a.requireRemediation,
    correctedBy: a.corrections[0]?.id ?? null,
    correctionOfId: a.correctionOfId,
    total: count(totals, a.id),
    acked: count(acked, a.id),
  }));
}

/** Still being followed: sent, not cancelled, not replaced by a correction. */
export function isLive(a: Pick<AlertSummary, "status" | "correctedBy">): boolean {
  return a.status === "sent" && a.correctedBy === null;
}

/** An alert's own record and how many corrections it has had. */
export async function findAlert(db: Db, alertId: number) {
  const a = await db.securityAlert.findUnique({ where: { id: alertId }, include: { _count: { select: { corrections: true } } } });
  return a ? { id: a.id, title: a.title, severity: a.severity, status: a.status, requireRemediation: a.requireRemediation, corrections: a._count.corrections } : null;
}
