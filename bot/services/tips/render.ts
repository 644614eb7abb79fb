// A tip as a message: the text in the reader's language, the quiz question with lettered
// options, and buttons (plain data, turned into a keyboard by the command or the sender).
import { escapeMarkup } from "../../chat/markup.js";
import { A } from "../../chat/actions.js";
import type { OutboxButton, OutboxPayload } from "../../delivery/outbox.js";
import { type Locale, type Translate } from "../../i18n.js";
import { type TipCategoryKey, TIP_CATEGORIES, tipCategoryName } from "../../seed-data/security-tips.js";
import type { TipRow } from "./next-tip.js";
import { parseQuiz } from "./quiz.js";

export const QUIZ_LETTERS = ["A", "B", "C", "D", "E", "F"] as const;

export function categoryName(key: string, locale: Locale): string {
  return tipCategoryName(key as TipCategoryKey, locale);
}

/** Callback data of the tip command's buttons (the command is /meoattt). */
export const tipButtonData = {
  answer: (tipId: number, option: number) => A.tips.answer.build({ tipId, option }),
  another: () => A.tips.next.build({}),
  categories: () => A.tips.categories.build({}),
  category: (key: string) => A.tips.category.build({ key }),
};

export function renderTip(t: Translate, locale: Locale, tip: TipRow, opts: { scheduled?: boolean } = {}): OutboxPayload {
  const lines = [t("tips.title", { category: categoryName(tip.category, locale) }), "", escapeMarkup(locale === "en" ? tip.textEn : tip.textVi)];
  const buttons: OutboxButton[][] = [];
  const quiz = parseQuiz(tip);
  if (quiz) {
    const q = quiz[locale];
    lines.push("", t("tips.quizQuestion", { question: q.question }));
    q.options.forEach((o, i) => lines.push(t("tips.quizOption", { letter: QUIZ_LETTERS[i] ?? String(i + 1), text: o })));
    lines.push(t("tips.quizHint"));
    buttons.push(q.options.map((_, i) => ({ text: QUIZ_LETTERS[i] ?? String(i + 1), data: tipButtonData.answer(tip.id, i) })));
  }
  buttons.push([
    { text: t("tips.another"), data: tipButtonData.another() },
    { text: t("tips.chooseCategory"), data: tipButtonData.categories() },
  ]);
  if (opts.scheduled) lines.push("", t("tips.scheduledFooter"));
  return { text: lines.join("\n"), buttons };
}

export function categoryButtons(locale: Locale): OutboxButton[][] {
  const rows: OutboxButton[][] = [];
  TIP_CATEGORIES.forEach((c, i) => {
    if (i % 2 === 0) rows.push([]);
    rows.at(-1)!.push({ text: c[locale], data: tipButtonData.category(c.key) });
  });
  return rows;
}
