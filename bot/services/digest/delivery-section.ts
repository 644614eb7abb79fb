// The office's part of the digest: how automatic messages fared since the last digest,
// and who became unreachable (blocked the bot), so the office can reach them another way.
import { nameList } from "../alerts/render.js";
import { isOffice } from "../roles.js";
import type { DigestSection } from "./types.js";

const DAY_MS = 24 * 3600_000;

export const deliveryDigestSection: DigestSection = {
  key: "delivery",
  appliesTo: (r) => isOffice(r.role),
  async render({ db, t, since, now, listMax }) {
    const from = since ?? new Date(now.getTime() - DAY_MS);
    const groups = await db.outboxMessage.groupBy({ by: ["status"], where: { createdAt: { gte: from, lt: now } }, _count: { _all: true } });
    const count = (s: string) => groups.filter((g) => g.status === s).reduce((n, g) => n + g._count._all, 0);
    const lost = await db.chatAccount.findMany({
      where: { inactiveAt: { gte: from, lt: now }, inactiveReason: { in: ["blocked", "kicked"] } },
      include: { staff: { select: { fullName: true } } },
      orderBy: { inactiveAt: "asc" },
    });
    const sent = count("sent");
    const failed = count("failed");
    const blocked = count("blocked");
    const pending = count("pending") + count("sending");
    if (sent + failed + blocked + pending === 0 && lost.length === 0) return null;
    const lines = [t("delivery.sectionTitle"), t("delivery.sectionCounts", { sent, pending, failed, blocked })];
    // Names up to a bound (the digest must fit one message); /guitin lists them all.
    if (lost.length) lines.push(t("delivery.sectionUnreachable", { names: nameList(t, [...new Set(lost.map((a) => a.staff.fullName))], Math.max(3, 3 * listMax)) }));
    return { html: lines.join("\n"), changed: failed + blocked > 0 || lost.length > 0 };
  },
};
