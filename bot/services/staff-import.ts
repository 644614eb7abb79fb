// Importing the staff registry: every row is checked first; if any row is bad, nothing is
// written and every problem is reported with its row number.
import type { Db } from "../db/client.js";
import { Prisma } from "../../prisma/generated/sqlite/client.js";
import { customProblem, type ImportProblem, quote } from "../import/problems.js";
import { cellToText, type ColumnSpec, readRecords, type ReadTableInput } from "../import/index.js";
import { audit } from "./audit.js";
import { isRole, ROLE_LABELS, type Role } from "./roles.js";
import { cleanText, foldText } from "./text.js";
import { isStaffUnit, listUnits, unitResolver } from "./units.js";
import { inChunks } from "./chunks.js";

export interface StaffImportRow {
  rowNumber: number;
  code: string;
  fullName: string;
  unit: string;
  role: string;
  email: string;
  phone: string;
}

export type StaffColumn = "code" | "fullName" | "unit" | "role" | "email" | "phone";

/** The documented headers of the staff spreadsheet. */
export const STAFF_COLUMNS: Record<StaffColumn, string> = {
  code: "Mã cán bộ",
  fullName: "Họ và tên",
  unit: "Đơn vị",
  role: "Vai trò",
  email: "Email",
  phone: "Điện thoại",
};

/** The staff spreadsheet's columns and the other names they are known by. */
export const STAFF_SPEC = [
  { key: "code", label: STAFF_COLUMNS.code, aliases: ["Mã CB", "Mã số cán bộ", "Mã nhân viên"], required: true },
  { key: "fullName", label: STAFF_COLUMNS.fullName, aliases: ["Họ tên", "Họ và tên cán bộ"], required: true },
  { key: "unit", label: STAFF_COLUMNS.unit, aliases: ["Phòng", "Phòng ban", "Phòng, đơn vị"], required: true },
  { key: "role", label: STAFF_COLUMNS.role, aliases: ["Chức vụ", "Vai trò trên hệ thống"] },
  { key: "email", label: STAFF_COLUMNS.email, aliases: ["Thư điện tử", "E-mail"] },
  { key: "phone", label: STAFF_COLUMNS.phone, aliases: ["Số điện thoại", "SĐT", "Di động"] },
] as const satisfies readonly ColumnSpec<StaffColumn>[];

/** Reads a staff spreadsheet and checks it (the CLI and the chat import alike). Writes nothing. */
export async function planStaffFile(db: Db, input: ReadTableInput): Promise<StaffImportPlan> {
  const read = await readRecords(input, STAFF_SPEC);
  if (read.problems.length) return { problems: read.problems, records: [], creates: 0, updates: 0, unchanged: 0 };
  const rows: StaffImportRow[] = read.records.map((r) => ({
    rowNumber: r.rowNumber,
    code: cellToText(r.data.code),
    fullName: cellToText(r.data.fullName),
    unit: cellToText(r.data.unit),
    role: cellToText(r.data.role),
    email: cellToText(r.data.email),
    phone: cellToText(r.data.phone),
  }));
  return planStaffImport(db, rows, (c: StaffColumn) => read.columns[c]?.header ?? STAFF_COLUMNS[c]);
}

/** Active staff a full-registry import would deactivate (those absent from the file). */
export async function countMissingStaff(db: Db, plan: StaffImportPlan): Promise<number> {
  const inFile = new Set(plan.records.map((r) => r.code));
  const active = await db.staff.findMany({ where: { active: true }, select: { code: true } });
  return active.filter((s) => !inFile.has(s.code)).length;
}

export interface StaffRecord {
  rowNumber: number;
  code: string;
  fullName: string;
  unitId: number;
  role: Role;
  email: string | null;
  phone: string | null;
}

export interface StaffImportPlan {
  problems: ImportProblem[];
  records: StaffRecord[];
  creates: number;
  updates: number;
  unchanged: number;
}

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._\/-]{0,31}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const roleByLabel = new Map<string, Role>();
for (const [role, labels] of Object.entries(ROLE_LABELS) as [Role, string[]][]) {
  roleByLabel.set(foldText(role), role);
  roleByLabel.set(foldText(role.replace(/_/g, " ")), role);
  for (const l of labels) roleByLabel.set(foldText(l), role);
}

export function parseRole(label: string): Role | undefined {
  const key = foldText(label);
  return isRole(key) ? key : roleByLabel.get(key);
}

