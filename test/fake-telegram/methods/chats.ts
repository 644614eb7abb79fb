// getMe, logOut, close, getChat, getChatMember, leaveChat, answerCallbackQuery.
import type { FakeContext, MethodCall } from "../context.js";
import { badRequest } from "../errors.js";
import { codePointLength, getBool, getOptionalInt, getString } from "../params.js";
import type { TgBotUser } from "../types.js";

export const getMe = (ctx: FakeContext): TgBotUser => ctx.world.bot;
export const logOut = (): boolean => true;
export const close = (): boolean => true;

export function getChat(ctx: FakeContext, call: MethodCall): Record<string, unknown> {
  const chat = ctx.world.resolveChat(call.params);
  return { ...chat.chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false } };
}

export function getChatMember(ctx: FakeContext, call: MethodCall): Record<string, unknown> {
  const chat = ctx.world.resolveChat(call.params);
  const userId = getOptionalInt(call.params, "user_id");
  if (userId === undefined) throw badRequest("user_id is empty");
  if (userId === ctx.world.bot.id) {
    return { status: chat.botStatus, user: ctx.world.botUser, ...(chat.botStatus === "kicked" ? { until_date: 0 } : {}) };
  }
  const user = ctx.world.users.get(userId);
  if (user === undefined) throw badRequest("user not found");
  if (chat.chat.type === "private" && chat.chat.id !== userId) throw badRequest("user not found");
  return { status: "member", user: user.user };
}

export function leaveChat(ctx: FakeContext, call: MethodCall): boolean {
  const chat = ctx.world.resolveChat(call.params);
  if (chat.chat.type === "private") throw badRequest("chat member status can't be changed in private chats");
  chat.botStatus = "left";
  return true;
}

export function answerCallbackQuery(ctx: FakeContext, call: MethodCall): boolean {
  const p = call.params;
  const id = getString(p, "callback_query_id") ?? "";
  const text = getString(p, "text");
  if (text !== undefined && codePointLength(text) > 200) throw badRequest("MESSAGE_TOO_LONG");
  const record = ctx.world.callbackQueries.get(id);
  if (record === undefined || record.answered) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  record.answered = true;
  record.answer = { show_alert: getBool(p, "show_alert") };
  if (text !== undefined) record.answer.text = text;
  const url = getString(p, "url");
  if (url !== undefined) record.answer.url = url;
  const cacheTime = getOptionalInt(p, "cache_time");
  if (cacheTime !== undefined) record.answer.cache_time = cacheTime;
  return true;
}
