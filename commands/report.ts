// /baocao: reporting progress on a plan task.
//   guided: pick a task → percentage (buttons or typed) → note (optional) → file or photo
//           (optional) → confirmation → saved;
//   one line: /baocao <mã nhiệm vụ> <phần trăm> <ghi chú> (a file may come with it, the
//           command then being its caption).
// The flow's state lives in the database (bot/services/flows.ts); a button only moves the
// flow on when the flow is at that button's step, and the task id always comes from the
// flow, never from the button, except for the task choice, which the service checks.
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import type { ReceivedFile, Turn } from "../bot/chat/turn.js";
import type { View } from "../bot/chat/view.js";
import { clearFlow, setFlow } from "../bot/services/flows.js";
import {
  checkReport,
  cleanNote,
  NOTE_MAX_LENGTH,
  parsePercentText,
  PERCENT_CHOICES,
  type PercentParse,
  recordReport,
  type ReportFile,
  type ReportRefusal,
} from "../bot/services/progress.js";
import { findTaskByCode, taskCodeById } from "../bot/services/tasks/codes.js";
import { LIST_PAGE_SIZE, reportPickerPage } from "../bot/services/tasks/format.js";
import type { LatestReport } from "../bot/services/tasks/progress-state.js";
import { listTasksPage } from "../bot/services/tasks/queries.js";
import { formatDateOf } from "../bot/services/date-text.js";
import { charLength } from "../bot/services/safe-text.js";
import { formatEnv, taskEnv, viewerOf } from "./task-context.js";

const FLOW = "baocao";

/** What the flow remembers between steps. */
interface ReportDraft {
  taskId: number;
  code: string;
  title: string;
  percent?: number;
  /** The report the user agreed to go below (see recordReport). */
  lowerThan?: number | null;
  /** A lower percentage waiting for its confirmation button, and the report it is lower than. */
  pendingLower?: { percent: number; reportId: number } | null;
  previous?: number | null;
  note?: string | null;
  file?: ReportFile | null;
}

type Step = "percent" | "note" | "file" | "confirm" | "lower";

function draftOf(turn: Turn): ReportDraft | null {
  const f = turn.flow;
  if (!f || f.flow !== FLOW) return null;
  const d = f.data as Partial<ReportDraft>;
  return typeof d.taskId === "number" && typeof d.code === "string" ? (d as ReportDraft) : null;
}

async function saveFlow(turn: Turn, step: Step, draft: ReportDraft) {
  await setFlow(turn.deps.db, turn.identity!.id, { flow: FLOW, step, data: { ...draft } }, turn.now);
  turn.flow = { flow: FLOW, step, data: { ...draft } };
}

async function endFlow(turn: Turn) {
  await clearFlow(turn.deps.db, turn.identity!.id);
  turn.flow = null;
}

/** "1.000" in Vietnamese, "1,000" in English. */
function num(turn: Turn, n: number): string {
  return n.toLocaleString(turn.locale === "vi" ? "vi-VN" : "en-GB");
}

function maxNote(turn: Turn): string {
  return num(turn, NOTE_MAX_LENGTH);
}

function refusalText(turn: Turn, r: ReportRefusal, code: string, percent?: number): string {
  switch (r.reason) {
    case "not_found":
      return turn.t("report.refusals.notFound");
    case "forbidden":
      return turn.t("report.refusals.forbidden", { code });
    case "closed":
      return turn.t("report.refusals.closed", { code });
    case "percent_invalid":
      return turn.t("report.refusals.outOfRange", { value: String(percent ?? "") });
    case "note_too_long":
      return turn.t("report.refusals.noteTooLong", { length: num(turn, r.length), max: maxNote(turn) });
    case "lower":
      return lowerText(turn, percent ?? 0, r.previous);
  }
}

function lowerText(turn: Turn, percent: number, previous: LatestReport): string {
  return turn.t("report.lower", { percent, previous: previous.percent, date: formatDateOf(previous.at, turn.deps.config.timezone) });
}

