// Reminds those who have not acknowledged an alert, then tells their heads. Runs every
// 5 minutes, day and night: Khẩn alerts are chased outside working hours too; the service
// leaves the others until working time.
import { runAlertReminders } from "../services/alerts/reminders.js";
import { RecipientErrors } from "../services/recipient-errors.js";
import type { JobDefinition } from "./types.js";

export const alertRemindersJob: JobDefinition = {
  name: "alert-reminders",
  schedule: () => ({ kind: "every", minutes: 5, workingDaysOnly: false }),
  async run(now, deps) {
    const errors = new RecipientErrors(deps.logger, "alert-reminders");
    const result = await runAlertReminders(
      { db: deps.db, i18n: deps.i18n, timeZone: deps.config.timezone, defaultLocale: deps.config.defaultLocale, calendar: await deps.calendar.get() },
      now,
      errors,
    );
    if (result.reminded + result.escalationMessages > 0) deps.wakeSender();
    // A run with someone missed is recorded as failed with who, and the slot is retried.
    const summary = errors.finish({ ...result });
    return result.reminded + result.escalationMessages > 0 ? summary : undefined;
  },
};
