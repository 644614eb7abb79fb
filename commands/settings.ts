// /caidat: the person's own settings: language, quiet hours, digest and tips.
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/context.js";
import { isLocale, LOCALES, type Locale, translator } from "../bot/i18n.js";
import {
  DIGEST_MODES,
  type DigestMode,
  hasQuietHours,
  QUIET_PRESETS,
  setDigestMode,
  setLocale,
  setQuietHours,
  setTipFrequency,
  TIP_FREQUENCIES,
  type TipFrequency,
} from "../bot/services/preferences.js";
import type { Role } from "../bot/services/roles.js";
import { audit } from "../bot/services/audit.js";
import { type CommandSpec, defineCommand } from "../bot/telegram/commands.js";
import { publishChatMenu } from "../bot/telegram/menus.js";

type Staff = NonNullable<BotContext["identity"]>["staff"];

/** Digests are for those who see a unit or the department. */
function receivesDigest(role: string): boolean {
  return role !== "chuyen_vien";
}

function quietLabel(ctx: BotContext, s: { quietFrom: string; quietTo: string }): string {
  return hasQuietHours(s) ? ctx.t("settings.quietRange", { from: s.quietFrom, to: s.quietTo }) : ctx.t("settings.quietOff");
}

function overview(ctx: BotContext, s: Staff): { text: string; keyboard: InlineKeyboard } {
  const locale: Locale = isLocale(s.locale) ? s.locale : ctx.deps.config.defaultLocale;
  const lines = [
    ctx.t("settings.title"),
    "",
    ctx.t("settings.language", { value: ctx.t(`settings.languageNames.${locale}`) }),
    ctx.t("settings.quiet", { value: quietLabel(ctx, s) }),
    ctx.t("settings.quietNote"),
  ];
  if (receivesDigest(s.role)) lines.push(ctx.t("settings.digest", { value: ctx.t(`settings.digestModes.${s.digestMode as DigestMode}`) }));
  lines.push(ctx.t("settings.tips", { value: ctx.t(`settings.tipFrequencies.${s.tipFrequency as TipFrequency}`) }));
  const kb = new InlineKeyboard();
  for (const l of LOCALES) kb.text(`${l === locale ? "✓ " : ""}${ctx.t(`settings.languageNames.${l}`)}`, `caidat:lang:${l}`);
  kb.row().text(ctx.t("settings.chooseQuiet"), "caidat:quiet");
  if (receivesDigest(s.role)) kb.text(ctx.t("settings.chooseDigest"), "caidat:digest");
  kb.text(ctx.t("settings.chooseTips"), "caidat:tips");
  return { text: lines.join("\n"), keyboard: kb };
}

function picker(ctx: BotContext, kind: "quiet" | "digest" | "tips", s: Staff): { text: string; keyboard: InlineKeyboard } {
  const kb = new InlineKeyboard();
  if (kind === "quiet") {
    QUIET_PRESETS.forEach((p, i) => {
      const current = p.from === s.quietFrom && p.to === s.quietTo;
      kb.text(`${current ? "✓ " : ""}${quietLabel(ctx, { quietFrom: p.from, quietTo: p.to })}`, `caidat:quiet:${i}`).row();
    });
  } else if (kind === "digest") {
    for (const m of DIGEST_MODES) kb.text(`${m === s.digestMode ? "✓ " : ""}${ctx.t(`settings.digestModes.${m}`)}`, `caidat:digest:${m}`).row();
  } else {
    for (const f of TIP_FREQUENCIES)
      kb.text(`${f === s.tipFrequency ? "✓ " : ""}${ctx.t(`settings.tipFrequencies.${f}`)}`, `caidat:tips:${f}`).row();
  }
  kb.text(ctx.t("common.back"), "caidat:home");
  const title = { quiet: "settings.pickQuiet", digest: "settings.pickDigest", tips: "settings.pickTips" } as const;
  return { text: ctx.t(title[kind]), keyboard: kb };
}

async function show(ctx: BotContext, view: { text: string; keyboard: InlineKeyboard }) {
  await ctx.editMessageText(view.text, { parse_mode: "HTML", reply_markup: view.keyboard }).catch((e: unknown) => {
    // Pressing the option that is already chosen leaves the text unchanged; Telegram says so.
    if (!String((e as Error).message).includes("message is not modified")) throw e;
  });
}

export function settingsCommand(allSpecs: () => readonly CommandSpec[]) {
  return defineCommand(
    { name: "caidat", aliases: ["settings"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.caidat" },
    (c) => {
      c.on("message", async (ctx: BotContext) => {
        const view = overview(ctx, ctx.identity!.staff);
        await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
      });

      c.on("callback_query:data", async (ctx: BotContext, next) => {
        const { db } = ctx.deps;
        const identity = ctx.identity!;
        const [, kind, value, ...extra] = ctx.callbackQuery!.data!.split(":");
        if (extra.length > 0) return next();
        const staffId = identity.staffId;
        let staff: Staff = identity.staff;
        const reload = async () => {
          const fresh = await db.staff.findUniqueOrThrow({ where: { id: staffId }, include: { unit: true } });
          staff = fresh;
        };
        if (kind === "home" && value === undefined) {
          await ctx.answerCallbackQuery();
          return show(ctx, overview(ctx, staff));
        }
        if ((kind === "quiet" || kind === "digest" || kind === "tips") && value === undefined) {
          if (kind === "digest" && !receivesDigest(staff.role)) return next();
          await ctx.answerCallbackQuery();
          return show(ctx, picker(ctx, kind, staff));
        }
        if (kind === "lang" && isLocale(value)) {
          await setLocale(db, staffId, value);
          await reload();
          ctx.locale = value;
          ctx.t = translator(ctx.deps.i18n, value);
          await ctx.answerCallbackQuery({ text: ctx.t("settings.languageChanged") });
          await show(ctx, overview(ctx, staff));
          await publishChatMenu(ctx.api, ctx.chat!.id, allSpecs(), staff.role as Role, ctx.deps.i18n, value).catch((e: unknown) =>
            ctx.deps.logger.warn({ err: e }, "could not publish the chat's command menu"),
          );
        } else if (kind === "quiet" && value !== undefined && /^\d$/.test(value) && QUIET_PRESETS[Number(value)]) {
          await setQuietHours(db, staffId, Number(value));
        } else if (kind === "digest" && (DIGEST_MODES as readonly string[]).includes(value ?? "") && receivesDigest(staff.role)) {
          await setDigestMode(db, staffId, value as DigestMode);
        } else if (kind === "tips" && (TIP_FREQUENCIES as readonly string[]).includes(value ?? "")) {
          await setTipFrequency(db, staffId, value as TipFrequency);
        } else {
          return next(); // unknown or forged: the fallback says the button is invalid
        }
        await audit(db, {
          actor: `telegram:${ctx.from!.id}`,
          actorStaffId: staffId,
          action: "settings.change",
          details: { [kind!]: value },
          at: ctx.now,
        });
        if (kind === "lang") return;
        await reload();
        await ctx.answerCallbackQuery({ text: ctx.t("common.saved") });
        await show(ctx, overview(ctx, staff));
      });
    },
  );
}
