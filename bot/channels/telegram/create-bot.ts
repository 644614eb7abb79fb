// The Telegram adapter: a grammY bot that turns each update into a turn of the chat core and
// answers through the Telegram reply port. The only place (with the transport) that speaks
// grammY for chat handling. `startApp` starts it; tests build as many as they need.
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotConfig, type BotError, Composer, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { buildCommands } from "../../../commands/index.js";
import type { CommandModule } from "../../chat/command.js";
import { runOnce, TransientUpdateError } from "../../chat/dedupe.js";
import { isTransientDbError } from "../../db/errors.js";
import { dispatch } from "../../chat/dispatch.js";
import { openSession } from "../../chat/session.js";
import type { ChatDeps, Turn } from "../../chat/turn.js";
import type { AppConfig } from "../../config.js";
import { translator } from "../../i18n.js";
import { describeError } from "../../logger.js";
import { TELEGRAM_CAPABILITIES } from "./capabilities.js";
import { chatMemberMiddleware } from "./chat-member.js";
import type { TelegramContext } from "./context.js";
import { publishChatMenu } from "./menus.js";
import { telegramReply } from "./reply.js";
import { callBudget, isUnreachable, POLL_TIMEOUT_SECONDS } from "./network.js";
import { inputOf } from "./turn.js";

export interface CreateBotOptions {
  /** Skip getMe (tests, the demo). */
  botInfo?: UserFromGetMe;
}

export interface BotApp {
  bot: Bot<TelegramContext>;
  commands: CommandModule[];
  deps: ChatDeps;
}

/** Update kinds the bot handles; my_chat_member tells when a user blocks the bot. */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

function telegramError(err: unknown): Record<string, unknown> | undefined {
  // Never log the raw error: an HttpError's message contains the request URL, and the URL
  // contains the token. (The logger scrubs tokens too; this keeps the record small.)
  if (err instanceof GrammyError) return { kind: "telegram", method: err.method, code: err.error_code, description: err.description };
  if (err instanceof HttpError) return { kind: "network", message: String((err.error as Error)?.message ?? err.error) };
  return undefined;
}

export function createBot(config: AppConfig, deps: ChatDeps, opts: CreateBotOptions = {}): BotApp {
  // grammY waits 500 s for an answer by default; no call may outlast the long poll by much.
  const botConfig: BotConfig<TelegramContext> = { client: { apiRoot: config.apiRoot, timeoutSeconds: POLL_TIMEOUT_SECONDS } };
  if (opts.botInfo) botConfig.botInfo = opts.botInfo;
  const bot = new Bot<TelegramContext>(config.botToken, botConfig);
  const commands = buildCommands();
  const specs = commands.map((m) => m.spec);

  // Replies to commands retry Telegram's 429 (a short retry_after only), 5xx and network
  // errors, all within the call budget (10 s): auto-retry alone waits 3+6+12+24 s on a 5xx
  // burst and retries a network error for ever, and the chat's next command waits behind it
  // (sequentialize). getUpdates is left to the runner's own retry. Proactive messages have
  // their own sender with global pacing.
  const retry = autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 5 });
  bot.api.config.use((prev, method, payload, signal) => (method === "getUpdates" ? prev(method, payload, signal) : retry(prev, method, payload, signal)));
  bot.api.config.use(callBudget(deps.logger));

  // One update at a time per chat: a second tap cannot race the first one's writes.
  bot.use(sequentialize((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  bot.use((ctx, next) => {
    ctx.deps = deps;
    ctx.now = deps.clock();
    ctx.turn = undefined;
    return next();
  });
  // An error in one update is logged and answered; it never stops the bot. The boundary sits
  // inside the de-duplication, so an update counts as handled once its error answer is sent
  // (except a transient database error: runOnce runs the update again, bot/chat/dedupe.ts).
  const answerError = async (e: BotError<TelegramContext>) => {
    const ctx = e.ctx;
    deps.logger.error({ updateId: ctx.update.update_id, error: describeError(e.error, telegramError) }, "update failed");
    // Telegram could not be reached for this update: an error answer would only wait for it
    // again, and hold the chat's next update (sequentialize) as long.
    if (isUnreachable(e.error)) return;
    try {
      const t = ctx.turn?.t ?? translator(deps.i18n, deps.config.defaultLocale);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t("common.error"), show_alert: true });
      else if (ctx.chat?.type === "private") await ctx.reply(t("common.error"));
    } catch {
      /* the chat may be unreachable, or the button already answered: nothing more to do */
    }
  };
  // The handling chain is its own composer, so that runOnce can run it more than once.
  const handling = new Composer<TelegramContext>();
  const busy = (ctx: TelegramContext) => async () => {
    const t = ctx.turn?.t ?? translator(deps.i18n, deps.config.defaultLocale);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t("common.busy"), show_alert: true });
    else if (ctx.chat?.type === "private") await ctx.reply(t("common.busy"));
  };
  bot.use((ctx, next) => runOnce(deps, `telegram:${ctx.me.id}:${ctx.update.update_id}`, ctx.now, async () => void (await handling.middleware()(ctx, next)), busy(ctx)));
  const guarded = handling.errorBoundary(async (e) => {
    if (isTransientDbError(e.error)) throw new TransientUpdateError(e.error);
    await answerError(e);
  });
  guarded.use(chatMemberMiddleware());
  const publishMenu = (chatId: number, role: Parameters<typeof publishChatMenu>[3], locale: Parameters<typeof publishChatMenu>[5]) =>
    publishChatMenu(bot.api, chatId, specs, role, deps.i18n, locale).catch((e: unknown) =>
      deps.logger.warn({ error: (e as Error).message }, "could not publish the chat's command menu"),
    );
  guarded.use(async (ctx) => {
    const input = inputOf(ctx);
    const from = ctx.from;
    if (!input || !from) return;
    const isPrivate = ctx.chat?.type === "private";
    const session = await openSession(deps, "telegram", String(from.id), { private: isPrivate, isMessage: input.kind === "message", isBot: from.is_bot, language: from.language_code }, ctx.now);
    const reply = telegramReply(ctx, publishMenu);
    const turn: Turn = {
      deps,
      now: ctx.now,
      platform: "telegram",
      caps: TELEGRAM_CAPABILITIES,
      from: {
        externalId: String(from.id),
        chatId: String(ctx.chat?.id ?? from.id),
        username: from.username ?? null,
        displayName: [from.first_name, from.last_name].filter(Boolean).join(" "),
      },
      chat: { kind: isPrivate ? "private" : "group", id: String(ctx.chat?.id ?? from.id) },
      input,
      ...session,
      command: undefined,
      actor: `telegram:${from.id}`,
      privateChatUrl: `https://t.me/${ctx.me.username}`,
      reply,
    };
    ctx.turn = turn;
    await dispatch(commands, turn);
    await reply.finish();
  });
  // Last resort (errors before the boundary, e.g. the database is down).
  bot.catch(answerError);

  return { bot, commands, deps };
}
