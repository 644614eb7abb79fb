// The sender's transport on Slack: the DM opened with conversations.open (the account's chat
// id is the person's Slack user id), Block Kit messages paced at about one a second per
// channel within a workspace budget, documents through files.uploadV2. Slack's answers are
// sorted for the sender (web.ts): `ratelimited` waits its Retry-After, account_inactive /
// user_not_found / channel_not_found give up on the person, a refused message on the message.
import { toMrkdwn } from "../../chat/markup.js";
import { type Transport } from "../../delivery/transport.js";
import type { DmChannels } from "./dm.js";
import type { SlackPacer } from "./pacing.js";
import { renderForSlack } from "./render.js";
import { classifySlackError, type SlackWebClient } from "./web.js";

export interface SlackTransportDeps {
  client: SlackWebClient;
  dms: DmChannels;
  pacer: SlackPacer;
  /** Called after a message reached a person (their App Home may show something new). */
  delivered?: (userId: string) => void;
}

export function slackTransport(deps: SlackTransportDeps): Transport {
  const { client, dms, pacer } = deps;
  const post = async (userId: string, markup: string, buttons: Parameters<Transport["sendText"]>[2]) => {
    const channel = await dms.open(userId);
    let ts = "";
    for (const m of renderForSlack(markup, buttons)) {
      await pacer.take(channel);
      ts = String((await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, unfurl_links: false })).ts ?? "");
    }
    return ts;
  };
  const guarded = async <T>(userId: string, run: () => Promise<T>): Promise<T> => {
    let out: T;
    try {
      out = await run();
    } catch (e) {
      throw classifySlackError(e);
    }
    deps.delivered?.(userId);
    return out;
  };
  return {
    // A part of a long text becomes one message of up to four 3,000-character sections.
    limits: { text: 12_000, caption: 2_900 },
    sendText(userId, markup, buttons) {
      return guarded(userId, () => post(userId, markup, buttons));
    },
    sendDocument(userId, file, captionMarkup, buttons) {
      return guarded(userId, async () => {
        const channel = await dms.open(userId);
        await pacer.take(channel);
        const res = (await client.filesUploadV2({
          channel_id: channel,
          file: file.bytes,
          filename: file.fileName,
          title: file.fileName,
          ...(captionMarkup ? { initial_comment: toMrkdwn(captionMarkup) } : {}),
        })) as { files?: { files?: { id?: string }[] }[] };
        const id = res.files?.[0]?.files?.[0]?.id ?? file.fileName;
        if (buttons?.length) return post(userId, "", buttons);
        return id;
      });
    },
  };
}
