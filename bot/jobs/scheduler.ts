// Runs the jobs on time with node-schedule (the time zone inside each rule), once per slot:
// a JobRun row with a unique (job, slot) is claimed before running, so a second instance,
// or the same one after a restart, finds the slot taken. A daily slot missed while the
// process was down runs once at start-up if it is from the same local day; older ones are
// skipped rather than flooding people with yesterday's reminders.
import schedule from "node-schedule";
import { localParts } from "../services/time.js";
import { PartialFailure } from "../services/recipient-errors.js";
import type { JobDefinition, JobDeps, JobSchedule } from "./types.js";
import { isUniqueViolation } from "../db/errors.js";

const MAX_ATTEMPTS = 3;
const RETRY_AFTER_MS = 5 * 60_000;

/**
 * Today's failed slots of daily jobs that may be tried again now (periodic jobs just run at
 * their next slot). Exported for tests.
 */
export async function retryableSlots(jobs: readonly JobDefinition[], deps: JobDeps, now: Date): Promise<{ job: JobDefinition; slot: string }[]> {
  const daily = new Map(jobs.filter((j) => j.schedule(deps.config).kind === "daily").map((j) => [j.name, j]));
  if (daily.size === 0) return [];
  const { date } = localParts(now, deps.config.timezone);
  const rows = await deps.db.jobRun.findMany({
    where: { job: { in: [...daily.keys()] }, status: "failed", attempts: { lt: MAX_ATTEMPTS }, finishedAt: { lt: new Date(now.getTime() - RETRY_AFTER_MS) }, slot: { gte: `${date}T`, lt: `${date}U` } }, // a range: the (job, slot) index
    select: { job: true, slot: true },
  });
  return rows.map((r) => ({ job: daily.get(r.job)!, slot: r.slot }));
}

export type SlotOutcome = "done" | "skipped" | "failed" | "taken";

/** Claims the slot and runs the job once. Exported for tests and for catch-up. */
export async function runSlot(job: JobDefinition, slot: string, now: Date, deps: JobDeps, instance: string): Promise<SlotOutcome> {
  const { db, logger } = deps;
  try {
    await db.jobRun.create({ data: { job: job.name, slot, status: "running", instance, startedAt: now } });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // A slot that failed may be retried a few times, by whoever claims it first.
    const retry = await db.jobRun.updateMany({
      where: { job: job.name, slot, status: "failed", attempts: { lt: MAX_ATTEMPTS }, finishedAt: { lt: new Date(now.getTime() - RETRY_AFTER_MS) } },
      data: { status: "running", attempts: { increment: 1 }, instance, startedAt: now, finishedAt: null },
    });
    if (retry.count === 0) return "taken";
  }
  const sched = job.schedule(deps.config);
  if (sched.workingDaysOnly) {
    const calendar = await deps.calendar.get();
    const { date } = localParts(now, deps.config.timezone);
    if (!calendar.isWorkingDay(date)) {
      await db.jobRun.update({ where: { job_slot: { job: job.name, slot } }, data: { status: "skipped", finishedAt: now, detail: "not a working day" } });
      return "skipped";
    }
  }
  try {
    const summary = await job.run(now, deps);
    await db.jobRun.update({
      where: { job_slot: { job: job.name, slot } },
      data: { status: "done", finishedAt: now, detail: summary ? JSON.stringify(summary).slice(0, 2000) : null },
    });
    if (summary) logger.info({ job: job.name, slot, ...summary }, "job done");
    return "done";
  } catch (e) {
    // Some recipients failed, the others were served: the run's figures and who failed are
    // recorded with it, and the slot is retried for the rest (see retryFailed).
    const detail = e instanceof PartialFailure ? JSON.stringify({ ...e.summary, failures: e.failures.slice(0, 20) }) : String((e as Error).message);
    logger.error({ job: job.name, slot, error: (e as Error).message }, "job failed");
    await db.jobRun.update({
      where: { job_slot: { job: job.name, slot } },
      data: { status: "failed", finishedAt: now, detail: detail.slice(0, 2000) },
    });
    return "failed";
  }
}

