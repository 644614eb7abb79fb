// Finds the staff member behind the chat account, their language and any guided flow.
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { isLocale, translator } from "../i18n.js";
import { findIdentity, reactivateIfBlocked } from "../services/accounts.js";
import { readFlow } from "../services/flows.js";

const TOUCH_EVERY_MS = 10 * 60_000;

export function identityMiddleware(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from || from.is_bot) return next();
    const { db } = ctx.deps;
    const externalId = String(from.id);
    let identity = await findIdentity(db, "telegram", externalId);
    if (!identity && ctx.chat?.type === "private" && ctx.message) {
      // Someone who blocked the bot and now writes again can be reached again.
      if (await reactivateIfBlocked(db, "telegram", externalId, ctx.now)) identity = await findIdentity(db, "telegram", externalId);
    }
    ctx.identity = identity;
    // Someone not bound yet is answered in their Telegram's language when we have it.
    const own = from.language_code?.slice(0, 2);
    if (!identity && isLocale(own) && own !== ctx.locale) {
      ctx.locale = own;
      ctx.t = translator(ctx.deps.i18n, own);
    }
    if (identity) {
      const locale = identity.staff.locale;
      if (isLocale(locale) && locale !== ctx.locale) {
        ctx.locale = locale;
        ctx.t = translator(ctx.deps.i18n, locale);
      }
      if (!identity.lastSeenAt || ctx.now.getTime() - identity.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await db.chatAccount.update({ where: { id: identity.id }, data: { lastSeenAt: ctx.now } });
      }
      if (ctx.chat?.type === "private") {
        const read = await readFlow(db, identity.id, ctx.now);
        ctx.flow = read.state;
        ctx.flowExpired = read.expired;
      }
    }
    return next();
  };
}
