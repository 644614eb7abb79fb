// /guitin (office): the delivery log of automatic messages for a period.
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/context.js";
import { isOutboxKind } from "../bot/delivery/outbox.js";
import type { Translate } from "../bot/i18n.js";
import { addDays } from "../bot/services/calendar/index.js";
import { type DeliveryReport, deliveryReport } from "../bot/services/delivery-log.js";
import { OFFICE } from "../bot/services/roles.js";
import { atLocal, localParts } from "../bot/services/time.js";
import { defineCommand } from "../bot/telegram/commands.js";
import { formatDateTime } from "../bot/services/date-text.js";

const PERIODS = [1, 7, 30] as const;

export function renderDeliveryReport(t: Translate, report: DeliveryReport, period: string, timeZone: string): string {
  const kindName = (k: string) => t(isOutboxKind(k) ? `delivery.kinds.${k}` : "delivery.kinds.other");
  const lines = [t("delivery.title", { period }), ""];
  if (report.byKind.length === 0) lines.push(t("delivery.empty"));
  else {
    lines.push(t("delivery.header"));
    for (const { kind, counts } of report.byKind) lines.push(t("delivery.line", { kind: kindName(kind), ...counts }));
  }
  const when = (d: Date) => formatDateTime(d, timeZone);
  if (report.failures.length) {
    lines.push("", t("delivery.failedTitle"));
    for (const f of report.failures) lines.push(t("delivery.failedLine", { at: when(f.at), kind: kindName(f.kind), name: f.name, error: f.error.slice(0, 120) }));
  }
  if (report.unreachable.length) {
    lines.push("", t("delivery.unreachableTitle"));
    for (const u of report.unreachable.slice(0, 60)) {
      lines.push(
        u.reason === "never" || !u.since
          ? t("delivery.unreachableNever", { name: u.name, unit: u.unit })
          : t("delivery.unreachableLine", { name: u.name, unit: u.unit, reason: t(`delivery.reasons.${u.reason}`), at: when(u.since) }),
      );
    }
    if (report.unreachable.length > 60) lines.push(`… (+${report.unreachable.length - 60})`);
  }
  return lines.join("\n");
}

async function show(ctx: BotContext, days: number, edit: boolean) {
  const tz = ctx.deps.config.timezone;
  const today = localParts(ctx.now, tz).date;
  const from = atLocal(addDays(today, 1 - days), "00:00", tz);
  const report = await deliveryReport(ctx.deps.db, from, ctx.now);
  const period = days === 1 ? ctx.t("delivery.periodToday") : ctx.t("delivery.periodDays", { days });
  const text = renderDeliveryReport(ctx.t, report, period, tz);
  const kb = new InlineKeyboard()
    .text(ctx.t("delivery.buttonToday"), "guitin:d:1")
    .text(ctx.t("delivery.button7"), "guitin:d:7")
    .text(ctx.t("delivery.button30"), "guitin:d:30");
  if (edit) {
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch((e: unknown) => {
      if (!String((e as Error).message).includes("message is not modified")) throw e;
    });
  } else await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
}

export const deliveryLogCommand = defineCommand(
  { name: "guitin", roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.guitin" },
  (c) => {
    c.on("message", (ctx) => show(ctx, 1, false));
    c.on("callback_query:data", async (ctx, next) => {
      const [, action, value, ...rest] = ctx.callbackQuery.data.split(":");
      const days = Number(value);
      if (action !== "d" || rest.length || !(PERIODS as readonly number[]).includes(days)) return next();
      await ctx.answerCallbackQuery();
      await show(ctx, days, true);
    });
  },
);
