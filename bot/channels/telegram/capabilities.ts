import type { Capabilities } from "../../chat/capabilities.js";

export const TELEGRAM_CAPABILITIES: Capabilities = {
  platform: "telegram",
  buttons: true,
  edit: true,
  textLimit: 4096,
  captionLimit: 1024,
  filesIn: true,
  filesKept: true,
  filesOut: "upload",
  commandMenu: true,
  groups: true,
  notices: "popup",
  markup: "html",
  actionBytes: 64,
  contactRequest: true,
};
