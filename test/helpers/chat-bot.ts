// The real bot (middleware, commands, services) on a test database, driven through the
// demo chat (updates handed to grammY, API calls answered locally), with a movable clock
// and the outbox sender delivering into the same chat. For command-level tests until the
// end-to-end harness (fake Bot API server) covers a flow.
import type { UserFromGetMe } from "grammy/types";
import { loadConfig } from "../../bot/config.js";
import { createBot } from "../../bot/create-bot.js";
import type { Db } from "../../bot/db/client.js";
import { OutboxSender } from "../../bot/delivery/sender.js";
import { DEMO_BOT, type DemoEvent, DemoChat, type DemoUser } from "../../bot/demo/demo-chat.js";
import { createI18n } from "../../bot/i18n.js";
import type { JobDeps } from "../../bot/jobs/types.js";
import { calendarStore } from "../../bot/services/working-calendar.js";
import { memoryLogger } from "./logger.js";

export interface ChatBot {
  chat: DemoChat;
  sender: OutboxSender;
  jobDeps: JobDeps;
  clock: { now: Date };
  /** The user with this Telegram id (bind it with `bind`). */
  user(id: number): DemoUser;
  /** Binds a staff member to Telegram user `userId`. */
  bind(staffId: number, userId: number): Promise<void>;
  /** Events for one chat since index `from`. */
  eventsFor(chatId: number, from?: number): DemoEvent[];
}

export async function chatBot(db: Db, url: string, start: Date): Promise<ChatBot> {
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: "warn" }, { requireToken: false });
  const { logger } = memoryLogger("warn");
  const i18n = createI18n(config.defaultLocale);
  const calendar = calendarStore(db, config.timezone);
  const clock = { now: start };
  let sender: OutboxSender | undefined;
  const wakeSender = () => undefined;
  const { bot } = createBot(config, { db, config, logger, i18n, clock: () => clock.now, calendar, wakeSender }, { botInfo: DEMO_BOT as UserFromGetMe });
  const chat = new DemoChat(bot);
  sender = new OutboxSender(db, chat.transport(), logger, {
    instanceId: "test",
    timeZone: config.timezone,
    clock: () => clock.now,
    limits: { perSecond: 100_000, perChatIntervalMs: 0, groupPerMinute: 100_000 },
  });
  await bot.init();
  return {
    chat,
    sender,
    clock,
    jobDeps: { db, config, logger, i18n, calendar, wakeSender },
    user: (id) => ({ id, first_name: `U${id}` }),
    async bind(staffId, userId) {
      await db.chatAccount.create({ data: { platform: "telegram", externalId: String(userId), chatId: String(userId), staffId } });
    },
    eventsFor: (chatId, from = 0) => chat.events.slice(from).filter((e) => "chatId" in e && e.chatId === chatId),
  };
}

/** The last message (or edit) the bot sent to a chat, with its buttons' data. */
export function lastMessage(bot: ChatBot, chatId: number) {
  const e = bot.eventsFor(chatId).filter((x) => x.kind === "message" || x.kind === "edit").at(-1);
  if (!e || (e.kind !== "message" && e.kind !== "edit")) throw new Error(`no message to ${chatId}`);
  return { ...e, data: e.buttons.flat().map((b) => ("callback_data" in b ? b.callback_data : undefined)).filter((d): d is string => !!d) };
}

/** The text of the last notice (answerCallbackQuery) shown. */
export function lastNotice(bot: ChatBot): string | undefined {
  const e = bot.chat.events.filter((x) => x.kind === "notice").at(-1);
  return e?.kind === "notice" ? e.text : undefined;
}
