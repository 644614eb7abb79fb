// Each update is handled once, even when Telegram re-sends it (a webhook retry, a restart
// before the offset was confirmed, two instances). An update whose handling was cut off by
// a crash (claimed long ago, never finished) is handled again rather than lost.
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

const STALE_CLAIM_MS = 5 * 60_000;

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

export function dedupeMiddleware(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { db, logger } = ctx.deps;
    const id = `telegram:${ctx.me.id}:${ctx.update.update_id}`;
    try {
      await db.processedUpdate.create({ data: { id, at: ctx.now } });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // Re-claim only an abandoned one; the conditional update makes one claimant win.
      const stale = new Date(ctx.now.getTime() - STALE_CLAIM_MS);
      const reclaimed = await db.processedUpdate.updateMany({ where: { id, done: false, at: { lt: stale } }, data: { at: ctx.now } });
      if (reclaimed.count === 0) {
        logger.debug({ updateId: ctx.update.update_id }, "duplicate update skipped");
        return;
      }
    }
    try {
      await next();
    } finally {
      // Also after an error (already answered by bot.catch): a retry would fail the same way.
      await db.processedUpdate.update({ where: { id }, data: { done: true } });
    }
  };
}
