// The indicators as a chart image (PNG), drawn on the server: ECharts renders the chart to an
// SVG string without a browser or a canvas (its server-side rendering), and resvg turns the
// SVG into a PNG. Both install from npm with nothing downloaded: ECharts is JavaScript, resvg's
// native binary ships inside a per-platform npm package. The font is Be Vietnam Pro (a family
// drawn for Vietnamese, OFL) from an npm package, loaded by path: the bot does not depend on the
// fonts of the machine, and the diacritics render the same everywhere.
//
// One row per indicator: the value as a bar (green when it meets the plan's target, orange when
// not, blue when the plan sets no number), the target as a dark tick across the bar's track,
// and the value written in a column of its own on the right, where no bar or tick covers it.
// Sized for a phone: 1080 px wide, 24–44 px text.
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { BarChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

const require = createRequire(import.meta.url);
const FONT_FAMILY = "Be Vietnam Pro";
const FONT_FILES = [
  require.resolve("@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf"),
  require.resolve("@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf"),
];

export const CHART_WIDTH = 1080;
const ROW_HEIGHT = 118;
const TOP = 190;
const BOTTOM = 150;

export const CHART_COLOURS = { met: "#2e7d32", below: "#ef6c00", noTarget: "#1565c0", target: "#edf0f3", text: "#1f2933", muted: "#52606d" } as const;

export interface ChartRow {
  /** The indicator's name, as people read it ("Hồ sơ TTHC giải quyết đúng hạn"). */
  label: string;
  /** The value as a percentage 0–100 for the bar; null when there is no figure yet. */
  percent: number | null;
  /** The plan's target, 0–100; null when the plan sets no number. */
  target: number | null;
  /** What is written beside the bar: "87,5%", "3/4 (75%)", "chưa có số liệu". */
  valueText: string;
}

export interface ChartInput {
  title: string;
  subtitle: string;
  rows: ChartRow[];
  legend: { value: string; target: string };
  /** One line under the chart (where the figures come from). */
  footer: string;
}

function colourOf(r: ChartRow): string {
  if (r.target === null || r.percent === null) return CHART_COLOURS.noTarget;
  return r.percent >= r.target ? CHART_COLOURS.met : CHART_COLOURS.below;
}

/** The chart as an SVG document (kept separate: tests and the README sample can read it). */
export function indicatorChartSvg(input: ChartInput): { svg: string; width: number; height: number } {
  const width = CHART_WIDTH;
  const height = TOP + Math.max(1, input.rows.length) * ROW_HEIGHT + BOTTOM;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  // Top to bottom in the order given: a category axis draws its first category at the bottom.
  const rows = [...input.rows].reverse();
  const text = { fontFamily: FONT_FAMILY, color: CHART_COLOURS.text };
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: text,
      title: {
        text: input.title,
        subtext: input.subtitle,
        left: 40,
        top: 32,
        textStyle: { ...text, fontSize: 44, fontWeight: "bold" },
        subtextStyle: { ...text, color: CHART_COLOURS.muted, fontSize: 28 },
        itemGap: 16,
      },
      legend: {
        bottom: 78,
        left: 40,
        itemWidth: 44,
        itemHeight: 26,
        textStyle: { ...text, fontSize: 26 },
        data: [input.legend.value, input.legend.target],
      },
      grid: { left: 460, right: 250, top: TOP, bottom: BOTTOM, containLabel: false },
      xAxis: {
        type: "value",
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { ...text, fontSize: 22, color: CHART_COLOURS.muted, formatter: "{value}%" },
        splitLine: { lineStyle: { color: "#e4e8ec" } },
      },
      yAxis: [
        {
          type: "category",
          data: rows.map((r) => r.label),
          axisTick: { show: false },
          axisLine: { lineStyle: { color: "#9aa5b1" } },
          axisLabel: { ...text, fontSize: 26, lineHeight: 32, width: 420, overflow: "break", margin: 20 },
        },
        {
          type: "category",
          position: "right",
          // Rich text for both kinds: plain text beside a rich style falls back to a small default size.
          data: rows.map((r) => (r.percent === null ? `{none|${r.valueText}}` : `{value|${r.valueText}}`)),
          axisTick: { show: false },
          axisLine: { show: false },
          axisLabel: {
            ...text,
            fontSize: 28,
            fontWeight: "bold",
            width: 230,
            overflow: "break",
            margin: 16,
            rich: {
              value: { fontFamily: FONT_FAMILY, fontSize: 28, fontWeight: "bold", color: CHART_COLOURS.text, lineHeight: 34 },
              none: { fontFamily: FONT_FAMILY, fontSize: 24, fontWeight: "normal", color: CHART_COLOURS.muted, lineHeight: 30 },
            },
          },
        },
      ],
      series: [
        {
          name: input.legend.value,
          type: "bar",
          barWidth: 44,
          showBackground: true,
          backgroundStyle: { color: CHART_COLOURS.target },
          itemStyle: { color: CHART_COLOURS.met },
          data: rows.map((r) => ({ value: r.percent === null ? 0 : Math.max(0, Math.min(100, r.percent)), itemStyle: { color: colourOf(r) } })),
        },
        {
          name: input.legend.target,
          type: "scatter",
          symbol: "rect",
          symbolSize: [8, 72],
          itemStyle: { color: CHART_COLOURS.text },
          z: 3,
          data: rows.map((r, i) => (r.target === null ? null : [r.target, i])).filter((d) => d !== null),
        },
      ],
    });
    let svg = chart.renderToSVGString();
    // The footer: plain SVG text, set in the same font (ECharts' graphic component is not needed for one line).
    const footer = `<text x="40" y="${height - 30}" font-family="${FONT_FAMILY}" font-size="24" fill="${CHART_COLOURS.muted}">${escapeXml(input.footer)}</text>`;
    svg = svg.replace(/<\/svg>\s*$/, `${footer}</svg>`);
    return { svg, width, height };
  } finally {
    chart.dispose();
  }
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** The chart as a PNG image. */
export function renderIndicatorChart(input: ChartInput): Buffer {
  const { svg } = indicatorChartSvg(input);
  const png = new Resvg(svg, {
    background: "#ffffff",
    fitTo: { mode: "original" },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  }).render();
  return png.asPng();
}
