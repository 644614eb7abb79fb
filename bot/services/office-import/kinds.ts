// The four spreadsheets the office loads (staff registry, plan tasks, the one-stop export, the
// holiday notice), and how a file sent in the chat is recognised by its header row.
import { type ColumnSpec, ImportError, type ImportProblem, mapColumns, readTable, type ReadTableInput } from "../../import/index.js";
import { DOSSIER_SPEC } from "../dossiers/import.js";
import { HOLIDAY_SPEC } from "../holiday-import.js";
import { STAFF_SPEC } from "../staff-import.js";
import { TASK_COLUMNS } from "../tasks/import.js";
import { foldText } from "../text.js";

export const IMPORT_KINDS = ["staff", "tasks", "dossiers", "holidays"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const SPEC_OF: Record<ImportKind, readonly ColumnSpec[]> = {
  staff: STAFF_SPEC,
  tasks: TASK_COLUMNS,
  dossiers: DOSSIER_SPEC,
  holidays: HOLIDAY_SPEC,
};

/** Spreadsheets, by name: what the chat import looks at (.xls and .ods too, to say how to save them). */
export function isSpreadsheetName(fileName: string | null | undefined): boolean {
  return fileName != null && /\.(xlsx|xlsm|csv|xls|ods)$/i.test(fileName);
}

export type Detection =
  /** The header row names the required columns of exactly one kind. */
  | { kind: ImportKind }
  /** Several kinds fit, or none fully: the person is asked (the likeliest first). */
  | { kind: undefined; candidates: ImportKind[] }
  /** The file cannot be read at all (corrupt, not a spreadsheet, too large...). */
  | { kind: undefined; problems: ImportProblem[] };

/**
 * Reads the header row once (the row that names the most known columns) and matches it
 * against every kind's columns. A kind fits when all its required columns are there.
 */
export async function detectKind(input: ReadTableInput): Promise<Detection> {
  const hints = IMPORT_KINDS.flatMap((k) => SPEC_OF[k].filter((c) => c.required).map((c) => [c.label, ...(c.aliases ?? [])]));
  let headers: string[];
  let headerRowNumber: number;
  try {
    ({ headers, headerRowNumber } = await readTable(input, { requiredHeaders: hints }));
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    // No header row with any known column: the person says what the file is, then hears which columns it lacks.
    if (e.problems.every((p) => p.code === "header.not_found")) return { kind: undefined, candidates: [...IMPORT_KINDS] };
    return { kind: undefined, problems: e.problems };
  }
  const scored = IMPORT_KINDS.map((kind) => {
    const spec = SPEC_OF[kind];
    const found = mapColumns(headers, spec, { headerRowNumber }).columns as Record<string, unknown>;
    const required = spec.filter((c) => c.required);
    const present = required.filter((c) => found[c.key] !== undefined).length;
    return { kind, full: present === required.length, share: present / required.length };
  });
  const full = scored.filter((s) => s.full);
  if (full.length === 1) return { kind: full[0]!.kind };
  const candidates = (full.length ? full : scored.filter((s) => s.share > 0)).sort((a, b) => b.share - a.share).map((s) => s.kind);
  return { kind: undefined, candidates: candidates.length ? candidates : [...IMPORT_KINDS] };
}

/** Words the office types for a kind (/mau canbo, `template staff`), compared without diacritics, spaces or hyphens. */
const KIND_WORDS: Record<string, ImportKind> = {
  canbo: "staff",
  staff: "staff",
  nhiemvu: "tasks",
  tasks: "tasks",
  hoso: "dossiers",
  dossiers: "dossiers",
  lich: "holidays",
  nghile: "holidays",
  holidays: "holidays",
};

export function kindFromWord(word: string): ImportKind | undefined {
  return KIND_WORDS[foldText(word).replace(/[\s-]/g, "")];
}
