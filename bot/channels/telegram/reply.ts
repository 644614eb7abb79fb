// The reply port on Telegram: HTML messages with inline keyboards, edits in place of the
// pressed message, pop-up answers on buttons, documents uploaded. "Message is not modified"
// (the same page pressed twice) is handled here, once.
import { GrammyError, InputFile } from "grammy";
import type { Role } from "../../services/roles.js";
import type { Locale } from "../../i18n.js";
import type { ReplyPort } from "../../chat/turn.js";
import type { View } from "../../chat/view.js";
import type { TelegramContext } from "./context.js";
import { keyboard } from "./keyboard.js";
import { TELEGRAM_CAPABILITIES } from "./capabilities.js";

function isNotModified(e: unknown): boolean {
  return e instanceof GrammyError ? e.description.includes("message is not modified") : String((e as Error)?.message).includes("message is not modified");
}

export interface TelegramReply extends ReplyPort {
  /** Answers the pressed button if nothing did (Telegram shows a spinner until then). */
  finish(): Promise<void>;
}

export function telegramReply(ctx: TelegramContext, publishMenu: (chatId: number, role: Role, locale: Locale) => Promise<void>): TelegramReply {
  let answered = ctx.callbackQuery === undefined;
  const ack = async () => {
    if (answered) return;
    answered = true;
    await ctx.answerCallbackQuery();
  };
  // A shared contact answers the "share my number" keyboard: the first plain reply takes it away.
  let dropReplyKeyboard = ctx.message?.contact !== undefined;
  const replyKeyboard = (v: View) => {
    if (v.askContact) return { keyboard: [[{ text: v.askContact, request_contact: true }]], resize_keyboard: true, one_time_keyboard: true };
    if (!dropReplyKeyboard || v.buttons?.length) return undefined;
    dropReplyKeyboard = false;
    return { remove_keyboard: true as const };
  };
  const send = async (v: View) => {
    const markup = keyboard(v.buttons) ?? replyKeyboard(v);
    const doc = v.document;
    if (doc) {
      const caption = v.text && v.text.length <= TELEGRAM_CAPABILITIES.captionLimit ? v.text : undefined;
      const extra = { ...(caption ? { caption, parse_mode: "HTML" as const } : {}), ...(markup ? { reply_markup: markup } : {}) };
      if (v.text && !caption) await ctx.reply(v.text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
      if (doc.kind === "bytes" && doc.photo) await ctx.replyWithPhoto(new InputFile(doc.bytes, doc.fileName), extra);
      else if (doc.kind === "bytes") await ctx.replyWithDocument(new InputFile(doc.bytes, doc.fileName), extra);
      else if (doc.platform !== "telegram") await ctx.reply(ctx.turn!.t("common.fileElsewhere", { platform: doc.platform }));
      else if (doc.type === "photo") await ctx.replyWithPhoto(doc.fileId, extra);
      else await ctx.replyWithDocument(doc.fileId, extra);
      return;
    }
    // As before the core: link previews are only turned off on pages that replace each other.
    await ctx.reply(v.text, { parse_mode: "HTML", ...(markup ? { reply_markup: markup } : {}) });
  };
  return {
    async show(view, opts) {
      const v: View = typeof view === "string" ? { text: view } : view;
      await ack();
      if (opts?.replace && ctx.callbackQuery?.message && !v.document) {
        const markup = keyboard(v.buttons);
        try {
          await ctx.editMessageText(v.text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(markup ? { reply_markup: markup } : {}) });
        } catch (e) {
          if (!isNotModified(e)) throw e;
        }
        return;
      }
      await send(v);
    },
    async notice(text, opts) {
      if (!answered) {
        answered = true;
        // A button's answer holds at most 200 characters and no markup.
        await ctx.answerCallbackQuery({ text: text.slice(0, 200), show_alert: opts?.alert ?? false });
        return;
      }
      await ctx.reply(text, { parse_mode: "HTML" });
    },
    async clearButtons() {
      if (!ctx.callbackQuery?.message) return;
      await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    },
    async refreshMenu(role, locale) {
      if (ctx.chat?.type === "private") await publishMenu(ctx.chat.id, role, locale);
    },
    finish: ack,
  };
}
