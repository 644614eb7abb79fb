// Text as people type it and spreadsheets hold it. One place for the folding rules, used
// by the import toolkit (headers, enum labels), units and roles, and holiday names.

import { charLength, takeChars } from "./safe-text.js";

/** Zero-width characters and BOMs that sneak in through copy/paste. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/**
 * The same, minus the joiners (U+200C, U+200D) when storing text: they are part of emoji
 * sequences (👨‍👩‍👧‍👦 is four people joined by U+200D), so a stored note keeps them.
 */
const INVISIBLE_KEEP_JOINERS = /[\u200B\u2060\uFEFF\u00AD]/g;

/**
 * A key that matches whatever the case, the Unicode normalisation (NFC/NFD) or the
 * diacritics: "Văn phòng Sở" = "VAN PHONG SO" = NFD "Văn phòng Sở" → "van phong so".
 */
export function foldText(s: string): string {
  return s
    .replace(INVISIBLE, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * User text cleaned for storing: NFC, invisible characters removed, whitespace collapsed.
 * With `multiline`, line breaks are kept (CRLF → LF, at most one empty line in a row)
 * and whitespace is collapsed within each line.
 */
export function cleanText(s: string, multiline = false): string {
  const t = s.replace(INVISIBLE_KEEP_JOINERS, "").normalize("NFC");
  if (!multiline) return t.replace(/\s+/g, " ").trim();
  return t
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Cuts a text to at most `max` characters (as a person counts them: an emoji or a letter with
 * its accents is one, and is never split) on a word boundary, with an ellipsis.
 */
export function shorten(s: string, max: number): string {
  if (s.length <= max || charLength(s) <= max) return s;
  const cut = takeChars(s, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > cut.length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
