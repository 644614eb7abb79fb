// Plan tasks and people for task tests: tasks made directly in the database (units by code,
// assignees by staff code) and the viewer of a staff code.
import type { Db } from "../../bot/db/client.js";
import { createI18n } from "../../bot/i18n.js";
import { getDefaultWorkingCalendar } from "../../bot/services/calendar/index.js";
import type { ReportDeps } from "../../bot/services/progress.js";
import type { Viewer } from "../../bot/services/tasks/access.js";
import { taskSortKey } from "../../bot/services/tasks/codes.js";
import { LIST_PAGE_SIZE } from "../../bot/services/tasks/format.js";
import { clampPage, type TaskEnv } from "../../bot/services/tasks/queries.js";

export interface TaskSpec {
  code: string;
  title?: string;
  content?: string;
  section?: string;
  lead?: string[];
  coord?: string[];
  assignees?: string[];
  dueDate?: string | null;
  recurring?: boolean;
  status?: string;
}

export async function makeTask(db: Db, spec: TaskSpec) {
  const units = new Map((await db.unit.findMany()).map((u) => [u.code, u.id]));
  const staff = new Map((await db.staff.findMany()).map((s) => [s.code, s.id]));
  return db.task.create({
    data: {
      code: spec.code,
      sortKey: taskSortKey(spec.code),
      title: spec.title ?? `Nhiệm vụ ${spec.code}`,
      content: spec.content ?? `Nội dung nhiệm vụ ${spec.code}`,
      section: spec.section ?? "IX",
      dueDate: spec.recurring ? null : spec.dueDate === undefined ? "2021-12-31" : spec.dueDate,
      recurring: spec.recurring ?? false,
      status: spec.status ?? "open",
      units: {
        create: [
          ...(spec.lead ?? []).map((c) => ({ unitId: units.get(c)!, role: "lead" })),
          ...(spec.coord ?? []).map((c) => ({ unitId: units.get(c)!, role: "coord" })),
        ],
      },
      assignees: { create: (spec.assignees ?? []).map((c) => ({ staffId: staff.get(c)! })) },
    },
  });
}

export async function viewerOf(db: Db, code: string): Promise<Viewer> {
  const s = await db.staff.findUniqueOrThrow({ where: { code } });
  return { staffId: s.id, unitId: s.unitId, role: s.role };
}

export function taskEnv(db: Db, today: string): TaskEnv {
  return { db, calendar: getDefaultWorkingCalendar(), today };
}

export function reportDeps(db: Db): ReportDeps {
  return { db, i18n: createI18n("vi"), config: { timezone: "Asia/Ho_Chi_Minh", defaultLocale: "vi" } };
}

/** Binds a chat account so the person can be told things (the outbox needs one). */
export async function bind(db: Db, code: string) {
  const s = await db.staff.findUniqueOrThrow({ where: { code } });
  return db.chatAccount.create({ data: { platform: "telegram", externalId: String(9000 + s.id), chatId: String(9000 + s.id), staffId: s.id } });
}

/** A page of an in-memory list, as listTasksPage / unitTaskPage return it from SQL. */
export function pageOfLines<T extends { group?: string; role?: string }>(all: T[], requested: number, pageSize = LIST_PAGE_SIZE) {
  const { page, pages } = clampPage(requested, all.length, pageSize);
  const lines = all.slice(page * pageSize, (page + 1) * pageSize);
  const before = all[page * pageSize - 1];
  const continuesGroup = page > 0 && before !== undefined && lines[0] !== undefined && before.group === lines[0].group;
  return { lines, total: all.length, page, pages, pageSize, continuesGroup };
}