/** The slot key of a run: local date and time for daily jobs, the aligned minute for periodic ones. */
export function slotKey(s: JobSchedule, at: Date, timeZone: string, time?: string): string {
  const { date, time: now } = localParts(at, timeZone);
  if (s.kind === "daily") return `${date}T${time ?? now}`;
  const [h, m] = now.split(":").map(Number) as [number, number];
  const minutes = Math.floor((h * 60 + m) / s.minutes) * s.minutes;
  return `${date}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Daily slots of today that are already past at `now` (for catch-up at start-up). */
export function missedToday(s: JobSchedule, now: Date, timeZone: string): string[] {
  if (s.kind !== "daily") return [];
  const { date, time } = localParts(now, timeZone);
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (s.weekdays && !s.weekdays.includes(weekday)) return [];
  return s.times.filter((t) => t <= time).map((t) => `${date}T${t}`);
}

export interface Scheduler {
  /** Runs today's missed daily slots (each job's latest), and waits for them. */
  catchUp(): Promise<void>;
  /** Catches up, then schedules everything. */
  start(): Promise<void>;
  /** Cancels future runs and waits for running ones. */
  stop(): Promise<void>;
}

export function createScheduler(jobs: readonly JobDefinition[], deps: JobDeps, opts: { instance: string; clock?: () => Date }): Scheduler {
  const clock = opts.clock ?? (() => new Date());
  const tz = deps.config.timezone;
  const scheduled: schedule.Job[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  const fire = (job: JobDefinition, slot: string): Promise<unknown> => {
    if (stopped) return Promise.resolve();
    const p = runSlot(job, slot, clock(), deps, opts.instance)
      .catch((e: unknown) => deps.logger.error({ job: job.name, error: (e as Error).message }, "job slot could not be claimed"))
      .finally(() => running.delete(p));
    running.add(p);
    return p;
  };

  const catchUp = async () => {
    const now = clock();
    const runs: Promise<unknown>[] = [];
    for (const job of jobs) {
      // Only the latest missed slot of the day: one catch-up, not a burst.
      const latest = missedToday(job.schedule(deps.config), now, tz).at(-1);
      if (latest) runs.push(fire(job, latest));
    }
    await Promise.all(runs);
  };

  // Failed daily slots are tried again (after RETRY_AFTER_MS, a few times, the same day only).
  const retryFailed = async () => {
    for (const { job, slot } of await retryableSlots(jobs, deps, clock())) await fire(job, slot);
  };

  return {
    catchUp,
    async start() {
      await catchUp();
      const retry = schedule.scheduleJob("retry-failed-slots", { rule: "*/5 * * * *", tz }, () => {
        if (stopped) return;
        const p = retryFailed()
          .catch((e: unknown) => deps.logger.error({ error: (e as Error).message }, "failed slots could not be retried"))
          .finally(() => running.delete(p));
        running.add(p);
      });
      if (retry) scheduled.push(retry);
      for (const job of jobs) {
        const s = job.schedule(deps.config);
        if (s.kind === "daily") {
          for (const time of s.times) {
            const [hour, minute] = time.split(":").map(Number) as [number, number];
            const rule = { rule: `${minute} ${hour} * * ${s.weekdays ? s.weekdays.join(",") : "*"}`, tz };
            const j = schedule.scheduleJob(`${job.name}@${time}`, rule, () => fire(job, slotKey(s, clock(), tz, time)));
            if (j) scheduled.push(j);
          }
        } else {
          const rule = { rule: `*/${s.minutes} * * * *`, tz };
          const j = schedule.scheduleJob(job.name, rule, () => fire(job, slotKey(s, clock(), tz)));
          if (j) scheduled.push(j);
        }
      }
    },
    async stop() {
      stopped = true;
      for (const j of scheduled) j.cancel();
      await Promise.allSettled([...running]);
    },
  };
}
