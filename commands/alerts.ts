// /canhbao: the office's guided flow for a security alert — severity, title, text,
// audience (the whole department or chosen units), whether units report remediation —
// then a preview exactly as recipients will see it, and a confirmation. The same flow
// takes the text of a correction started from /tinhtrang.
import { randomBytes } from "node:crypto";
import { A } from "../bot/chat/actions.js";
import { defineCommand, NOT_HANDLED } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { checked, grid, type View } from "../bot/chat/view.js";
import { broadcastAlert, previewAlert } from "../bot/services/alerts/broadcast.js";
import { correctAlert } from "../bot/services/alerts/cancel.js";
import { type AlertDraft, BODY_MAX, isSeverity, SEVERITIES, TITLE_MAX } from "../bot/services/alerts/model.js";
import { severityIcon, severityLabel } from "../bot/services/alerts/render.js";
import { clearFlow, setFlow } from "../bot/services/flows.js";
import { OFFICE } from "../bot/services/roles.js";
import { unitsByIds, unitsWithActiveStaff } from "../bot/services/units.js";
import { charLength } from "../bot/services/safe-text.js";
import { alertActor, alertDeps, officeOnly } from "./alert-context.js";

export const ALERT_FLOW = "canhbao";
/** Writing an alert takes time: the flow stays open an hour without activity. */
export const ALERT_FLOW_IDLE_MINUTES = 60;

interface DraftData {
  nonce: string;
  severity?: string;
  title?: string;
  body?: string;
  all?: boolean;
  units?: number[];
  remediation?: boolean;
  correctionOf?: number;
}

async function save(turn: Turn, step: string, data: DraftData) {
  await setFlow(turn.deps.db, turn.identity!.id, { flow: ALERT_FLOW, step, data: { ...data } }, turn.now, ALERT_FLOW_IDLE_MINUTES);
}

/** Starts a correction of alert `originalId` (called from /tinhtrang). */
export async function startCorrection(turn: Turn, original: { id: number; severity: string; title: string }) {
  const data: DraftData = { nonce: randomBytes(6).toString("hex"), correctionOf: original.id, severity: original.severity, title: original.title };
  await save(turn, "body", data);
  await turn.reply.show(turn.t("alerts.flow.askCorrection", { number: original.id, title: original.title }));
}

async function askSeverity(turn: Turn) {
  await save(turn, "severity", { nonce: randomBytes(6).toString("hex") });
  const buttons = grid(
    SEVERITIES.map((s) => ({ text: `${severityIcon(s)} ${severityLabel(turn.t, s)}`, data: A.alert.severity.build({ severity: s }) })),
    2,
  );
  buttons.push([{ text: turn.t("alerts.flow.abort"), data: A.alert.abort.build({}) }]);
  await turn.reply.show({ text: turn.t("alerts.flow.pickSeverity"), buttons });
}

async function unitPicker(turn: Turn, data: DraftData): Promise<View> {
  const chosen = new Set(data.units ?? []);
  const units = await unitsWithActiveStaff(turn.deps.db);
  const buttons = grid(units.map((u) => ({ text: checked(chosen.has(u.id), u.shortName ?? u.name), data: A.alert.unit.build({ unitId: u.id }) })), 2);
  buttons.push([{ text: turn.t("alerts.flow.unitsDone", { count: chosen.size }), data: A.alert.unitsDone.build({}) }]);
  return { text: turn.t("alerts.flow.pickUnits"), buttons };
}

function draftOf(turn: Turn, data: DraftData): AlertDraft {
  return {
    severity: isSeverity(data.severity) ? data.severity : "thong_tin",
    title: data.title ?? "",
    body: data.body ?? "",
    audience: data.all !== false ? { all: true } : { all: false, unitIds: data.units ?? [] },
    requireRemediation: data.remediation === true,
    // The key that makes a double "Gửi" send once; kept as it always was for drafts in progress.
    externalRef: `${turn.platform}:${turn.identity!.id}:${data.nonce}`,
    source: turn.platform,
    ...(data.correctionOf ? { correctionOfId: data.correctionOf } : {}),
  };
}

