// Public entry point of the fake Telegram Bot API server for end-to-end tests.
export {
  FakeTelegram,
  type FakeTelegramOptions,
  type GroupOptions,
  type PostToWebhookOptions,
  type UserOptions,
  type WaitForMessageOptions,
  type WaitOptions,
} from "./fake-telegram.js";
export type { DropOptions, FaultScope, MethodMatcher } from "./faults.js";
export { METHOD_NAMES } from "./methods/index.js";
export type { PressOptions, UserDocument, UserFileOptions, UserPhoto, UserTextOptions } from "./user-actions.js";
export type * from "./types.js";
