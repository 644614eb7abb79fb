// How far the bot waits for Telegram, and how a failure to reach it is described. A Bot API
// that does not answer (a firewall that drops packets) must never make start-up silent, a
// reply hang, or the CLI wait: every call has a bound, and a failure is told in a short
// reason that never carries the request URL (the URL holds the token).
import { Api, GrammyError, HttpError, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "../logger.js";

/** A reply to a command (with its retries) that has not reached Telegram by then is given up. */
export const REPLY_BUDGET_MS = 10_000;
/** One try of the start-up check (getMe); the next try follows with a line in the log. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Each try of a proactive message (the sender retries later, a bounded number of times). */
export const SEND_TIMEOUT_SECONDS = 10;
/** Long polling asks Telegram to hold getUpdates 30 s; past this the connection is dead. */
export const POLL_TIMEOUT_SECONDS = 45;

/** The host people know the Bot API by (never the URL of a call: it holds the token). */
export function apiHost(apiRoot: string): string {
  try {
    return new URL(apiRoot).host;
  } catch {
    return apiRoot;
  }
}

/** A short reason for a failed call: "ECONNREFUSED", "không trả lời sau 10 giây", "502 Bad Gateway". */
export function describeFailure(e: unknown): string {
  if (e instanceof GrammyError) return `${e.error_code} ${e.description}`;
  const inner = e instanceof HttpError ? (e.error as { code?: unknown; name?: unknown; message?: unknown } | undefined) : (e as { code?: unknown; name?: unknown; message?: unknown } | undefined);
  if (typeof inner?.code === "string") return inner.code;
  const message = typeof inner?.message === "string" ? inner.message : "";
  if (inner?.name === "AbortError" || inner?.name === "TimeoutError" || /timed? ?out/i.test(message)) return "timeout";
  // Anything else: only the error's kind, never its message (it may quote the URL).
  return typeof inner?.name === "string" ? inner.name : "network error";
}

/** Whether an error means Telegram could not be reached (network, timeout, 5xx, 429). */
export function isUnreachable(e: unknown): boolean {
  if (e instanceof GrammyError) return e.error_code >= 500 || e.error_code === 429;
  return e instanceof HttpError;
}

/** getMe with its own time limit and no retry: the caller decides what to do next. */
export function probeBot(token: string, apiRoot: string, timeoutMs: number): Promise<UserFromGetMe> {
  return new Api(token, { apiRoot, timeoutSeconds: Math.ceil(timeoutMs / 1000) }).getMe();
}

/**
 * Bounds every Bot API call but getUpdates (long polling has its own timeout and the
 * runner's retry) to `budgetMs`, retries included: install it last, so it wraps auto-retry.
 * A call given up is logged with its method and chat, and fails as an HttpError.
 */
export function callBudget(logger: Logger, budgetMs = REPLY_BUDGET_MS): Transformer {
  return async (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), budgetMs);
    // grammY types signals with its polyfill's AbortSignal; at run time they are Node's.
    const outer = signal as unknown as AbortSignal | undefined;
    const combined = (outer ? AbortSignal.any([outer, deadline.signal]) : deadline.signal) as unknown as NonNullable<typeof signal>;
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    try {
      return await prev(method, payload, combined);
    } catch (e) {
      if (deadline.signal.aborted && !outer?.aborted) {
        logger.warn({ method, chatId, budgetMs }, "Telegram call given up: no delivery within the time limit");
        throw new HttpError(`'${method}' not delivered within ${budgetMs / 1000} s`, new Error("timeout"));
      }
      if (isUnreachable(e)) logger.warn({ method, chatId, reason: describeFailure(e) }, "Telegram call given up");
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };
}
