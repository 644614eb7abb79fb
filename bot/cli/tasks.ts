// `tasks [--unit CODE]`, `tasks close CODE`, `tasks reopen CODE`: the plan's tasks for the
// office, and closing a finished task (no more reports) or reopening it. Audited.
import { describeTasks } from "../services/tasks/queries.js";
import { compareTaskCodes } from "../services/tasks/codes.js";
import { setTaskStatus } from "../services/tasks/status.js";
import { localParts } from "../services/time.js";
import { calendarStore } from "../services/working-calendar.js";
import type { CliContext } from "./context.js";
import { formatDate } from "../services/date-text.js";
import { unitOption } from "./unit-option.js";

export async function listTasksCommand(cli: CliContext, unitLabel: string | undefined): Promise<number> {
  const db = cli.db.prisma;
  const unit = await unitOption(cli, unitLabel);
  if (unit === null) return 1;
  const rows = await db.task.findMany({
    where: unit ? { units: { some: { unitId: unit.id } } } : {},
    select: {
      id: true,
      code: true,
      title: true,
      dueDate: true,
      recurring: true,
      status: true,
      units: { select: { unitId: true, role: true, unit: { select: { code: true, sortOrder: true } } } },
    },
  });
  if (rows.length === 0) {
    cli.out(unit ? cli.t("cli.tasks.noneInUnit", { unit: unit.code, name: unit.name }) : cli.t("cli.tasks.none"));
    return 0;
  }
  const env = { db, calendar: await calendarStore(db, cli.config.timezone).get(), today: localParts(cli.now, cli.config.timezone).date };
  const lines = (await describeTasks(env, rows, null)).sort((a, b) => compareTaskCodes(a.code, b.code));
  for (const l of lines) {
    const lead = l.units
      .filter((u) => u.role === "lead")
      .sort((a, b) => a.unit.sortOrder - b.unit.sortOrder)
      .map((u) => u.unit.code)
      .join(",");
    const due = l.recurring ? cli.t("tasks.recurring") : l.dueDate ? formatDate(l.dueDate) : cli.t("tasks.noDue");
    const progress = l.percent === null ? cli.t("tasks.noReport") : `${l.percent}%`;
    const status = cli.t(l.status === "closed" ? "cli.tasks.closed" : "cli.tasks.open");
    cli.out(cli.t("cli.tasks.line", { code: l.code, title: l.title, status, due, lead: lead || "—", progress }));
  }
  return 0;
}

export async function taskStatusCommand(cli: CliContext, change: "close" | "reopen", code: string): Promise<number> {
  const res = await setTaskStatus(cli.db.prisma, { actor: cli.actor }, { code }, change, cli.now);
  if (!res.ok) {
    cli.err(cli.t("cli.tasks.unknown", { code }));
    return 1;
  }
  const params = { code: res.task.code, title: res.task.title, status: cli.t(res.task.status === "closed" ? "cli.tasks.closed" : "cli.tasks.open") };
  const key = !res.changed ? "cli.tasks.unchanged" : change === "close" ? "cli.tasks.closedDone" : "cli.tasks.reopenedDone";
  cli.out(cli.t(key, params));
  return 0;
}
