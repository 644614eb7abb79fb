// parse_mode "MarkdownV2" and legacy "Markdown", following TDLib's parsers closely enough to
// give the same results and error texts for the usual mistakes (an unescaped "." or "-" in
// MarkdownV2 is the classic one: `Character '.' is reserved and must be escaped with the
// preceding '\'`).
import { parseError, sortEntities, type FormattedText } from "./html.js";
import { checkedLink, linkUserId, utf8Offset } from "./text-util.js";
import type { TgMessageEntity } from "./types.js";

type Kind =
  | "Bold" | "Italic" | "Underline" | "Strikethrough" | "Spoiler" | "Code" | "Pre" | "PreCode"
  | "TextUrl" | "CustomEmoji" | "BlockQuote";

interface Open {
  kind: Kind;
  argument: string;
  offset: number;
  byteOffset: number;
  srcIndex: number;
  outBegin: number;
}

const isSpace = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\n" || c === "\r";

export function parseMarkdownV2(src: string): FormattedText {
  let out = "";
  const entities: TgMessageEntity[] = [];
  const open: Open[] = [];
  let haveBlockquote = false;
  let canStartBlockquote = true;
  const reserved = (c: string): never => {
    throw parseError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    const next = src[i + 1];
    if (c === "\\" && next !== undefined && next.charCodeAt(0) > 0 && next.charCodeAt(0) <= 126) {
      i += 1;
      out += next;
      if (next !== "\r") canStartBlockquote = next === "\n";
      continue;
    }
    const top = open[open.length - 1];
    const inCode = top !== undefined && (top.kind === "Code" || top.kind === "Pre" || top.kind === "PreCode");
    const reservedChars = inCode ? "`" : "_*[]()~`>#+-=|{}.!\n";
    if (!reservedChars.includes(c)) {
      out += c;
      if (c !== "\r") canStartBlockquote = false;
      continue;
    }
    const isEnd = (() => {
      if (top === undefined) return false;
      if (haveBlockquote && c === "\n" && (i + 1 === src.length || next !== ">")) return true;
      switch (top.kind) {
        case "Bold": return c === "*";
        case "Italic": return c === "_" && next !== "_";
        case "Code": return c === "`";
        case "Pre":
        case "PreCode": return c === "`" && next === "`" && src[i + 2] === "`";
        case "TextUrl":
        case "CustomEmoji": return c === "]";
        case "Underline": return c === "_" && next === "_";
        case "Strikethrough": return c === "~";
        case "Spoiler": return c === "|" && next === "|";
        default: return false;
      }
    })();
    if (!isEnd) {
      const byteOffset = utf8Offset(src, i);
      let kind: Kind | undefined;
      let argument = "";
      switch (c) {
        case "_":
          if (next === "_") {
            kind = "Underline";
            i += 1;
          } else kind = "Italic";
          break;
        case "*": kind = "Bold"; break;
        case "~": kind = "Strikethrough"; break;
        case "|":
          if (next !== "|") reserved(c);
          i += 1;
          kind = "Spoiler";
          break;
        case "[": kind = "TextUrl"; break;
        case "`":
          if (next === "`" && src[i + 2] === "`") {
            i += 3;
            kind = "Pre";
            let languageEnd = i;
            while (languageEnd < src.length && !isSpace(src[languageEnd]) && src[languageEnd] !== "`") languageEnd += 1;
            if (i !== languageEnd && languageEnd < src.length && src[languageEnd] !== "`") {
              kind = "PreCode";
              argument = src.slice(i, languageEnd);
              i = languageEnd;
            }
            if (src[i] === "\n" || src[i] === "\r") {
              if ((src[i + 1] === "\n" || src[i + 1] === "\r") && src[i] !== src[i + 1]) i += 2;
              else i += 1;
            }
            i -= 1;
          } else kind = "Code";
          break;
        case "!":
          if (next !== "[") reserved(c);
          i += 1;
          kind = "CustomEmoji";
          break;
        case "\n":
          out += "\n";
          canStartBlockquote = true;
          break;
        case ">":
          if (!canStartBlockquote) reserved(c);
          if (!haveBlockquote) {
            kind = "BlockQuote";
            haveBlockquote = true;
          }
          break;
        default:
          reserved(c);
      }
      if (kind === undefined) continue;
      open.push({ kind, argument, offset: out.length, byteOffset, srcIndex: i, outBegin: out.length });
      continue;
    }
    // End of an entity.
    const entity = open[open.length - 1] as Open;
    if (c === "\n" && entity.kind !== "BlockQuote") {
      throw parseError(`Can't find end of ${entity.kind} entity at byte offset ${entity.byteOffset}`);
    }
    let skip = out.length === entity.offset;
    let url: string | undefined;
    switch (entity.kind) {
      case "Underline":
      case "Spoiler":
        i += 1;
        break;
      case "Pre":
      case "PreCode":
        i += 2;
        break;
      case "TextUrl": {
        let target = "";
        if (src[i + 1] !== "(") {
          target = out.slice(entity.outBegin);
        } else {
          i += 2;
          const urlBegin = i;
          while (i < src.length && src[i] !== ")") {
            const nc = src[i + 1];
            if (src[i] === "\\" && nc !== undefined && nc.charCodeAt(0) > 0 && nc.charCodeAt(0) <= 126) {
              target += nc;
              i += 2;
              continue;
            }
            target += src[i];
            i += 1;
          }
          if (src[i] !== ")") throw parseError(`Can't find end of a URL at byte offset ${utf8Offset(src, urlBegin)}`);
        }
        url = target;
        break;
      }
      case "CustomEmoji": {
        if (src[i + 1] !== "(") throw parseError("The entity must contain a tg://emoji or tg://time URL");
        i += 2;
        let target = "";
        while (i < src.length && src[i] !== ")") {
          target += src[i];
          i += 1;
        }
        const m = /^tg:\/\/emoji\?id=([1-9]\d*)$/.exec(target);
        if (m === null) throw parseError("Invalid tg://emoji or tg://time URL specified");
        url = m[1];
        break;
      }
      case "BlockQuote":
        haveBlockquote = false;
        out += "\n";
        canStartBlockquote = true;
        skip = false;
        break;
      default:
        break;
    }
    open.pop();
    if (skip) continue;
    const length = out.length - entity.offset;
    if (length <= 0) continue;
    pushEntity(entities, entity.kind, entity.offset, length, entity.argument, url);
  }
  if (haveBlockquote) {
    const top = open[open.length - 1];
    if (top?.kind === "BlockQuote") {
      open.pop();
      const length = out.length - top.offset;
      if (length > 0) entities.push({ type: "blockquote", offset: top.offset, length });
    }
  }
  const last = open[open.length - 1];
  if (last !== undefined) throw parseError(`Can't find end of ${last.kind} entity at byte offset ${last.byteOffset}`);
  return { text: out, entities: sortEntities(entities) };
}

