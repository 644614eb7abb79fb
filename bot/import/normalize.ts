/**
 * Text normalisation shared by the import toolkit.
 */

/** Zero-width characters and BOMs that sneak in through copy/paste. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Canonical form used to compare header texts (and enum labels):
 * case-, NFC/NFD- and diacritic-insensitive (đ/Đ → d), trimmed, inner whitespace
 * collapsed, leading/trailing `*` and trailing `:` removed, trailing bracketed notes
 * such as "(dd/mm/yyyy)" or "[bắt buộc]" removed.
 *
 * "Mã cán bộ", "MA CAN BO", "Mã cán bộ" (NFD) and " mã  cán bộ * " all give "ma can bo".
 */
export function normalizeHeader(s: string): string {
  let t = s
    .replace(INVISIBLE, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  // Strip decorations at the end repeatedly: "Ngày sinh (dd/mm/yyyy) *:" → "ngay sinh".
  for (;;) {
    const before = t;
    t = t
      .replace(/[*:：\s]+$/u, "")
      .replace(/\s*\([^()]*\)$/u, "")
      .replace(/\s*\[[^[\]]*\]$/u, "")
      .replace(/^[*\s]+/u, "");
    if (t === before) break;
  }
  return t;
}

/**
 * Clean a piece of user text: NFC, invisible characters removed, whitespace collapsed.
 * With `multiline`, line breaks are kept (CRLF → LF, at most one empty line in a row)
 * and whitespace is collapsed within each line.
 */
export function cleanText(s: string, multiline = false): string {
  const t = s.replace(INVISIBLE, "").normalize("NFC");
  if (!multiline) return t.replace(/\s+/g, " ").trim();
  return t
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** 0-based column index → spreadsheet letter (0 → "A", 26 → "AA"). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
