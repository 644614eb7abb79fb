// Every scheduled job of the product. Each is a plain function of (now, deps).
import { alertRemindersJob } from "./alert-reminders.js";
import { housekeepingJob } from "./housekeeping.js";
import type { JobDefinition } from "./types.js";
import { weeklyTipJob } from "./weekly-tip.js";

export const JOBS: readonly JobDefinition[] = [housekeepingJob, weeklyTipJob, alertRemindersJob];
