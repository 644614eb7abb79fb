/**
 * Spreadsheet import toolkit: CSV/XLSX → header matching → per-row validation with
 * Vietnamese problem messages → the importer writes all rows or none.
 *
 * Typical importer:
 *
 *   const spec = [
 *     { key: "code", label: "Mã cán bộ", aliases: ["Mã CB"], required: true },
 *     { key: "name", label: "Họ và tên", required: true },
 *     { key: "birth", label: "Ngày sinh" },
 *   ] as const satisfies readonly ColumnSpec[];
 *   const res = await importRows({ path }, spec, (row) => ({
 *     code: row.text("code", { required: true, maxLength: 20 }),
 *     name: row.text("name", { required: true, maxLength: 200 }),
 *     birth: row.date("birth", { min: "1940-01-01" }),
 *   }), { extraChecks: (_items, { records, column }) =>
 *     checkUnique(records, column("code"), (r) => (typeof r.data.code === "string" ? r.data.code.trim() : r.data.code)) });
 *   if (!res.ok) return print(formatProblems(res.problems));
 *   await db.$transaction(res.items.map(...));
 */
export { normalizeHeader, cleanText, columnLetter } from "./normalize.js";
export {
  ImportError,
  customProblem,
  formatProblems,
  locationPrefix,
  problem,
  quote,
  sortProblems,
  type FormatProblemsOptions,
  type ImportProblem,
  type ProblemLocation,
} from "./problems.js";
export {
  cellToText,
  normalizeXlsxValue,
  fileErrorDetail,
  readTable,
  type CellValue,
  type HeaderHint,
  type ReadTableInput,
  type ReadTableOptions,
  type Table,
  type TableRow,
} from "./read-table.js";
export {
  mapColumns,
  readRecords,
  type ColumnMapping,
  type ColumnRef,
  type ColumnSpec,
  type ImportRecord,
  type ReadRecordsOptions,
  type RecordsResult,
} from "./columns.js";
export {
  displayValue,
  excelSerialToParts,
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
  type InputValue,
  type ListOptions,
  type NumberRangeOptions,
  type ParseResult,
  type PercentOptions,
  type TextOptions,
} from "./parsers.js";
export {
  RowReader,
  checkUnique,
  importRows,
  validateRecords,
  type ExtraCheckContext,
  type ImportRowsResult,
  type ValidatedItem,
  type ValidationResult,
} from "./validate.js";
