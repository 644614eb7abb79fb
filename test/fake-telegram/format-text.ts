// Message text and captions as Telegram builds them: parse_mode (or explicit entities),
// trimming, automatic entities, then the length limits (counted in code points after parsing).
import { badRequest } from "./errors.js";
import { parseHtml, sortEntities, type FormattedText } from "./html.js";
import { parseMarkdownLegacy, parseMarkdownV2 } from "./markdown.js";
import { codePointLength, getJson, getString, isRecord } from "./params.js";
import { mergeAutoEntities, trimFormatted } from "./text-util.js";
import type { Params, TgMessageEntity } from "./types.js";

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

/** The message text of sendMessage/editMessageText; throws Telegram's errors. */
export function formatText(p: Params): FormattedText {
  const raw = getString(p, "text") ?? "";
  if (raw.length === 0) throw badRequest("message text is empty");
  const formatted = parse(raw, getString(p, "parse_mode"), p["entities"], "entities");
  const trimmed = trimFormatted(formatted.text, formatted.entities);
  if (trimmed === undefined) throw badRequest("message text is empty");
  if (codePointLength(trimmed.text) > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  return { text: trimmed.text, entities: mergeAutoEntities(trimmed.text, trimmed.entities) };
}

/** A caption (sendDocument, sendPhoto, editMessageCaption); undefined when empty. */
export function formatCaption(p: Params): FormattedText | undefined {
  const raw = getString(p, "caption") ?? "";
  if (raw.length === 0) return undefined;
  const formatted = parse(raw, getString(p, "parse_mode"), p["caption_entities"], "caption_entities");
  const trimmed = trimFormatted(formatted.text, formatted.entities);
  if (trimmed === undefined) return undefined;
  if (codePointLength(trimmed.text) > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
  return { text: trimmed.text, entities: mergeAutoEntities(trimmed.text, trimmed.entities) };
}

function parse(raw: string, parseMode: string | undefined, explicit: unknown, field: string): FormattedText {
  if (Buffer.byteLength(raw, "utf8") > 1 << 15) throw badRequest("text is too long");
  const mode = (parseMode ?? "").toLowerCase();
  if (mode === "html") return parseHtml(raw);
  if (mode === "markdownv2") return parseMarkdownV2(raw);
  if (mode === "markdown") return parseMarkdownLegacy(raw);
  if (mode !== "" && mode !== "none") throw badRequest("unsupported parse_mode");
  return { text: raw, entities: explicitEntities(explicit, field, raw.length) };
}

function explicitEntities(value: unknown, field: string, textLength: number): TgMessageEntity[] {
  const list = getJson({ [field]: value }, field, `can't parse entities JSON object`);
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw badRequest("entities must be an Array");
  const out: TgMessageEntity[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item["type"] !== "string") throw badRequest("can't parse MessageEntity: Field \"type\" must be of type String");
    const offset = Number(item["offset"]);
    const length = Number(item["length"]);
    if (!Number.isInteger(offset) || offset < 0) throw badRequest(`receive an entity with incorrect offset ${String(item["offset"])}`);
    if (!Number.isInteger(length) || length < 0) throw badRequest(`receive an entity with incorrect length ${String(item["length"])}`);
    if (length === 0 || offset >= textLength) continue;
    out.push({ ...(item as unknown as TgMessageEntity), offset, length: Math.min(length, textLength - offset) });
  }
  return sortEntities(out);
}
