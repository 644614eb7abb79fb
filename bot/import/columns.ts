/**
 * Match the user's header row against an importer's column spec, and read records.
 */
import { columnLetter, normalizeHeader } from "./normalize.js";
import { ImportError, problem, quote, type ImportProblem } from "./problems.js";
import { readTable, type CellValue, type ReadTableInput, type ReadTableOptions, type Table } from "./read-table.js";
import { describeFault, textFault, withoutFaults } from "../services/safe-text.js";

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The Vietnamese header as documented in the import template, e.g. "Mã cán bộ". */
  label: string;
  /** Other accepted headers, e.g. ["Mã CB", "Mã số"]. Compared with `normalizeHeader`. */
  aliases?: readonly string[];
  /** The column must be present in the header row (its cells may still be empty — that is for the value parsers). */
  required?: boolean;
}

export interface ColumnRef {
  /** 0-based index into `headers` / `row.values`. */
  index: number;
  /** The header text as written in the user's file — use it as `column` in problems. */
  header: string;
  /** Spreadsheet column letter ("A", "B", …). */
  letter: string;
}

export interface ColumnMapping<K extends string> {
  /** Found columns; optional columns that are absent are missing from this object. */
  columns: Partial<Record<K, ColumnRef>>;
  /** Missing required columns and duplicated columns; empty when the mapping is usable. */
  problems: ImportProblem[];
  /** Non-empty headers that match no spec column (ignored on import). */
  unknownHeaders: string[];
}

/** Throws (a programming error, not user data) when two spec columns share a name after normalisation. */
function specIndex<K extends string>(spec: readonly ColumnSpec<K>[]): Map<string, ColumnSpec<K>> {
  const byName = new Map<string, ColumnSpec<K>>();
  const keys = new Set<string>();
  for (const col of spec) {
    if (keys.has(col.key)) throw new Error(`Import spec: duplicate key "${col.key}"`);
    keys.add(col.key);
    for (const name of [col.label, ...(col.aliases ?? [])]) {
      const n = normalizeHeader(name);
      const other = byName.get(n);
      if (other && other.key !== col.key) {
        throw new Error(`Import spec: "${name}" (${col.key}) and a name of ${other.key} both normalise to "${n}"`);
      }
      byName.set(n, col);
    }
  }
  return byName;
}

/** Accepted names of a spec column, quoted, for messages. */
function acceptedNames(col: ColumnSpec): string {
  return [col.label, ...(col.aliases ?? [])].map(quote).join(", ");
}

/**
 * Map header texts to spec keys (matching with `normalizeHeader`). Reports every missing
 * required column and every column given twice. `headerRowNumber` is used in messages.
 */
export function mapColumns<K extends string>(
  headers: readonly string[],
  spec: readonly ColumnSpec<K>[],
  opts: { headerRowNumber?: number } = {},
): ColumnMapping<K> {
  const byName = specIndex(spec);
  const headerRow = opts.headerRowNumber ?? 1;
  const columns: Partial<Record<K, ColumnRef>> = {};
  const problems: ImportProblem[] = [];
  const unknownHeaders: string[] = [];
  headers.forEach((header, index) => {
    const n = normalizeHeader(header);
    if (n === "") return;
    const col = byName.get(n);
    if (!col) {
      unknownHeaders.push(header);
      return;
    }
    const first = columns[col.key];
    if (first) {
      problems.push(
        problem({ rowNumber: headerRow, column: header }, "column.duplicate", {
          headerRow,
          label: col.label,
          first: first.header,
          firstColumn: first.letter,
          second: header,
          secondColumn: columnLetter(index),
        }),
      );
      return;
    }
    columns[col.key] = { index, header, letter: columnLetter(index) };
  });
  for (const col of spec) {
    if (col.required && !columns[col.key]) {
      problems.push(
        problem({ rowNumber: headerRow, column: col.label }, "column.missing", {
          headerRow,
          label: col.label,
          accepted: acceptedNames(col),
        }),
      );
    }
  }
  return { columns, problems, unknownHeaders };
}

export interface ImportRecord<K extends string> {
  rowNumber: number;
  /** One entry per spec key; `null` for empty cells and for optional columns absent from the file. */
  data: Record<K, CellValue>;
}

export interface RecordsResult<K extends string> {
  /** Undefined only when the file could not be read at all. */
  table?: Omit<Table, "rows">;
  columns: Partial<Record<K, ColumnRef>>;
  records: ImportRecord<K>[];
  /** File, header and column problems. When non-empty, `records` is empty. */
  problems: ImportProblem[];
}

export interface ReadRecordsOptions extends Omit<ReadTableOptions, "requiredHeaders"> {
  /** Accept a file with a header row but no data rows (default: reported as `file.no_rows`). */
  allowEmpty?: boolean;
}

/**
 * readTable + header detection from the spec + mapColumns. Never throws for user data:
 * unreadable files, a missing header row, missing or duplicated columns come back as `problems`.
 * Rows whose mapped cells are all empty are skipped (e.g. template rows that only carry an
 * "STT" number in an unmapped column).
 */
export async function readRecords<K extends string>(
  input: ReadTableInput,
  spec: readonly ColumnSpec<K>[],
  opts: ReadRecordsOptions = {},
): Promise<RecordsResult<K>> {
  specIndex(spec); // validate the spec before touching the file
  const required = spec.filter((c) => c.required);
  const hints = (required.length ? required : spec).map((c) => [c.label, ...(c.aliases ?? [])]);
  let table: Table;
  try {
    table = await readTable(input, { ...opts, requiredHeaders: hints });
  } catch (err) {
    if (err instanceof ImportError) return { columns: {}, records: [], problems: err.problems };
    throw err;
  }
  const { rows, ...meta } = table;
  const mapping = mapColumns(table.headers, spec, { headerRowNumber: table.headerRowNumber });
  if (mapping.problems.length) return { table: meta, columns: mapping.columns, records: [], problems: mapping.problems };

  const records: ImportRecord<K>[] = [];
  // Every text of the file is checked at this edge (safe-text.ts), whatever the importer.
  const textProblems: ImportProblem[] = [];
  for (const row of rows) {
    const data = {} as Record<K, CellValue>;
    let any = false;
    for (const col of spec) {
      const ref = mapping.columns[col.key];
      let v = ref ? (row.values[ref.index] ?? null) : null;
      const fault = typeof v === "string" ? textFault(v) : undefined;
      if (fault) {
        textProblems.push(problem({ rowNumber: row.rowNumber, column: ref!.header }, "text.invalid_char", { fault: describeFault(fault) }));
        // Reported; the rest of the cell is still checked by the importer's rules.
        v = withoutFaults(v as string) || null;
      }
      data[col.key] = v;
      if (v !== null) any = true;
    }
    if (any) records.push({ rowNumber: row.rowNumber, data });
  }
  const problems: ImportProblem[] = [...textProblems];
  if (records.length === 0 && !opts.allowEmpty) {
    problems.push(problem({}, "file.no_rows", { headerRow: table.headerRowNumber }));
  }
  return { table: meta, columns: mapping.columns, records, problems };
}
