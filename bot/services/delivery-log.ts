// What the outbox did over a period, for the office: by kind, how many were sent, are
// waiting, failed or could not be delivered; the latest failures with their reason; and the
// staff the bot cannot reach (never bound, or blocked it).
import type { Db } from "../db/client.js";

export const DELIVERY_STATUSES = ["sent", "pending", "failed", "blocked"] as const;
type Counted = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryReport {
  byKind: { kind: string; counts: Record<Counted, number> }[];
  failures: { at: Date; kind: string; name: string; error: string }[];
  unreachable: { name: string; unit: string; reason: "blocked" | "kicked" | "never"; since: Date | null }[];
}

// `to` is "now" and included: a message recorded this very instant (a frozen test clock, two
// calls in one millisecond) belongs to today's log.
export async function deliveryReport(db: Db, from: Date, to: Date): Promise<DeliveryReport> {
  const groups = await db.outboxMessage.groupBy({
    by: ["kind", "status"],
    where: { createdAt: { gte: from, lte: to } },
    _count: { _all: true },
  });
  const kinds = new Map<string, Record<Counted, number>>();
  for (const g of groups) {
    const counts = kinds.get(g.kind) ?? { sent: 0, pending: 0, failed: 0, blocked: 0 };
    // "sending" is a moment of "pending"; cancelled messages were never meant to go out.
    const status = g.status === "sending" ? "pending" : g.status;
    if ((DELIVERY_STATUSES as readonly string[]).includes(status)) counts[status as Counted] += g._count._all;
    kinds.set(g.kind, counts);
  }
  const failed = await db.outboxMessage.findMany({
    where: { createdAt: { gte: from, lte: to }, status: "failed" },
    orderBy: { updatedAt: "desc" },
    take: 10,
    include: { staff: { select: { fullName: true } } },
  });
  const staff = await db.staff.findMany({
    where: { active: true, accounts: { none: { active: true } } },
    include: { unit: true, accounts: { orderBy: { inactiveAt: "desc" }, take: 1 } },
    orderBy: [{ unit: { sortOrder: "asc" } }, { fullName: "asc" }],
  });
  return {
    byKind: [...kinds.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, counts]) => ({ kind, counts })),
    failures: failed.map((m) => ({ at: m.updatedAt, kind: m.kind, name: m.staff?.fullName ?? m.chatId, error: m.lastError ?? "" })),
    unreachable: staff.map((s) => {
      const last = s.accounts[0];
      const reason = last?.inactiveReason === "blocked" || last?.inactiveReason === "kicked" ? last.inactiveReason : "never";
      return { name: s.fullName, unit: s.unit.name, reason, since: reason === "never" ? null : (last?.inactiveAt ?? null) };
    }),
  };
}
