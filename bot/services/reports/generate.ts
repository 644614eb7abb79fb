// The department's report on a period, generated on request (/baocaoky, `cli report`): the
// .docx and the .xlsx, and, when an earlier report on the period had other figures, which ones
// changed. Each generation is recorded with its figures and their fingerprint.
import type { Db } from "../../db/client.js";
import type { Translate } from "../../i18n.js";
import { audit } from "../audit.js";
import { type CompiledReport, compileReport } from "./compile.js";
import { changedFigures, type FigureChange, parseEntries } from "./figure-changes.js";
import type { Period } from "./periods.js";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface ReportFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export interface GeneratedPeriodReport {
  report: CompiledReport;
  docx: ReportFile;
  xlsx: ReportFile;
  /** When the period's report was made before: its date and the figures that differ now (none: the same numbers). */
  previous: { at: Date; changes: FigureChange[] } | null;
}

/**
 * Compiles and renders the period's report. `t` is the document's language (Vietnamese, the
 * department's documents); who asked is in the audit log (the caller checked their role).
 */
export async function generatePeriodReport(
  db: Db,
  period: Period,
  ctx: { now: Date; timeZone: string; actor: string; actorStaffId: number | null; t: Translate },
): Promise<GeneratedPeriodReport> {
  const report = await compileReport(db, period, ctx.now, ctx.timeZone);
  // The document writers are loaded on the first report, not at start (the process's memory, issue 11).
  const [{ periodReportDocx, periodReportFileName }, { periodReportXlsx }] = await Promise.all([import("./period-docx.js"), import("./period-xlsx.js")]);
  const [docx, xlsx] = await Promise.all([periodReportDocx(report, ctx.t), periodReportXlsx(report, ctx.t)]);
  const last = await db.generatedReport.findFirst({ where: { periodKey: period.key }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const previous = last
    ? { at: last.createdAt, changes: last.fingerprint === report.fingerprint ? [] : changedFigures(parseEntries(last.figures), report.entries) }
    : null;
  await db.$transaction(async (tx) => {
    await tx.generatedReport.create({
      data: { periodKey: period.key, fingerprint: report.fingerprint, figures: JSON.stringify(report.entries), createdAt: ctx.now, createdBy: ctx.actor },
    });
    await audit(tx, { actor: ctx.actor, actorStaffId: ctx.actorStaffId, action: "report.generate", target: period.key, details: { fingerprint: report.fingerprint.slice(0, 12) }, at: ctx.now });
  });
  return {
    report,
    docx: { fileName: periodReportFileName(period, "docx"), mimeType: DOCX_MIME, bytes: docx },
    xlsx: { fileName: periodReportFileName(period, "xlsx"), mimeType: XLSX_MIME, bytes: xlsx },
    previous,
  };
}
