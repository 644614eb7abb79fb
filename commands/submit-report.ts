// /nopbaocao: a unit's report to the office on the current period (section VI of the plan).
// The bot drafts it from the unit's data (its tasks with their latest progress and note, its
// dossiers, the alerts its staff received) and asks only for what it cannot know — other
// results, difficulties, proposals — one step at a time, then shows a preview with "Nộp".
// Heads report for their own unit; the office for any unit (and any period still open), chosen
// with buttons. Submitting again before the office closes the period makes a new version.
// The flow's state lives in the database (bot/services/flows.ts), parsed with a schema at
// every step: the unit and the period always come from the flow, checked again on "Nộp".
import { z } from "zod";
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { checked, grid } from "../bot/chat/view.js";
import { escapeMarkup } from "../bot/chat/markup.js";
import { formatDateOf, formatDateTime } from "../bot/services/date-text.js";
import { quoted, type Translate } from "../bot/i18n.js";
import { deadlineTitle } from "../bot/services/report-deadlines.js";
import { clearFlow, flowData, setFlow } from "../bot/services/flows.js";
import { isOffice, OFFICE } from "../bot/services/roles.js";
import { charLength } from "../bot/services/safe-text.js";
import { shorten } from "../bot/services/text.js";
import { localParts } from "../bot/services/time.js";
import { percentText } from "../bot/services/reports/percent-text.js";
import { resolvePeriod, type Period } from "../bot/services/reports/periods.js";
import {
  cleanSubmissionText,
  draftUnitReport,
  isPeriodClosed,
  latestSubmissions,
  maySubmitFor,
  periodChoices,
  type ReportingUnit,
  reportingUnits,
  SUBMISSION_TEXT_MAX,
  type SubmissionTexts,
  submitReport,
  TEXT_FIELDS,
  type TextField,
  type UnitDraft,
} from "../bot/services/reports/submissions.js";

export const SUBMIT_FLOW = "nopbaocao";
/** Writing a report takes time: the flow stays open an hour without activity. */
const SUBMIT_FLOW_IDLE_MINUTES = 60;

const text = z.string().nullable();
/** What the flow remembers between steps. */
const DraftData = z.object({
  unitId: z.number().int(),
  periodKey: z.string(),
  results: text.optional(),
  difficulties: text.optional(),
  proposals: text.optional(),
  /** The texts of the version already submitted, offered to keep. */
  previous: z.object({ version: z.number().int(), results: text, difficulties: text, proposals: text }).nullable(),
});
type DraftData = z.infer<typeof DraftData>;
type Step = TextField | "preview";
const STEPS: readonly Step[] = [...TEXT_FIELDS, "preview"];

function flowOf(turn: Turn): { step: Step; data: DraftData } | null {
  const data = flowData(turn.flow, SUBMIT_FLOW, DraftData, STEPS);
  return data ? { step: turn.flow!.step as Step, data } : null;
}

async function saveFlow(turn: Turn, step: Step, data: DraftData) {
  await setFlow(turn.deps.db, turn.identity!.id, { flow: SUBMIT_FLOW, step, data }, turn.now, SUBMIT_FLOW_IDLE_MINUTES);
  turn.flow = { flow: SUBMIT_FLOW, step, data };
}

async function endFlow(turn: Turn) {
  await clearFlow(turn.deps.db, turn.identity!.id);
  turn.flow = null;
}

function submitter(turn: Turn) {
  const s = turn.identity!.staff;
  return { staffId: s.id, role: s.role, unitId: s.unitId, actor: turn.actor };
}

function today(turn: Turn): string {
  return localParts(turn.now, turn.deps.config.timezone).date;
}

function unitLabel(u: ReportingUnit): string {
  return u.shortName ?? u.name;
}

async function refuseWith(turn: Turn, message: string) {
  if (turn.input.kind === "action") await turn.reply.notice(message, { alert: true });
  else await turn.reply.show(message);
}

// ---------------------------------------------------------------- choosing the unit and period

