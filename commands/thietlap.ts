// /thietlap (office): the office settings (reminder days, escalation thresholds, office hours,
// the agency's names on documents...), each with its meaning, current value, default and the
// values accepted; changing one is a typed value, checked as the CLI checks it, then a
// confirmation. A refused value is answered in plain Vietnamese, changes nothing and is on
// record; the change itself is written with the audit entry in one transaction.
import { randomInt } from "node:crypto";
import { z } from "zod";
import { A } from "../bot/chat/actions.js";
import { defineCommand, NOT_HANDLED } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { type Button, button } from "../bot/chat/view.js";
import { clearFlow, flowData, setFlow } from "../bot/services/flows.js";
import { OFFICE } from "../bot/services/roles.js";
import { charLength, takeChars } from "../bot/services/safe-text.js";
import { auditRefusedSetting, checkSetting, isSettingKey, listSettings, type SettingRow, setSetting } from "../bot/services/settings.js";
import { dataText } from "../bot/services/data-text.js";
import { officeOnly } from "./office-context.js";

export const SETTINGS_FLOW = "thietlap";
const VALUE_MAX = 200;

/** The setting being changed; at "confirm", the checked value and the nonce its button carries. */
const SettingsDraft = z.object({ key: z.string(), value: z.string().optional(), nonce: z.number().int().optional() });

function valueText(turn: Turn, s: SettingRow): string {
  const value = dataText(turn.t, s.value);
  return s.isDefault ? turn.t("office.thietlap.valueDefault", { value }) : value;
}

async function showList(turn: Turn) {
  const { t } = turn;
  const rows = await listSettings(turn.deps.db);
  const lines = [t("office.thietlap.title"), ""];
  rows.forEach((s, i) => lines.push(t("office.thietlap.line", { n: i + 1, describe: dataText(t, s.describe), value: valueText(turn, s) })));
  lines.push("", t("office.thietlap.hint"));
  const buttons: Button[][] = rows.map((s, i) => [button(`${i + 1}. ${dataText(t, `${takeChars(s.describe, 40)}${charLength(s.describe) > 40 ? "…" : ""}`)}`, A.officeSettings.show.build({ key: s.key }))]);
  await turn.reply.show({ text: lines.join("\n"), buttons }, { replace: true });
}

async function showOne(turn: Turn, key: string) {
  const { t } = turn;
  const s = (await listSettings(turn.deps.db)).find((r) => r.key === key);
  if (!s) return NOT_HANDLED;
  await setFlow(turn.deps.db, turn.identity!.id, { flow: SETTINGS_FLOW, step: "value", data: { key } }, turn.now);
  const text = [
    t("office.thietlap.oneTitle", { describe: dataText(t, s.describe) }),
    t("office.thietlap.key", { key: s.key }),
    t("office.thietlap.current", { value: valueText(turn, s) }),
    t("office.thietlap.default", { value: dataText(t, s.defaultValue) }),
    ...(s.allowed ? [t("office.thietlap.allowed", { allowed: dataText(t, s.allowed) })] : []),
    "",
    t("office.thietlap.askValue"),
  ].join("\n");
  await turn.reply.show({ text, buttons: [[button(t("office.thietlap.backToList"), A.officeSettings.list.build({}))]] }, { replace: true });
}

/** A value typed for `key`: refused with the reason (nothing changed), or shown for confirmation. */
async function propose(turn: Turn, key: string, typed: string) {
  const { t } = turn;
  const db = turn.deps.db;
  const staffId = turn.identity!.staffId;
  if (charLength(typed) > VALUE_MAX) typed = takeChars(typed, VALUE_MAX + 1);
  const current = (await listSettings(db)).find((r) => r.key === key)!;
  const checked = await checkSetting(db, key, typed);
  if (!checked.ok) {
    await auditRefusedSetting(db, key, checked.error, turn.actor, staffId, turn.now);
    return turn.reply.show(t("office.thietlap.refused", { describe: dataText(t, current.describe), error: dataText(t, checked.error), value: dataText(t, current.value) }));
  }
  if (checked.value === current.value) return turn.reply.show(t("office.thietlap.unchanged", { value: dataText(t, current.value) }));
  const nonce = randomInt(1, 999_999_999);
  await setFlow(db, turn.identity!.id, { flow: SETTINGS_FLOW, step: "confirm", data: { key, value: checked.value, nonce } }, turn.now);
  const buttons = [
    [button(t("office.thietlap.confirmYes"), A.officeSettings.confirm.build({ key, nonce }))],
    [button(t("office.thietlap.confirmNo"), A.officeSettings.cancel.build({}))],
  ];
  await turn.reply.show({ text: t("office.thietlap.confirm", { describe: dataText(t, current.describe), key, from: dataText(t, current.value), to: dataText(t, checked.value) }), buttons });
}

export const officeSettingsCommand = defineCommand(
  { name: "thietlap", aliases: ["office_settings"], roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.thietlap" },
  (c) => {
    c.check(officeOnly);
    c.message(async (turn) => {
      const { t } = turn;
      if (turn.command) {
        // "/thietlap", "/thietlap KHÓA" or "/thietlap KHÓA GIÁ_TRỊ".
        const [key, ...rest] = turn.command.args.trim().split(/\s+/).filter(Boolean);
        if (!key) {
          // Typed text after the list is not a reply to an older flow (a search, a report...).
          await clearFlow(turn.deps.db, turn.identity!.id);
          return showList(turn);
        }
        if (!isSettingKey(key)) return turn.reply.show(t("office.thietlap.unknownKey", { key: takeChars(key, 60) }));
        if (rest.length === 0) return showOne(turn, key);
        return propose(turn, key, rest.join(" "));
      }
      const flow = flowData(turn.flow, SETTINGS_FLOW, SettingsDraft);
      if (!flow || !isSettingKey(flow.key)) return showList(turn);
      if (turn.flow!.step === "confirm") return turn.reply.show(t("office.thietlap.useButtons"));
      const text = turn.input.kind === "message" ? turn.input.text : undefined;
      if (text === undefined) return turn.reply.show(t("office.thietlap.textExpected"));
      return propose(turn, flow.key, text);
    });
    c.action(A.officeSettings.list, (turn) => showList(turn));
    c.action(A.officeSettings.show, (turn, { key }) => (isSettingKey(key) ? showOne(turn, key) : NOT_HANDLED));
    c.action(A.officeSettings.cancel, async (turn) => {
      await clearFlow(turn.deps.db, turn.identity!.id);
      await turn.reply.clearButtons();
      await turn.reply.show(turn.t("office.thietlap.cancelled"));
    });
    c.action(A.officeSettings.confirm, async (turn, { key, nonce }) => {
      const flow = flowData(turn.flow, SETTINGS_FLOW, SettingsDraft, ["confirm"]);
      // A stale confirmation (another value typed since, the flow expired): nothing is changed.
      if (!flow || flow.key !== key || flow.nonce !== nonce || flow.value === undefined) return turn.reply.notice(turn.t("office.thietlap.stale"), { alert: true });
      const res = await setSetting(turn.deps.db, key, flow.value, turn.actor, turn.now, turn.identity!.staffId);
      await clearFlow(turn.deps.db, turn.identity!.id);
      await turn.reply.clearButtons();
      if (!res.ok) return turn.reply.show(turn.t("office.thietlap.refusedLate", { error: dataText(turn.t, res.error) }));
      if (key.startsWith("calendar.")) turn.deps.calendar.invalidate();
      await turn.reply.show(turn.t("office.thietlap.saved", { key, value: dataText(turn.t, res.value) }));
    });
  },
);
