// The daily digest at DIGEST_TIME on working days: heads get their unit, lãnh đạo Sở and the
// office the whole department. One outbox row per person per day (key digest:<date>:<staff>),
// so a second run of the same day, on any instance, records nothing new. People who chose
// "only when something changed" get it only when a section reports a change.
import { enqueue } from "../delivery/outbox.js";
import { buildDigest, digestRecipients, previousDigestAt } from "../services/digest/build.js";
import { localParts } from "../services/time.js";
import type { JobDefinition } from "./types.js";

export const dailyDigestJob: JobDefinition = {
  name: "daily-digest",
  schedule: (config) => ({ kind: "daily", times: [config.digestTime], workingDaysOnly: true }),
  async run(now, deps) {
    const { db, config } = deps;
    const calendar = await deps.calendar.get();
    const { date: today } = localParts(now, config.timezone);
    let queued = 0;
    let unchanged = 0;
    let duplicate = 0;
    for (const staff of await digestRecipients(db)) {
      const since = await previousDigestAt(db, staff.id, now);
      const digest = await buildDigest({ db, config, i18n: deps.i18n, calendar, now, today }, staff, since);
      if (staff.digestMode === "changes" && !digest.changed) {
        unchanged++;
        continue;
      }
      const res = await enqueue(
        db,
        { dedupKey: `digest:${today}:${staff.id}`, kind: "digest", staffId: staff.id, payload: { text: digest.html } },
        { now, timeZone: config.timezone },
      );
      if (res.status === "queued") queued++;
      else if (res.status === "duplicate") duplicate++;
    }
    if (queued) deps.wakeSender();
    return { queued, unchanged, duplicate };
  },
};
