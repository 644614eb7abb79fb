// The draft "Phiếu xin lỗi và hẹn lại ngày trả kết quả" as a Word document, laid out as a
// Vietnamese administrative document (Decree 30/2020/NĐ-CP): issuing agency and national
// heading side by side, number, place and date, title, body, recipients and signature block;
// A4, Times New Roman. The handler checks it, fills in what is left blank, and has it signed.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableRow,
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
const DOTS = "…".repeat(60);

/** "ngày 05 tháng 02 năm 2026": days below 10 and months 1–2 take a leading zero (Decree 30). */
export function vnLongDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  const d = day < 10 ? `0${day}` : String(day);
  const m = month <= 2 ? `0${month}` : String(month);
  return `ngày ${d} tháng ${m} năm ${year}`;
}

function run(text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: (opts.size ?? 14) * PT, bold: opts.bold ?? false, italics: opts.italics ?? false });
}

function centered(children: ParagraphChild[], opts: { after?: number; line?: { indent: number } } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: opts.after ?? 0 },
    children,
    // The short rule under the agency name and the motto: a bottom border narrowed by indents.
    ...(opts.line
      ? {
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
          indent: { left: opts.line.indent, right: opts.line.indent },
        }
      : {}),
  });
}

function body(children: ParagraphChild[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(12.7) },
    spacing: { before: 120, after: 0, line: 312 },
    children,
  });
}

function cell(children: Paragraph[], widthPercent: number): TableCell {
  return new TableCell({ children, width: { size: widthPercent, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE });
}

/** Two blocks side by side without borders (the heading, the recipients and signature). */
function sideBySide(left: TableCell, right: TableCell): Table {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE, rows: [new TableRow({ children: [left, right] })] });
}

function upper(s: string): string {
  return s.toLocaleUpperCase("vi");
}

export async function apologySlipDocx(data: ApologySlipData): Promise<Buffer> {
  const heading = sideBySide(
    cell(
      [
        centered([run(upper(data.parentAgency), { size: 13 })]),
        // Under the agency's name a rule of a third to a half of its length.
        centered([run(upper(data.agency), { size: 13, bold: true })], { line: { indent: convertMillimetersToTwip(20) } }),
        new Paragraph({ spacing: { before: 120 }, alignment: AlignmentType.CENTER, children: [run("Số: ………", { size: 13 })] }),
      ],
      40,
    ),
    cell(
      [
        centered([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 13, bold: true })]),
        // Under the motto a rule as long as the motto.
        centered([run("Độc lập - Tự do - Hạnh phúc", { size: 14, bold: true })], { line: { indent: convertMillimetersToTwip(14) } }),
        new Paragraph({ spacing: { before: 120 }, alignment: AlignmentType.CENTER, children: [run(`${data.place}, ${vnLongDate(data.issueDate)}`, { italics: true })] }),
      ],
      60,
    ),
  );

  const agency = data.agency;
  const paragraphs = [
    new Paragraph({ spacing: { before: 360 }, children: [] }),
    centered([run("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", { bold: true })], { after: 240 }),
    centered([run("Kính gửi: "), run(data.applicant)], { after: 240 }),
    body([
      run(`${capitalise(vnLongDate(data.receivedDate))}, ${agency} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính: `),
      run(data.procedureName),
      run("; mã hồ sơ: "),
      run(data.code, { bold: true }),
      run(`; của ${data.applicant}.`),
    ]),
    body([run(`Thời hạn trả kết quả giải quyết hồ sơ theo giấy hẹn: ${vnLongDate(data.dueDate)}.`)]),
    body([run(`Tuy nhiên, ${agency} chưa thể trả kết quả giải quyết hồ sơ đúng thời hạn nêu trên. Lý do: `), run(data.reason ? ensureStop(data.reason) : DOTS)]),
    body([
      run(`Sự chậm trễ này đã gây phiền hà cho Ông/Bà/Tổ chức. ${agency} xin lỗi Ông/Bà/Tổ chức và hẹn lại ngày trả kết quả giải quyết hồ sơ vào `),
      run(`${vnLongDate(data.newDate)}.`, { bold: true }),
    ]),
    body([run("Xin trân trọng cảm ơn!")]),
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    sideBySide(
      cell(
        [
          new Paragraph({ children: [run("Nơi nhận:", { size: 12, bold: true, italics: true })] }),
          new Paragraph({ children: [run("- Như trên;", { size: 11 })] }),
          new Paragraph({ children: [run(`- Lưu: VT${data.unitShortName ? `, ${data.unitShortName}` : ""}.`, { size: 11 })] }),
        ],
        45,
      ),
      cell(
        [
          centered([run("THỦ TRƯỞNG CƠ QUAN", { bold: true })]),
          centered([run("(Ký, ghi rõ họ tên và đóng dấu)", { italics: true })]),
        ],
        55,
      ),
    ),
  ];

  const doc = new Document({
    creator: data.agency,
    title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả — hồ sơ ${data.code}`,
    styles: { default: { document: { run: { font: FONT, size: 14 * PT } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
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
