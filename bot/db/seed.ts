// Loads the 2021 plan into an empty database, once: the (job, slot) row "seed/plan-2021"
// is written in the same transaction, so several instances starting together seed once.
import {
  PLAN_2021,
  PLAN_2021_REPORT_DEADLINES,
  PLAN_2021_TASKS,
  PLAN_2021_UNITS,
} from "../seed-data/plan-2021.js";
import { taskSortKey } from "../services/tasks/codes.js";
import type { Db } from "./client.js";
import { isUniqueViolation } from "./errors.js";

export interface SeedResult {
  seeded: boolean;
  units: number;
  tasks: number;
}

/**
 * Tasks written before the plan-order key existed get theirs (the migration cannot compute
 * it: Roman numerals); a no-op query once they all have one.
 */
async function fillTaskSortKeys(db: Db): Promise<void> {
  for (const t of await db.task.findMany({ where: { sortKey: "" }, select: { id: true, code: true } })) {
    await db.task.update({ where: { id: t.id }, data: { sortKey: taskSortKey(t.code) } });
  }
}

export async function seedPlan2021(db: Db, now: Date): Promise<SeedResult> {
  await fillTaskSortKeys(db);
  const existing = await db.jobRun.findUnique({ where: { job_slot: { job: "seed", slot: "plan-2021" } } });
  if (existing) return { seeded: false, units: 0, tasks: 0 };
  // Only an empty database gets the plan: an office that started from its own
  // spreadsheets keeps exactly what it imported.
  if ((await db.unit.count()) > 0) {
    await db.jobRun
      .create({ data: { job: "seed", slot: "plan-2021", status: "skipped", detail: "database not empty", finishedAt: now } })
      .catch((e) => {
        if (!isUniqueViolation(e)) throw e;
      });
    return { seeded: false, units: 0, tasks: 0 };
  }
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.jobRun.create({ data: { job: "seed", slot: "plan-2021", status: "done", startedAt: now, finishedAt: now } });
        const unitIds = new Map<string, number>();
        for (const [i, u] of PLAN_2021_UNITS.entries()) {
          const row = await tx.unit.create({
            data: { code: u.code, name: u.name, shortName: u.shortName, kind: u.kind, aliases: u.aliases.join("|"), sortOrder: i },
          });
          unitIds.set(u.code, row.id);
        }
        const plan = await tx.plan.create({ data: PLAN_2021 });
        for (const t of PLAN_2021_TASKS) {
          const links = [
            ...t.lead.map((code) => ({ unitId: unitIds.get(code)!, role: "lead" })),
            ...t.coord.map((code) => ({ unitId: unitIds.get(code)!, role: "coord" })),
          ];
          await tx.task.create({
            data: {
              code: t.code,
              sortKey: taskSortKey(t.code),
              planId: plan.id,
              section: t.section,
              sectionTitle: t.sectionTitle,
              title: t.title,
              content: t.content,
              dueDate: t.dueDate,
              recurring: t.recurring,
              timingNote: t.timingNote,
              leadNote: t.leadNote ?? null,
              coordNote: t.coordNote ?? null,
              units: { create: links },
              // The service's clock, not the database's: a period's figures count the tasks
              // that existed at its end, and a test's clock must see the plan it seeded.
              createdAt: now,
            },
          });
        }
        for (const d of PLAN_2021_REPORT_DEADLINES) {
          await tx.reportDeadline.create({ data: { ...d, planId: plan.id } });
        }
        return { seeded: true, units: PLAN_2021_UNITS.length, tasks: PLAN_2021_TASKS.length };
      },
      { timeout: 30_000 },
    );
  } catch (e) {
    if (isUniqueViolation(e)) return { seeded: false, units: 0, tasks: 0 }; // another instance did it
    throw e;
  }
}
