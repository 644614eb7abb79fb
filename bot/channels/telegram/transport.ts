// The sender's transport on Telegram: HTML messages and documents through a Bot API client
// without automatic retries (the sender paces and retries itself). Telegram's answers are
// sorted for the sender: 429 waits, 403 gives up on the person, other 4xx on the message,
// 5xx and network errors are tried again.
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { type Transport, TransportError } from "../../delivery/transport.js";
import { keyboard } from "./keyboard.js";
import { describeFailure, SEND_TIMEOUT_SECONDS } from "./network.js";

function classify(e: unknown): TransportError {
  if (e instanceof GrammyError) {
    const description = `${e.error_code} ${e.description}`;
    if (e.error_code === 429) return new TransportError("rate_limited", description, e.parameters.retry_after ?? 5);
    if (e.error_code === 403) return new TransportError("blocked", description);
    if (e.error_code >= 500) return new TransportError("transient", description);
    return new TransportError("rejected", description);
  }
  // Never keep HttpError's message: it contains the URL, and the URL contains the token.
  if (e instanceof HttpError) return new TransportError("transient", `network: ${describeFailure(e)}`);
  return new TransportError("transient", (e as Error)?.message ?? String(e));
}

export function telegramTransport(api: Api): Transport {
  return {
    async sendText(chatId, html, buttons) {
      try {
        const kb = keyboard(buttons);
        const msg = await api.sendMessage(chatId, html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(kb ? { reply_markup: kb } : {}),
        });
        return msg.message_id;
      } catch (e) {
        throw classify(e);
      }
    },
    async sendDocument(chatId, file, captionHtml, buttons) {
      try {
        const kb = keyboard(buttons);
        const msg = await api.sendDocument(chatId, new InputFile(file.bytes, file.fileName), {
          ...(captionHtml ? { caption: captionHtml, parse_mode: "HTML" as const } : {}),
          ...(kb ? { reply_markup: kb } : {}),
        });
        return msg.message_id;
      } catch (e) {
        throw classify(e);
      }
    },
  };
}

/**
 * A Bot API client for the sender: no automatic retries, the sender paces and retries itself
 * (a bounded number of times). Each try waits at most SEND_TIMEOUT_SECONDS: a Bot API that
 * does not answer must not hold a worker for grammY's default 500 s.
 */
export function senderApi(token: string, apiRoot: string): Api {
  return new Api(token, { apiRoot, timeoutSeconds: SEND_TIMEOUT_SECONDS });
}
