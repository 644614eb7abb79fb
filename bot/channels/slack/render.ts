// A view as Slack messages: the neutral markup as mrkdwn sections (each within 3,000
// characters, split on line boundaries), each row of buttons as an actions block (the action
// codec's string as the button's value, links as URL buttons), at most 50 blocks a message
// (more: further messages, the buttons on the last), and a plain-text fallback for
// notifications.
import type { types } from "@slack/bolt";
import { toMrkdwn, toPlainText } from "../../chat/markup.js";
import type { Button } from "../../chat/view.js";
import { splitPlain } from "../zalo/render.js";
import { SLACK_LIMITS } from "./capabilities.js";

export type KnownBlock = types.KnownBlock;

export interface SlackMessage {
  /** Plain text: what notifications and screen readers show. */
  text: string;
  blocks: KnownBlock[];
}

const cut = (s: string, n: number) => ([...s].length <= n ? s : `${[...s].slice(0, n - 1).join("")}…`);

export function actionsBlocks(buttons: readonly (readonly Button[])[] | undefined): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let n = 0;
  for (const row of buttons ?? []) {
    if (!row.length) continue;
    const elements = row.slice(0, SLACK_LIMITS.elementsPerActions).map((b) => {
      const text = { type: "plain_text" as const, text: cut(toPlainText(b.text), SLACK_LIMITS.buttonText), emoji: true };
      n++;
      return b.url !== undefined
        ? { type: "button" as const, action_id: `link_${n}`, text, url: b.url }
        : { type: "button" as const, action_id: `act_${n}`, text, value: b.data };
    });
    blocks.push({ type: "actions", elements });
  }
  return blocks;
}

/** Mrkdwn sections of at most 3,000 characters each. */
export function sections(markup: string): KnownBlock[] {
  const mrkdwn = toMrkdwn(markup).trim();
  if (!mrkdwn) return [];
  return splitPlain(mrkdwn, SLACK_LIMITS.sectionText).map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

export function renderForSlack(markup: string, buttons?: readonly (readonly Button[])[]): SlackMessage[] {
  const body = sections(markup);
  const actions = actionsBlocks(buttons);
  const max = SLACK_LIMITS.blocksPerMessage;
  const messages: KnownBlock[][] = [];
  for (let i = 0; i < body.length; i += max) messages.push(body.slice(i, i + max));
  if (!messages.length) messages.push([]);
  const last = messages.at(-1)!;
  if (last.length + actions.length <= max) last.push(...actions);
  else messages.push(actions);
  return messages.map((blocks) => ({ text: fallbackText(blocks), blocks }));
}

/** The message's words without formatting, for the notification (a long one is cut). */
function fallbackText(blocks: KnownBlock[]): string {
  const text = blocks
    .map((b) => (b.type === "section" && b.text ? b.text.text : ""))
    .filter(Boolean)
    .join("\n")
    .replace(/[*_`]/g, "")
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  return cut(text || " ", 3000);
}
