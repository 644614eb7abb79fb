// Task codes as the plan numbers them ("III.4.1.2", "V.a"): the order of the plan (Roman
// section numbers, then numbers, then letters) and matching what people type.
import type { DbOrTx } from "../../delivery/outbox.js";
import { foldText } from "../text.js";

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

function romanValue(s: string): number | undefined {
  if (!/^[IVXLCDM]+$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

type Part = { n: number } | { s: string };

function parts(code: string): Part[] {
  return code
    .split(/[.\s/_-]+/)
    .filter(Boolean)
    .map((p, i) => {
      if (/^\d+$/.test(p)) return { n: Number(p) };
      const roman = i === 0 ? romanValue(p.toUpperCase()) : undefined;
      return roman !== undefined ? { n: roman } : { s: foldText(p) };
    });
}

/** Plan order: "III.2" < "III.10" < "IV.1" < "V.a" < "IX". */
export function compareTaskCodes(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if ("n" in x && "n" in y) {
      if (x.n !== y.n) return x.n - y.n;
    } else if ("s" in x && "s" in y) {
      if (x.s !== y.s) return x.s < y.s ? -1 : 1;
    } else return "n" in x ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

const KEY_PART = 10;

/**
 * The plan order as text, for ORDER BY: each part of the code in fixed width, "0" and the
 * zero-padded number for numbers (Roman section numbers included), "1" and the folded letters
 * for words. Only digits and lower-case letters, so every collation (SQLite's binary,
 * PostgreSQL's locale ones) sorts it as compareTaskCodes does; equal keys fall back on the code.
 */
export function taskSortKey(code: string): string {
  return parts(code)
    .map((p) => ("n" in p ? `0${String(Math.min(p.n, 10 ** KEY_PART - 1)).padStart(KEY_PART, "0")}` : `1${p.s.replace(/[^a-z0-9]/g, "").slice(0, KEY_PART).padEnd(KEY_PART, "0")}`))
    .join("");
}

/** Codes compare without regard to case or diacritics ("v.a" finds "V.a"). */
export function codeKey(code: string): string {
  return foldText(code).replace(/\s+/g, "");
}

/** Finds a task by the code people type, case and diacritics ignored. */
export async function findTaskByCode(db: DbOrTx, code: string): Promise<{ id: number; code: string } | null> {
  const key = codeKey(code);
  if (!key) return null;
  const exact = await db.task.findUnique({ where: { code: code.trim() }, select: { id: true, code: true } });
  if (exact) return exact;
  const all = await db.task.findMany({ select: { id: true, code: true } });
  return all.find((t) => codeKey(t.code) === key) ?? null;
}

/** A task's code, if the task exists. */
export async function taskCodeById(db: DbOrTx, id: number): Promise<string | null> {
  return (await db.task.findUnique({ where: { id }, select: { code: true } }))?.code ?? null;
}
