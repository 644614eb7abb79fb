// A lease held by one instance at a time (a row in Setting): the outbox sender runs on the
// lease holder only, so Telegram's limits hold for the bot as a whole, not per instance.
import type { Db } from "../db/client.js";
import { isUniqueViolation } from "../db/errors.js";

interface LeaseValue {
  instance: string;
  until: number; // epoch ms
}

/** Takes or renews the lease; true when this instance holds it until `nowMs + ttlMs`. */
export async function holdLease(db: Db, key: string, instance: string, nowMs: number, ttlMs: number): Promise<boolean> {
  const value = JSON.stringify({ instance, until: nowMs + ttlMs } satisfies LeaseValue);
  const row = await db.setting.findUnique({ where: { key } });
  if (!row) {
    try {
      await db.setting.create({ data: { key, value, updatedBy: instance } });
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }
  let current: LeaseValue;
  try {
    current = JSON.parse(row.value) as LeaseValue;
  } catch {
    current = { instance: "", until: 0 };
  }
  if (current.instance !== instance && current.until > nowMs) return false;
  // Compare-and-set on the old value: of two instances taking an expired lease, one wins.
  const res = await db.setting.updateMany({ where: { key, value: row.value }, data: { value, updatedBy: instance } });
  return res.count === 1;
}

export async function releaseLease(db: Db, key: string, instance: string): Promise<void> {
  const row = await db.setting.findUnique({ where: { key } });
  if (!row) return;
  try {
    if ((JSON.parse(row.value) as LeaseValue).instance !== instance) return;
  } catch {
    return;
  }
  await db.setting.updateMany({ where: { key, value: row.value }, data: { value: JSON.stringify({ instance: "", until: 0 }) } });
}
