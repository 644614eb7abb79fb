// The alerts part of the daily digest: alerts still being followed (sent in the last two
// weeks, not cancelled or corrected, with someone yet to acknowledge or a unit yet to report
// remediation), their acknowledgement rate and who has not acknowledged. The office sees
// the department; a head of unit sees their unit only.
import type { DigestSection } from "../digest/types.js";
import { isOffice } from "../roles.js";
import { remediationRollup } from "./remediation.js";
import { nameList, severityIcon } from "./render.js";
import { ackStatus, isLive, recentAlerts } from "./status.js";
import { rate } from "./status-view.js";

const FOLLOW_DAYS = 14;

export const alertsDigestSection: DigestSection = {
  key: "alerts",
  appliesTo: (r, scope) => (scope.kind === "department" ? isOffice(r.role) : r.role === "truong_phong"),
  async render({ db, t, scope, since, now, listMax, memo }) {
    // Read once per run: every recipient of the digest shares the same alerts.
    const alerts = (await memo("alerts:recent", () => recentAlerts(db, new Date(now.getTime() - FOLLOW_DAYS * 86_400_000), 20))).filter(isLive);
    const lines: string[] = [];
    let followed = 0;
    let changed = false;
    for (const a of alerts) {
      const status = await memo(`alerts:ack:${a.id}`, () => ackStatus(db, a.id));
      const units = scope.kind === "unit" ? status.units.filter((u) => u.unitId === scope.unitId) : status.units;
      if (units.length === 0) continue;
      const total = units.reduce((s, u) => s + u.total, 0);
      const acked = units.reduce((s, u) => s + u.acked, 0);
      const rollup = a.requireRemediation ? await memo(`alerts:remediation:${a.id}`, () => remediationRollup(db, a.id)) : null;
      const remediationOpen = rollup ? rollup.units.some((u) => (scope.kind === "department" || u.unitId === scope.unitId) && (!u.latest || u.latest.handled < u.latest.total)) : false;
      if (acked === total && !remediationOpen) continue;
      const extra = rollup
        ? t("alerts.status.remediationShort", { handled: rollup.handled, machines: rollup.total, reported: rollup.reported, units: rollup.units.length })
        : "";
      // The first few alerts in full, the rest counted (the digest must fit one message).
      if (followed++ < Math.max(1, listMax)) {
        lines.push(t("alerts.digest.line", { icon: severityIcon(a.severity), number: a.id, title: a.title, acked, total, rate: rate(t, acked, total), extra }));
        const silent = units.flatMap((u) => [...u.pending, ...u.unreachable].map((p) => p.name));
        if (silent.length) lines.push(t("alerts.digest.notAcked", { names: nameList(t, silent, Math.min(10, 2 * listMax)) }));
      }
      if (!changed) {
        const sinceAt = since ?? new Date(0);
        changed =
          (a.sentAt !== null && a.sentAt > sinceAt) ||
          (await db.alertRecipient.count({ where: { alertId: a.id, ackAt: { gt: sinceAt } } })) > 0 ||
          (await db.alertRemediation.count({ where: { alertId: a.id, createdAt: { gt: sinceAt } } })) > 0;
      }
    }
    if (lines.length === 0) return null;
    const rest = followed - Math.max(1, listMax);
    return { html: [t("alerts.digest.title"), ...lines, ...(rest > 0 ? [t("alerts.digest.more", { count: rest })] : [])].join("\n"), changed };
  },
};
