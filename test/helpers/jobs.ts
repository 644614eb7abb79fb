// Job dependencies for tests: a real database, the real calendar store, a fixed clock.
import { createI18n } from "../../bot/i18n.js";
import { loadConfig } from "../../bot/config.js";
import type { Db } from "../../bot/db/client.js";
import type { JobDeps } from "../../bot/jobs/types.js";
import { calendarStore } from "../../bot/services/working-calendar.js";
import { memoryLogger } from "./logger.js";

export function jobDeps(db: Db, env: Record<string, string> = {}): JobDeps & { wakes: number } {
  const config = loadConfig({ DATABASE_URL: "file:unused", ...env }, { requireToken: false });
  const deps = {
    db,
    config,
    logger: memoryLogger().logger,
    i18n: createI18n(config.defaultLocale),
    calendar: calendarStore(db, config.timezone),
    wakes: 0,
    wakeSender: () => {
      deps.wakes++;
    },
  };
  return deps;
}

/** An instant from a local (Asia/Ho_Chi_Minh) date and time. */
export function vn(date: string, time = "07:30"): Date {
  return new Date(`${date}T${time}:00+07:00`);
}
