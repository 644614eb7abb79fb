// /canhbao: the office's guided flow for a security alert — severity, title, text,
// audience (the whole department or chosen units), whether units report remediation —
// then a preview exactly as recipients will see it, and a confirmation. The same flow
// takes the text of a correction started from /tinhtrang.
import { randomBytes } from "node:crypto";
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/context.js";
import { broadcastAlert, previewAlert } from "../bot/services/alerts/broadcast.js";
import { correctAlert } from "../bot/services/alerts/cancel.js";
import { type AlertDraft, BODY_MAX, isSeverity, SEVERITIES, TITLE_MAX } from "../bot/services/alerts/model.js";
import { severityIcon, severityLabel } from "../bot/services/alerts/render.js";
import { clearFlow, setFlow } from "../bot/services/flows.js";
import { OFFICE } from "../bot/services/roles.js";
import { defineCommand } from "../bot/telegram/commands.js";
import { alertActor, alertDeps, officeOnly } from "./alert-context.js";
import { charLength } from "../bot/services/safe-text.js";

export const ALERT_FLOW = "canhbao";
/** Writing an alert takes time: the flow stays open an hour without activity. */
export const ALERT_FLOW_IDLE_MINUTES = 60;

interface DraftData {
  nonce: string;
  severity?: string;
  title?: string;
  body?: string;
  all?: boolean;
  units?: number[];
  remediation?: boolean;
  correctionOf?: number;
}


async function save(ctx: BotContext, step: string, data: DraftData) {
  await setFlow(ctx.deps.db, ctx.identity!.id, { flow: ALERT_FLOW, step, data: { ...data } }, ctx.now, ALERT_FLOW_IDLE_MINUTES);
}

/** Starts a correction of alert `originalId` (called from /tinhtrang). */
export async function startCorrection(ctx: BotContext, original: { id: number; severity: string; title: string }) {
  const data: DraftData = { nonce: randomBytes(6).toString("hex"), correctionOf: original.id, severity: original.severity, title: original.title };
  await save(ctx, "body", data);
  await ctx.reply(ctx.t("alerts.flow.askCorrection", { number: original.id, title: original.title }), { parse_mode: "HTML" });
}

async function askSeverity(ctx: BotContext) {
  await save(ctx, "severity", { nonce: randomBytes(6).toString("hex") });
  const kb = new InlineKeyboard();
  SEVERITIES.forEach((s, i) => {
    if (i > 0 && i % 2 === 0) kb.row();
    kb.text(`${severityIcon(s)} ${severityLabel(ctx.t, s)}`, `canhbao:sev:${s}`);
  });
  kb.row().text(ctx.t("alerts.flow.abort"), "canhbao:abort");
  await ctx.reply(ctx.t("alerts.flow.pickSeverity"), { parse_mode: "HTML", reply_markup: kb });
}

