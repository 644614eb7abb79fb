// /baocaoky [KỲ]: the office and the department's leaders see which units have reported on a
// period, and have the department's compiled report generated (.docx in the format of
// Decree 30/2020 and .xlsx, sent as documents named by period; where a channel takes no files
// the adapter sends download links). The office closes a period ("Khoá kỳ"): units can then no
// longer submit or correct their reports.
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import type { Button } from "../bot/chat/view.js";
import { formatDate, formatDateTime } from "../bot/services/date-text.js";
import { translator } from "../bot/i18n.js";
import { DEPARTMENT_WIDE, isOffice } from "../bot/services/roles.js";
import { localParts } from "../bot/services/time.js";
import { deadlineTitle } from "../bot/services/report-deadlines.js";
import { describeChange } from "../bot/services/reports/figure-changes.js";
import { generatePeriodReport } from "../bot/services/reports/generate.js";
import { parsePeriodKey, type Period, resolvePeriod } from "../bot/services/reports/periods.js";
import { closePeriod, isPeriodClosed, latestSubmissions, periodChoices, reportingUnits } from "../bot/services/reports/submissions.js";
import { periodName } from "./submit-report.js";

/** At most this many changed figures are listed; the rest are counted. */
const CHANGES_SHOWN = 15;

function today(turn: Turn): string {
  return localParts(turn.now, turn.deps.config.timezone).date;
}

async function periodPicker(turn: Turn) {
  const choices = await periodChoices(turn.deps.db, today(turn));
  if (!choices.length) return turn.reply.show(turn.t("periodReports.noPeriod"));
  const buttons: Button[][] = choices.slice(0, 8).map((c) => [
    { text: `${c.closed ? "🔒 " : ""}${c.period.key} — ${deadlineTitle(turn.t, c.period)}`, data: A.periodReport.period.build({ key: c.period.key }) },
  ]);
  await turn.reply.show({ text: turn.t("periodReports.compiled.pick"), buttons });
}

async function showPeriod(turn: Turn, period: Period, opts: { replace?: boolean } = {}) {
  const { t } = turn;
  const tz = turn.deps.config.timezone;
  const [units, submissions, closed] = await Promise.all([reportingUnits(turn.deps.db), latestSubmissions(turn.deps.db, period.key), isPeriodClosed(turn.deps.db, period.key)]);
  const lines = [
    t("periodReports.compiled.heading", { period: periodName(turn.t, period), due: formatDate(period.due) }),
    t(closed ? "periodReports.compiled.closed" : "periodReports.compiled.open"),
    t("periodReports.compiled.submittedCount", { done: submissions.size, total: units.length }),
    "",
  ];
  for (const u of units) {
    const s = submissions.get(u.id);
    lines.push(
      s
        ? t("periodReports.compiled.unitDone", { unit: u.name, version: s.version, at: formatDateTime(s.submittedAt, tz), by: s.submittedBy })
        : t("periodReports.compiled.unitMissing", { unit: u.name }),
    );
  }
  const buttons: Button[][] = [[{ text: t("periodReports.compiled.make"), data: A.periodReport.make.build({ key: period.key }) }]];
  if (!closed && isOffice(turn.identity!.staff.role)) buttons.push([{ text: t("periodReports.compiled.close"), data: A.periodReport.close.build({ key: period.key }) }]);
  await turn.reply.show({ text: lines.join("\n"), buttons }, opts);
}

async function make(turn: Turn, period: Period) {
  const { t } = turn;
  const tz = turn.deps.config.timezone;
  if (turn.input.kind === "action") await turn.reply.notice(t("periodReports.compiled.making"));
  const res = await generatePeriodReport(turn.deps.db, period, {
    now: turn.now,
    timeZone: tz,
    actor: turn.actor,
    actorStaffId: turn.identity!.staffId,
    // The department's documents are in Vietnamese, whoever asks.
    t: translator(turn.deps.i18n, "vi"),
  });
  const lines = [t("periodReports.compiled.made", { period: periodName(turn.t, period), asOf: formatDateTime(res.report.asOf, tz) })];
  if (res.previous && res.previous.changes.length) {
    lines.push("", t("periodReports.compiled.changed", { at: formatDateTime(res.previous.at, tz) }));
    for (const c of res.previous.changes.slice(0, CHANGES_SHOWN)) lines.push(`• ${describeChange(t, c)}`);
    if (res.previous.changes.length > CHANGES_SHOWN) lines.push(t("periodReports.compiled.moreChanges", { n: res.previous.changes.length - CHANGES_SHOWN }));
  } else if (res.previous) {
    lines.push(t("periodReports.compiled.unchanged", { at: formatDateTime(res.previous.at, tz) }));
  }
  await turn.reply.show(lines.join("\n"));
  await turn.reply.show({ text: t("periodReports.compiled.docxCaption", { period: period.key }), document: { kind: "bytes", ...res.docx } });
  await turn.reply.show({ text: t("periodReports.compiled.xlsxCaption", { period: period.key }), document: { kind: "bytes", ...res.xlsx } });
}

async function periodOrRefuse(turn: Turn, key: string): Promise<Period | null> {
  const period = await resolvePeriod(turn.deps.db, key);
  if (!period) await turn.reply.notice(turn.t("periodReports.compiled.unknownPeriod", { key }), { alert: true });
  return period;
}

export const periodReportCommand = defineCommand(
  { name: "baocaoky", aliases: ["periodreport"], roles: DEPARTMENT_WIDE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "periodReports.commands.baocaoky" },
  (c) => {
    c.message(async (turn) => {
      const args = (turn.command?.args ?? "").trim();
      if (!args) return periodPicker(turn);
      const period = parsePeriodKey(args) ? await resolvePeriod(turn.deps.db, args) : null;
      if (!period) return turn.reply.show(turn.t("periodReports.compiled.unknownPeriod", { key: args }));
      return showPeriod(turn, period);
    });
    c.action(A.periodReport.period, async (turn, { key }) => {
      const period = await periodOrRefuse(turn, key);
      if (period) await showPeriod(turn, period, { replace: true });
    });
    c.action(A.periodReport.make, async (turn, { key }) => {
      const period = await periodOrRefuse(turn, key);
      if (period) await make(turn, period);
    });
    c.action(A.periodReport.close, async (turn, { key }) => {
      const period = await periodOrRefuse(turn, key);
      if (!period) return;
      if (!isOffice(turn.identity!.staff.role)) return turn.reply.notice(turn.t("common.noPermission"), { alert: true });
      await turn.reply.show({
        text: turn.t("periodReports.compiled.closeConfirm", { period: periodName(turn.t, period) }),
        buttons: [
          [
            { text: turn.t("periodReports.compiled.closeYes"), data: A.periodReport.closeYes.build({ key }) },
            { text: turn.t("periodReports.compiled.back"), data: A.periodReport.period.build({ key }) },
          ],
        ],
      }, { replace: true });
    });
    c.action(A.periodReport.closeYes, async (turn, { key }) => {
      const period = await periodOrRefuse(turn, key);
      if (!period) return;
      const s = turn.identity!.staff;
      const res = await closePeriod(turn.deps.db, period.key, { actor: turn.actor, staffId: s.id, role: s.role }, turn.now);
      if (res === "forbidden") return turn.reply.notice(turn.t("common.noPermission"), { alert: true });
      await turn.reply.notice(turn.t(res === "closed" ? "periodReports.compiled.closedNow" : "periodReports.compiled.alreadyClosed"));
      await showPeriod(turn, period, { replace: true });
    });
  },
);
