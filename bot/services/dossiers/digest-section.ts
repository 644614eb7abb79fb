// The dossiers' part of the heads' digest: what is due today, what is overdue, and the on-time
// figures since the start of the month, for the recipient's unit or the whole department.
import { addDays, toLocalDate } from "../calendar/index.js";
import { atLocal } from "../time.js";
import type { DigestSection } from "../digest/types.js";
import { dossierScope } from "./access.js";
import { effectiveDueDate, standingOn } from "./deadline.js";
import { dossierFigures, formatRate } from "./figures.js";
import { standingText } from "./format.js";
import { lastImportAt } from "./queries.js";
import { formatDateTime } from "../date-text.js";

/** Dossiers listed by name in each list of the section (the rest are counted). */
const MAX_LISTED = 5;

export const dossierDigestSection: DigestSection = {
  key: "dossiers",
  async render({ db, config, t, calendar, recipient, scope, since, now, today, listMax, memo }) {
    const where =
      scope.kind === "unit" ? dossierScope({ staffId: recipient.staffId, role: "truong_phong", unitId: scope.unitId }) : {};
    const scopeKey = scope.kind === "unit" ? `unit:${scope.unitId}:${recipient.staffId}` : "department";
    // Due today or overdue means due by the end of today before any wait is added: only
    // those are read (never every open dossier), once per scope and run.
    const { hasOpen, withStanding, figures, names } = await memo(`dossiers:${scopeKey}`, async () => {
      const endOfToday = atLocal(addDays(today, 1), "00:00", config.timezone);
      const [hasOpen, due] = await Promise.all([
        db.dossier.count({ where: { AND: [where, { status: "dang_xu_ly" }] } }),
        db.dossier.findMany({
          where: { AND: [where, { status: "dang_xu_ly" }, { dueAt: { lt: endOfToday } }] },
          select: { id: true, code: true, status: true, dueAt: true, pausedAt: true, pausedWorkingDays: true, handlerRaw: true, handlerId: true },
        }),
      ]);
      const withStanding = due
        .map((d) => ({ d, standing: standingOn(calendar, d, today), due: effectiveDueDate(calendar, d) }))
        .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.d.code < b.d.code ? -1 : 1));
      // Names only for the few that can be listed (never a list of every handler's id).
      const listable = (kind: string) => withStanding.filter((x) => x.standing.kind === kind).slice(0, MAX_LISTED);
      const handlerIds = [...new Set([...listable("dueToday"), ...listable("overdue")].flatMap((x) => (x.d.handlerId === null ? [] : [x.d.handlerId])))];
      const names = new Map((await db.staff.findMany({ where: { id: { in: handlerIds } }, select: { id: true, fullName: true } })).map((h) => [h.id, h.fullName]));
      const monthStart = `${today.slice(0, 8)}01`;
      const figures = await dossierFigures(db, calendar, { from: monthStart, to: today }, {
        now,
        timeZone: config.timezone,
        ...(scope.kind === "unit" ? { unitId: scope.unitId } : {}),
      });
      return { hasOpen: hasOpen > 0, withStanding, figures, names };
    });
    const dueToday = withStanding.filter((x) => x.standing.kind === "dueToday");
    const overdue = withStanding.filter((x) => x.standing.kind === "overdue");
    const f = figures.department;
    if (!hasOpen && f.received + f.onTime + f.late === 0) return null;
    const listed = Math.min(listMax, MAX_LISTED);

    const item = (x: (typeof withStanding)[number]) =>
      t("dossiers.digest.item", { code: x.d.code, standing: standingText(t, x.standing), handler: (x.d.handlerId !== null ? names.get(x.d.handlerId) : undefined) ?? x.d.handlerRaw ?? t("dossiers.noHandler") });
    const list = (items: typeof withStanding) => [
      ...items.slice(0, listed).map(item),
      ...(items.length > listed ? [t("dossiers.digest.more", { count: items.length - listed })] : []),
    ];
    const lines = [t("dossiers.digest.title")];
    lines.push(t("dossiers.digest.dueToday", { count: dueToday.length }), ...list(dueToday));
    lines.push(t("dossiers.digest.overdue", { count: overdue.length }), ...list(overdue));
    lines.push(
      f.onTime + f.late > 0
        ? t("dossiers.digest.month", { received: f.received, onTime: f.onTime, late: f.late, rate: formatRate(f.onTimeRate, recipient.locale) })
        : t("dossiers.digest.monthNoReturns", { received: f.received }),
    );
    const importedAt = await memo("dossiers:lastImport", () => lastImportAt(db));
    if (importedAt) lines.push(t("dossiers.digest.imported", { at: formatDateTime(importedAt, config.timezone) }));

    // Changed since the last digest: a status changed, or a dossier became due or overdue since then.
    let changed = since === null;
    if (!changed && since) {
      const sinceDate = toLocalDate(since, calendar.tzOffsetMinutes);
      changed = withStanding.some((x) => x.due >= sinceDate && x.due <= today);
      if (!changed) {
        changed = (await db.dossierStatusChange.count({ where: { at: { gt: since }, dossier: where } })) > 0;
      }
    }
    return { html: lines.join("\n"), changed };
  },
};