async function staffUnits(ctx: BotContext) {
  return ctx.deps.db.unit.findMany({
    where: { active: true, kind: { not: "external" }, staff: { some: { active: true } } },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
}

async function unitPicker(ctx: BotContext, data: DraftData): Promise<{ text: string; reply_markup: InlineKeyboard }> {
  const chosen = new Set(data.units ?? []);
  const kb = new InlineKeyboard();
  const units = await staffUnits(ctx);
  units.forEach((u, i) => {
    if (i > 0 && i % 2 === 0) kb.row();
    kb.text(`${chosen.has(u.id) ? "✓ " : ""}${u.shortName ?? u.name}`, `canhbao:u:${u.id}`);
  });
  kb.row().text(ctx.t("alerts.flow.unitsDone", { count: chosen.size }), "canhbao:udone");
  return { text: ctx.t("alerts.flow.pickUnits"), reply_markup: kb };
}

function draftOf(ctx: BotContext, data: DraftData): AlertDraft {
  return {
    severity: isSeverity(data.severity) ? data.severity : "thong_tin",
    title: data.title ?? "",
    body: data.body ?? "",
    audience: data.all !== false ? { all: true } : { all: false, unitIds: data.units ?? [] },
    requireRemediation: data.remediation === true,
    externalRef: `telegram:${ctx.identity!.id}:${data.nonce}`,
    source: "telegram",
    ...(data.correctionOf ? { correctionOfId: data.correctionOf } : {}),
  };
}

async function showPreview(ctx: BotContext, data: DraftData) {
  await save(ctx, "preview", data);
  const draft = draftOf(ctx, data);
  const preview = await previewAlert({ ...alertDeps(ctx) }, draft, ctx.t, ctx.now);
  let audience = ctx.t("alerts.flow.audienceAll");
  if (data.correctionOf) audience = ctx.t("alerts.status.open", { number: data.correctionOf });
  else if (data.all === false) {
    const units = await ctx.deps.db.unit.findMany({ where: { id: { in: data.units ?? [] } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
    audience = units.map((u) => u.shortName ?? u.name).join(", ");
  }
  const footer = ctx.t("alerts.flow.previewFooter", {
    audience,
    count: preview.recipients,
    unreachable: preview.unreachable,
    remediation: ctx.t(draft.requireRemediation ? "alerts.flow.previewYes" : "alerts.flow.previewNo"),
  });
  const kb = new InlineKeyboard()
    .text(ctx.t("alerts.flow.send"), "canhbao:send")
    .row()
    .text(ctx.t("alerts.flow.restart"), "canhbao:restart")
    .text(ctx.t("alerts.flow.abort"), "canhbao:abort");
  await ctx.reply([ctx.t("alerts.flow.previewHeading"), "", preview.text, "", "──────", footer].join("\n"), { parse_mode: "HTML", reply_markup: kb });
}


async function send(ctx: BotContext, data: DraftData) {
  const draft = draftOf(ctx, data);
  const res = data.correctionOf
    ? await correctAlert(alertDeps(ctx), data.correctionOf, { body: draft.body, title: draft.title, severity: draft.severity, externalRef: draft.externalRef! }, alertActor(ctx), ctx.now)
    : await broadcastAlert(alertDeps(ctx), draft, alertActor(ctx), ctx.now);
  await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
  if (res.status === "sent") {
    await clearFlow(ctx.deps.db, ctx.identity!.id);
    ctx.deps.wakeSender();
    await ctx.reply(ctx.t("alerts.flow.sent", { number: res.alertId, queued: res.queued, recipients: res.recipients, unreachable: res.unreachable }));
  } else if (res.status === "duplicate") {
    await clearFlow(ctx.deps.db, ctx.identity!.id);
    await ctx.reply(ctx.t("alerts.flow.duplicate", { number: res.alertId }));
  } else if (res.status === "denied") {
    await clearFlow(ctx.deps.db, ctx.identity!.id);
    await ctx.reply(ctx.t("common.noPermission"));
  } else if (res.status === "invalid") {
    await ctx.reply(ctx.t("alerts.flow.empty"));
  } else {
    await clearFlow(ctx.deps.db, ctx.identity!.id);
    await ctx.reply(ctx.t("alerts.status.cannotCorrect", { number: data.correctionOf ?? 0 }));
  }
}

/** Checks a typed title or text; replies with the problem and returns null when it is not usable. */
async function typedText(ctx: BotContext, max: number): Promise<string | null> {
  const raw = ctx.message?.text;
  if (raw === undefined) {
    await ctx.reply(ctx.t("alerts.flow.textExpected"));
    return null;
  }
  const text = raw.normalize("NFC").trim();
  if (!text) {
    await ctx.reply(ctx.t("alerts.flow.empty"));
    return null;
  }
  if (charLength(text) > max) {
    await ctx.reply(ctx.t("alerts.flow.tooLong", { length: charLength(text), max }));
    return null;
  }
  return text;
}

export const alertsCommand = defineCommand(
  { name: "canhbao", aliases: ["alert"], roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.canhbao" },
  (c) => {
    c.use(officeOnly);

    c.on("message", async (ctx: BotContext) => {
      const flow = ctx.flow?.flow === ALERT_FLOW && !ctx.command ? ctx.flow : null;
      if (!flow) return askSeverity(ctx);
      const data = flow.data as unknown as DraftData;
      if (flow.step === "title") {
        const title = await typedText(ctx, TITLE_MAX);
        if (title === null) return;
        await save(ctx, "body", { ...data, title });
        return ctx.reply(ctx.t("alerts.flow.askBody", { max: BODY_MAX }), { parse_mode: "HTML" });
      }
      if (flow.step === "body") {
        const body = await typedText(ctx, BODY_MAX);
        if (body === null) return;
        if (data.correctionOf) return showPreview(ctx, { ...data, body });
        await save(ctx, "audience", { ...data, body });
        return ctx.reply(ctx.t("alerts.flow.pickAudience"), { reply_markup: audienceButtons(ctx) });
      }
      // A step that waits for a button: repeat what is expected.
      return ctx.reply(ctx.t("alerts.flow.expired"));
    });

    c.on("callback_query:data", async (ctx: BotContext, next) => {
      const [, action, arg, ...extra] = ctx.callbackQuery!.data!.split(":");
      if (extra.length > 0) return next();
      const flow = ctx.flow?.flow === ALERT_FLOW ? ctx.flow : null;
      const data = (flow?.data ?? {}) as unknown as DraftData;
      const expect = async (step: string): Promise<boolean> => {
        if (flow?.step === step) return true;
        await ctx.answerCallbackQuery({ text: ctx.t("alerts.flow.expired"), show_alert: true });
        return false;
      };
      if (action === "abort" && arg === undefined) {
        await clearFlow(ctx.deps.db, ctx.identity!.id);
        await ctx.answerCallbackQuery();
        await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
        return ctx.reply(ctx.t("common.cancelled"));
      }
      if (action === "restart" && arg === undefined) {
        await ctx.answerCallbackQuery();
        return askSeverity(ctx);
      }
      if (action === "sev" && isSeverity(arg)) {
        if (!(await expect("severity"))) return;
        await save(ctx, "title", { ...data, severity: arg });
        await ctx.answerCallbackQuery();
        return ctx.reply(ctx.t("alerts.flow.askTitle", { max: TITLE_MAX }), { parse_mode: "HTML" });
      }
      if (action === "aud" && (arg === "all" || arg === "units")) {
        if (!(await expect("audience"))) return;
        await ctx.answerCallbackQuery();
        if (arg === "all") return askRemediation(ctx, { ...data, all: true, units: [] });
        const next = { ...data, all: false, units: [] };
        await save(ctx, "units", next);
        const view = await unitPicker(ctx, next);
        return ctx.reply(view.text, { reply_markup: view.reply_markup });
      }
      if (action === "u" && /^\d{1,9}$/.test(arg ?? "")) {
        if (!(await expect("units"))) return;
        const unitId = Number(arg);
        if (!(await staffUnits(ctx)).some((u) => u.id === unitId)) return next();
        const chosen = new Set(data.units ?? []);
        if (chosen.has(unitId)) chosen.delete(unitId);
        else chosen.add(unitId);
        const updated = { ...data, units: [...chosen] };
        await save(ctx, "units", updated);
        await ctx.answerCallbackQuery();
        const view = await unitPicker(ctx, updated);
        return ctx.editMessageText(view.text, { reply_markup: view.reply_markup }).catch(() => undefined);
      }
      if (action === "udone" && arg === undefined) {
        if (!(await expect("units"))) return;
        if (!data.units?.length) return ctx.answerCallbackQuery({ text: ctx.t("alerts.flow.noUnits"), show_alert: true });
        await ctx.answerCallbackQuery();
        return askRemediation(ctx, data);
      }
      if (action === "rem" && (arg === "1" || arg === "0")) {
        if (!(await expect("remediation"))) return;
        await ctx.answerCallbackQuery();
        const updated = { ...data, remediation: arg === "1" };
        const preview = await previewAlert(alertDeps(ctx), draftOf(ctx, updated), ctx.t, ctx.now);
        if (preview.recipients === 0) {
          await save(ctx, "audience", updated);
          return ctx.reply(ctx.t("alerts.flow.noRecipients"), { reply_markup: audienceButtons(ctx) });
        }
        return showPreview(ctx, updated);
      }
      if (action === "send" && arg === undefined) {
        if (!(await expect("preview"))) return;
        await ctx.answerCallbackQuery();
        return send(ctx, data);
      }
      return next();
    });
  },
);

function audienceButtons(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("alerts.flow.audienceAll"), "canhbao:aud:all").text(ctx.t("alerts.flow.audienceUnits"), "canhbao:aud:units");
}

async function askRemediation(ctx: BotContext, data: DraftData) {
  await save(ctx, "remediation", data);
  const kb = new InlineKeyboard().text(ctx.t("alerts.flow.remediationYes"), "canhbao:rem:1").text(ctx.t("alerts.flow.remediationNo"), "canhbao:rem:0");
  await ctx.reply(ctx.t("alerts.flow.pickRemediation"), { reply_markup: kb });
}
