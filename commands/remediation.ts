// /khacphuc: a unit head reports remediation of an alert ("đã xử lý X / Y máy" and a note),
// from the button under the request or by typing the command; the office may report for a
// unit whose head cannot. Later reports replace the unit's figure; all are kept.
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { grid } from "../bot/chat/view.js";
import { MACHINES_MAX, NOTE_MAX } from "../bot/services/alerts/model.js";
import {
  alertsAwaitingRemediation,
  latestRemediation,
  parseMachineCounts,
  type Reporter,
  remediationOpen,
  reportableUnits,
  reportRemediation,
} from "../bot/services/alerts/remediation.js";
import { severityIcon } from "../bot/services/alerts/render.js";
import { formatDateTime } from "../bot/services/date-text.js";
import { quoted } from "../bot/i18n.js";
import { findAlert } from "../bot/services/alerts/status.js";
import { clearFlow, setFlow } from "../bot/services/flows.js";
import { unitById, unitsByIds } from "../bot/services/units.js";

const FLOW = "khacphuc";
const FOLLOW_DAYS = 30;

function reporterOf(turn: Turn): Reporter {
  const s = turn.identity!.staff;
  return { actor: turn.actor, staffId: s.id, role: s.role, unitId: s.unitId };
}

/** Why this person cannot report on this alert: it is closed, or the unit is not theirs. */
async function refuseReport(turn: Turn, alertId: number) {
  const open = await remediationOpen(turn.deps.db, alertId);
  await turn.reply.notice(turn.t(open ? "alerts.remediation.notYourUnit" : "alerts.remediation.notOpen"), { alert: true });
}

async function askNumbers(turn: Turn, alertId: number, unitId: number) {
  const { db } = turn.deps;
  const [alert, unit, previous] = await Promise.all([findAlert(db, alertId), unitById(db, unitId), latestRemediation(db, alertId, unitId)]);
  if (!alert) return refuseReport(turn, alertId);
  await setFlow(db, turn.identity!.id, { flow: FLOW, step: "numbers", data: { alertId, unitId } }, turn.now, 60);
  const lines = [turn.t("alerts.remediation.askNumbers", { number: alert.id, title: alert.title, unit: unit.name })];
  const offerSame = previous !== null && previous.handled < previous.total;
  if (previous) {
    lines.push(turn.t("alerts.remediation.previous", { handled: previous.handled, total: previous.total, at: formatDateTime(previous.createdAt, turn.deps.config.timezone) }));
  }
  await turn.reply.show({
    text: lines.join("\n"),
    ...(offerSame ? { buttons: [[{ text: turn.t("alerts.remediation.sameTotal", { total: previous.total }), data: A.remediation.all.build({}) }]] } : {}),
  });
}

async function askNote(turn: Turn, data: Record<string, unknown>, handled: number, total: number) {
  await setFlow(turn.deps.db, turn.identity!.id, { flow: FLOW, step: "note", data: { ...data, handled, total } }, turn.now, 60);
  await turn.reply.show({
    text: turn.t("alerts.remediation.askNote", { handled, total }),
    buttons: [[{ text: turn.t("alerts.remediation.skipNote"), data: A.remediation.skip.build({}) }]],
  });
}

async function save(turn: Turn, data: Record<string, unknown>, note: string | null) {
  const { db } = turn.deps;
  const input = { alertId: Number(data.alertId), unitId: Number(data.unitId), handled: Number(data.handled), total: Number(data.total), note };
  const res = await reportRemediation(db, input, reporterOf(turn), turn.now);
  if (res.status === "invalid" && res.error === "note-too-long") return turn.reply.show(turn.t("alerts.remediation.noteTooLong", { max: NOTE_MAX }));
  await clearFlow(db, turn.identity!.id);
  if (res.status === "recorded") {
    const unit = await unitById(db, input.unitId);
    return turn.reply.show(turn.t("alerts.remediation.saved", { unit: unit.name, handled: input.handled, total: input.total }));
  }
  await turn.reply.show(turn.t(res.status === "denied" ? "alerts.remediation.notYourUnit" : "alerts.remediation.notOpen"));
}

