// The office's command-line tool (`npm run cli -- <command>`); returns the exit code.
import { parseArgs } from "node:util";
import { ConfigError } from "../config.js";
import { alertFromFile, cancelAlertCommand, listAlertsCommand, quizStatsCommand } from "./alerts.js";
import { type CliContext, type CliIo, openCliContext } from "./context.js";
import { apiTokenCommand } from "./api-tokens.js";
import { importDossiers } from "./import-dossiers.js";
import { importHolidays } from "./import-holidays.js";
import { importStaff } from "./import-staff.js";
import { importTasks } from "./import-tasks.js";
import { inviteStaff } from "./invite.js";
import { inviteSheetCommand, templateCommand } from "./office-files.js";
import { MAX_INVITE_TTL_HOURS } from "../services/invites.js";
import { listStaffCommand, listUnitsCommand } from "./registry.js";
import { auditCommand, calendarCommand, findStaffCommand, showStaffCommand, unbindCommand } from "./office.js";
import { deadlinesCommand, deliveryCommand } from "./delivery.js";
import { settingsCommand } from "./settings.js";
import { listTasksCommand, taskStatusCommand } from "./tasks.js";
import { closePeriodCommand, reportCommand } from "./report.js";
import { indicatorsCommand, parseIndicatorArgs } from "./indicators.js";

const USAGE = `Cách dùng / usage: npm run cli -- <lệnh>
  import staff TỆP [--dry-run] [--deactivate-missing]   nhập danh sách cán bộ (CSV/XLSX)
  import dossiers TỆP [--dry-run]                       nhập hồ sơ từ tệp xuất của hệ thống một cửa
  import holidays TỆP [--dry-run]                       nhập thông báo lịch nghỉ lễ, làm bù (Ngày, Tên, Loại)
  api-token create TÊN | revoke TÊN | list              khóa cho hệ thống gửi hồ sơ qua POST /api/dossiers
  import tasks TỆP [--dry-run]                          nhập, cập nhật nhiệm vụ kế hoạch (CSV/XLSX)
  tasks [--unit ĐƠN_VỊ]                                 danh sách nhiệm vụ, tiến độ (đơn vị: mã, tên hoặc tên viết tắt)
  tasks close MÃ_NHIỆM_VỤ | tasks reopen MÃ_NHIỆM_VỤ    đóng nhiệm vụ đã xong (không nhận báo cáo) / mở lại
  invite MÃ_CÁN_BỘ [--hours N]                          tạo mã mời dùng một lần (N: 1..720 giờ)
  invite-sheet --out TỆP.xlsx [--unit ĐƠN_VỊ] [--hours N]  bảng mã mời, link, mã QR cho người chưa gắn tài khoản
  template LOẠI --out TỆP.xlsx                          bảng tính mẫu (LOẠI: staff, tasks, dossiers, holidays)
  units                                                 danh sách đơn vị
  staff [--unit ĐƠN_VỊ]                                 danh sách cán bộ
  staff --find TÊN_HOẶC_MÃ                              tìm cán bộ theo tên (có dấu hay không), mã, đơn vị; kênh đã gắn, lần hoạt động cuối
  staff show MÃ_CÁN_BỘ                                  một cán bộ: các tài khoản chat theo kênh, lần hoạt động cuối
  unbind MÃ_CÁN_BỘ [--platform telegram|zalo]           hủy gắn tài khoản chat của cán bộ (mọi kênh, hoặc một kênh)
  settings                                              các thiết lập và giá trị hiện tại
  settings set KHÓA GIÁ_TRỊ                             đổi một thiết lập (ví dụ: settings set tasks.staleReportDays 10)
  delivery [--days N]                                   nhật ký gửi tin tự động (mặc định: hôm nay)
  deadlines                                             hạn các báo cáo định kỳ
  deadlines set MÃ NGÀY/THÁNG                           đổi hạn một báo cáo (ví dụ: deadlines set q1 05/03)
  audit [--limit N] [--who MÃ|cli|THAO_TÁC] [--date NGÀY] [--kind LOẠI]
                                                        nhật ký kiểm tra gần nhất (LOẠI: denied, account, settings, import, alert, command)
  calendar [THÁNG/NĂM]                                  lịch làm việc một tháng: ngày nghỉ lễ, nghỉ bù, làm bù; tình trạng nhập thông báo
  alert --file TỆP [--dry-run]                          gửi cảnh báo ATTT từ tệp JSON (xem README)
  alert cancel SỐ                                       hủy một cảnh báo
  alerts [SỐ]                                           tình trạng các cảnh báo (hoặc của một cảnh báo)
  quiz-stats [--since YYYY-MM-DD]                       tỷ lệ tham gia, trả lời đúng trắc nghiệm mẹo ATTT theo đơn vị
  report --period KỲ --out THƯ_MỤC                      báo cáo định kỳ của Sở (.docx, .xlsx); KỲ: 2027-Q1, 2027-H1, 2027-Q3, 2027
  report close KỲ                                       khoá kỳ báo cáo (đơn vị không nộp, sửa báo cáo được nữa)
  indicators list [--period KỲ]                         chỉ số kế hoạch của kỳ (KỲ: 2027-Q1, 2027-H1, 2027-Q3, 2027; mặc định: kỳ hiện tại)
  indicators set --period KỲ --key KHÓA --value GIÁ_TRỊ --source NGUỒN [--date NGÀY]
                                                        nhập chỉ số (dvc_muc_3_4, van_ban_dien_tu: %; he_thong_dung_chung: số đơn vị)`;