/** Vietnamese phone numbers: 0xxxxxxxxx or +84xxxxxxxxx, dots and spaces allowed. */
export function normalizePhone(raw: string): string | undefined {
  const digits = raw.replace(/[\s.()-]/g, "");
  const local = digits.startsWith("+84") ? `0${digits.slice(3)}` : digits.startsWith("84") && digits.length === 11 ? `0${digits.slice(2)}` : digits;
  return /^0\d{9,10}$/.test(local) ? local : undefined;
}

/**
 * Checks every row against the registry's rules. `columnName` gives the header as the user
 * wrote it, so messages point at their own spreadsheet.
 */
export async function planStaffImport(
  db: Db,
  rows: StaffImportRow[],
  columnName: (c: StaffColumn) => string = (c) => STAFF_COLUMNS[c],
): Promise<StaffImportPlan> {
  const units = await listUnits(db);
  const resolveUnit = unitResolver(units);
  const staffUnitNames = units.filter(isStaffUnit).map((u) => u.name).join("; ");
  const problems: ImportProblem[] = [];
  const records: StaffRecord[] = [];
  const firstRowOfCode = new Map<string, number>();

  for (const row of rows) {
    const before = problems.length;
    const add = (column: StaffColumn, code: string, detail: string, params: Record<string, string | number> = {}) =>
      problems.push(customProblem({ rowNumber: row.rowNumber, column: columnName(column) }, `staff.${code}`, detail, params));

    const code = cleanText(row.code).toUpperCase();
    if (!code) add("code", "required", "thiếu mã cán bộ.");
    else if (!CODE_RE.test(code))
      add("code", "bad_code", `mã ${quote(code)} không hợp lệ; mã gồm chữ, số và . _ - /, tối đa 32 ký tự.`, { value: code });
    else if (firstRowOfCode.has(code))
      add("code", "duplicate_code", `mã ${quote(code)} trùng với dòng ${firstRowOfCode.get(code)}.`, { value: code, row: firstRowOfCode.get(code)! });
    else firstRowOfCode.set(code, row.rowNumber);

    const fullName = cleanText(row.fullName);
    if (!fullName) add("fullName", "required", "thiếu họ và tên.");
    else if (fullName.length > 100) add("fullName", "too_long", "họ và tên dài quá 100 ký tự.", { max: 100 });

    const unitLabel = cleanText(row.unit);
    const unit = unitLabel ? resolveUnit(unitLabel) : undefined;
    if (!unitLabel) add("unit", "required", "thiếu đơn vị.");
    else if (!unit)
      add("unit", "unknown_unit", `không có đơn vị ${quote(unitLabel)}; các đơn vị của Sở: ${staffUnitNames}.`, {
        value: unitLabel,
        known: staffUnitNames,
      });
    else if (!isStaffUnit(unit))
      add("unit", "external_unit", `${quote(unit.name)} không phải phòng, đơn vị thuộc Sở.`, { value: unit.name });

    const roleLabel = cleanText(row.role);
    const role = roleLabel ? parseRole(roleLabel) : "chuyen_vien";
    if (!role)
      add(
        "role",
        "unknown_role",
        `vai trò ${quote(roleLabel)} không có; dùng một trong: Chuyên viên, Trưởng phòng, Văn phòng, Lãnh đạo Sở, Quản trị.`,
        { value: roleLabel },
      );

    const email = cleanText(row.email).toLowerCase();
    if (email && (!EMAIL_RE.test(email) || email.length > 254))
      add("email", "bad_email", `địa chỉ thư ${quote(email)} không hợp lệ.`, { value: email });

    const phoneRaw = cleanText(row.phone);
    const phone = phoneRaw ? normalizePhone(phoneRaw) : undefined;
    if (phoneRaw && !phone)
      add("phone", "bad_phone", `số điện thoại ${quote(phoneRaw)} không hợp lệ; cần dạng 0xxxxxxxxx hoặc +84xxxxxxxxx.`, {
        value: phoneRaw,
      });

    if (problems.length === before && unit && role) {
      records.push({ rowNumber: row.rowNumber, code, fullName, unitId: unit.id, role, email: email || null, phone: phone ?? null });
    }
  }

  let creates = 0;
  let updates = 0;
  let unchanged = 0;
  if (problems.length === 0 && records.length > 0) {
    const existing = new Map(
      (await inChunks(records.map((r) => r.code), (codes) => db.staff.findMany({ where: { code: { in: codes } } }))).map((s) => [s.code, s]),
    );
    for (const r of records) {
      const s = existing.get(r.code);
      if (!s) creates++;
      else if (s.fullName !== r.fullName || s.unitId !== r.unitId || s.role !== r.role || s.email !== r.email || s.phone !== r.phone || !s.active)
        updates++;
      else unchanged++;
    }
  }
  return { problems, records, creates, updates, unchanged };
}

