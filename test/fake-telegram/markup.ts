// reply_markup validation. Only inline keyboards are echoed back in the Message (as
// Telegram does); reply keyboards, remove_keyboard and force_reply are checked and accepted.
import { badRequest } from "./errors.js";
import { getJson, isRecord } from "./params.js";
import { checkedLink } from "./text-util.js";
import type { Params, TgInlineKeyboardButton, TgInlineKeyboardMarkup } from "./types.js";

const MAX_CALLBACK_DATA_BYTES = 64;
const MAX_BUTTONS = 100;

const OTHER_INLINE_TYPES = [
  "callback_game",
  "pay",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "login_url",
  "web_app",
  "copy_text",
];

export interface ParsedMarkup {
  /** Present when the markup is an inline keyboard (the part stored in the Message). */
  inline?: TgInlineKeyboardMarkup;
  raw: Record<string, unknown>;
}

export function parseReplyMarkup(p: Params): ParsedMarkup | undefined {
  const value = getJson(p, "reply_markup", "can't parse reply keyboard markup JSON object");
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw badRequest("object expected as reply markup");
  if ("inline_keyboard" in value) {
    return { inline: parseInlineKeyboard(value["inline_keyboard"]), raw: value };
  }
  if ("keyboard" in value) {
    const rows = value["keyboard"];
    if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
      throw badRequest('field "keyboard" must be an Array of Arrays');
    }
    for (const row of rows as unknown[][]) {
      for (const button of row) {
        const text = typeof button === "string" ? button : isRecord(button) ? button["text"] : undefined;
        if (typeof text !== "string") throw badRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
      }
    }
  }
  return { raw: value };
}

function parseInlineKeyboard(rows: unknown): TgInlineKeyboardMarkup {
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  let count = 0;
  const out: TgInlineKeyboardButton[][] = [];
  for (const row of rows as unknown[][]) {
    const outRow: TgInlineKeyboardButton[] = [];
    for (const button of row) {
      count += 1;
      outRow.push(parseInlineButton(button));
    }
    if (outRow.length > 0) out.push(outRow);
  }
  if (count > MAX_BUTTONS) throw badRequest("reply markup is too long");
  return { inline_keyboard: out };
}

function parseInlineButton(button: unknown): TgInlineKeyboardButton {
  const prefix = "can't parse inline keyboard button: ";
  if (!isRecord(button)) throw badRequest(`${prefix}InlineKeyboardButton must be an Object`);
  const text = button["text"];
  if (text === undefined) throw badRequest(`${prefix}Can't find field "text"`);
  if (typeof text !== "string") throw badRequest(`${prefix}Field "text" must be of type String`);
  if (text.trim().length === 0) throw badRequest("BUTTON_TEXT_INVALID");
  const url = button["url"];
  if (typeof url === "string" && url.length > 0) {
    const checked = checkedLink(url);
    if (checked === undefined) throw badRequest(`inline keyboard button URL '${url}' is invalid: Wrong HTTP URL`);
    return { text, url: checked };
  }
  const data = button["callback_data"];
  if (typeof data === "string" && data.length > 0) {
    if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
    return { text, callback_data: data };
  }
  for (const type of OTHER_INLINE_TYPES) {
    if (type in button) return { text, [type]: button[type] };
  }
  throw badRequest(`${prefix}Text buttons are unallowed in the inline keyboard`);
}
