// A turn's way through the core: the first command that claims it (its command, its
// action's prefix, its guided flow) runs with its guard; what no command took gets the
// fallback answer.
import { describeFault, textFault } from "../services/safe-text.js";
import type { CommandModule } from "./command.js";
import type { Turn } from "./turn.js";

export async function dispatch(modules: readonly CommandModule[], turn: Turn): Promise<void> {
  if (await refusedText(turn)) return;
  const owner = modules.find((m) => m.claims(turn));
  if (owner && (await owner.run(turn))) return;
  await fallback(turn);
}

/** An unknown command, free text, a forged or stale button. */
async function fallback(turn: Turn): Promise<void> {
  const { t } = turn;
  if (turn.input.kind === "action") {
    await turn.reply.notice(t(turn.identity ? "common.invalidButton" : "common.unknownUserShort"), { alert: true });
    return;
  }
  if (turn.chat.kind !== "private") return; // groups: stay silent
  if (!turn.identity) {
    await turn.reply.show(t("common.unknownUser"));
    return;
  }
  if (turn.input.command) await turn.reply.show(t("common.unknownCommand"));
  else await turn.reply.show(t(turn.flowExpired ? "common.flowExpired" : "common.freeText"));
}

/** "/cmd@bot args" at the start of a text: the command, and the bot it names if any. */
export function parseCommandText(text: string | undefined): { name: string; args: string; mention: string | undefined } | undefined {
  const m = text === undefined ? null : /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?=\s|$)/.exec(text);
  if (!m) return undefined;
  return { name: m[1]!.toLowerCase(), args: text!.slice(m[0].length).trim(), mention: m[2]?.toLowerCase() };
}

/**
 * Chat text is checked once, here, before any command sees it: a message or caption with a
 * NUL, half an emoji, a control or a bidi-override character is refused with a message saying
 * what is wrong, and nothing else happens (a guided flow stays where it was).
 */
async function refusedText(turn: Turn): Promise<boolean> {
  if (turn.input.kind !== "message") return false;
  const text = turn.input.text ?? turn.input.caption;
  const fault = text === undefined ? undefined : textFault(text);
  if (!fault) return false;
  turn.deps.logger.info({ actor: turn.actor, fault }, "message refused: invalid characters");
  if (turn.chat.kind === "private") await turn.reply.show(turn.t("common.badText", { problem: describeFault(fault, turn.locale === "en" ? "en" : "vi") }));
  return true;
}
