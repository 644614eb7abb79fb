// /lich (office): the working calendar of a month — working days, weekends, holidays, days in
// lieu and swapped Saturdays in force, each with where it comes from — with the previous and
// next month, and the status of the holiday notice import. The office uses it to check that a
// notice it imported took effect before the deadlines and reminders count on it.
//
// Office and administrators only (as the issue lists it among the office's actions): staff see
// the calendar's effect where it matters to them, in their due dates, and the import status
// (who imported what, when) is the office's business.
import { A } from "../bot/chat/actions.js";
import { defineCommand, NOT_HANDLED } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { button } from "../bot/chat/view.js";
import { calendarMonth, isCoveredMonth, parseYearMonth, renderCalendarMonth, shiftMonth, type YearMonth } from "../bot/services/calendar-month.js";
import { OFFICE } from "../bot/services/roles.js";
import { takeChars } from "../bot/services/safe-text.js";
import { localParts } from "../bot/services/time.js";
import { officeOnly } from "./office-context.js";

async function show(turn: Turn, ym: YearMonth) {
  const { t } = turn;
  const month = await calendarMonth(turn.deps.db, await turn.deps.calendar.get(), ym);
  const prev = shiftMonth(ym, -1);
  const next = shiftMonth(ym, 1);
  const nav = [
    ...(isCoveredMonth(prev) ? [button(t("office.lich.prev", { month: prev.month, year: prev.year }), A.calendar.month.build(prev))] : []),
    ...(isCoveredMonth(next) ? [button(t("office.lich.next", { month: next.month, year: next.year }), A.calendar.month.build(next))] : []),
  ];
  await turn.reply.show({ text: renderCalendarMonth(t, month, turn.deps.config.timezone), buttons: [nav] }, { replace: true });
}

export const calendarCommand = defineCommand(
  { name: "lich", aliases: ["calendar"], roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.lich" },
  (c) => {
    c.check(officeOnly);
    c.message((turn) => {
      const args = turn.command?.args.trim() ?? "";
      if (!args) {
        const today = localParts(turn.now, turn.deps.config.timezone).date;
        return show(turn, { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
      }
      const ym = parseYearMonth(args);
      if (!ym) return turn.reply.show(turn.t("office.lich.badMonth", { value: takeChars(args, 40) }));
      return show(turn, ym);
    });
    c.action(A.calendar.month, (turn, { year, month }) => (isCoveredMonth({ year, month }) ? show(turn, { year, month }) : NOT_HANDLED));
  },
);
