// Text keys that match what people type or what spreadsheets hold, whatever the case,
// the Unicode normalisation (NFC/NFD) or the diacritics: "Văn phòng Sở" = "VAN PHONG SO".
export function foldText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** NFC, trimmed, inner whitespace collapsed: how names are stored. */
export function cleanText(s: string): string {
  return s.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim();
}

/** Cuts a text to at most `max` characters on a word boundary, with an ellipsis. */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
