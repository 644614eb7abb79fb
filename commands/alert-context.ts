// What the alert commands share: the services' dependencies and actor from a chat update,
// and the office check repeated on every update (the command guard checks the role; this
// checks the alert service's own rule, so the two cannot drift apart silently).
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../bot/context.js";
import { type AlertActor, type AlertDeps, mayManageAlerts } from "../bot/services/alerts/model.js";

export function alertDeps(ctx: BotContext): AlertDeps {
  return { db: ctx.deps.db, i18n: ctx.deps.i18n, timeZone: ctx.deps.config.timezone, defaultLocale: ctx.deps.config.defaultLocale };
}

export function alertActor(ctx: BotContext): AlertActor {
  const s = ctx.identity!.staff;
  return { actor: `telegram:${ctx.from!.id}`, staffId: s.id, role: s.role };
}

export const officeOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.identity || !mayManageAlerts(alertActor(ctx))) {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("common.noPermission"), show_alert: true });
    else await ctx.reply(ctx.t("common.noPermission"));
    return;
  }
  await next();
};
