// Text helpers shared by the formatters: UTF-8 offsets for error messages, link checks,
// Telegram's automatic entities (commands, mentions, hashtags, links, e-mails) and its
// trimming of the final text.
import type { TgMessageEntity } from "./types.js";

export function utf8Offset(text: string, utf16Index: number): number {
  return Buffer.byteLength(text.slice(0, utf16Index), "utf8");
}

/** `tg://user?id=123` → 123. */
export function linkUserId(url: string): number | undefined {
  const m = /^tg:(?:\/\/)?user\?id=(\d{1,16})$/i.exec(url.trim());
  return m === null ? undefined : Number(m[1]);
}

/** Telegram keeps http(s)/tg links (adding "http://" when no scheme is given); others are dropped. */
export function checkedLink(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed.length === 0) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (parsed.protocol === "http:" || parsed.protocol === "https:") {
    return parsed.hostname.includes(".") || parsed.hostname === "localhost" ? parsed.href : undefined;
  }
  if (parsed.protocol === "tg:" || parsed.protocol === "ton:") return trimmed;
  return undefined;
}

const DETECTORS: Array<{ type: string; re: RegExp }> = [
  { type: "url", re: /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'»]/giu },
  { type: "email", re: /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gu },
  { type: "bot_command", re: /(?<![\p{L}\p{N}_/@])\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\p{L}\p{N}_/])/gu },
  { type: "mention", re: /(?<![\p{L}\p{N}_@])@[A-Za-z0-9_]{3,32}(?![\p{L}\p{N}_@])/gu },
  { type: "hashtag", re: /(?<![\p{L}\p{N}_#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu },
];

const BLOCKING = new Set(["code", "pre", "text_link", "text_mention", "url", "email", "mention", "bot_command", "hashtag"]);

/** Entities Telegram finds by itself in a text (in users' and bots' messages alike). */
export function findAutoEntities(text: string): TgMessageEntity[] {
  const found: TgMessageEntity[] = [];
  for (const { type, re } of DETECTORS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      found.push({ type, offset: m.index, length: m[0].length });
    }
  }
  found.sort((a, b) => a.offset - b.offset || b.length - a.length);
  const kept: TgMessageEntity[] = [];
  for (const e of found) {
    if (kept.some((k) => overlaps(k, e))) continue;
    kept.push(e);
  }
  return kept;
}

function overlaps(a: TgMessageEntity, b: TgMessageEntity): boolean {
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

export function mergeAutoEntities(text: string, entities: TgMessageEntity[]): TgMessageEntity[] {
  const blocking = entities.filter((e) => BLOCKING.has(e.type));
  const auto = findAutoEntities(text).filter((e) => !blocking.some((b) => overlaps(b, e)));
  return [...entities, ...auto].sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/**
 * Telegram's final clean-up of a formatted text: trailing white space is cut, leading spaces
 * and newlines before the first entity too, entities are clipped. Returns undefined when
 * nothing is left.
 */
export function trimFormatted(
  text: string,
  entities: TgMessageEntity[],
): { text: string; entities: TgMessageEntity[] } | undefined {
  let end = text.length;
  while (end > 0 && /\s/u.test(text[end - 1] ?? "")) end -= 1;
  if (end === 0) return undefined;
  let clipped = entities
    .filter((e) => e.offset < end && e.length > 0)
    .map((e) => (e.offset + e.length > end ? { ...e, length: end - e.offset } : { ...e }));
  const firstEntity = clipped.reduce((min, e) => Math.min(min, e.offset), end);
  let start = 0;
  while (start < firstEntity && (text[start] === " " || text[start] === "\n")) start += 1;
  if (start > 0) clipped = clipped.map((e) => ({ ...e, offset: e.offset - start }));
  return { text: text.slice(start, end), entities: clipped };
}
