// The sender's transport on Zalo: plain text within 2,000 characters, buttons as numbered
// choices remembered for the chat, documents as one-time download links. Zalo's answers
// sorted for the sender: 429 ("Quota exceeded") waits, 403 gives up on the person, other
// 4xx on the message, 5xx and network errors are tried again.
import type { ViewDocument } from "../../chat/view.js";
import type { AppConfig } from "../../config.js";
import type { Db } from "../../db/client.js";
import { saveChoices } from "../../chat/choices.js";
import { type Transport, TransportError } from "../../delivery/transport.js";
import { isLocale, type Translate, translator } from "../../i18n.js";
import type { i18n as I18n } from "i18next";
import { ZaloApi, ZaloApiError, ZaloNetworkError } from "./api.js";
import { ZALO_CAPABILITIES } from "./capabilities.js";
import { documentLine } from "./documents.js";
import { renderForZalo } from "./render.js";

function classify(e: unknown): TransportError {
  if (e instanceof ZaloApiError) {
    const description = `${e.code} ${e.description}`;
    if (e.code === 429) return new TransportError("rate_limited", description, 5);
    if (e.code === 403) return new TransportError("blocked", description);
    if (e.code >= 500 || e.code === 408) return new TransportError("transient", description);
    return new TransportError("rejected", description);
  }
  if (e instanceof ZaloNetworkError) return new TransportError("transient", e.message);
  return new TransportError("transient", (e as Error)?.message ?? String(e));
}

export function zaloTransport(api: ZaloApi, deps: { db: Db; config: AppConfig; i18n: I18n; clock: () => Date }): Transport {
  /** The recipient's staff id and language, for the choices' hint and the download link. */
  const recipient = async (chatId: string): Promise<{ staffId: number | undefined; t: Translate }> => {
    const account = await deps.db.chatAccount.findFirst({ where: { platform: "zalo", chatId }, include: { staff: { select: { id: true, locale: true } } } });
    const locale = isLocale(account?.staff.locale) ? account!.staff.locale : deps.config.defaultLocale;
    return { staffId: account?.staff.id, t: translator(deps.i18n, locale as "vi" | "en") };
  };
  const send = async (chatId: string, markup: string, buttons: Parameters<Transport["sendText"]>[2], t: Translate) => {
    const out = renderForZalo(markup, buttons, t);
    let last = "";
    try {
      for (const text of out.texts) last = (await api.sendMessage(chatId, text)).message_id;
    } catch (e) {
      throw classify(e);
    }
    if (out.actions.length) await saveChoices(deps.db, "zalo", chatId, out.actions, deps.clock());
    return last;
  };
  return {
    limits: { text: ZALO_CAPABILITIES.textLimit - 200, caption: ZALO_CAPABILITIES.captionLimit - 400 },
    async sendText(chatId, markup, buttons) {
      const { t } = await recipient(chatId);
      return send(chatId, markup, buttons, t);
    },
    async sendDocument(chatId, file, captionMarkup, buttons) {
      const { staffId, t } = await recipient(chatId);
      const doc: ViewDocument = { kind: "bytes", fileName: file.fileName, bytes: file.bytes };
      const line = await documentLine(deps.db, deps.config, t, doc, staffId, deps.clock());
      return send(chatId, captionMarkup ? `${captionMarkup}\n\n${line}` : line, buttons, t);
    },
  };
}
