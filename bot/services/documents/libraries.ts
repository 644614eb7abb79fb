// The libraries that write and read files (spreadsheets, QR codes), loaded on first use. Loaded
// at start they held tens of MB of the process's memory for features most updates never touch
// (issue 11: a department's bot should sit well under 250 MB); the module cache keeps them
// after the first file, so only that first file pays the load (~50 ms).
import type ExcelJS from "exceljs";

export async function excelJs(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

export async function qrCode() {
  return (await import("qrcode")).default;
}
