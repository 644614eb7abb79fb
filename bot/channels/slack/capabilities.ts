import type { Capabilities } from "../../chat/capabilities.js";

/**
 * Slack through Bolt: Block Kit buttons (the action codec's string as the button's value),
 * edits (chat.update), ephemeral notices, uploads (files.uploadV2), mrkdwn. A section holds
 * 3,000 characters and a message 50 blocks: longer texts are split into sections and then
 * into messages. No per-person command menu (one slash command, /sokhcn); files shared in
 * the app's DM are taken (files:read, downloaded with the bot token: files.ts).
 */
export const SLACK_CAPABILITIES: Capabilities = {
  platform: "slack",
  buttons: true,
  edit: true,
  textLimit: 3000,
  captionLimit: 3000,
  filesIn: true,
  // A Slack file id cannot be sent to a viewer on another channel: report attachments stay on Telegram.
  filesKept: false,
  filesOut: "upload",
  commandMenu: false,
  groups: true,
  notices: "ephemeral",
  markup: "mrkdwn",
  actionBytes: 64,
};

/** Block Kit's limits (api.slack.com/reference/block-kit). */
export const SLACK_LIMITS = {
  sectionText: 3000,
  blocksPerMessage: 50,
  buttonText: 75,
  buttonValue: 2000,
  elementsPerActions: 25,
  /** The top-level text (the notification's fallback) is cut after 40,000 characters. */
  messageText: 40_000,
} as const;
