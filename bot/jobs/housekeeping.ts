// Nightly tidying: forget handled update ids after Telegram's 24-hour redelivery window
// (with margin), drop expired guided flows, numbered choices and download links, and keep job records and the outbox from growing
// for ever (periodic jobs write a record every few minutes). Only old rows go: a slot is only
// ever run again on its own day, and digests look back to the previous digest only.
import { purgeExpiredChoices } from "../chat/choices.js";
import { purgeDownloadLinks } from "../delivery/downloads.js";
import type { JobDefinition } from "./types.js";

const DAY_MS = 24 * 3600_000;
const KEEP_UPDATE_IDS_MS = 3 * DAY_MS;
const KEEP_JOB_RUNS_MS = 30 * DAY_MS;
const KEEP_OUTBOX_MS = 400 * DAY_MS; // a year of delivery log, and some



export const housekeepingJob: JobDefinition = {
  name: "housekeeping",
  schedule: () => ({ kind: "daily", times: ["03:10"], workingDaysOnly: false }),
  async run(now, { db }) {
    const updates = await db.processedUpdate.deleteMany({ where: { at: { lt: new Date(now.getTime() - KEEP_UPDATE_IDS_MS) }, done: true } });
    const flows = await db.flowState.deleteMany({ where: { expiresAt: { lt: now } } });
    const jobRuns = await db.jobRun.deleteMany({ where: { startedAt: { lt: new Date(now.getTime() - KEEP_JOB_RUNS_MS) }, status: { not: "running" }, job: { not: "seed" } } });
    const outbox = await db.outboxMessage.deleteMany({
      where: { createdAt: { lt: new Date(now.getTime() - KEEP_OUTBOX_MS) }, status: { in: ["sent", "cancelled", "failed", "blocked"] } },
    });
    const choices = await purgeExpiredChoices(db, now);
    const links = await purgeDownloadLinks(db, now);
    return {
      processedUpdatesRemoved: updates.count,
      expiredFlowsRemoved: flows.count,
      jobRunsRemoved: jobRuns.count,
      outboxRemoved: outbox.count,
      expiredChoicesRemoved: choices,
      downloadLinksRemoved: links,
    };
  },
};
