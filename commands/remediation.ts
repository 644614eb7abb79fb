// /khacphuc: a unit head reports remediation of an alert ("đã xử lý X / Y máy" and a note),
// from the button under the request or by typing the command; the office may report for a
// unit whose head cannot. Later reports replace the unit's figure; all are kept.
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/context.js";
import { MACHINES_MAX, NOTE_MAX } from "../bot/services/alerts/model.js";
import {
  alertsAwaitingRemediation,
  latestRemediation,
  parseMachineCounts,
  type Reporter,
  reportableUnits,
  reportRemediation,
} from "../bot/services/alerts/remediation.js";
import { severityIcon } from "../bot/services/alerts/render.js";
import { clearFlow, setFlow } from "../bot/services/flows.js";
import { defineCommand } from "../bot/telegram/commands.js";
import { formatDateTime } from "../bot/services/date-text.js";
import { quoted } from "../bot/i18n.js";

const FLOW = "khacphuc";
const FOLLOW_DAYS = 30;

function reporterOf(ctx: BotContext): Reporter {
  const s = ctx.identity!.staff;
  return { actor: `telegram:${ctx.from!.id}`, staffId: s.id, role: s.role, unitId: s.unitId };
}

/** Why this person cannot report on this alert: it is closed, or the unit is not theirs. */
async function refuseReport(ctx: BotContext, alertId: number) {
  const alert = await ctx.deps.db.securityAlert.findUnique({ where: { id: alertId } });
  const open = alert?.status === "sent" && alert.requireRemediation;
  await ctx.answerCallbackQuery({ text: ctx.t(open ? "alerts.remediation.notYourUnit" : "alerts.remediation.notOpen"), show_alert: true });
}

async function askNumbers(ctx: BotContext, alertId: number, unitId: number) {
  const { db } = ctx.deps;
  const [alert, unit, previous] = await Promise.all([
    db.securityAlert.findUniqueOrThrow({ where: { id: alertId } }),
    db.unit.findUniqueOrThrow({ where: { id: unitId } }),
    latestRemediation(db, alertId, unitId),
  ]);
  await setFlow(db, ctx.identity!.id, { flow: FLOW, step: "numbers", data: { alertId, unitId } }, ctx.now, 60);
  const lines = [ctx.t("alerts.remediation.askNumbers", { number: alert.id, title: alert.title, unit: unit.name })];
  const kb = new InlineKeyboard();
  if (previous) {
    lines.push(ctx.t("alerts.remediation.previous", { handled: previous.handled, total: previous.total, at: formatDateTime(previous.createdAt, ctx.deps.config.timezone) }));
    if (previous.handled < previous.total) kb.text(ctx.t("alerts.remediation.sameTotal", { total: previous.total }), "khacphuc:all");
  }
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", ...(previous && previous.handled < previous.total ? { reply_markup: kb } : {}) });
}

async function askNote(ctx: BotContext, data: Record<string, unknown>, handled: number, total: number) {
  await setFlow(ctx.deps.db, ctx.identity!.id, { flow: FLOW, step: "note", data: { ...data, handled, total } }, ctx.now, 60);
  await ctx.reply(ctx.t("alerts.remediation.askNote", { handled, total }), {
    reply_markup: new InlineKeyboard().text(ctx.t("alerts.remediation.skipNote"), "khacphuc:skip"),
  });
}

async function save(ctx: BotContext, data: Record<string, unknown>, note: string | null) {
  const { db } = ctx.deps;
  const input = { alertId: Number(data.alertId), unitId: Number(data.unitId), handled: Number(data.handled), total: Number(data.total), note };
  const res = await reportRemediation(db, input, reporterOf(ctx), ctx.now);
  if (res.status === "invalid" && res.error === "note-too-long") {
    await ctx.reply(ctx.t("alerts.remediation.noteTooLong", { max: NOTE_MAX }));
    return;
  }
  await clearFlow(db, ctx.identity!.id);
  if (res.status === "recorded") {
    const unit = await db.unit.findUniqueOrThrow({ where: { id: input.unitId } });
    await ctx.reply(ctx.t("alerts.remediation.saved", { unit: unit.name, handled: input.handled, total: input.total }));
  } else if (res.status === "denied") {
    await ctx.reply(ctx.t("alerts.remediation.notYourUnit"));
  } else {
    await ctx.reply(ctx.t("alerts.remediation.notOpen"));
  }
}

