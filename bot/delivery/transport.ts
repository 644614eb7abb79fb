// How the sender reaches a chat platform: one transport per channel (bot/channels/<name>/
// transport.ts), each sorting its platform's answers into what the sender must do with
// them: wait (rate limited), give up on the person (blocked), give up on the message
// (rejected), or try again later (transient).
import type { OutboxButton } from "./outbox.js";
// The demo still renders keyboards the Telegram way until it runs on the chat core.
export { keyboard } from "../channels/telegram/keyboard.js";

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

/** A platform's limits the sender splits by (characters). */
export interface TransportLimits {
  text: number;
  caption: number;
}

export const TELEGRAM_TEXT_LIMITS: TransportLimits = { text: 4096, caption: 1024 };

export interface Transport {
  /** Default: Telegram's (4096, 1024). */
  readonly limits?: TransportLimits;
  /** Text in the neutral markup; the transport renders it for its platform. */
  sendText(chatId: string, markup: string, buttons?: OutboxButton[][]): Promise<number | string>;
  sendDocument(chatId: string, file: { fileName: string; bytes: Buffer }, captionMarkup?: string, buttons?: OutboxButton[][]): Promise<number | string>;
}

/** The transport of each channel, by platform ("telegram", "zalo"...). */
export type Transports = Readonly<Record<string, Transport>>;

