// The CLI side of the office's chat tools (same services): `template KIND --out FILE` writes
// what /mau sends, `invite-sheet [--unit X] [--hours N] --out FILE` what /moi don-vi X and
// "Tạo mã mời" send. Imports are `import <kind> FILE`, the same checks as a file sent in the chat.
import { writeFile } from "node:fs/promises";
import { inviteSheet } from "../services/invite-sheet.js";
import { IMPORT_KINDS, kindFromWord } from "../services/office-import/kinds.js";
import { templateWorkbook } from "../services/office-import/templates.js";
import { botUsername } from "./invite.js";
import type { CliContext } from "./context.js";
import { unitOption } from "./unit-option.js";

export async function templateCommand(cli: CliContext, word: string, out: string): Promise<number> {
  const kind = kindFromWord(word);
  if (!kind) {
    cli.err(cli.t("officeFiles.cli.unknownKind", { kind: word, kinds: IMPORT_KINDS.join(", ") }));
    return 2;
  }
  await writeFile(out, await templateWorkbook(cli.db.prisma, kind, { now: cli.now, timeZone: cli.config.timezone }));
  cli.out(cli.t("officeFiles.cli.templateWritten", { file: out }));
  return 0;
}

export async function inviteSheetCommand(cli: CliContext, opts: { unit: string | undefined; hours: number | undefined; out: string }): Promise<number> {
  const unit = await unitOption(cli, opts.unit);
  if (unit === null) return 1;
  const name = await botUsername(cli);
  const sheet = await inviteSheet(cli.db.prisma, {
    unitId: unit?.id,
    ttlHours: opts.hours ?? cli.config.inviteTtlHours,
    now: cli.now,
    actor: cli.actor,
    timeZone: cli.config.timezone,
    link: "username" in name ? (invite) => `https://t.me/${name.username}?start=${invite}` : undefined,
  });
  await writeFile(opts.out, sheet.bytes);
  cli.out(cli.t("officeFiles.cli.inviteSheetWritten", { file: opts.out, count: sheet.people }));
  return 0;
}
