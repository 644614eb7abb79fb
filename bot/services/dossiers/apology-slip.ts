// The draft "Phiếu xin lỗi và hẹn lại ngày trả kết quả" as a Word document, laid out as a
// Vietnamese administrative document (Decree 30/2020/NĐ-CP): issuing agency and national
// heading side by side, number, place and date, title, body, recipients and signature block;
// A4, Times New Roman. The handler checks it, fills in what is left blank, and has it signed.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LeaderType,
  LineRuleType,
  NoBreakHyphen,
  Packer,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import { type IsoDate, parseIsoDate } from "../calendar/index.js";

export interface ApologySlipData {
  /** e.g. "UBND tỉnh Quảng Ngãi" (printed in capitals). */
  parentAgency: string;
  /** e.g. "Sở Khoa học và Công nghệ" (in capitals in the heading, as written in the text). */
  agency: string;
  /** e.g. "Quảng Ngãi". */
  place: string;
  issueDate: IsoDate;
  code: string;
  procedureName: string;
  applicant: string;
  receivedDate: IsoDate;
  dueDate: IsoDate;
  newDate: IsoDate;
  /** null: a dotted line to fill in by hand. */
  reason: string | null;
  /** Unit keeping a copy ("Lưu: VT, ..."). */
  unitShortName: string | null;
}

const FONT = "Times New Roman";
const PT = 2; // docx sizes are in half-points
const mm = convertMillimetersToTwip;

// A4 with the margins of Decree 30 (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm).
const PAGE = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 165 mm
// The heading's two columns, fixed so that no renderer sizes them to their content: the left
// one holds "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in 13 pt bold (70 mm) on one line, the right one the
// national title in 12 pt bold (88 mm). Cells have no side padding, so these are the text widths.
const COLUMNS = [75, TEXT_WIDTH - 75] as const;

// Sizes (pt) from the table of Decree 30's Appendix I: the national title 12–13 (12 here: at
// 13 it needs 96 mm and would take space from the agency's name), the motto 13–14, the agency
// names 12–13, place and date 13–14 italic, the title and body 13–14, "Nơi nhận" 12 and its
// list 11.
const SIZE = { title: 12, motto: 13, agency: 13, number: 13, date: 14, body: 14, recipientsLabel: 12, recipients: 11 };
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

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function run(text: string, opts: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: (opts.size ?? SIZE.body) * PT, bold: opts.bold ?? false, italics: opts.italics ?? false });
}

/**
 * A code that must not be cut at the end of a line (a dossier code such as
 * 000.00.15.H48-261101-0001): its hyphens become Word's non-breaking hyphen, its spaces
 * non-breaking spaces, and a word joiner follows each slash (a line may break after "/").
 */
function unbroken(code: string, opts: RunStyle = {}): TextRun {
  const children: (string | NoBreakHyphen)[] = [];
  code.split("-").forEach((part, i) => {
    if (i > 0) children.push(new NoBreakHyphen());
    if (part) children.push(part.replace(/ /g, "\u00a0").replace(/\//g, "/\u2060"));
  });
  return new TextRun({ children, font: FONT, size: (opts.size ?? SIZE.body) * PT, bold: opts.bold ?? false, italics: opts.italics ?? false });
}

function centered(children: ParagraphChild[], opts: { after?: number; before?: number } = {}): Paragraph {
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

const BODY_SPACING = { before: 120, after: 0, line: 312 }; // 6 pt between paragraphs, 1.3 lines

function body(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(12.7) }, spacing: BODY_SPACING, children });
}

/** A dotted line to the right margin, for what the handler writes by hand. */
const DOTTED = { tabStops: [{ type: TabStopType.RIGHT, position: mm(TEXT_WIDTH), leader: LeaderType.DOT }] };

