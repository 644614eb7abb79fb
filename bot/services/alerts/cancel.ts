// Cancelling an alert: copies not yet sent never go out (reminders and remediation
// requests included), and those who already received it are told. Correcting one: a new
// alert, sent to everyone the original was for; the original's unsent copies are stopped
// so nobody gets the wrong text after the right one.
import { cancelPending, enqueue } from "../../delivery/outbox.js";
import { audit } from "../audit.js";
import { mayActAsOffice } from "../roles.js";
import { broadcastAlert, type BroadcastResult, translators } from "./broadcast.js";
import { type AlertActor, type AlertDeps, type AlertDraft, isSeverity, isUrgent } from "./model.js";
import { cancellationNotice } from "./render.js";

export type CancelResult =
  | { status: "cancelled"; alertId: number; stopped: number; notified: number }
  | { status: "already-cancelled" | "not-found" | "denied" };

export async function cancelAlert(deps: AlertDeps, alertId: number, actor: AlertActor, now: Date): Promise<CancelResult> {
  const { db } = deps;
  if (!mayActAsOffice(actor)) {
    await audit(db, { actor: actor.actor, actorStaffId: actor.staffId, action: "alert.cancel", target: `alert:${alertId}`, outcome: "denied", at: now });
    return { status: "denied" };
  }
  return db.$transaction(
    async (tx) => {
      const alert = await tx.securityAlert.findUnique({ where: { id: alertId } });
      if (!alert) return { status: "not-found" } as const;
      const claimed = await tx.securityAlert.updateMany({ where: { id: alertId, status: { not: "cancelled" } }, data: { status: "cancelled", cancelledAt: now } });
      if (claimed.count === 0) return { status: "already-cancelled" } as const;
      const stopped = await cancelPending(tx, { refType: "alert", refId: alertId }, now);
      const received = await tx.outboxMessage.findMany({
        // Copies held by the sender were just cancelled with the others: only those delivered are told.
        where: { refType: "alert", refId: alertId, kind: "alert", status: "sent" },
        select: { staffId: true, staff: { select: { locale: true } } },
      });
      const tr = translators(deps);
      let notified = 0;
      for (const m of received) {
        if (m.staffId === null) continue;
        const res = await enqueue(
          tx,
          {
            dedupKey: `alert:${alertId}:cancel:${m.staffId}`,
            kind: "alert-cancel",
            staffId: m.staffId,
            payload: cancellationNotice(tr(m.staff?.locale ?? null), alert),
            urgent: isUrgent(alert.severity),
            refType: "alert-cancel",
            refId: alertId,
          },
          { now, timeZone: deps.timeZone },
        );
        if (res.status === "queued") notified++;
      }
      await audit(tx, { actor: actor.actor, actorStaffId: actor.staffId, action: "alert.cancel", target: `alert:${alertId}`, details: { stopped, notified }, at: now });
      return { status: "cancelled", alertId, stopped, notified } as const;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

export type CorrectResult = BroadcastResult | { status: "not-found" | "not-correctable" };

export async function correctAlert(
  deps: AlertDeps,
  originalId: number,
  change: { body: string; title?: string; severity?: string; externalRef?: string },
  actor: AlertActor,
  now: Date,
  source: AlertDraft["source"] = "telegram",
): Promise<CorrectResult> {
  const { db } = deps;
  const original = await db.securityAlert.findUnique({ where: { id: originalId }, include: { _count: { select: { corrections: true } } } });
  if (!original) return { status: "not-found" };
  if (original.status !== "sent" || original._count.corrections > 0) return { status: "not-correctable" };
  const res = await broadcastAlert(
    deps,
    {
      severity: isSeverity(change.severity) ? change.severity : isSeverity(original.severity) ? original.severity : "thong_tin",
      title: change.title ?? original.title,
      body: change.body,
      audience: { all: true }, // ignored for a correction: it goes to the original's recipients
      requireRemediation: original.requireRemediation,
      correctionOfId: original.id,
      source,
      ...(change.externalRef ? { externalRef: change.externalRef } : {}),
    },
    actor,
    now,
  );
  if (res.status === "sent") await cancelPending(db, { refType: "alert", refId: original.id }, now);
  return res;
}
