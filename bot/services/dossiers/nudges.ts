// Reminders about dossiers, decided here and recorded in the outbox (the sender delivers them,
// and holds them through the person's quiet hours):
//  - to the handler, a dossier due soon (setting dossiers.dueSoonWorkingDays, default 1) or
//    overdue: at most once per working day per dossier, unless they asked to be reminded later;
//  - to the head of the dossier's unit once it is overdue by dossiers.escalateToHeadAfterDays
//    working days (default 1), and to lãnh đạo Sở from dossiers.escalateToLeadersAfterDays
//    (default 3): one message per person and working day listing their overdue dossiers.
// Only inside office hours of a working day: nothing is recorded at night, at lunch or on a
// holiday, whatever calls this.
import { A } from "../../chat/actions.js";
import type { i18n as I18n } from "i18next";
import type { Db } from "../../db/client.js";
import { enqueue, type EnqueueResult, type OutboxButton } from "../../delivery/outbox.js";
import { isLocale, type Locale, translator, type Translate } from "../../i18n.js";
import { toLocalDate, type WorkingCalendar } from "../calendar/index.js";
import { RecipientErrors } from "../recipient-errors.js";
import { getSetting } from "../settings.js";
import { type DossierStanding, effectiveDueDate, standingOn } from "./deadline.js";
import { standingText } from "./format.js";
import { isDueSoon, lastImportAt } from "./queries.js";
import { formatDate, formatDateTime } from "../date-text.js";

export interface NudgeDeps {
  db: Db;
  i18n: I18n;
  calendar: WorkingCalendar;
  timeZone: string;
  defaultLocale: Locale;
}

export interface NudgeSummary {
  skipped?: string;
  nudges: number;
  escalationsToHeads: number;
  escalationsToLeaders: number;
  duplicates: number;
  unreachable: number;
  snoozed: number;
}

type Recipient = { id: number; locale: string | null };

type DossierRow = { id: number; code: string; handlerRaw: string | null; handler: { fullName: string } | null; unit: { name: string } | null };
interface Escalated {
  d: DossierRow;
  common: (t: Translate) => Record<string, string>;
  footer: (t: Translate) => string;
}

/** Dossiers listed in full in one escalation message (the rest are counted) and their buttons. */
const MAX_LISTED = 15;
const MAX_BUTTONS = 6;

function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * `errors` collects what could not be recorded (one dossier's reminder, one person's
 * escalation): the others are still recorded; the job reports the failures.
 */
