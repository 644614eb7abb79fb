// The staff registry as the office looks things up (/canbo, `npm run cli -- staff --find`):
// find a person by a part of their name (with or without diacritics), their staff code or
// their unit; see their chat accounts on each channel and when they were last active; end the
// bindings of a lost phone or a departure. Authorisation and the audit log are here, so the chat
// and the CLI apply the same rule.
import type { Db } from "../db/client.js";
import { audit } from "./audit.js";
import { mayActAsOffice, type OfficeActor } from "./roles.js";
import { foldText } from "./text.js";

export interface AccountSummary {
  id: number;
  platform: string;
  displayName: string | null;
  username: string | null;
  active: boolean;
  /** blocked | kicked | unbound | rebound | deactivated */
  inactiveReason: string | null;
  inactiveAt: Date | null;
  boundAt: Date;
  lastSeenAt: Date | null;
}

export interface StaffSummary {
  id: number;
  code: string;
  fullName: string;
  role: string;
  active: boolean;
  email: string | null;
  phone: string | null;
  unit: { code: string; name: string; shortName: string | null };
  accounts: AccountSummary[];
  /** The latest activity on any of their chat accounts. */
  lastSeenAt: Date | null;
}

export interface StaffPage {
  items: StaffSummary[];
  total: number;
  /** 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
}

const words = (s: string) => foldText(s).split(/[\s,.;()/-]+/).filter(Boolean);

/**
 * Whether every word typed starts a word of the person's name, their code or their unit's code
 * or names: "lan", "Nguyen Lan", "vp lan", "KH02" and "Văn phòng" all find Nguyễn Thị Lan of
 * Văn phòng Sở.
 */
export function staffMatcher(query: string): (s: { code: string; fullName: string; unit: { code: string; name: string; shortName: string | null } }) => boolean {
  const wanted = words(query);
  if (wanted.length === 0) return () => true;
  return (s) => {
    const own = [...words(s.fullName), ...words(s.code), ...words(s.unit.code), ...words(s.unit.name), ...words(s.unit.shortName ?? "")];
    return wanted.every((w) => own.some((o) => o.startsWith(w)));
  };
}

const ACCOUNT_FIELDS = {
  id: true,
  platform: true,
  displayName: true,
  username: true,
  active: true,
  inactiveReason: true,
  inactiveAt: true,
  boundAt: true,
  lastSeenAt: true,
} as const;

const STAFF_FIELDS = {
  id: true,
  code: true,
  fullName: true,
  role: true,
  active: true,
  email: true,
  phone: true,
  unit: { select: { code: true, name: true, shortName: true } },
  accounts: { select: ACCOUNT_FIELDS, orderBy: { boundAt: "desc" } },
} as const;

function summary(s: Omit<StaffSummary, "lastSeenAt">): StaffSummary {
  const seen = s.accounts.map((a) => a.lastSeenAt).filter((d): d is Date => d !== null);
  const lastSeenAt = seen.length ? new Date(Math.max(...seen.map((d) => d.getTime()))) : null;
  return { ...s, lastSeenAt };
}

/** Everyone matching `query` (everyone when it is empty), active people first, by unit and code. */
export async function searchStaff(db: Db, query: string, page: number, pageSize: number): Promise<StaffPage> {
  const all = await db.staff.findMany({
    select: { id: true, code: true, fullName: true, active: true, unit: { select: { code: true, name: true, shortName: true, sortOrder: true } } },
    orderBy: [{ active: "desc" }, { unit: { sortOrder: "asc" } }, { code: "asc" }],
  });
  const matches = all.filter(staffMatcher(query));
  const pages = Math.max(1, Math.ceil(matches.length / pageSize));
  const current = Math.min(Math.max(0, page), pages - 1);
  const ids = matches.slice(current * pageSize, (current + 1) * pageSize).map((s) => s.id);
  const rows = await db.staff.findMany({
    where: { id: { in: ids } },
    select: STAFF_FIELDS,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.map((id) => summary(byId.get(id)!)), total: matches.length, page: current, pages };
}

export async function staffSummary(db: Db, where: { id: number } | { code: string }): Promise<StaffSummary | null> {
  const row = await db.staff.findUnique({
    where: "id" in where ? { id: where.id } : { code: where.code.trim().toUpperCase() },
    select: STAFF_FIELDS,
  });
  return row ? summary(row) : null;
}

export type UnbindResult =
  | { ok: true; staff: StaffSummary; accounts: number; invitesRevoked: number }
  | { ok: false; reason: "forbidden" | "notFound" | "self" | "nothingBound" };

/**
 * Ends the bindings of a person on one platform, or on all: those chat accounts stop working at
 * once (their next message gets the "how to get access" answer), their unfinished guided flows
 * are dropped, and their unused invites are revoked so no old code binds the lost phone again.
 */
export async function unbindStaff(
  db: Db,
  who: OfficeActor,
  target: { id: number } | { code: string },
  opts: { platform?: string | undefined; now: Date },
): Promise<UnbindResult> {
  const staff = await staffSummary(db, target);
  const label = staff ? `staff:${staff.code}` : "code" in target ? `staff:${target.code.slice(0, 32)}` : `staff#${target.id}`;
  const base = { actor: who.actor, actorStaffId: who.staffId, action: "account.unbind", target: label, at: opts.now };
  if (!mayActAsOffice(who)) {
    await audit(db, { ...base, outcome: "denied" });
    return { ok: false, reason: "forbidden" };
  }
  if (!staff) return { ok: false, reason: "notFound" };
  // Unbinding oneself from the chat would lock the office out mid-action: the CLI can.
  if (who.staffId !== null && who.staffId === staff.id && !who.actor.startsWith("cli:")) {
    await audit(db, { ...base, outcome: "denied", details: { reason: "self" } });
    return { ok: false, reason: "self" };
  }
  const where = { staffId: staff.id, active: true, ...(opts.platform ? { platform: opts.platform } : {}) };
  const res = await db.$transaction(async (tx) => {
    const accounts = await tx.chatAccount.findMany({ where, select: { id: true } });
    const ids = accounts.map((a) => a.id);
    const unused = await tx.invite.count({ where: { staffId: staff.id, usedAt: null, revokedAt: null } });
    // Nothing to end (a spent confirmation pressed again): nothing written.
    if (ids.length === 0 && unused === 0) return null;
    const r = await tx.chatAccount.updateMany({ where: { id: { in: ids } }, data: { active: false, inactiveReason: "unbound", inactiveAt: opts.now } });
    await tx.flowState.deleteMany({ where: { chatAccountId: { in: ids } } });
    const inv = await tx.invite.updateMany({ where: { staffId: staff.id, usedAt: null, revokedAt: null }, data: { revokedAt: opts.now } });
    await audit(tx, { ...base, details: { accounts: r.count, invitesRevoked: inv.count, ...(opts.platform ? { platform: opts.platform } : {}) } });
    return { accounts: r.count, invitesRevoked: inv.count };
  });
  if (!res) return { ok: false, reason: "nothingBound" };
  return { ok: true, staff: (await staffSummary(db, { id: staff.id }))!, ...res };
}
