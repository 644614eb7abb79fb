// Each update is handled once, even when Telegram re-sends it (a webhook retry, a restart
// before the offset was confirmed, two instances). An update whose handling was cut off by
// a crash (claimed long ago, never finished) is handled again rather than lost.
//
// An update that failed on a transient database error (the pool or SQLite's write lock busy
// past DATABASE_WAIT_SECONDS, a dropped connection) did nothing the user can see: it is run
// again here, a few times, and the user gets one answer. If the database is still not there,
// the claim is released (not recorded as handled, so a redelivery handles it) and the user is
// told once that the system is busy.
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { isTransientDbError, isUniqueViolation } from "../db/errors.js";

const STALE_CLAIM_MS = 5 * 60_000;
/** Tries of an update that keeps failing on a transient database error. */
export const TRANSIENT_TRIES = 3;
const RETRY_DELAY_MS = [500, 2000];

/** Thrown by the error boundary so that a transient failure reaches this middleware unanswered. */
export class TransientUpdateError extends Error {
  constructor(readonly original: unknown) {
    super("transient database error");
    this.name = "TransientUpdateError";
  }
}

function isTransient(e: unknown): boolean {
  return e instanceof TransientUpdateError || isTransientDbError(e);
}

async function claim(ctx: BotContext, id: string): Promise<boolean> {
  const { db } = ctx.deps;
  try {
    await db.processedUpdate.create({ data: { id, at: ctx.now } });
    return true;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Re-claim only an abandoned one; the conditional update makes one claimant win.
    const stale = new Date(ctx.now.getTime() - STALE_CLAIM_MS);
    const reclaimed = await db.processedUpdate.updateMany({ where: { id, done: false, at: { lt: stale } }, data: { at: ctx.now } });
    return reclaimed.count > 0;
  }
}

/** Runs `handling` (the bot's whole handling chain) once per update, again after a transient failure. */
export function dedupeMiddleware(handling: MiddlewareFn<BotContext>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { db, logger } = ctx.deps;
    const id = `telegram:${ctx.me.id}:${ctx.update.update_id}`;
    let claimed = false;
    for (let attempt = 1; !claimed; attempt++) {
      try {
        claimed = await claim(ctx, id);
        if (!claimed) {
          logger.debug({ updateId: ctx.update.update_id }, "duplicate update skipped");
          return;
        }
      } catch (e) {
        if (!isTransientDbError(e) || attempt >= TRANSIENT_TRIES) throw e;
        await new Promise((r) => setTimeout(r, RETRY_DELAY_MS[attempt - 1] ?? 2000));
      }
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await handling(ctx, next);
        break;
      } catch (e) {
        if (!isTransient(e)) {
          // Already answered by bot.catch; a retry would fail the same way.
          await markDone(ctx, id);
          throw e;
        }
        const original = e instanceof TransientUpdateError ? e.original : e;
        logger.warn({ updateId: ctx.update.update_id, attempt, error: (original as Error)?.message?.split("\n").at(-1) }, "update hit a transient database error");
        if (attempt >= TRANSIENT_TRIES) {
          await db.processedUpdate.deleteMany({ where: { id, done: false } }).catch(() => undefined);
          await answerBusy(ctx);
          return;
        }
        await new Promise((r) => setTimeout(r, RETRY_DELAY_MS[attempt - 1] ?? 2000));
      }
    }
    await markDone(ctx, id);
  };
}

async function markDone(ctx: BotContext, id: string): Promise<void> {
  await ctx.deps.db.processedUpdate.update({ where: { id }, data: { done: true } });
}

async function answerBusy(ctx: BotContext): Promise<void> {
  try {
    const t = ctx.t ?? ((k: string) => k);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t("common.busy"), show_alert: true });
    else if (ctx.chat?.type === "private") await ctx.reply(t("common.busy"));
  } catch {
    /* the chat may be unreachable: nothing more to do */
  }
}
