// Dossier reminders and escalations, every 30 minutes on working days. The decisions and their
// once-per-working-day keys live in the service; a run outside office hours records nothing.
import { recordDossierNudges } from "../services/dossiers/nudges.js";
import { RecipientErrors } from "../services/recipient-errors.js";
import type { JobDefinition } from "./types.js";

export const dossierNudgesJob: JobDefinition = {
  name: "dossier-nudges",
  schedule: () => ({ kind: "every", minutes: 30, workingDaysOnly: true }),
  async run(now, deps) {
    const errors = new RecipientErrors(deps.logger, "dossier-nudges");
    const summary = await recordDossierNudges(
      { db: deps.db, i18n: deps.i18n, calendar: await deps.calendar.get(), timeZone: deps.config.timezone, defaultLocale: deps.config.defaultLocale },
      now,
      errors,
    );
    if (summary.nudges + summary.escalationsToHeads + summary.escalationsToLeaders > 0) deps.wakeSender();
    return errors.finish({ ...summary });
  },
};
