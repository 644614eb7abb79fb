// A rate as people read it, in the report and in chat (kept apart from the .docx writer, so that
// chat commands do not load the document library).
/** 0.857 → "85,7%" (a Vietnamese decimal comma); null → null. */
export function percentText(rate: number | null): string | null {
  if (rate === null) return null;
  return `${(Math.round(rate * 1000) / 10).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`;
}