async function showPreview(turn: Turn, data: DraftData) {
  await save(turn, "preview", data);
  const draft = draftOf(turn, data);
  const preview = await previewAlert({ ...alertDeps(turn) }, draft, turn.t, turn.now);
  let audience = turn.t("alerts.flow.audienceAll");
  if (data.correctionOf) audience = turn.t("alerts.status.open", { number: data.correctionOf });
  else if (data.all === false) audience = (await unitsByIds(turn.deps.db, data.units ?? [])).map((u) => u.shortName ?? u.name).join(", ");
  const footer = turn.t("alerts.flow.previewFooter", {
    audience,
    count: preview.recipients,
    unreachable: preview.unreachable,
    remediation: turn.t(draft.requireRemediation ? "alerts.flow.previewYes" : "alerts.flow.previewNo"),
  });
  const buttons = [
    [{ text: turn.t("alerts.flow.send"), data: A.alert.send.build({}) }],
    [
      { text: turn.t("alerts.flow.restart"), data: A.alert.restart.build({}) },
      { text: turn.t("alerts.flow.abort"), data: A.alert.abort.build({}) },
    ],
  ];
  await turn.reply.show({ text: [turn.t("alerts.flow.previewHeading"), "", preview.text, "", "──────", footer].join("\n"), buttons });
}

async function send(turn: Turn, data: DraftData) {
  const { t } = turn;
  const draft = draftOf(turn, data);
  const res = data.correctionOf
    ? await correctAlert(alertDeps(turn), data.correctionOf, { body: draft.body, title: draft.title, severity: draft.severity, externalRef: draft.externalRef! }, alertActor(turn), turn.now)
    : await broadcastAlert(alertDeps(turn), draft, alertActor(turn), turn.now);
  await turn.reply.clearButtons();
  const db = turn.deps.db;
  if (res.status === "sent") {
    await clearFlow(db, turn.identity!.id);
    turn.deps.wakeSender();
    await turn.reply.show(t("alerts.flow.sent", { number: res.alertId, queued: res.queued, recipients: res.recipients, unreachable: res.unreachable }));
  } else if (res.status === "duplicate") {
    await clearFlow(db, turn.identity!.id);
    await turn.reply.show(t("alerts.flow.duplicate", { number: res.alertId }));
  } else if (res.status === "denied") {
    await clearFlow(db, turn.identity!.id);
    await turn.reply.show(t("common.noPermission"));
  } else if (res.status === "invalid") {
    await turn.reply.show(t("alerts.flow.empty"));
  } else {
    await clearFlow(db, turn.identity!.id);
    await turn.reply.show(t("alerts.status.cannotCorrect", { number: data.correctionOf ?? 0 }));
  }
}

/** Checks a typed title or text; replies with the problem and returns null when it is not usable. */
async function typedText(turn: Turn, max: number): Promise<string | null> {
  const raw = turn.input.kind === "message" ? turn.input.text : undefined;
  if (raw === undefined) {
    await turn.reply.show(turn.t("alerts.flow.textExpected"));
    return null;
  }
  const text = raw.normalize("NFC").trim();
  if (!text) {
    await turn.reply.show(turn.t("alerts.flow.empty"));
    return null;
  }
  if (charLength(text) > max) {
    await turn.reply.show(turn.t("alerts.flow.tooLong", { length: charLength(text), max }));
    return null;
  }
  return text;
}

function audienceButtons(turn: Turn) {
  return [
    [
      { text: turn.t("alerts.flow.audienceAll"), data: A.alert.audience.build({ audience: "all" }) },
      { text: turn.t("alerts.flow.audienceUnits"), data: A.alert.audience.build({ audience: "units" }) },
    ],
  ];
}

async function askRemediation(turn: Turn, data: DraftData) {
  await save(turn, "remediation", data);
  const buttons = [
    [
      { text: turn.t("alerts.flow.remediationYes"), data: A.alert.remediation.build({ on: "1" }) },
      { text: turn.t("alerts.flow.remediationNo"), data: A.alert.remediation.build({ on: "0" }) },
    ],
  ];
  await turn.reply.show({ text: turn.t("alerts.flow.pickRemediation"), buttons });
}

