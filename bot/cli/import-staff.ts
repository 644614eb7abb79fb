// `import staff FILE [--dry-run] [--deactivate-missing]`
import { cellToText, formatProblems, readRecords } from "../import/index.js";
import {
  applyStaffImport,
  planStaffImport,
  STAFF_COLUMNS,
  type StaffColumn,
  type StaffImportRow,
} from "../services/staff-import.js";
import type { CliContext } from "./context.js";

const SPEC = [
  { key: "code", label: STAFF_COLUMNS.code, aliases: ["Mã CB", "Mã số cán bộ", "Mã nhân viên"], required: true },
  { key: "fullName", label: STAFF_COLUMNS.fullName, aliases: ["Họ tên", "Họ và tên cán bộ"], required: true },
  { key: "unit", label: STAFF_COLUMNS.unit, aliases: ["Phòng", "Phòng ban", "Phòng, đơn vị"], required: true },
  { key: "role", label: STAFF_COLUMNS.role, aliases: ["Chức vụ", "Vai trò trên hệ thống"] },
  { key: "email", label: STAFF_COLUMNS.email, aliases: ["Thư điện tử", "E-mail"] },
  { key: "phone", label: STAFF_COLUMNS.phone, aliases: ["Số điện thoại", "SĐT", "Di động"] },
] as const;

export async function importStaff(
  cli: CliContext,
  file: string,
  opts: { dryRun: boolean; deactivateMissing: boolean },
): Promise<number> {
  const { t } = cli;
  const read = await readRecords({ path: file }, SPEC);
  if (read.problems.length) {
    cli.err(formatProblems(read.problems));
    cli.err(t("cli.nothingWritten"));
    return 1;
  }
  const rows: StaffImportRow[] = read.records.map((r) => ({
    rowNumber: r.rowNumber,
    code: cellToText(r.data.code),
    fullName: cellToText(r.data.fullName),
    unit: cellToText(r.data.unit),
    role: cellToText(r.data.role),
    email: cellToText(r.data.email),
    phone: cellToText(r.data.phone),
  }));
  const plan = await planStaffImport(cli.db.prisma, rows, (c: StaffColumn) => read.columns[c]?.header ?? STAFF_COLUMNS[c]);
  if (plan.problems.length) {
    cli.err(formatProblems(plan.problems));
    cli.err(t("cli.nothingWritten"));
    return 1;
  }
  const summary = { rows: rows.length, created: plan.creates, updated: plan.updates, unchanged: plan.unchanged };
  // Deactivation is only spoken of when asked for (--deactivate-missing): otherwise nobody is.
  if (opts.dryRun) {
    cli.out(t("cli.staff.dryRun", summary));
    if (opts.deactivateMissing) {
      const missing = await cli.db.prisma.staff.count({ where: { active: true, code: { notIn: plan.records.map((r) => r.code) } } });
      cli.out(t("cli.staff.wouldDeactivate", { count: missing }));
    }
    return 0;
  }
  const result = await applyStaffImport(cli.db.prisma, plan, {
    actor: cli.actor,
    now: cli.now,
    deactivateMissing: opts.deactivateMissing,
  });
  cli.out(t("cli.staff.imported", summary));
  if (opts.deactivateMissing) cli.out(t("cli.staff.deactivated", { count: result.deactivated }));
  return 0;
}
