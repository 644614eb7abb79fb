// The reply port on Slack. In the app's direct messages: Block Kit messages, chat.update in
// place of the pressed message, ephemeral notices, documents through files.uploadV2. In a
// channel: every answer is ephemeral (seen only by the person who asked), through the
// slash command's or button's response_url, or chat.postEphemeral for a mention.
import { toMrkdwn } from "../../chat/markup.js";
import type { ReplyPort, Turn } from "../../chat/turn.js";
import type { View } from "../../chat/view.js";
import { renderForSlack, type KnownBlock, type SlackMessage } from "./render.js";
import type { SlackWebClient } from "./web.js";

export type Respond = (message: { response_type?: "ephemeral" | "in_channel"; replace_original?: boolean; text: string; blocks?: KnownBlock[] }) => Promise<unknown>;

export interface SlackReplyContext {
  client: SlackWebClient;
  userId: string;
  /** Where the turn happened (the DM, or a channel); undefined for a press in App Home. */
  channel: string | undefined;
  private: boolean;
  /** The DM with the person (opened on demand): where private answers go. */
  dm: () => Promise<string>;
  respond: Respond | undefined;
  /** The message whose button was pressed. */
  pressed: { channel: string; ts: string; blocks: KnownBlock[]; text: string } | undefined;
  refreshHome: () => Promise<void>;
}

export function slackReply(ctx: SlackReplyContext, getTurn: () => Turn): ReplyPort {
  const { client } = ctx;
  const ephemeral = async (m: SlackMessage) => {
    if (ctx.respond) await ctx.respond({ response_type: "ephemeral", replace_original: false, text: m.text, blocks: m.blocks });
    else if (ctx.channel) await client.chat.postEphemeral({ channel: ctx.channel, user: ctx.userId, text: m.text, blocks: m.blocks });
  };
  const post = async (messages: SlackMessage[]) => {
    const channel = ctx.private && ctx.channel ? ctx.channel : await ctx.dm();
    for (const m of messages) await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, unfurl_links: false });
  };
  const upload = async (v: View) => {
    const doc = v.document!;
    const t = getTurn().t;
    if (doc.kind === "stored") {
      await post(renderForSlack(`${v.text ? `${v.text}\n\n` : ""}${t("common.fileElsewhere", { platform: doc.platform === "telegram" ? "Telegram" : doc.platform })}`, v.buttons));
      return;
    }
    const channel = await ctx.dm();
    const caption = v.text && v.text.length <= 2900 ? toMrkdwn(v.text) : undefined;
    if (v.text && !caption) await post(renderForSlack(v.text));
    await client.filesUploadV2({ channel_id: channel, file: doc.bytes, filename: doc.fileName, title: doc.fileName, ...(caption ? { initial_comment: caption } : {}) });
    if (v.buttons?.length) await post(renderForSlack("", v.buttons));
  };
  return {
    async show(view, opts) {
      const v: View = typeof view === "string" ? { text: view } : view;
      if (!ctx.private) {
        // Documents and personal data never go to a channel (privateOnly refuses before); the text does, to this person only.
        for (const m of renderForSlack(v.text, v.buttons)) await ephemeral(m);
        return;
      }
      if (v.document) return upload(v);
      const messages = renderForSlack(v.text, v.buttons);
      if (opts?.replace && ctx.pressed && messages.length === 1) {
        await client.chat.update({ channel: ctx.pressed.channel, ts: ctx.pressed.ts, text: messages[0]!.text, blocks: messages[0]!.blocks });
        return;
      }
      await post(messages);
    },
    async notice(text) {
      const [m] = renderForSlack(text);
      if (!ctx.private || (ctx.channel && ctx.pressed)) return ephemeral(m!);
      // A press in App Home, or a notice with no button pressed: a message in the DM.
      if (ctx.pressed || !ctx.channel) return post([m!]);
      await client.chat.postEphemeral({ channel: ctx.channel, user: ctx.userId, text: m!.text, blocks: m!.blocks });
    },
    async clearButtons() {
      const p = ctx.pressed;
      if (!p) return;
      const blocks = p.blocks.filter((b) => b.type !== "actions");
      await client.chat.update({ channel: p.channel, ts: p.ts, text: p.text || " ", blocks }).catch(() => undefined);
    },
    async refreshMenu() {
      // No per-person command menu on Slack: the App Home shows what is theirs.
      await ctx.refreshHome();
    },
  };
}
