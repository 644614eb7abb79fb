// /trogiup (/help): the commands this person's role may use, in their language.
import { type CommandSpec, defineCommand, menuFor } from "../bot/chat/command.js";
import { roleLabel } from "../bot/services/profile.js";
import type { Role } from "../bot/services/roles.js";

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
      c.message(async (turn) => {
        const inGroup = turn.chat.kind !== "private";
        if (!inGroup && !turn.identity) return turn.reply.show(turn.t("common.unknownUser"));
        // In a group, only the general list: nothing about the person or their unit.
        const role = inGroup ? "chuyen_vien" : (turn.identity!.staff.role as Role);
        const lines = menuFor(allSpecs(), role, turn.deps.i18n, turn.locale).map((m) =>
          turn.t("help.line", { command: m.command, description: m.description }),
        );
        const parts = [turn.t(inGroup ? "help.titleGroup" : "help.title"), "", ...lines];
        if (!inGroup) {
          const s = turn.identity!.staff;
          parts.push("", turn.t("help.footer", { role: roleLabel(turn.t, s.role), unit: s.unit.name }));
        }
        await turn.reply.show(parts.join("\n"));
      }),
  );
}
