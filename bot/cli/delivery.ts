// `delivery [--days N]` (the delivery log, as /guitin shows it) and `deadlines` /
// `deadlines set CODE DD/MM` (the plan's periodic report deadlines).
import { renderDeliveryReport } from "../../commands/delivery-log.js";
import { addDays } from "../services/calendar/index.js";
import { deliveryReport } from "../services/delivery-log.js";
import { parseDayMonth, setDeadlineDate, upcomingDeadline } from "../services/report-deadlines.js";
import { atLocal, localParts } from "../services/time.js";
import type { CliContext } from "./context.js";
import { formatDate } from "../services/date-text.js";

export async function deliveryCommand(cli: CliContext, days: number): Promise<number> {
  const tz = cli.config.timezone;
  const today = localParts(cli.now, tz).date;
  const report = await deliveryReport(cli.db.prisma, atLocal(addDays(today, 1 - days), "00:00", tz), cli.now);
  const period = days === 1 ? cli.t("delivery.periodToday") : cli.t("delivery.periodDays", { days });
  cli.out(renderDeliveryReport(cli.t, report, period, tz));
  return 0;
}

export async function deadlinesCommand(cli: CliContext, code: string | undefined, dayMonth: string | undefined): Promise<number> {
  const db = cli.db.prisma;
  if (code !== undefined) {
    const monthDay = dayMonth === undefined ? null : parseDayMonth(dayMonth);
    if (!monthDay) {
      cli.err(cli.t("cli.deadlines.badDate", { value: dayMonth ?? "" }));
      return 1;
    }
    if (!(await setDeadlineDate(db, code, monthDay, cli.actor, cli.now))) {
      cli.err(cli.t("cli.deadlines.unknown", { code }));
      return 1;
    }
  }
  const today = localParts(cli.now, cli.config.timezone).date;
  for (const d of await db.reportDeadline.findMany({ orderBy: { id: "asc" } })) {
    const next = upcomingDeadline(d, today);
    cli.out(cli.t("cli.deadlines.line", { code: d.code, title: d.title, day: `${d.dueMonthDay.slice(3)}/${d.dueMonthDay.slice(0, 2)}`, next: formatDate(next.date) }));
  }
  return 0;
}
