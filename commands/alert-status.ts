// /tinhtrang (the office): the alerts of the last 30 days with their acknowledgement rates;
// for one alert, the rate by unit, who has not acknowledged, who cannot be reached through
// the bot, and the remediation roll-up; cancelling and correcting start here. A line on the
// security-tip quizzes, with the rates per unit behind a button.
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { type Button, grid, type View } from "../bot/chat/view.js";
import { cancelAlert } from "../bot/services/alerts/cancel.js";
import { remediationRollup } from "../bot/services/alerts/remediation.js";
import { ackStatus, alertSummary, findAlert, isLive, recentAlerts } from "../bot/services/alerts/status.js";
import { alertDetailView, alertListView, quizSummaryLine, quizUnitsView } from "../bot/services/alerts/status-view.js";
import { OFFICE } from "../bot/services/roles.js";
import { quizStats } from "../bot/services/tips/quiz.js";
import { alertActor, alertDeps, officeOnly } from "./alert-context.js";
import { startCorrection } from "./alerts.js";

const DAYS = 30;

async function listView(turn: Turn): Promise<View> {
  const { db } = turn.deps;
  const alerts = await recentAlerts(db, new Date(turn.now.getTime() - DAYS * 86_400_000));
  const rollups = new Map(await Promise.all(alerts.filter((a) => a.requireRemediation).map(async (a) => [a.id, await remediationRollup(db, a.id)] as const)));
  const text = [alertListView(turn.t, alerts, rollups, DAYS, turn.deps.config.timezone), "", quizSummaryLine(turn.t, await quizStats(db))].join("\n");
  const buttons = grid(alerts.map((a) => ({ text: turn.t("alerts.status.open", { number: a.id }), data: A.alertStatus.alert.build({ id: a.id }) })), 4);
  buttons.push([
    { text: turn.t("alerts.status.quizButton"), data: A.alertStatus.quiz.build({}) },
    { text: turn.t("alerts.status.refresh"), data: A.alertStatus.list.build({}) },
  ]);
  return { text, buttons };
}

async function detailView(turn: Turn, alertId: number): Promise<View | null> {
  const { db } = turn.deps;
  const summary = await alertSummary(db, alertId);
  if (!summary) return null;
  const [status, rollup] = await Promise.all([ackStatus(db, alertId), summary.requireRemediation ? remediationRollup(db, alertId) : null]);
  const first: Button[] = [{ text: turn.t("alerts.status.refresh"), data: A.alertStatus.alert.build({ id: alertId }) }];
  if (isLive(summary)) {
    first.push({ text: turn.t("alerts.status.correct"), data: A.alertStatus.correct.build({ id: alertId }) });
    first.push({ text: turn.t("alerts.status.cancel"), data: A.alertStatus.cancel.build({ id: alertId }) });
  }
  return {
    text: alertDetailView(turn.t, summary, status, rollup, turn.deps.config.timezone),
    buttons: [first, [{ text: turn.t("alerts.status.backToList"), data: A.alertStatus.list.build({}) }]],
  };
}

const invalid = (turn: Turn) => turn.reply.notice(turn.t("common.invalidButton"), { alert: true });

export const alertStatusCommand = defineCommand(
  { name: "tinhtrang", aliases: ["alerts"], roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.tinhtrang" },
  (c) => {
    c.check(officeOnly);

    c.message(async (turn) => {
      const arg = turn.command?.args.replace(/^(số|so|no\.?|#)\s*/i, "") ?? "";
      if (/^\d{1,9}$/.test(arg)) {
        const view = await detailView(turn, Number(arg));
        return turn.reply.show(view ?? turn.t("alerts.status.notFound", { number: arg }));
      }
      await turn.reply.show(await listView(turn));
    });

    c.action(A.alertStatus.list, async (turn) => turn.reply.show(await listView(turn), { replace: true }));
    c.action(A.alertStatus.quiz, async (turn) =>
      turn.reply.show(
        { text: quizUnitsView(turn.t, await quizStats(turn.deps.db)), buttons: [[{ text: turn.t("alerts.status.backToList"), data: A.alertStatus.list.build({}) }]] },
        { replace: true },
      ),
    );
    c.action(A.alertStatus.alert, async (turn, { id }) => {
      const view = await detailView(turn, id);
      return view ? turn.reply.show(view, { replace: true }) : invalid(turn);
    });
    c.action(A.alertStatus.cancel, async (turn, { id }) => {
      const alert = await findAlert(turn.deps.db, id);
      if (!alert) return invalid(turn);
      const buttons = [
        [
          { text: turn.t("alerts.status.confirmCancelYes"), data: A.alertStatus.cancelYes.build({ id: alert.id }) },
          { text: turn.t("alerts.status.confirmCancelNo"), data: A.alertStatus.alert.build({ id: alert.id }) },
        ],
      ];
      await turn.reply.show({ text: turn.t("alerts.status.confirmCancel", { number: alert.id, title: alert.title }), buttons }, { replace: true });
    });
    c.action(A.alertStatus.cancelYes, async (turn, { id }) => {
      const res = await cancelAlert(alertDeps(turn), id, alertActor(turn), turn.now);
      if (res.status === "not-found" || res.status === "denied") return invalid(turn);
      turn.deps.wakeSender();
      const note =
        res.status === "cancelled"
          ? turn.t("alerts.status.cancelDone", { number: id, stopped: res.stopped, notified: res.notified })
          : turn.t("alerts.status.alreadyCancelled", { number: id });
      await turn.reply.notice(note);
      const view = await detailView(turn, id);
      if (view) await turn.reply.show(view, { replace: true });
    });
    c.action(A.alertStatus.correct, async (turn, { id }) => {
      const alert = await findAlert(turn.deps.db, id);
      if (!alert) return invalid(turn);
      if (alert.status !== "sent" || alert.corrections > 0) return turn.reply.notice(turn.t("alerts.status.cannotCorrect", { number: id }), { alert: true });
      await startCorrection(turn, alert);
    });
  },
);
