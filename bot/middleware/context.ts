// Puts the dependencies, the clock reading and the default language on every update.
import type { MiddlewareFn } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { translator } from "../i18n.js";

export function contextMiddleware(deps: BotDeps): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    ctx.now = deps.clock();
    ctx.identity = null;
    ctx.flow = null;
    ctx.flowExpired = null;
    ctx.command = undefined;
    ctx.locale = deps.config.defaultLocale;
    ctx.t = translator(deps.i18n, ctx.locale);
    return next();
  };
}