async function unitPicker(turn: Turn) {
  const units = await reportingUnits(turn.deps.db);
  const choices = await periodChoices(turn.deps.db, today(turn));
  const current = choices.find((c) => c.current)?.period;
  const done = current ? await latestSubmissions(turn.deps.db, current.key) : new Map();
  const buttons = grid(units.map((u) => ({ text: checked(done.has(u.id), unitLabel(u)), data: A.submitReport.unit.build({ unitId: u.id }) })), 2);
  await turn.reply.show({ text: turn.t("periodReports.submit.pickUnit", { period: current ? periodName(turn.t, current) : "—" }), buttons });
}

/** The office picks among the periods still open; a head reports on the current one. */
async function pickPeriod(turn: Turn, unit: ReportingUnit) {
  const choices = await periodChoices(turn.deps.db, today(turn));
  if (!isOffice(turn.identity!.staff.role)) {
    const current = choices.find((c) => c.current);
    if (!current) return turn.reply.show(turn.t("periodReports.noPeriod"));
    if (current.closed) return turn.reply.show(turn.t("periodReports.submit.closed", { period: periodName(turn.t, current.period) }));
    return startDraft(turn, unit, current.period);
  }
  const open = choices.filter((c) => !c.closed);
  if (!open.length) return turn.reply.show(turn.t("periodReports.submit.noOpenPeriod"));
  if (open.length === 1) return startDraft(turn, unit, open[0]!.period);
  const buttons = grid(open.map((c) => ({ text: c.period.key, data: A.submitReport.period.build({ unitId: unit.id, key: c.period.key }) })), 3);
  await turn.reply.show({ text: turn.t("periodReports.submit.pickPeriod", { unit: unit.name }), buttons }, { replace: true });
}

/** "Báo cáo quý I (2027-Q1)" in the reader's language: a parameter of the messages it goes into. */
export function periodName(t: Translate, p: Period): string {
  return `${deadlineTitle(t, p)} (${p.key})`;
}

// ---------------------------------------------------------------- the draft and its steps

function draftLines(turn: Turn, d: UnitDraft): string[] {
  const { t } = turn;
  const tz = turn.deps.config.timezone;
  const f = d.figures;
  const lines = [t("periodReports.submit.draftHeading", { period: periodName(turn.t, d.period), unit: d.unit.name, asOf: formatDateTime(d.asOf, tz) }), ""];
  lines.push(t("periodReports.submit.tasksHeading", { n: d.tasks.length }));
  for (const l of d.tasks) {
    const progress = l.closed ? t("periodReports.submit.taskClosed") : l.percent === null ? t("periodReports.submit.taskNoReport") : `${l.percent}%`;
    // The department's own words, quoted in English.
    const note = l.note ? ` — ${escapeMarkup(quoted(t, shorten(l.note, 80)))}` : "";
    lines.push(`• <code>${escapeMarkup(l.code)}</code> ${escapeMarkup(quoted(t, shorten(l.title, 60)))}: ${progress}${note}`);
  }
  lines.push(
    "",
    t("periodReports.submit.dossiers", {
      received: f.dossiers.received,
      handled: f.dossiers.handled,
      onTime: f.dossiers.handledOnTime,
      late: f.dossiers.handledLate,
      rate: percentText(f.dossiers.onTimeRate) ?? "—",
    }),
    t("periodReports.submit.alerts", {
      alerts: f.alerts.alerts,
      read: f.alerts.read,
      recipients: f.alerts.recipients,
      rate: percentText(f.alerts.readRate) ?? "—",
      handled: f.alerts.remediationHandled,
      total: f.alerts.remediationTotal,
    }),
  );
  return lines;
}

async function startDraft(turn: Turn, unit: ReportingUnit, period: Period) {
  if (!maySubmitFor(turn.identity!.staff, unit.id)) return refuseWith(turn, turn.t("common.noPermission"));
  if (await isPeriodClosed(turn.deps.db, period.key)) return refuseWith(turn, turn.t("periodReports.submit.closed", { period: periodName(turn.t, period) }));
  const draft = await draftUnitReport(turn.deps.db, unit, period, turn.now, turn.deps.config.timezone);
  const last = (await latestSubmissions(turn.deps.db, period.key, unit.id)).get(unit.id) ?? null;
  const data: DraftData = { unitId: unit.id, periodKey: period.key, previous: last ? { version: last.version, ...last.texts } : null };
  const lines = draftLines(turn, draft);
  if (last)
    lines.push("", turn.t("periodReports.submit.correcting", { version: last.version, at: formatDateTime(last.submittedAt, turn.deps.config.timezone), by: last.submittedBy, next: last.version + 1 }));
  await turn.reply.show(lines.join("\n"));
  await ask(turn, "results", data);
}

