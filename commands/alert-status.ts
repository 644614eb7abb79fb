// /tinhtrang (the office): the alerts of the last 30 days with their acknowledgement rates;
// for one alert, the rate by unit, who has not acknowledged, who cannot be reached through
// the bot, and the remediation roll-up; cancelling and correcting start here. A line on the
// security-tip quizzes, with the rates per unit behind a button.
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/context.js";
import { cancelAlert } from "../bot/services/alerts/cancel.js";
import { remediationRollup } from "../bot/services/alerts/remediation.js";
import { ackStatus, alertSummary, isLive, recentAlerts } from "../bot/services/alerts/status.js";
import { alertDetailView, alertListView, quizSummaryLine, quizUnitsView } from "../bot/services/alerts/status-view.js";
import { quizStats } from "../bot/services/tips/quiz.js";
import { OFFICE } from "../bot/services/roles.js";
import { defineCommand } from "../bot/telegram/commands.js";
import { alertActor, alertDeps, officeOnly } from "./alert-context.js";
import { startCorrection } from "./alerts.js";

const DAYS = 30;



type View = { text: string; keyboard: InlineKeyboard };

async function listView(ctx: BotContext): Promise<View> {
  const { db } = ctx.deps;
  const alerts = await recentAlerts(db, new Date(ctx.now.getTime() - DAYS * 86_400_000));
  const rollups = new Map(await Promise.all(alerts.filter((a) => a.requireRemediation).map(async (a) => [a.id, await remediationRollup(db, a.id)] as const)));
  const text = [alertListView(ctx.t, alerts, rollups, DAYS, ctx.deps.config.timezone), "", quizSummaryLine(ctx.t, await quizStats(db))].join("\n");
  const kb = new InlineKeyboard();
  alerts.forEach((a, i) => {
    if (i > 0 && i % 4 === 0) kb.row();
    kb.text(ctx.t("alerts.status.open", { number: a.id }), `tinhtrang:a:${a.id}`);
  });
  if (alerts.length > 0) kb.row();
  kb.text(ctx.t("alerts.status.quizButton"), "tinhtrang:quiz").text(ctx.t("alerts.status.refresh"), "tinhtrang:list");
  return { text, keyboard: kb };
}

async function detailView(ctx: BotContext, alertId: number): Promise<View | null> {
  const { db } = ctx.deps;
  const summary = await alertSummary(db, alertId);
  if (!summary) return null;
  const [status, rollup] = await Promise.all([ackStatus(db, alertId), summary.requireRemediation ? remediationRollup(db, alertId) : null]);
  const kb = new InlineKeyboard().text(ctx.t("alerts.status.refresh"), `tinhtrang:a:${alertId}`);
  if (isLive(summary)) kb.text(ctx.t("alerts.status.correct"), `tinhtrang:fix:${alertId}`).text(ctx.t("alerts.status.cancel"), `tinhtrang:c:${alertId}`);
  kb.row().text(ctx.t("alerts.status.backToList"), "tinhtrang:list");
  return { text: alertDetailView(ctx.t, summary, status, rollup, ctx.deps.config.timezone), keyboard: kb };
}

async function show(ctx: BotContext, view: View) {
  await ctx.editMessageText(view.text, { parse_mode: "HTML", reply_markup: view.keyboard }).catch((e: unknown) => {
    // "Cập nhật" when nothing changed: Telegram says the message is not modified.
    if (!String((e as Error).message).includes("message is not modified")) throw e;
  });
}

export const alertStatusCommand = defineCommand(
  { name: "tinhtrang", aliases: ["alerts"], roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.tinhtrang" },
  (c) => {
    c.use(officeOnly);

    c.on("message", async (ctx: BotContext) => {
      const arg = ctx.command?.args.replace(/^(số|so|no\.?|#)\s*/i, "") ?? "";
      if (/^\d{1,9}$/.test(arg)) {
        const view = await detailView(ctx, Number(arg));
        if (!view) return ctx.reply(ctx.t("alerts.status.notFound", { number: arg }));
        return ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
      }
      const view = await listView(ctx);
      await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
    });

    c.callbackQuery("tinhtrang:list", async (ctx: BotContext) => {
      await ctx.answerCallbackQuery();
      await show(ctx, await listView(ctx));
    });

    c.callbackQuery("tinhtrang:quiz", async (ctx: BotContext) => {
      await ctx.answerCallbackQuery();
      await show(ctx, { text: quizUnitsView(ctx.t, await quizStats(ctx.deps.db)), keyboard: new InlineKeyboard().text(ctx.t("alerts.status.backToList"), "tinhtrang:list") });
    });

    c.callbackQuery(/^tinhtrang:a:(\d{1,9})$/, async (ctx: BotContext) => {
      const view = await detailView(ctx, Number(ctx.match![1]));
      if (!view) return ctx.answerCallbackQuery({ text: ctx.t("common.invalidButton"), show_alert: true });
      await ctx.answerCallbackQuery();
      await show(ctx, view);
    });

    c.callbackQuery(/^tinhtrang:c:(\d{1,9})$/, async (ctx: BotContext) => {
      const alert = await ctx.deps.db.securityAlert.findUnique({ where: { id: Number(ctx.match![1]) } });
      if (!alert) return ctx.answerCallbackQuery({ text: ctx.t("common.invalidButton"), show_alert: true });
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard()
        .text(ctx.t("alerts.status.confirmCancelYes"), `tinhtrang:cy:${alert.id}`)
        .text(ctx.t("alerts.status.confirmCancelNo"), `tinhtrang:a:${alert.id}`);
      await show(ctx, { text: ctx.t("alerts.status.confirmCancel", { number: alert.id, title: alert.title }), keyboard: kb });
    });

    c.callbackQuery(/^tinhtrang:cy:(\d{1,9})$/, async (ctx: BotContext) => {
      const alertId = Number(ctx.match![1]);
      const res = await cancelAlert(alertDeps(ctx), alertId, alertActor(ctx), ctx.now);
      if (res.status === "not-found" || res.status === "denied") return ctx.answerCallbackQuery({ text: ctx.t("common.invalidButton"), show_alert: true });
      ctx.deps.wakeSender();
      const note =
        res.status === "cancelled"
          ? ctx.t("alerts.status.cancelDone", { number: alertId, stopped: res.stopped, notified: res.notified })
          : ctx.t("alerts.status.alreadyCancelled", { number: alertId });
      await ctx.answerCallbackQuery({ text: note.slice(0, 200) });
      const view = await detailView(ctx, alertId);
      if (view) await show(ctx, view);
    });

    c.callbackQuery(/^tinhtrang:fix:(\d{1,9})$/, async (ctx: BotContext) => {
      const alertId = Number(ctx.match![1]);
      const alert = await ctx.deps.db.securityAlert.findUnique({ where: { id: alertId }, include: { _count: { select: { corrections: true } } } });
      if (!alert) return ctx.answerCallbackQuery({ text: ctx.t("common.invalidButton"), show_alert: true });
      if (alert.status !== "sent" || alert._count.corrections > 0) {
        return ctx.answerCallbackQuery({ text: ctx.t("alerts.status.cannotCorrect", { number: alertId }), show_alert: true });
      }
      await ctx.answerCallbackQuery();
      await startCorrection(ctx, alert);
    });
  },
);
