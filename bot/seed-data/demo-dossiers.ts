// One-stop dossiers for the demo chat, dated around today (in working days) so that /hoso,
// the reminders and the apology slip have something to show: due soon, due today, overdue,
// waiting for the applicant, and returned. They go through the real import path.
import type { Db } from "../db/client.js";
import { type WorkingCalendar } from "../services/calendar/index.js";
import { applyDossierImport, planDossierImport, recordsFromJson } from "../services/dossiers/import.js";
import { localParts } from "../services/time.js";
import { formatDate } from "../services/date-text.js";

const PROCEDURES = [
  "Cấp giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang chẩn đoán trong y tế)",
  "Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
  "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước",
  "Cấp giấy chứng nhận doanh nghiệp khoa học và công nghệ",
  "Đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá của tổ chức, cá nhân",
];

export async function loadDemoDossiers(db: Db, calendar: WorkingCalendar, now: Date, timeZone: string): Promise<number> {
  const today = localParts(now, timeZone).date;
  const day = (n: number) => formatDate(calendar.addWorkingDays(today, n));
  const rows = [
    { code: "000.00.15.H48-261101-0001", handler: "KH02", procedure: 0, applicant: "Bệnh viện Đa khoa tỉnh", received: -12, due: -2, status: "Đang xử lý" },
    { code: "000.00.15.H48-261105-0002", handler: "KH02", procedure: 1, applicant: "Công ty TNHH Công nghệ Sa Huỳnh", received: -8, due: 0, status: "Đang xử lý" },
    { code: "000.00.15.H48-261110-0003", handler: "QL02", procedure: 2, applicant: "Hợp tác xã Nông nghiệp Tịnh Phong", received: -6, due: 1, status: "Đang xử lý" },
    { code: "000.00.15.H48-261112-0004", handler: "QL02", procedure: 3, applicant: "Công ty CP Cơ khí Dung Quất", received: -4, due: 6, status: "Chờ bổ sung" },
    { code: "000.00.15.H48-261115-0005", handler: "CS02", procedure: 4, applicant: "Công ty TNHH Thực phẩm Mỹ Khê", received: -3, due: 9, status: "Đang xử lý" },
    { code: "000.00.15.H48-261020-0006", handler: "CS02", procedure: 4, applicant: "Cơ sở sản xuất nước mắm Sa Huỳnh", received: -20, due: -10, status: "Đã trả đúng hạn", returned: -11 },
  ];
  const body = rows.map((r) => ({
    "Mã hồ sơ": r.code,
    "Tên thủ tục": PROCEDURES[r.procedure]!,
    "Người nộp": r.applicant,
    "Ngày tiếp nhận": `${day(r.received)} 08:30`,
    "Ngày hẹn trả": day(r.due),
    "Cán bộ xử lý": r.handler,
    "Trạng thái": r.status,
    ...(r.returned !== undefined ? { "Ngày trả kết quả": day(r.returned) } : {}),
  }));
  const plan = await planDossierImport(db, recordsFromJson(body), { calendar, timeZone, now });
  if (plan.problems.length) throw new Error(plan.problems.map((p) => p.message).join("\n"));
  const summary = await applyDossierImport(db, plan, { calendar, actor: "demo", now, source: "import" });
  return summary.created;
}
