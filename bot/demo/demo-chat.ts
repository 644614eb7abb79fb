// A local chat with the real bot and no network: updates are handed to grammY directly and
// every Bot API call is answered here instead of by Telegram. Used by `npm run demo` and by
// its test; the bot, its middleware and services are exactly those of production.
//
// Each demo person has their own chat: every message the bot sends them (replies, and the
// outbox's proactive messages) is kept there with its number in that chat, so one can switch
// person and read what arrived, and press any button of any message by its number.
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

/** A message of the bot in one person's chat, as it stands now (edits applied). */
export interface DemoMessage {
  chatId: number;
  /** Its number in that person's chat: 1, 2, 3... (what the person types to press its buttons). */
  no: number;
  messageId: number;
  html: string;
  buttons: InlineKeyboardButton[][];
  document?: { fileName: string; bytes: Buffer };
}

/** What the bot did, in order, for the terminal (or a test) to show. */
export type DemoEvent =
  | { kind: "message"; message: DemoMessage }
  | { kind: "edit"; message: DemoMessage; before: string }
  | { kind: "notice"; chatId: number; text: string; alert: boolean };

type Payload = Record<string, unknown>;

/** The bytes of a grammY InputFile (the demo keeps documents; Telegram would upload them). */
async function fileBytes(file: unknown): Promise<Buffer> {
  if (!file || typeof file !== "object" || !("toRaw" in file)) return Buffer.alloc(0);
  const raw = await (file as { toRaw(): Promise<Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>> }).toRaw();
  if (raw instanceof Uint8Array) return Buffer.from(raw);
  const parts: Uint8Array[] = [];
  for await (const p of raw as AsyncIterable<Uint8Array>) parts.push(p);
  return Buffer.concat(parts);
}

export class DemoChat {
  private updateId = 1;
  private messageId = 1;
  private callbackId = 1;
  /** Telegram's view: every message by id, for callback queries and edits. */
  private readonly raw = new Map<number, Message>();
  private readonly chats = new Map<number, DemoMessage[]>();
  private readonly byId = new Map<number, DemoMessage>();
  private listeners: ((e: DemoEvent) => void)[] = [];
  /** Who is pressing a button now: the toast of answerCallbackQuery is theirs. */
  private pressedBy: number | undefined;

  constructor(
    private readonly bot: Bot<BotContext>,
    private readonly clock: () => Date,
  ) {
    bot.api.config.use(async (_prev, method, payload) => ({ ok: true, result: await this.answer(method, payload as Payload) }) as never);
  }

  onEvent(fn: (e: DemoEvent) => void) {
    this.listeners.push(fn);
  }

  /** The bot's messages in one person's chat, oldest first. */
  history(chatId: number): readonly DemoMessage[] {
    return this.chats.get(chatId) ?? [];
  }

  private emit(e: DemoEvent) {
    for (const l of this.listeners) l(e);
  }

  private keyboard(payload: Payload): InlineKeyboardButton[][] {
    const markup = payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
    return markup?.inline_keyboard ?? [];
  }

  private async answer(method: string, p: Payload): Promise<unknown> {
    const chatId = Number(p.chat_id);
    switch (method) {
      case "getMe":
        return DEMO_BOT;
      case "sendMessage":
        return this.add(chatId, String(p.text), this.keyboard(p), { text: String(p.text), reply_markup: p.reply_markup as Message["reply_markup"] });
      case "editMessageText":
      case "editMessageReplyMarkup": {
        const id = Number(p.message_id);
        const prev = this.raw.get(id);
        const text = method === "editMessageText" ? String(p.text) : (prev?.text ?? "");
        const msg = { ...prev, text, reply_markup: p.reply_markup as Message["reply_markup"] } as Message;
        this.raw.set(id, msg);
        const kept = this.byId.get(id);
        if (kept) {
          const before = kept.html;
          kept.html = text;
          kept.buttons = this.keyboard(p);
          this.emit({ kind: "edit", message: kept, before });
        }
        return msg;
      }
      case "answerCallbackQuery":
        if (p.text) this.emit({ kind: "notice", chatId: this.pressedBy ?? 0, text: String(p.text), alert: Boolean(p.show_alert) });
        return true;
      case "sendDocument":
      case "sendPhoto": {
        const doc = (method === "sendPhoto" ? p.photo : p.document) as { filename?: string } | string;
        const fileName = typeof doc === "object" && doc.filename ? doc.filename : "tep-dinh-kem";
        const caption = String(p.caption ?? "");
        return this.add(chatId, caption, this.keyboard(p), { caption }, { fileName, bytes: await fileBytes(doc) });
      }
      case "getUpdates":
        return [];
      default:
        // setMyCommands, deleteWebhook, sendChatAction, ...: accepted.
        return true;
    }
  }

  private add(chatId: number, html: string, buttons: InlineKeyboardButton[][], fields: Partial<Message>, document?: DemoMessage["document"]): Message {
    const msg = {
      message_id: this.messageId++,
      date: Math.floor(this.clock().getTime() / 1000),
      chat: { id: chatId, type: "private", first_name: "demo" },
      from: { id: DEMO_BOT.id, is_bot: true, first_name: DEMO_BOT.first_name, username: DEMO_BOT.username },
      ...fields,
    } as Message;
    this.raw.set(msg.message_id, msg);
    const list = this.chats.get(chatId) ?? [];
    const kept: DemoMessage = { chatId, no: list.length + 1, messageId: msg.message_id, html, buttons, ...(document ? { document } : {}) };
    list.push(kept);
    this.chats.set(chatId, list);
    this.byId.set(msg.message_id, kept);
    this.emit({ kind: "message", message: kept });
    return msg;
  }

  /** The outbox sender's way out in the demo: proactive messages reach the person's chat too. */
  transport(): Transport {
    const rows = (buttons?: OutboxButton[][]) => keyboard(buttons)?.inline_keyboard ?? [];
    return {
      sendText: async (chatId, html, buttons) => this.add(Number(chatId), html, rows(buttons), { text: html }).message_id,
      sendDocument: async (chatId, file, caption, buttons) =>
        this.add(Number(chatId), caption ?? "", rows(buttons), { caption: caption ?? "" }, { fileName: file.fileName, bytes: file.bytes }).message_id,
    };
  }

  /** The user types a line. Commands get their bot_command entity, as Telegram adds it. */
  async type(user: DemoUser, text: string): Promise<void> {
    const message = {
      message_id: this.messageId++,
      date: Math.floor(this.clock().getTime() / 1000),
      chat: { id: user.id, type: "private", first_name: user.first_name },
      from: { ...user, is_bot: false, language_code: "vi" },
      text,
      ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] } : {}),
    } as Message;
    await this.bot.handleUpdate({ update_id: this.updateId++, message } as Update);
  }

  /** The user presses a button (its callback data) of one of the bot's messages in their chat. */
  async press(user: DemoUser, message: DemoMessage, data: string): Promise<void> {
    const raw = this.raw.get(message.messageId);
    this.pressedBy = user.id;
    try {
      await this.bot.handleUpdate({
        update_id: this.updateId++,
        callback_query: {
          id: String(this.callbackId++),
          from: { ...user, is_bot: false, language_code: "vi" },
          chat_instance: "demo",
          data,
          ...(raw ? { message: raw } : {}),
        },
      } as Update);
    } finally {
      this.pressedBy = undefined;
    }
  }
}
