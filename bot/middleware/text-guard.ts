// Chat text is checked once, here, before any command sees it: a message or caption with a
// NUL, half an emoji, a control or a bidi-override character is refused with a message
// saying what is wrong, and nothing else happens (a guided flow stays where it was).
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { describeFault, textFault } from "../services/safe-text.js";

export function textGuardMiddleware(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const text = ctx.message?.text ?? ctx.message?.caption;
    const fault = text === undefined ? undefined : textFault(text);
    if (!fault) return next();
    ctx.deps.logger.info({ updateId: ctx.update.update_id, fault }, "message refused: invalid characters");
    if (ctx.chat?.type === "private") await ctx.reply(ctx.t("common.badText", { problem: describeFault(fault, ctx.locale === "en" ? "en" : "vi") }));
  };
}
