// Scheduled jobs are plain functions of (now, deps): the scheduler decides when, records
// each run under a (job, slot) key so a slot runs once across restarts and instances, and
// tests call the function with a fixed clock.
import type { i18n as I18n } from "i18next";
import type { AppConfig } from "../config.js";
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import type { CalendarStore } from "../services/working-calendar.js";

export interface JobDeps {
  db: Db;
  config: AppConfig;
  logger: Logger;
  i18n: I18n;
  calendar: CalendarStore;
  /** Tells the sender that messages were recorded (it also polls). */
  wakeSender: () => void;
}

export type JobSchedule =
  /** At fixed local times (HH:MM). A time missed while down runs once at start-up, same day only. */
  | { kind: "daily"; times: readonly string[]; workingDaysOnly: boolean; weekdays?: readonly number[] }
  /** Every N minutes (slots aligned on the clock); missed slots are not replayed. */
  | { kind: "every"; minutes: number; workingDaysOnly: boolean };

export interface JobDefinition {
  name: string;
  schedule: (config: AppConfig) => JobSchedule;
  /** Returns a short summary for the job record. */
  run: (now: Date, deps: JobDeps) => Promise<Record<string, unknown> | void>;
}
