// `import holidays FILE [--dry-run]`: the government's yearly holiday notice (Ngày, Tên,
// Loại: nghỉ / làm bù). Prints the resulting days off of each occasion in the file, so the
// office can compare them with the notice.
import { formatProblems, readRecords } from "../import/index.js";
import { applyHolidayImport, HOLIDAY_SPEC, planHolidayImport } from "../services/holiday-import.js";
import { calendarOptions } from "../services/working-calendar.js";
import type { CliContext } from "./context.js";
import { formatDate } from "../services/date-text.js";

const short = (d: string) => formatDate(d);

export async function importHolidays(cli: CliContext, file: string, opts: { dryRun: boolean }): Promise<number> {
  const { t } = cli;
  const db = cli.db.prisma;
  const read = await readRecords({ path: file }, HOLIDAY_SPEC);
  const plan = read.problems.length ? { problems: read.problems, rows: [] } : planHolidayImport(read);
  if (plan.problems.length) {
    cli.err(formatProblems(plan.problems));
    cli.err(t("cli.nothingWritten"));
    return 1;
  }
  const result = await applyHolidayImport(db, plan, {
    actor: cli.actor,
    now: cli.now,
    dryRun: opts.dryRun,
    calendarOptions: await calendarOptions(db, cli.config.timezone),
  });
  cli.out(t(opts.dryRun ? "cli.holidays.dryRun" : "cli.holidays.imported", { rows: result.rows, replaced: result.replaced }));
  for (const o of result.occasions) {
    cli.out(
      t("cli.holidays.occasion", {
        label: o.label,
        year: o.occasionYear,
        daysOff: o.daysOff.length ? o.daysOff.map(short).join(", ") : t("cli.holidays.none"),
        makeUp: o.makeUpDays.length ? t("cli.holidays.makeUp", { days: o.makeUpDays.map(short).join(", ") }) : "",
      }),
    );
    if (o.mainDay) cli.out(t(o.replacesComputed ? "cli.holidays.replacesComputed" : "cli.holidays.addsToComputed", { main: short(o.mainDay) }));
  }
  cli.out("");
  cli.out(t("cli.holidays.wholeBreak"));
  return 0;
}
