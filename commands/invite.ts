// /moi: invites handed out from the chat. `/moi KH02` gives one person's invite (the link that
// opens the bot with it, its QR code as a picture); `/moi don-vi QLKH`, or "Tạo mã mời" after
// a staff import, gives a spreadsheet with a new invite, link and QR code for every active
// person of the unit (or of the department) who has no chat account yet.
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import { escapeMarkup } from "../bot/chat/markup.js";
import type { Turn } from "../bot/chat/turn.js";
import { formatDateTime } from "../bot/services/date-text.js";
import { inviteSheet, qrPng } from "../bot/services/invite-sheet.js";
import { createInvite } from "../bot/services/invites.js";
import { OFFICE } from "../bot/services/roles.js";
import { foldText } from "../bot/services/text.js";
import { findUnitByLabel, isStaffUnit } from "../bot/services/units.js";

async function sendSheet(turn: Turn, unit: { id: number; name: string } | undefined) {
  const sheet = await inviteSheet(turn.deps.db, {
    unitId: unit?.id,
    ttlHours: turn.deps.config.inviteTtlHours,
    now: turn.now,
    actor: turn.actor,
    timeZone: turn.deps.config.timezone,
    link: turn.deepLink,
  });
  const where = unit ? escapeMarkup(unit.name) : turn.t("officeFiles.invites.wholeDepartment");
  if (sheet.people === 0) return turn.reply.show(turn.t("officeFiles.invites.nobody", { where }));
  const hours = turn.deps.config.inviteTtlHours;
  await turn.reply.show({
    text: turn.t("officeFiles.invites.sheet", { where, count: sheet.people, hours }),
    document: { kind: "bytes", fileName: sheet.fileName, bytes: sheet.bytes },
  });
}

async function sendOne(turn: Turn, code: string) {
  const ttlHours = turn.deps.config.inviteTtlHours;
  const res = await createInvite(turn.deps.db, { staffCode: code, ttlHours, now: turn.now, actor: turn.actor });
  if (!res.ok) return turn.reply.show(turn.t(res.reason === "unknownStaff" ? "officeFiles.invites.unknownStaff" : "officeFiles.invites.inactiveStaff", { code: escapeMarkup(code) }));
  const link = turn.deepLink?.(res.invite);
  const expires = formatDateTime(res.expiresAt, turn.deps.config.timezone);
  const text = turn.t(link ? "officeFiles.invites.one" : "officeFiles.invites.oneNoLink", {
    name: escapeMarkup(res.staff.fullName),
    code: res.staff.code,
    link: link ?? "",
    invite: res.invite,
    expires,
  });
  const bytes = await qrPng(link ?? `/start ${res.invite}`);
  await turn.reply.show({ text, document: { kind: "bytes", fileName: `ma-moi-${res.staff.code}.png`, bytes, mimeType: "image/png" } });
}

export const inviteCommand = defineCommand(
  { name: "moi", roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "officeFiles.commands.moi" },
  (c) => {
    c.message(async (turn) => {
      const args = (turn.command?.args ?? "").trim();
      if (!args) return turn.reply.show({ text: turn.t("officeFiles.invites.howTo"), buttons: [[{ text: turn.t("officeFiles.invites.makeButton"), data: A.invites.unbound.build({}) }]] });
      const [first = "", ...rest] = args.split(/\s+/);
      if (["donvi", "unit"].includes(foldText(first).replace(/-/g, ""))) {
        const label = rest.join(" ");
        const unit = label ? await findUnitByLabel(turn.deps.db, label) : undefined;
        if (!unit || !isStaffUnit(unit)) return turn.reply.show(turn.t("officeFiles.invites.unknownUnit", { unit: escapeMarkup(label) }));
        return sendSheet(turn, unit);
      }
      if (rest.length) return turn.reply.show(turn.t("officeFiles.invites.howTo"));
      return sendOne(turn, first);
    });
    c.action(A.invites.unbound, async (turn) => {
      await turn.reply.clearButtons();
      await sendSheet(turn, undefined);
    });
  },
);
