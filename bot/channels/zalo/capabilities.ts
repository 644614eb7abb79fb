import type { Capabilities } from "../../chat/capabilities.js";

/** Zalo Bot Platform: text only (2,000 characters), no buttons, edits, menus or file uploads. */
export const ZALO_CAPABILITIES: Capabilities = {
  platform: "zalo",
  buttons: false,
  edit: false,
  textLimit: 2000,
  captionLimit: 2000,
  filesIn: false,
  filesKept: false,
  filesOut: "link",
  commandMenu: false,
  groups: false,
  notices: "message",
  markup: "plain",
  actionBytes: 64,
};
