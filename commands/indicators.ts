// /chiso [KỲ]: the plan's indicators for a reporting period (the current one by default), as
// text and as a chart image: the department's for everyone, a unit's for its head and for the
// office and the leaders (any unit). /chiso nhap [KỲ]: the office enters a figure the bot
// cannot measure, step by step (indicator, value, source, date, preview). The services check
// who may see and enter what, validate, and audit; this file only asks and shows.
import { z } from "zod";
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { type Button, grid } from "../bot/chat/view.js";
import { quoted, type TKey } from "../bot/i18n.js";
import { formatDate } from "../bot/services/date-text.js";
import { clearFlow, flowData, setFlow } from "../bot/services/flows.js";
import { ENTERED_INDICATORS, type EnteredIndicator } from "../bot/services/indicators/catalog.js";
import { chartFileName, type FormatEnv, periodLabel, formatEnteredValue, indicatorName, indicatorPlanText, indicatorsChart, indicatorsText } from "../bot/services/indicators/format.js";
import { indicatorReport, type IndicatorViewer, periodFor, pickableUnits, type ReportResult } from "../bot/services/indicators/report.js";
import {
  checkDate,
  checkMayEnter,
  checkSource,
  checkValue,
  enteredIndicator,
  enteredValues,
  type IndicatorActor,
  type IndicatorInputError,
  mayEnterIndicators,
  setIndicatorValue,
  SOURCE_MAX,
  unitCount,
} from "../bot/services/indicators/values.js";
import { isOffice, seesAllUnits } from "../bot/services/roles.js";
import { foldText } from "../bot/services/text.js";
import { localParts } from "../bot/services/time.js";
import type { Period } from "../bot/services/reports/periods.js";

const FLOW = "chiso";
const FLOW_MINUTES = 30;

const REFUSAL_KEY = {
  unknownPeriod: "indicators.refusals.unknownPeriod",
  noPeriod: "indicators.refusals.noPeriod",
  forbidden: "indicators.refusals.forbidden",
  unknownUnit: "indicators.refusals.unknownUnit",
} as const satisfies Record<Extract<ReportResult, { ok: false }>["reason"], TKey>;

/** What the entry flow has gathered so far; read back through the schema, never cast. */
const EntryData = z.object({
  period: z.string(),
  key: z.string().optional(),
  value: z.string().optional(),
  source: z.string().optional(),
  date: z.string().optional(),
});
type EntryData = z.infer<typeof EntryData>;
type Step = "pick" | "value" | "source" | "date" | "confirm";

function viewerOf(turn: Turn): IndicatorViewer {
  const s = turn.identity!.staff;
  return { staffId: s.id, role: s.role, unitId: s.unitId };
}

function actorOf(turn: Turn): IndicatorActor {
  return { actor: turn.actor, staffId: turn.identity!.staffId, role: turn.identity!.staff.role };
}

function formatEnv(turn: Turn): FormatEnv {
  return { t: turn.t, locale: turn.locale, timeZone: turn.deps.config.timezone, now: turn.now };
}

function errorText(turn: Turn, e: IndicatorInputError): string {
  return turn.t(`indicators.errors.${e.code}`, e.params);
}

