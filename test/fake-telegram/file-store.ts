// Files known to the fake: uploaded by the bot or sent by simulated users, served back by
// getFile + `${apiRoot}/file/bot${token}/${file_path}`.
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { StoredFile } from "./types.js";

const MIME_BY_EXTENSION: Record<string, string> = {
  ".pdf": "application/pdf",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xls": "application/vnd.ms-excel",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".ppt": "application/vnd.ms-powerpoint",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".ods": "application/vnd.oasis.opendocument.spreadsheet",
  ".csv": "text/csv",
  ".txt": "text/plain",
  ".json": "application/json",
  ".xml": "application/xml",
  ".html": "text/html",
  ".ics": "text/calendar",
  ".zip": "application/zip",
  ".rar": "application/x-rar-compressed",
  ".7z": "application/x-7z-compressed",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".mp3": "audio/mpeg",
  ".ogg": "audio/ogg",
  ".mp4": "video/mp4",
};

/** Telegram guesses a document's MIME type from its file name, not from the upload's header. */
export function mimeTypeFor(filename: string): string | undefined {
  return MIME_BY_EXTENSION[path.extname(filename).toLowerCase()];
}

/** Width and height of a PNG, JPEG, GIF or WebP image; undefined when it is not one. */
export function imageSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 10 && data.toString("latin1", 0, 3) === "GIF") {
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (data.length >= 30 && data.toString("latin1", 0, 4) === "RIFF" && data.toString("latin1", 8, 12) === "WEBP") {
    const chunk = data.toString("latin1", 12, 16);
    if (chunk === "VP8X") return { width: 1 + data.readUIntLE(24, 3), height: 1 + data.readUIntLE(27, 3) };
    if (chunk === "VP8L") {
      const bits = data.readUInt32LE(21);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
    return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let pos = 2;
    while (pos + 9 < data.length) {
      if (data[pos] !== 0xff) return undefined;
      const marker = data[pos + 1] ?? 0;
      const length = data.readUInt16BE(pos + 2);
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) return { width: data.readUInt16BE(pos + 7), height: data.readUInt16BE(pos + 5) };
      pos += 2 + length;
    }
    return { width: 1, height: 1 };
  }
  return undefined;
}

function randomId(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  add(file: Omit<StoredFile, "fileId" | "fileUniqueId" | "filePath">): StoredFile {
    const index = this.counter++;
    const prefix = file.kind === "photo" ? "AgACAgIAAxkBAAI" : "BQACAgIAAxkBAAI";
    const extension =
      file.kind === "photo" ? ".jpg" : path.extname(file.filename ?? "").toLowerCase().replace(/[^.a-z0-9]/g, "");
    const stored: StoredFile = {
      ...file,
      fileId: `${prefix}${randomId(48)}`,
      fileUniqueId: `AgAD${randomId(9)}`,
      filePath: `${file.kind === "photo" ? "photos" : "documents"}/file_${index}${extension}`,
    };
    this.byId.set(stored.fileId, stored);
    this.byPath.set(stored.filePath, stored);
    return stored;
  }

  /** Another file id for the same content (photo sizes). */
  alias(file: StoredFile, width: number, height: number): StoredFile {
    const stored: StoredFile = { ...file, fileId: `AgACAgIAAxkBAAI${randomId(48)}`, fileUniqueId: `AgAD${randomId(9)}`, width, height };
    this.byId.set(stored.fileId, stored);
    return stored;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  getByPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }

  all(): StoredFile[] {
    return [...new Set(this.byId.values())];
  }

  clear(): void {
    this.byId.clear();
    this.byPath.clear();
  }
}
