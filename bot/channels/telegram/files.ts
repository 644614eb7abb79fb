// Files people send, fetched through the Bot API when a command needs their content (a
// spreadsheet to import): getFile, then the file's URL, with a size cap checked before and
// while downloading. The bytes stay in memory for the turn; nothing is written to disk. The
// file URL holds the token: it is never logged, and a failure is told as a short reason.
import type { Api } from "grammy";
import type { FetchedFile, ReceivedFile } from "../../chat/turn.js";
import type { Logger } from "../../logger.js";
import { downloadCapped } from "../capped-download.js";
import { describeFailure } from "./network.js";

/** Telegram's own limit on files a bot may download. */
export const TELEGRAM_DOWNLOAD_MAX_BYTES = 20 * 1024 * 1024;

export function telegramFileFetcher(api: Api, token: string, apiRoot: string, logger: Logger) {
  return async (file: ReceivedFile, maxBytes: number): Promise<FetchedFile> => {
    const cap = Math.min(maxBytes, TELEGRAM_DOWNLOAD_MAX_BYTES);
    if (file.size != null && file.size > cap) return { ok: false, reason: "tooLarge" };
    try {
      const info = await api.getFile(file.fileId);
      if (info.file_size !== undefined && info.file_size > cap) return { ok: false, reason: "tooLarge" };
      if (!info.file_path) return { ok: false, reason: "unavailable" };
      const got = await downloadCapped(`${apiRoot}/file/bot${token}/${info.file_path}`, cap);
      if (got.ok || got.reason === "tooLarge") return got;
      logger.warn({ status: got.status }, "file download refused by the Bot API");
      return { ok: false, reason: "unavailable" };
    } catch (e) {
      logger.warn({ reason: describeFailure(e) }, "file download failed");
      return { ok: false, reason: "unavailable" };
    }
  };
}
