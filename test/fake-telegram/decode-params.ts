// Turns a Bot API request (query string, JSON, urlencoded or multipart body) into one
// parameter object. Telegram treats every parameter as a string and parses JSON-typed ones
// itself; the fake does the same so that all four encodings end up identical.
import { badRequest } from "./errors.js";
import { boundaryOf, parseMultipart } from "./multipart.js";
import type { Params, UploadedFile } from "./types.js";

const JSON_FIELDS = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "commands",
  "scope",
  "allowed_updates",
  "menu_button",
  "link_preview_options",
  "reply_parameters",
  "media",
  "permissions",
  "results",
  "options",
  "rights",
  "message_ids",
]);

const NUMERIC_FIELDS = new Set([
  "chat_id",
  "from_chat_id",
  "message_id",
  "message_thread_id",
  "reply_to_message_id",
  "offset",
  "limit",
  "timeout",
  "user_id",
  "cache_time",
  "max_connections",
  "until_date",
  "width",
  "height",
  "duration",
  "sender_chat_id",
]);

const BOOL_FIELDS = new Set([
  "disable_notification",
  "protect_content",
  "show_alert",
  "drop_pending_updates",
  "disable_web_page_preview",
  "allow_sending_without_reply",
  "has_spoiler",
  "disable_content_type_detection",
  "show_caption_above_media",
  "revoke_messages",
  "only_if_banned",
  "allow_paid_broadcast",
  "for_channels",
]);

export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    typeof value === "object" &&
    value !== null &&
    Buffer.isBuffer((value as { content?: unknown }).content) &&
    typeof (value as { filename?: unknown }).filename === "string"
  );
}

export interface RawRequest {
  contentType: string | undefined;
  query: URLSearchParams;
  body: Buffer;
}

export function decodeParams(req: RawRequest): Params {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of req.query) raw[key] = value;
  let files = new Map<string, UploadedFile>();
  const type = (req.contentType ?? "").toLowerCase();
  if (req.body.length > 0) {
    if (type.startsWith("multipart/form-data")) {
      const parsed = parseMultipart(req.body, boundaryOf(req.contentType ?? ""));
      for (const [key, value] of parsed.fields) raw[key] = value;
      files = parsed.files;
    } else if (type.startsWith("application/x-www-form-urlencoded")) {
      for (const [key, value] of new URLSearchParams(req.body.toString("utf8"))) raw[key] = value;
    } else if (type.startsWith("application/json") || req.body.toString("utf8").trimStart().startsWith("{")) {
      Object.assign(raw, parseJsonObject(req.body.toString("utf8")));
    }
  }
  const params: Params = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === "__proto__") continue;
    params[key] = resolveAttachments(normalizeField(key, value), files);
  }
  // A file part named like a parameter is that parameter's file (`document=@file.pdf`).
  for (const [name, file] of files) {
    if (!Object.hasOwn(params, name) && name !== "__proto__") params[name] = file;
  }
  return params;
}

function parseJsonObject(text: string): Record<string, unknown> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return {};
  if (!trimmed.startsWith("{")) throw badRequest("JSON object expected");
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    throw badRequest(`can't parse parameter value: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw badRequest("JSON object expected");
  return value as Record<string, unknown>;
}

function normalizeField(key: string, value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (JSON_FIELDS.has(key)) {
    const trimmed = value.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return JSON.parse(trimmed) as unknown;
      } catch {
        return value; // the method reports its own "can't parse ... JSON object" error
      }
    }
    return value;
  }
  if (NUMERIC_FIELDS.has(key) && /^-?\d{1,16}$/.test(value.trim())) return Number(value.trim());
  if (BOOL_FIELDS.has(key)) {
    const lower = value.trim().toLowerCase();
    if (lower === "true" || lower === "1") return true;
    if (lower === "false" || lower === "0" || lower === "") return false;
  }
  return value;
}

/** Replaces `attach://name` strings (top level or inside JSON fields) with the uploaded file. */
function resolveAttachments(value: unknown, files: Map<string, UploadedFile>): unknown {
  if (typeof value === "string") {
    if (value.startsWith("attach://")) return files.get(value.slice("attach://".length)) ?? value;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => resolveAttachments(item, files));
  if (typeof value === "object" && value !== null && !isUploadedFile(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== "__proto__") out[k] = resolveAttachments(v, files);
    return out;
  }
  return value;
}
