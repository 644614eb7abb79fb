// The "Đã đọc" button under every copy of an alert. Not a command anyone types: a module of
// its own because every staff member may press it, while /canhbao is for the office only.
// The button carries the recipient row's id; the service checks the presser is that person.
import type { BotContext } from "../bot/context.js";
import { acknowledgeAlert } from "../bot/services/alerts/ack.js";
import { defineCommand } from "../bot/telegram/commands.js";
import { formatDateTime } from "../bot/services/date-text.js";

export const alertAckCommand = defineCommand(
  { name: "canhbaodoc", roles: "any", requiresBinding: true, privateOnly: true, inMenu: false, descriptionKey: "commands.canhbaodoc" },
  (c) => {
    c.callbackQuery(/^canhbaodoc:ack:(\d{1,9})$/, async (ctx: BotContext) => {
      const recipientId = Number(ctx.match![1]);
      const identity = ctx.identity!;
      const res = await acknowledgeAlert(ctx.deps.db, recipientId, identity.staffId, `telegram:${ctx.from!.id}`, ctx.now);
      const dropButton = () => ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
      switch (res.status) {
        case "acknowledged":
          await ctx.answerCallbackQuery({ text: ctx.t("alerts.ack.done") });
          await dropButton();
          return;
        case "already":
          await ctx.answerCallbackQuery({ text: ctx.t("alerts.ack.already", { time: formatDateTime(res.at, ctx.deps.config.timezone) }) });
          await dropButton();
          return;
        case "cancelled":
        case "superseded":
          await ctx.answerCallbackQuery({ text: ctx.t(res.status === "cancelled" ? "alerts.ack.cancelled" : "alerts.ack.superseded"), show_alert: true });
          return;
        case "not-yours":
          await ctx.answerCallbackQuery({ text: ctx.t("alerts.ack.notYours"), show_alert: true });
          return;
        case "unknown":
          await ctx.answerCallbackQuery({ text: ctx.t("common.invalidButton"), show_alert: true });
      }
    });
  },
);
