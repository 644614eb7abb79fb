// `report --period KỲ --out THƯ_MỤC`: the department's compiled report on a period, written as
// bao-cao-<KỲ>.docx and bao-cao-<KỲ>.xlsx (the same files /baocaoky sends); `report close KỲ`:
// the office closes a period, after which units can no longer submit or correct their reports.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createI18n, translator } from "../i18n.js";
import { fileErrorDetail } from "../import/index.js";
import { formatDateTime } from "../services/date-text.js";
import { describeChange } from "../services/reports/figure-changes.js";
import { generatePeriodReport } from "../services/reports/generate.js";
import { parsePeriodKey, type Period, resolvePeriod } from "../services/reports/periods.js";
import { closePeriod } from "../services/reports/submissions.js";
import type { CliContext } from "./context.js";

async function periodOf(cli: CliContext, key: string): Promise<Period | null> {
  const period = parsePeriodKey(key) ? await resolvePeriod(cli.db.prisma, key) : null;
  if (!period) cli.err(cli.t("periodReports.cli.unknownPeriod", { key }));
  return period;
}

export async function reportCommand(cli: CliContext, key: string, outDir: string): Promise<number> {
  const period = await periodOf(cli, key);
  if (!period) return 2;
  const dir = path.resolve(outDir);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    cli.err(cli.t("periodReports.cli.outUnwritable", { dir, error: fileErrorDetail(e) }));
    return 1;
  }
  const tz = cli.config.timezone;
  const res = await generatePeriodReport(cli.db.prisma, period, {
    now: cli.now,
    timeZone: tz,
    actor: cli.actor,
    actorStaffId: null,
    // The department's documents are in Vietnamese.
    t: translator(createI18n("vi"), "vi"),
  });
  for (const f of [res.docx, res.xlsx]) {
    const file = path.join(dir, f.fileName);
    try {
      await writeFile(file, f.bytes);
    } catch (e) {
      cli.err(cli.t("periodReports.cli.outUnwritable", { dir, error: fileErrorDetail(e) }));
      return 1;
    }
    cli.out(cli.t("periodReports.cli.written", { file }));
  }
  const submitted = res.report.units.filter((u) => u.submission).length;
  cli.out(cli.t("periodReports.cli.asOf", { asOf: formatDateTime(res.report.asOf, tz), done: submitted, total: res.report.units.length }));
  if (res.previous?.changes.length) {
    cli.out(cli.t("periodReports.cli.changed", { at: formatDateTime(res.previous.at, tz) }));
    for (const c of res.previous.changes) cli.out(`  ${describeChange(cli.t, c)}`);
  } else if (res.previous) {
    cli.out(cli.t("periodReports.cli.unchanged", { at: formatDateTime(res.previous.at, tz) }));
  }
  return 0;
}

export async function closePeriodCommand(cli: CliContext, key: string): Promise<number> {
  const period = await periodOf(cli, key);
  if (!period) return 2;
  const res = await closePeriod(cli.db.prisma, period.key, { actor: cli.actor, staffId: null, role: null }, cli.now);
  cli.out(cli.t(res === "closed" ? "periodReports.cli.closed" : "periodReports.cli.alreadyClosed", { key: period.key }));
  return 0;
}