async function showIndicators(turn: Turn, periodKey: string | undefined, unitId: number | undefined) {
  const { db, config } = turn.deps;
  const viewer = viewerOf(turn);
  const res = await indicatorReport({ db, timeZone: config.timezone, calendar: await turn.deps.calendar.get() }, viewer, { now: turn.now, ...(periodKey ? { period: periodKey } : {}), ...(unitId !== undefined ? { unitId } : {}) });
  if (!res.ok) {
    const key = REFUSAL_KEY[res.reason];
    if (turn.input.kind === "action") return turn.reply.notice(turn.t(key, { period: periodKey ?? "" }), { alert: true });
    return turn.reply.show(turn.t(key, { period: periodKey ?? "" }));
  }
  const { report } = res;
  const env = formatEnv(turn);
  const period = report.period.key;
  const buttons: Button[] = [];
  if (report.unit) buttons.push({ text: turn.t("indicators.buttons.department"), data: A.indicators.show.build({ period }) });
  else if (seesAllUnits(viewer.role)) buttons.push({ text: turn.t("indicators.buttons.units"), data: A.indicators.units.build({ period }) });
  else if (viewer.role === "truong_phong") buttons.push({ text: turn.t("indicators.buttons.myUnit"), data: A.indicators.show.build({ period, unitId: viewer.unitId }) });
  if (isOffice(viewer.role)) buttons.push({ text: turn.t("indicators.buttons.enter"), data: A.indicators.enter.build({ period }) });
  // ECharts and resvg (~70 MB resident) are loaded on the first chart, not at start (issue 11).
  const { renderIndicatorChart } = await import("../bot/services/indicators/chart.js");
  const png = renderIndicatorChart(indicatorsChart(env, report));
  await turn.reply.show({
    text: indicatorsText(env, report),
    ...(buttons.length ? { buttons: grid(buttons, 2) } : {}),
    document: { kind: "bytes", fileName: chartFileName(report), bytes: png, mimeType: "image/png", photo: true },
  });
}

async function showUnits(turn: Turn, periodKey: string) {
  const { db, config } = turn.deps;
  const period = await periodFor(db, periodKey, turn.now, config.timezone);
  if (typeof period === "string") return turn.reply.notice(turn.t(REFUSAL_KEY[period], { period: periodKey }), { alert: true });
  const units = await pickableUnits(db, viewerOf(turn));
  if (units.length === 0) return turn.reply.notice(turn.t("indicators.refusals.forbidden"), { alert: true });
  const buttons = units.map((u) => ({ text: u.shortName ?? u.name, data: A.indicators.show.build({ period: period.key, unitId: u.id }) }));
  buttons.push({ text: turn.t("indicators.buttons.department"), data: A.indicators.show.build({ period: period.key }) });
  await turn.reply.show({ text: turn.t("indicators.pickUnit", { period: periodLabel(turn.t, period) }), buttons: grid(buttons, 2) });
}

// ---- entering a figure (the office) ----

async function saveStep(turn: Turn, step: Step, data: EntryData) {
  await setFlow(turn.deps.db, turn.identity!.id, { flow: FLOW, step, data }, turn.now, FLOW_MINUTES);
}

async function periodOfEntry(turn: Turn, data: EntryData): Promise<Period | null> {
  const p = await periodFor(turn.deps.db, data.period, turn.now, turn.deps.config.timezone);
  return typeof p === "string" ? null : p;
}

async function startEntry(turn: Turn, periodKey: string | undefined) {
  const { db, config } = turn.deps;
  if (!(await checkMayEnter(db, actorOf(turn), turn.now))) return refuseEntry(turn);
  const period = await periodFor(db, periodKey, turn.now, config.timezone);
  if (typeof period === "string") return turn.reply.show(turn.t(REFUSAL_KEY[period], { period: periodKey ?? "" }));
  await saveStep(turn, "pick", { period: period.key });
  const buttons = ENTERED_INDICATORS.map((i) => [{ text: indicatorName(turn.t, i), data: A.indicators.pick.build({ key: i.key }) }]);
  buttons.push([{ text: turn.t("indicators.buttons.cancel"), data: A.indicators.cancel.build({}) }]);
  await turn.reply.show({ text: turn.t("indicators.enter.pick", { period: periodLabel(turn.t, period) }), buttons });
}

function refuseEntry(turn: Turn) {
  if (turn.input.kind === "action") return turn.reply.notice(turn.t("indicators.enter.denied"), { alert: true });
  return turn.reply.show(turn.t("indicators.enter.denied"));
}

