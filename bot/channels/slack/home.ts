// The App Home tab (views.publish): the person's tasks due soon or overdue, their open
// dossiers and the security alerts they have not acknowledged, read through the same
// services (and the same authorisation) as /nhiemvu, /hoso and the alerts.
import type { ChatDeps } from "../../chat/turn.js";
import { escapeMarkup } from "../../chat/markup.js";
import type { Identity } from "../../services/accounts.js";
import { toLocalDate } from "../../services/calendar/index.js";
import { formatDate, formatDateTime } from "../../services/date-text.js";
import { listOpenDossiers } from "../../services/dossiers/queries.js";
import { getSetting } from "../../services/settings.js";
import { listTasksPage } from "../../services/tasks/queries.js";
import { shorten } from "../../services/text.js";
import type { Translate } from "../../i18n.js";
import { type KnownBlock, sections } from "./render.js";

const SHOWN = 8;

export interface HomeView {
  type: "home";
  blocks: KnownBlock[];
}

function header(text: string): KnownBlock {
  return { type: "header", text: { type: "plain_text", text: shorten(text, 150), emoji: true } };
}

export async function buildHome(deps: ChatDeps, identity: Identity | null, t: Translate, now: Date): Promise<HomeView> {
  if (!identity) return { type: "home", blocks: [header(t("slack.home.title", { name: "Sở KH&CN" })), ...sections(t("slack.home.unknown"))] };
  const staff = identity.staff;
  const calendar = await deps.calendar.get();
  const today = toLocalDate(now, calendar.tzOffsetMinutes);
  const viewer = { staffId: staff.id, unitId: staff.unitId, role: staff.role };

  const page = await listTasksPage({ db: deps.db, calendar, today }, viewer, 0, 200, { reportable: true });
  const due = page.lines.filter((l) => l.mark === "overdue" || l.mark === "dueSoon");
  const taskLines = due.slice(0, SHOWN).map((l) =>
    t("slack.home.taskLine", {
      code: escapeMarkup(l.code),
      title: escapeMarkup(shorten(l.title, 120)),
      due: `${t(l.mark === "overdue" ? "slack.home.overdue" : "slack.home.dueSoon")}${l.dueDate ? ` (${formatDate(l.dueDate)})` : ""}`,
    }),
  );
  if (due.length > SHOWN) taskLines.push(t("slack.home.more", { count: due.length - SHOWN, command: "nhiemvu" }));

  const dueSoonDays = await getSetting(deps.db, "dossiers.dueSoonWorkingDays");
  const dossiers = await listOpenDossiers(deps.db, calendar, viewer, { filter: "all", today, dueSoonDays, page: 1, pageSize: SHOWN });
  const dossierLines = dossiers.items.map((d) =>
    t("slack.home.dossierLine", { code: escapeMarkup(d.code), procedure: escapeMarkup(shorten(d.procedureName, 100)), due: formatDate(d.dueDate) }),
  );
  if (dossiers.total > SHOWN) dossierLines.push(t("slack.home.more", { count: dossiers.total - SHOWN, command: "hoso" }));

  const where = { staffId: staff.id, ackAt: null, alert: { status: "sent", corrections: { none: {} } } };
  const [alerts, alertCount] = await Promise.all([
    deps.db.alertRecipient.findMany({ where, include: { alert: { select: { title: true } } }, orderBy: { id: "desc" }, take: SHOWN }),
    deps.db.alertRecipient.count({ where }),
  ]);
  const alertLines = alerts.map((a) => t("slack.home.alertLine", { title: escapeMarkup(shorten(a.alert.title, 150)) }));
  if (alertCount > SHOWN) alertLines.push(t("slack.home.more", { count: alertCount - SHOWN, command: "canhbao" }));

  const part = (title: string, lines: string[], empty: string): KnownBlock[] => [{ type: "divider" }, ...sections(`${title}\n${lines.length ? lines.join("\n") : empty}`)];
  return {
    type: "home",
    blocks: [
      header(t("slack.home.title", { name: staff.fullName })),
      ...part(t("slack.home.tasks"), taskLines, t("slack.home.noTasks")),
      ...part(t("slack.home.dossiers", { count: dossiers.total }), dossierLines, t("slack.home.noDossiers")),
      ...part(t("slack.home.alerts"), alertLines, t("slack.home.noAlerts")),
      { type: "context", elements: [{ type: "mrkdwn", text: t("slack.home.updated", { time: formatDateTime(now, deps.config.timezone) }) }] } satisfies KnownBlock,
    ].slice(0, 100),
  };
}
