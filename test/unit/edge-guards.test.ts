// The guards at the edge, one by one: text faults and character counts, spreadsheets too large
// to open, the bounded problem list, the alert file's complete report, the sender's lease.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { formatProblems, type ImportProblem, readRecords } from "../../bot/import/index.js";
import { MAX_CELLS } from "../../bot/import/size-guard.js";
import { holdLease } from "../../bot/delivery/lease.js";
import { DEFAULT_LEASE_MS, standbyPollMs } from "../../bot/delivery/sender.js";
import { parseAlertFile } from "../../bot/services/alerts/feed-file.js";
import { charLength, takeChars, textFault } from "../../bot/services/safe-text.js";
import { cleanText, shorten } from "../../bot/services/text.js";
import { describeDbError, isTransientDbError, isUniqueViolation } from "../../bot/db/errors.js";
import { createTestDatabase } from "../helpers/db.js";

const FAMILY = "👨‍👩‍👧‍👦";

describe("text at the edge", () => {
  it("finds NUL, lone surrogates, controls and bidi overrides; accepts Vietnamese, emoji, tabs and line breaks", () => {
    expect(textFault("a\u0000b")).toBe("nul");
    expect(textFault("a\uD83D")).toBe("surrogate");
    expect(textFault("\uDE00a")).toBe("surrogate");
    expect(textFault("a\u001Bb")).toBe("control");
    expect(textFault("a\u0085b")).toBe("control");
    expect(textFault("tên\u202Egnp.exe")).toBe("bidi");
    expect(textFault("\u2066x\u2069")).toBe("bidi");
    expect(textFault(`Nguyễn Văn Ánh ${FAMILY} 😀\tdòng 1\ndòng 2\r\n`)).toBeUndefined();
  });

  it("counts grapheme clusters and never cuts one", () => {
    expect(charLength(FAMILY)).toBe(1);
    expect(charLength("Nghiê\u0301m".normalize("NFD"))).toBe(6);
    expect(charLength("😀".repeat(600))).toBe(600);
    expect(takeChars(`${FAMILY}${FAMILY}x`, 2)).toBe(`${FAMILY}${FAMILY}`);
    // Precomposed Vietnamese is cut by code unit (the quick way), combining marks and CR LF by cluster.
    expect(takeChars("Nghiệm thu đề tài", 6)).toBe("Nghiệm");
    expect(takeChars("Nghiê\u0301m thu".normalize("NFD"), 6)).toBe("Nghiê\u0301m".normalize("NFD"));
    expect(takeChars("ab\r\ncd", 3)).toBe("ab\r\n");
    expect(shorten("😀".repeat(500), 600)).toBe("😀".repeat(500));
    const cut = shorten("😀".repeat(700), 600);
    expect(charLength(cut)).toBe(600);
    expect(textFault(cut)).toBeUndefined();
    expect(cleanText(`Gia đình ${FAMILY}`)).toBe(`Gia đình ${FAMILY}`);
  });
});

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Cán bộ");
  ws.addRow(["Mã cán bộ", "Họ và tên"]);
  ws.addRow(["KH09", "Lê Văn Tám"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SPEC = [
  { key: "code", label: "Mã cán bộ", required: true },
  { key: "name", label: "Họ và tên", required: true },
] as const;

describe("spreadsheets", () => {
  it("refuses, before reading it, a worksheet spanning an absurd number of cells", async () => {
    const zip = await JSZip.loadAsync(await xlsx());
    const sheet = Object.keys(zip.files).find((n) => n.startsWith("xl/worksheets/sheet"))!;
    const xml = await zip.file(sheet)!.async("string");
    zip.file(sheet, xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:Z200000"/>'));
    const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const res = await readRecords({ buffer, fileName: "can-bo.xlsx" }, SPEC);
    expect(res.problems.map((p) => p.code)).toEqual(["file.too_many_cells"]);
    expect(res.problems[0]!.message).toContain(`${26 * 200_000} ô`);
    expect(res.problems[0]!.message).toContain(String(MAX_CELLS));
  });

  it("refuses, before reading it, a file whose content would take hundreds of megabytes once uncompressed", async () => {
    const buffer = await xlsx();
    // The ZIP directory's size of the shared strings part, as a 201 KB file with one 200 MB
    // string declares it.
    const name = Buffer.from("xl/sharedStrings.xml");
    for (let p = buffer.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = buffer.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) {
      if (buffer.subarray(p + 46, p + 46 + name.length).equals(name)) buffer.writeUInt32LE(200 * 1024 * 1024, p + 24);
    }
    const res = await readRecords({ buffer, fileName: "can-bo.xlsx" }, SPEC);
    expect(res.problems.map((p) => p.code)).toEqual(["file.too_large"]);
    expect(res.problems[0]!.message).toMatch(/khoảng 2\d\d MB, vượt quá giới hạn 150 MB/);
  });

  it("reports a NUL in a cell with its row and column", async () => {
    const res = await readRecords({ buffer: Buffer.from("Mã cán bộ,Họ và tên\nKH09,Lê\u0000 Văn Tám\n"), fileName: "can-bo.csv" }, SPEC);
    expect(res.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Dòng 2, cột “Họ và tên”: nội dung chứa ký tự NUL/)]);
  });

  it("prints at most 100 problems, then how many more", () => {
    const problems: ImportProblem[] = Array.from({ length: 1_000 }, (_, i) => ({ rowNumber: i + 2, code: "x", message: `Dòng ${i + 2}: sai.` }));
    const lines = formatProblems(problems).split("\n");
    expect(lines).toHaveLength(102);
    expect(lines.at(-1)).toBe("… và 900 lỗi khác.");
  });
});

describe("the alert file", () => {
  it("reports every problem at once: an unknown key and a bad severity and a bad text", async () => {
    const tdb = await createTestDatabase();
    try {
      const res = await parseAlertFile(tdb.prisma, JSON.stringify({ severity: "rất gấp", title: "Thư giả mạo\u202E", body: "Nội dung", target: "all" }));
      expect(res.ok).toBe(false);
      const problems = res.ok ? [] : res.problems;
      expect(problems).toHaveLength(3);
      expect(problems.join("\n")).toContain("target: khóa không được hỗ trợ");
      expect(problems.join("\n")).toContain("severity: “rất gấp”");
      expect(problems.join("\n")).toMatch(/title: chứa ký tự điều khiển chiều viết/);
    } finally {
      await tdb.drop();
    }
  });
});

describe("database errors and the sender's lease", () => {
  it("one helper set tells duplicates, transient failures and what to print", () => {
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    expect(isTransientDbError(Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }))).toBe(true);
    expect(isTransientDbError({ name: "DriverAdapterError", message: "SocketTimeout", cause: { kind: "SocketTimeout", originalCode: "SQLITE_BUSY" } })).toBe(true);
    expect(isTransientDbError({ code: "P2002" })).toBe(false);
    const line = describeDbError({ code: "P1008", message: "\nInvalid `prisma.x()` invocation:\n\nOperation has timed out" })!;
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toMatch(/^Cơ sở dữ liệu đang bận/);
  });

  it("a crashed instance's lease is taken over within five seconds", async () => {
    expect(DEFAULT_LEASE_MS + standbyPollMs(DEFAULT_LEASE_MS)).toBeLessThanOrEqual(5_000);
    const tdb = await createTestDatabase();
    try {
      const t0 = 1_800_000_000_000;
      expect(await holdLease(tdb.prisma, "lease", "dead", t0, DEFAULT_LEASE_MS)).toBe(true);
      expect(await holdLease(tdb.prisma, "lease", "next", t0 + DEFAULT_LEASE_MS - 1, DEFAULT_LEASE_MS)).toBe(false);
      expect(await holdLease(tdb.prisma, "lease", "next", t0 + DEFAULT_LEASE_MS, DEFAULT_LEASE_MS)).toBe(true);
    } finally {
      await tdb.drop();
    }
  });
});