export async function recordDossierNudges(deps: NudgeDeps, now: Date, errors = new RecipientErrors(undefined, "dossier-nudges")): Promise<NudgeSummary> {
  const { db, calendar } = deps;
  const summary: NudgeSummary = { nudges: 0, escalationsToHeads: 0, escalationsToLeaders: 0, duplicates: 0, unreachable: 0, snoozed: 0 };
  if (!calendar.isWorkingTime(now)) return { ...summary, skipped: "outside working hours" };
  const today = toLocalDate(now, calendar.tzOffsetMinutes);
  const [dueSoonDays, headAfter, leadersAfter] = await Promise.all([
    getSetting(db, "dossiers.dueSoonWorkingDays"),
    getSetting(db, "dossiers.escalateToHeadAfterDays"),
    getSetting(db, "dossiers.escalateToLeadersAfterDays"),
  ]);
  const dossiers = await db.dossier.findMany({
    where: { status: "dang_xu_ly" },
    include: { handler: { select: { id: true, fullName: true, locale: true } }, unit: { select: { name: true } } },
    orderBy: { dueAt: "asc" },
  });
  if (dossiers.length === 0) return summary;
  const staff = await db.staff.findMany({ where: { active: true, role: { in: ["truong_phong", "lanh_dao_so"] } }, select: { id: true, role: true, unitId: true, locale: true } });
  const leaders = staff.filter((s) => s.role === "lanh_dao_so");
  const importedAt = await lastImportAt(db);
  const translators = new Map<Locale, Translate>();
  const tFor = (r: Recipient) => {
    const locale = isLocale(r.locale) ? r.locale : deps.defaultLocale;
    let t = translators.get(locale);
    if (!t) translators.set(locale, (t = translator(deps.i18n, locale)));
    return t;
  };
  const escalations = new Map<string, { to: Recipient; kind: "head" | "leaders"; items: Escalated[] }>();
  const addEscalation = (to: Recipient, kind: "head" | "leaders", item: Escalated) => {
    const key = `${kind}:${to.id}`;
    const entry = escalations.get(key) ?? { to, kind, items: [] };
    entry.items.push(item);
    escalations.set(key, entry);
  };
  const count = (res: EnqueueResult, field: "nudges" | "escalationsToHeads" | "escalationsToLeaders") => {
    if (res.status === "queued") summary[field]++;
    else if (res.status === "duplicate") summary.duplicates++;
    else summary.unreachable++;
  };

  for (const d of dossiers) {
    const standing = standingOn(calendar, d, today);
    const overdue = standing.kind === "overdue";
    const dueSoon = isDueSoon(standing, dueSoonDays);
    if (!overdue && !dueSoon) continue;
    const due = formatDate(effectiveDueDate(calendar, d));
    const common = (t: Translate) => ({ code: d.code, procedure: d.procedureName, applicant: d.applicant, due, standing: standingText(t, standing) });
    const footer = (t: Translate) => (importedAt ? `\n\n${t("dossiers.nudge.footer", { at: formatDateTime(importedAt, deps.timeZone) })}` : "");

    if (d.handler) {
      if (d.snoozedUntil && d.snoozedUntil > today) summary.snoozed++;
      else {
        const t = tFor(d.handler);
        const title = overdue ? "dossiers.nudge.overdue" : standing.kind === "dueToday" ? "dossiers.nudge.dueToday" : "dossiers.nudge.dueSoon";
        const buttons: OutboxButton[][] = [
          [
            { text: t("dossiers.buttons.done"), data: A.dossiers.done.build({ id: d.id }) },
            { text: t("dossiers.buttons.snooze"), data: A.dossiers.snooze.build({ id: d.id }) },
          ],
        ];
        if (overdue) buttons.push([{ text: t("dossiers.buttons.apology"), data: A.apology.make.build({ id: d.id }) }]);
        const handlerId = d.handler.id;
        const res = await errors.each(`dossier:${d.id}`, () => enqueue(
          db,
          {
            dedupKey: `dossier-nudge:${d.id}:${today}`,
            kind: "nudge",
            staffId: handlerId,
            payload: { text: `${t(title)}\n${t("dossiers.nudge.body", common(t))}${footer(t)}`, buttons },
            refType: "dossier",
            refId: d.id,
          },
          { now, timeZone: deps.timeZone },
        ));
        if (res) count(res, "nudges");
      }
    }
    if (standing.kind !== "overdue") continue;
    const item: Escalated = { d, common, footer };
    // The handler already had the nudge: a head handling the dossier is not escalated to.
    if (reached(standing, headAfter)) {
      for (const head of staff) if (head.role === "truong_phong" && head.unitId === d.unitId && head.id !== d.handlerId) addEscalation(head, "head", item);
    }
    if (reached(standing, leadersAfter)) {
      for (const leader of leaders) if (leader.id !== d.handlerId) addEscalation(leader, "leaders", item);
    }
  }

  // One escalation message per person and day, listing their dossiers: a head or a leader with
  // many overdue dossiers gets one message, not one per dossier.
  for (const { to, kind, items } of escalations.values()) {
    const t = tFor(to);
    const title = kind === "head" ? t("dossiers.escalation.head") : t("dossiers.escalation.leaders", { days: leadersAfter });
    const shown = items.slice(0, MAX_LISTED);
    const bodies = shown.map(({ d, common }) =>
      t("dossiers.escalation.body", { ...common(t), unit: d.unit?.name ?? "", handler: d.handler?.fullName ?? d.handlerRaw ?? t("dossiers.noHandler") }),
    );
    if (items.length > shown.length) bodies.push(t("dossiers.escalation.more", { count: items.length - shown.length }));
    const buttons: OutboxButton[][] =
      items.length === 1
        ? [[{ text: t("dossiers.buttons.view"), data: A.dossiers.view.build({ id: items[0]!.d.id }) }, ...(kind === "head" ? [{ text: t("dossiers.buttons.apology"), data: A.apology.make.build({ id: items[0]!.d.id }) }] : [])]]
        : chunk(
            shown.slice(0, MAX_BUTTONS).map(({ d }) => ({ text: `${t("dossiers.buttons.view")} ${d.code}`.slice(0, 60), data: A.dossiers.view.build({ id: d.id }) })),
            2,
          );
    const res = await errors.each(`staff:${to.id}`, () => enqueue(
      db,
      {
        dedupKey: `dossier-escalate-${kind}:${today}:${to.id}`,
        kind: "escalation",
        staffId: to.id,
        payload: { text: `${title}\n${bodies.join("\n\n")}${items[0]!.footer(t)}`, buttons },
        refType: "dossier",
        ...(items.length === 1 ? { refId: items[0]!.d.id } : {}),
      },
      { now, timeZone: deps.timeZone },
    ));
    if (res) count(res, kind === "head" ? "escalationsToHeads" : "escalationsToLeaders");
  }
  return summary;
}

function reached(s: DossierStanding, threshold: number): boolean {
  return s.kind === "overdue" && s.days >= threshold;
}
