// Which tip a person gets next. A person's deliveries are grouped in cycles: within a cycle
// no tip comes twice; a new cycle starts only once every active tip of the library has
// been delivered in the current one. Without a chosen category, the category this person
// has not had for the longest time comes next (library order breaks ties), so tips vary.
import type { Db } from "../../db/client.js";
import type { DbOrTx, DbTx } from "../../delivery/outbox.js";
import { TIP_CATEGORIES } from "../../seed-data/security-tips.js";
import { isUniqueViolation } from "../../db/errors.js";

export type TipRow = Awaited<ReturnType<Db["tip"]["findFirstOrThrow"]>>;
export type TipVia = "command" | "scheduled";

export type TipChoice =
  | { status: "ok"; tip: TipRow; cycle: number }
  /** Every tip of the chosen category was delivered in the current cycle. */
  | { status: "category-done"; category: string }
  | { status: "empty" };

const CATEGORY_ORDER = new Map<string, number>(TIP_CATEGORIES.map((c, i) => [c.key, i]));

export function isTipCategory(key: string): boolean {
  return CATEGORY_ORDER.has(key);
}

export async function chooseTip(db: DbOrTx, staffId: number, category?: string): Promise<TipChoice> {
  const tips = await db.tip.findMany({ where: { active: true }, orderBy: { id: "asc" } });
  if (tips.length === 0) return { status: "empty" };
  const deliveries = await db.tipDelivery.findMany({
    where: { staffId },
    select: { tipId: true, cycle: true, at: true, tip: { select: { category: true } } },
  });
  let cycle = deliveries.reduce((m, d) => Math.max(m, d.cycle), 1);
  const seen = new Set(deliveries.filter((d) => d.cycle === cycle).map((d) => d.tipId));
  let unseen = tips.filter((t) => !seen.has(t.id));
  if (unseen.length === 0) {
    cycle += 1;
    unseen = tips;
  }
  if (category !== undefined) {
    const tip = unseen.find((t) => t.category === category);
    return tip ? { status: "ok", tip, cycle } : { status: "category-done", category };
  }
  const lastSeen = new Map<string, number>();
  for (const d of deliveries) lastSeen.set(d.tip.category, Math.max(lastSeen.get(d.tip.category) ?? 0, d.at.getTime()));
  const rank = (t: TipRow) => [lastSeen.get(t.category) ?? -1, CATEGORY_ORDER.get(t.category) ?? 99, t.id] as const;
  const tip = unseen.reduce((best, t) => {
    const a = rank(t);
    const b = rank(best);
    return a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2]))) ? t : best;
  });
  return { status: "ok", tip, cycle };
}

export interface DeliverOptions {
  category?: string;
  via: TipVia;
  now: Date;
  /**
   * Sends the chosen tip inside the transaction (e.g. records an outbox message); returns
   * false when nothing was sent (a duplicate), and then no delivery is recorded.
   */
  send?: (tx: DbTx, tip: TipRow, cycle: number) => Promise<boolean>;
}

/** Chooses the next tip and records its delivery, atomically. */
export async function deliverNextTip(db: Db, staffId: number, opts: DeliverOptions): Promise<TipChoice & { sent?: boolean }> {
  // Two deliveries racing (a scheduled tip and /meoattt) may pick the same tip; the unique
  // (staff, tip, cycle) refuses the second, which then picks again.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const choice = await chooseTip(tx, staffId, opts.category);
        if (choice.status !== "ok") return choice;
        const sent = opts.send ? await opts.send(tx, choice.tip, choice.cycle) : true;
        if (sent) await tx.tipDelivery.create({ data: { staffId, tipId: choice.tip.id, cycle: choice.cycle, via: opts.via, at: opts.now } });
        return { ...choice, sent };
      });
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}
