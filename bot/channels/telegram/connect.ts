// Start-up's first contact with Telegram, and what polling says when Telegram goes away.
// Never silence: "connecting to <host>" at once, then one line per failed try (Vietnamese,
// then English) until Telegram answers; a token Telegram refuses stops start-up.
import { GrammyError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AppConfig } from "../../config.js";
import type { Logger } from "../../logger.js";
import { StartupAborted, StartupError } from "../../startup-error.js";
import { apiHost, CONNECT_TIMEOUT_MS, describeFailure, probeBot } from "./network.js";

export interface ConnectOptions {
  timeoutMs?: number;
  /** Wait before try n+1 (ms): 5 s, doubling, at most a minute. */
  retryDelayMs?: (attempt: number) => number;
  /** Aborted by SIGTERM/SIGINT: the retries stop and StartupAborted is thrown. */
  signal?: AbortSignal;
}

/** Waits `ms`, or less if `signal` is aborted meanwhile. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}

/** The reason of a failed try in words, Vietnamese and English. */
export function reasonInWords(reason: string, timeoutMs: number): { vi: string; en: string } {
  const seconds = Math.round(timeoutMs / 1000);
  if (reason === "timeout" || reason === "ETIMEDOUT") return { vi: `không trả lời sau ${seconds} giây`, en: `no answer within ${seconds} s` };
  if (reason === "ECONNREFUSED") return { vi: "bị từ chối kết nối", en: "connection refused" };
  if (reason === "ENOTFOUND" || reason === "EAI_AGAIN") return { vi: "không tìm thấy tên máy", en: "host name not found" };
  if (reason === "ECONNRESET" || reason === "EPIPE") return { vi: "kết nối bị ngắt", en: "connection reset" };
  if (reason === "EHOSTUNREACH" || reason === "ENETUNREACH") return { vi: "không có đường mạng tới máy chủ", en: "no route to the host" };
  return { vi: reason, en: reason };
}

export async function connectToTelegram(config: AppConfig, logger: Logger, opts: ConnectOptions = {}): Promise<UserFromGetMe> {
  const host = apiHost(config.apiRoot);
  const timeoutMs = opts.timeoutMs ?? CONNECT_TIMEOUT_MS;
  const delay = opts.retryDelayMs ?? ((n: number) => Math.min(60_000, 5000 * 2 ** (n - 1)));
  logger.info({ host }, `Đang kết nối Telegram Bot API tại ${host}... / connecting to the Telegram Bot API at ${host}...`);
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw new StartupAborted();
    try {
      const me = await probeBot(config.botToken, config.apiRoot, timeoutMs);
      if (attempt > 1) logger.info({ host, attempt }, `Đã kết nối Telegram tại ${host} / connected to Telegram at ${host}`);
      return me;
    } catch (e) {
      if (e instanceof GrammyError && (e.error_code === 401 || e.error_code === 404))
        throw new StartupError("Telegram từ chối BOT_TOKEN (401): kiểm tra lại mã bot do @BotFather cấp. / Telegram refused BOT_TOKEN (401): check the token from @BotFather.");
      if (e instanceof GrammyError && e.error_code < 500 && e.error_code !== 429)
        throw new StartupError(`Telegram Bot API tại ${host} trả lời lỗi ${e.error_code} ${e.description}. / The Telegram Bot API at ${host} answered ${e.error_code}.`);
      const reason = describeFailure(e);
      const words = reasonInWords(reason, timeoutMs);
      const waitMs = delay(attempt);
      const seconds = Math.round(waitMs / 1000);
      logger.error(
        { host, attempt, reason, retryInSeconds: seconds },
        `Không kết nối được Telegram tại ${host} (lần thử ${attempt}: ${words.vi}); thử lại sau ${seconds} giây — kiểm tra mạng, tường lửa (HTTPS ra ${host}) hoặc TELEGRAM_API_ROOT. / ` +
          `Cannot reach Telegram at ${host} (try ${attempt}: ${words.en}); retrying in ${seconds} s — check the network, the firewall (outbound HTTPS to ${host}) or TELEGRAM_API_ROOT.`,
      );
      await pause(waitMs, opts.signal);
    }
  }
}

/** Logs polling's outage: the first failure, then at most a line a minute, and the return. */
export function pollingOutageLog(logger: Logger, host: string, everyMs = 60_000) {
  let downSince: number | undefined;
  let lastLine = 0;
  let failures = 0;
  return {
    failed(reason: string): void {
      const now = Date.now();
      failures++;
      downSince ??= now;
      if (failures > 1 && now - lastLine < everyMs) return;
      lastLine = now;
      logger.warn(
        { host, reason, failures },
        failures === 1
          ? `Mất kết nối Telegram tại ${host} khi nhận tin (${reason}); đang thử lại. / Lost the connection to Telegram at ${host} while polling (${reason}); retrying.`
          : `Vẫn chưa kết nối lại được Telegram tại ${host} (${failures} lần thử, ${reason}). / Still cannot reach Telegram at ${host} (${failures} tries, ${reason}).`,
      );
    },
    succeeded(): void {
      if (downSince === undefined) return;
      const seconds = Math.round((Date.now() - downSince) / 1000);
      logger.info({ host, failures, seconds }, `Đã kết nối lại Telegram tại ${host} sau ${seconds} giây. / Telegram at ${host} is reachable again after ${seconds} s.`);
      downSince = undefined;
      failures = 0;
    },
  };
}
