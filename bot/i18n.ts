// All user-facing text comes from locales/vi.json (the reference) and locales/en.json,
// through i18next. Keys are typed against vi.json, so a missing key fails type-checking.
import i18next, { type i18n as I18n } from "i18next";
import en from "../locales/en.json" with { type: "json" };
import vi from "../locales/vi.json" with { type: "json" };
import { escapeMarkup } from "./chat/markup.js";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type TKey = Leaves<typeof vi>;
export type TParams = Record<string, string | number>;
export type Translate = (key: TKey, params?: TParams) => string;

// Texts are neutral markup (bot/chat/markup.ts): interpolated values are escaped with its one
// escaper, so "/" or "'" stay readable.
export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

export function createI18n(defaultLocale: Locale = "vi"): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: defaultLocale,
    fallbackLng: "vi",
    supportedLngs: [...LOCALES],
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: true, escape: escapeMarkup },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<I18n["init"]>[0]);
  return instance;
}

// English numbers agree with their nouns through nested plural fragments
// (`$t(plural.days, {"count": {{days}} })`, plural.days_one / _other). A value that itself
// holds "$t(" (a title someone typed) would derail that nesting: a zero-width joiner keeps it
// literal.
const NESTING = /\$t\(/g;
function literalValues(params: TParams | undefined): TParams {
  if (!params) return {};
  const out: TParams = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === "string" ? v.replace(NESTING, "$\u2060t(") : v;
  return out;
}

export function translator(i18n: I18n, locale: Locale): Translate {
  const fixed = i18n.getFixedT(locale);
  return (key, params) => fixed(key, literalValues(params)) as string;
}

/**
 * Data in the department's own words (a task's title, a dossier's procedure, an alert the office
 * wrote), as it is: unchanged in Vietnamese, between quotes in English so the reader sees it is
 * quoted, not the assistant's wording. Not escaped: the caller escapes for HTML if needed.
 */
export function quoted(t: Translate, text: string): string {
  return t("common.quoted", { text });
}

/** Messages keyed for both languages at once (e.g. setMyCommands for vi and en). */
export function bothLocales<T>(fn: (locale: Locale) => T): Record<Locale, T> {
  return { vi: fn("vi"), en: fn("en") };
}
