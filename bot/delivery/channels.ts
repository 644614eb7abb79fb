// Which of a person's chat accounts a proactive message goes to: the channel they prefer
// (/caidat) when that account is active, otherwise the one bound most recently; and, when a
// channel turns out blocked at sending time, the same messages moved to another active one.
import type { Db } from "../db/client.js";
import type { DbOrTx } from "./outbox.js";

export interface AccountRef {
  id: number;
  platform: string;
  chatId: string;
}

/** `accounts`: active ones, most recently bound first. */
export function pickAccount<T extends AccountRef>(accounts: readonly T[], preferred: string | null | undefined): T | undefined {
  return (preferred ? accounts.find((a) => a.platform === preferred) : undefined) ?? accounts[0];
}

/** The active accounts of a staff member, most recently bound first, and their preference. */
export async function reachableAccounts(db: DbOrTx, staffId: number) {
  const staff = await db.staff.findUnique({
    where: { id: staffId },
    select: { active: true, preferredChannel: true, accounts: { where: { active: true }, orderBy: [{ boundAt: "desc" }, { id: "desc" }] } },
  });
  return staff?.active ? { preferred: staff.preferredChannel, accounts: staff.accounts } : { preferred: null, accounts: [] };
}

/**
 * Messages just marked blocked on (platform, chatId) that their staff can still receive
 * elsewhere go back to the queue on that account. Returns how many were moved.
 */
export async function rerouteBlocked(db: Db, where: { platform: string; chatId: string; now: Date }): Promise<number> {
  const rows = await db.outboxMessage.findMany({
    where: { platform: where.platform, chatId: where.chatId, status: "blocked", sentAt: null, externalMessageIds: null },
    select: { id: true, staffId: true },
  });
  let moved = 0;
  const byStaff = new Map<number, number[]>();
  for (const r of rows) if (r.staffId !== null) byStaff.set(r.staffId, [...(byStaff.get(r.staffId) ?? []), r.id]);
  for (const [staffId, ids] of byStaff) {
    const { preferred, accounts } = await reachableAccounts(db, staffId);
    const next = pickAccount(accounts, preferred);
    if (!next) continue;
    const res = await db.outboxMessage.updateMany({
      where: { id: { in: ids }, status: "blocked" },
      data: { status: "pending", platform: next.platform, chatId: next.chatId, chatAccountId: next.id, lastError: null, updatedAt: where.now },
    });
    moved += res.count;
  }
  return moved;
}
