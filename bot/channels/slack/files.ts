// Files people share in the app's DM, fetched when a command needs their content (a
// spreadsheet to import): the event's url_private_download (or files.info's, for a file
// named later by its id, e.g. after "Nhập"), fetched with the bot token, size-capped before
// and while downloading. The bytes stay in memory for the turn; nothing is written to disk.
// The token goes only to Slack's own hosts (files.slack.com, or SLACK_API_URL's host).
import type { FetchedFile, ReceivedFile } from "../../chat/turn.js";
import type { SlackConfig } from "../../config.js";
import type { Logger } from "../../logger.js";
import { downloadCapped } from "../capped-download.js";
import { describeSlackError, type SlackWebClient } from "./web.js";

/** Download URLs remembered from events (a file is fetched again when "Nhập" is pressed). */
const REMEMBERED = 500;

/** A file of Slack's message event (`files` of a `file_share` message). */
export interface SlackEventFile {
  id?: string;
  name?: string;
  size?: number;
  mimetype?: string;
  url_private_download?: string;
}

export function receivedFileOf(f: SlackEventFile | undefined): ReceivedFile | null {
  if (!f?.id) return null;
  return { fileId: f.id, kind: "document", fileName: f.name ?? null, size: f.size ?? null, mimeType: f.mimetype ?? null };
}

export function slackFileFetcher(config: SlackConfig, client: SlackWebClient, logger: Logger) {
  const urls = new Map<string, string>();
  const apiHost = new URL(config.apiUrl).host;
  const trusted = (u: string) => {
    try {
      const url = new URL(u);
      return url.host === "files.slack.com" || url.host === apiHost;
    } catch {
      return false;
    }
  };

  async function urlOf(fileId: string): Promise<{ url: string; size: number | undefined } | undefined> {
    const known = urls.get(fileId);
    if (known) return { url: known, size: undefined };
    const info = await client.files.info({ file: fileId });
    const url = info.file?.url_private_download;
    return url ? { url, size: info.file?.size } : undefined;
  }

  return {
    /** Keeps the download URL of a file the person just shared. */
    remember(f: SlackEventFile | undefined): void {
      if (!f?.id || !f.url_private_download) return;
      urls.delete(f.id);
      urls.set(f.id, f.url_private_download);
      if (urls.size > REMEMBERED) urls.delete(urls.keys().next().value!);
    },
    async fetch(file: ReceivedFile, cap: number): Promise<FetchedFile> {
      if (file.size != null && file.size > cap) return { ok: false, reason: "tooLarge" };
      try {
        const found = await urlOf(file.fileId);
        if (!found || !trusted(found.url)) {
          logger.warn({ found: Boolean(found) }, "no Slack download URL for the file");
          return { ok: false, reason: "unavailable" };
        }
        if (found.size !== undefined && found.size > cap) return { ok: false, reason: "tooLarge" };
        const got = await downloadCapped(found.url, cap, { authorization: `Bearer ${config.botToken}` });
        if (got.ok || got.reason === "tooLarge") return got;
        logger.warn({ status: got.status }, "file download refused by Slack");
        return { ok: false, reason: "unavailable" };
      } catch (e) {
        logger.warn({ error: describeSlackError(e) }, "Slack file download failed");
        return { ok: false, reason: "unavailable" };
      }
    },
  };
}
