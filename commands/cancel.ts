// /huy: leaves any guided flow.
import type { BotContext } from "../bot/context.js";
import { clearFlow } from "../bot/services/flows.js";
import { defineCommand } from "../bot/telegram/commands.js";

export const cancelCommand = defineCommand(
  { name: "huy", aliases: ["cancel"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.huy" },
  (c) =>
    c.on("message", async (ctx: BotContext) => {
      const had = await clearFlow(ctx.deps.db, ctx.identity!.id);
      await ctx.reply(ctx.t(had ? "common.cancelled" : "common.nothingToCancel"));
    }),
);