function pushEntity(
  entities: TgMessageEntity[],
  kind: Kind,
  offset: number,
  length: number,
  argument: string,
  url: string | undefined,
): void {
  switch (kind) {
    case "Bold": entities.push({ type: "bold", offset, length }); return;
    case "Italic": entities.push({ type: "italic", offset, length }); return;
    case "Underline": entities.push({ type: "underline", offset, length }); return;
    case "Strikethrough": entities.push({ type: "strikethrough", offset, length }); return;
    case "Spoiler": entities.push({ type: "spoiler", offset, length }); return;
    case "Code": entities.push({ type: "code", offset, length }); return;
    case "Pre": entities.push({ type: "pre", offset, length }); return;
    case "PreCode": entities.push({ type: "pre", offset, length, language: argument }); return;
    case "BlockQuote": entities.push({ type: "blockquote", offset, length }); return;
    case "CustomEmoji": entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: url ?? "" }); return;
    case "TextUrl": {
      const target = url ?? "";
      const userId = linkUserId(target);
      if (userId !== undefined) {
        entities.push({ type: "text_mention", offset, length, user: { id: userId, is_bot: false, first_name: "" } });
        return;
      }
      const checked = checkedLink(target);
      if (checked !== undefined) entities.push({ type: "text_link", offset, length, url: checked });
      return;
    }
  }
}

/** Legacy "Markdown": *bold*, _italic_, `code`, ```pre```, [text](url); no nesting. */
export function parseMarkdownLegacy(src: string): FormattedText {
  let out = "";
  const entities: TgMessageEntity[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    const next = src[i + 1];
    if (c === "\\" && (next === "_" || next === "*" || next === "`" || next === "[")) {
      out += next;
      i += 1;
      continue;
    }
    if (c !== "_" && c !== "*" && c !== "`" && c !== "[") {
      out += c;
      continue;
    }
    const beginPos = i;
    const endChar = c === "[" ? "]" : c;
    let isPre = false;
    let language = "";
    i += 1;
    if (c === "`" && src[i] === "`" && src[i + 1] === "`") {
      i += 2;
      isPre = true;
      let languageEnd = i;
      while (languageEnd < src.length && !isSpace(src[languageEnd]) && src[languageEnd] !== "`") languageEnd += 1;
      if (i !== languageEnd && languageEnd < src.length && src[languageEnd] !== "`") {
        language = src.slice(i, languageEnd);
        i = languageEnd;
      }
      if (src[i] === "\n" || src[i] === "\r") {
        if ((src[i + 1] === "\n" || src[i + 1] === "\r") && src[i] !== src[i + 1]) i += 2;
        else i += 1;
      }
    }
    const offset = out.length;
    while (i < src.length && (src[i] !== endChar || (isPre && !(src[i + 1] === "`" && src[i + 2] === "`")))) {
      out += src[i];
      i += 1;
    }
    if (i >= src.length) {
      throw parseError(`Can't find end of the entity starting at byte offset ${utf8Offset(src, beginPos)}`);
    }
    const length = out.length - offset;
    if (length > 0) {
      if (c === "_") entities.push({ type: "italic", offset, length });
      else if (c === "*") entities.push({ type: "bold", offset, length });
      else if (c === "`") {
        if (isPre) entities.push(language.length > 0 ? { type: "pre", offset, length, language } : { type: "pre", offset, length });
        else entities.push({ type: "code", offset, length });
      } else {
        let url = "";
        if (src[i + 1] !== "(") url = src.slice(beginPos + 1, i);
        else {
          i += 2;
          while (i < src.length && src[i] !== ")") {
            url += src[i];
            i += 1;
          }
        }
        pushEntity(entities, "TextUrl", offset, length, "", url);
      }
    }
    if (isPre) i += 2;
  }
  return { text: out, entities: sortEntities(entities) };
}
