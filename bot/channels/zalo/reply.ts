// The reply port on Zalo: plain text, buttons as numbered choices remembered for the chat,
// a pressed button's short answer as a message, documents as one-time download links. No
// edits: a view that would replace the pressed message comes as a new one.
import { clearChoices, saveChoices } from "../../chat/choices.js";
import type { ReplyPort, Turn } from "../../chat/turn.js";
import type { View } from "../../chat/view.js";
import type { ZaloApi } from "./api.js";
import { documentLine } from "./documents.js";
import { renderForZalo, splitPlain } from "./render.js";

export function zaloReply(api: ZaloApi, getTurn: () => Turn): ReplyPort {
  const send = async (texts: string[]) => {
    for (const text of texts) await api.sendMessage(getTurn().chat.id, text);
  };
  return {
    async show(view) {
      const turn = getTurn();
      const v: View = typeof view === "string" ? { text: view } : view;
      let markup = v.text;
      if (v.document) {
        const line = await documentLine(turn.deps.db, turn.deps.config, turn.t, v.document, turn.identity?.staffId, turn.now);
        markup = markup ? `${markup}\n\n${line}` : line;
      }
      const out = renderForZalo(markup, v.buttons, turn.t);
      await send(out.texts);
      if (out.actions.length) await saveChoices(turn.deps.db, "zalo", turn.chat.id, out.actions, turn.now);
    },
    async notice(text) {
      await send(splitPlain(text));
    },
    async clearButtons() {
      const turn = getTurn();
      await clearChoices(turn.deps.db, "zalo", turn.chat.id);
    },
    async refreshMenu() {
      /* Zalo has no command menu: /trogiup lists the commands. */
    },
  };
}
