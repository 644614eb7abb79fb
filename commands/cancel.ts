// /huy: leaves any guided flow.
import { defineCommand } from "../bot/chat/command.js";
import { clearFlow } from "../bot/services/flows.js";

export const cancelCommand = defineCommand(
  { name: "huy", aliases: ["cancel"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.huy" },
  (c) =>
    c.message(async (turn) => {
      const had = await clearFlow(turn.deps.db, turn.identity!.id);
      await turn.reply.show(turn.t(had ? "common.cancelled" : "common.nothingToCancel"));
    }),
);
