// Shapes of the Telegram Bot API objects the fake produces (a subset of the real ones, same
// field names and types), plus the fake's own observation types.

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TgBotUser extends TgUser {
  is_bot: true;
  username: string;
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
  can_connect_to_business: boolean;
  has_main_web_app: boolean;
}

export type TgChatType = "private" | "group" | "supergroup" | "channel";

export interface TgChat {
  id: number;
  type: TgChatType;
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  is_forum?: boolean;
}

export interface TgMessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
  user?: TgUser;
}

export interface TgInlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
  [field: string]: unknown;
}

export interface TgInlineKeyboardMarkup {
  inline_keyboard: TgInlineKeyboardButton[][];
}

export interface TgDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

export interface TgPhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

export interface TgFile {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
  file_path?: string;
}

export interface TgMessage {
  message_id: number;
  from?: TgUser;
  chat: TgChat;
  date: number;
  edit_date?: number;
  message_thread_id?: number;
  reply_to_message?: TgMessage;
  text?: string;
  entities?: TgMessageEntity[];
  caption?: string;
  caption_entities?: TgMessageEntity[];
  document?: TgDocument;
  photo?: TgPhotoSize[];
  contact?: TgContact;
  reply_markup?: TgInlineKeyboardMarkup;
  migrate_to_chat_id?: number;
  migrate_from_chat_id?: number;
  group_chat_created?: true;
  supergroup_chat_created?: true;
}

/** A shared contact card; `user_id` is set when the contact is a Telegram user (one's own, shared with request_contact). */
export interface TgContact {
  phone_number: string;
  first_name: string;
  last_name?: string;
  user_id?: number;
}

/** The minimum needed to point at a message (grammY's `Message` fits too). */
export interface MessageRef {
  message_id: number;
  chat: { id: number };
}

export interface TgCallbackQuery {
  id: string;
  from: TgUser;
  message?: TgMessage;
  chat_instance: string;
  data?: string;
}

export interface TgChatMember {
  status: "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";
  user: TgUser;
  until_date?: number;
  [field: string]: unknown;
}

export interface TgChatMemberUpdated {
  chat: TgChat;
  from: TgUser;
  date: number;
  old_chat_member: TgChatMember;
  new_chat_member: TgChatMember;
}

export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  edited_message?: TgMessage;
  callback_query?: TgCallbackQuery;
  my_chat_member?: TgChatMemberUpdated;
  chat_member?: TgChatMemberUpdated;
  [type: string]: unknown;
}

export interface TgBotCommand {
  command: string;
  description: string;
}

export interface TgResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export type TgResponse =
  | { ok: true; result: unknown; description?: string }
  | { ok: false; error_code: number; description: string; parameters?: TgResponseParameters };

/** A file part of a request, decoded. */
export interface UploadedFile {
  filename: string;
  /** The part's declared content type (grammY always says application/octet-stream). */
  mimeType: string;
  content: Buffer;
}

/** Request parameters after decoding (JSON-typed fields parsed, files decoded). */
export type Params = Record<string, unknown>;

export interface CallRecord {
  /** Position in the log, from 1. */
  seq: number;
  /** Method name as written in the URL (e.g. "sendMessage"). */
  method: string;
  params: Params;
  /** Date.now() when the request arrived. */
  at: number;
  durationMs: number;
  /** HTTP status sent, or 0 when the connection was dropped or the client went away. */
  status: number;
  /** What the fake answered (for dropped-after-processing calls: what it would have answered). */
  response?: TgResponse;
  outcome: "ok" | "error" | "dropped" | "aborted";
  /** "webhook-reply": a method the bot put into its answer to a webhook POST. */
  source: "http" | "webhook-reply";
}

export interface SentRecord {
  method: string;
  message: TgMessage;
  at: number;
}

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  /** Path under `${apiRoot}/file/bot${token}/`. */
  filePath: string;
  kind: "document" | "photo";
  /** File name as uploaded (documents). */
  filename?: string;
  /** MIME type as Telegram reports it (inferred from the extension for bot uploads). */
  mimeType?: string;
  /** Content type declared in the upload's multipart header, if it came from the bot. */
  declaredMimeType?: string;
  content: Buffer;
  width?: number;
  height?: number;
  /** "bot" for files the bot uploaded, "user" for files a simulated user sent. */
  origin: "bot" | "user";
}

export interface WebhookDelivery {
  updateId: number;
  attempt: number;
  at: number;
  /** HTTP status of the bot's answer; 0 for network errors and timeouts. */
  status: number;
  error?: string;
  secretSent?: string;
}

export interface ErrorSpec {
  error_code: number;
  /** Defaults per code, e.g. "Too Many Requests: retry after 3". */
  description?: string;
  retry_after?: number;
  migrate_to_chat_id?: number;
}
