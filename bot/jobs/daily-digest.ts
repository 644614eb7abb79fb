// The daily digest at DIGEST_TIME on working days: heads get their unit, lãnh đạo Sở and the
// office the whole department. One outbox row per person per day (key digest:<date>:<staff>),
// so a second run of the same day, on any instance, records nothing new. People who chose
// "only when something changed" get it only when a section reports a change.
// Each recipient on their own: one whose digest cannot be built does not stop the others,
// and a retry of the slot builds only the digests still missing.
import { enqueue } from "../delivery/outbox.js";
import { buildDigest, createMemo, digestRecipients, previousDigestAt } from "../services/digest/build.js";
import { staffRecordedToday } from "../services/recorded-today.js";
import { localParts } from "../services/time.js";
import { RecipientErrors } from "../services/recipient-errors.js";
import type { JobDefinition } from "./types.js";

export const dailyDigestJob: JobDefinition = {
  name: "daily-digest",
  schedule: (config) => ({ kind: "daily", times: [config.digestTime], workingDaysOnly: true }),
  async run(now, deps) {
    const { db, config } = deps;
    const calendar = await deps.calendar.get();
    const { date: today } = localParts(now, config.timezone);
    const errors = new RecipientErrors(deps.logger, "daily-digest");
    const memo = createMemo();
    let queued = 0;
    let unchanged = 0;
    let duplicate = 0;
    const recipients = await digestRecipients(db);
    // Already recorded today (an earlier try of this slot): not built again.
    const done = await staffRecordedToday(db, { kind: "digest", keyPrefix: `digest:${today}:`, date: today, timeZone: config.timezone });
    for (const staff of recipients) {
      if (done.has(staff.id)) {
        duplicate++;
        continue;
      }
      await errors.each(`staff:${staff.id}`, async () => {
        const since = await previousDigestAt(db, staff.id, now);
        const digest = await buildDigest({ db, config, i18n: deps.i18n, calendar, now, today, memo }, staff, since);
        if (staff.digestMode === "changes" && !digest.changed) {
          unchanged++;
          return;
        }
        const res = await enqueue(
          db,
          { dedupKey: `digest:${today}:${staff.id}`, kind: "digest", staffId: staff.id, payload: { text: digest.html } },
          { now, timeZone: config.timezone },
        );
        if (res.status === "queued") queued++;
        else if (res.status === "duplicate") duplicate++;
      });
    }
    if (queued) deps.wakeSender();
    return errors.finish({ recipients: recipients.length, queued, unchanged, duplicate });
  },
};
