// "Cán bộ xử lý" in the one-stop export holds a staff code or a full name, written however the
// other system writes it (capitals, no diacritics, NFD). A name shared by two active staff
// members cannot be told apart: the row is reported, never guessed.
import { foldText } from "../text.js";

export interface StaffRef {
  id: number;
  code: string;
  fullName: string;
  unitId: number;
  active: boolean;
}

export type HandlerMatch =
  | { ok: true; staff: StaffRef }
  | { ok: false; reason: "unknown" }
  | { ok: false; reason: "ambiguous"; candidates: StaffRef[] };

export function handlerMatcher(staff: readonly StaffRef[]): (label: string) => HandlerMatch {
  const byCode = new Map<string, StaffRef>();
  const byName = new Map<string, StaffRef[]>();
  for (const s of staff) {
    byCode.set(foldText(s.code), s);
    const key = foldText(s.fullName);
    byName.set(key, [...(byName.get(key) ?? []), s]);
  }
  return (label) => {
    const key = foldText(label);
    const code = byCode.get(key);
    if (code) return { ok: true, staff: code };
    const named = byName.get(key) ?? [];
    // A former colleague with the same name as a current one does not make the name ambiguous.
    const pool = named.some((s) => s.active) ? named.filter((s) => s.active) : named;
    if (pool.length === 1) return { ok: true, staff: pool[0]! };
    if (pool.length === 0) return { ok: false, reason: "unknown" };
    return { ok: false, reason: "ambiguous", candidates: pool };
  };
}
