// The bot's commands, in the order of the command menu and of /trogiup.
import type { CommandModule, CommandSpec } from "../bot/chat/command.js";
import { alertAckCommand } from "./alert-ack.js";
import { alertStatusCommand } from "./alert-status.js";
import { alertsCommand } from "./alerts.js";
import { apologyCommand } from "./apology.js";
import { auditLogCommand } from "./nhatky.js";
import { calendarCommand } from "./lich.js";
import { cancelCommand } from "./cancel.js";
import { deliveryLogCommand } from "./delivery-log.js";
import { dossiersCommand } from "./dossiers.js";
import { helpCommand } from "./help.js";
import { importFileCommand } from "./import-file.js";
import { inviteCommand } from "./invite.js";
import { templatesCommand } from "./templates.js";
import { indicatorsCommand } from "./indicators.js";
import { remediationCommand } from "./remediation.js";
import { reportCommand } from "./report.js";
import { officeSettingsCommand } from "./thietlap.js";
import { settingsCommand } from "./settings.js";
import { staffDirectoryCommand } from "./canbo.js";
import { startCommand } from "./start.js";
import { tasksCommand } from "./tasks.js";
import { tipsCommand } from "./tips.js";
import { unitCommand } from "./unit.js";
import { submitReportCommand } from "./submit-report.js";
import { periodReportCommand } from "./period-report.js";

export function buildCommands(): CommandModule[] {
  const modules: CommandModule[] = [];
  const specs = (): readonly CommandSpec[] => modules.map((m) => m.spec);
  modules.push(
    startCommand(),
    tasksCommand,
    reportCommand,
    unitCommand,
    dossiersCommand,
    apologyCommand,
    tipsCommand,
    remediationCommand,
    alertsCommand,
    alertStatusCommand,
    alertAckCommand,
    deliveryLogCommand,
    // The office's everyday actions (issue 15, item 3).
    staffDirectoryCommand,
    officeSettingsCommand,
    auditLogCommand,
    calendarCommand,
    importFileCommand,
    templatesCommand,
    inviteCommand,
    submitReportCommand,
    periodReportCommand,
    indicatorsCommand,
    helpCommand(specs),
    settingsCommand(),
    cancelCommand,
  );

  const names = new Set<string>();
  for (const m of modules) {
    for (const n of [m.spec.name, ...(m.spec.aliases ?? [])]) {
      if (names.has(n)) throw new Error(`command ${n} declared twice`);
      names.add(n);
    }
  }
  return modules;
}
