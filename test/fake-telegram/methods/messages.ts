// sendMessage, editMessageText/Caption/ReplyMarkup, deleteMessage(s), sendChatAction.
import { isDeepStrictEqual } from "node:util";
import type { FakeContext, MethodCall } from "../context.js";
import { badRequest } from "../errors.js";
import { formatCaption, formatText } from "../format-text.js";
import { parseReplyMarkup } from "../markup.js";
import { getBool, getJson, getOptionalInt, getString, isRecord } from "../params.js";
import type { Params, TgMessage } from "../types.js";
import { type ChatRecord, now } from "../world.js";

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

/** The replied-to message (reply_parameters or the older reply_to_message_id), Telegram-style. */
export function resolveReply(chat: ChatRecord, p: Params): TgMessage | undefined {
  const parameters = getJson(p, "reply_parameters", "can't parse reply parameters JSON object");
  let messageId: number | undefined;
  let allowWithout = getBool(p, "allow_sending_without_reply");
  if (isRecord(parameters)) {
    messageId = getOptionalInt(parameters, "message_id");
    allowWithout = allowWithout || getBool(parameters, "allow_sending_without_reply");
  } else {
    messageId = getOptionalInt(p, "reply_to_message_id");
  }
  if (messageId === undefined || messageId === 0) return undefined;
  const target = chat.messages.get(messageId);
  if (target === undefined) {
    if (allowWithout) return undefined;
    throw badRequest("message to be replied not found");
  }
  const { reply_to_message: _nested, ...withoutNested } = target;
  return withoutNested;
}

export function recordSent(ctx: FakeContext, method: string, message: TgMessage): TgMessage {
  ctx.sent.push({ method, message, at: Date.now() });
  return message;
}

export function sendMessage(ctx: FakeContext, call: MethodCall): TgMessage {
  const p = call.params;
  const formatted = formatText(p);
  const markup = parseReplyMarkup(p);
  const chat = ctx.world.resolveChat(p);
  ctx.world.assertCanWrite(chat);
  const reply = resolveReply(chat, p);
  const message = ctx.world.addMessage(chat, {
    from: ctx.world.botUser,
    ...(reply !== undefined ? { reply_to_message: reply } : {}),
    text: formatted.text,
    ...(formatted.entities.length > 0 ? { entities: formatted.entities } : {}),
    ...(markup?.inline !== undefined ? { reply_markup: markup.inline } : {}),
  });
  return recordSent(ctx, call.method, message);
}

/** Finds the bot's own message to edit, with Telegram's errors. */
function messageToEdit(ctx: FakeContext, p: Params): { chat: ChatRecord; message: TgMessage } {
  if (p["inline_message_id"] !== undefined) throw badRequest("MESSAGE_ID_INVALID");
  const chat = ctx.world.resolveChat(p);
  const messageId = getOptionalInt(p, "message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  ctx.world.assertCanWrite(chat);
  const message = chat.messages.get(messageId);
  if (message === undefined) throw badRequest("message to edit not found");
  if (message.from?.id !== ctx.world.bot.id) throw badRequest("message can't be edited");
  return { chat, message };
}

function storeEdit(ctx: FakeContext, method: string, chat: ChatRecord, edited: TgMessage): TgMessage {
  chat.messages.set(edited.message_id, edited);
  return recordSent(ctx, method, edited);
}

function withMarkup(message: TgMessage, markup: ReturnType<typeof parseReplyMarkup>): TgMessage {
  const { reply_markup: _old, ...rest } = message;
  // Telegram drops the inline keyboard when an edit does not pass one again.
  return markup?.inline !== undefined ? { ...rest, reply_markup: markup.inline } : rest;
}

export function editMessageText(ctx: FakeContext, call: MethodCall): TgMessage {
  const p = call.params;
  const formatted = formatText(p);
  const markup = parseReplyMarkup(p);
  const { chat, message } = messageToEdit(ctx, p);
  if (message.text === undefined) throw badRequest("there is no text in the message to edit");
  const entities = formatted.entities.length > 0 ? formatted.entities : undefined;
  if (
    message.text === formatted.text &&
    isDeepStrictEqual(message.entities, entities) &&
    isDeepStrictEqual(message.reply_markup, markup?.inline)
  ) {
    throw badRequest(NOT_MODIFIED);
  }
  const { entities: _e, text: _t, ...rest } = message;
  const edited = withMarkup(
    { ...rest, edit_date: now(), text: formatted.text, ...(entities !== undefined ? { entities } : {}) },
    markup,
  );
  return storeEdit(ctx, call.method, chat, edited);
}

export function editMessageCaption(ctx: FakeContext, call: MethodCall): TgMessage {
  const p = call.params;
  const caption = formatCaption(p);
  const markup = parseReplyMarkup(p);
  const { chat, message } = messageToEdit(ctx, p);
  if (message.document === undefined && message.photo === undefined) {
    throw badRequest("there is no caption in the message to edit");
  }
  const entities = caption !== undefined && caption.entities.length > 0 ? caption.entities : undefined;
  if (
    message.caption === caption?.text &&
    isDeepStrictEqual(message.caption_entities, entities) &&
    isDeepStrictEqual(message.reply_markup, markup?.inline)
  ) {
    throw badRequest(NOT_MODIFIED);
  }
  const { caption: _c, caption_entities: _ce, ...rest } = message;
  const edited = withMarkup(
    {
      ...rest,
      edit_date: now(),
      ...(caption !== undefined ? { caption: caption.text } : {}),
      ...(entities !== undefined ? { caption_entities: entities } : {}),
    },
    markup,
  );
  return storeEdit(ctx, call.method, chat, edited);
}

export function editMessageReplyMarkup(ctx: FakeContext, call: MethodCall): TgMessage {
  const p = call.params;
  const markup = parseReplyMarkup(p);
  const { chat, message } = messageToEdit(ctx, p);
  if (isDeepStrictEqual(message.reply_markup, markup?.inline)) throw badRequest(NOT_MODIFIED);
  const edited = withMarkup({ ...message, edit_date: now() }, markup);
  return storeEdit(ctx, call.method, chat, edited);
}

function canDelete(ctx: FakeContext, chat: ChatRecord, message: TgMessage): boolean {
  return chat.chat.type === "private" || message.from?.id === ctx.world.bot.id || chat.botStatus === "administrator";
}

export function deleteMessage(ctx: FakeContext, call: MethodCall): boolean {
  const p = call.params;
  const chat = ctx.world.resolveChat(p);
  const messageId = getOptionalInt(p, "message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  const message = chat.messages.get(messageId);
  if (message === undefined) throw badRequest("message to delete not found");
  if (!canDelete(ctx, chat, message)) throw badRequest("message can't be deleted");
  chat.messages.delete(messageId);
  return true;
}

export function deleteMessages(ctx: FakeContext, call: MethodCall): boolean {
  const p = call.params;
  const chat = ctx.world.resolveChat(p);
  const ids = getJson(p, "message_ids", "can't parse message identifiers JSON object");
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) throw badRequest("message identifiers are not specified");
  for (const id of ids) {
    const message = chat.messages.get(Number(id));
    if (message !== undefined && canDelete(ctx, chat, message)) chat.messages.delete(Number(id));
  }
  return true;
}

export function sendChatAction(ctx: FakeContext, call: MethodCall): boolean {
  const p = call.params;
  const chat = ctx.world.resolveChat(p);
  const action = getString(p, "action") ?? "";
  if (!CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
  ctx.world.assertCanWrite(chat);
  return true;
}
