/**
 * Row validation helpers: run the importer's rules on every record, collect every problem
 * (never stop at the first), and hand back the valid rows — the importer writes them only
 * when there is no problem at all.
 */
import { normalizeHeader } from "./normalize.js";
import {
  displayValue,
  parseDate,
  parseDateTime,
  parseEnum,
  parseInteger,
  parseList,
  parsePercent,
  parseText,
  parseTime,
  type DateOptions,
  type DateTimeValue,
  type EnumOption,
  type FieldOptions,
  type ListOptions,
  type NumberRangeOptions,
  type ParseResult,
  type PercentOptions,
  type TextOptions,
} from "./parsers.js";
import { customProblem, problem, type ImportProblem } from "./problems.js";
import { readRecords, type ColumnSpec, type ImportRecord, type ReadRecordsOptions, type RecordsResult } from "./columns.js";
import type { CellValue, ReadTableInput } from "./read-table.js";

type Loc = Omit<FieldOptions, "required">;
type Opt<O> = Omit<O, "rowNumber" | "column">;

/**
 * Reads and validates the cells of one record. Each typed getter parses the cell, records a
 * problem (with row number and the user's header text) on failure and returns the value.
 * After a failure the returned value is a placeholder (null / [] / ""), and the row is left
 * out of `items` — so the placeholder never reaches the database.
 */
export class RowReader<K extends string> {
  readonly problems: ImportProblem[] = [];
  constructor(
    readonly record: ImportRecord<K>,
    private readonly headers: Partial<Record<K, string>>,
    private readonly labels: Record<K, string>,
    private readonly date1904 = false,
  ) {}

  get rowNumber(): number {
    return this.record.rowNumber;
  }

  /** The raw cell value. */
  raw(key: K): CellValue {
    return this.record.data[key];
  }

  /** The user's header text for this column (the spec label if the column is absent). */
  column(key: K): string {
    return this.headers[key] ?? this.labels[key];
  }

  private loc(key: K): Loc {
    return { rowNumber: this.record.rowNumber, column: this.column(key) };
  }

  private take<T>(r: ParseResult<T>, placeholder: T): T {
    if (r.ok) return r.value;
    this.problems.push(r.problem);
    return placeholder;
  }

  text(key: K, opts: Opt<TextOptions> & { required: true }): string;
  text(key: K, opts?: Opt<TextOptions>): string | null;
  text(key: K, opts: Opt<TextOptions> = {}): string | null {
    return this.take(parseText(this.raw(key), { ...opts, ...this.loc(key) }), opts.required ? "" : null);
  }

  date(key: K, opts: Opt<DateOptions> & { required: true }): string;
  date(key: K, opts?: Opt<DateOptions>): string | null;
  date(key: K, opts: Opt<DateOptions> = {}): string | null {
    const o = { date1904: this.date1904, ...opts, ...this.loc(key) };
    return this.take(parseDate(this.raw(key), o), opts.required ? "" : null);
  }

  dateTime(key: K, opts: Opt<DateOptions> & { required: true }): DateTimeValue;
  dateTime(key: K, opts?: Opt<DateOptions>): DateTimeValue | null;
  dateTime(key: K, opts: Opt<DateOptions> = {}): DateTimeValue | null {
    const o = { date1904: this.date1904, ...opts, ...this.loc(key) };
    return this.take(parseDateTime(this.raw(key), o), opts.required ? { date: "", time: null } : null);
  }

  time(key: K, opts: Opt<FieldOptions> & { required: true }): string;
  time(key: K, opts?: Opt<FieldOptions>): string | null;
  time(key: K, opts: Opt<FieldOptions> = {}): string | null {
    return this.take(parseTime(this.raw(key), { ...opts, ...this.loc(key) }), opts.required ? "" : null);
  }

  integer(key: K, opts: Opt<NumberRangeOptions> & { required: true }): number;
  integer(key: K, opts?: Opt<NumberRangeOptions>): number | null;
  integer(key: K, opts: Opt<NumberRangeOptions> = {}): number | null {
    return this.take(parseInteger(this.raw(key), { ...opts, ...this.loc(key) }), opts.required ? 0 : null);
  }

  percent(key: K, opts: Opt<PercentOptions> & { required: true }): number;
  percent(key: K, opts?: Opt<PercentOptions>): number | null;
  percent(key: K, opts: Opt<PercentOptions> = {}): number | null {
    return this.take(parsePercent(this.raw(key), { ...opts, ...this.loc(key) }), opts.required ? 0 : null);
  }

  list(key: K, opts: Opt<ListOptions> = {}): string[] {
    return this.take(parseList(this.raw(key), { ...opts, ...this.loc(key) }), []);
  }

