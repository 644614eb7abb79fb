// /nhiemvu: the plan tasks that concern the person, paged; a task's detail; for the office,
// closing and reopening a task. Every button is checked again by the services.
import type { BotContext } from "../bot/context.js";
import { getSetting } from "../bot/services/settings.js";
import type { TaskRefusal } from "../bot/services/tasks/access.js";
import { LIST_PAGE_SIZE, taskDetailPage, taskListPage } from "../bot/services/tasks/format.js";
import { listTasksPage, reportAttachment, taskDetail } from "../bot/services/tasks/queries.js";
import { setTaskStatus } from "../bot/services/tasks/status.js";
import { defineCommand } from "../bot/telegram/commands.js";
import { formatEnv, idArg, notice, showPage, taskEnv, viewerOf } from "../bot/telegram/task-views.js";

const REFUSAL_KEY = {
  not_found: "tasks.refusals.notFound",
  forbidden: "tasks.refusals.forbidden",
  closed: "tasks.refusals.closed",
} as const satisfies Record<TaskRefusal, string>;

async function showList(ctx: BotContext, page: number) {
  const env = await taskEnv(ctx);
  const list = await listTasksPage(env, viewerOf(ctx), page, LIST_PAGE_SIZE);
  const dueSoon = await getSetting(ctx.deps.db, "tasks.dueSoonWorkingDays");
  await showPage(ctx, taskListPage(formatEnv(ctx), list, dueSoon));
}

async function showDetail(ctx: BotContext, taskId: number, page: number) {
  const res = await taskDetail(await taskEnv(ctx), viewerOf(ctx), taskId);
  if (!res.ok) return notice(ctx, ctx.t(REFUSAL_KEY[res.reason]));
  await ctx.answerCallbackQuery();
  await showPage(ctx, taskDetailPage(formatEnv(ctx), res.detail, { page }));
}

export const tasksCommand = defineCommand(
  { name: "nhiemvu", aliases: ["tasks"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.nhiemvu" },
  (c) => {
    c.on("message", (ctx: BotContext) => showList(ctx, 0));

    c.on("callback_query:data", async (ctx: BotContext, next) => {
      const [, action, a, b, ...extra] = ctx.callbackQuery!.data!.split(":");
      if (extra.length > 0) return next();
      const id = idArg(a);
      const page = b === undefined ? 0 : idArg(b);
      if (id === undefined || page === undefined) return next();
      switch (action) {
        case "p":
          if (b !== undefined) return next();
          await ctx.answerCallbackQuery();
          return showList(ctx, id);
        case "t":
          return showDetail(ctx, id, page);
        case "f": {
          if (b !== undefined) return next();
          const res = await reportAttachment(ctx.deps.db, viewerOf(ctx), id, { actor: `telegram:${ctx.from!.id}`, now: ctx.now });
          if (!res.ok) return notice(ctx, ctx.t(REFUSAL_KEY[res.reason]));
          await ctx.answerCallbackQuery();
          if (res.file.kind === "photo") await ctx.replyWithPhoto(res.file.fileId);
          else await ctx.replyWithDocument(res.file.fileId);
          return;
        }
        case "close":
        case "reopen": {
          const res = await setTaskStatus(
            ctx.deps.db,
            { actor: `telegram:${ctx.from!.id}`, viewer: viewerOf(ctx) },
            { id },
            action,
            ctx.now,
          );
          if (!res.ok) return notice(ctx, ctx.t(res.reason === "forbidden" ? "common.noPermission" : "tasks.refusals.notFound"));
          const key = action === "close" ? "tasks.closedDone" : "tasks.reopenedDone";
          await notice(ctx, ctx.t(res.changed ? key : "tasks.statusUnchanged", { code: res.task.code }), false);
          const detail = await taskDetail(await taskEnv(ctx), viewerOf(ctx), id);
          if (detail.ok) await showPage(ctx, taskDetailPage(formatEnv(ctx), detail.detail, { page }));
          return;
        }
        default:
          return next();
      }
    });
  },
);
