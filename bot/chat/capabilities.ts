// What a platform can do. The core and the commands never ask which platform a turn came
// from: they build one view, and the adapter degrades it by these rules (buttons become
// numbered choices, an edit becomes a new message, a document becomes a download link, a
// button's short answer becomes a message).
export type Platform = "telegram" | "zalo" | "demo" | "slack";

export interface Capabilities {
  platform: Platform;
  /** Inline buttons under a message; otherwise numbered choices answered by typing the number. */
  buttons: boolean;
  /** A pressed button's message can be replaced in place. */
  edit: boolean;
  /** Characters in one message (longer texts are split on line boundaries). */
  textLimit: number;
  /** Characters in a document's caption (longer: the text goes in its own message). */
  captionLimit: number;
  /** Files sent by staff reach the bot (a spreadsheet to import). */
  filesIn: boolean;
  /** A received file stays with the platform under an id the bot can send again later (report attachments). */
  filesKept: boolean;
  /** How a document reaches the person: uploaded in the chat, or a short-lived download link. */
  filesOut: "upload" | "link";
  /** A per-person command menu the bot can publish. */
  commandMenu: boolean;
  /** The bot takes part in group chats. */
  groups: boolean;
  /** How a pressed button's short answer shows: a pop-up on the button, or a message. */
  notices: "popup" | "message" | "ephemeral";
  /** How the neutral markup is rendered. */
  markup: "html" | "plain" | "mrkdwn";
  /** Bytes a button's action may take (the codec keeps every action within the smallest). */
  actionBytes: number;
  /** A button that asks the person to share their own phone number (Telegram's request_contact). */
  contactRequest?: boolean;
}
