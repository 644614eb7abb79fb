// parse_mode "HTML" as Telegram (TDLib's parse_html) implements it: the same tags, the same
// entity decoding (&lt; &gt; &amp; &quot; and numeric references only) and the same error
// texts, with byte offsets counted in UTF-8 like the server does.
import { badRequest, type TgError } from "./errors.js";
import { checkedLink, linkUserId, utf8Offset } from "./text-util.js";
import type { TgMessageEntity } from "./types.js";

export interface FormattedText {
  text: string;
  entities: TgMessageEntity[];
}

const ALLOWED_TAGS = new Set([
  "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
  "tg-spoiler", "tg-emoji", "tg-time", "span", "pre", "code", "blockquote",
]);

const isSpace = (c: string | undefined): boolean =>
  c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\v" || c === "\f";
const isAlnum = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9]$/.test(c);

export function parseError(message: string): TgError {
  return badRequest(`can't parse entities: ${message}`);
}

/** Decodes an HTML character reference at `pos` (which holds "&"); undefined if unsupported. */
export function decodeHtmlEntity(src: string, pos: number): { char: string; end: number } | undefined {
  let end = pos + 1;
  let code = 0;
  if (src[end] === "#") {
    end += 1;
    if (src[end] === "x") {
      end += 1;
      while (end < src.length && /^[0-9a-fA-F]$/.test(src[end] ?? "")) {
        code = code * 16 + parseInt(src[end] ?? "0", 16);
        end += 1;
      }
    } else {
      while (end < src.length && /^[0-9]$/.test(src[end] ?? "")) {
        code = code * 10 + Number(src[end]);
        end += 1;
      }
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return undefined;
  } else {
    const start = end;
    while (end < src.length && /^[A-Za-z]$/.test(src[end] ?? "")) end += 1;
    const name = src.slice(start, end);
    const named: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };
    const value = named[name];
    if (value === undefined) return undefined;
    code = value;
  }
  if (src[end] === ";") end += 1;
  return { char: String.fromCodePoint(code), end };
}

interface OpenTag {
  tag: string;
  argument: string;
  offset: number;
}

export function parseHtml(src: string): FormattedText {
  let out = "";
  const entities: TgMessageEntity[] = [];
  const open: OpenTag[] = [];
  const fail = parseError;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === "&") {
      const decoded = decodeHtmlEntity(src, i);
      if (decoded !== undefined) {
        out += decoded.char;
        i = decoded.end;
        continue;
      }
    }
    if (c !== "<") {
      out += c;
      i += 1;
      continue;
    }
    const beginPos = i;
    const byteBegin = utf8Offset(src, beginPos);
    i += 1;
    if (src[i] !== "/") {
      while (i < src.length && !isSpace(src[i]) && src[i] !== ">") i += 1;
      if (i >= src.length) throw fail(`Unclosed start tag at byte offset ${byteBegin}`);
      const tag = src.slice(beginPos + 1, i).toLowerCase();
      if (!ALLOWED_TAGS.has(tag)) throw fail(`Unsupported start tag "${tag}" at byte offset ${byteBegin}`);
      let argument = "";
      while (src[i] !== ">") {
        while (i < src.length && isSpace(src[i])) i += 1;
        if (src[i] === ">") break;
        const attrBegin = i;
        while (i < src.length && !isSpace(src[i]) && !["=", ">", "/", '"', "'"].includes(src[i] ?? "")) i += 1;
        const attrName = src.slice(attrBegin, i);
        if (attrName.length === 0) {
          throw fail(`Empty attribute name in the tag "${tag}" at byte offset ${byteBegin}`);
        }
        while (i < src.length && isSpace(src[i])) i += 1;
        if (src[i] !== "=") {
          if (i >= src.length) throw fail(`Unclosed start tag "${tag}" at byte offset ${byteBegin}`);
          if (tag === "blockquote" && attrName === "expandable") argument = "1";
          continue;
        }
        i += 1;
        while (i < src.length && isSpace(src[i])) i += 1;
        if (i >= src.length) throw fail(`Unclosed start tag "${tag}" at byte offset ${byteBegin}`);
        let value = "";
        const q = src[i];
        if (q !== '"' && q !== "'") {
          const tokenBegin = i;
          while (isAlnum(src[i]) || src[i] === "." || src[i] === "-") i += 1;
          value = src.slice(tokenBegin, i).toLowerCase();
          if (!isSpace(src[i]) && src[i] !== ">") {
            throw fail(`Unexpected end of name token at byte offset ${utf8Offset(src, tokenBegin)}`);
          }
        } else {
          i += 1;
          while (i < src.length && src[i] !== q) {
            if (src[i] === "&") {
              const decoded = decodeHtmlEntity(src, i);
              if (decoded !== undefined) {
                value += decoded.char;
                i = decoded.end;
                continue;
              }
            }
            value += src[i];
            i += 1;
          }
          if (src[i] === q) i += 1;
        }
        if (i >= src.length) throw fail(`Unclosed start tag at byte offset ${byteBegin}`);
        if (tag === "a" && attrName === "href") argument = value;
        else if (tag === "code" && attrName === "class" && value.startsWith("language-")) argument = value.slice(9);
        else if (tag === "span" && attrName === "class" && value.startsWith("tg-")) argument = value.slice(3);
        else if (tag === "tg-emoji" && attrName === "emoji-id") argument = value;
        else if (tag === "blockquote" && attrName === "expandable") argument = "1";
        else if (tag === "tg-time" && attrName === "unix") argument = value;
      }
      if (tag === "span" && argument !== "spoiler") {
        throw fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteBegin}`);
      }
      open.push({ tag, argument, offset: out.length });
      i += 1; // skip ">"
      continue;
    }
    // End tag.
    if (open.length === 0) throw fail(`Unexpected end tag at byte offset ${byteBegin}`);
    while (i < src.length && !isSpace(src[i]) && src[i] !== ">") i += 1;
    const endTag = src.slice(beginPos + 2, i).toLowerCase();
    while (i < src.length && isSpace(src[i])) i += 1;
    if (src[i] !== ">") throw fail(`Unclosed end tag at byte offset ${byteBegin}`);
    i += 1;
    const top = open[open.length - 1] as OpenTag;
    if (endTag.length > 0 && endTag !== top.tag) {
      throw fail(`Unmatched end tag at byte offset ${byteBegin}, expected "</${top.tag}>", found "</${endTag}>"`);
    }
    open.pop();
    const length = out.length - top.offset;
    if (length > 0) addEntity(entities, top, length, out);
  }
  const last = open[open.length - 1];
  if (last !== undefined) throw fail(`Can't find end tag corresponding to start tag "${last.tag}"`);
  return { text: out, entities: sortEntities(entities) };
}

