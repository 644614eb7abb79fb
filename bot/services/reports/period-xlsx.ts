// The compiled report's figures as a workbook for the office to sort, filter and paste from:
// one sheet per topic (tasks, dossiers, alerts, tips and quizzes, units' submissions), headers
// in Vietnamese, numbers and dates as real number and date cells (never text), header rows
// frozen. Dates are the local calendar day (Asia/Ho_Chi_Minh): Excel has no time zones, so a
// cell holds the day as a person in the office reads it.
import type ExcelJS from "exceljs";
import { severityLabel } from "../alerts/render.js";
import { localParts } from "../time.js";
import type { Translate } from "../../i18n.js";
import type { CompiledReport } from "./compile.js";
import type { DossierFigures, TipFigures } from "./figures.js";
import { excelJs } from "../documents/libraries.js";

/** The local day of an instant as an Excel date (exceljs writes a Date's UTC wall clock). */
function dayCell(at: Date, timeZone: string): Date {
  return new Date(`${localParts(at, timeZone).date}T00:00:00Z`);
}

function isoDayCell(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const DATE_FMT = "dd/mm/yyyy";
const RATE_FMT = "0.0%";

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: (string | number | Date | null)[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: "middle", wrapText: true };
  for (const r of rows) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

function dossierRow(label: string, f: DossierFigures): (string | number | null)[] {
  return [label, f.received, f.handled, f.handledOnTime, f.handledLate, f.pending, f.overdue, f.onTimeRate];
}

function tipRow(label: string, f: TipFigures): (string | number | null)[] {
  return [label, f.tipsSent, f.quizAnswers, f.participants, f.correctRate];
}

export async function periodReportXlsx(r: CompiledReport, t: Translate): Promise<Buffer> {
  const tz = r.timeZone;
  const wb = new (await excelJs()).Workbook();
  wb.creator = r.agency.name;
  wb.created = r.generatedAt;
  const unitName = (u: { shortName: string | null; name: string }) => u.shortName ?? u.name;

  sheet(
    wb,
    "Nhiệm vụ",
    [
      { header: "Đơn vị", width: 18 },
      { header: "Mã nhiệm vụ", width: 12 },
      { header: "Nhóm nhiệm vụ", width: 30 },
      { header: "Nhiệm vụ", width: 50 },
      { header: "Vai trò", width: 10 },
      { header: "Hạn", width: 12, numFmt: DATE_FMT },
      { header: "Tiến độ (%)", width: 11, numFmt: "0" },
      { header: "Ngày báo cáo gần nhất", width: 14, numFmt: DATE_FMT },
      { header: "Ghi chú gần nhất", width: 50 },
      { header: "Đã đóng", width: 9 },
    ],
    r.units.flatMap((u) =>
      u.tasks.map((l) => [
        unitName(u.unit),
        l.code,
        l.sectionTitle ?? l.section,
        l.title,
        l.role === "lead" ? "Chủ trì" : "Phối hợp",
        l.dueDate ? isoDayCell(l.dueDate) : null,
        l.percent,
        l.reportedAt ? dayCell(l.reportedAt, tz) : null,
        l.note,
        l.closed ? "Có" : "Không",
      ]),
    ),
  );

  sheet(
    wb,
    "Hồ sơ TTHC",
    [
      { header: "Đơn vị", width: 22 },
      { header: "Tiếp nhận", width: 11, numFmt: "0" },
      { header: "Đã giải quyết", width: 13, numFmt: "0" },
      { header: "Đúng hạn", width: 11, numFmt: "0" },
      { header: "Trễ hạn", width: 11, numFmt: "0" },
      { header: "Đang giải quyết", width: 14, numFmt: "0" },
      { header: "Quá hạn", width: 11, numFmt: "0" },
      { header: "Tỷ lệ đúng hạn", width: 14, numFmt: RATE_FMT },
    ],
    [...r.units.map((u) => dossierRow(unitName(u.unit), u.figures.dossiers)), dossierRow("Toàn Sở", r.department.dossiers)],
  );

  sheet(
    wb,
    "Cảnh báo ATTT",
    [
      { header: "Số", width: 7, numFmt: "0" },
      { header: "Mức độ", width: 14 },
      { header: "Tiêu đề", width: 50 },
      { header: "Ngày gửi", width: 12, numFmt: DATE_FMT },
      { header: "Người nhận", width: 11, numFmt: "0" },
      { header: "Đã xác nhận đọc", width: 14, numFmt: "0" },
      { header: "Tỷ lệ đọc", width: 11, numFmt: RATE_FMT },
      { header: "Yêu cầu khắc phục", width: 12 },
      { header: "Đơn vị đã báo cáo khắc phục", width: 16, numFmt: "0" },
      { header: "Số máy đã xử lý", width: 13, numFmt: "0" },
      { header: "Tổng số máy", width: 12, numFmt: "0" },
    ],
    r.alerts.map((a) => [
      a.id,
      severityLabel(t, a.severity),
      a.title,
      dayCell(a.sentAt, tz),
      a.recipients,
      a.read,
      a.recipients > 0 ? a.read / a.recipients : null,
      a.requireRemediation ? "Có" : "Không",
      a.remediationUnits,
      a.remediationHandled,
      a.remediationTotal,
    ]),
  );

  sheet(
    wb,
    "Mẹo và trắc nghiệm",
    [
      { header: "Đơn vị", width: 22 },
      { header: "Mẹo ATTT đã gửi", width: 14, numFmt: "0" },
      { header: "Lượt trả lời trắc nghiệm", width: 16, numFmt: "0" },
      { header: "Người tham gia", width: 14, numFmt: "0" },
      { header: "Tỷ lệ trả lời đúng", width: 14, numFmt: RATE_FMT },
    ],
    [...r.units.map((u) => tipRow(unitName(u.unit), u.figures.tips)), tipRow("Toàn Sở", r.department.tips)],
  );

  sheet(
    wb,
    "Báo cáo đơn vị",
    [
      { header: "Đơn vị", width: 22 },
      { header: "Đã nộp", width: 9 },
      { header: "Phiên bản", width: 10, numFmt: "0" },
      { header: "Ngày nộp", width: 12, numFmt: DATE_FMT },
      { header: "Người nộp", width: 22 },
      { header: "Kết quả khác", width: 45 },
      { header: "Khó khăn, vướng mắc", width: 45 },
      { header: "Đề xuất, kiến nghị", width: 45 },
    ],
    r.units.map((u) => {
      const s = u.submission;
      return [
        unitName(u.unit),
        s ? "Có" : "Chưa",
        s?.version ?? null,
        s ? dayCell(s.submittedAt, tz) : null,
        s?.submittedBy ?? null,
        s?.texts.results ?? null,
        s?.texts.difficulties ?? null,
        s?.texts.proposals ?? null,
      ];
    }),
  );

  // exceljs' typings predate Node's generic Buffer; the runtime gives one.
  return Buffer.from(await wb.xlsx.writeBuffer());
}
