// /xinloi <mã hồ sơ> [lý do]: the draft "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (.docx)
// for a dossier that will be or is late, sent as a document in the chat; also the
// "Phiếu xin lỗi" button of the overdue reminders and of the dossier view (xinloi:make:<id>).
import { InputFile } from "grammy";
import type { BotContext } from "../bot/context.js";
import { toLocalDate } from "../bot/services/calendar/index.js";
import { APOLOGY_REASON_MAX, draftApologySlip } from "../bot/services/dossiers/apology.js";
import { statusLabel } from "../bot/services/dossiers/format.js";
import { defineCommand } from "../bot/telegram/commands.js";
import { formatDate } from "../bot/services/date-text.js";

async function sendSlip(ctx: BotContext, ref: { id: number } | { code: string }, reason: string | null, viaButton: boolean): Promise<void> {
  const { t } = ctx;
  const calendar = await ctx.deps.calendar.get();
  const s = ctx.identity!.staff;
  const res = await draftApologySlip(
    { db: ctx.deps.db, calendar, now: ctx.now, today: toLocalDate(ctx.now, calendar.tzOffsetMinutes), actor: `telegram:${ctx.from!.id}` },
    { staffId: s.id, role: s.role, unitId: s.unitId },
    ref,
    reason,
  );
  if (!res.ok) {
    if (viaButton) {
      const text = res.reason === "notOpen" ? t("dossiers.apology.notOpenShort") : t("dossiers.notFoundShort");
      await ctx.answerCallbackQuery({ text, show_alert: true });
    } else if (res.reason === "notOpen") {
      await ctx.reply(t("dossiers.apology.notOpen", { code: res.code, status: statusLabel(t, res.status) }), { parse_mode: "HTML" });
    } else {
      await ctx.reply(`${t("dossiers.notFound", { code: "code" in ref ? ref.code : "" })}\n\n${t("dossiers.apology.usage")}`, { parse_mode: "HTML" });
    }
    return;
  }
  if (viaButton) await ctx.answerCallbackQuery();
  await ctx.replyWithDocument(new InputFile(res.document, res.fileName), {
    caption: t("dossiers.apology.caption", { code: res.code, date: formatDate(res.newDate), days: res.extraDays, from: formatDate(res.countedFrom) }),
    parse_mode: "HTML",
  });
}

export const apologyCommand = defineCommand(
  { name: "xinloi", aliases: ["apology"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.xinloi" },
  (c) => {
    c.on("message", async (ctx: BotContext) => {
      const args = (ctx.command?.args ?? "").trim();
      const [code, ...rest] = args.split(/\s+/);
      if (!code) return void (await ctx.reply(ctx.t("dossiers.apology.usage"), { parse_mode: "HTML" }));
      const reason = rest.join(" ").trim();
      if ([...reason].length > APOLOGY_REASON_MAX) return void (await ctx.reply(ctx.t("dossiers.apology.tooLong", { max: APOLOGY_REASON_MAX })));
      await sendSlip(ctx, { code }, reason || null, false);
    });

    c.on("callback_query:data", async (ctx: BotContext, next) => {
      const m = /^xinloi:make:(\d{1,9})$/.exec(ctx.callbackQuery!.data!);
      if (!m) return next();
      await sendSlip(ctx, { id: Number(m[1]) }, null, true);
    });
  },
);
