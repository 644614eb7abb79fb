// The Bot API methods the fake implements, by lower-case name (Telegram matches method names
// case-insensitively). Anything else answers 404 "Not Found: method not found".
import type { MethodHandler } from "../context.js";
import {
  deleteMyCommands,
  getBotText,
  getChatMenuButton,
  getMyCommands,
  setBotText,
  setChatMenuButton,
  setMyCommands,
} from "./bot-settings.js";
import { answerCallbackQuery, close, getChat, getChatMember, getMe, leaveChat, logOut } from "./chats.js";
import { getFile, sendDocument, sendPhoto } from "./media.js";
import {
  deleteMessage,
  deleteMessages,
  editMessageCaption,
  editMessageReplyMarkup,
  editMessageText,
  sendChatAction,
  sendMessage,
} from "./messages.js";
import { deleteWebhook, getUpdates, getWebhookInfo, setWebhook } from "./updates.js";

const HANDLERS: Record<string, MethodHandler> = {
  getMe,
  logOut,
  close,
  getChat,
  getChatMember,
  leaveChat,
  answerCallbackQuery,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  sendMessage,
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  deleteMessages,
  sendChatAction,
  sendDocument,
  sendPhoto,
  getFile,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setChatMenuButton,
  getChatMenuButton,
  setMyName: setBotText("name"),
  getMyName: getBotText("name"),
  setMyDescription: setBotText("description"),
  getMyDescription: getBotText("description"),
  setMyShortDescription: setBotText("short_description"),
  getMyShortDescription: getBotText("short_description"),
};

export const METHODS: ReadonlyMap<string, MethodHandler> = new Map(
  Object.entries(HANDLERS).map(([name, handler]) => [name.toLowerCase(), handler]),
);

export const METHOD_NAMES: readonly string[] = Object.keys(HANDLERS);
