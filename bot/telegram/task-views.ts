// What the task commands (/nhiemvu, /baocao, /donvi) share: who is asking, the task
// services' environment, and showing a page as a new message or in place of the pressed one.
import type { BotContext } from "../context.js";
import { keyboard } from "../delivery/transport.js";
import type { Viewer } from "../services/tasks/access.js";
import type { FormatEnv, Page } from "../services/tasks/format.js";
import type { TaskEnv } from "../services/tasks/queries.js";
import { localParts } from "../services/time.js";

export function viewerOf(ctx: BotContext): Viewer {
  const s = ctx.identity!.staff;
  return { staffId: s.id, unitId: s.unitId, role: s.role };
}

export async function taskEnv(ctx: BotContext): Promise<TaskEnv & { now: Date }> {
  return {
    db: ctx.deps.db,
    calendar: await ctx.deps.calendar.get(),
    today: localParts(ctx.now, ctx.deps.config.timezone).date,
    now: ctx.now,
  };
}

export function formatEnv(ctx: BotContext): FormatEnv {
  return { t: ctx.t, timeZone: ctx.deps.config.timezone };
}

/** A button's own (short) answer. */
export async function notice(ctx: BotContext, text: string, alert = true): Promise<void> {
  await ctx.answerCallbackQuery({ text: text.slice(0, 200), show_alert: alert });
}

/** Shows a page: in place of the message whose button was pressed, or as a reply. */
export async function showPage(ctx: BotContext, page: Page, mode: "reply" | "edit" = ctx.callbackQuery ? "edit" : "reply"): Promise<void> {
  const markup = keyboard(page.buttons);
  const extra = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true }, ...(markup ? { reply_markup: markup } : {}) };
  if (mode === "edit" && ctx.callbackQuery?.message) {
    await ctx.editMessageText(page.text, extra).catch((e: unknown) => {
      // The same page pressed twice: Telegram says the message is not modified.
      if (!String((e as Error).message).includes("message is not modified")) throw e;
    });
    return;
  }
  await ctx.reply(page.text, extra);
}

/** Positive integer ids and page numbers from callback data; anything else is forged. */
export function idArg(s: string | undefined): number | undefined {
  return s !== undefined && /^\d{1,9}$/.test(s) ? Number(s) : undefined;
}
