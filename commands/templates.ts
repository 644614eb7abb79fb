// /mau [kind]: a template spreadsheet for each import (the expected header row, one example
// row, a sheet explaining the columns), to fill in and send back to the bot.
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { IMPORT_KINDS, type ImportKind, kindFromWord } from "../bot/services/office-import/kinds.js";
import { TEMPLATE_FILE_NAMES, templateWorkbook } from "../bot/services/office-import/templates.js";
import { OFFICE } from "../bot/services/roles.js";
import { KIND_LABELS } from "./import-file.js";

async function sendTemplate(turn: Turn, kind: ImportKind) {
  const bytes = await templateWorkbook(turn.deps.db, kind, { now: turn.now, timeZone: turn.deps.config.timezone });
  await turn.reply.show({ text: turn.t("officeFiles.templates.sent", { kind: turn.t(KIND_LABELS[kind]) }), document: { kind: "bytes", fileName: TEMPLATE_FILE_NAMES[kind], bytes } });
}

export const templatesCommand = defineCommand(
  { name: "mau", roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "officeFiles.commands.mau" },
  (c) => {
    c.message(async (turn) => {
      const word = (turn.command?.args ?? "").trim();
      const kind = word ? kindFromWord(word) : undefined;
      if (kind) return sendTemplate(turn, kind);
      await turn.reply.show({
        text: turn.t(word ? "officeFiles.templates.unknown" : "officeFiles.templates.pick"),
        buttons: IMPORT_KINDS.map((k) => [{ text: turn.t(KIND_LABELS[k]), data: A.templates.kind.build({ kind: k }) }]),
      });
    });
    c.action(A.templates.kind, (turn, { kind }) => sendTemplate(turn, kind));
  },
);
