// The scheduled tip: on working days at the office's `tips.time`, a tip to everyone whose
// frequency is `daily`, and on the week's tip day (`tips.weekday`, or the next working day
// of that week when it is a holiday) to those whose frequency is `weekly`. Runs from a
// periodic job, so a change of `tips.time` takes effect the same day; each person's tip of
// the day has the de-duplication key `tip:<date>:<staffId>`, so reruns send nothing twice.
import type { i18n as I18n } from "i18next";
import type { Db } from "../../db/client.js";
import { enqueue } from "../../delivery/outbox.js";
import { isLocale, type Locale, translator } from "../../i18n.js";
import { addDays, dayOfWeek, type WorkingCalendar } from "../calendar/index.js";
import { getSetting } from "../settings.js";
import { RecipientErrors } from "../recipient-errors.js";
import { staffRecordedToday } from "../recorded-today.js";
import { localParts } from "../time.js";
import { deliverNextTip } from "./next-tip.js";
import { renderTip } from "./render.js";

export interface ScheduledTipDeps {
  db: Db;
  i18n: I18n;
  timeZone: string;
  defaultLocale: Locale;
  calendar: WorkingCalendar;
}

/** The week's tip day: the configured weekday (1 = Monday) or the next working day of that week. */
export function weeklyTipDate(date: string, weekday: number, calendar: WorkingCalendar): string | null {
  const monday = addDays(date, -((dayOfWeek(date) + 6) % 7));
  const sunday = addDays(monday, 6);
  let day = addDays(monday, weekday - 1);
  if (!calendar.isWorkingDay(day)) day = calendar.nextWorkingDay(day);
  return day <= sunday ? day : null;
}

export interface ScheduledTipResult {
  due: boolean;
  queued: number;
  alreadySent: number;
  unreachable: number;
}

/** `errors` collects the people whose tip could not be recorded; the others still get theirs. */
export async function sendScheduledTips(deps: ScheduledTipDeps, now: Date, errors = new RecipientErrors(undefined, "security-tip")): Promise<ScheduledTipResult> {
  const { db, calendar } = deps;
  const result: ScheduledTipResult = { due: false, queued: 0, alreadySent: 0, unreachable: 0 };
  const { date, time } = localParts(now, deps.timeZone);
  const [tipTime, weekday] = await Promise.all([getSetting(db, "tips.time"), getSetting(db, "tips.weekday")]);
  const workEnd = calendar.workingHours.end;
  // Not before the time, and not after office hours: a tip is not worth a late-evening message.
  if (!calendar.isWorkingDay(date) || time < tipTime || time >= workEnd) return result;
  const frequencies = weeklyTipDate(date, weekday, calendar) === date ? ["daily", "weekly"] : ["daily"];
  const staff = await db.staff.findMany({
    where: { active: true, tipFrequency: { in: frequencies }, accounts: { some: { active: true } } },
    select: { id: true, locale: true },
    orderBy: { id: "asc" },
  });
  result.due = true;
  const keyOf = (staffId: number) => `tip:${date}:${staffId}`;
  const done = await staffRecordedToday(db, { kind: "tip", keyPrefix: `tip:${date}:`, date, timeZone: deps.timeZone });
  for (const s of staff) {
    if (done.has(s.id)) {
      result.alreadySent++;
      continue;
    }
    const locale = isLocale(s.locale) ? s.locale : deps.defaultLocale;
    const t = translator(deps.i18n, locale);
    let status = "";
    await errors.each(`staff:${s.id}`, () => deliverNextTip(db, s.id, {
      via: "scheduled",
      now,
      send: async (tx, tip) => {
        const res = await enqueue(
          tx,
          { dedupKey: keyOf(s.id), kind: "tip", staffId: s.id, payload: renderTip(t, locale, tip, { scheduled: true }), refType: "tip", refId: tip.id },
          { now, timeZone: deps.timeZone },
        );
        status = res.status;
        return res.status === "queued";
      },
    }));
    if (status === "queued") result.queued++;
    else if (status === "duplicate") result.alreadySent++;
    else if (status === "unreachable") result.unreachable++;
  }
  return result;
}
