// The department's compiled report on a period as a Word document in the administrative format
// of Decree 30/2020 (bot/services/documents/admin-document.ts): agency and national heading,
// "Số: …/BC-SKHCN" left for the clerk, place and date, the title, then the sections the plan
// asks for — results per task group and unit, one-stop dossiers, online public services,
// information security, human resources, difficulties, proposals — with the units' own texts
// in their sections, and the recipients beside the signature block. Editable: plain paragraphs
// and tables, no fields or text boxes.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from "docx";
import { toLocalDate } from "../calendar/index.js";
import { severityLabel } from "../alerts/render.js";
import { formatDate, formatDateOf } from "../date-text.js";
import {
  adminDocument,
  adminHeading,
  BODY_SPACING,
  body,
  centered,
  mm,
  recipientsAndSignature,
  run,
} from "../documents/admin-document.js";
import { zoneOffsetMinutes } from "../time.js";
import { percentText } from "./percent-text.js";
import type { Translate } from "../../i18n.js";
import type { CompiledReport, UnitSection } from "./compile.js";
import type { DossierFigures } from "./figures.js";
import type { Period } from "./periods.js";
import type { TaskLine } from "./task-lines.js";
import type { TextField } from "./submissions.js";

/** "quý I năm 2027", "6 tháng đầu năm 2027", "quý III năm 2027", "năm 2027". */
export function periodPhrase(p: Period): string {
  switch (p.code) {
    case "q1":
      return `quý I năm ${p.year}`;
    case "h1":
      return `6 tháng đầu năm ${p.year}`;
    case "q3":
      return `quý III năm ${p.year}`;
    case "year":
      return `năm ${p.year}`;
  }
}


/** The report's groups of tasks: sections of their own take the plan's III.4.2, III.5 and III.6. */
export type TaskGroupKind = "general" | "online" | "security" | "people";
export function taskGroupOf(section: string): TaskGroupKind {
  if (section === "III.4.2" || section.startsWith("III.4.2.")) return "online";
  if (section === "III.5" || section.startsWith("III.5.")) return "security";
  if (section === "III.6" || section.startsWith("III.6.")) return "people";
  return "general";
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(12.7) },
    spacing: { ...BODY_SPACING, before: level === 1 ? 240 : 160 },
    keepNext: true,
    children: [run(text, { bold: true, italics: level === 2 })],
  });
}

function bullet(text: string): Paragraph {
  return body([run(`- ${text}`)]);
}

/** Each unit's text, under its name; the unit's line breaks kept as paragraphs. */
function unitTexts(units: readonly UnitSection[], field: TextField, none: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const u of units) {
    const text = u.submission?.texts[field];
    if (!text) continue;
    const [first, ...rest] = text.split("\n").filter((l) => l.trim());
    out.push(body([run(`- ${u.unit.name}: `, { bold: true }), run(first ?? "")]));
    for (const line of rest) out.push(body([run(line)]));
  }
  return out.length ? out : [body([run(none, { italics: true })])];
}

function taskProgressText(t: TaskLine): string {
  if (t.closed) return "đã hoàn thành (đã đóng)";
  if (t.percent === null) return "chưa báo cáo tiến độ";
  return `${t.percent}%`;
}

/** Per group of the plan, each task and what each unit reported on it. */
function taskParagraphs(r: CompiledReport, kind: TaskGroupKind): Paragraph[] {
  const byTask = new Map<string, { line: TaskLine; units: { name: string; line: TaskLine }[] }>();
  for (const u of r.units) {
    for (const t of u.tasks) {
      if (taskGroupOf(t.section) !== kind) continue;
      let e = byTask.get(t.code);
      if (!e) byTask.set(t.code, (e = { line: t, units: [] }));
      e.units.push({ name: u.unit.shortName ?? u.unit.name, line: t });
    }
  }
  const tasks = [...byTask.values()].sort((a, b) => (a.line.sortKey < b.line.sortKey ? -1 : a.line.sortKey > b.line.sortKey ? 1 : 0));
  const out: Paragraph[] = [];
  let group: string | null = null;
  for (const { line, units } of tasks) {
    const title = line.sectionTitle ?? line.section;
    if (kind === "general" && title !== group) {
      out.push(heading(line.sectionTitle ? `${line.section}. ${title}` : title, 2));
      group = title;
    }
    out.push(body([run(`${line.code} — ${line.title}`, { bold: true })]));
    for (const u of units) {
      const note = u.line.note ? `; ${u.line.note}` : "";
      out.push(bullet(`${u.name} (${u.line.role === "lead" ? "chủ trì" : "phối hợp"}): ${taskProgressText(u.line)}${note}.`));
    }
  }
  return out.length ? out : [body([run("Không có nhiệm vụ của nhóm này trong kỳ.", { italics: true })])];
}

