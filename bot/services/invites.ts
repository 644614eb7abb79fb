// One-time invites that bind a chat account to a staff record. An invite is 192 random
// bits in base64url (32 characters, within Telegram's 64-character deep-link limit); only
// its sha256 is stored, so a database dump gives no usable invite.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.js";
import type { DbOrTx } from "../delivery/outbox.js";
import { audit } from "./audit.js";

export const INVITE_RE = /^[A-Za-z0-9_-]{16,64}$/;
/** The longest an invite may stay valid (30 days), for INVITE_TTL_HOURS and `invite --hours`. */
export const MAX_INVITE_TTL_HOURS = 720;

export function hashInvite(invite: string): string {
  return createHash("sha256").update(invite, "utf8").digest("hex");
}

export function newInvite(): string {
  return randomBytes(24).toString("base64url");
}

export type CreateInviteResult =
  | { ok: true; invite: string; expiresAt: Date; staff: { code: string; fullName: string } }
  | { ok: false; reason: "unknownStaff" | "inactiveStaff" };

export async function createInvite(
  db: Db,
  opts: { staffCode: string; ttlHours: number; now: Date; actor: string },
): Promise<CreateInviteResult> {
  checkTtl(opts.ttlHours);
  const staff = await db.staff.findUnique({ where: { code: opts.staffCode.trim().toUpperCase() } });
  if (!staff) return { ok: false, reason: "unknownStaff" };
  if (!staff.active) return { ok: false, reason: "inactiveStaff" };
  const issued = await db.$transaction((tx) => issueInvite(tx, staff, opts));
  return { ok: true, ...issued, staff: { code: staff.code, fullName: staff.fullName } };
}

function checkTtl(ttlHours: number): void {
  if (!Number.isInteger(ttlHours) || ttlHours < 1 || ttlHours > MAX_INVITE_TTL_HOURS)
    throw new RangeError(`ttlHours must be a whole number from 1 to ${MAX_INVITE_TTL_HOURS}`);
}

/** A new invite for one person, inside the caller's transaction; their earlier open invites become void. */
export async function issueInvite(
  tx: DbOrTx,
  staff: { id: number; code: string },
  opts: { ttlHours: number; now: Date; actor: string },
): Promise<{ invite: string; expiresAt: Date }> {
  checkTtl(opts.ttlHours);
  const invite = newInvite();
  const expiresAt = new Date(opts.now.getTime() + opts.ttlHours * 3600_000);
  // Only the newest invite of a person works: an invite printed earlier and lost is void.
  await tx.invite.updateMany({ where: { staffId: staff.id, usedAt: null, revokedAt: null }, data: { revokedAt: opts.now } });
  await tx.invite.create({
    data: { staffId: staff.id, codeHash: hashInvite(invite), createdAt: opts.now, expiresAt, createdBy: opts.actor },
  });
  await audit(tx, { actor: opts.actor, action: "invite.create", target: `staff:${staff.code}`, details: { expiresAt }, at: opts.now });
  return { invite, expiresAt };
}

// Slowing down guesses: after 3 failures, each further failure locks the account out for
// 1, 2, 4 ... up to 60 minutes. A day without failure forgives the past.
const FREE_FAILURES = 3;
const MAX_LOCK_MINUTES = 60;
const FORGIVE_AFTER_MS = 24 * 3600_000;

export function lockMinutes(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MINUTES, 2 ** (failures - FREE_FAILURES));
}

export interface ChatIdentity {
  platform: string;
  externalId: string;
  chatId: string;
  username?: string | null;
  displayName?: string | null;
}

export type RedeemResult =
  | { ok: true; staffId: number; alreadyBound: boolean }
  | { ok: false; reason: "throttled"; retryInMinutes: number }
  | { ok: false; reason: "invalid" | "used" | "expired" | "revoked" | "inactiveStaff" }
  | { ok: false; reason: "boundToOther"; staffName: string };

export async function recordFailure(db: Db, who: ChatIdentity, now: Date, reason: string): Promise<void> {
  const key = { platform: who.platform, externalId: who.externalId };
  const prev = await db.authThrottle.findUnique({ where: { platform_externalId: key } });
  const stale = !prev?.lastFailureAt || now.getTime() - prev.lastFailureAt.getTime() > FORGIVE_AFTER_MS;
  const failures = (stale ? 0 : prev!.failures) + 1;
  const minutes = lockMinutes(failures);
  const blockedUntil = minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : null;
  await db.authThrottle.upsert({
    where: { platform_externalId: key },
    create: { ...key, failures, lastFailureAt: now, blockedUntil },
    update: { failures, lastFailureAt: now, blockedUntil },
  });
  await audit(db, {
    actor: `${who.platform}:${who.externalId}`,
    action: "account.bind",
    outcome: "denied",
    details: { reason, failures },
    at: now,
  });
}

