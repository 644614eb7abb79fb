// The simulated Telegram world: the bot, users, chats and their messages, callback queries,
// and the bot's settings (commands, menu buttons, names and descriptions).
import { badRequest, forbidden, TgError } from "./errors.js";
import { getOptionalInt, getString } from "./params.js";
import type { Params, TgBotCommand, TgBotUser, TgCallbackQuery, TgChat, TgMessage, TgUser } from "./types.js";

export interface UserRecord {
  user: TgUser;
  /** Pressed "Start" (or wrote to the bot) — without it the bot cannot write first. */
  started: boolean;
  blocked: boolean;
}

export interface ChatRecord {
  chat: TgChat;
  /** Next message id in this chat (ids grow per chat, shared by users' and the bot's messages). */
  nextMessageId: number;
  messages: Map<number, TgMessage>;
  /** For private chats: the user on the other side. */
  userId?: number;
  botStatus: "member" | "administrator" | "left" | "kicked";
  migratedTo?: number;
}

export interface CallbackRecord {
  query: TgCallbackQuery;
  createdAt: number;
  answered: boolean;
  answer?: { text?: string; show_alert: boolean; url?: string; cache_time?: number };
}

export const now = (): number => Math.floor(Date.now() / 1000);

export class World {
  readonly users = new Map<number, UserRecord>();
  readonly chats = new Map<number, ChatRecord>();
  readonly callbackQueries = new Map<string, CallbackRecord>();
  /** Commands per `${scopeKey}|${language_code}`. */
  readonly commands = new Map<string, TgBotCommand[]>();
  /** Menu buttons per chat id ("default" for the bot-wide one). */
  readonly menuButtons = new Map<string, Record<string, unknown>>();
  /** setMyName/setMyDescription/setMyShortDescription per `${kind}|${language_code}`. */
  readonly botTexts = new Map<string, string>();
  private nextUserId = 100_000_001;
  private nextGroupId = 4_000_000_001;
  private nextSupergroupId = 1_000_000_001;
  private nextCallbackId = 0;

  /** The bot as a User object (what `from` holds in its messages). */
  readonly botUser: TgUser;

  constructor(readonly bot: TgBotUser) {
    this.botUser = { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username };
  }

  createUser(opts: {
    id?: number;
    firstName?: string;
    lastName?: string;
    username?: string;
    languageCode?: string;
    isBot?: boolean;
    started?: boolean;
  }): TgUser {
    const id = opts.id ?? this.nextUserId++;
    if (this.users.has(id)) throw new Error(`FakeTelegram: user ${id} already exists`);
    const user: TgUser = { id, is_bot: opts.isBot ?? false, first_name: opts.firstName ?? `Người dùng ${id}` };
    if (opts.lastName !== undefined) user.last_name = opts.lastName;
    if (opts.username !== undefined) user.username = opts.username;
    if (opts.languageCode !== undefined) user.language_code = opts.languageCode;
    this.users.set(id, { user, started: opts.started ?? true, blocked: false });
    const chat: TgChat = { id, type: "private", first_name: user.first_name };
    if (user.last_name !== undefined) chat.last_name = user.last_name;
    if (user.username !== undefined) chat.username = user.username;
    this.chats.set(id, { chat, nextMessageId: 1, messages: new Map(), userId: id, botStatus: "member" });
    return user;
  }

  createGroup(opts: { id?: number; title?: string; type?: "group" | "supergroup"; username?: string; botIsAdmin?: boolean }): TgChat {
    const type = opts.type ?? "supergroup";
    const id =
      opts.id ?? (type === "group" ? -this.nextGroupId++ : -(1_000_000_000_000 + this.nextSupergroupId++));
    if (this.chats.has(id)) throw new Error(`FakeTelegram: chat ${id} already exists`);
    const chat: TgChat = { id, type, title: opts.title ?? `Nhóm ${Math.abs(id)}` };
    if (opts.username !== undefined) chat.username = opts.username;
    this.chats.set(id, {
      chat,
      nextMessageId: 1,
      messages: new Map(),
      botStatus: opts.botIsAdmin === true ? "administrator" : "member",
    });
    return chat;
  }

  userRecord(user: TgUser | number): UserRecord {
    const id = typeof user === "number" ? user : user.id;
    const record = this.users.get(id);
    if (record === undefined) throw new Error(`FakeTelegram: unknown user ${id} (create it with fake.user())`);
    return record;
  }

  chatRecord(chat: TgChat | number): ChatRecord {
    const id = typeof chat === "number" ? chat : chat.id;
    const record = this.chats.get(id);
    if (record === undefined) throw new Error(`FakeTelegram: unknown chat ${id}`);
    return record;
  }

  /** Resolves `chat_id` (number, numeric string or @username) as Telegram does. */
  resolveChat(p: Params, field = "chat_id"): ChatRecord {
    const raw = p[field];
    if (raw === undefined || raw === null || raw === "") throw badRequest(`${field} is empty`);
    let record: ChatRecord | undefined;
    const id = getOptionalInt(p, field);
    if (id !== undefined) record = this.chats.get(id);
    else {
      const name = getString(p, field) ?? "";
      if (name.startsWith("@")) {
        const wanted = name.slice(1).toLowerCase();
        record = [...this.chats.values()].find(
          (c) => c.chat.type !== "private" && c.chat.username?.toLowerCase() === wanted,
        );
      }
    }
    if (record === undefined) throw badRequest("chat not found");
    if (record.migratedTo !== undefined) {
      throw new TgError(400, "Bad Request: group chat was upgraded to a supergroup chat", {
        migrate_to_chat_id: record.migratedTo,
      });
    }
    return record;
  }

  /** Throws the 403 Telegram gives when the bot may not write to this chat. */
  assertCanWrite(chat: ChatRecord): void {
    if (chat.chat.type === "private") {
      const user = this.users.get(chat.userId ?? chat.chat.id);
      if (user?.blocked === true) throw forbidden("bot was blocked by the user");
      if (user !== undefined && !user.started) throw forbidden("bot can't initiate conversation with a user");
      return;
    }
    const kind = chat.chat.type === "group" ? "group chat" : "supergroup chat";
    if (chat.botStatus === "kicked") throw forbidden(`bot was kicked from the ${kind}`);
    if (chat.botStatus === "left") throw forbidden(`bot is not a member of the ${kind}`);
  }

  /** Stores a new message in the chat, giving it the chat's next id. */
  addMessage(chat: ChatRecord, fields: Omit<TgMessage, "message_id" | "chat" | "date">): TgMessage {
    const { from, ...rest } = fields;
    // Telegram's field order: message_id, from, chat, date, then the content.
    const message: TgMessage = {
      message_id: chat.nextMessageId++,
      ...(from !== undefined ? { from } : {}),
      chat: { ...chat.chat },
      date: now(),
      ...rest,
    };
    chat.messages.set(message.message_id, message);
    return message;
  }

  newCallbackQueryId(): string {
    this.nextCallbackId += 1;
    return (BigInt(this.bot.id) * 1_000_000n + BigInt(this.nextCallbackId) * 7n + 3n).toString();
  }

  chatInstance(chatId: number): string {
    return ((BigInt(chatId) * 2_654_435_761n + BigInt(this.bot.id)) % 9_000_000_000_000_000_000n).toString();
  }

  /** Forgets everything but the bot itself (users and chats must be created again). */
  clear(): void {
    this.users.clear();
    this.chats.clear();
    this.callbackQueries.clear();
    this.commands.clear();
    this.menuButtons.clear();
    this.botTexts.clear();
  }
}
