// The tip library (bot/seed-data/security-tips.ts) is the source of truth for tip texts:
// each start-up upserts it into the Tip table by code, so a new version of the library
// reaches existing databases, and tips removed from it are deactivated (never deleted:
// deliveries and quiz answers keep pointing at them).
import type { Db } from "../../db/client.js";
import { SECURITY_TIPS, type SecurityTip } from "../../seed-data/security-tips.js";

export interface TipSyncResult {
  created: number;
  updated: number;
  deactivated: number;
}

export async function syncTipLibrary(db: Db, library: readonly SecurityTip[] = SECURITY_TIPS): Promise<TipSyncResult> {
  const existing = new Map((await db.tip.findMany()).map((t) => [t.code, t]));
  const result: TipSyncResult = { created: 0, updated: 0, deactivated: 0 };
  const codes = new Set(library.map((t) => t.code));
  await db.$transaction(
    async (tx) => {
      for (const tip of library) {
        const data = {
          category: tip.category,
          textVi: tip.vi,
          textEn: tip.en,
          quiz: tip.quiz ? JSON.stringify(tip.quiz) : null,
          active: true,
        };
        const row = existing.get(tip.code);
        if (!row) {
          // An upsert: another instance starting at the same moment may have created it.
          await tx.tip.upsert({ where: { code: tip.code }, create: { code: tip.code, ...data }, update: data });
          result.created++;
        } else if (
          row.category !== data.category ||
          row.textVi !== data.textVi ||
          row.textEn !== data.textEn ||
          row.quiz !== data.quiz ||
          !row.active
        ) {
          await tx.tip.update({ where: { id: row.id }, data });
          result.updated++;
        }
      }
      const removed = [...existing.values()].filter((t) => t.active && !codes.has(t.code)).map((t) => t.id);
      if (removed.length) {
        await tx.tip.updateMany({ where: { id: { in: removed } }, data: { active: false } });
        result.deactivated = removed.length;
      }
    },
    { timeout: 60_000 },
  );
  return result;
}