async function askValue(turn: Turn, data: EntryData, def: EnteredIndicator) {
  const period = await periodOfEntry(turn, data);
  if (!period) return turn.reply.show(turn.t("indicators.refusals.unknownPeriod", { period: data.period }));
  const units = await unitCount(turn.deps.db);
  const params = { name: indicatorName(turn.t, def), plan: indicatorPlanText(turn.t, def), period: periodLabel(turn.t, period), max: units };
  const lines = [turn.t(def.kind === "percent" ? "indicators.enter.askPercent" : "indicators.enter.askCount", params)];
  const current = (await enteredValues(turn.deps.db, period.key)).get(def.key);
  if (current) {
    lines.push("", turn.t("indicators.enter.current", { value: formatEnteredValue(turn, def, current.value, units), source: quoted(turn.t, current.source), date: formatDate(current.sourceDate) }));
  }
  await saveStep(turn, "value", { period: period.key, key: def.key });
  await turn.reply.show({ text: lines.join("\n"), buttons: [[{ text: turn.t("indicators.buttons.cancel"), data: A.indicators.cancel.build({}) }]] });
}

async function askDate(turn: Turn, data: EntryData) {
  await saveStep(turn, "date", data);
  await turn.reply.show({
    text: turn.t("indicators.enter.askDate"),
    buttons: [[{ text: turn.t("indicators.buttons.today"), data: A.indicators.today.build({}) }, { text: turn.t("indicators.buttons.cancel"), data: A.indicators.cancel.build({}) }]],
  });
}

async function preview(turn: Turn, data: EntryData, isoDate: string) {
  const def = enteredIndicator(data.key ?? "");
  const period = await periodOfEntry(turn, data);
  if ("code" in def || !period || data.value === undefined || data.source === undefined) return turn.reply.show(turn.t("common.invalidButton"));
  const units = await unitCount(turn.deps.db);
  await saveStep(turn, "confirm", { ...data, date: isoDate });
  await turn.reply.show({
    text: turn.t("indicators.enter.preview", {
      name: indicatorName(turn.t, def),
      period: periodLabel(turn.t, period),
      value: formatEnteredValue(turn, def, Number(data.value), units),
      source: quoted(turn.t, data.source),
      date: formatDate(isoDate),
    }),
    buttons: [[{ text: turn.t("indicators.buttons.save"), data: A.indicators.save.build({}) }, { text: turn.t("indicators.buttons.cancel"), data: A.indicators.cancel.build({}) }]],
  });
}

/** A reply typed inside the entry flow. */
async function onEntryText(turn: Turn, step: string, data: EntryData, text: string) {
  const { db, config } = turn.deps;
  if (step === "value") {
    const def = enteredIndicator(data.key ?? "");
    if ("code" in def) return turn.reply.show(errorText(turn, def));
    const value = checkValue(def, text, await unitCount(db));
    if (typeof value !== "number") return turn.reply.show(errorText(turn, value));
    await saveStep(turn, "source", { ...data, value: String(value) });
    return turn.reply.show({ text: turn.t("indicators.enter.askSource", { max: SOURCE_MAX }), buttons: [[{ text: turn.t("indicators.buttons.cancel"), data: A.indicators.cancel.build({}) }]] });
  }
  if (step === "source") {
    const source = checkSource(text);
    if (typeof source !== "string") return turn.reply.show(errorText(turn, source));
    return askDate(turn, { ...data, source });
  }
  if (step === "date") {
    const date = checkDate(text, turn.now, config.timezone);
    if (typeof date !== "string") return turn.reply.show(errorText(turn, date));
    return preview(turn, data, date);
  }
  // "pick" and "confirm" wait for a button.
  return turn.reply.show(turn.t("indicators.enter.textExpected"));
}

/** The flow's data at one of `steps`, or null (a spent or forged button: said so). */
async function entryAt(turn: Turn, ...steps: Step[]): Promise<EntryData | null> {
  const data = flowData(turn.flow, FLOW, EntryData, steps);
  if (data) return data;
  await turn.reply.notice(turn.t("common.invalidButton"), { alert: true });
  return null;
}

