// Telegram's command menu: the default one (by language) and one per private chat for the
// user's role, so each person sees only what they may use.
import type { Api } from "grammy";
import type { i18n as I18n } from "i18next";
import { type CommandSpec, menuFor } from "../../chat/command.js";
import { LOCALES, type Locale } from "../../i18n.js";
import type { Role } from "../../services/roles.js";

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