async function ask(turn: Turn, step: TextField, data: DraftData) {
  await saveFlow(turn, step, data);
  const kept = data.previous?.[step];
  const buttons = [[{ text: turn.t("periodReports.submit.skip"), data: A.submitReport.skip.build({}) }]];
  if (kept) buttons[0]!.push({ text: turn.t("periodReports.submit.keep"), data: A.submitReport.keep.build({}) });
  buttons.push([{ text: turn.t("periodReports.submit.cancel"), data: A.submitReport.cancel.build({}) }]);
  const lines = [turn.t(`periodReports.submit.ask.${step}`, { max: SUBMISSION_TEXT_MAX })];
  if (kept) lines.push(turn.t("periodReports.submit.previousText", { text: quoted(turn.t, shorten(kept, 300)) }));
  await turn.reply.show({ text: lines.join("\n\n"), buttons });
}

/** The answer to `step` taken: the next question, or the preview. */
async function answered(turn: Turn, step: TextField, data: DraftData, value: string | null) {
  const next: DraftData = { ...data, [step]: value };
  const i = TEXT_FIELDS.indexOf(step);
  if (i < TEXT_FIELDS.length - 1) return ask(turn, TEXT_FIELDS[i + 1]!, next);
  return preview(turn, next);
}

async function unitAndPeriod(turn: Turn, data: DraftData): Promise<{ unit: ReportingUnit; period: Period } | null> {
  const unit = (await reportingUnits(turn.deps.db)).find((u) => u.id === data.unitId);
  const period = await resolvePeriod(turn.deps.db, data.periodKey);
  return unit && period ? { unit, period } : null;
}

function textsOf(data: DraftData): SubmissionTexts {
  return { results: data.results ?? null, difficulties: data.difficulties ?? null, proposals: data.proposals ?? null };
}

async function preview(turn: Turn, data: DraftData) {
  const found = await unitAndPeriod(turn, data);
  if (!found) {
    await endFlow(turn);
    return turn.reply.show(turn.t("periodReports.submit.stale"));
  }
  await saveFlow(turn, "preview", data);
  const draft = await draftUnitReport(turn.deps.db, found.unit, found.period, turn.now, turn.deps.config.timezone);
  const texts = textsOf(data);
  const lines = [turn.t("periodReports.submit.previewHeading"), "", ...draftLines(turn, draft), ""];
  for (const field of TEXT_FIELDS) {
    const v = texts[field];
    lines.push(turn.t(`periodReports.submit.label.${field}`), v ? escapeMarkup(quoted(turn.t, v)) : turn.t("periodReports.submit.none"), "");
  }
  await turn.reply.show({
    text: lines.join("\n").trimEnd(),
    buttons: [[{ text: turn.t("periodReports.submit.send"), data: A.submitReport.send.build({}) }, { text: turn.t("periodReports.submit.cancel"), data: A.submitReport.cancel.build({}) }]],
  });
}

async function send(turn: Turn, data: DraftData) {
  const found = await unitAndPeriod(turn, data);
  if (!found) {
    await endFlow(turn);
    return turn.reply.show(turn.t("periodReports.submit.stale"));
  }
  // The figures submitted are the unit's as of now (the period's end once it is over).
  const draft = await draftUnitReport(turn.deps.db, found.unit, found.period, turn.now, turn.deps.config.timezone);
  const res = await submitReport(turn.deps.db, submitter(turn), draft, textsOf(data), turn.now);
  await turn.reply.clearButtons();
  if (!res.ok) {
    if (res.reason === "too_long") return turn.reply.show(turn.t("periodReports.submit.tooLong", { length: res.length, max: SUBMISSION_TEXT_MAX }));
    await endFlow(turn);
    if (res.reason === "closed") return turn.reply.show(turn.t("periodReports.submit.closed", { period: periodName(turn.t, found.period) }));
    return turn.reply.show(turn.t("common.noPermission"));
  }
  await endFlow(turn);
  await turn.reply.show(
    turn.t(res.version === 1 ? "periodReports.submit.sent" : "periodReports.submit.corrected", {
      unit: found.unit.name,
      period: periodName(turn.t, found.period),
      version: res.version,
      asOf: formatDateOf(draft.asOf, turn.deps.config.timezone),
    }),
  );
}

