// /meoattt: one security tip now (never one already seen in this round), or one of a chosen
// topic; the quiz under a tip (also under the scheduled ones) is answered here.
import type { BotContext } from "../bot/context.js";
import { keyboard } from "../bot/delivery/transport.js";
import { deliverNextTip, isTipCategory } from "../bot/services/tips/next-tip.js";
import { answerQuiz } from "../bot/services/tips/quiz.js";
import { categoryButtons, categoryName, QUIZ_LETTERS, renderTip } from "../bot/services/tips/render.js";
import { defineCommand } from "../bot/telegram/commands.js";

async function sendTip(ctx: BotContext, category?: string) {
  const staffId = ctx.identity!.staffId;
  const res = await deliverNextTip(ctx.deps.db, staffId, { ...(category ? { category } : {}), via: "command", now: ctx.now });
  if (res.status === "empty") return ctx.reply(ctx.t("tips.empty"));
  if (res.status === "category-done") {
    return ctx.reply(ctx.t("tips.categoryDone", { category: categoryName(res.category, ctx.locale) }), {
      reply_markup: keyboard(categoryButtons(ctx.locale).concat([[{ text: ctx.t("tips.another"), data: "meoattt:next" }]])),
    });
  }
  const view = renderTip(ctx.t, ctx.locale, res.tip);
  return ctx.reply(view.text, { parse_mode: "HTML", reply_markup: keyboard(view.buttons) });
}

export const tipsCommand = defineCommand(
  { name: "meoattt", aliases: ["tip"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.meoattt" },
  (c) => {
    c.on("message", async (ctx: BotContext) => {
      await sendTip(ctx);
    });

    c.on("callback_query:data", async (ctx: BotContext, next) => {
      const [, action, a, b, ...extra] = ctx.callbackQuery!.data!.split(":");
      if (extra.length > 0) return next();
      if (action === "next" && a === undefined) {
        await ctx.answerCallbackQuery();
        await sendTip(ctx);
      } else if (action === "cats" && a === undefined) {
        await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t("tips.pickCategory"), { reply_markup: keyboard(categoryButtons(ctx.locale)) });
      } else if (action === "c" && a !== undefined && b === undefined && isTipCategory(a)) {
        await ctx.answerCallbackQuery();
        await sendTip(ctx, a);
      } else if (action === "q" && /^\d{1,9}$/.test(a ?? "") && /^\d$/.test(b ?? "")) {
        const res = await answerQuiz(ctx.deps.db, ctx.identity!.staffId, Number(a), Number(b), ctx.locale, ctx.now);
        if (res.status === "invalid") return next();
        const letter = QUIZ_LETTERS[res.correctIndex] ?? String(res.correctIndex + 1);
        const verdict = res.correct ? ctx.t("tips.quizCorrect") : ctx.t("tips.quizWrong", { letter });
        if (res.status === "already") {
          await ctx.answerCallbackQuery({ text: ctx.t("tips.quizAlready") });
          return;
        }
        await ctx.answerCallbackQuery({ text: verdict.slice(0, 200) });
        await ctx.reply(ctx.t("tips.quizResult", { verdict, explanation: res.explanation }), { parse_mode: "HTML" });
      } else {
        return next();
      }
    });
  },
);
