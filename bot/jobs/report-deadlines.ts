// Reminders of the plan's periodic reports (quarter I, six months, quarter III, year): each
// unit head and the office are reminded N working days before each deadline (the setting
// reports.reminderWorkingDays, default 5 and 1). Deadlines and their dates are data the
// office can change (ReportDeadline, `npm run cli -- deadlines`).
// A unit that has submitted its report on the period (/nopbaocao) is not reminded; the head of
// one that has not is reminded once per reminder day (its key names the period, the reminder
// day and the unit), and the office's reminder lists the units still missing.
import { enqueue } from "../delivery/outbox.js";
import { isLocale, translator } from "../i18n.js";
import { RecipientErrors } from "../services/recipient-errors.js";
import { deadlineTitle, upcomingDeadline } from "../services/report-deadlines.js";
import { getSetting } from "../services/settings.js";
import { localParts } from "../services/time.js";
import type { JobDefinition } from "./types.js";
import { formatDate } from "../services/date-text.js";
import { periodOf } from "../services/reports/periods.js";
import { latestSubmissions, reportingUnits } from "../services/reports/submissions.js";

export const reportDeadlinesJob: JobDefinition = {
  name: "report-deadlines",
  schedule: () => ({ kind: "daily", times: ["08:00"], workingDaysOnly: true }),
  async run(now, deps) {
    const { db, config } = deps;
    const calendar = await deps.calendar.get();
    const { date: today } = localParts(now, config.timezone);
    const reminderDays = await getSetting(db, "reports.reminderWorkingDays");
    const deadlines = await db.reportDeadline.findMany({ where: { active: true }, orderBy: { id: "asc" } });
    const recipients = await db.staff.findMany({
      where: { active: true, OR: [{ role: "truong_phong", unit: { kind: "internal" } }, { role: "van_phong" }] },
    });
    const errors = new RecipientErrors(deps.logger, "report-deadlines");
    const units = await reportingUnits(db);
    let queued = 0;
    for (const d of deadlines) {
      const due = upcomingDeadline(d, today);
      const left = calendar.workingDaysBetween(today, due.date);
      if (!reminderDays.includes(left)) continue;
      const period = periodOf(d, Number(due.date.slice(0, 4)));
      const submitted = period ? await latestSubmissions(db, period.key) : new Map();
      const missing = units.filter((u) => !submitted.has(u.id));
      for (const s of recipients) {
        const office = s.role === "van_phong";
        // A unit that has reported is not reminded.
        if (!office && submitted.has(s.unitId)) continue;
        await errors.each(`staff:${s.id}`, async () => {
          const t = translator(deps.i18n, isLocale(s.locale) ? s.locale : config.defaultLocale);
          const params = { title: deadlineTitle(t, d), from: formatDate(due.periodFrom), to: formatDate(due.periodTo), due: formatDate(due.date), days: left };
          const lines = [t(office ? "reportDeadline.officeReminder" : "reportDeadline.headReminder", params)];
          if (period && office)
            lines.push(missing.length ? t("periodReports.reminder.officeMissing", { units: missing.map((u) => u.shortName ?? u.name).join(", ") }) : t("periodReports.reminder.officeAllIn"));
          else if (period) lines.push(t("periodReports.reminder.notSubmitted"));
          const res = await enqueue(
            db,
            {
              // Once per reminder day (`left`) of the period (code and due day), per unit for its heads.
              dedupKey: office ? `report-deadline:${d.code}:${due.date}:${left}:${s.id}` : `report-deadline:${d.code}:${due.date}:${left}:unit${s.unitId}:${s.id}`,
              kind: "report-deadline",
              staffId: s.id,
              payload: { text: lines.join("\n\n") },
              refType: "report-deadline",
              refId: d.id,
            },
            { now, timeZone: config.timezone },
          );
          if (res.status === "queued") queued++;
        });
      }
    }
    if (queued) deps.wakeSender();
    return errors.finish({ queued });
  },
};
