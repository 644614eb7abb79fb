// A user who blocks the bot (or deletes their account) can no longer be reached: Telegram
// says so with a my_chat_member update ("kicked"). Their account is marked inactive at once,
// so no reminder is queued for them, and the office is told through the delivery log.
import type { MiddlewareFn } from "grammy";
import { deactivateChat, reactivateIfBlocked } from "../../services/accounts.js";
import type { TelegramContext } from "./context.js";

export function chatMemberMiddleware(): MiddlewareFn<TelegramContext> {
  return async (ctx, next) => {
    const update = ctx.myChatMember;
    if (!update) return next();
    if (update.chat.type === "private" && update.new_chat_member.status === "kicked") {
      const n = await deactivateChat(ctx.deps.db, { platform: "telegram", chatId: String(update.chat.id), reason: "kicked", now: ctx.now });
      if (n > 0) ctx.deps.logger.info({ accounts: n }, "user blocked the bot; account marked inactive");
    } else if (update.chat.type === "private" && update.new_chat_member.status === "member") {
      await reactivateIfBlocked(ctx.deps.db, "telegram", String(update.from.id), ctx.now);
    }
  };
}
