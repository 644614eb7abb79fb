// Telegram's command menu: the default one (by language) and one per private chat for the
// user's role, so each person sees only what they may use.
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { i18n as I18n } from "i18next";
import { LOCALES, type Locale, translator } from "../i18n.js";
import type { Role } from "../services/roles.js";
import { type CommandSpec, mayUse } from "./commands.js";

export function menuFor(specs: readonly CommandSpec[], role: Role | undefined, i18n: I18n, locale: Locale): BotCommand[] {
  const t = translator(i18n, locale);
  return specs
    .filter((s) => s.inMenu && (role ? mayUse(s, role) : !s.requiresBinding || s.roles === "any"))
    .map((s) => ({ command: s.name, description: t(s.descriptionKey) }));
}

/** Default menus: Vietnamese for everyone, English for Telegram clients set to English. */
export async function publishDefaultMenus(api: Api, specs: readonly CommandSpec[], i18n: I18n, defaultLocale: Locale): Promise<void> {
  await api.setMyCommands(menuFor(specs, "chuyen_vien", i18n, defaultLocale));
  for (const locale of LOCALES) {
    await api.setMyCommands(menuFor(specs, "chuyen_vien", i18n, locale), { language_code: locale });
  }
}

export async function publishChatMenu(
  api: Api,
  chatId: number | string,
  specs: readonly CommandSpec[],
  role: Role,
  i18n: I18n,
  locale: Locale,
): Promise<void> {
  await api.setMyCommands(menuFor(specs, role, i18n, locale), { scope: { type: "chat", chat_id: chatId } });
}
