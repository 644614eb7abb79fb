// What no command took: an unknown command, free text, a forged or stale button.
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { parseCommand } from "../telegram/commands.js";

export function fallbackMiddleware(): MiddlewareFn<BotContext> {
  return async (ctx) => {
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: ctx.t(ctx.identity ? "common.invalidButton" : "common.unknownUserShort"), show_alert: true });
      return;
    }
    if (!ctx.message || ctx.chat?.type !== "private") return; // groups: stay silent
    if (!ctx.identity) {
      await ctx.reply(ctx.t("common.unknownUser"), { parse_mode: "HTML" });
      return;
    }
    const cmd = parseCommand(ctx);
    if (cmd) await ctx.reply(ctx.t("common.unknownCommand"));
    else await ctx.reply(ctx.t(ctx.flowExpired ? "common.flowExpired" : "common.freeText"));
  };
}
