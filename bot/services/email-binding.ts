// Binding a chat account by the email its workspace vouches for (Slack's users.info with
// users:read.email), without an invite: the staff record with the same address
// (case-insensitive) is bound on the person's first message. Only a person who has never
// been bound on this platform, to a staff member who has no active account there: a changed
// address on either side (the workspace profile, the staff list) never moves an account
// from one person to another, and never takes over another person's binding.
import type { Db } from "../db/client.js";
import { isUniqueViolation } from "../db/errors.js";
import { audit } from "./audit.js";
import type { ChatIdentity } from "./invites.js";

export type EmailBindResult =
  | { ok: true; staffId: number }
  | {
      ok: false;
      /** noEmail: the workspace shows none; known: this account was bound before (its binding rules); noMatch, ambiguous, inactive, taken: see below. */
      reason: "noEmail" | "known" | "noMatch" | "ambiguous" | "inactive" | "taken";
    };

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

export function normalizeEmail(email: string | null | undefined): string | undefined {
  const e = email?.normalize("NFC").trim().toLowerCase();
  return e && EMAIL.test(e) ? e : undefined;
}

export async function bindByEmail(db: Db, who: ChatIdentity, rawEmail: string | null | undefined, now: Date): Promise<EmailBindResult> {
  const email = normalizeEmail(rawEmail);
  if (!email) return { ok: false, reason: "noEmail" };
  const actor = `${who.platform}:${who.externalId}`;
  const deny = async (reason: Exclude<EmailBindResult, { ok: true }>["reason"], staff?: { id: number; code: string }) => {
    await audit(db, { actor, actorStaffId: null, action: "account.bind", outcome: "denied", ...(staff ? { target: `staff:${staff.code}` } : {}), details: { method: "email", reason }, at: now });
    return { ok: false as const, reason };
  };
  // An account bound before (then unbound, retired, deactivated) keeps the rules of its binding.
  if (await db.chatAccount.findUnique({ where: { platform_externalId: { platform: who.platform, externalId: who.externalId } } })) return { ok: false, reason: "known" };
  const matches = await db.$queryRaw<{ id: number; code: string; active: boolean | number }[]>`
    SELECT "id", "code", "active" FROM "Staff" WHERE LOWER("email") = ${email}`;
  if (matches.length === 0) return deny("noMatch");
  if (matches.length > 1) return deny("ambiguous");
  const staff = matches[0]!;
  if (!staff.active) return deny("inactive", staff);
  try {
    return await db.$transaction(async (tx) => {
      const other = await tx.chatAccount.findFirst({ where: { staffId: staff.id, platform: who.platform, active: true } });
      if (other) return { ok: false as const, reason: "taken" as const };
      await tx.chatAccount.create({
        data: {
          platform: who.platform,
          externalId: who.externalId,
          chatId: who.chatId,
          username: who.username ?? null,
          displayName: who.displayName ?? null,
          staffId: staff.id,
          boundAt: now,
          lastSeenAt: now,
        },
      });
      await audit(tx, { actor, actorStaffId: staff.id, action: "account.bind", target: `staff:${staff.code}`, details: { method: "email" }, at: now });
      return { ok: true as const, staffId: staff.id };
    }).then(async (r) => (r.ok ? r : deny(r.reason, staff)));
  } catch (e) {
    // The same person's two first messages at once: the other one bound them.
    if (isUniqueViolation(e)) return { ok: false, reason: "known" };
    throw e;
  }
}
