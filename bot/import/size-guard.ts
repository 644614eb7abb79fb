// Spreadsheets are refused before they are read when they would take absurd memory: an
// XLSX is a ZIP, and a 200 KB file can hold a 200 MB shared string (exceljs then needs
// gigabytes). The ZIP's central directory says how large each part is once uncompressed and
// the worksheet's <dimension> how many cells it spans: both are read without decompressing
// the file.
import { constants, inflateRawSync } from "node:zlib";

/** Far above the largest real exports (100,000 dossiers: about 45 MB uncompressed). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 150 * 1024 * 1024;
/**
 * Cells a worksheet may span (rows × columns of its used range). exceljs holds every cell as an
 * object: 1.5 M cells took ~540 MB to read and 2 M ran a 1 GB heap (the bot's, see `npm start`)
 * out of memory, measured. The one-stop export of 100,000 dossiers is about 1 M.
 */
export const MAX_CELLS = 1_500_000;
/** A CSV is read whole: the same bound as an XLSX's content. */
export const MAX_CSV_BYTES = 100 * 1024 * 1024;

export type SizeRefusal =
  | { kind: "uncompressed"; bytes: number }
  | { kind: "cells"; cells: number; range: string }
  | { kind: "zip64" };

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function centralDirectory(buf: Buffer): ZipEntry[] | undefined {
  // End of central directory: 22 bytes plus a comment of up to 64 KB, at the end.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count && p + 46 <= buf.length; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) return undefined;
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The first kilobytes of an entry, decompressed (enough for a worksheet's <dimension>). */
function entryHead(buf: Buffer, e: ZipEntry): string {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return "";
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const slice = buf.subarray(start, Math.min(buf.length, start + Math.min(e.compressedSize, 16 * 1024)));
  if (e.method === 0) return slice.toString("utf8");
  if (e.method !== 8) return "";
  try {
    return inflateRawSync(slice, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 64 * 1024 }).toString("utf8");
  } catch {
    return "";
  }
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Why an XLSX must not be opened, or undefined when its size is reasonable. */
export function xlsxSizeRefusal(buf: Buffer): SizeRefusal | undefined {
  const entries = centralDirectory(buf);
  if (!entries) return undefined; // not a readable ZIP: exceljs reports it as corrupt
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff) return { kind: "zip64" };
    total += e.uncompressedSize;
  }
  if (total > MAX_XLSX_UNCOMPRESSED_BYTES) return { kind: "uncompressed", bytes: total };
  for (const e of entries.filter((x) => /^xl\/worksheets\/[^/]+\.xml$/.test(x.name))) {
    const m = /<dimension\s+ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/.exec(entryHead(buf, e));
    if (!m) continue;
    const rows = m[4] ? Number(m[4]) - Number(m[2]) + 1 : 1;
    const cols = m[3] ? columnNumber(m[3]) - columnNumber(m[1]!) + 1 : 1;
    if (rows * cols > MAX_CELLS) return { kind: "cells", cells: rows * cols, range: m[0].slice(m[0].indexOf('"') + 1) };
  }
  return undefined;
}