/** The flow's data when it is at `step`; otherwise says the step has passed and gives null. */
async function atStep(turn: Turn, step: string): Promise<DraftData | null> {
  const flow = turn.flow?.flow === ALERT_FLOW ? turn.flow : null;
  if (flow?.step === step) return flow.data as unknown as DraftData;
  await turn.reply.notice(turn.t("alerts.flow.expired"), { alert: true });
  return null;
}

export const alertsCommand = defineCommand(
  { name: "canhbao", aliases: ["alert"], roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.canhbao" },
  (c) => {
    c.check(officeOnly);

    c.message(async (turn) => {
      const flow = turn.flow?.flow === ALERT_FLOW && !turn.command ? turn.flow : null;
      if (!flow) return askSeverity(turn);
      const data = flow.data as unknown as DraftData;
      if (flow.step === "title") {
        const title = await typedText(turn, TITLE_MAX);
        if (title === null) return;
        await save(turn, "body", { ...data, title });
        return turn.reply.show(turn.t("alerts.flow.askBody", { max: BODY_MAX }));
      }
      if (flow.step === "body") {
        const body = await typedText(turn, BODY_MAX);
        if (body === null) return;
        if (data.correctionOf) return showPreview(turn, { ...data, body });
        await save(turn, "audience", { ...data, body });
        return turn.reply.show({ text: turn.t("alerts.flow.pickAudience"), buttons: audienceButtons(turn) });
      }
      // A step that waits for a button: say so (the flow is still open).
      return turn.reply.show(turn.t("alerts.flow.useButtons"));
    });

    c.action(A.alert.abort, async (turn) => {
      await clearFlow(turn.deps.db, turn.identity!.id);
      await turn.reply.clearButtons();
      await turn.reply.show(turn.t("common.cancelled"));
    });
    c.action(A.alert.restart, (turn) => askSeverity(turn));
    c.action(A.alert.severity, async (turn, { severity }) => {
      if (!isSeverity(severity)) return NOT_HANDLED;
      const data = await atStep(turn, "severity");
      if (!data) return;
      await save(turn, "title", { ...data, severity });
      await turn.reply.show(turn.t("alerts.flow.askTitle", { max: TITLE_MAX }));
    });
    c.action(A.alert.audience, async (turn, { audience }) => {
      const data = await atStep(turn, "audience");
      if (!data) return;
      if (audience === "all") return askRemediation(turn, { ...data, all: true, units: [] });
      const next = { ...data, all: false, units: [] };
      await save(turn, "units", next);
      await turn.reply.show(await unitPicker(turn, next));
    });
    c.action(A.alert.unit, async (turn, { unitId }) => {
      const data = await atStep(turn, "units");
      if (!data) return;
      if (!(await unitsWithActiveStaff(turn.deps.db)).some((u) => u.id === unitId)) return NOT_HANDLED;
      const chosen = new Set(data.units ?? []);
      if (chosen.has(unitId)) chosen.delete(unitId);
      else chosen.add(unitId);
      const updated = { ...data, units: [...chosen] };
      await save(turn, "units", updated);
      await turn.reply.show(await unitPicker(turn, updated), { replace: true });
    });
    c.action(A.alert.unitsDone, async (turn) => {
      const data = await atStep(turn, "units");
      if (!data) return;
      if (!data.units?.length) return turn.reply.notice(turn.t("alerts.flow.noUnits"), { alert: true });
      return askRemediation(turn, data);
    });
    c.action(A.alert.remediation, async (turn, { on }) => {
      const data = await atStep(turn, "remediation");
      if (!data) return;
      const updated = { ...data, remediation: on === "1" };
      const preview = await previewAlert(alertDeps(turn), draftOf(turn, updated), turn.t, turn.now);
      if (preview.recipients === 0) {
        await save(turn, "audience", updated);
        return turn.reply.show({ text: turn.t("alerts.flow.noRecipients"), buttons: audienceButtons(turn) });
      }
      return showPreview(turn, updated);
    });
    c.action(A.alert.send, async (turn) => {
      const data = await atStep(turn, "preview");
      if (!data) return;
      return send(turn, data);
    });
  },
);
