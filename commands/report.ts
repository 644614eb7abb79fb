// /baocao: reporting progress on a plan task.
//   guided: pick a task → percentage (buttons or typed) → note (optional) → file or photo
//           (optional) → confirmation → saved;
//   one line: /baocao <mã nhiệm vụ> <phần trăm> <ghi chú> (a file may come with it, the
//           command then being its caption).
// The flow's state lives in the database (bot/services/flows.ts); a button only moves the
// flow on when the flow is at that button's step, and the task id always comes from the
// flow, never from the button, except for the task choice, which the service checks.
import type { BotContext } from "../bot/context.js";
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
import { findTaskByCode } from "../bot/services/tasks/codes.js";
import { LIST_PAGE_SIZE, type Page, reportPickerPage } from "../bot/services/tasks/format.js";
import type { LatestReport } from "../bot/services/tasks/progress-state.js";
import { listTasksPage } from "../bot/services/tasks/queries.js";
import { defineCommand } from "../bot/telegram/commands.js";
import { formatEnv, idArg, notice, showPage, taskEnv, viewerOf } from "../bot/telegram/task-views.js";
import { charLength } from "../bot/services/safe-text.js";
import { formatDateOf } from "../bot/services/date-text.js";

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

function draftOf(ctx: BotContext): ReportDraft | null {
  const f = ctx.flow;
  if (!f || f.flow !== FLOW) return null;
  const d = f.data as Partial<ReportDraft>;
  return typeof d.taskId === "number" && typeof d.code === "string" ? (d as ReportDraft) : null;
}

async function saveFlow(ctx: BotContext, step: Step, draft: ReportDraft) {
  await setFlow(ctx.deps.db, ctx.identity!.id, { flow: FLOW, step, data: { ...draft } }, ctx.now);
  ctx.flow = { flow: FLOW, step, data: { ...draft } };
}

async function endFlow(ctx: BotContext) {
  await clearFlow(ctx.deps.db, ctx.identity!.id);
  ctx.flow = null;
}

/** "1.000" in Vietnamese, "1,000" in English. */
function num(ctx: BotContext, n: number): string {
  return n.toLocaleString(ctx.locale === "vi" ? "vi-VN" : "en-GB");
}

function maxNote(ctx: BotContext): string {
  return num(ctx, NOTE_MAX_LENGTH);
}

function refusalText(ctx: BotContext, r: ReportRefusal, code: string, percent?: number): string {
  switch (r.reason) {
    case "not_found":
      return ctx.t("report.refusals.notFound");
    case "forbidden":
      return ctx.t("report.refusals.forbidden", { code });
    case "closed":
      return ctx.t("report.refusals.closed", { code });
    case "percent_invalid":
      return ctx.t("report.refusals.outOfRange", { value: String(percent ?? "") });
    case "note_too_long":
      return ctx.t("report.refusals.noteTooLong", { length: num(ctx, r.length), max: maxNote(ctx) });
    case "lower":
      return lowerText(ctx, percent ?? 0, r.previous);
  }
}

function lowerText(ctx: BotContext, percent: number, previous: LatestReport): string {
  return ctx.t("report.lower", { percent, previous: previous.percent, date: formatDateOf(previous.at, ctx.deps.config.timezone) });
}

function percentProblem(ctx: BotContext, parsed: Exclude<PercentParse, { ok: true }>, value: string): string {
  if (parsed.reason === "not_number") return ctx.t("report.refusals.notNumber", { value });
  if (parsed.reason === "not_integer") return ctx.t("report.refusals.notInteger", { value });
  return ctx.t("report.refusals.outOfRange", { value });
}

/** Tells the user about a refusal, as a button's answer or as a message. */
async function refuseWith(ctx: BotContext, text: string) {
  if (ctx.callbackQuery) await notice(ctx, text);
  else await ctx.reply(text, { parse_mode: "HTML" });
}

// ---------------------------------------------------------------- steps

