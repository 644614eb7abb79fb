// One view model for every platform: text in the neutral markup (see markup.ts), buttons as
// typed actions or links, and an optional document. Adapters render it: Telegram as HTML
// with an inline keyboard, Zalo and the demo as plain text with numbered choices.
import type { ActionData } from "./action.js";

export interface ActionButton {
  text: string;
  data: ActionData;
  url?: undefined;
}
export interface LinkButton {
  text: string;
  url: string;
  data?: undefined;
}
export type Button = ActionButton | LinkButton;

/** A file to send: bytes made now, or a file the platform already holds (a report's attachment). */
export type ViewDocument =
  /** `photo`: an image best seen in the chat (a chart); where photos are not shown inline, a document or link. */
  | { kind: "bytes"; fileName: string; bytes: Buffer; mimeType?: string; photo?: boolean }
  | { kind: "stored"; platform: string; fileId: string; type: "document" | "photo"; fileName: string | null };

export interface View {
  /** Neutral markup. */
  text: string;
  buttons?: Button[][];
  document?: ViewDocument;
  /** A button that shares the person's own phone number (label), where the platform has one (caps.contactRequest). */
  askContact?: string;
}

/** Lays buttons out `perRow` to a row. */
export function grid(buttons: Button[], perRow: number): Button[][] {
  const rows: Button[][] = [];
  buttons.forEach((b, i) => {
    if (i % perRow === 0) rows.push([]);
    rows.at(-1)!.push(b);
  });
  return rows;
}

export function button(text: string, data: ActionData): ActionButton {
  return { text, data };
}

/** "✓ " before the option already chosen. */
export function checked(on: boolean, text: string): string {
  return on ? `✓ ${text}` : text;
}
