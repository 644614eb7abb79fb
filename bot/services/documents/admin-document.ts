// The layout of a Vietnamese administrative document (Decree 30/2020/NĐ-CP), shared by every
// .docx the bot drafts (the apology slip, the period report): issuing agency and national
// heading side by side, number and symbol left, place and date right in italics, the body, and
// the recipients ("Nơi nhận") beside the signature block; A4, Times New Roman.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { type IsoDate, parseIsoDate } from "../calendar/index.js";

export const FONT = "Times New Roman";
export const PT = 2; // docx sizes are in half-points
export const mm = convertMillimetersToTwip;

// A4 with the margins of Decree 30 (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm).
export const PAGE = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15 };
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 165 mm
// The heading's two columns, fixed so that no renderer sizes them to their content: the left
// one holds "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in 13 pt bold (70 mm) on one line, the right one the
// national title in 12 pt bold (88 mm). Cells have no side padding, so these are the text widths.
export const COLUMNS = [75, TEXT_WIDTH - 75] as const;

// Sizes (pt) from the table of Decree 30's Appendix I: the national title 12–13 (12 here: at
// 13 it needs 96 mm and would take space from the agency's name), the motto 13–14, the agency
// names 12–13, place and date 13–14 italic, the title and body 13–14, "Nơi nhận" 12 and its
// list 11.
export const SIZE = { title: 12, motto: 13, agency: 13, number: 13, date: 14, body: 14, recipientsLabel: 12, recipients: 11 };
/** Width (mm) of "Độc lập - Tự do - Hạnh phúc" in 13 pt bold Times New Roman: the rule under it matches. */
const MOTTO_WIDTH = 56;
/** Mean width (mm) of a capital (and the spaces) in 13 pt Times New Roman, bold and regular, measured on agency names. */
const CAPITAL_WIDTH = { bold: 2.95, regular: 2.8 };

/** "ngày 05 tháng 02 năm 2026": days below 10 and months 1–2 take a leading zero (Decree 30). */
export function vnLongDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  const d = day < 10 ? `0${day}` : String(day);
  const m = month <= 2 ? `0${month}` : String(month);
  return `ngày ${d} tháng ${m} năm ${year}`;
}

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export function run(text: string, opts: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: (opts.size ?? SIZE.body) * PT, bold: opts.bold ?? false, italics: opts.italics ?? false });
}

export function centered(children: ParagraphChild[], opts: { after?: number; before?: number } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: opts.before ?? 0, after: opts.after ?? 0 }, children });
}

/**
 * The short rule under the agency's name and under the motto: the top border of an empty,
 * one-point paragraph, narrowed by equal indents to `length` mm in a column of `column` mm.
 * A paragraph of its own, so that the indents never narrow the text above it.
 */
function rule(length: number, column: number): Paragraph {
  const indent = mm(Math.max(0, (column - length) / 2));
  return new Paragraph({
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    indent: { left: indent, right: indent },
    spacing: { before: 50, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: "", size: 2 })],
  });
}

export const BODY_SPACING = { before: 120, after: 0, line: 312 }; // 6 pt between paragraphs, 1.3 lines

/** A body paragraph: justified, its first line indented. */
export function body(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(12.7) }, spacing: BODY_SPACING, children });
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    children,
    width: { size: mm(width), type: WidthType.DXA },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: TableBorders.NONE,
  });
}

/** Blocks side by side in the two fixed columns, without borders (the heading, the recipients and signature). */
function twoColumns(rows: [Paragraph[], Paragraph[]][]): Table {
  return new Table({
    width: { size: mm(TEXT_WIDTH), type: WidthType.DXA },
    columnWidths: COLUMNS.map(mm),
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(([left, right]) => new TableRow({ cantSplit: true, children: [cell(left, COLUMNS[0]), cell(right, COLUMNS[1])] })),
  });
}

/**
 * An agency's name in capitals for its column: one line when it fits, otherwise two lines
 * broken at the space that balances them best ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NGÃI"), as
 * typists do, rather than wherever the line happens to end (a lone "NGÃI").
 */
