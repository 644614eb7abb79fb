// sendDocument, sendPhoto (multipart uploads, attach:// references, or existing file_ids)
// and getFile.
import type { FakeContext, MethodCall } from "../context.js";
import { isUploadedFile } from "../decode-params.js";
import { badRequest, TgError } from "../errors.js";
import { imageSize, mimeTypeFor } from "../file-store.js";
import { formatCaption } from "../format-text.js";
import { parseReplyMarkup } from "../markup.js";
import { getString } from "../params.js";
import type { StoredFile, TgDocument, TgMessage, TgPhotoSize } from "../types.js";
import { recordSent, resolveReply } from "./messages.js";

const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
const PHOTO_SIZES = [90, 320, 800];
const PHOTO_MAX_SIDE = 1280;

/** The file a send method refers to: an upload, an attach:// part, or a known file_id. */
function inputFile(ctx: FakeContext, call: MethodCall, field: "document" | "photo"): StoredFile {
  const value = call.params[field];
  if (isUploadedFile(value)) {
    if (value.content.length === 0) throw badRequest("file must be non-empty");
    if (value.content.length > MAX_UPLOAD_BYTES) throw new TgError(413, "Request Entity Too Large");
    if (field === "photo") {
      const size = imageSize(value.content);
      if (size === undefined) throw badRequest("IMAGE_PROCESS_FAILED");
      if (size.width + size.height > 10_000 || Math.max(size.width, size.height) > 20 * Math.min(size.width, size.height)) {
        throw badRequest("PHOTO_INVALID_DIMENSIONS");
      }
      return ctx.files.add({ kind: "photo", content: value.content, declaredMimeType: value.mimeType, mimeType: "image/jpeg", ...size, origin: "bot", filename: value.filename });
    }
    const declared = value.mimeType.toLowerCase() === "application/octet-stream" ? undefined : value.mimeType;
    const mimeType = mimeTypeFor(value.filename) ?? declared ?? "application/octet-stream";
    return ctx.files.add({
      kind: "document",
      content: value.content,
      filename: value.filename,
      mimeType,
      declaredMimeType: value.mimeType,
      origin: "bot",
    });
  }
  const text = getString(call.params, field) ?? "";
  if (text.length === 0 || text.startsWith("attach://")) throw badRequest(`there is no ${field} in the request`);
  if (/^https?:\/\//i.test(text)) throw badRequest("failed to get HTTP URL content");
  const known = ctx.files.get(text);
  if (known === undefined) throw badRequest("wrong file identifier/HTTP URL specified");
  if (known.kind !== field) {
    const name = (kind: string): string => (kind === "photo" ? "Photo" : "Document");
    throw badRequest(`can't use file of type ${name(known.kind)} as ${name(field)}`);
  }
  return known;
}

export function documentOf(file: StoredFile): TgDocument {
  const doc: TgDocument = { file_id: file.fileId, file_unique_id: file.fileUniqueId };
  if (file.filename !== undefined) doc.file_name = file.filename;
  if (file.mimeType !== undefined) doc.mime_type = file.mimeType;
  doc.file_size = file.content.length;
  return doc;
}

/** Telegram's PhotoSize list: smaller renditions first, the largest (≤ 1280 px) last. */
export function photoSizesOf(ctx: FakeContext, file: StoredFile): TgPhotoSize[] {
  const width = file.width ?? 1;
  const height = file.height ?? 1;
  const longest = Math.max(width, height);
  const scaled = (side: number): { width: number; height: number } => ({
    width: Math.max(1, Math.round((width * side) / longest)),
    height: Math.max(1, Math.round((height * side) / longest)),
  });
  const sizes: TgPhotoSize[] = [];
  for (const side of PHOTO_SIZES) {
    if (side >= longest) break;
    const dims = scaled(side);
    const alias = ctx.files.alias(file, dims.width, dims.height);
    sizes.push({ file_id: alias.fileId, file_unique_id: alias.fileUniqueId, file_size: file.content.length, ...dims });
  }
  const full = longest > PHOTO_MAX_SIDE ? scaled(PHOTO_MAX_SIDE) : { width, height };
  sizes.push({ file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.content.length, ...full });
  return sizes;
}

function sendMedia(ctx: FakeContext, call: MethodCall, field: "document" | "photo"): TgMessage {
  const p = call.params;
  const caption = formatCaption(p);
  const markup = parseReplyMarkup(p);
  const chat = ctx.world.resolveChat(p);
  ctx.world.assertCanWrite(chat);
  const reply = resolveReply(chat, p);
  const file = inputFile(ctx, call, field);
  const message = ctx.world.addMessage(chat, {
    from: ctx.world.botUser,
    ...(reply !== undefined ? { reply_to_message: reply } : {}),
    ...(field === "document" ? { document: documentOf(file) } : { photo: photoSizesOf(ctx, file) }),
    ...(caption !== undefined ? { caption: caption.text } : {}),
    ...(caption !== undefined && caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
    ...(markup?.inline !== undefined ? { reply_markup: markup.inline } : {}),
  });
  return recordSent(ctx, call.method, message);
}

export const sendDocument = (ctx: FakeContext, call: MethodCall): TgMessage => sendMedia(ctx, call, "document");
export const sendPhoto = (ctx: FakeContext, call: MethodCall): TgMessage => sendMedia(ctx, call, "photo");

export function getFile(ctx: FakeContext, call: MethodCall): Record<string, unknown> {
  const fileId = getString(call.params, "file_id") ?? "";
  if (fileId.length === 0) throw badRequest("file_id not specified");
  const file = ctx.files.get(fileId);
  if (file === undefined) throw badRequest("invalid file_id");
  if (file.content.length > MAX_DOWNLOAD_BYTES) throw badRequest("file is too big");
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.content.length,
    file_path: file.filePath,
  };
}