const VALUE_OPTIONS = ["hours", "unit", "limit", "file", "since", "days", "find", "platform", "who", "date", "kind", "period", "out"] as const;

/**
 * `--hours -1` is the office's typo to answer, not a parse error: a value option takes the next
 * argument whatever it looks like (parseArgs would refuse one starting with "-").
 */
function joinOptionValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if ((VALUE_OPTIONS as readonly string[]).includes(a.slice(2)) && a.startsWith("--") && i + 1 < argv.length) out.push(`${a}=${argv[++i]}`);
    else out.push(a);
  }
  return out;
}

export async function runCli(argv: string[], io: CliIo = {}): Promise<number> {
  const err = io.err ?? ((l: string) => process.stderr.write(`${l}\n`));
  if (argv[0] === "indicators") return runIndicatorsCli(argv.slice(1), io, err);
  let parsed;
  try {
    parsed = parseArgs({
      args: joinOptionValues(argv),
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        "deactivate-missing": { type: "boolean", default: false },
        ...(Object.fromEntries(VALUE_OPTIONS.map((o) => [o, { type: "string" }])) as Record<(typeof VALUE_OPTIONS)[number], { type: "string" }>),
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    err((e as Error).message);
    err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, sub, arg] = positionals;
  // Asked for (help, --help): the usage on stdout, exit 0. Anything else that ends here (no
  // command, a command incomplete) is a mistake: the usage on stderr, exit 2.
  const asked = values.help || command === "help";
  const usage = () => {
    if (asked) (io.out ?? ((l: string) => process.stdout.write(`${l}\n`)))(USAGE);
    else err(USAGE);
    return asked ? 0 : 2;
  };
  if (!command || asked) return usage();

  const positiveInt = (v: string | undefined, name: string, max = 99_999): number | undefined | null => {
    if (v === undefined) return undefined;
    if (/^\d{1,6}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= max) return Number(v);
    err(`--${name} ${JSON.stringify(v)}: cần số nguyên từ 1 đến ${max} (expected a whole number from 1 to ${max})`);
    return null;
  };

  const cli = await openOrExplain(io, err);
  if (!cli) return 2;
  try {
    switch (command) {
      case "import":
        if (sub === "staff" && arg) return await importStaff(cli, arg, { dryRun: values["dry-run"]!, deactivateMissing: values["deactivate-missing"]! });
        if (sub === "dossiers" && arg) return await importDossiers(cli, arg, { dryRun: values["dry-run"]! });
        if (sub === "holidays" && arg) return await importHolidays(cli, arg, { dryRun: values["dry-run"]! });
        if (sub === "tasks" && arg) return await importTasks(cli, arg, { dryRun: values["dry-run"]! });
        return usage();
      case "invite": {
        // At most 30 days, as INVITE_TTL_HOURS: an invite is a key to someone's account.
        const hours = positiveInt(values.hours, "hours", MAX_INVITE_TTL_HOURS);
        if (hours === null) return 2;
        if (!sub) return usage();
        return await inviteStaff(cli, sub, hours);
      }
      case "invite-sheet": {
        const hours = positiveInt(values.hours, "hours", MAX_INVITE_TTL_HOURS);
        if (hours === null) return 2;
        if (sub !== undefined || !values.out) return usage();
        return await inviteSheetCommand(cli, { unit: values.unit, hours, out: values.out });
      }
      case "template":
        if (!sub || arg !== undefined || !values.out) return usage();
        return await templateCommand(cli, sub, values.out);
      case "api-token": {
        if (sub !== "create" && sub !== "revoke" && sub !== "list") return usage();
        const code = await apiTokenCommand(cli, sub, arg);
        return code === 2 ? usage() : code;
      }
      case "tasks":
        if (sub === undefined) return await listTasksCommand(cli, values.unit);
        if ((sub === "close" || sub === "reopen") && arg && positionals[3] === undefined) return await taskStatusCommand(cli, sub, arg);
        return usage();
      case "units":
        return await listUnitsCommand(cli);
      case "staff":
        if (sub === "show" && arg) return await showStaffCommand(cli, arg);
        if (sub !== undefined) return usage();
        if (values.find !== undefined) return await findStaffCommand(cli, values.find);
        return await listStaffCommand(cli, values.unit);
      case "unbind":
        if (!sub) return usage();
        return await unbindCommand(cli, sub, values.platform);
      case "calendar":
        return await calendarCommand(cli, sub);
      case "settings":
        if (sub === undefined) return await settingsCommand(cli, undefined, undefined);
        if (sub !== "set" || !arg || positionals[3] === undefined) return usage();
        return await settingsCommand(cli, arg, positionals.slice(3).join(" "));
      case "delivery": {
        const days = positiveInt(values.days, "days");
        if (days === null) return 2;
        return await deliveryCommand(cli, days ?? 1);
      }
      case "deadlines":
        if (sub === undefined) return await deadlinesCommand(cli, undefined, undefined);
        if (sub !== "set" || !arg) return usage();
        return await deadlinesCommand(cli, arg, positionals[3]);
      case "audit": {
        const limit = positiveInt(values.limit, "limit");
        if (limit === null) return 2;
        return await auditCommand(cli, { limit: limit ?? 50, who: values.who, date: values.date, kind: values.kind });
      }
      case "alert": {
        if (sub === "cancel" && arg && /^\d{1,9}$/.test(arg)) return await cancelAlertCommand(cli, Number(arg));
        if (sub === undefined && values.file) return await alertFromFile(cli, values.file, { dryRun: values["dry-run"]! });
        return usage();
      }
      case "alerts":
        if (sub !== undefined && !/^\d{1,9}$/.test(sub)) return usage();
        return await listAlertsCommand(cli, sub === undefined ? undefined : Number(sub));
      case "quiz-stats":
        return await quizStatsCommand(cli, values.since);
      case "report":
        if (sub === "close" && arg && positionals[3] === undefined) return await closePeriodCommand(cli, arg);
        if (sub === undefined && values.period && values.out) return await reportCommand(cli, values.period, values.out);
        return usage();
      default:
        err(cli.t("cli.unknownCommand", { command }));
        return usage();
    }
  } finally {
    await cli.db.close();
  }
}

/** `indicators ...`: options of its own (--period, --key, --value, --source, --date). */
async function runIndicatorsCli(argv: string[], io: CliIo, err: (line: string) => void): Promise<number> {
  const args = parseIndicatorArgs(argv);
  if (typeof args === "string" || (args.sub !== "list" && args.sub !== "set")) {
    if (typeof args === "string") err(args);
    err(USAGE);
    return 2;
  }
  const cli = await openOrExplain(io, err);
  if (!cli) return 2;
  try {
    const code = await indicatorsCommand(cli, args);
    if (code === 2) err(USAGE);
    return code;
  } finally {
    await cli.db.close();
  }
}

/** The CLI's context; null when the configuration is wrong (its lines said on stderr). */
async function openOrExplain(io: CliIo, err: (line: string) => void): Promise<CliContext | null> {
  try {
    return await openCliContext(io);
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const line of e.lines) err(line);
      return null;
    }
    throw e;
  }
}