  enumOf<T>(key: K, options: readonly EnumOption<T>[], opts: Opt<FieldOptions> & { required: true }): T;
  enumOf<T>(key: K, options: readonly EnumOption<T>[], opts?: Opt<FieldOptions>): T | null;
  enumOf<T>(key: K, options: readonly EnumOption<T>[], opts: Opt<FieldOptions> = {}): T | null {
    return this.take(parseEnum(this.raw(key), options, { ...opts, ...this.loc(key) }), null);
  }

  /**
   * Record a problem for one of the importer's own rules. `detail` is Vietnamese without the
   * location, e.g. `ngày kết thúc (01/03/2024) sớm hơn ngày bắt đầu (05/03/2024).`
   * Pass `key` null for a problem about the whole row.
   */
  fail(key: K | null, code: string, detail: string, params: Record<string, string | number> = {}): void {
    const loc = key === null ? { rowNumber: this.rowNumber } : this.loc(key);
    this.problems.push(customProblem(loc, code, detail, params));
  }
}

export interface ValidatedItem<T> {
  rowNumber: number;
  value: T;
}

export interface ValidationResult<T> {
  /** Rows that passed every check, in file order. Write them only if `problems` is empty. */
  items: ValidatedItem<T>[];
  problems: ImportProblem[];
}

/**
 * Run `build` on every record; collects all problems. `build` returns the value to import
 * (it may call `row.fail(...)` for its own rules).
 */
export function validateRecords<K extends string, T>(
  result: Pick<RecordsResult<K>, "records" | "columns"> & { table?: { date1904: boolean } },
  spec: readonly ColumnSpec<K>[],
  build: (row: RowReader<K>) => T,
): ValidationResult<T> {
  const headers: Partial<Record<K, string>> = {};
  for (const [key, ref] of Object.entries(result.columns) as [K, { header: string } | undefined][]) {
    if (ref) headers[key] = ref.header;
  }
  const labels = Object.fromEntries(spec.map((c) => [c.key, c.label])) as Record<K, string>;
  const items: ValidatedItem<T>[] = [];
  const problems: ImportProblem[] = [];
  for (const record of result.records) {
    const row = new RowReader(record, headers, labels, result.table?.date1904 ?? false);
    const value = build(row);
    if (row.problems.length) problems.push(...row.problems);
    else items.push({ rowNumber: record.rowNumber, value });
  }
  return { items, problems };
}

export interface ExtraCheckContext<K extends string> {
  /** All records, including rows that failed validation (use them for duplicate checks). */
  records: ImportRecord<K>[];
  /** The user's header text for a spec key (for `column` in problems). */
  column: (key: K) => string;
}

export type ImportRowsResult<K extends string, T> =
  | { ok: true; items: ValidatedItem<T>[]; records: RecordsResult<K> }
  | { ok: false; problems: ImportProblem[]; records: RecordsResult<K> };

/**
 * The whole pipeline for an importer: read the file, find the header row, map the columns,
 * validate every row. `ok: true` only when there is not a single problem — then write all
 * `items` (in one transaction); otherwise show `formatProblems(problems)` and write nothing.
 * `extraChecks` runs once after all rows, for cross-row rules; it gets the valid items and all
 * raw records, e.g. `(items, { records, column }) => checkUnique(records, column("code"), (r) => r.data.code)`.
 */
export async function importRows<K extends string, T>(
  input: ReadTableInput,
  spec: readonly ColumnSpec<K>[],
  build: (row: RowReader<K>) => T,
  opts: ReadRecordsOptions & { extraChecks?: (items: ValidatedItem<T>[], ctx: ExtraCheckContext<K>) => ImportProblem[] } = {},
): Promise<ImportRowsResult<K, T>> {
  const records = await readRecords(input, spec, opts);
  if (records.problems.length) return { ok: false, problems: records.problems, records };
  const { items, problems } = validateRecords(records, spec, build);
  if (opts.extraChecks) {
    const labels = Object.fromEntries(spec.map((c) => [c.key, c.label])) as Record<K, string>;
    const column = (key: K) => records.columns[key]?.header ?? labels[key];
    problems.push(...opts.extraChecks(items, { records: records.records, column }));
  }
  if (problems.length) return { ok: false, problems, records };
  return { ok: true, items, records };
}

/**
 * Report values that appear more than once in a column ("row.duplicate", on every later row).
 * Values are compared with `normalizeHeader` semantics by default ("CB01" = "cb01");
 * empty/null values are ignored.
 */
export function checkUnique<T extends { rowNumber: number }>(
  rows: readonly T[],
  column: string,
  get: (row: T) => CellValue | undefined,
  opts: { normalize?: (s: string) => string } = {},
): ImportProblem[] {
  const norm = opts.normalize ?? normalizeHeader;
  const seen = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const v = get(row);
    const text = v === undefined ? "" : displayValue(v);
    if (text === "") continue;
    const k = norm(text);
    const firstRow = seen.get(k);
    if (firstRow === undefined) seen.set(k, row.rowNumber);
    else problems.push(problem({ rowNumber: row.rowNumber, column }, "row.duplicate", { value: text, firstRow }));
  }
  return problems;
}