function percentProblem(turn: Turn, parsed: Exclude<PercentParse, { ok: true }>, value: string): string {
  if (parsed.reason === "not_number") return turn.t("report.refusals.notNumber", { value });
  if (parsed.reason === "not_integer") return turn.t("report.refusals.notInteger", { value });
  return turn.t("report.refusals.outOfRange", { value });
}

/** Tells the user about a refusal, as a button's answer or as a message. */
async function refuseWith(turn: Turn, text: string) {
  await turn.reply.notice(text, { alert: true });
}

// ---------------------------------------------------------------- steps

async function pickerPage(turn: Turn, page: number): Promise<View> {
  return reportPickerPage(formatEnv(turn), await listTasksPage(await taskEnv(turn), viewerOf(turn), page, LIST_PAGE_SIZE, { reportable: true }));
}

/** Starts the flow on a task the user may report on. */
async function startOnTask(turn: Turn, taskId: number, code: string) {
  // 100% is never lower than a report: this checks the task itself (exists, mine, open).
  const check = await checkReport(turn.deps.db, viewerOf(turn), { taskId, percent: 100 });
  if (!check.ok) return refuseWith(turn, refusalText(turn, check, code));
  const draft: ReportDraft = { taskId, code: check.task.code, title: check.task.title, previous: check.previous?.percent ?? null };
  await saveFlow(turn, "percent", draft);
  await askPercent(turn, draft);
}

async function askPercent(turn: Turn, d: ReportDraft) {
  const current = d.previous === null || d.previous === undefined ? turn.t("tasks.noReport") : `${d.previous}%`;
  await turn.reply.show({
      text: turn.t("report.askPercent", { code: d.code, title: d.title, current }),
      buttons: [PERCENT_CHOICES.map((p) => ({ text: `${p}%`, data: A.report.percent.build({ percent: p }) }))],
    });
}

/** A percentage chosen or typed: checked against the task and the last report. */
async function takePercent(turn: Turn, d: ReportDraft, percent: number) {
  const check = await checkReport(turn.deps.db, viewerOf(turn), { taskId: d.taskId, percent });
  if (!check.ok && check.reason === "lower") return askLower(turn, "percent", { ...d, pendingLower: { percent, reportId: check.previous.id } }, check.previous);
  if (!check.ok) {
    if (check.reason !== "percent_invalid") await endFlow(turn);
    return refuseWith(turn, refusalText(turn, check, d.code, percent));
  }
  await goToNote(turn, { ...d, percent, lowerThan: null, pendingLower: null, previous: check.previous?.percent ?? null });
}

/** Refuses a lower percentage until the user confirms it with the button. */
async function askLower(turn: Turn, step: "percent" | "lower", d: ReportDraft, previous: LatestReport) {
  const percent = d.pendingLower!.percent;
  await saveFlow(turn, step, d);
  await turn.reply.show({ text: lowerText(turn, percent, previous), buttons: [[{ text: turn.t("report.confirmLower", { percent }), data: A.report.lower.build({ percent }) }]] });
}

async function goToNote(turn: Turn, d: ReportDraft) {
  await saveFlow(turn, "note", d);
  await turn.reply.show({ text: turn.t("report.askNote", { percent: d.percent!, max: maxNote(turn) }), buttons: [[{ text: turn.t("report.skip"), data: A.report.skipNote.build({}) }]] });
}

async function goToFile(turn: Turn, d: ReportDraft) {
  await saveFlow(turn, "file", d);
  await turn.reply.show({ text: turn.t("report.askFile"), buttons: [[{ text: turn.t("report.skip"), data: A.report.skipFile.build({}) }]] });
}

function fileText(turn: Turn, file: ReportFile | null | undefined): string {
  if (!file) return turn.t("report.summary.noFile");
  return file.fileName ? turn.t("report.summary.file", { name: file.fileName }) : turn.t("report.summary.photo");
}