function tab(): TextRun {
  return new TextRun({ children: [new Tab()], font: FONT, size: SIZE.body * PT });
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

function upper(s: string): string {
  return s.toLocaleUpperCase("vi");
}

export async function apologySlipDocx(data: ApologySlipData): Promise<Buffer> {
  const parent = agencyName(data.parentAgency, false);
  const agency = agencyName(data.agency, true);
  // Two rows, so that the number and the place and date share a line whatever the names' lengths.
  const heading = twoColumns([
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
      [centered([run("Số: ………", { size: SIZE.number })], { before: 160 })],
      [centered([run(`${data.place}, ${vnLongDate(data.issueDate)}`, { size: SIZE.date, italics: true })], { before: 160 })],
    ],
  ]);

  const name = data.agency;
  const reason = data.reason
    ? [body([run(`Tuy nhiên, ${name} chưa thể trả kết quả giải quyết hồ sơ đúng thời hạn nêu trên. Lý do: `), run(ensureStop(data.reason))])]
    : [
        // The dots are a tab's leader to the right margin, on that line and one more: they
        // end at the margin and never wrap (a string of dots would, and stretch the line before).
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: mm(12.7) },
          spacing: BODY_SPACING,
          ...DOTTED,
          children: [run(`Tuy nhiên, ${name} chưa thể trả kết quả giải quyết hồ sơ đúng thời hạn nêu trên. Lý do: `), tab()],
        }),
        new Paragraph({ spacing: BODY_SPACING, ...DOTTED, children: [tab()] }),
      ];
  const paragraphs = [
    new Paragraph({ spacing: { before: 360 }, children: [] }),
    centered([run("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", { bold: true })], { after: 240 }),
    centered([run("Kính gửi: "), run(data.applicant)], { after: 120 }),
    body([
      run(`${capitalise(vnLongDate(data.receivedDate))}, ${name} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính: `),
      run(data.procedureName),
      run("; mã hồ sơ: "),
      unbroken(data.code, { bold: true }),
      run(`; của ${data.applicant}.`),
    ]),
    body([run(`Thời hạn trả kết quả giải quyết hồ sơ theo giấy hẹn: ${vnLongDate(data.dueDate)}.`)]),
    ...reason,
    body([
      run(`Sự chậm trễ này đã gây phiền hà cho Ông/Bà/Tổ chức. ${name} xin lỗi Ông/Bà/Tổ chức và hẹn lại ngày trả kết quả giải quyết hồ sơ vào `),
      run(`${vnLongDate(data.newDate)}.`, { bold: true }),
    ]),
    body([run("Xin trân trọng cảm ơn!")]),
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    twoColumns([
      [
        [
          new Paragraph({ children: [run("Nơi nhận:", { size: SIZE.recipientsLabel, bold: true, italics: true })] }),
          new Paragraph({ children: [run("- Như trên;", { size: SIZE.recipients })] }),
          new Paragraph({ children: [run(`- Lưu: VT${data.unitShortName ? `, ${data.unitShortName}` : ""}.`, { size: SIZE.recipients })] }),
        ],
        [
          centered([run("THỦ TRƯỞNG CƠ QUAN", { bold: true })]),
          centered([run("(Ký, ghi rõ họ tên và đóng dấu)", { italics: true })]),
          // Room for the signature and the seal.
          ...[0, 1, 2, 3].map(() => new Paragraph({ children: [run("")] })),
        ],
      ],
    ]),
  ];

  const doc = new Document({
    creator: data.agency,
    title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả — hồ sơ ${data.code}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body * PT } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(PAGE.width), height: mm(PAGE.height) },
            margin: { top: mm(PAGE.top), bottom: mm(PAGE.bottom), left: mm(PAGE.left), right: mm(PAGE.right) },
          },
        },
        children: [heading, ...paragraphs],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

function ensureStop(s: string): string {
  return /[.!?…]$/.test(s) ? s : `${s}.`;
}

/** A file name Telegram and Windows both accept. */
export function apologySlipFileName(code: string): string {
  return `phieu-xin-loi-${code.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "ho-so"}.docx`;
}