async function save(turn: Turn, data: EntryData) {
  const { db, config } = turn.deps;
  const res = await setIndicatorValue(
    db,
    actorOf(turn),
    { period: data.period, key: data.key ?? "", value: data.value ?? "", source: data.source ?? "", date: data.date ?? "" },
    turn.now,
    config.timezone,
  );
  if (res.status === "denied") {
    await clearFlow(db, turn.identity!.id);
    return refuseEntry(turn);
  }
  if (res.status === "invalid") return turn.reply.show(res.errors.map((e) => errorText(turn, e)).join("\n"));
  await clearFlow(db, turn.identity!.id);
  await turn.reply.clearButtons();
  const def = enteredIndicator(res.value.key);
  if ("code" in def) return; // the service saved it: it is an entered indicator
  const period = await periodOfEntry(turn, data);
  await turn.reply.show(
    turn.t("indicators.enter.saved", {
      name: indicatorName(turn.t, def),
      period: period ? periodLabel(turn.t, period) : res.value.period,
      value: formatEnteredValue(turn, def, res.value.value, await unitCount(db)),
      source: quoted(turn.t, res.value.source),
      date: formatDate(res.value.sourceDate),
      key: res.value.period,
    }),
  );
}

export const indicatorsCommand = defineCommand(
  { name: "chiso", aliases: ["indicators"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "indicators.command" },
  (c) => {
    c.message(async (turn) => {
      const flow = turn.flow?.flow === FLOW && !turn.command ? turn.flow : null;
      if (flow) {
        const data = EntryData.safeParse(flow.data);
        const text = turn.input.kind === "message" ? turn.input.text : undefined;
        if (!data.success) {
          await clearFlow(turn.deps.db, turn.identity!.id);
          return turn.reply.show(turn.t("common.invalidButton"));
        }
        if (text === undefined) return turn.reply.show(turn.t("indicators.enter.textExpected"));
        // Someone who lost the right meanwhile stops here; the save checks again.
        if (!mayEnterIndicators(actorOf(turn))) {
          await clearFlow(turn.deps.db, turn.identity!.id);
          return refuseEntry(turn);
        }
        return onEntryText(turn, flow.step, data.data, text);
      }
      const [first, ...rest] = (turn.command?.args ?? "").trim().split(/\s+/).filter(Boolean);
      if (first !== undefined && foldText(first) === "nhap") return startEntry(turn, rest[0]);
      return showIndicators(turn, first, undefined);
    });

    c.action(A.indicators.show, (turn, { period, unitId }) => showIndicators(turn, period, unitId));
    c.action(A.indicators.units, (turn, { period }) => showUnits(turn, period));
    c.action(A.indicators.enter, (turn, { period }) => startEntry(turn, period));

    c.action(A.indicators.pick, async (turn, { key }) => {
      const data = await entryAt(turn, "pick", "value");
      if (!data) return;
      if (!(await checkMayEnter(turn.deps.db, actorOf(turn), turn.now))) return refuseEntry(turn);
      const def = enteredIndicator(key);
      if ("code" in def) return turn.reply.notice(turn.t("common.invalidButton"), { alert: true });
      await askValue(turn, data, def);
    });

    c.action(A.indicators.today, async (turn) => {
      const data = await entryAt(turn, "date");
      if (data) await preview(turn, data, localParts(turn.now, turn.deps.config.timezone).date);
    });

    c.action(A.indicators.save, async (turn) => {
      const data = await entryAt(turn, "confirm");
      if (data) await save(turn, data);
    });

    c.action(A.indicators.cancel, async (turn) => {
      await clearFlow(turn.deps.db, turn.identity!.id);
      await turn.reply.clearButtons();
      await turn.reply.show(turn.t("indicators.enter.cancelled"));
    });
  },
);
