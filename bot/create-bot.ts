// The bot factory: builds a grammY bot wired to the domain, without starting it.
// `main` starts it; tests and the demo build as many as they need.
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotConfig, type BotError, Composer, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { buildCommands } from "../commands/index.js";
import type { AppConfig } from "./config.js";
import type { BotContext, BotDeps } from "./context.js";
import { chatMemberMiddleware } from "./middleware/chat-member.js";
import { contextMiddleware } from "./middleware/context.js";
import { dedupeMiddleware, TransientUpdateError } from "./middleware/dedupe.js";
import { isTransientDbError } from "./db/errors.js";
import { fallbackMiddleware } from "./middleware/fallback.js";
import { identityMiddleware } from "./middleware/identity.js";
import { textGuardMiddleware } from "./middleware/text-guard.js";
import type { CommandModule } from "./telegram/commands.js";
import { callBudget, isUnreachable, POLL_TIMEOUT_SECONDS } from "./telegram/network.js";

export interface CreateBotOptions {
  /** Skip getMe (tests, the demo). */
  botInfo?: UserFromGetMe;
}

export interface BotApp {
  bot: Bot<BotContext>;
  commands: CommandModule[];
  deps: BotDeps;
}

/** Update kinds the bot handles; my_chat_member tells when a user blocks the bot. */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

function describeError(err: unknown): Record<string, unknown> {
  // Never log the raw error: an HttpError's message contains the request URL, and the URL
  // contains the token. (The logger scrubs tokens too; this keeps the record small.)
  if (err instanceof GrammyError) return { kind: "telegram", method: err.method, code: err.error_code, description: err.description };
  if (err instanceof HttpError) return { kind: "network", message: String((err.error as Error)?.message ?? err.error) };
  if (err instanceof Error) return { kind: err.name, message: err.message, stack: err.stack };
  return { kind: typeof err, message: String(err) };
}

export function createBot(config: AppConfig, deps: BotDeps, opts: CreateBotOptions = {}): BotApp {
  // grammY waits 500 s for an answer by default; no call may outlast the long poll by much.
  const botConfig: BotConfig<BotContext> = { client: { apiRoot: config.apiRoot, timeoutSeconds: POLL_TIMEOUT_SECONDS } };
  if (opts.botInfo) botConfig.botInfo = opts.botInfo;
  const bot = new Bot<BotContext>(config.botToken, botConfig);

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
  bot.use(contextMiddleware(deps));

  // An error in one update is logged and answered; it never stops the bot. The boundary sits
  // inside the dedupe step, so an update counts as handled once its error answer is sent
  // (except a transient database error: see the dedupe middleware).
  const answerError = async (e: BotError<BotContext>) => {
    const ctx = e.ctx;
    deps.logger.error({ updateId: ctx.update.update_id, error: describeError(e.error) }, "update failed");
    // Telegram could not be reached for this update: an error answer would only wait for it
    // again, and hold the chat's next update (sequentialize) as long.
    if (isUnreachable(e.error)) return;
    try {
      const t = ctx.t ?? ((k: string) => k);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t("common.error"), show_alert: true });
      else if (ctx.chat?.type === "private") await ctx.reply(t("common.error"));
    } catch {
      /* the chat may be unreachable: nothing more to do */
    }
  };
  // A transient database error is not answered here: the dedupe step runs the update again
  // (the handling chain is its own composer, so that it can be run more than once).
  const handling = new Composer<BotContext>();
  // (Composer.middleware() is the chain as it is when called: call it per update, once built.)
  bot.use(dedupeMiddleware((ctx, next) => handling.middleware()(ctx, next)));
  const guarded = handling.errorBoundary(async (e) => {
    if (isTransientDbError(e.error)) throw new TransientUpdateError(e.error);
    await answerError(e);
  });
  guarded.use(chatMemberMiddleware());
  guarded.use(identityMiddleware());
  guarded.use(textGuardMiddleware());
  const commands = buildCommands();
  for (const m of commands) guarded.use(m.composer);
  guarded.use(fallbackMiddleware());
  // Last resort (errors before the boundary, e.g. the database is down).
  bot.catch(answerError);

  return { bot, commands, deps };
}
