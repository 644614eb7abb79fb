// What simulated users do: write, send files, press inline buttons, block the bot. Each action
// stores the message in its chat and pushes the update Telegram would send to the bot.
import type { FakeContext } from "./context.js";
import { imageSize, mimeTypeFor } from "./file-store.js";
import { documentOf, photoSizesOf } from "./methods/media.js";
import { codePointLength } from "./params.js";
import { findAutoEntities } from "./text-util.js";
import type {
  TgContact,
  MessageRef,
  TgCallbackQuery,
  TgChat,
  TgChatMemberUpdated,
  TgMessage,
  TgMessageEntity,
  TgUpdate,
  TgUser,
} from "./types.js";
import { type ChatRecord, now } from "./world.js";

export interface UserMessageOptions {
  /** Where to write; the user's private chat with the bot by default. */
  chat?: TgChat | number;
  /** Reply to this message of the same chat. */
  replyTo?: MessageRef;
}

export interface UserTextOptions extends UserMessageOptions {
  /** Entities to send instead of the automatically detected ones (commands, mentions, links). */
  entities?: TgMessageEntity[];
}

export interface UserFileOptions extends UserMessageOptions {
  caption?: string;
}

export interface UserDocument {
  fileName: string;
  /** Defaults to the type Telegram infers from the extension. */
  mimeType?: string;
  content: Buffer;
}

export interface UserPhoto {
  content: Buffer;
  /** Defaults to the image's real size (PNG/JPEG/GIF/WebP), else 800×600. */
  width?: number;
  height?: number;
}

function targetChat(ctx: FakeContext, user: TgUser, opts: UserMessageOptions): ChatRecord {
  const record = ctx.world.userRecord(user);
  const chat = ctx.world.chatRecord(opts.chat ?? user.id);
  if (chat.chat.type === "private") {
    if (chat.chat.id !== user.id) throw new Error(`FakeTelegram: user ${user.id} cannot write in the private chat ${chat.chat.id}`);
    if (record.blocked) throw new Error(`FakeTelegram: user ${user.id} has blocked the bot (call unblockBot or startBot first)`);
    record.started = true;
  } else if (chat.migratedTo !== undefined) {
    throw new Error(`FakeTelegram: chat ${chat.chat.id} was upgraded to supergroup ${chat.migratedTo}`);
  }
  return chat;
}

function replyTarget(chat: ChatRecord, replyTo: MessageRef | undefined): TgMessage | undefined {
  if (replyTo === undefined) return undefined;
  const target = chat.messages.get(replyTo.message_id);
  if (target === undefined) throw new Error(`FakeTelegram: message ${replyTo.message_id} not found in chat ${chat.chat.id}`);
  const { reply_to_message: _nested, ...flat } = target;
  return flat;
}

/**
 * Whether the bot gets a group message. In privacy mode (the default) a bot sees commands
 * meant for it (`/cmd` or `/cmd@this_bot`), replies to its messages and service messages;
 * admins and bots with privacy off see everything.
 */
function visibleToBot(ctx: FakeContext, chat: ChatRecord, message: TgMessage): boolean {
  if (chat.chat.type === "private") return true;
  if (chat.botStatus === "left" || chat.botStatus === "kicked") return false;
  if (ctx.world.bot.can_read_all_group_messages || chat.botStatus === "administrator") return true;
  if (message.reply_to_message?.from?.id === ctx.world.bot.id) return true;
  const text = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  return entities.some((e) => {
    if (e.type !== "bot_command") return false;
    const command = text.slice(e.offset, e.offset + e.length);
    const at = command.indexOf("@");
    return at < 0 || command.slice(at + 1).toLowerCase() === ctx.world.bot.username.toLowerCase();
  });
}

function deliver(ctx: FakeContext, chat: ChatRecord, message: TgMessage): TgMessage {
  if (visibleToBot(ctx, chat, message)) ctx.queue.push({ message });
  return message;
}

