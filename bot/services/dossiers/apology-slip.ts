// The draft "Phiếu xin lỗi và hẹn lại ngày trả kết quả" as a Word document, laid out as a
// Vietnamese administrative document (Decree 30/2020/NĐ-CP): issuing agency and national
// heading side by side, number, place and date, title, body, recipients and signature block;
// A4, Times New Roman. The handler checks it, fills in what is left blank, and has it signed.
import { AlignmentType, LeaderType, NoBreakHyphen, Paragraph, Tab, TabStopType, TextRun } from "docx";
import type { IsoDate } from "../calendar/index.js";
import {
  adminDocument,
  adminHeading,
  BODY_SPACING,
  body,
  centered,
  FONT,
  mm,
  PT,
  recipientsAndSignature,
  type RunStyle,
  run,
  SIZE,
  TEXT_WIDTH,
  vnLongDate,
} from "../documents/admin-document.js";

export { vnLongDate };

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

/** A dotted line to the right margin, for what the handler writes by hand. */
const DOTTED = { tabStops: [{ type: TabStopType.RIGHT, position: mm(TEXT_WIDTH), leader: LeaderType.DOT }] };

function tab(): TextRun {
  return new TextRun({ children: [new Tab()], font: FONT, size: SIZE.body * PT });
}

export async function apologySlipDocx(data: ApologySlipData): Promise<Buffer> {
  const heading = adminHeading({ parentAgency: data.parentAgency, agency: data.agency, number: "Số: ………", place: data.place, date: data.issueDate });

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
    recipientsAndSignature(["- Như trên;", `- Lưu: VT${data.unitShortName ? `, ${data.unitShortName}` : ""}.`], ["THỦ TRƯỞNG CƠ QUAN"]),
  ];
  return adminDocument({ creator: data.agency, title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả — hồ sơ ${data.code}` }, [heading, ...paragraphs]);
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
