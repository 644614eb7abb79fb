// A view as Zalo messages: plain text (the neutral markup without its tags, links written
// out), buttons as numbered choices, and every message within Zalo's 2,000 characters.
import { numberChoices } from "../../chat/choices.js";
import { toPlainText } from "../../chat/markup.js";
import type { Button } from "../../chat/view.js";
import type { Translate } from "../../i18n.js";
import { ZALO_CAPABILITIES } from "./capabilities.js";

/** Splits on line boundaries (a longer line on word boundaries) into parts of at most `limit`. */
export function splitPlain(text: string, limit = ZALO_CAPABILITIES.textLimit): string[] {
  const parts: string[] = [];
  let current = "";
  const push = () => {
    if (current.trim()) parts.push(current.replace(/\n+$/, ""));
    current = "";
  };
  for (const line of text.split("\n")) {
    let rest = line;
    while ([...rest].length > limit) {
      const chars = [...rest];
      let cut = chars.slice(0, limit).join("").lastIndexOf(" ");
      if (cut < limit / 2) cut = chars.slice(0, limit).join("").length;
      push();
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut).trimStart();
    }
    const candidate = current ? `${current}\n${rest}` : rest;
    if ([...candidate].length > limit) {
      push();
      current = rest;
    } else current = candidate;
  }
  push();
  return parts.length ? parts : [text.slice(0, limit) || " "];
}

export interface ZaloMessages {
  texts: string[];
  /** The actions behind the numbers of the last message. */
  actions: string[];
}

export function renderForZalo(markup: string, buttons: readonly (readonly Button[])[] | undefined, t: Translate): ZaloMessages {
  const { lines, actions } = numberChoices(buttons, t);
  const body = toPlainText(markup).trim();
  const text = lines.length ? `${body}\n\n${lines.join("\n")}` : body;
  return { texts: splitPlain(text), actions };
}