async function pickerPage(ctx: BotContext, page: number): Promise<Page> {
  return reportPickerPage(formatEnv(ctx), await listTasksPage(await taskEnv(ctx), viewerOf(ctx), page, LIST_PAGE_SIZE, { reportable: true }));
}

/** Starts the flow on a task the user may report on. */
async function startOnTask(ctx: BotContext, taskId: number, code: string) {
  // 100% is never lower than a report: this checks the task itself (exists, mine, open).
  const check = await checkReport(ctx.deps.db, viewerOf(ctx), { taskId, percent: 100 });
  if (!check.ok) return refuseWith(ctx, refusalText(ctx, check, code));
  const draft: ReportDraft = { taskId, code: check.task.code, title: check.task.title, previous: check.previous?.percent ?? null };
  await saveFlow(ctx, "percent", draft);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await askPercent(ctx, draft);
}

async function askPercent(ctx: BotContext, d: ReportDraft) {
  const current = d.previous === null || d.previous === undefined ? ctx.t("tasks.noReport") : `${d.previous}%`;
  await showPage(
    ctx,
    {
      text: ctx.t("report.askPercent", { code: d.code, title: d.title, current }),
      buttons: [PERCENT_CHOICES.map((p) => ({ text: `${p}%`, data: `baocao:pct:${p}` }))],
    },
    "reply",
  );
}

/** A percentage chosen or typed: checked against the task and the last report. */
async function takePercent(ctx: BotContext, d: ReportDraft, percent: number) {
  const check = await checkReport(ctx.deps.db, viewerOf(ctx), { taskId: d.taskId, percent });
  if (!check.ok && check.reason === "lower") return askLower(ctx, "percent", { ...d, pendingLower: { percent, reportId: check.previous.id } }, check.previous);
  if (!check.ok) {
    if (check.reason !== "percent_invalid") await endFlow(ctx);
    return refuseWith(ctx, refusalText(ctx, check, d.code, percent));
  }
  await goToNote(ctx, { ...d, percent, lowerThan: null, pendingLower: null, previous: check.previous?.percent ?? null });
}

/** Refuses a lower percentage until the user confirms it with the button. */
async function askLower(ctx: BotContext, step: "percent" | "lower", d: ReportDraft, previous: LatestReport) {
  const percent = d.pendingLower!.percent;
  await saveFlow(ctx, step, d);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await showPage(
    ctx,
    { text: lowerText(ctx, percent, previous), buttons: [[{ text: ctx.t("report.confirmLower", { percent }), data: `baocao:lower:${percent}` }]] },
    "reply",
  );
}

async function goToNote(ctx: BotContext, d: ReportDraft) {
  await saveFlow(ctx, "note", d);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await showPage(
    ctx,
    { text: ctx.t("report.askNote", { percent: d.percent!, max: maxNote(ctx) }), buttons: [[{ text: ctx.t("report.skip"), data: "baocao:skipnote" }]] },
    "reply",
  );
}

async function goToFile(ctx: BotContext, d: ReportDraft) {
  await saveFlow(ctx, "file", d);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await showPage(ctx, { text: ctx.t("report.askFile"), buttons: [[{ text: ctx.t("report.skip"), data: "baocao:skipfile" }]] }, "reply");
}

function fileText(ctx: BotContext, file: ReportFile | null | undefined): string {
  if (!file) return ctx.t("report.summary.noFile");
  return file.fileName ? ctx.t("report.summary.file", { name: file.fileName }) : ctx.t("report.summary.photo");
}

async function goToConfirm(ctx: BotContext, d: ReportDraft) {
  await saveFlow(ctx, "confirm", d);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  const lines = [
    ctx.t("report.summary.title"),
    ctx.t("report.summary.task", { code: d.code, title: d.title }),
    d.previous === null || d.previous === undefined
      ? ctx.t("report.summary.percent", { percent: d.percent! })
      : ctx.t("report.summary.percentChange", { percent: d.percent!, previous: d.previous }),
    d.note ? ctx.t("report.summary.note", { note: d.note }) : ctx.t("report.summary.noNote"),
    fileText(ctx, d.file),
  ];
  await showPage(
    ctx,
    {
      text: lines.join("\n"),
      buttons: [[{ text: ctx.t("report.save"), data: "baocao:save" }, { text: ctx.t("report.cancel"), data: "baocao:cancel" }]],
    },
    "reply",
  );
}