function agencyLines(name: string, bold: boolean): { lines: string[]; width: number } {
  const perChar = bold ? CAPITAL_WIDTH.bold : CAPITAL_WIDTH.regular;
  const text = upper(name);
  const width = (s: string) => [...s].length * perChar;
  if (width(text) <= COLUMNS[0]) return { lines: [text], width: width(text) };
  const words = text.split(" ");
  let best = [text];
  for (let i = 1; i < words.length; i++) {
    const split = [words.slice(0, i).join(" "), words.slice(i).join(" ")];
    if (Math.max(...split.map(width)) < Math.max(...best.map(width))) best = split;
  }
  return { lines: best, width: Math.min(COLUMNS[0], Math.max(...best.map(width))) };
}

function agencyName(name: string, bold: boolean): { paragraph: Paragraph; width: number } {
  const { lines, width } = agencyLines(name, bold);
  const runs = lines.map((line, i) => new TextRun({ text: line, font: FONT, size: SIZE.agency * PT, bold, break: i > 0 ? 1 : 0 }));
  return { paragraph: centered(runs), width };
}

export function upper(s: string): string {
  return s.toLocaleUpperCase("vi");
}

export interface HeadingData {
  /** e.g. "UBND tỉnh Quảng Ngãi" (printed in capitals). */
  parentAgency: string;
  /** e.g. "Sở Khoa học và Công nghệ" (in capitals). */
  agency: string;
  /** The number and symbol, left for the clerk: "Số: ………" or "Số: …/BC-SKHCN". */
  number: string;
  /** e.g. "Quảng Ngãi". */
  place: string;
  date: IsoDate;
}

/** The agency and national heading, then the number (left) and the place and date (right, italics). */
export function adminHeading(data: HeadingData): Table {
  const parent = agencyName(data.parentAgency, false);
  const agency = agencyName(data.agency, true);
  // Two rows, so that the number and the place and date share a line whatever the names' lengths.
  return twoColumns([
    [
      [
        parent.paragraph,
        agency.paragraph,
        // Under the agency's name a rule a third to a half as long as its (longest) line.
        rule(0.4 * agency.width, COLUMNS[0]),
      ],
      [
        centered([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: SIZE.title, bold: true })]),
        // Under the motto a rule as long as the motto.
        centered([run("Độc lập - Tự do - Hạnh phúc", { size: SIZE.motto, bold: true })]),
        rule(MOTTO_WIDTH, COLUMNS[1]),
      ],
    ],
    [
      [centered([run(data.number, { size: SIZE.number })], { before: 160 })],
      [centered([run(`${data.place}, ${vnLongDate(data.date)}`, { size: SIZE.date, italics: true })], { before: 160 })],
    ],
  ]);
}

/** "Nơi nhận:" and its list (left), the signer's authority and title with room to sign (right). */
export function recipientsAndSignature(recipients: readonly string[], signer: readonly string[], note = "(Ký, ghi rõ họ tên và đóng dấu)"): Table {
  return twoColumns([
    [
      [
        new Paragraph({ children: [run("Nơi nhận:", { size: SIZE.recipientsLabel, bold: true, italics: true })] }),
        ...recipients.map((r) => new Paragraph({ children: [run(r, { size: SIZE.recipients })] })),
      ],
      [
        ...signer.map((line) => centered([run(line, { bold: true })])),
        centered([run(note, { italics: true })]),
        // Room for the signature and the seal.
        ...[0, 1, 2, 3].map(() => new Paragraph({ children: [run("")] })),
      ],
    ],
  ]);
}

/** A4 with Decree 30's margins, Times New Roman 14 pt by default. */
export function adminDocument(meta: { creator: string; title: string }, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: meta.creator,
    title: meta.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body * PT } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(PAGE.width), height: mm(PAGE.height) },
            margin: { top: mm(PAGE.top), bottom: mm(PAGE.bottom), left: mm(PAGE.left), right: mm(PAGE.right) },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
