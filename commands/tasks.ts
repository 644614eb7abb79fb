// /nhiemvu: the plan tasks that concern the person, paged; a task's detail; for the office,
// closing and reopening a task. Every button is checked again by the services.
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { getSetting } from "../bot/services/settings.js";
import type { TaskRefusal } from "../bot/services/tasks/access.js";
import { LIST_PAGE_SIZE, taskDetailPage, taskListPage } from "../bot/services/tasks/format.js";
import { listTasksPage, reportAttachment, taskDetail } from "../bot/services/tasks/queries.js";
import { setTaskStatus } from "../bot/services/tasks/status.js";
import { formatEnv, taskEnv, viewerOf } from "./task-context.js";

const REFUSAL_KEY = {
  not_found: "tasks.refusals.notFound",
  forbidden: "tasks.refusals.forbidden",
  closed: "tasks.refusals.closed",
} as const satisfies Record<TaskRefusal, string>;

async function showList(turn: Turn, page: number) {
  const env = await taskEnv(turn);
  const dueSoon = await getSetting(turn.deps.db, "tasks.dueSoonWorkingDays");
  const list = await listTasksPage(env, viewerOf(turn), page, LIST_PAGE_SIZE, { dueSoon });
  await turn.reply.show(taskListPage(formatEnv(turn), list, dueSoon), { replace: true });
}

async function showDetail(turn: Turn, taskId: number, page: number) {
  const res = await taskDetail(await taskEnv(turn), viewerOf(turn), taskId);
  if (!res.ok) return turn.reply.notice(turn.t(REFUSAL_KEY[res.reason]), { alert: true });
  await turn.reply.show(taskDetailPage(formatEnv(turn), res.detail, { page }), { replace: true });
}

async function setStatus(turn: Turn, id: number, page: number, action: "close" | "reopen") {
  const res = await setTaskStatus(turn.deps.db, { actor: turn.actor, viewer: viewerOf(turn) }, { id }, action, turn.now);
  if (!res.ok) return turn.reply.notice(turn.t(res.reason === "forbidden" ? "common.noPermission" : "tasks.refusals.notFound"), { alert: true });
  const key = action === "close" ? "tasks.closedDone" : "tasks.reopenedDone";
  await turn.reply.notice(turn.t(res.changed ? key : "tasks.statusUnchanged", { code: res.task.code }));
  const detail = await taskDetail(await taskEnv(turn), viewerOf(turn), id);
  if (detail.ok) await turn.reply.show(taskDetailPage(formatEnv(turn), detail.detail, { page }), { replace: true });
}

export const tasksCommand = defineCommand(
  { name: "nhiemvu", aliases: ["tasks"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.nhiemvu" },
  (c) => {
    c.message((turn) => showList(turn, 0));
    c.action(A.tasks.page, (turn, { page }) => showList(turn, page));
    c.action(A.tasks.detail, (turn, { id, page }) => showDetail(turn, id, page ?? 0));
    c.action(A.tasks.file, async (turn, { reportId }) => {
      const res = await reportAttachment(turn.deps.db, viewerOf(turn), reportId, { actor: turn.actor, now: turn.now });
      if (!res.ok) return turn.reply.notice(turn.t(REFUSAL_KEY[res.reason]), { alert: true });
      await turn.reply.show({ text: "", document: { kind: "stored", platform: res.file.platform, fileId: res.file.fileId, type: res.file.kind, fileName: res.file.fileName } });
    });
    c.action(A.tasks.close, (turn, { id, page }) => setStatus(turn, id, page ?? 0, "close"));
    c.action(A.tasks.reopen, (turn, { id, page }) => setStatus(turn, id, page ?? 0, "reopen"));
  },
);
