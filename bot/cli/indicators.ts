// `indicators list [--period KỲ]` and `indicators set --period KỲ --key KHÓA --value GIÁ_TRỊ
// --source NGUỒN [--date NGÀY]`: the plan's indicators of a period, and the office entering a
// figure the bot cannot measure. The same services as /chiso and /chiso nhap (validation,
// audit): only the way in differs.
import { parseArgs } from "node:util";
import { formatDate } from "../services/date-text.js";
import { formatEnteredValue, rowLine, rowTexts } from "../services/indicators/format.js";
import { indicatorReport } from "../services/indicators/report.js";
import { enteredIndicator, setIndicatorValue, unitCount } from "../services/indicators/values.js";
import { localParts } from "../services/time.js";
import { calendarStore } from "../services/working-calendar.js";
import type { CliContext } from "./context.js";

const OPTIONS = ["period", "key", "value", "source", "date"] as const;

export type IndicatorArgs = { sub: string | undefined; extra: string[] } & Partial<Record<(typeof OPTIONS)[number], string>>;

/** The sub-command and its options; a message when they do not parse (unknown option...). */
export function parseIndicatorArgs(argv: string[]): IndicatorArgs | string {
  // "--value -5" is the office's typo to answer, not a parse error: an option takes the next
  // argument whatever it looks like.
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--") && (OPTIONS as readonly string[]).includes(a.slice(2)) && i + 1 < argv.length) joined.push(`${a}=${argv[++i]}`);
    else joined.push(a);
  }
  try {
    const { values, positionals } = parseArgs({
      args: joined,
      allowPositionals: true,
      options: Object.fromEntries(OPTIONS.map((o) => [o, { type: "string" as const }])) as Record<(typeof OPTIONS)[number], { type: "string" }>,
    });
    const [sub, ...extra] = positionals;
    return { sub, extra, ...values };
  } catch (e) {
    return (e as Error).message;
  }
}

async function list(cli: CliContext, periodKey: string | undefined): Promise<number> {
  const db = cli.db.prisma;
  const calendar = await calendarStore(db, cli.config.timezone).get();
  // The CLI is the office's tool on the server: it sees the department's page.
  const res = await indicatorReport({ db, timeZone: cli.config.timezone, calendar }, { staffId: 0, role: "van_phong", unitId: 0 }, { now: cli.now, ...(periodKey ? { period: periodKey } : {}) });
  if (!res.ok) {
    cli.err(cli.t(res.reason === "noPeriod" ? "indicators.refusals.noPeriod" : "indicators.errors.unknownPeriod", { period: periodKey ?? "" }));
    return 1;
  }
  const { report } = res;
  const env = { t: cli.t, locale: cli.config.defaultLocale, timeZone: cli.config.timezone, now: cli.now };
  cli.out(cli.t("indicators.cli.header", { period: report.period.key, from: formatDate(report.period.from), to: formatDate(report.period.to), date: formatDate(report.asOfDate) }));
  for (const row of report.rows) {
    const r = rowTexts(env, report, row);
    cli.out(`${row.indicator.key} · ${rowLine(r)}`);
    cli.out(`    ${r.source}`);
  }
  return 0;
}

async function set(cli: CliContext, args: IndicatorArgs): Promise<number> {
  const missing = (["period", "key", "value", "source"] as const).filter((o) => args[o] === undefined);
  if (missing.length > 0) {
    for (const o of missing) cli.err(cli.t("indicators.cli.missing", { option: `--${o}` }));
    return 2;
  }
  const db = cli.db.prisma;
  const date = args.date ?? formatDate(localParts(cli.now, cli.config.timezone).date);
  const res = await setIndicatorValue(db, { actor: cli.actor, staffId: null, role: null }, { period: args.period!, key: args.key!, value: args.value!, source: args.source!, date }, cli.now, cli.config.timezone);
  if (res.status !== "saved") {
    // The CLI acts for the office; "denied" cannot happen here, but is answered all the same.
    const errors = res.status === "invalid" ? res.errors : [];
    for (const e of errors) cli.err(cli.t(`indicators.errors.${e.code}`, e.params));
    cli.err(cli.t("indicators.cli.nothingSaved"));
    return 1;
  }
  const def = enteredIndicator(res.value.key);
  if ("code" in def) return 1;
  const units = await unitCount(db);
  const env = { t: cli.t, locale: cli.config.defaultLocale };
  cli.out(cli.t("indicators.cli.saved", { key: def.key, period: res.value.period, value: formatEnteredValue(env, def, res.value.value, units), source: res.value.source, date: formatDate(res.value.sourceDate) }));
  if (res.previous) {
    cli.out(cli.t("indicators.cli.previous", { value: formatEnteredValue(env, def, res.previous.value, units), source: res.previous.source, date: formatDate(res.previous.sourceDate) }));
  }
  return 0;
}

/** Runs `indicators ...`; 2 when the usage should be shown. */
export async function indicatorsCommand(cli: CliContext, args: IndicatorArgs): Promise<number> {
  if (args.sub === "list" && args.extra.length === 0) return list(cli, args.period);
  if (args.sub === "set" && args.extra.length === 0) return set(cli, args);
  return 2;
}
