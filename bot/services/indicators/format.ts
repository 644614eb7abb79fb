// The indicators for people: the text page (each indicator with its value, the plan's target,
// whether it is met, and its source and date) and the same rows as a chart's input. Numbers
// are written the reader's way ("87,5%" in Vietnamese, "87.5%" in English).
import { unescapeMarkup } from "../../chat/markup.js";
import { type Locale, quoted, type TKey, type Translate } from "../../i18n.js";
import { formatDate, formatDateOf } from "../date-text.js";
import { formatRate } from "../dossiers/figures.js";
import type { ChartInput, ChartRow } from "./chart.js";
import type { EnteredIndicator, Indicator } from "./catalog.js";
import type { Period } from "../reports/periods.js";
import type { IndicatorReport, IndicatorRow } from "./report.js";

export interface FormatEnv {
  t: Translate;
  locale: Locale;
  timeZone: string;
  /** The instant the page is made at (to say whether the period still runs). */
  now: Date;
}

const nameKey = (i: Indicator) => `indicators.items.${i.key}.name` as TKey;
const planKey = (i: Indicator) => `indicators.items.${i.key}.plan` as TKey;

export function indicatorName(t: Translate, i: Indicator): string {
  return t(nameKey(i));
}

export function indicatorPlanText(t: Translate, i: Indicator): string {
  return t(planKey(i));
}

/** "quý I/2027", "6 tháng đầu năm 2027", "năm 2027". */
export function periodLabel(t: Translate, p: Pick<Period, "code" | "year">): string {
  return t(`indicators.periods.${p.code}`, { year: p.year });
}

/** A percentage 0–100 in the reader's way: "87,5%". */
export function formatPercent(percent: number, locale: Locale): string {
  return formatRate(percent / 100, locale);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 2 }).format(n);
}

/** An entered value as typed back: "34%" or "3/4 đơn vị". */
export function formatEnteredValue(env: Pick<FormatEnv, "t" | "locale">, def: EnteredIndicator, value: number, units: number): string {
  return def.kind === "percent" ? formatPercent(value, env.locale) : env.t("indicators.unitCount", { count: value, total: units });
}

/** "87,5% (7/8)", "3/4 đơn vị (75%)", "34%", or "chưa có số liệu"; `short`: "75% (3/4)" for every ratio (the chart). */
export function valueText(env: Pick<FormatEnv, "t" | "locale">, row: IndicatorRow, short = false): string {
  if (row.percent === null) return env.t("indicators.noData");
  const pct = formatPercent(row.percent, env.locale);
  if (!row.ratio) return pct;
  const { numerator, denominator } = row.ratio;
  if (row.indicator.origin === "entered" && !short) return env.t("indicators.unitCountPercent", { count: numerator, total: denominator, percent: pct });
  return env.t("indicators.ratioPercent", { percent: pct, numerator, denominator });
}

function targetText(env: Pick<FormatEnv, "t" | "locale">, row: IndicatorRow): string {
  const target = row.indicator.target;
  if (target === null) return env.t("indicators.noTarget");
  const pct = formatPercent(target, env.locale);
  return target >= 100 ? env.t("indicators.targetFull", { target: pct }) : env.t("indicators.targetAtLeast", { target: pct });
}

function verdict(env: Pick<FormatEnv, "t">, row: IndicatorRow): string {
  return row.met === null ? "" : env.t(row.met ? "indicators.met" : "indicators.below");
}

function sourceText(env: FormatEnv, report: IndicatorReport, row: IndicatorRow): string {
  if (row.indicator.origin === "measured") return env.t("indicators.sourceMeasured", { date: formatDate(report.asOfDate) });
  const e = row.entered;
  if (!e) return env.t("indicators.sourceMissing");
  return env.t("indicators.sourceEntered", { source: quoted(env.t, e.source), date: formatDate(e.sourceDate), entered: formatDateOf(e.createdAt, env.timeZone) });
}

/** One row's pieces, as every page writes them (the chat, the CLI). */
export function rowTexts(env: FormatEnv, report: IndicatorReport, row: IndicatorRow) {
  return { name: indicatorName(env.t, row.indicator), value: valueText(env, row), target: targetText(env, row), verdict: verdict(env, row), source: sourceText(env, report, row) };
}

/** "Name: value — target verdict", the line every page writes (pieces from rowTexts). */
export function rowLine(r: ReturnType<typeof rowTexts>, bold = false): string {
  return `${bold ? `<b>${r.name}</b>` : r.name}: ${r.value} — ${r.target}${r.verdict}`;
}

function titleOf(env: FormatEnv, report: IndicatorReport): string {
  const period = periodLabel(env.t, report.period);
  return report.unit ? env.t("indicators.titleUnit", { period, unit: report.unit.name }) : env.t("indicators.title", { period });
}

/** The page as neutral markup. */
export function indicatorsText(env: FormatEnv, report: IndicatorReport): string {
  const running = report.asOf.getTime() >= env.now.getTime();
  const lines = [
    `<b>${titleOf(env, report)}</b>`,
    env.t(running ? "indicators.asOfRunning" : "indicators.asOf", { date: formatDate(report.asOfDate), from: formatDate(report.period.from), to: formatDate(report.period.to) }),
    "",
  ];
  for (const row of report.rows) {
    const r = rowTexts(env, report, row);
    lines.push(`• ${rowLine(r, true)}`, `   ${r.source}`);
  }
  if (report.unit) lines.push("", env.t("indicators.unitNote"));
  return lines.join("\n");
}

/** The same rows for the chart: plain text (the translator escapes values for markup). */
export function indicatorsChart(env: FormatEnv, report: IndicatorReport): ChartInput {
  const plain = unescapeMarkup;
  const rows: ChartRow[] = report.rows.map((row) => ({
    label: plain(indicatorName(env.t, row.indicator)),
    percent: row.percent,
    target: row.indicator.target,
    valueText: plain(valueText(env, row, true)),
  }));
  return {
    title: plain(titleOf(env, report)),
    subtitle: plain(env.t("indicators.chart.subtitle", { scope: report.unit?.name ?? env.t("indicators.department"), date: formatDate(report.asOfDate) })),
    rows,
    legend: { value: plain(env.t("indicators.chart.value")), target: plain(env.t("indicators.chart.target")) },
    footer: plain(env.t(report.unit ? "indicators.chart.footerUnit" : "indicators.chart.footer")),
  };
}

export function chartFileName(report: IndicatorReport): string {
  const unit = report.unit ? `-${report.unit.id}` : "";
  return `chi-so-${report.period.key}${unit}.png`;
}
