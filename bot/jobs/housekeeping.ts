// Nightly tidying: forget handled update ids after Telegram's 24-hour redelivery window
// (with margin) and drop expired guided flows.
import type { JobDefinition } from "./types.js";

const KEEP_UPDATE_IDS_MS = 3 * 24 * 3600_000;

export const housekeepingJob: JobDefinition = {
  name: "housekeeping",
  schedule: () => ({ kind: "daily", times: ["03:10"], workingDaysOnly: false }),
  async run(now, { db }) {
    const updates = await db.processedUpdate.deleteMany({ where: { at: { lt: new Date(now.getTime() - KEEP_UPDATE_IDS_MS) }, done: true } });
    const flows = await db.flowState.deleteMany({ where: { expiresAt: { lt: now } } });
    return { processedUpdatesRemoved: updates.count, expiredFlowsRemoved: flows.count };
  },
};
