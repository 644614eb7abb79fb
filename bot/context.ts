// The names the rest of the code knew the chat's context by, kept for the demo until it
// runs on the chat core: the dependencies are the core's, the context is Telegram's.
export type { ChatDeps as BotDeps } from "./chat/turn.js";
export type { TelegramContext as BotContext } from "./channels/telegram/context.js";
