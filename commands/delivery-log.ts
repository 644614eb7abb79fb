// /guitin (office): the delivery log of automatic messages for a period.
import { A } from "../bot/chat/actions.js";
import { defineCommand, NOT_HANDLED } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { isOutboxKind } from "../bot/delivery/outbox.js";
import type { Translate } from "../bot/i18n.js";
import { addDays } from "../bot/services/calendar/index.js";
import { formatDateTime } from "../bot/services/date-text.js";
import { type DeliveryReport, deliveryReport } from "../bot/services/delivery-log.js";
import { OFFICE } from "../bot/services/roles.js";
import { atLocal, localParts } from "../bot/services/time.js";

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

async function show(turn: Turn, days: number) {
  const tz = turn.deps.config.timezone;
  const today = localParts(turn.now, tz).date;
  const from = atLocal(addDays(today, 1 - days), "00:00", tz);
  const report = await deliveryReport(turn.deps.db, from, turn.now);
  const period = days === 1 ? turn.t("delivery.periodToday") : turn.t("delivery.periodDays", { days });
  const text = renderDeliveryReport(turn.t, report, period, tz);
  const buttons = [
    [
      { text: turn.t("delivery.buttonToday"), data: A.deliveryLog.period.build({ days: 1 }) },
      { text: turn.t("delivery.button7"), data: A.deliveryLog.period.build({ days: 7 }) },
      { text: turn.t("delivery.button30"), data: A.deliveryLog.period.build({ days: 30 }) },
    ],
  ];
  await turn.reply.show({ text, buttons }, { replace: true });
}

export const deliveryLogCommand = defineCommand(
  { name: "guitin", roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.guitin" },
  (c) => {
    c.message((turn) => show(turn, 1));
    c.action(A.deliveryLog.period, (turn, { days }) => ((PERIODS as readonly number[]).includes(days) ? show(turn, days) : NOT_HANDLED));
  },
);
