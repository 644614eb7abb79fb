// /donvi: a unit at a glance (its tasks with the unit's latest progress, who has not
// reported lately, overall completion). Heads see their own unit; the office, the
// department's leaders and administrators pick any unit.
import type { BotContext } from "../bot/context.js";
import { seesAllUnits } from "../bot/services/roles.js";
import { getSetting } from "../bot/services/settings.js";
import { unitOverviewPage } from "../bot/services/tasks/format.js";
import { unitOverview, viewableUnits } from "../bot/services/tasks/unit-overview.js";
import { unitResolver } from "../bot/services/units.js";
import { defineCommand } from "../bot/telegram/commands.js";
import { formatEnv, idArg, notice, showPage, taskEnv, viewerOf } from "../bot/telegram/task-views.js";

async function showUnit(ctx: BotContext, unitId: number, page: number) {
  const viewer = viewerOf(ctx);
  const res = await unitOverview(await taskEnv(ctx), viewer, unitId, page);
  if (!res.ok) {
    const text = ctx.t(res.reason === "forbidden" ? "unit.forbidden" : "unit.notFound");
    return ctx.callbackQuery ? notice(ctx, text) : void (await ctx.reply(text));
  }
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  const dueSoon = await getSetting(ctx.deps.db, "tasks.dueSoonWorkingDays");
  const view = unitOverviewPage(formatEnv(ctx), res.overview, dueSoon);
  if (seesAllUnits(viewer.role)) view.buttons.push([{ text: ctx.t("unit.otherUnits"), data: "donvi:list" }]);
  await showPage(ctx, view);
}

async function showPicker(ctx: BotContext) {
  const units = await viewableUnits(ctx.deps.db, viewerOf(ctx));
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await showPage(ctx, {
    text: ctx.t("unit.pick"),
    buttons: units.map((u) => [{ text: u.name, data: `donvi:u:${u.id}:0` }]),
  });
}

export const unitCommand = defineCommand(
  {
    name: "donvi",
    aliases: ["unit"],
    roles: ["truong_phong", "van_phong", "lanh_dao_so", "quan_tri"],
    requiresBinding: true,
    privateOnly: true,
    inMenu: true,
    descriptionKey: "commands.donvi",
  },
  (c) => {
    c.on("message", async (ctx: BotContext) => {
      const viewer = viewerOf(ctx);
      const label = ctx.command?.args.trim() ?? "";
      if (label) {
        const unit = unitResolver(await ctx.deps.db.unit.findMany())(label);
        if (!unit) return void (await ctx.reply(ctx.t("unit.unknown", { label })));
        return showUnit(ctx, unit.id, 0);
      }
      if (seesAllUnits(viewer.role)) return showPicker(ctx);
      return showUnit(ctx, viewer.unitId, 0);
    });

    c.on("callback_query:data", async (ctx: BotContext, next) => {
      const [, action, a, b, ...extra] = ctx.callbackQuery!.data!.split(":");
      if (extra.length > 0) return next();
      if (action === "list" && a === undefined) {
        if (!seesAllUnits(viewerOf(ctx).role)) return next();
        return showPicker(ctx);
      }
      const unitId = idArg(a);
      const page = idArg(b);
      if (action !== "u" || unitId === undefined || page === undefined) return next();
      return showUnit(ctx, unitId, page);
    });
  },
);
