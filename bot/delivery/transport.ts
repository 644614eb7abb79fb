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

export interface Transport {
  sendText(chatId: string, html: string, buttons?: OutboxButton[][]): Promise<number>;
  sendDocument(chatId: string, file: { fileName: string; bytes: Buffer }, captionHtml?: string, buttons?: OutboxButton[][]): Promise<number>;
}

