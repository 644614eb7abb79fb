// "Đã đọc": the first press by the recipient records the acknowledgement; any later press
// changes nothing. The button carries only the recipient row's id; who presses is checked
// here, so a forwarded message or forged callback data cannot acknowledge for someone else.
import type { Db } from "../../db/client.js";
import { audit } from "../audit.js";

export type AckResult =
  | { status: "acknowledged"; alertId: number; at: Date }
  | { status: "already"; alertId: number; at: Date }
  | { status: "cancelled" | "superseded"; alertId: number }
  | { status: "not-yours" }
  | { status: "unknown" };

export async function acknowledgeAlert(db: Db, recipientId: number, staffId: number, actor: string, now: Date): Promise<AckResult> {
  const r = await db.alertRecipient.findUnique({
    where: { id: recipientId },
    include: { alert: { select: { id: true, status: true, _count: { select: { corrections: true } } } } },
  });
  if (!r) return { status: "unknown" };
  if (r.staffId !== staffId) {
    await audit(db, { actor, actorStaffId: staffId, action: "alert.ack", target: `alert:${r.alertId}`, outcome: "denied", details: { recipientId }, at: now });
    return { status: "not-yours" };
  }
  if (r.ackAt) return { status: "already", alertId: r.alertId, at: r.ackAt };
  if (r.alert.status === "cancelled") return { status: "cancelled", alertId: r.alertId };
  if (r.alert._count.corrections > 0) return { status: "superseded", alertId: r.alertId };
  // Conditional update: two presses racing record one acknowledgement.
  const res = await db.alertRecipient.updateMany({ where: { id: recipientId, ackAt: null }, data: { ackAt: now } });
  if (res.count === 0) {
    const again = await db.alertRecipient.findUniqueOrThrow({ where: { id: recipientId } });
    return { status: "already", alertId: r.alertId, at: again.ackAt ?? now };
  }
  return { status: "acknowledged", alertId: r.alertId, at: now };
}
