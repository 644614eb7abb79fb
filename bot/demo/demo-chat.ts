// A local chat with the real bot and no network: updates are handed to grammY directly and
// every Bot API call is answered here instead of by Telegram. Used by `npm run demo` and by
// its test; the bot, its middleware and services are exactly those of production.
import type { Bot } from "grammy";
import type { InlineKeyboardButton, Message, Update, UserFromGetMe } from "grammy/types";
import type { BotContext } from "../context.js";
import type { OutboxButton } from "../delivery/outbox.js";
import { keyboard, type Transport } from "../delivery/transport.js";

export const DEMO_BOT: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: "Trợ lý Sở KH&CN (demo)",
  username: "sokhcn_demo_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export interface DemoUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
}

/** What the bot did, in order, for the terminal (or a test) to show. */
export type DemoEvent =
  | { kind: "message"; chatId: number; messageId: number; html: string; buttons: InlineKeyboardButton[][] }
  | { kind: "edit"; chatId: number; messageId: number; html: string; buttons: InlineKeyboardButton[][] }
  | { kind: "notice"; text: string; alert: boolean }
  | { kind: "document"; chatId: number; fileName: string; content: Buffer; caption: string };

type Payload = Record<string, unknown>;

export class DemoChat {
  private updateId = 1;
  private messageId = 1;
  private callbackId = 1;
  private readonly messages = new Map<number, Message>();
  readonly events: DemoEvent[] = [];
  private listeners: ((e: DemoEvent) => void)[] = [];

  constructor(private readonly bot: Bot<BotContext>) {
    bot.api.config.use((_prev, method, payload) => Promise.resolve({ ok: true, result: this.answer(method, payload as Payload) }) as never);
  }

  onEvent(fn: (e: DemoEvent) => void) {
    this.listeners.push(fn);
  }

  private emit(e: DemoEvent) {
    this.events.push(e);
    for (const l of this.listeners) l(e);
  }

  private keyboard(payload: Payload): InlineKeyboardButton[][] {
    const markup = payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
    return markup?.inline_keyboard ?? [];
  }

  private answer(method: string, p: Payload): unknown {
    const chatId = Number(p.chat_id);
    switch (method) {
      case "getMe":
        return DEMO_BOT;
      case "sendMessage": {
        const msg = this.store(chatId, { text: String(p.text), reply_markup: p.reply_markup as Message["reply_markup"] });
        this.emit({ kind: "message", chatId, messageId: msg.message_id, html: String(p.text), buttons: this.keyboard(p) });
        return msg;
      }
      case "editMessageText": {
        const id = Number(p.message_id);
        const prev = this.messages.get(id);
        const msg = { ...(prev ?? this.store(chatId, {})), text: String(p.text), reply_markup: p.reply_markup as Message["reply_markup"] } as Message;
        this.messages.set(id, msg);
        this.emit({ kind: "edit", chatId, messageId: id, html: String(p.text), buttons: this.keyboard(p) });
        return msg;
      }
      case "editMessageReplyMarkup": {
        const id = Number(p.message_id);
        const prev = this.messages.get(id);
        if (prev) this.messages.set(id, { ...prev, reply_markup: p.reply_markup as Message["reply_markup"] } as Message);
        return prev ?? true;
      }
      case "answerCallbackQuery":
        if (p.text) this.emit({ kind: "notice", text: String(p.text), alert: Boolean(p.show_alert) });
        return true;
      case "sendDocument": {
        const doc = p.document as { filename?: string; consume?: () => unknown } | string;
        const fileName = typeof doc === "object" && doc.filename ? doc.filename : "tep-dinh-kem";
        const msg = this.store(chatId, { caption: String(p.caption ?? "") });
        this.emit({ kind: "document", chatId, fileName, content: Buffer.alloc(0), caption: String(p.caption ?? "") });
        return msg;
      }
      case "getUpdates":
        return [];
      default:
        // setMyCommands, deleteWebhook, sendChatAction, ...: accepted.
        return true;
    }
  }

  private store(chatId: number, fields: Partial<Message>): Message {
    const msg = {
      message_id: this.messageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "demo" },
      from: { id: DEMO_BOT.id, is_bot: true, first_name: DEMO_BOT.first_name, username: DEMO_BOT.username },
      ...fields,
    } as Message;
    this.messages.set(msg.message_id, msg);
    return msg;
  }

  /** The outbox sender's way out in the demo: proactive messages appear in the chat too. */
  transport(): Transport {
    const rows = (buttons?: OutboxButton[][]) => keyboard(buttons)?.inline_keyboard ?? [];
    return {
      sendText: async (chatId, html, buttons) => {
        const msg = this.store(Number(chatId), { text: html });
        this.emit({ kind: "message", chatId: Number(chatId), messageId: msg.message_id, html, buttons: rows(buttons) });
        return msg.message_id;
      },
      sendDocument: async (chatId, file, caption) => {
        const msg = this.store(Number(chatId), { caption: caption ?? "" });
        this.emit({ kind: "document", chatId: Number(chatId), fileName: file.fileName, content: file.bytes, caption: caption ?? "" });
        return msg.message_id;
      },
    };
  }

  /** The user types a line. Commands get their bot_command entity, as Telegram adds it. */
  async type(user: DemoUser, text: string): Promise<void> {
    const message = {
      message_id: this.messageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: "private", first_name: user.first_name },
      from: { ...user, is_bot: false, language_code: "vi" },
      text,
      ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] } : {}),
    } as Message;
    await this.bot.handleUpdate({ update_id: this.updateId++, message } as Update);
  }

  /** The user presses a button of a message the bot sent. */
  async press(user: DemoUser, messageId: number, data: string): Promise<void> {
    const message = this.messages.get(messageId);
    await this.bot.handleUpdate({
      update_id: this.updateId++,
      callback_query: {
        id: String(this.callbackId++),
        from: { ...user, is_bot: false, language_code: "vi" },
        chat_instance: "demo",
        data,
        ...(message ? { message } : {}),
      },
    } as Update);
  }
}
