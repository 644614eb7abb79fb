// The "Đã đọc" button under every copy of an alert (a numbered choice where there are no
// buttons). Not a command anyone types: a module of its own because every staff member may
// press it, while /canhbao is for the office only. The action carries the recipient row's
// id; the service checks the presser is that person, and counts the first press only.
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import { acknowledgeAlert } from "../bot/services/alerts/ack.js";
import { formatDateTime } from "../bot/services/date-text.js";

export const alertAckCommand = defineCommand(
  { name: "canhbaodoc", roles: "any", requiresBinding: true, privateOnly: true, inMenu: false, descriptionKey: "commands.canhbaodoc" },
  (c) => {
    c.action(A.alertAck.ack, async (turn, { recipientId }) => {
      const { t } = turn;
      const res = await acknowledgeAlert(turn.deps.db, recipientId, turn.identity!.staffId, turn.actor, turn.now);
      switch (res.status) {
        case "acknowledged":
          await turn.reply.notice(t("alerts.ack.done"));
          return turn.reply.clearButtons();
        case "already":
          await turn.reply.notice(t("alerts.ack.already", { time: formatDateTime(res.at, turn.deps.config.timezone) }));
          return turn.reply.clearButtons();
        case "cancelled":
        case "superseded":
          return turn.reply.notice(t(res.status === "cancelled" ? "alerts.ack.cancelled" : "alerts.ack.superseded"), { alert: true });
        case "not-yours":
          return turn.reply.notice(t("alerts.ack.notYours"), { alert: true });
        case "unknown":
          return turn.reply.notice(t("common.invalidButton"), { alert: true });
      }
    });
  },
);
