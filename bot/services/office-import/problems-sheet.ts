// The problems of a spreadsheet as a spreadsheet: every bad row as it was sent (its row
// number, its original columns in their order) with a "Lỗi" column beside them saying what
// to fix, so the office can work through it in Excel instead of a long chat message.
import { type CellValue, columnLetter, type ColumnSpec, ImportError, type ImportProblem, readTable, type ReadTableInput, sortProblems } from "../../import/index.js";
import { excelJs } from "../documents/libraries.js";

export const ERROR_COLUMN = "Lỗi";
export const ROW_COLUMN = "Dòng";

export async function problemsWorkbook(input: ReadTableInput, spec: readonly ColumnSpec[], problems: readonly ImportProblem[]): Promise<Buffer> {
  const required = spec.filter((c) => c.required);
  const hints = (required.length ? required : spec).map((c) => [c.label, ...(c.aliases ?? [])]);
  let headers: string[] = [];
  let rows = new Map<number, CellValue[]>();
  try {
    const table = await readTable(input, { requiredHeaders: hints });
    headers = table.headers.map((h, i) => h || `Cột ${columnLetter(i)}`);
    rows = new Map(table.rows.map((r) => [r.rowNumber, r.values]));
  } catch (e) {
    if (!(e instanceof ImportError)) throw e; // unreadable: the sheet lists the file's problems alone
  }
  const byRow = new Map<number | null, string[]>();
  for (const p of sortProblems(problems)) {
    const key = p.rowNumber !== null && rows.has(p.rowNumber) ? p.rowNumber : null;
    const list = byRow.get(key) ?? [];
    list.push(p.message);
    byRow.set(key, list);
  }

  const wb = new (await excelJs()).Workbook();
  const ws = wb.addWorksheet(ERROR_COLUMN, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: ROW_COLUMN, width: 7 },
    ...headers.map((h) => ({ header: h, width: Math.min(40, Math.max(12, h.length + 2)) })),
    { header: ERROR_COLUMN, width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  const add = (rowNumber: number | string, values: CellValue[], messages: string[]) => {
    const row = ws.addRow([rowNumber, ...headers.map((_, i) => values[i] ?? null), messages.join("\n")]);
    const cell = row.getCell(headers.length + 2);
    cell.alignment = { wrapText: true, vertical: "top" };
    cell.font = { color: { argb: "FFC00000" } };
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = "dd/mm/yyyy hh:mm";
    });
  };
  const fileLevel = byRow.get(null);
  if (fileLevel) add("", [], fileLevel);
  for (const [rowNumber, messages] of byRow) if (rowNumber !== null) add(rowNumber, rows.get(rowNumber) ?? [], messages);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