async function save(ctx: BotContext, d: ReportDraft) {
  const res = await recordReport(
    ctx.deps,
    viewerOf(ctx),
    { taskId: d.taskId, percent: d.percent!, note: d.note ?? null, file: d.file ?? null, confirmedLowerThan: d.lowerThan ?? null },
    ctx.now,
  );
  if (!res.ok) {
    // Lower than the last report, or someone in the unit reported since the user confirmed:
    // ask (again) against the report that is now the last one.
    if (res.reason === "lower")
      return askLower(ctx, "lower", { ...d, lowerThan: null, pendingLower: { percent: d.percent!, reportId: res.previous.id } }, res.previous);
    await endFlow(ctx);
    return refuseWith(ctx, refusalText(ctx, res, d.code, d.percent));
  }
  await endFlow(ctx);
  if (res.headsTold > 0) ctx.deps.wakeSender();
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("common.saved") });
  const lines = [ctx.t("report.saved", { code: res.task.code, percent: d.percent! })];
  if (res.headsTold > 0) lines.push(ctx.t("report.headsTold"));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
}

// ---------------------------------------------------------------- the one-line form

const ONE_LINE = /^(\S+)(?:\s+(\S+))?(?:\s+([\s\S]*))?$/;

async function oneLine(ctx: BotContext, args: string) {
  const m = ONE_LINE.exec(args)!;
  const [, code = "", percentText, noteText] = m;
  const task = await findTaskByCode(ctx.deps.db, code);
  if (!task) return ctx.reply(ctx.t("report.refusals.unknownCode", { code }), { parse_mode: "HTML" });
  if (percentText === undefined) return startOnTask(ctx, task.id, task.code);
  const parsed = parsePercentText(percentText);
  if (!parsed.ok) return ctx.reply(`${percentProblem(ctx, parsed, percentText)}\n${ctx.t("report.usage")}`, { parse_mode: "HTML" });
  const note = noteText ? cleanNote(noteText) : null;
  const file = attachedFile(ctx);
  // The whole report goes through save(), which checks everything again and asks for the
  // confirmation of a lower percentage.
  await save(ctx, { taskId: task.id, code: task.code, title: "", percent: parsed.percent, note, file, lowerThan: null });
}

/** A document or photo on this message, kept by Telegram's file id (nothing is downloaded). */
function attachedFile(ctx: BotContext): ReportFile | null {
  const msg = ctx.message;
  if (msg?.document) return { fileId: msg.document.file_id, kind: "document", fileName: msg.document.file_name ?? null };
  const photo = msg?.photo?.at(-1);
  if (photo) return { fileId: photo.file_id, kind: "photo", fileName: null };
  return null;
}

// ---------------------------------------------------------------- the command

