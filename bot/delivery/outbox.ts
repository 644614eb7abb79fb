// The outbox: the only way out for proactive messages (digests, nudges, reminders, tips,
// alerts, notifications of someone else). A message is recorded with a de-duplication key
// in the same transaction as the decision to send it; the sender (bot/delivery/sender.ts)
// delivers it. Recording the same key twice records it once.
import type { Db } from "../db/client.js";
import { Prisma } from "../../prisma/generated/sqlite/client.js";
import type { Button } from "../chat/view.js";
import { pickAccount } from "./channels.js";
import { quietUntil } from "../services/quiet-hours.js";

/** What the transaction callback of `db.$transaction` receives. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type DbOrTx = Db | DbTx;

/** A button under a proactive message: a typed action (bot/chat/actions.ts) or a link. */
export type OutboxButton = Button;

export interface OutboxPayload {
  /** Neutral markup (bot/chat/markup.ts); split on line boundaries by the sender when longer than the channel's limit. */
  text: string;
  buttons?: OutboxButton[][];
  /** A file sent as a document; the text becomes its caption when it fits (1024). */
  document?: { fileName: string; base64: string; mimeType?: string };
}

/**
 * What a proactive message is, as the delivery log (/guitin, the office's digest) names it:
 * each kind has its label under `delivery.kinds`, so a new kind without one fails type-checking.
 */
export const OUTBOX_KINDS = [
  "digest",
  "report-deadline",
  "notify",
  "nudge",
  "escalation",
  "alert",
  "alert-reminder",
  "alert-escalation",
  "alert-remediation",
  "alert-cancel",
  "tip",
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export function isOutboxKind(v: string): v is OutboxKind {
  return (OUTBOX_KINDS as readonly string[]).includes(v);
}

export interface EnqueueRequest {
  dedupKey: string;
  kind: OutboxKind;
  staffId: number;
  payload: OutboxPayload;
  /** Delivered even in the person's quiet hours (Khẩn alerts). */
  urgent?: boolean;
  /** Not before this instant (default: now). Quiet hours may push it later. */
  notBefore?: Date;
  refType?: string;
  refId?: number;
}

export type EnqueueResult =
  | { status: "queued"; notBefore: Date }
  | { status: "duplicate" }
  /** The person has no active chat account (never bound, blocked the bot, deactivated). */
  | { status: "unreachable" };

export interface EnqueueOptions {
  now: Date;
  timeZone: string;
}

export async function enqueue(db: DbOrTx, req: EnqueueRequest, opts: EnqueueOptions): Promise<EnqueueResult> {
  const staff = await db.staff.findUnique({
    where: { id: req.staffId },
    select: {
      active: true,
      quietFrom: true,
      quietTo: true,
      preferredChannel: true,
      accounts: { where: { active: true }, orderBy: [{ boundAt: "desc" }, { id: "desc" }] },
    },
  });
  // The channel the person prefers, else the account bound last (bot/delivery/channels.ts).
  const account = staff?.active ? pickAccount(staff.accounts, staff.preferredChannel) : undefined;
  if (!staff || !account) return { status: "unreachable" };
  let notBefore = req.notBefore && req.notBefore > opts.now ? req.notBefore : opts.now;
  if (!req.urgent) notBefore = quietUntil(notBefore, staff, opts.timeZone) ?? notBefore;
  const payload = JSON.stringify(req.payload);
  // ON CONFLICT DO NOTHING (same syntax on SQLite and PostgreSQL): a duplicate key must not
  // abort the caller's transaction, which a unique-violation error would on PostgreSQL.
  const inserted = await db.$executeRaw`
    INSERT INTO "OutboxMessage"
      ("dedupKey", "kind", "staffId", "chatAccountId", "platform", "chatId", "payload", "urgent", "notBefore",
       "status", "attempts", "refType", "refId", "createdAt", "updatedAt")
    VALUES (${req.dedupKey}, ${req.kind}, ${req.staffId}, ${account.id}, ${account.platform}, ${account.chatId}, ${payload},
       ${Boolean(req.urgent)}, ${notBefore}, ${"pending"}, ${0}, ${req.refType ?? null}, ${req.refId ?? null}, ${opts.now}, ${opts.now})
    ON CONFLICT ("dedupKey") DO NOTHING`;
  return inserted === 1 ? { status: "queued", notBefore } : { status: "duplicate" };
}

/**
 * Cancels messages not yet sent (e.g. a cancelled alert): they will never go out. Those the
 * sender has claimed and holds (a 429 pause, a per-chat pace) are cancelled too: the sender
 * looks at the row again right before calling Telegram.
 */
/** Not sent yet: what a cancel stops (claimed and held by the sender included). */
const UNSENT = ["pending", "sending"];

export async function cancelPending(db: DbOrTx, where: { refType: string; refId: number }, now: Date): Promise<number> {
  const res = await db.outboxMessage.updateMany({
    where: { refType: where.refType, refId: where.refId, status: { in: UNSENT } },
    data: { status: "cancelled", updatedAt: now },
  });
  return res.count;
}

/** cancelPending for every ref id a query returns, in one statement (a whole import's closed dossiers). */
export async function cancelPendingWhereRefIn(db: DbOrTx, refType: string, refIds: Prisma.Sql, now: Date): Promise<number> {
  return db.$executeRaw`UPDATE "OutboxMessage" SET "status" = 'cancelled', "updatedAt" = ${now}
    WHERE "refType" = ${refType} AND "status" IN (${Prisma.join(UNSENT)}) AND "refId" IN (${refIds})`;
}