// ---------------------------------------------------------------- the command

export const submitReportCommand = defineCommand(
  {
    name: "nopbaocao",
    aliases: ["submitreport"],
    roles: ["truong_phong", ...OFFICE],
    requiresBinding: true,
    privateOnly: true,
    inMenu: true,
    descriptionKey: "periodReports.commands.nopbaocao",
  },
  (c) => {
    c.message(async (turn) => {
      if (turn.command) {
        await endFlow(turn);
        const staff = turn.identity!.staff;
        if (isOffice(staff.role)) return unitPicker(turn);
        const unit = (await reportingUnits(turn.deps.db)).find((u) => u.id === staff.unitId);
        if (!unit) return turn.reply.show(turn.t("periodReports.submit.notReportingUnit"));
        return pickPeriod(turn, unit);
      }
      const f = flowOf(turn);
      if (!f) {
        await endFlow(turn);
        return turn.reply.show(turn.t("periodReports.submit.stale"));
      }
      const raw = turn.input.kind === "message" ? turn.input.text : undefined;
      if (f.step === "preview" || raw === undefined) return turn.reply.show(turn.t("periodReports.submit.pressButton"));
      const value = cleanSubmissionText(raw);
      if (!value) return turn.reply.show(turn.t("periodReports.submit.empty"));
      if (charLength(value) > SUBMISSION_TEXT_MAX) return turn.reply.show(turn.t("periodReports.submit.tooLong", { length: charLength(value), max: SUBMISSION_TEXT_MAX }));
      return answered(turn, f.step, f.data, value);
    });

    c.action(A.submitReport.unit, async (turn, { unitId }) => {
      const unit = (await reportingUnits(turn.deps.db)).find((u) => u.id === unitId);
      if (!unit) return turn.reply.notice(turn.t("periodReports.submit.stale"), { alert: true });
      if (!maySubmitFor(turn.identity!.staff, unit.id)) return refuseWith(turn, turn.t("common.noPermission"));
      await endFlow(turn);
      return pickPeriod(turn, unit);
    });
    c.action(A.submitReport.period, async (turn, { unitId, key }) => {
      const unit = (await reportingUnits(turn.deps.db)).find((u) => u.id === unitId);
      const period = await resolvePeriod(turn.deps.db, key);
      if (!unit || !period) return turn.reply.notice(turn.t("periodReports.submit.stale"), { alert: true });
      // A head reports on the current period only: the office picks others.
      const current = (await periodChoices(turn.deps.db, today(turn))).find((c) => c.current);
      if (!isOffice(turn.identity!.staff.role) && current?.period.key !== period.key) return refuseWith(turn, turn.t("common.noPermission"));
      await endFlow(turn);
      return startDraft(turn, unit, period);
    });

    // The flow's buttons move it on only at their own step.
    const stale = (turn: Turn) => turn.reply.notice(turn.t("periodReports.submit.stale"), { alert: true });
    c.action(A.submitReport.skip, (turn) => {
      const f = flowOf(turn);
      return f && f.step !== "preview" ? answered(turn, f.step, f.data, null) : stale(turn);
    });
    c.action(A.submitReport.keep, (turn) => {
      const f = flowOf(turn);
      if (!f || f.step === "preview" || !f.data.previous?.[f.step]) return stale(turn);
      return answered(turn, f.step, f.data, f.data.previous[f.step]);
    });
    c.action(A.submitReport.send, (turn) => {
      const f = flowOf(turn);
      return f && f.step === "preview" ? send(turn, f.data) : stale(turn);
    });
    c.action(A.submitReport.cancel, async (turn) => {
      if (!flowOf(turn)) return stale(turn);
      await endFlow(turn);
      await turn.reply.clearButtons();
      await turn.reply.show(turn.t("common.cancelled"));
    });
  },
);
