// /start [invite]: binding a chat account to a staff record through a one-time invite (on
// Telegram the deep link t.me/<bot>?start=<invite>; elsewhere the typed "/start <invite>"),
// and the greeting afterwards. One person may hold accounts on several platforms.
import { defineCommand } from "../bot/chat/command.js";
import { isLocale } from "../bot/i18n.js";
import { findIdentity } from "../bot/services/accounts.js";
import { redeemInvite } from "../bot/services/invites.js";
import { bindByPhone, phoneSelfServiceOn } from "../bot/services/phone-binding.js";
import { roleLabel } from "../bot/services/profile.js";
import type { Role } from "../bot/services/roles.js";
import type { SharedContact, Turn } from "../bot/chat/turn.js";

const REFUSALS = {
  invalid: "start.inviteInvalid",
  used: "start.inviteUsed",
  expired: "start.inviteExpired",
  revoked: "start.inviteRevoked",
  inactiveStaff: "start.inactiveStaff",
} as const;

const PHONE_REFUSALS = {
  disabled: "officeFiles.phone.disabled",
  notOwnContact: "officeFiles.phone.notOwn",
  badNumber: "officeFiles.phone.noMatch",
  noMatch: "officeFiles.phone.noMatch",
  ambiguous: "officeFiles.phone.ambiguous",
} as const;

/** Greets the person just bound (with their profile) and publishes their menu. */
async function greetBound(turn: Turn) {
  const identity = await findIdentity(turn.deps.db, turn.platform, turn.from.externalId);
  if (!identity) throw new Error("account bound but not found");
  const s = identity.staff;
  const locale = isLocale(s.locale) ? s.locale : turn.deps.config.defaultLocale;
  await turn.reply.show(turn.t("start.bound", { name: s.fullName, role: roleLabel(turn.t, s.role), unit: s.unit.name }));
  await turn.reply.refreshMenu(s.role as Role, locale);
}

/** A contact card shared with the "share my number" button: binds its owner by their number. */
async function boundByPhone(turn: Turn, contact: SharedContact) {
  const { t } = turn;
  if (turn.identity) return turn.reply.show(t("start.alreadyBound"));
  const who = { platform: turn.platform, externalId: turn.from.externalId, chatId: turn.from.chatId, username: turn.from.username, displayName: turn.from.displayName };
  const result = await bindByPhone(turn.deps.db, contact, who, turn.now);
  if (result.ok) return result.alreadyBound ? turn.reply.show(t("start.alreadyBound")) : greetBound(turn);
  if (result.reason === "throttled") return turn.reply.show(t("start.throttled", { minutes: result.retryInMinutes }));
  if (result.reason === "boundToOther") return turn.reply.show(t("start.boundToOther", { name: result.staffName }));
  return turn.reply.show(t(PHONE_REFUSALS[result.reason]));
}

export function startCommand() {
  return defineCommand(
    // Not in the menu: Telegram shows its own Start button, and a bound user has no use for it.
    {
      name: "start",
      roles: "any",
      requiresBinding: false,
      privateOnly: true,
      inMenu: false,
      descriptionKey: "commands.start",
      takes: (input) => input.contact !== undefined,
    },
    (c) =>
      c.message(async (turn) => {
        const { t } = turn;
        const contact = turn.input.kind === "message" ? turn.input.contact : undefined;
        if (contact) return boundByPhone(turn, contact);
        const payload = turn.command?.args ?? "";
        if (!payload) {
          if (!turn.identity) {
            // Where the platform can ask for the person's own number and the office allows it.
            if (turn.caps.contactRequest && (await phoneSelfServiceOn(turn.deps.db)))
              return turn.reply.show({ text: t("officeFiles.phone.offer"), askContact: t("officeFiles.phone.button") });
            return turn.reply.show(t("common.unknownUser"));
          }
          const s = turn.identity.staff;
          return turn.reply.show(t("start.welcomeBack", { name: s.fullName, role: roleLabel(t, s.role), unit: s.unit.name }));
        }
        const result = await redeemInvite(
          turn.deps.db,
          payload,
          { platform: turn.platform, externalId: turn.from.externalId, chatId: turn.from.chatId, username: turn.from.username, displayName: turn.from.displayName },
          turn.now,
        );
        if (!result.ok) {
          if (result.reason === "throttled") return turn.reply.show(t("start.throttled", { minutes: result.retryInMinutes }));
          if (result.reason === "boundToOther") return turn.reply.show(t("start.boundToOther", { name: result.staffName }));
          return turn.reply.show(t(REFUSALS[result.reason]));
        }
        if (result.alreadyBound) return turn.reply.show(t("start.alreadyBound"));
        await greetBound(turn);
      }),
  );
}