export const reportCommand = defineCommand(
  { name: "baocao", aliases: ["report"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.baocao" },
  (c) => {
    c.on("message", async (ctx: BotContext) => {
      if (ctx.command) {
        // A new /baocao starts afresh.
        await endFlow(ctx);
        const args = ctx.command.args.trim();
        if (args) return void (await oneLine(ctx, args));
        return showPage(ctx, await pickerPage(ctx, 0));
      }
      const d = draftOf(ctx);
      if (!d) {
        await endFlow(ctx);
        return void (await ctx.reply(ctx.t("report.stale")));
      }
      const step = ctx.flow!.step as Step;
      const text = ctx.message?.text;
      if (step === "percent") {
        if (text === undefined) return void (await ctx.reply(ctx.t("report.askPercentAgain")));
        const parsed = parsePercentText(text);
        if (!parsed.ok) return void (await ctx.reply(percentProblem(ctx, parsed, text), { parse_mode: "HTML" }));
        return takePercent(ctx, d, parsed.percent);
      }
      if (step === "note") {
        const file = attachedFile(ctx);
        const raw = text ?? ctx.message?.caption ?? "";
        const note = raw ? cleanNote(raw) : "";
        if (charLength(note) > NOTE_MAX_LENGTH)
          return void (await ctx.reply(ctx.t("report.refusals.noteTooLong", { length: num(ctx, charLength(note)), max: maxNote(ctx) })));
        if (file) return goToConfirm(ctx, { ...d, note: note || null, file });
        if (!note) return void (await ctx.reply(ctx.t("report.askNoteAgain")));
        return goToFile(ctx, { ...d, note });
      }
      if (step === "file") {
        const file = attachedFile(ctx);
        if (!file) return void (await ctx.reply(ctx.t("report.askFileAgain")));
        return goToConfirm(ctx, { ...d, file });
      }
      if (step === "lower" && text !== undefined) {
        // Instead of confirming the lower value, the user typed another percentage.
        const parsed = parsePercentText(text);
        if (!parsed.ok) return void (await ctx.reply(percentProblem(ctx, parsed, text), { parse_mode: "HTML" }));
        return save(ctx, { ...d, percent: parsed.percent, lowerThan: null, pendingLower: null });
      }
      // confirm: waiting for a button.
      await ctx.reply(ctx.t("report.pressButton"));
    });

    c.on("callback_query:data", async (ctx: BotContext, next) => {
      const [, action, a, ...extra] = ctx.callbackQuery!.data!.split(":");
      if (extra.length > 0) return next();
      if (action === "p" || action === "t") {
        const n = idArg(a);
        if (n === undefined) return next();
        if (action === "p") {
          await ctx.answerCallbackQuery();
          return showPage(ctx, await pickerPage(ctx, n));
        }
        await endFlow(ctx);
        const task = await ctx.deps.db.task.findUnique({ where: { id: n }, select: { code: true } });
        return startOnTask(ctx, n, task?.code ?? "");
      }
      const known = ["pct", "lower", "skipnote", "skipfile", "save", "cancel"];
      if (!known.includes(action ?? "")) return next();
      const takesArg = action === "pct" || action === "lower";
      if (takesArg !== (a !== undefined)) return next();
      const d = draftOf(ctx);
      const step = ctx.flow?.step as Step | undefined;
      // A button of a flow that has ended, expired or moved on: nothing is written.
      const stale = () => notice(ctx, ctx.t("report.stale"));
      if (!d) return stale();
      switch (action) {
        case "pct": {
          if (step !== "percent") return stale();
          const n = idArg(a);
          if (n === undefined || n > 100) return notice(ctx, ctx.t("report.refusals.outOfRange", { value: a ?? "" }));
          return takePercent(ctx, d, n);
        }
        case "lower": {
          const n = idArg(a);
          const pending = d.pendingLower;
          if ((step !== "percent" && step !== "lower") || !pending || pending.percent !== n) return stale();
          // Confirmed against the report shown; save() asks again if another came since.
          if (step === "lower") return save(ctx, { ...d, pendingLower: null, lowerThan: pending.reportId });
          return goToNote(ctx, { ...d, percent: n, pendingLower: null, lowerThan: pending.reportId });
        }
        case "skipnote":
          if (step !== "note") return stale();
          return goToFile(ctx, { ...d, note: null });
        case "skipfile":
          if (step !== "file") return stale();
          return goToConfirm(ctx, { ...d, file: null });
        case "save":
          if (step !== "confirm") return stale();
          return save(ctx, d);
        case "cancel":
          await endFlow(ctx);
          await ctx.answerCallbackQuery();
          return void (await ctx.reply(ctx.t("common.cancelled")));
      }
    });
  },
);
