// A turn's way through the core: the first command that claims it (its command, its
// action's prefix, its guided flow) runs with its guard; what no command took gets the
// fallback answer.
import type { CommandModule } from "./command.js";
import type { Turn } from "./turn.js";

export async function dispatch(modules: readonly CommandModule[], turn: Turn): Promise<void> {
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
