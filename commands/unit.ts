// /donvi: a unit at a glance (its tasks with the unit's latest progress, who has not
// reported lately, overall completion). Heads see their own unit; the office, the
// department's leaders and administrators pick any unit.
import { A } from "../bot/chat/actions.js";
import { defineCommand, NOT_HANDLED } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { seesAllUnits } from "../bot/services/roles.js";
import { getSetting } from "../bot/services/settings.js";
import { unitOverviewPage } from "../bot/services/tasks/format.js";
import { unitOverview, viewableUnits } from "../bot/services/tasks/unit-overview.js";
import { findUnitByLabel } from "../bot/services/units.js";
import { formatEnv, taskEnv, viewerOf } from "./task-context.js";

async function showUnit(turn: Turn, unitId: number, page: number) {
  const viewer = viewerOf(turn);
  const res = await unitOverview(await taskEnv(turn), viewer, unitId, page);
  if (!res.ok) return turn.reply.notice(turn.t(res.reason === "forbidden" ? "unit.forbidden" : "unit.notFound"), { alert: true });
  const dueSoon = await getSetting(turn.deps.db, "tasks.dueSoonWorkingDays");
  const view = unitOverviewPage(formatEnv(turn), res.overview, dueSoon);
  if (seesAllUnits(viewer.role)) view.buttons.push([{ text: turn.t("unit.otherUnits"), data: A.unit.list.build({}) }]);
  await turn.reply.show(view, { replace: true });
}

async function showPicker(turn: Turn) {
  const units = await viewableUnits(turn.deps.db, viewerOf(turn));
  await turn.reply.show({ text: turn.t("unit.pick"), buttons: units.map((u) => [{ text: u.name, data: A.unit.show.build({ id: u.id, page: 0 }) }]) }, { replace: true });
}

export const unitCommand = defineCommand(
  {
    name: "donvi",
    aliases: ["unit"],
    roles: ["truong_phong", "van_phong", "lanh_dao_so", "quan_tri"],
    requiresBinding: true,
    privateOnly: true,
    inMenu: true,
    descriptionKey: "commands.donvi",
  },
  (c) => {
    c.message(async (turn) => {
      const viewer = viewerOf(turn);
      const label = turn.command?.args.trim() ?? "";
      if (label) {
        const unit = await findUnitByLabel(turn.deps.db, label);
        if (!unit) return turn.reply.show(turn.t("unit.unknown", { label }));
        return showUnit(turn, unit.id, 0);
      }
      if (seesAllUnits(viewer.role)) return showPicker(turn);
      return showUnit(turn, viewer.unitId, 0);
    });
    c.action(A.unit.list, (turn) => (seesAllUnits(viewerOf(turn).role) ? showPicker(turn) : NOT_HANDLED));
    c.action(A.unit.show, (turn, { id, page }) => showUnit(turn, id, page));
  },
);
