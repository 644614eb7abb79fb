// The dossiers' part of the heads' digest: what is due today, what is overdue, and the on-time
// figures since the start of the month, for the recipient's unit or the whole department.
import { toLocalDate } from "../calendar/index.js";
import type { DigestSection } from "../digest/types.js";
import { dossierScope } from "./access.js";
import { type DossierStanding, effectiveDueDate, standingOn } from "./deadline.js";
import { dossierFigures, formatRate } from "./figures.js";
import { standingText } from "./format.js";
import { lastImportAt } from "./queries.js";
import { formatDateTime } from "../date-text.js";

const LISTED = 5;

export const dossierDigestSection: DigestSection = {
  key: "dossiers",
  async render({ db, config, t, calendar, recipient, scope, since, now, today }) {
    const where =
      scope.kind === "unit" ? dossierScope({ staffId: recipient.staffId, role: "truong_phong", unitId: scope.unitId }) : {};
    const open = await db.dossier.findMany({
      where: { AND: [where, { status: "dang_xu_ly" }] },
      include: { handler: { select: { fullName: true } } },
    });
    const withStanding = open
      .map((d) => ({ d, standing: standingOn(calendar, d, today), due: effectiveDueDate(calendar, d) }))
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    const dueToday = withStanding.filter((x) => x.standing.kind === "dueToday");
    const overdue = withStanding.filter((x) => x.standing.kind === "overdue");
    const monthStart = `${today.slice(0, 8)}01`;
    const figures = await dossierFigures(db, calendar, { from: monthStart, to: today }, {
      now,
      timeZone: config.timezone,
      ...(scope.kind === "unit" ? { unitId: scope.unitId } : {}),
    });
    const f = figures.department;
    if (open.length === 0 && f.received + f.onTime + f.late === 0) return null;

    const item = (x: { d: (typeof open)[number]; standing: DossierStanding }) =>
      t("dossiers.digest.item", { code: x.d.code, standing: standingText(t, x.standing), handler: x.d.handler?.fullName ?? x.d.handlerRaw ?? t("dossiers.noHandler") });
    const list = (items: typeof withStanding) => [
      ...items.slice(0, LISTED).map(item),
      ...(items.length > LISTED ? [t("dossiers.digest.more", { count: items.length - LISTED })] : []),
    ];
    const lines = [t("dossiers.digest.title")];
    lines.push(t("dossiers.digest.dueToday", { count: dueToday.length }), ...list(dueToday));
    lines.push(t("dossiers.digest.overdue", { count: overdue.length }), ...list(overdue));
    lines.push(
      f.onTime + f.late > 0
        ? t("dossiers.digest.month", { received: f.received, onTime: f.onTime, late: f.late, rate: formatRate(f.onTimeRate, recipient.locale) })
        : t("dossiers.digest.monthNoReturns", { received: f.received }),
    );
    const importedAt = await lastImportAt(db);
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
