// The yardstick of `npm run bench`: a bare grammY bot (grammy + runner) replying to every
// message and answering every button, as its own process against the same fake Bot API.
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN!, { client: { apiRoot: process.env.TELEGRAM_API_ROOT! } });
bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
bot.on("callback_query:data", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.callbackQuery.data);
});
const handle = run(bot, { runner: { silent: true } });
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void handle.stop().then(() => process.exit(0));
});
