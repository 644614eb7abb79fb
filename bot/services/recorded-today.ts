// Who already has today's message of a kind (a digest, a tip): read by the outbox's
// (kind, createdAt) index, never with a list of every recipient's key, so a job that runs
// again (a retry, another instance) skips them before doing any work for them.
import type { DbOrTx } from "../delivery/outbox.js";
import { atLocal } from "./time.js";

export async function staffRecordedToday(db: DbOrTx, opts: { kind: string; keyPrefix: string; date: string; timeZone: string }): Promise<Set<number>> {
  const rows = await db.outboxMessage.findMany({
    where: { kind: opts.kind, createdAt: { gte: atLocal(opts.date, "00:00", opts.timeZone) } },
    select: { staffId: true, dedupKey: true },
  });
  return new Set(rows.filter((r) => r.staffId !== null && r.dedupKey.startsWith(opts.keyPrefix)).map((r) => r.staffId!));
}