/** Minutes this chat account must wait after too many failed bindings; 0 when it may try. */
export async function throttledMinutes(db: Db, who: ChatIdentity, now: Date): Promise<number> {
  const throttle = await db.authThrottle.findUnique({
    where: { platform_externalId: { platform: who.platform, externalId: who.externalId } },
  });
  return throttle?.blockedUntil && throttle.blockedUntil > now ? Math.ceil((throttle.blockedUntil.getTime() - now.getTime()) / 60_000) : 0;
}

export async function redeemInvite(db: Db, invite: string, who: ChatIdentity, now: Date): Promise<RedeemResult> {
  const wait = await throttledMinutes(db, who, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryInMinutes: wait };
  const fail = async (reason: "invalid" | "used" | "expired" | "revoked" | "inactiveStaff"): Promise<RedeemResult> => {
    await recordFailure(db, who, now, reason);
    return { ok: false, reason };
  };
  if (!INVITE_RE.test(invite)) return fail("invalid");
  const row = await db.invite.findUnique({ where: { codeHash: hashInvite(invite) }, include: { staff: true } });
  if (!row) return fail("invalid");
  if (row.usedAt) return fail("used");
  if (row.revokedAt) return fail("revoked");
  if (row.expiresAt <= now) return fail("expired");
  if (!row.staff.active) return fail("inactiveStaff");

  const current = await db.chatAccount.findUnique({
    where: { platform_externalId: { platform: who.platform, externalId: who.externalId } },
    include: { staff: true },
  });
  if (current?.active && current.staffId !== row.staffId) {
    await audit(db, {
      actor: `${who.platform}:${who.externalId}`,
      actorStaffId: current.staffId,
      action: "account.bind",
      outcome: "denied",
      target: `staff:${row.staff.code}`,
      details: { reason: "boundToOther" },
      at: now,
    });
    return { ok: false, reason: "boundToOther", staffName: current.staff.fullName };
  }

  const outcome = await db.$transaction(async (tx) => {
    // Single use, even when two chats press the same link at once: only one update wins.
    const claimed = await tx.invite.updateMany({
      where: { id: row.id, usedAt: null, revokedAt: null },
      data: { usedAt: now, usedByPlatform: who.platform, usedByExternalId: who.externalId },
    });
    if (claimed.count !== 1) return "used" as const;
    await bindAccount(tx, row.staff, who, now, { rebind: Boolean(current) });
    return "bound" as const;
  });
  if (outcome === "used") return fail("used");
  return { ok: true, staffId: row.staffId, alreadyBound: current?.active === true && current.staffId === row.staffId };
}

/**
 * Binds the chat account to the staff member (inside the caller's transaction), audited. A
 * person has one active account per platform: binding a new phone retires the old one.
 */
export async function bindAccount(
  tx: DbOrTx,
  staff: { id: number; code: string },
  who: ChatIdentity,
  now: Date,
  details: Record<string, unknown>,
): Promise<void> {
  const retired = await tx.chatAccount.updateMany({
    where: { staffId: staff.id, platform: who.platform, active: true, NOT: { externalId: who.externalId } },
    data: { active: false, inactiveReason: "rebound", inactiveAt: now },
  });
  const data = {
    staffId: staff.id,
    chatId: who.chatId,
    username: who.username ?? null,
    displayName: who.displayName ?? null,
    active: true,
    inactiveReason: null,
    inactiveAt: null,
    boundAt: now,
    lastSeenAt: now,
  };
  await tx.chatAccount.upsert({
    where: { platform_externalId: { platform: who.platform, externalId: who.externalId } },
    create: { platform: who.platform, externalId: who.externalId, ...data },
    update: data,
  });
  await tx.authThrottle.deleteMany({ where: { platform: who.platform, externalId: who.externalId } });
  await audit(tx, {
    actor: `${who.platform}:${who.externalId}`,
    actorStaffId: staff.id,
    action: "account.bind",
    target: `staff:${staff.code}`,
    details: { retiredAccounts: retired.count, ...details },
    at: now,
  });
}