export interface ApplyOptions {
  actor: string;
  now: Date;
  /** Staff absent from the file are marked inactive (a full registry export). */
  deactivateMissing?: boolean;
}

export interface StaffImportResult {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const WRITE_CHUNK = 500;

/**
 * Writes a checked import: all of it or nothing, in one transaction kept short. Everything
 * was validated before (planStaffImport), so the transaction only writes: the rows that are
 * new or changed, several hundred per statement. On SQLite the write lock is held for well
 * under a second for 30,000 rows, so the bot's own writes (chat, sender, scheduler) wait
 * their turn briefly instead of failing; one transaction (rather than batches committed one
 * by one) keeps the file all-or-nothing even if the machine stops half-way.
 */
export async function applyStaffImport(db: Db, plan: StaffImportPlan, opts: ApplyOptions): Promise<StaffImportResult> {
  if (plan.problems.length > 0) throw new Error("refusing to apply an import with problems");
  return db.$transaction(
    async (tx) => {
      const before = new Map(
        (await tx.staff.findMany({ select: { id: true, code: true, fullName: true, unitId: true, role: true, email: true, phone: true, active: true } })).map((s) => [s.code, s]),
      );
      const roleChanges: { code: string; from: string; to: string }[] = [];
      const writes: StaffRecord[] = [];
      let created = 0;
      let updated = 0;
      for (const r of plan.records) {
        const prev = before.get(r.code);
        if (!prev) created++;
        else if (prev.fullName !== r.fullName || prev.unitId !== r.unitId || prev.role !== r.role || prev.email !== r.email || prev.phone !== r.phone || !prev.active) updated++;
        else continue;
        if (prev && prev.role !== r.role) roleChanges.push({ code: r.code, from: prev.role, to: r.role });
        writes.push(r);
      }
      for (let i = 0; i < writes.length; i += WRITE_CHUNK) {
        const values = writes
          .slice(i, i + WRITE_CHUNK)
          .map((r) => Prisma.sql`(${r.code}, ${r.fullName}, ${r.unitId}, ${r.role}, ${r.email}, ${r.phone}, ${true}, ${opts.now}, ${opts.now})`);
        // The same statement on SQLite and PostgreSQL.
        await tx.$executeRaw`
          INSERT INTO "Staff" ("code", "fullName", "unitId", "role", "email", "phone", "active", "createdAt", "updatedAt")
          VALUES ${Prisma.join(values)}
          ON CONFLICT ("code") DO UPDATE SET
            "fullName" = excluded."fullName", "unitId" = excluded."unitId", "role" = excluded."role",
            "email" = excluded."email", "phone" = excluded."phone", "active" = excluded."active", "updatedAt" = excluded."updatedAt"`;
      }
      let deactivated = 0;
      if (opts.deactivateMissing) {
        const inFile = new Set(plan.records.map((r) => r.code));
        const ids = [...before.values()].filter((s) => s.active && !inFile.has(s.code)).map((s) => s.id);
        for (let i = 0; i < ids.length; i += WRITE_CHUNK) {
          const chunk = ids.slice(i, i + WRITE_CHUNK);
          deactivated += (await tx.staff.updateMany({ where: { id: { in: chunk } }, data: { active: false } })).count;
          await tx.chatAccount.updateMany({
            where: { staffId: { in: chunk }, active: true },
            data: { active: false, inactiveReason: "deactivated", inactiveAt: opts.now },
          });
        }
      }
      const result = { created, updated, unchanged: plan.records.length - created - updated, deactivated };
      await audit(tx, { actor: opts.actor, action: "staff.import", details: { ...result, roleChanges: roleChanges.slice(0, 200), roleChangeCount: roleChanges.length }, at: opts.now });
      return result;
    },
    { timeout: 60_000 },
  );
}
