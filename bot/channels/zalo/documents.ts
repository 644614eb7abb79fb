// A document on Zalo: a one-time download link in the message instead of the file.
import type { ViewDocument } from "../../chat/view.js";
import type { AppConfig } from "../../config.js";
import type { DbOrTx } from "../../delivery/outbox.js";
import { createDownloadLink } from "../../delivery/downloads.js";
import type { Translate } from "../../i18n.js";
import { localParts } from "../../services/time.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The line(s) that stand for the document in the message. */
export async function documentLine(
  db: DbOrTx,
  config: AppConfig,
  t: Translate,
  doc: ViewDocument,
  staffId: number | undefined,
  now: Date,
): Promise<string> {
  if (doc.kind === "stored") return t("common.fileElsewhere", { platform: doc.platform === "telegram" ? "Telegram" : doc.platform });
  if (staffId === undefined || !config.publicUrl) return t("common.fileUnavailable");
  const link = await createDownloadLink(
    db,
    { staffId, fileName: doc.fileName, mimeType: doc.mimeType ?? DOCX, content: doc.bytes },
    { publicUrl: config.publicUrl, minutes: config.downloadLinkMinutes, now },
  );
  const until = localParts(link.expiresAt, config.timezone);
  return t("common.downloadLink", { name: doc.fileName, url: link.url, time: until.time });
}
