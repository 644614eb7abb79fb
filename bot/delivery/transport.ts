// How the sender reaches a chat platform. Telegram's answers are sorted into what the
// sender must do with them: wait (429), give up on the person (403), give up on the message
// (other 4xx), or try again later (5xx, network).
import { Api, GrammyError, HttpError, InlineKeyboard, InputFile } from "grammy";
import { describeFailure, SEND_TIMEOUT_SECONDS } from "../telegram/network.js";
import type { OutboxButton } from "./outbox.js";

export type TransportErrorKind = "rate_limited" | "blocked" | "rejected" | "transient";

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "TransportError";
  }
}

export interface Transport {
  sendText(chatId: string, html: string, buttons?: OutboxButton[][]): Promise<number>;
  sendDocument(chatId: string, file: { fileName: string; bytes: Buffer }, captionHtml?: string, buttons?: OutboxButton[][]): Promise<number>;
}

export function keyboard(buttons: OutboxButton[][] | undefined): InlineKeyboard | undefined {
  if (!buttons?.length) return undefined;
  const kb = new InlineKeyboard();
  buttons.forEach((row, i) => {
    if (i > 0) kb.row();
    for (const b of row) {
      if (b.url) kb.url(b.text, b.url);
      else kb.text(b.text, b.data ?? "noop");
    }
  });
  return kb;
}

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
