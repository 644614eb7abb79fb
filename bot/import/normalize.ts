/**
 * Text normalisation shared by the import toolkit.
 */

import { foldText } from "../services/text.js";

export { cleanText } from "../services/text.js";

/**
 * Canonical form used to compare header texts (and enum labels):
 * case-, NFC/NFD- and diacritic-insensitive (đ/Đ → d), trimmed, inner whitespace
 * collapsed, leading/trailing `*` and trailing `:` removed, trailing bracketed notes
 * such as "(dd/mm/yyyy)" or "[bắt buộc]" removed.
 *
 * "Mã cán bộ", "MA CAN BO", "Mã cán bộ" (NFD) and " mã  cán bộ * " all give "ma can bo".
 */
export function normalizeHeader(s: string): string {
  let t = foldText(s);
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
