// `alert --file FILE [--dry-run]`, `alert cancel NUMBER`, `alerts [NUMBER]`, `quiz-stats
// [--since DATE]`: security alerts and tip quizzes from the office's command line. Messages
// are recorded in the outbox; the running bot delivers them.
import { readFile } from "node:fs/promises";
import { broadcastAlert, previewAlert } from "../services/alerts/broadcast.js";
import { cancelAlert, correctAlert } from "../services/alerts/cancel.js";
import { parseAlertFile } from "../services/alerts/feed-file.js";
import type { AlertActor, AlertDeps } from "../services/alerts/model.js";
import { severityLabel } from "../services/alerts/render.js";
import { remediationRollup } from "../services/alerts/remediation.js";
import { ackStatus, alertSummary, recentAlerts } from "../services/alerts/status.js";
import { alertDetailView, alertListView, quizFigures } from "../services/alerts/status-view.js";
import { formatDate } from "../services/date-text.js";
import { atLocal } from "../services/time.js";
import { quizStats } from "../services/tips/quiz.js";
import { createI18n } from "../i18n.js";
import { fileErrorDetail } from "../import/index.js";
import type { CliContext } from "./context.js";

function deps(cli: CliContext): AlertDeps {
  return { db: cli.db.prisma, i18n: createI18n(cli.config.defaultLocale), timeZone: cli.config.timezone, defaultLocale: cli.config.defaultLocale };
}

function actor(cli: CliContext): AlertActor {
  return { actor: cli.actor, staffId: null, role: null };
}

export async function alertFromFile(cli: CliContext, file: string, opts: { dryRun: boolean }): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    cli.err(cli.t("cli.alert.unreadable", { file, error: fileErrorDetail(e) }));
    return 1;
  }
  const parsed = await parseAlertFile(cli.db.prisma, text);
  if (!parsed.ok) {
    cli.err(cli.t("cli.alert.invalid", { file }));
    for (const problem of parsed.problems) cli.err(cli.t("cli.alert.problem", { problem }));
    cli.err(cli.t("cli.nothingWritten"));
    return 1;
  }
  const { draft } = parsed;
  if (opts.dryRun) {
    const preview = await previewAlert(deps(cli), draft, cli.t, cli.now);
    cli.out(cli.t("cli.alert.dryRun", { severity: severityLabel(cli.t, draft.severity), title: draft.title, count: preview.recipients, unreachable: preview.unreachable }));
    return 0;
  }
  const res = draft.correctionOfId
    ? await correctAlert(deps(cli), draft.correctionOfId, { body: draft.body, title: draft.title, severity: draft.severity, ...(draft.externalRef ? { externalRef: draft.externalRef } : {}) }, actor(cli), cli.now, draft.source)
    : await broadcastAlert(deps(cli), draft, actor(cli), cli.now);
  switch (res.status) {
    case "sent":
      cli.out(cli.t("cli.alert.sent", { number: res.alertId, severity: severityLabel(cli.t, draft.severity), queued: res.queued, recipients: res.recipients, unreachable: res.unreachable }));
      return 0;
    case "duplicate":
      cli.out(cli.t("cli.alert.duplicate", { ref: draft.externalRef ?? "", number: res.alertId }));
      return 0;
    case "invalid":
      cli.err(cli.t("cli.alert.invalid", { file }));
      for (const problem of res.problems) cli.err(cli.t("cli.alert.problem", { problem }));
      return 1;
    case "not-found":
      cli.err(cli.t("cli.alert.notFound", { number: draft.correctionOfId ?? 0 }));
      return 1;
    case "not-correctable":
      cli.err(cli.t("alerts.status.cannotCorrect", { number: draft.correctionOfId ?? 0 }));
      return 1;
    case "denied":
      return 1;
  }
}

export async function cancelAlertCommand(cli: CliContext, number: number): Promise<number> {
  const res = await cancelAlert(deps(cli), number, actor(cli), cli.now);
  if (res.status === "cancelled") {
    cli.out(cli.t("cli.alert.cancelled", { number, stopped: res.stopped, notified: res.notified }));
    return 0;
  }
  cli.err(cli.t(res.status === "already-cancelled" ? "cli.alert.alreadyCancelled" : "cli.alert.notFound", { number }));
  return 1;
}

export async function listAlertsCommand(cli: CliContext, number: number | undefined): Promise<number> {
  const db = cli.db.prisma;
  if (number !== undefined) {
    const summary = await alertSummary(db, number);
    if (!summary) {
      cli.err(cli.t("cli.alert.notFound", { number }));
      return 1;
    }
    const rollup = summary.requireRemediation ? await remediationRollup(db, number) : null;
    // The terminal has no message limit: every name is listed.
    cli.out(alertDetailView(cli.t, summary, await ackStatus(db, number), rollup, cli.config.timezone, Number.POSITIVE_INFINITY));
    return 0;
  }
  const days = 30;
  const alerts = await recentAlerts(db, new Date(cli.now.getTime() - days * 86_400_000), 100);
  const rollups = new Map(await Promise.all(alerts.filter((a) => a.requireRemediation).map(async (a) => [a.id, await remediationRollup(db, a.id)] as const)));
  cli.out(alertListView(cli.t, alerts, rollups, days, cli.config.timezone));
  return 0;
}

export async function quizStatsCommand(cli: CliContext, since: string | undefined): Promise<number> {
  if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
    cli.err("--since: cần ngày dạng YYYY-MM-DD (expected a date YYYY-MM-DD)");
    return 2;
  }
  const stats = await quizStats(cli.db.prisma, since ? { since: atLocal(since, "00:00", cli.config.timezone) } : {});
  const t = cli.t;
  cli.out(t("cli.quiz.title", { since: since ? t("cli.quiz.since", { date: formatDate(since) }) : "" }));
  for (const u of stats.units) cli.out(t("cli.quiz.line", { unit: u.unitName, ...quizFigures(t, u) }));
  cli.out(t("cli.quiz.total", quizFigures(t, stats.total)));
  return 0;
}
