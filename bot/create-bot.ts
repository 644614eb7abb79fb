// Kept for the demo until it runs on the chat core: the Telegram adapter's factory.
export { type BotApp, createBot, type CreateBotOptions } from "./channels/telegram/create-bot.js";
