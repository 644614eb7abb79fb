// Numbered choices: on a platform without buttons, a view's buttons are listed as
// "[1] …  [2] …" and the person answers by typing the number. The actions behind the numbers
// are remembered per chat (the latest message with choices replaces the earlier ones) and
// expire like guided flows; typing the number is then exactly like pressing the button,
// with the same checks on the server.
import type { Db } from "../db/client.js";
import type { DbOrTx } from "../delivery/outbox.js";
import type { Translate } from "../i18n.js";
import { FLOW_IDLE_MINUTES } from "../services/flows.js";
import { toPlainText } from "./markup.js";
import type { Button } from "./view.js";

/** Choices stay valid longer than a flow's idle time: a reminder read the next morning still works. */
export const CHOICES_TTL_MINUTES = Math.max(FLOW_IDLE_MINUTES, 24 * 60);

export interface RenderedChoices {
  /** The lines to append under the text. */
  lines: string[];
  /** Action strings, choice n at index n-1. */
  actions: string[];
}

/** Buttons as numbered lines (a row's buttons on one line); links are written out. */
export function numberChoices(buttons: readonly (readonly Button[])[] | undefined, t: Translate): RenderedChoices {
  const lines: string[] = [];
  const actions: string[] = [];
  for (const row of buttons ?? []) {
    const parts: string[] = [];
    for (const b of row) {
      const label = toPlainText(b.text);
      if (b.data === undefined) parts.push(`${label}: ${b.url}`);
      else {
        actions.push(b.data);
        parts.push(`[${actions.length}] ${label}`);
      }
    }
    if (parts.length) lines.push(parts.join("   "));
  }
  if (actions.length) lines.push(t("common.replyWithNumber"));
  return { lines, actions };
}

export async function saveChoices(db: DbOrTx, platform: string, chatId: string, actions: readonly string[], now: Date): Promise<void> {
  if (actions.length === 0) return;
  const expiresAt = new Date(now.getTime() + CHOICES_TTL_MINUTES * 60_000);
  const data = { actions: JSON.stringify(actions), expiresAt };
  await db.chatChoices.upsert({ where: { platform_chatId: { platform, chatId } }, create: { platform, chatId, ...data }, update: data });
}

/** The action behind the number typed, if the chat has such a choice pending. */
export async function pendingChoice(db: Db, platform: string, chatId: string, text: string | undefined, now: Date): Promise<string | undefined> {
  const m = text === undefined ? null : /^\s*\[?(\d{1,2})\]?\s*$/.exec(text);
  if (!m) return undefined;
  const row = await db.chatChoices.findUnique({ where: { platform_chatId: { platform, chatId } } });
  if (!row || row.expiresAt <= now) return undefined;
  const actions = JSON.parse(row.actions) as string[];
  return actions[Number(m[1]) - 1];
}

/** The choices were used up (the buttons are spent). */
export async function clearChoices(db: Db, platform: string, chatId: string): Promise<void> {
  await db.chatChoices.deleteMany({ where: { platform, chatId } });
}

/** Housekeeping: choices past their time. */
export async function purgeExpiredChoices(db: Db, now: Date): Promise<number> {
  return (await db.chatChoices.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}
