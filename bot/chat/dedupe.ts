// Each incoming update is handled once, even when the platform delivers it again (a webhook
// retry, a restart before the offset was confirmed, two instances). An update whose handling
// was cut off by a crash (claimed long ago, never finished) is handled again rather than lost.
import type { Db } from "../db/client.js";

const STALE_CLAIM_MS = 5 * 60_000;

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/** True when this instance may handle the update `id` ("<platform>:<bot>:<update key>"). */
export async function claimUpdate(db: Db, id: string, now: Date): Promise<boolean> {
  try {
    await db.processedUpdate.create({ data: { id, at: now } });
    return true;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Re-claim only an abandoned one; the conditional update makes one claimant win.
    const stale = new Date(now.getTime() - STALE_CLAIM_MS);
    const reclaimed = await db.processedUpdate.updateMany({ where: { id, done: false, at: { lt: stale } }, data: { at: now } });
    return reclaimed.count > 0;
  }
}

/** Also after an error (already answered): a retry would fail the same way. */
export async function finishUpdate(db: Db, id: string): Promise<void> {
  await db.processedUpdate.update({ where: { id }, data: { done: true } });
}