function addEntity(entities: TgMessageEntity[], tag: OpenTag, length: number, out: string): void {
  const offset = tag.offset;
  const simple: Record<string, string> = {
    b: "bold", strong: "bold", i: "italic", em: "italic", u: "underline", ins: "underline",
    s: "strikethrough", strike: "strikethrough", del: "strikethrough", "tg-spoiler": "spoiler", span: "spoiler",
  };
  const simpleType = simple[tag.tag];
  if (simpleType !== undefined) {
    entities.push({ type: simpleType, offset, length });
    return;
  }
  switch (tag.tag) {
    case "tg-emoji": {
      if (!/^[1-9]\d*$/.test(tag.argument)) throw badRequest("can't parse entities: Invalid custom emoji identifier specified");
      entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: tag.argument });
      return;
    }
    case "tg-time":
      return; // formatted dates are not modelled
    case "a": {
      const url = tag.argument.length > 0 ? tag.argument : out.slice(offset);
      const userId = linkUserId(url);
      if (userId !== undefined) {
        entities.push({ type: "text_mention", offset, length, user: { id: userId, is_bot: false, first_name: "" } });
        return;
      }
      const checked = checkedLink(url);
      if (checked !== undefined) entities.push({ type: "text_link", offset, length, url: checked });
      return;
    }
    case "pre": {
      const prev = entities[entities.length - 1];
      if (prev?.type === "code" && prev.offset === offset && prev.length === length && prev.language !== undefined) {
        prev.type = "pre";
      } else {
        entities.push({ type: "pre", offset, length });
      }
      return;
    }
    case "code": {
      const prev = entities[entities.length - 1];
      if (prev?.type === "pre" && prev.offset === offset && prev.length === length && tag.argument.length > 0) {
        prev.language = tag.argument;
      } else if (tag.argument.length > 0) {
        entities.push({ type: "code", offset, length, language: tag.argument });
      } else {
        entities.push({ type: "code", offset, length });
      }
      return;
    }
    case "blockquote":
      entities.push({ type: tag.argument.length > 0 ? "expandable_blockquote" : "blockquote", offset, length });
      return;
    default:
      return;
  }
}

/** Telegram's order: by offset, longer first. */
export function sortEntities(entities: TgMessageEntity[]): TgMessageEntity[] {
  // An inner <code class="language-x"> closed first left a "code" entity with a language: Telegram
  // only keeps the language on "pre".
  for (const e of entities) if (e.type === "code") delete e.language;
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}