export const remediationCommand = defineCommand(
  {
    name: "khacphuc",
    roles: ["truong_phong", "van_phong", "quan_tri"],
    requiresBinding: true,
    privateOnly: true,
    inMenu: true,
    descriptionKey: "commands.khacphuc",
  },
  (c) => {
    c.on("message", async (ctx: BotContext) => {
      const flow = ctx.flow?.flow === FLOW && !ctx.command ? ctx.flow : null;
      if (flow) {
        const text = ctx.message?.text;
        if (text === undefined) return ctx.reply(ctx.t("alerts.flow.textExpected"));
        if (flow.step === "numbers") {
          const parsed = parseMachineCounts(text);
          if (parsed.ok) return askNote(ctx, flow.data, parsed.handled, parsed.total);
          if (parsed.error === "handled-over-total")
            return ctx.reply(ctx.t("alerts.remediation.handledOverTotal", { handled: parsed.handled!, total: parsed.total! }));
          if (parsed.error === "too-large") return ctx.reply(ctx.t("alerts.remediation.tooLarge", { max: MACHINES_MAX }));
          return ctx.reply(ctx.t("alerts.remediation.badNumbers"), { parse_mode: "HTML" });
        }
        if (flow.step === "note") return save(ctx, flow.data, text);
      }
      const alerts = await alertsAwaitingRemediation(ctx.deps.db, reporterOf(ctx), new Date(ctx.now.getTime() - FOLLOW_DAYS * 86_400_000));
      if (alerts.length === 0) return ctx.reply(ctx.t("alerts.remediation.none"));
      const kb = new InlineKeyboard();
      alerts.forEach((a, i) => {
        if (i > 0) kb.row();
        kb.text(`${severityIcon(a.severity)} ${a.id}. ${quoted(ctx.t, a.title)}`.slice(0, 60), `khacphuc:a:${a.id}`);
      });
      await ctx.reply(ctx.t("alerts.remediation.listTitle"), { reply_markup: kb });
    });

    c.callbackQuery(/^khacphuc:a:(\d{1,9})$/, async (ctx: BotContext) => {
      const alertId = Number(ctx.match![1]);
      const units = await reportableUnits(ctx.deps.db, alertId, reporterOf(ctx));
      if (units.length === 0) return refuseReport(ctx, alertId);
      await ctx.answerCallbackQuery();
      if (units.length === 1) return askNumbers(ctx, alertId, units[0]!);
      const names = await ctx.deps.db.unit.findMany({ where: { id: { in: units } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
      const kb = new InlineKeyboard();
      names.forEach((u, i) => {
        if (i > 0 && i % 2 === 0) kb.row();
        kb.text(u.shortName ?? u.name, `khacphuc:u:${alertId}:${u.id}`);
      });
      await ctx.reply(ctx.t("alerts.remediation.pickUnit"), { reply_markup: kb });
    });

    c.callbackQuery(/^khacphuc:u:(\d{1,9}):(\d{1,9})$/, async (ctx: BotContext) => {
      const alertId = Number(ctx.match![1]);
      const unitId = Number(ctx.match![2]);
      const units = await reportableUnits(ctx.deps.db, alertId, reporterOf(ctx));
      if (!units.includes(unitId)) return refuseReport(ctx, alertId);
      await ctx.answerCallbackQuery();
      await askNumbers(ctx, alertId, unitId);
    });

    c.callbackQuery("khacphuc:all", async (ctx: BotContext) => {
      const flow = ctx.flow;
      if (flow?.flow !== FLOW || flow.step !== "numbers") {
        await ctx.answerCallbackQuery({ text: ctx.t("common.invalidButton"), show_alert: true });
        return;
      }
      const previous = await latestRemediation(ctx.deps.db, Number(flow.data.alertId), Number(flow.data.unitId));
      await ctx.answerCallbackQuery();
      if (!previous) return askNumbers(ctx, Number(flow.data.alertId), Number(flow.data.unitId));
      await askNote(ctx, flow.data, previous.total, previous.total);
    });

    c.callbackQuery("khacphuc:skip", async (ctx: BotContext) => {
      const flow = ctx.flow;
      if (flow?.flow !== FLOW || flow.step !== "note") {
        await ctx.answerCallbackQuery({ text: ctx.t("common.invalidButton"), show_alert: true });
        return;
      }
      await ctx.answerCallbackQuery();
      await save(ctx, flow.data, null);
    });
  },
);
