// Recording a progress report: every check on the server, history never overwritten (each
// report is a new row), and the reporter's unit head told through the outbox in the same
// transaction, once per report.
import { durably } from "../db/durable.js";
import { A } from "../chat/actions.js";
import type { i18n as I18n } from "i18next";
import type { Db } from "../db/client.js";
import { type DbOrTx, enqueue } from "../delivery/outbox.js";
import { isLocale, type Locale, translator } from "../i18n.js";
import { cleanText, shorten } from "./text.js";
import { canReportOnTask, linksInclude, type TaskRefusal, type Viewer } from "./tasks/access.js";
import { baselineReport, type LatestReport, loadProgress, NO_PROGRESS } from "./tasks/progress-state.js";
import { charLength } from "./safe-text.js";

export const NOTE_MAX_LENGTH = 1000;
export const PERCENT_CHOICES = [25, 50, 75, 100] as const;

export type PercentParse = { ok: true; percent: number } | { ok: false; reason: "not_number" | "not_integer" | "out_of_range" };

/** What people type for a percentage: "75", "75%", "75 %". Whole numbers from 0 to 100. */
export function parsePercentText(text: string): PercentParse {
  const m = /^([+-]?\d+(?:[.,]\d+)?)\s*%?$/.exec(text.trim());
  if (!m) return { ok: false, reason: "not_number" };
  const n = Number(m[1]!.replace(",", "."));
  if (!Number.isInteger(n)) return { ok: false, reason: "not_integer" };
  if (n < 0 || n > 100) return { ok: false, reason: "out_of_range" };
  return { ok: true, percent: n };
}

export interface ReportFile {
  fileId: string;
  kind: "document" | "photo";
  fileName: string | null;
}

export interface ReportInput {
  taskId: number;
  percent: number;
  note?: string | null;
  file?: ReportFile | null;
  /**
   * The report the author saw when they confirmed a lower percentage: the lower value is
   * saved only while that report is still the one it is compared with.
   */
  confirmedLowerThan?: number | null;
  source?: string;
}

export type ReportRefusal =
  | { reason: TaskRefusal }
  | { reason: "percent_invalid" }
  | { reason: "note_too_long"; length: number }
  | { reason: "lower"; previous: LatestReport };

export type ReportCheck =
  | { ok: true; task: { id: number; code: string; title: string }; previous: LatestReport | null; note: string | null }
  | ({ ok: false } & ReportRefusal);

/** Every rule a report must pass, against the database as it is now. Writes nothing. */
export async function checkReport(db: DbOrTx, viewer: Viewer, input: ReportInput): Promise<ReportCheck> {
  const task = Number.isSafeInteger(input.taskId) ? await db.task.findUnique({ where: { id: input.taskId }, include: linksInclude }) : null;
  if (!task) return { ok: false, reason: "not_found" };
  if (!canReportOnTask(task, viewer)) return { ok: false, reason: "forbidden" };
  if (task.status !== "open") return { ok: false, reason: "closed" };
  if (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100) return { ok: false, reason: "percent_invalid" };
  const note = input.note ? cleanNote(input.note) : null;
  if (note && charLength(note) > NOTE_MAX_LENGTH) return { ok: false, reason: "note_too_long", length: charLength(note) };
  const progress = (await loadProgress(db, [task.id])).get(task.id) ?? NO_PROGRESS;
  const previous = baselineReport(task, progress, viewer.unitId);
  if (previous && input.percent < previous.percent && input.confirmedLowerThan !== previous.id) return { ok: false, reason: "lower", previous };
  return { ok: true, task: { id: task.id, code: task.code, title: task.title }, previous, note: note || null };
}

/** Notes keep their line breaks; spaces within lines are collapsed. */
export function cleanNote(text: string): string {
  return text
    .normalize("NFC")
    .split(/\r?\n/)
    .map((l) => cleanText(l))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export interface ReportDeps {
  db: Db;
  i18n: I18n;
  config: { timezone: string; defaultLocale: Locale };
}

export type RecordResult =
  | { ok: true; reportId: number; task: { id: number; code: string; title: string }; previous: LatestReport | null; headsTold: number }
  | ({ ok: false } & ReportRefusal);

/** Saves a report after checking it again (the state may have changed since the user began). */
export async function recordReport(deps: ReportDeps, viewer: Viewer, input: ReportInput, now: Date): Promise<RecordResult> {
  const { db } = deps;
  // The person is told the report is saved: it must survive a power cut too.
  return durably(db, () => db.$transaction(async (tx) => {
    const check = await checkReport(tx, viewer, input);
    if (!check.ok) return check;
    const report = await tx.progressReport.create({
      data: {
        taskId: check.task.id,
        staffId: viewer.staffId,
        unitId: viewer.unitId,
        percent: input.percent,
        note: check.note,
        fileId: input.file?.fileId ?? null,
        fileKind: input.file?.kind ?? null,
        fileName: input.file?.fileName ?? null,
        source: input.source ?? "telegram",
        createdAt: now,
      },
    });
    const headsTold = await tellUnitHeads(tx, deps, viewer, { ...check, reportId: report.id, percent: input.percent, file: input.file ?? null }, now);
    return { ok: true, reportId: report.id, task: check.task, previous: check.previous, headsTold };
  }));
}

async function tellUnitHeads(
  tx: DbOrTx,
  deps: ReportDeps,
  viewer: Viewer,
  r: { reportId: number; task: { id: number; code: string; title: string }; percent: number; previous: LatestReport | null; note: string | null; file: ReportFile | null },
  now: Date,
): Promise<number> {
  const heads = await tx.staff.findMany({
    where: { unitId: viewer.unitId, role: "truong_phong", active: true, id: { not: viewer.staffId } },
    select: { id: true, locale: true },
  });
  if (heads.length === 0) return 0;
  const author = await tx.staff.findUniqueOrThrow({ where: { id: viewer.staffId }, select: { fullName: true } });
  let told = 0;
  for (const head of heads) {
    const locale: Locale = isLocale(head.locale) ? head.locale : deps.config.defaultLocale;
    const t = translator(deps.i18n, locale);
    const lines = [
      t("report.notify.title", { name: author.fullName, code: r.task.code, title: r.task.title }),
      r.previous ? t("report.notify.percentChange", { percent: r.percent, previous: r.previous.percent }) : t("report.notify.percent", { percent: r.percent }),
    ];
    if (r.note) lines.push(t("report.notify.note", { note: shorten(r.note, 600) }));
    if (r.file) lines.push(r.file.fileName ? t("report.notify.file", { name: r.file.fileName }) : t("report.notify.photo"));
    const res = await enqueue(
      tx,
      {
        dedupKey: `report:${r.reportId}:head:${head.id}`,
        kind: "notify",
        staffId: head.id,
        payload: { text: lines.join("\n"), buttons: [[{ text: t("report.notify.open"), data: A.tasks.detail.build({ id: r.task.id }) }]] },
        refType: "task",
        refId: r.task.id,
      },
      { now, timeZone: deps.config.timezone },
    );
    if (res.status === "queued") told++;
  }
  return told;
}
