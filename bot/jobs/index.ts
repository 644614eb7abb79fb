// Every scheduled job of the product. Each is a plain function of (now, deps).
import { alertRemindersJob } from "./alert-reminders.js";
import { dailyDigestJob } from "./daily-digest.js";
import { dossierNudgesJob } from "./dossier-nudges.js";
import { housekeepingJob } from "./housekeeping.js";
import { reportDeadlinesJob } from "./report-deadlines.js";
import type { JobDefinition } from "./types.js";
import { weeklyTipJob } from "./weekly-tip.js";

export const JOBS: readonly JobDefinition[] = [dailyDigestJob, reportDeadlinesJob, dossierNudgesJob, housekeepingJob, weeklyTipJob, alertRemindersJob];