const TABLE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

/** A small bordered table (the dossiers per unit), its header bold. */
function table(widths: number[], header: string[], rows: string[][]): Table {
  const cellOf = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: mm(widths[i]!), type: WidthType.DXA },
      margins: { left: mm(1), right: mm(1), top: mm(0.5), bottom: mm(0.5) },
      borders: { top: TABLE_BORDER, bottom: TABLE_BORDER, left: TABLE_BORDER, right: TABLE_BORDER },
      children: [new Paragraph({ alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(text, { bold, size: 12 })] })],
    });
  return new Table({
    width: { size: mm(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cellOf(h, i, true)) }),
      ...rows.map((row, ri) => new TableRow({ cantSplit: true, children: row.map((c, i) => cellOf(c, i, ri === rows.length - 1)) })),
    ],
  });
}

export function periodReportFileName(p: Period, ext: "docx" | "xlsx"): string {
  return `bao-cao-${p.key}.${ext}`;
}

export async function periodReportDocx(r: CompiledReport, t: Translate): Promise<Buffer> {
  const tz = r.timeZone;
  const today = toLocalDate(r.generatedAt, zoneOffsetMinutes(tz, r.generatedAt));
  const phrase = periodPhrase(r.period);
  const asOfText = formatDateOf(r.asOf, tz);
  const d = r.department;
  const submitted = r.units.filter((u) => u.submission);
  const missing = r.units.filter((u) => !u.submission);
  const name = r.agency.name;

  const dossierRow = (label: string, f: DossierFigures) => [
    label,
    ...[f.received, f.handled, f.handledOnTime, f.handledLate, f.pending].map(String),
    percentText(f.onTimeRate) ?? "—",
  ];
  const dossierRows = [...r.units.map((u) => dossierRow(u.unit.shortName ?? u.unit.name, u.figures.dossiers)), dossierRow("Toàn Sở", d.dossiers)];
  const onTime = percentText(d.dossiers.onTimeRate);
  const readRate = percentText(d.alerts.readRate);
  const quizRate = percentText(d.tips.correctRate);

  const children = [
    adminHeading({ parentAgency: r.agency.parentName, agency: name, number: "Số:        /BC-SKHCN", place: r.agency.place, date: today }),
    new Paragraph({ spacing: { before: 360 }, children: [] }),
    centered([run("BÁO CÁO", { bold: true })]),
    centered(
      [run(`Kết quả triển khai ứng dụng công nghệ thông tin, phát triển chính quyền số và bảo đảm an toàn thông tin mạng ${phrase}`, { bold: true })],
      { after: 240 },
    ),
    body([
      run(
        `Thực hiện Kế hoạch triển khai ứng dụng công nghệ thông tin trong hoạt động, phát triển chính quyền số và bảo đảm an toàn thông tin mạng của ${name}, ` +
          `${name} báo cáo kết quả thực hiện ${phrase} (số liệu tính đến ngày ${asOfText}; kỳ báo cáo từ ${formatDate(r.period.from)} đến ${formatDate(r.period.to)}) như sau:`,
      ),
    ]),
    heading("I. KẾT QUẢ THỰC HIỆN", 1),
    heading("1. Kết quả thực hiện các nhiệm vụ theo nhóm và theo đơn vị", 1),
    body([
      run(
        `Tổng số nhiệm vụ: ${d.tasks.total}; đã hoàn thành: ${d.tasks.done}; đang thực hiện: ${d.tasks.inProgress}; chưa triển khai: ${d.tasks.notStarted}; quá hạn: ${d.tasks.overdue}` +
          (d.tasks.completionRate !== null ? ` (tỷ lệ hoàn thành ${percentText(d.tasks.completionRate)}).` : "."),
      ),
    ]),
    body([
      run(`Số phòng, đơn vị đã gửi báo cáo: ${submitted.length}/${r.units.length}`),
      run(missing.length ? `; chưa gửi: ${missing.map((u) => u.unit.name).join(", ")}.` : "."),
    ]),
    ...taskParagraphs(r, "general"),
    heading("Kết quả khác của các phòng, đơn vị", 2),
    ...unitTexts(r.units, "results", "Các phòng, đơn vị không báo cáo thêm kết quả khác."),
    heading("2. Giải quyết hồ sơ thủ tục hành chính theo cơ chế một cửa", 1),
    body([
      run(
        `Trong kỳ, ${name} tiếp nhận ${d.dossiers.received} hồ sơ; đã giải quyết ${d.dossiers.handled} hồ sơ, trong đó đúng hạn ${d.dossiers.handledOnTime}, trễ hạn ${d.dossiers.handledLate}` +
          (onTime ? ` (tỷ lệ đúng hạn ${onTime})` : "") +
          `; đang giải quyết ${d.dossiers.pending} hồ sơ, trong đó quá hạn ${d.dossiers.overdue}.`,
      ),
    ]),
    table([45, 20, 20, 20, 20, 20, 20], ["Đơn vị", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Trễ hạn", "Đang giải quyết", "Tỷ lệ đúng hạn"], dossierRows),
    heading("3. Cung cấp dịch vụ công trực tuyến, ứng dụng CNTT phục vụ người dân và doanh nghiệp", 1),
    ...taskParagraphs(r, "online"),
    heading("4. Bảo đảm an toàn thông tin", 1),
    body([
      run(
        `Trong kỳ, Văn phòng Sở gửi ${d.alerts.alerts} cảnh báo an toàn thông tin đến ${d.alerts.recipients} lượt người nhận; đã xác nhận đọc ${d.alerts.read}` +
          (readRate ? ` (tỷ lệ ${readRate})` : "") +
          `; kết quả khắc phục: đã xử lý ${d.alerts.remediationHandled}/${d.alerts.remediationTotal} máy.`,
      ),
    ]),
    ...r.alerts.map((a) =>
      bullet(
        `Cảnh báo số ${a.id} (${severityLabel(t, a.severity)}, ${formatDateOf(a.sentAt, tz)}): ${a.title} — đã đọc ${a.read}/${a.recipients}` +
          (a.requireRemediation ? `; khắc phục ${a.remediationHandled}/${a.remediationTotal} máy (${a.remediationUnits} đơn vị báo cáo).` : "."),
      ),
    ),
    body([
      run(
        `Tuyên truyền, nâng cao nhận thức: đã gửi ${d.tips.tipsSent} lượt mẹo an toàn thông tin; ${d.tips.participants} cán bộ tham gia trả lời ${d.tips.quizAnswers} câu hỏi nhanh` +
          (quizRate ? ` (trả lời đúng ${quizRate}).` : "."),
      ),
    ]),
    ...taskParagraphs(r, "security"),
    heading("5. Phát triển nguồn nhân lực", 1),
    ...taskParagraphs(r, "people"),
    heading("II. KHÓ KHĂN, VƯỚNG MẮC", 1),
    ...unitTexts(r.units, "difficulties", "Các phòng, đơn vị không báo cáo khó khăn, vướng mắc."),
    heading("III. ĐỀ XUẤT, KIẾN NGHỊ", 1),
    ...unitTexts(r.units, "proposals", "Các phòng, đơn vị không có đề xuất, kiến nghị."),
    body([run(`Trên đây là báo cáo kết quả thực hiện ${phrase} của ${name}./.`)]),
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    recipientsAndSignature(["- Sở Thông tin và Truyền thông;", "- GĐ, các PGĐ Sở;", "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP."], ["GIÁM ĐỐC"]),
  ];
  return adminDocument({ creator: name, title: `Báo cáo ${phrase}` }, children);
}