async function goToConfirm(turn: Turn, d: ReportDraft) {
  await saveFlow(turn, "confirm", d);
  const lines = [
    turn.t("report.summary.title"),
    turn.t("report.summary.task", { code: d.code, title: d.title }),
    d.previous === null || d.previous === undefined
      ? turn.t("report.summary.percent", { percent: d.percent! })
      : turn.t("report.summary.percentChange", { percent: d.percent!, previous: d.previous }),
    d.note ? turn.t("report.summary.note", { note: d.note }) : turn.t("report.summary.noNote"),
    fileText(turn, d.file),
  ];
  await turn.reply.show({
      text: lines.join("\n"),
      buttons: [[{ text: turn.t("report.save"), data: A.report.save.build({}) }, { text: turn.t("report.cancel"), data: A.report.cancel.build({}) }]],
    });
}

async function save(turn: Turn, d: ReportDraft) {
  const res = await recordReport(
    turn.deps,
    viewerOf(turn),
    { taskId: d.taskId, percent: d.percent!, note: d.note ?? null, file: d.file ?? null, confirmedLowerThan: d.lowerThan ?? null },
    turn.now,
  );
  if (!res.ok) {
    // Lower than the last report, or someone in the unit reported since the user confirmed:
    // ask (again) against the report that is now the last one.
    if (res.reason === "lower")
      return askLower(turn, "lower", { ...d, lowerThan: null, pendingLower: { percent: d.percent!, reportId: res.previous.id } }, res.previous);
    await endFlow(turn);
    return refuseWith(turn, refusalText(turn, res, d.code, d.percent));
  }
  await endFlow(turn);
  if (res.headsTold > 0) turn.deps.wakeSender();
  if (turn.input.kind === "action") await turn.reply.notice(turn.t("common.saved"));
  const lines = [turn.t("report.saved", { code: res.task.code, percent: d.percent! })];
  if (res.headsTold > 0) lines.push(turn.t("report.headsTold"));
  await turn.reply.show(lines.join("\n"));
}

// ---------------------------------------------------------------- the one-line form

const ONE_LINE = /^(\S+)(?:\s+(\S+))?(?:\s+([\s\S]*))?$/;

async function oneLine(turn: Turn, args: string, file: ReportFile | null) {
  const m = ONE_LINE.exec(args)!;
  const [, code = "", percentText, noteText] = m;
  const task = await findTaskByCode(turn.deps.db, code);
  if (!task) return turn.reply.show(turn.t("report.refusals.unknownCode", { code }));
  if (percentText === undefined) return startOnTask(turn, task.id, task.code);
  const parsed = parsePercentText(percentText);
  if (!parsed.ok) return turn.reply.show(`${percentProblem(turn, parsed, percentText)}\n${turn.t("report.usage")}`);
  const note = noteText ? cleanNote(noteText) : null;
  // The whole report goes through save(), which checks everything again and asks for the
  // confirmation of a lower percentage.
  await save(turn, { taskId: task.id, code: task.code, title: "", percent: parsed.percent, note, file, lowerThan: null });
}

/** A file the person sent with this message, kept by the platform's file id (nothing is downloaded). */
function attachedFile(file: ReceivedFile | null): ReportFile | null {
  return file ? { fileId: file.fileId, kind: file.kind, fileName: file.fileName } : null;
}

// ---------------------------------------------------------------- the command

