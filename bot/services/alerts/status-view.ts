// The office's views of alerts (/tinhtrang, the CLI, the digest), as Telegram HTML.
import type { Translate } from "../../i18n.js";
import { percent, type QuizStats } from "../tips/quiz.js";
import { nameList, severityIcon, severityLabel } from "./render.js";
import type { RemediationRollup } from "./remediation.js";
import type { AckStatus, AlertSummary } from "./status.js";
import { formatDateTime } from "../date-text.js";

/** Telegram's limit, with a margin for the buttons' message edits. */
const MESSAGE_MAX = 4000;

export function rate(t: Translate, part: number, whole: number): string {
  const p = percent(part, whole);
  return p === null ? t("alerts.status.noRate") : t("alerts.status.rate", { value: p });
}

function extraOf(t: Translate, a: AlertSummary): string {
  if (a.status === "cancelled") return t("alerts.status.cancelled");
  if (a.correctedBy !== null) return t("alerts.status.corrected", { number: a.correctedBy });
  return "";
}

export function alertListView(t: Translate, alerts: AlertSummary[], rollups: Map<number, RemediationRollup>, days: number, timeZone: string): string {
  if (alerts.length === 0) return t("alerts.status.none", { days });
  const lines = [t("alerts.status.listTitle", { days }), ""];
  for (const a of alerts) {
    const r = rollups.get(a.id);
    const remediation =
      a.requireRemediation && r
        ? t("alerts.status.remediationShort", { handled: r.handled, machines: r.total, reported: r.reported, units: r.units.length })
        : "";
    lines.push(
      t("alerts.status.listLine", {
        icon: severityIcon(a.severity),
        number: a.id,
        date: a.sentAt ? formatDateTime(a.sentAt, timeZone) : "",
        title: a.title,
        acked: a.acked,
        total: a.total,
        rate: rate(t, a.acked, a.total),
        extra: `${remediation}${extraOf(t, a)}`,
      }),
    );
  }
  return lines.join("\n");
}

export function alertDetailView(
  t: Translate,
  a: AlertSummary,
  status: AckStatus,
  rollup: RemediationRollup | null,
  timeZone: string,
  /** Names listed per unit; by default as many as fit in one chat message. */
  maxNames?: number,
): string {
  if (maxNames !== undefined) return detail(t, a, status, rollup, timeZone, maxNames);
  // Long lists of names shrink until the whole view fits in one message.
  for (const maxNames of [15, 5, 0]) {
    const text = detail(t, a, status, rollup, timeZone, maxNames);
    if (text.length <= MESSAGE_MAX || maxNames === 0) return text;
  }
  return "";
}

function detail(t: Translate, a: AlertSummary, status: AckStatus, rollup: RemediationRollup | null, timeZone: string, maxNames: number): string {
  const lines = [
    t("alerts.status.detailHeading", {
      icon: severityIcon(a.severity),
      number: a.id,
      severity: severityLabel(t, a.severity),
      extra: extraOf(t, a),
      title: a.title,
      sentAt: a.sentAt ? formatDateTime(a.sentAt, timeZone) : "",
    }),
    "",
    t("alerts.status.ackTitle"),
  ];
  for (const u of status.units) {
    lines.push(t("alerts.status.unitLine", { unit: u.unitName, acked: u.acked, total: u.total, rate: rate(t, u.acked, u.total) }));
    if (maxNames > 0 && u.pending.length) lines.push(t("alerts.status.notAcked", { names: nameList(t, u.pending.map((p) => p.name), maxNames) }));
    if (maxNames > 0 && u.unreachable.length) lines.push(t("alerts.status.unreachable", { names: nameList(t, u.unreachable.map((p) => p.name), maxNames) }));
  }
  lines.push(t("alerts.status.totalLine", { acked: status.acked, total: status.total, rate: rate(t, status.acked, status.total), unreachable: status.unreachable }));
  if (rollup) lines.push("", ...remediationLines(t, rollup, timeZone));
  return lines.join("\n");
}

export function remediationLines(t: Translate, r: RemediationRollup, timeZone: string): string[] {
  const lines = [t("alerts.status.remediationTitle")];
  for (const u of r.units) {
    if (!u.latest) {
      lines.push(t("alerts.status.remediationMissing", { unit: u.unitName }));
      continue;
    }
    lines.push(
      t("alerts.status.remediationLine", {
        unit: u.unitName,
        handled: u.latest.handled,
        total: u.latest.total,
        reporter: u.latest.reporter,
        at: formatDateTime(u.latest.at, timeZone),
      }),
    );
    if (u.latest.note) lines.push(t("alerts.status.remediationNote", { note: u.latest.note }));
  }
  lines.push(t("alerts.status.remediationTotal", { handled: r.handled, total: r.total, reported: r.reported, units: r.units.length }));
  return lines;
}

/** The figures of one unit's (or the department's) quiz line, rates formatted. */
export function quizFigures(t: Translate, u: QuizStats["total"]) {
  return {
    participants: u.participants,
    staff: u.staff,
    answers: u.answers,
    delivered: u.quizzesDelivered,
    participation: rate(t, u.answers, u.quizzesDelivered),
    correct: rate(t, u.correct, u.answers),
  };
}

export function quizSummaryLine(t: Translate, s: QuizStats): string {
  return t("alerts.status.quizLine", quizFigures(t, s.total));
}

export function quizUnitsView(t: Translate, s: QuizStats): string {
  const lines = [t("alerts.status.quizTitle")];
  for (const u of s.units) {
    lines.push(
      t("alerts.status.quizUnitLine", { unit: u.unitName, ...quizFigures(t, u) }),
    );
  }
  lines.push("", quizSummaryLine(t, s));
  return lines.join("\n");
}
