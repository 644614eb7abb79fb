// /xinloi <mã hồ sơ> [lý do]: the draft "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (.docx)
// for a dossier that will be or is late, sent as a document (uploaded, or a download link
// where the platform takes no files); also the "Phiếu xin lỗi" button of the overdue
// reminders and of the dossier view.
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { toLocalDate } from "../bot/services/calendar/index.js";
import { formatDate } from "../bot/services/date-text.js";
import { APOLOGY_REASON_MAX, draftApologySlip } from "../bot/services/dossiers/apology.js";
import { statusLabel } from "../bot/services/dossiers/format.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function sendSlip(turn: Turn, ref: { id: number } | { code: string }, reason: string | null): Promise<void> {
  const { t } = turn;
  const viaButton = turn.input.kind === "action";
  const calendar = await turn.deps.calendar.get();
  const s = turn.identity!.staff;
  const res = await draftApologySlip(
    { db: turn.deps.db, calendar, now: turn.now, today: toLocalDate(turn.now, calendar.tzOffsetMinutes), actor: turn.actor },
    { staffId: s.id, role: s.role, unitId: s.unitId },
    ref,
    reason,
  );
  if (!res.ok) {
    if (viaButton) return turn.reply.notice(res.reason === "notOpen" ? t("dossiers.apology.notOpenShort") : t("dossiers.notFoundShort"), { alert: true });
    if (res.reason === "notOpen") return turn.reply.show(t("dossiers.apology.notOpen", { code: res.code, status: statusLabel(t, res.status) }));
    return turn.reply.show(`${t("dossiers.notFound", { code: "code" in ref ? ref.code : "" })}\n\n${t("dossiers.apology.usage")}`);
  }
  await turn.reply.show({
    text: t("dossiers.apology.caption", { code: res.code, date: formatDate(res.newDate), days: res.extraDays, from: formatDate(res.countedFrom) }),
    document: { kind: "bytes", fileName: res.fileName, bytes: res.document, mimeType: DOCX },
  });
}

export const apologyCommand = defineCommand(
  { name: "xinloi", aliases: ["apology"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.xinloi" },
  (c) => {
    c.message(async (turn) => {
      const args = (turn.command?.args ?? "").trim();
      const [code, ...rest] = args.split(/\s+/);
      if (!code) return turn.reply.show(turn.t("dossiers.apology.usage"));
      const reason = rest.join(" ").trim();
      if ([...reason].length > APOLOGY_REASON_MAX) return turn.reply.show(turn.t("dossiers.apology.tooLong", { max: APOLOGY_REASON_MAX }));
      await sendSlip(turn, { code }, reason || null);
    });
    c.action(A.apology.make, (turn, { id }) => sendSlip(turn, { id }, null));
  },
);
