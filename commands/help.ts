// /trogiup (/help): the commands this person's role may use, in their language.
import type { BotContext } from "../bot/context.js";
import { roleLabel } from "../bot/services/profile.js";
import type { Role } from "../bot/services/roles.js";
import { type CommandSpec, defineCommand } from "../bot/telegram/commands.js";
import { menuFor } from "../bot/telegram/menus.js";

export function helpCommand(allSpecs: () => readonly CommandSpec[]) {
  return defineCommand(
    {
      name: "trogiup",
      aliases: ["help"],
      roles: "any",
      requiresBinding: false,
      privateOnly: false,
      inMenu: true,
      descriptionKey: "commands.trogiup",
    },
    (c) =>
      c.on("message", async (ctx: BotContext) => {
        const inGroup = ctx.chat?.type !== "private";
        if (!inGroup && !ctx.identity) return void (await ctx.reply(ctx.t("common.unknownUser"), { parse_mode: "HTML" }));
        // In a group, only the general list: nothing about the person or their unit.
        const role = inGroup ? "chuyen_vien" : (ctx.identity!.staff.role as Role);
        const lines = menuFor(allSpecs(), role, ctx.deps.i18n, ctx.locale).map((m) =>
          ctx.t("help.line", { command: m.command, description: m.description }),
        );
        const parts = [ctx.t(inGroup ? "help.titleGroup" : "help.title"), "", ...lines];
        if (!inGroup) {
          const s = ctx.identity!.staff;
          parts.push("", ctx.t("help.footer", { role: roleLabel(ctx.t, s.role), unit: s.unit.name }));
        }
        await ctx.reply(parts.join("\n"), { parse_mode: "HTML" });
      }),
  );
}
