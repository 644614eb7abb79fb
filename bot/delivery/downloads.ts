// Documents for platforms that take no file uploads (Zalo): the file is kept in the database
// and offered as a link to the bot's HTTP server (PUBLIC_URL/files/<token>). The token is 32
// random bytes (only its SHA-256 is stored); the link works once, for the one person it was
// made for, until it expires. Nothing about the file is in the link.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import type { Route } from "../http-server.js";
import type { DbOrTx } from "./outbox.js";

export const DOWNLOAD_PATH = "/files/";
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export interface NewLink {
  staffId: number;
  fileName: string;
  mimeType: string;
  content: Buffer;
}

/** A one-time link to `file` for one person. */
export async function createDownloadLink(db: DbOrTx, file: NewLink, opts: { publicUrl: string; minutes: number; now: Date }): Promise<{ url: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(opts.now.getTime() + opts.minutes * 60_000);
  await db.downloadLink.create({
    data: { tokenHash: hash(token), staffId: file.staffId, fileName: file.fileName, mimeType: file.mimeType, content: new Uint8Array(file.content), createdAt: opts.now, expiresAt },
  });
  return { url: `${opts.publicUrl}${DOWNLOAD_PATH}${token}`, expiresAt };
}

export type Redeemed = { ok: true; fileName: string; mimeType: string; content: Buffer } | { ok: false; reason: "unknown" | "used" | "expired" };

/** The file behind a token, once: the first caller wins, every later one gets "used". */
export async function redeemDownloadLink(db: Db, token: string, now: Date): Promise<Redeemed> {
  if (!TOKEN_RE.test(token)) return { ok: false, reason: "unknown" };
  const tokenHash = hash(token);
  const link = await db.downloadLink.findUnique({ where: { tokenHash } });
  if (!link) return { ok: false, reason: "unknown" };
  if (link.usedAt) return { ok: false, reason: "used" };
  if (link.expiresAt <= now) return { ok: false, reason: "expired" };
  const claimed = await db.downloadLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) return { ok: false, reason: "used" };
  return { ok: true, fileName: link.fileName, mimeType: link.mimeType, content: Buffer.from(link.content) };
}

/** Housekeeping: links used or expired a day ago take their file with them. */
export async function purgeDownloadLinks(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - 24 * 3600_000);
  return (await db.downloadLink.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { usedAt: { lt: before } }] } })).count;
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;max-width:36em;margin:3em auto"><h1>${title}</h1><p>${text}</p></body></html>`;

const REFUSAL: Record<"unknown" | "used" | "expired", [number, string, string]> = {
  unknown: [404, "Không tìm thấy tài liệu", "Đường dẫn không đúng. Hãy yêu cầu lại tài liệu trong cuộc trò chuyện với trợ lý."],
  used: [410, "Đường dẫn đã được dùng", "Mỗi đường dẫn tải về chỉ dùng được một lần. Hãy yêu cầu lại tài liệu trong cuộc trò chuyện với trợ lý."],
  expired: [410, "Đường dẫn đã hết hạn", "Đường dẫn tải về chỉ có hiệu lực trong thời gian ngắn. Hãy yêu cầu lại tài liệu trong cuộc trò chuyện với trợ lý."],
};

/** GET /files/<token>: the document, or a short page saying why not (never which file). */
export function downloadRoute(deps: { db: Db; clock: () => Date; logger: Logger }): Route {
  return {
    method: "GET",
    path: DOWNLOAD_PATH,
    prefix: true,
    async handler(req, res) {
      const token = (req.url ?? "").split("?")[0]!.slice(DOWNLOAD_PATH.length);
      const r = await redeemDownloadLink(deps.db, token, deps.clock());
      if (!r.ok) {
        const [status, title, text] = REFUSAL[r.reason];
        deps.logger.info({ reason: r.reason }, "download link refused");
        res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end(PAGE(title, text));
        return;
      }
      res.writeHead(200, {
        "content-type": r.mimeType,
        "content-length": r.content.length,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(r.fileName)}`,
        "cache-control": "no-store",
      });
      res.end(r.content);
    },
  };
}
