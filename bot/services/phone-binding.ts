// Binding a chat account by the person's own phone number, without an invite: the platform
// hands the bot a contact card the person shared with its "share my number" button. It binds
// only the owner of the card (the card's user is the sender: a forwarded contact is someone
// else's) to the one active staff record with that number, only when the office turned it on
// (binding.phoneSelfService), and every attempt is audited; failures count towards the same
// lock-out as wrong invites.
import type { Db } from "../db/client.js";
import { bindAccount, type ChatIdentity, recordFailure, throttledMinutes } from "./invites.js";
import { getSetting } from "./settings.js";
import { normalizePhone } from "./staff-import.js";

export type PhoneBindResult =
  | { ok: true; staffId: number; alreadyBound: boolean }
  | { ok: false; reason: "disabled" | "notOwnContact" | "badNumber" | "noMatch" | "ambiguous" }
  | { ok: false; reason: "throttled"; retryInMinutes: number }
  | { ok: false; reason: "boundToOther"; staffName: string };

export async function phoneSelfServiceOn(db: Db): Promise<boolean> {
  return getSetting(db, "binding.phoneSelfService");
}

export async function bindByPhone(db: Db, contact: { userId: string | null; phone: string }, who: ChatIdentity, now: Date): Promise<PhoneBindResult> {
  if (!(await phoneSelfServiceOn(db))) return { ok: false, reason: "disabled" };
  const wait = await throttledMinutes(db, who, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryInMinutes: wait };
  const fail = async (reason: "notOwnContact" | "badNumber" | "noMatch" | "ambiguous"): Promise<PhoneBindResult> => {
    await recordFailure(db, who, now, `phone.${reason}`);
    return { ok: false, reason };
  };
  if (contact.userId === null || contact.userId !== who.externalId) return fail("notOwnContact");
  const phone = normalizePhone(contact.phone);
  if (!phone) return fail("badNumber");
  // Numbers are stored as the staff import normalised them (0xxxxxxxxx).
  const matches = await db.staff.findMany({ where: { phone, active: true }, select: { id: true, code: true, fullName: true } });
  if (matches.length === 0) return fail("noMatch");
  if (matches.length > 1) return fail("ambiguous");
  const staff = matches[0]!;
  const current = await db.chatAccount.findUnique({
    where: { platform_externalId: { platform: who.platform, externalId: who.externalId } },
    include: { staff: true },
  });
  if (current?.active && current.staffId === staff.id) return { ok: true, staffId: staff.id, alreadyBound: true };
  if (current?.active) return { ok: false, reason: "boundToOther", staffName: current.staff.fullName };
  await db.$transaction((tx) => bindAccount(tx, staff, who, now, { via: "phone", rebind: Boolean(current) }));
  return { ok: true, staffId: staff.id, alreadyBound: false };
}
