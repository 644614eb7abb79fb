// grammY's context as the Telegram adapter uses it: the dependencies and the clock reading
// of the update, and the turn once built (the error handler answers in its language).
import type { Context } from "grammy";
import type { ChatDeps, Turn } from "../../chat/turn.js";

export interface TelegramFlavor {
  deps: ChatDeps;
  now: Date;
  turn: Turn | undefined;
}

export type TelegramContext = Context & TelegramFlavor;
