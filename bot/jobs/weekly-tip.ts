// The scheduled security tip. The day and time are office settings (`tips.weekday`,
// `tips.time`) that can change while the bot runs, so the job wakes every 5 minutes on
// working days and the service decides whether the tip is due (once per person and day).
import { sendScheduledTips } from "../services/tips/scheduled.js";
import { RecipientErrors } from "../services/recipient-errors.js";
import type { JobDefinition } from "./types.js";

export const weeklyTipJob: JobDefinition = {
  name: "security-tip",
  schedule: () => ({ kind: "every", minutes: 5, workingDaysOnly: true }),
  async run(now, deps) {
    const errors = new RecipientErrors(deps.logger, "security-tip");
    const result = await sendScheduledTips(
      { db: deps.db, i18n: deps.i18n, timeZone: deps.config.timezone, defaultLocale: deps.config.defaultLocale, calendar: await deps.calendar.get() },
      now,
      errors,
    );
    if (result.queued > 0) deps.wakeSender();
    // Quiet runs (not yet the time, or everyone already has today's tip) leave no summary.
    // Someone missed: the run is recorded as failed with who (the next slot tries them again).
    errors.finish({ ...result });
    return result.queued > 0 || result.unreachable > 0 ? { ...result } : undefined;
  },
};
