// Text at the edge: every text that comes in (chat, spreadsheet, alert file, HTTP) is checked
// once here for what no civil servant types and what breaks the systems behind us:
// - NUL: PostgreSQL refuses it ("invalid byte sequence"), C libraries cut the text there;
// - a lone UTF-16 surrogate (half an emoji, from a buggy client or a bad cut): not valid
//   UTF-8, so PostgreSQL and Telegram refuse it;
// - other control characters (C0 except tab and line breaks, DEL, C1): invisible, they
//   corrupt terminals, CSV exports and logs;
// - bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make a name or a note
//   display reversed ("Trojan Source"), so what the office reads is not what is stored.
// Lengths count what a person counts: grapheme clusters (👨‍👩‍👧‍👦 is one character, "ệ" in
// NFD is one), and cutting never splits one; zero-width joiners inside emoji are kept.

export type TextFault = "nul" | "surrogate" | "control" | "bidi";

// Tab, LF and CR are ordinary text; every other C0 control, DEL and the C1 block are not.
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ALL_FAULTS = /\u0000|[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The first thing wrong with a text, or undefined when it may be stored and shown as is. */
export function textFault(s: string): TextFault | undefined {
  if (s.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(s)) return "surrogate";
  if (CONTROL.test(s)) return "control";
  if (BIDI.test(s)) return "bidi";
  return undefined;
}

/** The text without the faulty characters (for reporting on the rest of a refused record). */
export function withoutFaults(s: string): string {
  return s.replace(ALL_FAULTS, "");
}

const FAULT_VI: Record<TextFault, string> = {
  nul: "ký tự NUL (mã 0)",
  surrogate: "nửa ký tự Unicode bị cắt (nửa cặp thay thế UTF-16, thường do sao chép biểu tượng cảm xúc bị lỗi)",
  control: "ký tự điều khiển không hiển thị",
  bidi: "ký tự điều khiển chiều viết (U+202A–U+202E, U+2066–U+2069) làm chữ hiển thị đảo ngược",
};

const FAULT_EN: Record<TextFault, string> = {
  nul: "a NUL character (code 0)",
  surrogate: "half of a Unicode character (a lone UTF-16 surrogate)",
  control: "an invisible control character",
  bidi: "a text-direction override character that makes text display reversed",
};

/** What is wrong, in words: "chứa ký tự NUL (mã 0)". */
export function describeFault(fault: TextFault, locale: "vi" | "en" = "vi"): string {
  return locale === "en" ? `contains ${FAULT_EN[fault]}` : `chứa ${FAULT_VI[fault]}`;
}

const segmenter = new Intl.Segmenter("vi", { granularity: "grapheme" });

/** Characters as a person counts them (grapheme clusters). */
export function charLength(s: string): number {
  let n = 0;
  // Plain ASCII and precomposed Vietnamese (NFC, no combining marks) need no segmenter.
  if (!/[^\u0000-\u02FF\u1E00-\u1EFF]/.test(s)) return s.length;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}

/** At most `max` characters (grapheme clusters), never splitting one. */
export function takeChars(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = "";
  let n = 0;
  for (const { segment } of segmenter.segment(s)) {
    if (n === max) break;
    out += segment;
    n++;
  }
  return out;
}
