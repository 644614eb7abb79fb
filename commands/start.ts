// /start [invite]: binding a Telegram account to a staff record through a one-time invite
// (the deep link t.me/<bot>?start=<invite>), and the greeting afterwards.
import type { BotContext } from "../bot/context.js";
import { isLocale } from "../bot/i18n.js";
import { findIdentity } from "../bot/services/accounts.js";
import { redeemInvite } from "../bot/services/invites.js";
import { roleLabel } from "../bot/services/profile.js";
import type { Role } from "../bot/services/roles.js";
import { type CommandSpec, defineCommand } from "../bot/telegram/commands.js";
import { publishChatMenu } from "../bot/telegram/menus.js";

const REFUSALS = {
  invalid: "start.inviteInvalid",
  used: "start.inviteUsed",
  expired: "start.inviteExpired",
  revoked: "start.inviteRevoked",
  inactiveStaff: "start.inactiveStaff",
} as const;

export function startCommand(allSpecs: () => readonly CommandSpec[]) {
  return defineCommand(
    // Not in the menu: Telegram shows its own Start button, and a bound user has no use for it.
    { name: "start", roles: "any", requiresBinding: false, privateOnly: true, inMenu: false, descriptionKey: "commands.start" },
    (c) =>
      c.on("message", async (ctx: BotContext) => {
        const payload = ctx.command?.args ?? "";
        if (!payload) {
          if (!ctx.identity) return void (await ctx.reply(ctx.t("common.unknownUser"), { parse_mode: "HTML" }));
          const s = ctx.identity.staff;
          await ctx.reply(ctx.t("start.welcomeBack", { name: s.fullName, role: roleLabel(ctx.t, s.role), unit: s.unit.name }), {
            parse_mode: "HTML",
          });
          return;
        }
        const from = ctx.from!;
        const result = await redeemInvite(
          ctx.deps.db,
          payload,
          {
            platform: "telegram",
            externalId: String(from.id),
            chatId: String(ctx.chat!.id),
            username: from.username ?? null,
            displayName: [from.first_name, from.last_name].filter(Boolean).join(" "),
          },
          ctx.now,
        );
        if (!result.ok) {
          if (result.reason === "throttled") await ctx.reply(ctx.t("start.throttled", { minutes: result.retryInMinutes }));
          else if (result.reason === "boundToOther")
            await ctx.reply(ctx.t("start.boundToOther", { name: result.staffName }), { parse_mode: "HTML" });
          else await ctx.reply(ctx.t(REFUSALS[result.reason]));
          return;
        }
        const identity = await findIdentity(ctx.deps.db, "telegram", String(from.id));
        if (!identity) throw new Error("account bound but not found");
        const s = identity.staff;
        const locale = isLocale(s.locale) ? s.locale : ctx.deps.config.defaultLocale;
        if (result.alreadyBound) return void (await ctx.reply(ctx.t("start.alreadyBound")));
        await ctx.reply(ctx.t("start.bound", { name: s.fullName, role: roleLabel(ctx.t, s.role), unit: s.unit.name }), {
          parse_mode: "HTML",
        });
        await publishChatMenu(ctx.api, ctx.chat!.id, allSpecs(), s.role as Role, ctx.deps.i18n, locale).catch((e: unknown) =>
          ctx.deps.logger.warn({ err: e }, "could not publish the chat's command menu"),
        );
      }),
  );
}