/** The flow at `step`, or null (the button is spent: "invalid"). */
async function atStep(turn: Turn, step: string) {
  const flow = turn.flow;
  if (flow?.flow === FLOW && flow.step === step) return flow.data;
  await turn.reply.notice(turn.t("common.invalidButton"), { alert: true });
  return null;
}

export const remediationCommand = defineCommand(
  {
    name: "khacphuc",
    roles: ["truong_phong", "van_phong", "quan_tri"],
    requiresBinding: true,
    privateOnly: true,
    inMenu: true,
    descriptionKey: "commands.khacphuc",
  },
  (c) => {
    c.message(async (turn) => {
      const flow = turn.flow?.flow === FLOW && !turn.command ? turn.flow : null;
      if (flow) {
        const text = turn.input.kind === "message" ? turn.input.text : undefined;
        if (text === undefined) return turn.reply.show(turn.t("alerts.flow.textExpected"));
        if (flow.step === "numbers") {
          const parsed = parseMachineCounts(text);
          if (parsed.ok) return askNote(turn, flow.data, parsed.handled, parsed.total);
          if (parsed.error === "handled-over-total")
            return turn.reply.show(turn.t("alerts.remediation.handledOverTotal", { handled: parsed.handled!, total: parsed.total! }));
          if (parsed.error === "too-large") return turn.reply.show(turn.t("alerts.remediation.tooLarge", { max: MACHINES_MAX }));
          return turn.reply.show(turn.t("alerts.remediation.badNumbers"));
        }
        if (flow.step === "note") return save(turn, flow.data, text);
      }
      const alerts = await alertsAwaitingRemediation(turn.deps.db, reporterOf(turn), new Date(turn.now.getTime() - FOLLOW_DAYS * 86_400_000));
      if (alerts.length === 0) return turn.reply.show(turn.t("alerts.remediation.none"));
      const buttons = alerts.map((a) => [{ text: `${severityIcon(a.severity)} ${a.id}. ${quoted(turn.t, a.title)}`.slice(0, 60), data: A.remediation.alert.build({ alertId: a.id }) }]);
      await turn.reply.show({ text: turn.t("alerts.remediation.listTitle"), buttons });
    });

    c.action(A.remediation.alert, async (turn, { alertId }) => {
      const units = await reportableUnits(turn.deps.db, alertId, reporterOf(turn));
      if (units.length === 0) return refuseReport(turn, alertId);
      if (units.length === 1) return askNumbers(turn, alertId, units[0]!);
      const names = await unitsByIds(turn.deps.db, units);
      const buttons = grid(names.map((u) => ({ text: u.shortName ?? u.name, data: A.remediation.unit.build({ alertId, unitId: u.id }) })), 2);
      await turn.reply.show({ text: turn.t("alerts.remediation.pickUnit"), buttons });
    });

    c.action(A.remediation.unit, async (turn, { alertId, unitId }) => {
      const units = await reportableUnits(turn.deps.db, alertId, reporterOf(turn));
      if (!units.includes(unitId)) return refuseReport(turn, alertId);
      await askNumbers(turn, alertId, unitId);
    });

    c.action(A.remediation.all, async (turn) => {
      const data = await atStep(turn, "numbers");
      if (!data) return;
      const previous = await latestRemediation(turn.deps.db, Number(data.alertId), Number(data.unitId));
      if (!previous) return askNumbers(turn, Number(data.alertId), Number(data.unitId));
      await askNote(turn, data, previous.total, previous.total);
    });

    c.action(A.remediation.skip, async (turn) => {
      const data = await atStep(turn, "note");
      if (data) await save(turn, data, null);
    });
  },
);
