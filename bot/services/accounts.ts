// Who is behind a chat account, and accounts that can no longer be reached.
import type { Db } from "../db/client.js";
import { queryRows } from "../db/direct-sql.js";
import { type ChatAccount, type FlowState, Prisma, type Staff, type Unit } from "../../prisma/generated/sqlite/client.js";
import { audit } from "./audit.js";

/** A chat account with the staff member bound to it and their unit. */
export type Identity = ChatAccount & { staff: Staff & { unit: Unit } };
/** What a turn needs of a guided flow's stored state. */
export type FlowRow = Pick<FlowState, "flow" | "step" | "data" | "expiresAt">;

// Every column of the three models, by name: a column added to the schema and missing here
// fails the type check below, so the plain-SQL read stays the same as Prisma's.
const ACCOUNT = ["id", "platform", "externalId", "chatId", "staffId", "username", "displayName", "active", "inactiveReason", "inactiveAt", "boundAt", "lastSeenAt"] as const;
const STAFF = ["id", "code", "fullName", "unitId", "role", "email", "phone", "active", "locale", "quietFrom", "quietTo", "digestMode", "tipFrequency", "preferredChannel", "createdAt", "updatedAt"] as const;
const UNIT = ["id", "code", "name", "shortName", "kind", "aliases", "active", "sortOrder", "createdAt", "updatedAt"] as const;
const FLOW = ["flow", "step", "data", "expiresAt"] as const;
type Complete<M, L extends readonly (keyof M)[]> = [Exclude<keyof M, L[number]>] extends [never] ? true : never;
const complete: [Complete<ChatAccount, typeof ACCOUNT>, Complete<Staff, typeof STAFF>, Complete<Unit, typeof UNIT>] = [true, true, true];
void complete;

const columns = (alias: string, names: readonly string[]) => names.map((n) => `${alias}."${n}" AS "${alias}_${n}"`).join(", ");
const SELECTED = Prisma.raw([columns("a", ACCOUNT), columns("s", STAFF), columns("u", UNIT), columns("f", FLOW)].join(", "));

function pick<T>(row: Record<string, unknown>, alias: string, names: readonly string[]): T {
  return Object.fromEntries(names.map((n) => [n, row[`${alias}_${n}`]])) as T;
}

/**
 * The account of a platform user with its staff member, their unit and the account's guided
 * flow, in one statement (every turn starts with it; a Prisma call with its includes costs
 * three statements and several times their time). `identity` is null for an unknown, an
 * inactive or an unbound account, or one whose staff member left.
 */
export async function findIdentityAndFlow(db: Db, platform: string, externalId: string): Promise<{ identity: Identity | null; flow: FlowRow | null }> {
  const [row] = await queryRows<Record<string, unknown>>(db, Prisma.sql`SELECT ${SELECTED}
    FROM "ChatAccount" a JOIN "Staff" s ON s."id" = a."staffId" JOIN "Unit" u ON u."id" = s."unitId" LEFT JOIN "FlowState" f ON f."chatAccountId" = a."id"
    WHERE a."platform" = ${platform} AND a."externalId" = ${externalId}`);
  if (!row) return { identity: null, flow: null };
  const account = pick<ChatAccount>(row, "a", ACCOUNT);
  const staff = pick<Staff>(row, "s", STAFF);
  if (!account.active || !staff.active) return { identity: null, flow: null };
  const identity: Identity = { ...account, staff: { ...staff, unit: pick<Unit>(row, "u", UNIT) } };
  return { identity, flow: row.f_flow === null || row.f_flow === undefined ? null : pick<FlowRow>(row, "f", FLOW) };
}

export async function findIdentity(db: Db, platform: string, externalId: string): Promise<Identity | null> {
  return (await findIdentityAndFlow(db, platform, externalId)).identity;
}

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
