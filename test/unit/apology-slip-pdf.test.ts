// The apology slip as the applicant and the signer see it: converted to PDF by LibreOffice
// (headless, as an office without Word opens it) and read back line by line with
// `pdftotext -layout`. Checks the layout faults a renderer showed: the agency's name broken
// over four lines, the national title wrapping "NAM" alone, the dotted fill-in line spilling
// onto a line of its own, the dossier code cut at a hyphen.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { type ApologySlipData, apologySlipDocx } from "../../bot/services/dossiers/apology-slip.js";
import { SETTINGS } from "../../bot/services/settings.js";
import type { IsoDate } from "../../bot/services/calendar/index.js";
import { docxToPdf, missingOfficeTools, pdfLines } from "../helpers/office-files.js";

const missing = missingOfficeTools;
const skipNote = missing.length ? ` (SKIPPED: ${missing.join(", ")} not found; install libreoffice-writer-nogui and poppler-utils, as .ci/run does)` : "";

const dir = mkdtempSync(path.join(tmpdir(), "apology-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every .docx in `names` to PDF in one LibreOffice start, read back line by line. */
async function toPdfLines(names: string[]): Promise<string[][]> {
  const pdfs = await docxToPdf(dir, names.map((n) => path.join(dir, n)));
  return pdfs.map(pdfLines);
}

/** Each text line of the PDF with the right edge of its box (points), from `pdftotext -bbox-layout`. */
function lineRightEdges(pdf: string): { text: string; xMax: number }[] {
  const out = spawnSync("pdftotext", ["-bbox-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).stdout;
  return [...out.matchAll(/<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)].map((m) => ({
    xMax: Number(m[1]),
    text: [...m[2]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(" ").normalize("NFC"),
  }));
}

const base: ApologySlipData = {
  parentAgency: SETTINGS["agency.parentName"].default,
  agency: SETTINGS["agency.name"].default,
  place: SETTINGS["agency.place"].default,
  issueDate: "2026-12-02" as IsoDate,
  code: "000.00.15.H48-261101-0001",
  procedureName: "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ cho tổ chức khoa học và công nghệ",
  applicant: "Công ty TNHH Công nghệ Sao Việt",
  receivedDate: "2026-11-02" as IsoDate,
  dueDate: "2026-11-27" as IsoDate,
  newDate: "2026-12-08" as IsoDate,
  reason: null,
  unitShortName: "QLKH",
};

const MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const squeeze = (s: string) => s.replace(/\s+/g, " ").trim();

/** The left column of the heading (the agency block): each line cut where the national title's column starts. */
function agencyLines(lines: string[]): string[] {
  const titleRow = lines.findIndex((l) => l.includes("CỘNG HÒA"));
  const cut = lines[titleRow]!.indexOf("CỘNG HÒA");
  const numberRow = lines.findIndex((l) => l.includes("Số:"));
  return lines.slice(titleRow, numberRow).map((l) => squeeze(l.slice(0, cut))).filter(Boolean);
}

describe("the apology slip's Word structure", () => {
  it("lays the heading out in a fixed, borderless two-column table with the decree's sizes and two short rules", async () => {
    const xml = await (await JSZip.loadAsync(await apologySlipDocx(base))).file("word/document.xml")!.async("string");
    const heading = xml.slice(0, xml.indexOf("</w:tbl>"));
    expect(heading).toContain('<w:tblLayout w:type="fixed"/>');
    // 75 mm and 90 mm (twips), no cell padding, no borders.
    expect(heading).toMatch(/<w:tblGrid><w:gridCol w:w="4251"\/><w:gridCol w:w="5102"\/><\/w:tblGrid>/);
    expect(heading).not.toMatch(/w:val="single"[^>]*\/><\/w:tblBorders>/);
    // The rules: one under the agency's name, one under the motto, each its own paragraph.
    expect(heading.match(/<w:pBdr><w:top w:val="single"/g)).toHaveLength(2);
    // Times New Roman; the national title 12 pt bold, the motto and the agency 13 pt bold (half-points).
    const runOf = (text: string) => heading.slice(heading.lastIndexOf("<w:r>", heading.indexOf(text)), heading.indexOf(text));
    expect(runOf("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toMatch(/w:ascii="Times New Roman"[\s\S]*<w:b\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(runOf("Độc lập - Tự do - Hạnh phúc")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(runOf("SỞ KHOA HỌC VÀ CÔNG NGHỆ")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    // The code's hyphens cannot break.
    expect(xml).toMatch(/000\.00\.15\.H48<\/w:t><w:noBreakHyphen\/><w:t[^>]*>261101<\/w:t><w:noBreakHyphen\/><w:t[^>]*>0001</);
  });
});

describe(`the apology slip rendered by LibreOffice${skipNote}`, () => {
  it.skipIf(missing.length > 0)(
    "keeps the heading of Decree 30, the dotted line within its margins and the code whole",
    async () => {
      // The office's defaults, a reason left to fill in by hand; and long names (two lines
      // each) with a code holding a slash and a reason given.
      const slips: [string, ApologySlipData][] = [
        ["blank.docx", base],
        [
          "long.docx",
          {
            ...base,
            parentAgency: "Ủy ban nhân dân tỉnh Quảng Ngãi",
            agency: "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
            code: "H48.15-2026/000123-KHCN",
            reason: "hồ sơ cần xin ý kiến thẩm định của Hội đồng tư vấn khoa học và công nghệ cấp tỉnh",
          },
        ],
      ];
      for (const [name, data] of slips) writeFileSync(path.join(dir, name), await apologySlipDocx(data));
      const [blank, long] = await toPdfLines(slips.map(([n]) => n));

      for (const lines of [blank!, long!]) {
        // The national title on one line, the motto under it.
        expect(lines.some((l) => l.includes(MOTTO))).toBe(true);
        expect(lines.findIndex((l) => l.includes("Độc lập - Tự do - Hạnh phúc"))).toBe(lines.findIndex((l) => l.includes(MOTTO)) + 1);
        // The number and the place and date share a line.
        expect(lines.some((l) => l.includes("Số:") && l.includes("Quảng Ngãi, ngày 02 tháng 12 năm 2026"))).toBe(true);
      }
      // The agency's name and its parent's: one line each when they fit, else two balanced
      // lines (never a word left alone on a line).
      expect(agencyLines(blank!)).toEqual(["UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]);
      const longLeft = agencyLines(long!);
      expect(longLeft).toHaveLength(4);
      expect(longLeft.slice(0, 2)).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]);
      expect(longLeft.slice(2).join(" ")).toBe("TRUNG TÂM ỨNG DỤNG TIẾN BỘ KHOA HỌC VÀ CÔNG NGHỆ");
      for (const l of longLeft) expect(l.split(" ").length).toBeGreaterThan(2);

      // The dossier codes whole on one line.
      expect(blank!.some((l) => l.includes("000.00.15.H48-261101-0001"))).toBe(true);
      expect(long!.some((l) => l.includes("H48.15-2026/000123-KHCN"))).toBe(true);

      // The fill-in line: the dots start on the line of "Lý do:" and end at the right margin,
      // one more full line of dots under it, and nothing spills onto a third line.
      const reasonRow = blank!.findIndex((l) => l.includes("Lý do:"));
      const reasonLine = blank![reasonRow]!;
      const dotsOnly = /^\s*[.…]{20,}\s*$/;
      expect(reasonLine).toMatch(/Lý do:\s*[.…]{20,}\s*$/);
      // Not stretched by justification to make room for the dots.
      expect(reasonLine.trim().slice(0, reasonLine.trim().indexOf("Lý do:"))).not.toMatch(/\S {3,}\S/);
      expect(blank![reasonRow + 1]).toMatch(dotsOnly);
      expect(blank![reasonRow + 2]).not.toMatch(dotsOnly);
      expect(blank!.filter((l) => dotsOnly.test(l))).toHaveLength(1);
      // Both lines of dots end at the body's right edge, that of a justified line above (in
      // points, from the word boxes: -layout's columns do not measure narrow dots).
      const right = lineRightEdges(path.join(dir, "blank.pdf"));
      const edgeOf = (re: RegExp) => right.find((l) => re.test(l.text))!.xMax;
      const margin = edgeOf(/nghị giải quyết thủ tục hành chính/);
      expect(Math.abs(edgeOf(/Lý do:/) - margin)).toBeLessThan(3);
      expect(Math.abs(edgeOf(/^[.…]{20,}$/) - margin)).toBeLessThan(3);

      // A reason given is printed, with no dots.
      expect(squeeze(long!.join(" "))).toContain("Lý do: hồ sơ cần xin ý kiến thẩm định của Hội đồng tư vấn khoa học và công nghệ cấp tỉnh.");
      expect(long!.some((l) => /[.…]{10,}/.test(l))).toBe(false);

      // One A4 page: the signature block is on the page of the text.
      expect(readFileSync(path.join(dir, "blank.pdf")).toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    },
    300_000,
  );
});
