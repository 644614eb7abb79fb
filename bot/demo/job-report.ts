// What a scheduled job run on demand (`!viec <tên>`) did, in words a civil servant reads: a job
// that sent nothing says why (not a working day, outside office hours, already sent today...),
// from the outcome and the summary the job itself recorded.
import type { SlotOutcome } from "../jobs/scheduler.js";

/** The job's own summary (JobRun.detail), when it left one. */
export type JobSummary = Record<string, unknown> | null;

const n = (s: JobSummary, key: string) => (typeof s?.[key] === "number" ? (s[key] as number) : 0);

/** Why a run that sent nothing sent nothing, per job. */
function whyNothing(job: string, summary: JobSummary): string {
  if (summary?.skipped === "outside working hours") return "ngoài giờ làm việc (nhắc hồ sơ chỉ gửi trong giờ hành chính của ngày làm việc)";
  switch (job) {
    case "daily-digest":
      if (n(summary, "duplicate")) return "bản tin hôm nay đã gửi rồi (mỗi người một bản tin mỗi ngày)";
      if (n(summary, "unchanged")) return "không có gì thay đổi với những người chỉ nhận bản tin khi có thay đổi";
      return "không có người nhận bản tin";
    case "dossier-nudges":
      return n(summary, "duplicates") ? "đã nhắc hôm nay rồi (mỗi hồ sơ một lần mỗi ngày làm việc)" : "không có hồ sơ sắp đến hạn hay quá hạn cần nhắc";
    case "security-tip":
      return "chưa đến giờ gửi mẹo (tips.time), đã hết giờ làm việc, hoặc mọi người đã nhận mẹo hôm nay";
    case "alert-reminders":
      return "không có cảnh báo nào đến lúc nhắc (ai chưa bấm “Đã đọc” được nhắc sau một thời gian, cảnh báo không khẩn chỉ trong giờ làm việc)";
    case "report-deadlines":
      return "hôm nay không phải ngày nhắc hạn báo cáo định kỳ (reports.reminderWorkingDays ngày làm việc trước hạn)";
    case "housekeeping":
      return "việc dọn dẹp không gửi tin";
    default:
      return "không có tin nào cần gửi";
  }
}

/**
 * One line about the run. `sent` counts the messages delivered, by recipient's name; `held`
 * those the run recorded that wait for the end of their recipients' quiet hours. `date` is
 * the demo's date (dd/mm/yyyy), for "not a working day".
 */
export function describeJobRun(job: string, outcome: SlotOutcome, summary: JobSummary, sent: Map<string, number>, held: number, date: string): string {
  if (outcome === "skipped") return `${job}: bỏ qua — ${date} không phải ngày làm việc.`;
  if (outcome === "failed") return `${job}: lỗi khi chạy (xem nhật ký).`;
  if (outcome === "taken") return `${job}: đang chạy ở nơi khác.`;
  const total = [...sent.values()].reduce((a, b) => a + b, 0);
  const waiting = held ? `${held} tin đã ghi, chờ hết giờ yên lặng của người nhận (20:00–07:00 nếu họ không đổi)` : "";
  if (total === 0) return `${job}: ${waiting || `không gửi tin nào — ${whyNothing(job, summary)}`}.`;
  const to = [...sent].map(([name, count]) => (count > 1 ? `${name} (${count})` : name)).join(", ");
  return `${job}: đã gửi ${total} tin — tới ${to}${waiting ? `; ${waiting}` : ""}.`;
}