export function sendText(ctx: FakeContext, user: TgUser, text: string, opts: UserTextOptions = {}): TgMessage {
  if (text.length === 0 || codePointLength(text) > 4096) throw new Error("FakeTelegram: a user's text is 1-4096 characters");
  const chat = targetChat(ctx, user, opts);
  const reply = replyTarget(chat, opts.replyTo);
  const entities = opts.entities ?? findAutoEntities(text);
  const message = ctx.world.addMessage(chat, {
    from: user,
    ...(reply !== undefined ? { reply_to_message: reply } : {}),
    text,
    ...(entities.length > 0 ? { entities } : {}),
  });
  return deliver(ctx, chat, message);
}

/**
 * Opening `t.me/<bot>?start=<payload>` (or pressing Start/Restart): a blocked bot is unblocked
 * first; a payload that is not 1-64 characters of A-Za-z0-9_- is dropped, as Telegram does.
 */
export function startBot(ctx: FakeContext, user: TgUser, payload?: string): TgMessage {
  const record = ctx.world.userRecord(user);
  if (record.blocked) setBlocked(ctx, user, false);
  const valid = payload !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(payload);
  return sendText(ctx, user, valid ? `/start ${payload}` : "/start");
}

function withCaption(caption: string | undefined): Partial<TgMessage> {
  if (caption === undefined || caption.length === 0) return {};
  const entities = findAutoEntities(caption);
  return { caption, ...(entities.length > 0 ? { caption_entities: entities } : {}) };
}

export function sendDocument(ctx: FakeContext, user: TgUser, doc: UserDocument, opts: UserFileOptions = {}): TgMessage {
  const chat = targetChat(ctx, user, opts);
  const reply = replyTarget(chat, opts.replyTo);
  const file = ctx.files.add({
    kind: "document",
    content: doc.content,
    filename: doc.fileName,
    mimeType: doc.mimeType ?? mimeTypeFor(doc.fileName) ?? "application/octet-stream",
    origin: "user",
  });
  const message = ctx.world.addMessage(chat, {
    from: user,
    ...(reply !== undefined ? { reply_to_message: reply } : {}),
    document: documentOf(file),
    ...withCaption(opts.caption),
  });
  return deliver(ctx, chat, message);
}

/**
 * A contact card: the user's own (what the "share my phone number" button sends: Telegram
 * fills `user_id` with the sender's id) or someone else's, forwarded from the address book.
 */
export function sendContact(ctx: FakeContext, user: TgUser, contact: TgContact, opts: UserMessageOptions = {}): TgMessage {
  const chat = targetChat(ctx, user, opts);
  const message = ctx.world.addMessage(chat, { from: user, contact });
  return deliver(ctx, chat, message);
}

export function sendPhoto(ctx: FakeContext, user: TgUser, photo: UserPhoto, opts: UserFileOptions = {}): TgMessage {
  const chat = targetChat(ctx, user, opts);
  const reply = replyTarget(chat, opts.replyTo);
  const real = imageSize(photo.content);
  const file = ctx.files.add({
    kind: "photo",
    content: photo.content,
    mimeType: "image/jpeg",
    width: photo.width ?? real?.width ?? 800,
    height: photo.height ?? real?.height ?? 600,
    origin: "user",
  });
  const message = ctx.world.addMessage(chat, {
    from: user,
    ...(reply !== undefined ? { reply_to_message: reply } : {}),
    photo: photoSizesOf(ctx, file),
    ...withCaption(opts.caption),
  });
  return deliver(ctx, chat, message);
}

export interface PressOptions {
  /** Skip the check that the message (still) has a button with this callback_data. */
  force?: boolean;
}

