// /meoattt: one security tip now (never one already seen in this round), or one of a chosen
// topic; the quiz under a tip (also under the scheduled ones) is answered here.
import { A } from "../bot/chat/actions.js";
import { defineCommand, NOT_HANDLED } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { deliverNextTip, isTipCategory } from "../bot/services/tips/next-tip.js";
import { answerQuiz } from "../bot/services/tips/quiz.js";
import { categoryButtons, categoryName, QUIZ_LETTERS, renderTip } from "../bot/services/tips/render.js";

async function sendTip(turn: Turn, category?: string) {
  const staffId = turn.identity!.staffId;
  const res = await deliverNextTip(turn.deps.db, staffId, { ...(category ? { category } : {}), via: "command", now: turn.now });
  if (res.status === "empty") return turn.reply.show(turn.t("tips.empty"));
  if (res.status === "category-done") {
    return turn.reply.show({
      text: turn.t("tips.categoryDone", { category: categoryName(res.category, turn.locale) }),
      buttons: categoryButtons(turn.locale).concat([[{ text: turn.t("tips.another"), data: A.tips.next.build({}) }]]),
    });
  }
  const { text, buttons } = renderTip(turn.t, turn.locale, res.tip);
  return turn.reply.show({ text, ...(buttons ? { buttons } : {}) });
}

export const tipsCommand = defineCommand(
  { name: "meoattt", aliases: ["tip"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.meoattt" },
  (c) => {
    c.message((turn) => sendTip(turn));
    c.action(A.tips.next, (turn) => sendTip(turn));
    c.action(A.tips.categories, (turn) => turn.reply.show({ text: turn.t("tips.pickCategory"), buttons: categoryButtons(turn.locale) }));
    c.action(A.tips.category, (turn, { key }) => (isTipCategory(key) ? sendTip(turn, key) : NOT_HANDLED));
    c.action(A.tips.answer, async (turn, { tipId, option }) => {
      if (option > 9) return NOT_HANDLED;
      const res = await answerQuiz(turn.deps.db, turn.identity!.staffId, tipId, option, turn.locale, turn.now);
      if (res.status === "invalid") return NOT_HANDLED;
      if (res.status === "already") return turn.reply.notice(turn.t("tips.quizAlready"));
      const letter = QUIZ_LETTERS[res.correctIndex] ?? String(res.correctIndex + 1);
      const verdict = res.correct ? turn.t("tips.quizCorrect") : turn.t("tips.quizWrong", { letter });
      await turn.reply.notice(verdict);
      await turn.reply.show(turn.t("tips.quizResult", { verdict, explanation: res.explanation }));
    });
  },
);
