// Spreadsheets of the one-stop system's export, written the way the office would get them.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const DOSSIER_HEADERS = [
  "Mã hồ sơ",
  "Tên thủ tục",
  "Người nộp",
  "Ngày tiếp nhận",
  "Ngày hẹn trả",
  "Cán bộ xử lý",
  "Đơn vị",
  "Trạng thái",
  "Ngày trả kết quả",
] as const;

export type DossierCells = Partial<Record<(typeof DOSSIER_HEADERS)[number], string>>;

function csvCell(v: string): string {
  return /[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A UTF-8 CSV with the given headers (default: the documented ones) and rows. */
export function writeCsv(rows: DossierCells[], opts: { headers?: readonly string[]; name?: string } = {}): string {
  const headers = opts.headers ?? DOSSIER_HEADERS;
  const keys = DOSSIER_HEADERS;
  const lines = [headers.map(csvCell).join(",")];
  for (const r of rows) lines.push(keys.map((k) => csvCell(r[k] ?? "")).join(","));
  const dir = mkdtempSync(path.join(tmpdir(), "dossiers-"));
  const file = path.join(dir, opts.name ?? "ho-so.csv");
  writeFileSync(file, `${lines.join("\r\n")}\r\n`, "utf8");
  return file;
}

export function writeText(name: string, content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "import-"));
  const file = path.join(dir, name);
  writeFileSync(file, content, "utf8");
  return file;
}

/** A dossier row with sensible defaults. */
export function dossier(code: string, cells: DossierCells = {}): DossierCells {
  return {
    "Mã hồ sơ": code,
    "Tên thủ tục": "Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
    "Người nộp": "Công ty TNHH Ánh Dương",
    "Ngày tiếp nhận": "16/11/2026 08:30",
    "Ngày hẹn trả": "30/11/2026",
    "Cán bộ xử lý": "KH02",
    "Đơn vị": "",
    "Trạng thái": "Đang xử lý",
    "Ngày trả kết quả": "",
    ...cells,
  };
}

/** Imports dossiers through the office's CLI into a test database (as the office would). */
export async function importDossiers(databaseUrl: string, rows: DossierCells[], now: Date): Promise<void> {
  const { runCli } = await import("../../bot/cli/run.js");
  const out: string[] = [];
  const code = await runCli(["import", "dossiers", writeCsv(rows)], { env: { DATABASE_URL: databaseUrl }, out: (l) => out.push(l), err: (l) => out.push(l), now: () => now });
  if (code !== 0) throw new Error(out.join("\n"));
}