export function pressButton(
  ctx: FakeContext,
  user: TgUser,
  ref: MessageRef,
  callbackData: string,
  opts: PressOptions = {},
): TgCallbackQuery {
  ctx.world.userRecord(user);
  const chat = ctx.world.chatRecord(ref.chat.id);
  const message = chat.messages.get(ref.message_id);
  if (opts.force !== true) {
    if (message === undefined) throw new Error(`FakeTelegram: message ${ref.message_id} is not in chat ${ref.chat.id} (deleted?)`);
    const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
    if (!buttons.some((b) => b.callback_data === callbackData)) {
      const have = buttons.map((b) => JSON.stringify(b.callback_data ?? b.url ?? b.text)).join(", ");
      throw new Error(`FakeTelegram: message ${ref.message_id} has no button with callback_data "${callbackData}" (has: ${have || "none"})`);
    }
  }
  if (chat.chat.type === "private" && ctx.world.userRecord(user).blocked) {
    throw new Error(`FakeTelegram: user ${user.id} has blocked the bot`);
  }
  const query: TgCallbackQuery = {
    id: ctx.world.newCallbackQueryId(),
    from: user,
    message: message ?? { message_id: ref.message_id, chat: { ...chat.chat }, date: 0 },
    chat_instance: ctx.world.chatInstance(chat.chat.id),
    data: callbackData,
  };
  ctx.world.callbackQueries.set(query.id, { query, createdAt: Date.now(), answered: false });
  ctx.queue.push({ callback_query: query });
  return query;
}

/** Presses the inline button whose label is `text` (it must be a callback button). */
export function pressButtonByText(ctx: FakeContext, user: TgUser, ref: MessageRef, text: string): TgCallbackQuery {
  const message = ctx.world.chatRecord(ref.chat.id).messages.get(ref.message_id);
  const button = message?.reply_markup?.inline_keyboard.flat().find((b) => b.text === text);
  if (button?.callback_data === undefined) {
    throw new Error(`FakeTelegram: message ${ref.message_id} has no callback button labelled "${text}"`);
  }
  return pressButton(ctx, user, ref, button.callback_data);
}

function memberUpdate(ctx: FakeContext, chat: ChatRecord, from: TgUser, oldStatus: string, newStatus: string): TgUpdate {
  const bot = ctx.world.botUser;
  const status = (s: string): TgChatMemberUpdated["new_chat_member"] =>
    (s === "kicked" ? { status: "kicked", user: bot, until_date: 0 } : { status: s, user: bot }) as TgChatMemberUpdated["new_chat_member"];
  const change: TgChatMemberUpdated = {
    chat: { ...chat.chat },
    from,
    date: now(),
    old_chat_member: status(oldStatus),
    new_chat_member: status(newStatus),
  };
  return ctx.queue.push({ my_chat_member: change }).update;
}

/** Blocking sends `my_chat_member` (member → kicked); unblocking the reverse. */
export function setBlocked(ctx: FakeContext, user: TgUser, blocked: boolean): TgUpdate {
  const record = ctx.world.userRecord(user);
  if (record.blocked === blocked) throw new Error(`FakeTelegram: user ${user.id} has ${blocked ? "already" : "not"} blocked the bot`);
  record.blocked = blocked;
  if (!blocked) record.started = true;
  const chat = ctx.world.chatRecord(user.id);
  return memberUpdate(ctx, chat, user, blocked ? "member" : "kicked", blocked ? "kicked" : "member");
}

/** A group admin removes the bot (status "kicked" when banned, else "left"). */
export function removeBotFromGroup(ctx: FakeContext, group: TgChat | number, by: TgUser, ban = false): TgUpdate {
  const chat = ctx.world.chatRecord(group);
  const old = chat.botStatus;
  chat.botStatus = ban ? "kicked" : "left";
  return memberUpdate(ctx, chat, by, old, chat.botStatus);
}

/** Upgrades a basic group to a supergroup (new id; the old id answers "group chat was upgraded"). */
export function migrateGroup(ctx: FakeContext, group: TgChat | number, by: TgUser): TgChat {
  const old = ctx.world.chatRecord(group);
  if (old.chat.type !== "group") throw new Error("FakeTelegram: only basic groups can be upgraded");
  const created = ctx.world.createGroup({
    type: "supergroup",
    ...(old.chat.title !== undefined ? { title: old.chat.title } : {}),
    botIsAdmin: old.botStatus === "administrator",
  });
  const next = ctx.world.chatRecord(created);
  ctx.queue.push({ message: ctx.world.addMessage(old, { from: by, migrate_to_chat_id: created.id }) });
  ctx.queue.push({ message: ctx.world.addMessage(next, { from: by, migrate_from_chat_id: old.chat.id }) });
  old.migratedTo = created.id;
  return created;
}
