// What a person must never read on a screen of the bot: a raw translation key
// (`delivery.kinds.alert-remediation`), a placeholder or nesting i18next left behind, Vietnamese
// in an English screen, or our own English UI words in a Vietnamese one.
//
// Data may stay in its own language when it is marked: in English screens the department's
// own Vietnamese text (task titles and contents, plan sections and notes, dossier procedures
// and applicants, alert titles and texts, report notes) is shown between “…” quotes; names of
// people and units are proper names and appear as they are.
import vi from "../../locales/vi.json" with { type: "json" };
import { SETTINGS } from "../../bot/services/settings.js";

const NAMESPACES = Object.keys(vi);
const RAW_KEY = new RegExp(`(?<![\\w./-])(?:${NAMESPACES.join("|")})\\.[A-Za-z][\\w-]*(?:\\.[\\w-]+)*`, "g");
/** Identifiers the office reads and types (setting keys, audit action names), not translation keys. */
const DATA_IDENTIFIERS = new Set<string>([...Object.keys(SETTINGS), "settings.set", "settings.change"]);
const LEFTOVER = /\{\{|\}\}|\$t\(|\$\u2060t\(/;

/** Vietnamese letters with a mark (not in English words): ă â đ ê ô ơ ư and every tone mark. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Our own English interface words: each is in en.json, none is Vietnamese or usual in its data. */
const ENGLISH_UI_WORDS = [
  "the", "your", "you", "and", "with", "please", "task", "tasks", "due", "deadline", "progress", "report", "reports",
  "cancel", "back", "next", "previous", "page", "settings", "done", "skip", "unit", "alert", "read", "refresh", "today",
  "send", "yes", "overdue", "working", "days", "people", "staff", "dossier", "dossiers", "tip", "quiz", "correct",
  "confirm", "save", "language", "quiet", "digest", "weekly", "daily", "lead", "coordination", "assigned", "ongoing",
  "completed", "closed", "reminder", "handled", "machines", "remediation", "choose", "type", "none",
];
const ENGLISH = new RegExp(`(?<![\\p{L}\\p{M}])(?:${ENGLISH_UI_WORDS.join("|")})(?![\\p{L}\\p{M}])`, "iu");

export type ScreenLocale = "vi" | "en";

export interface Screen {
  /** Who saw it and how (for the failure message): "KH02 /nhiemvu → nhiemvu:t:12:0". */
  where: string;
  text: string;
}

export interface ScreenProblem {
  where: string;
  problem: string;
  excerpt: string;
}

function around(text: string, index: number): string {
  return text.slice(Math.max(0, index - 40), index + 60).replace(/\n/g, "⏎");
}

/** Quoted data and proper names, removed before looking for the other language. */
function withoutData(text: string, names: readonly string[]): string {
  let t = text.normalize("NFC").replace(/“[^”]*”/g, "“”");
  // Longest first, so "Phòng Kế hoạch - Tài chính" goes before "Phòng".
  for (const n of [...names].sort((a, b) => b.length - a.length)) if (n) t = t.split(n.normalize("NFC")).join("");
  return t;
}

/** A raw translation key or what i18next left behind: wrong in any language. */
export function untranslated(screen: Screen): ScreenProblem[] {
  const out: ScreenProblem[] = [];
  const { text, where } = screen;
  for (const m of text.matchAll(RAW_KEY)) if (!DATA_IDENTIFIERS.has(m[0])) out.push({ where, problem: `raw translation key ${m[0]}`, excerpt: around(text, m.index!) });
  const left = LEFTOVER.exec(text);
  if (left) out.push({ where, problem: "i18next left a placeholder or a nesting", excerpt: around(text, left.index) });
  return out;
}

/** Every problem of one screen read by a person whose language is `locale`. */
export function screenProblems(screen: Screen, locale: ScreenLocale, names: readonly string[]): ScreenProblem[] {
  const out = untranslated(screen);
  const { text, where } = screen;
  const rest = withoutData(text, names);
  const other = locale === "en" ? VIETNAMESE.exec(rest) : ENGLISH.exec(rest);
  if (other) out.push({ where, problem: locale === "en" ? "Vietnamese in an English screen" : `English word “${other[0]}” in a Vietnamese screen`, excerpt: around(rest, other.index) });
  return out;
}

export function formatProblems(problems: ScreenProblem[]): string {
  return problems.map((p) => `${p.where}: ${p.problem}\n    …${p.excerpt}…`).join("\n");
}
