// A Telegram update as a turn of the core.
import type { ParsedCommand, ReceivedFile, TurnInput } from "../../chat/turn.js";
import type { TelegramContext } from "./context.js";

/** The command at the start of a message ("/cmd@bot args"), from Telegram's entities. */
function commandOf(ctx: TelegramContext): ParsedCommand | undefined {
  const msg = ctx.message;
  const text = msg?.text ?? msg?.caption;
  if (!msg || !text) return undefined;
  const entities = msg.entities ?? msg.caption_entities ?? [];
  const first = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!first) return undefined;
  const [name = "", mention] = text.slice(1, first.length).split("@");
  const args = text.slice(first.length).trim();
  // A command for another bot in a group: no command of ours matches it, and it is not a
  // reply inside a flow either.
  if (mention && mention.toLowerCase() !== ctx.me.username.toLowerCase()) return { name: `${name.toLowerCase()}@${mention.toLowerCase()}`, args };
  return { name: name.toLowerCase(), args };
}

/** A document or photo on this message, kept by Telegram's file id (nothing is downloaded). */
function fileOf(ctx: TelegramContext): ReceivedFile | null {
  const msg = ctx.message;
  if (msg?.document)
    return { fileId: msg.document.file_id, kind: "document", fileName: msg.document.file_name ?? null, size: msg.document.file_size ?? null, mimeType: msg.document.mime_type ?? null };
  const photo = msg?.photo?.at(-1);
  if (photo) return { fileId: photo.file_id, kind: "photo", fileName: null };
  return null;
}

/** What the update asks; undefined for updates the bot does not handle (edits, games...). */
export function inputOf(ctx: TelegramContext): TurnInput | undefined {
  if (ctx.callbackQuery) return ctx.callbackQuery.data !== undefined ? { kind: "action", data: ctx.callbackQuery.data } : undefined;
  const msg = ctx.message;
  if (!msg) return undefined;
  const contact = msg.contact ? { userId: msg.contact.user_id !== undefined ? String(msg.contact.user_id) : null, phone: msg.contact.phone_number } : undefined;
  return { kind: "message", text: msg.text, caption: msg.caption, file: fileOf(ctx), command: commandOf(ctx), ...(contact ? { contact } : {}) };
}