export const reportCommand = defineCommand(
  { name: "baocao", aliases: ["report"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.baocao" },
  (c) => {
    c.message(async (turn) => {
      const msg = turn.input.kind === "message" ? turn.input : undefined;
      const file = attachedFile(msg?.file ?? null);
      // Where a file is only read, never kept for later (Slack), an attachment is refused: nothing is written.
      if (file && !turn.caps.filesKept) return turn.reply.show(turn.t("channelFiles.reportFileNotKept"));
      if (turn.command) {
        // A new /baocao starts afresh.
        await endFlow(turn);
        const args = turn.command.args.trim();
        if (args) return oneLine(turn, args, file);
        return turn.reply.show(await pickerPage(turn, 0));
      }
      const d = draftOf(turn);
      if (!d) {
        await endFlow(turn);
        return turn.reply.show(turn.t("report.stale"));
      }
      const step = turn.flow!.step as Step;
      const text = msg?.text;
      if (step === "percent") {
        if (text === undefined) return turn.reply.show(turn.t("report.askPercentAgain"));
        const parsed = parsePercentText(text);
        if (!parsed.ok) return turn.reply.show(percentProblem(turn, parsed, text));
        return takePercent(turn, d, parsed.percent);
      }
      if (step === "note") {
        const raw = text ?? msg?.caption ?? "";
        const note = raw ? cleanNote(raw) : "";
        if (charLength(note) > NOTE_MAX_LENGTH) return turn.reply.show(turn.t("report.refusals.noteTooLong", { length: num(turn, charLength(note)), max: maxNote(turn) }));
        if (file) return goToConfirm(turn, { ...d, note: note || null, file });
        if (!note) return turn.reply.show(turn.t("report.askNoteAgain"));
        return goToFile(turn, { ...d, note });
      }
      if (step === "file") {
        if (!file) return turn.reply.show(turn.t("report.askFileAgain"));
        return goToConfirm(turn, { ...d, file });
      }
      if (step === "lower" && text !== undefined) {
        // Instead of confirming the lower value, the user typed another percentage.
        const parsed = parsePercentText(text);
        if (!parsed.ok) return turn.reply.show(percentProblem(turn, parsed, text));
        return save(turn, { ...d, percent: parsed.percent, lowerThan: null, pendingLower: null });
      }
      // confirm: waiting for a button.
      await turn.reply.show(turn.t("report.pressButton"));
    });

    c.action(A.report.page, async (turn, { page }) => turn.reply.show(await pickerPage(turn, page), { replace: true }));
    c.action(A.report.task, async (turn, { id }) => {
      await endFlow(turn);
      return startOnTask(turn, id, (await taskCodeById(turn.deps.db, id)) ?? "");
    });

    // The flow's buttons move it on only at their own step; the task always comes from the flow.
    // A button of a flow that has ended, expired or moved on: nothing is written.
    const stale = (turn: Turn) => turn.reply.notice(turn.t("report.stale"), { alert: true });
    const inFlow = (turn: Turn, ...steps: Step[]) => {
      const d = draftOf(turn);
      return d && steps.includes(turn.flow?.step as Step) ? d : null;
    };
    c.action(A.report.percent, async (turn, { percent }) => {
      const d = inFlow(turn, "percent");
      if (!d) return stale(turn);
      if (percent > 100) return turn.reply.notice(turn.t("report.refusals.outOfRange", { value: String(percent) }), { alert: true });
      return takePercent(turn, d, percent);
    });
    c.action(A.report.lower, async (turn, { percent }) => {
      const d = inFlow(turn, "percent", "lower");
      const pending = d?.pendingLower;
      if (!d || !pending || pending.percent !== percent) return stale(turn);
      // Confirmed against the report shown; save() asks again if another came since.
      if (turn.flow!.step === "lower") return save(turn, { ...d, pendingLower: null, lowerThan: pending.reportId });
      return goToNote(turn, { ...d, percent, pendingLower: null, lowerThan: pending.reportId });
    });
    c.action(A.report.skipNote, (turn) => {
      const d = inFlow(turn, "note");
      return d ? goToFile(turn, { ...d, note: null }) : stale(turn);
    });
    c.action(A.report.skipFile, (turn) => {
      const d = inFlow(turn, "file");
      return d ? goToConfirm(turn, { ...d, file: null }) : stale(turn);
    });
    c.action(A.report.save, (turn) => {
      const d = inFlow(turn, "confirm");
      return d ? save(turn, d) : stale(turn);
    });
    c.action(A.report.cancel, async (turn) => {
      if (!draftOf(turn)) return stale(turn);
      await endFlow(turn);
      await turn.reply.show(turn.t("common.cancelled"));
    });
  },
);
