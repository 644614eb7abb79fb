// Who is behind a chat account, and accounts that can no longer be reached.
import type { Db } from "../db/client.js";
import { audit } from "./audit.js";

export async function findIdentity(db: Db, platform: string, externalId: string) {
  const account = await db.chatAccount.findUnique({
    where: { platform_externalId: { platform, externalId } },
    include: { staff: { include: { unit: true } } },
  });
  if (!account || !account.active || !account.staff.active) return null;
  return account;
}

export type Identity = NonNullable<Awaited<ReturnType<typeof findIdentity>>>;

/**
 * Marks the accounts of a chat unreachable (the user blocked the bot, or deleted their
 * account). Returns how many were active, so callers report a change once.
 */
export async function deactivateChat(
  db: Db,
  opts: { platform: string; chatId: string; reason: "blocked" | "kicked"; now: Date },
): Promise<number> {
  const accounts = await db.chatAccount.findMany({ where: { platform: opts.platform, chatId: opts.chatId, active: true } });
  if (accounts.length === 0) return 0;
  await db.chatAccount.updateMany({
    where: { id: { in: accounts.map((a) => a.id) } },
    data: { active: false, inactiveReason: opts.reason, inactiveAt: opts.now },
  });
  for (const a of accounts) {
    await audit(db, {
      actor: "system",
      actorStaffId: a.staffId,
      action: "account.inactive",
      target: `${opts.platform}:${a.externalId}`,
      details: { reason: opts.reason },
      at: opts.now,
    });
  }
  return accounts.length;
}

/** A user who unblocked the bot and wrote again is reachable again. */
export async function reactivateIfBlocked(db: Db, platform: string, externalId: string, now: Date): Promise<boolean> {
  const res = await db.chatAccount.updateMany({
    where: { platform, externalId, active: false, inactiveReason: { in: ["blocked", "kicked"] }, staff: { active: true } },
    data: { active: true, inactiveReason: null, inactiveAt: null, lastSeenAt: now },
  });
  return res.count > 0;
}
