// Dossiers from the one-stop system (cơ chế một cửa), from its spreadsheet export (CLI) or
// pushed as JSON (HTTP). Every record is checked first; if any is bad nothing is written and
// every problem is reported. A re-import updates by "Mã hồ sơ" and keeps the history of status
// changes; the clock stops while a dossier waits for the applicant (chờ bổ sung).
import type { Db } from "../../db/client.js";
import type { Dossier } from "../../../prisma/generated/sqlite/client.js";
import {
  type ColumnSpec,
  checkUnique,
  displayValue,
  type ImportProblem,
  type ImportRecord,
  quote,
  type RecordsResult,
  type RowReader,
  validateRecords,
} from "../../import/index.js";
import { addDays, toLocalDate, type WorkingCalendar } from "../calendar/index.js";
import { audit } from "../audit.js";
import { chunks, IN_CHUNK, yieldToEventLoop } from "../chunks.js";
import { foldText } from "../text.js";
import { atLocal, localParts } from "../time.js";
import { isStaffUnit, listUnits, unitResolver } from "../units.js";
import { returnedOnTime } from "./deadline.js";
import { handlerMatcher } from "./handler-match.js";
import { type DossierStatus, type ImportedStatus, isOpen, isReturned, STATUS_WORDINGS } from "./statuses.js";
import { isUniqueViolation } from "../../db/errors.js";
import { describeFault, textFault, withoutFaults } from "../safe-text.js";
import { formatDate } from "../date-text.js";
import { applyRun, ConcurrentChange, discardLeftOverRuns, discardRun, type StagedDossier, stageRows } from "./import-staging.js";

export { ConcurrentChange };

export type DossierColumn =
  | "code"
  | "procedureName"
  | "applicant"
  | "receivedAt"
  | "dueAt"
  | "handler"
  | "unit"
  | "status"
  | "returnedAt";

/** The export's columns. The English keys are accepted too, for systems that push JSON. */
export const DOSSIER_SPEC = [
  { key: "code", label: "Mã hồ sơ", aliases: ["Mã HS", "Số hồ sơ", "Mã số hồ sơ", "code"], required: true },
  { key: "procedureName", label: "Tên thủ tục", aliases: ["Thủ tục", "Tên thủ tục hành chính", "Tên TTHC", "procedureName"], required: true },
  { key: "applicant", label: "Người nộp", aliases: ["Chủ hồ sơ", "Tổ chức, cá nhân", "Người nộp hồ sơ", "Tên người nộp", "applicant"], required: true },
  { key: "receivedAt", label: "Ngày tiếp nhận", aliases: ["Ngày nhận", "Ngày nhận hồ sơ", "Thời gian tiếp nhận", "receivedAt"], required: true },
  { key: "dueAt", label: "Ngày hẹn trả", aliases: ["Ngày hẹn trả kết quả", "Hạn xử lý", "Hạn giải quyết", "dueAt"], required: true },
  { key: "handler", label: "Cán bộ xử lý", aliases: ["Người xử lý", "Cán bộ thụ lý", "Chuyên viên xử lý", "handler"] },
  { key: "unit", label: "Đơn vị", aliases: ["Phòng", "Đơn vị xử lý", "Phòng xử lý", "Đơn vị thụ lý", "unit"] },
  { key: "status", label: "Trạng thái", aliases: ["Tình trạng", "Trạng thái hồ sơ", "Tình trạng xử lý", "status"], required: true },
  { key: "returnedAt", label: "Ngày trả kết quả", aliases: ["Ngày trả", "Ngày hoàn thành", "Ngày có kết quả", "returnedAt"] },
] as const satisfies readonly ColumnSpec<DossierColumn>[];

export interface DossierRow {
  rowNumber: number;
  code: string;
  procedureName: string;
  applicant: string;
  receivedAt: Date;
  dueAt: Date;
  handlerId: number | null;
  handlerRaw: string | null;
  unitId: number;
  status: ImportedStatus;
  statusRaw: string;
  returnedAt: Date | null;
}

export interface DossierImportPlan {
  problems: ImportProblem[];
  rows: DossierRow[];
}

export interface PlanOptions {
  calendar: WorkingCalendar;
  timeZone: string;
  now: Date;
}

const EARLIEST = "2000-01-01";
/** Records checked between two turns of the event loop. */
const VALIDATE_SLICE = 250;

/**
 * Checks every record against the registry (staff, units) and the rules of a dossier.
 * `read` is what readRecords gives for a file, or recordsFromJson for a pushed body.
 */
export async function planDossierImport(
  db: Db,
  read: Pick<RecordsResult<DossierColumn>, "records" | "columns"> & { table?: { date1904: boolean } },
  opts: PlanOptions,
): Promise<DossierImportPlan> {
  const [staff, units] = await Promise.all([
    db.staff.findMany({ select: { id: true, code: true, fullName: true, unitId: true, active: true } }),
    listUnits(db),
  ]);
  const matchHandler = handlerMatcher(staff);
  const resolveUnit = unitResolver(units);
  const unitNames = units.filter(isStaffUnit).map((u) => u.name).join("; ");
  const today = localParts(opts.now, opts.timeZone).date;
  const latest = addDays(today, 3650);
  const at = (v: { date: string; time: string | null }, fallback: string) => atLocal(v.date, v.time ?? fallback, opts.timeZone);

  const build = (row: RowReader<DossierColumn>): DossierRow | null => {
    const code = row.text("code", { required: true, maxLength: 64 });
    const procedureName = row.text("procedureName", { required: true, maxLength: 500 });
    const applicant = row.text("applicant", { required: true, maxLength: 300 });
    const received = row.dateTime("receivedAt", { required: true, min: EARLIEST, max: today });
    const due = row.dateTime("dueAt", { required: true, min: EARLIEST, max: latest });
    const returned = row.dateTime("returnedAt", { min: EARLIEST, max: today });
    const status = row.enumOf("status", STATUS_WORDINGS, { required: true });
    const statusRaw = displayValue(row.raw("status"));
    const handlerRaw = row.text("handler", { maxLength: 100 });
    const unitRaw = row.text("unit", { maxLength: 200 });

    let handlerId: number | null = null;
    let handlerUnitId: number | null = null;
    if (handlerRaw) {
      const m = matchHandler(handlerRaw);
      if (m.ok) {
        handlerId = m.staff.id;
        handlerUnitId = m.staff.unitId;
      } else if (m.reason === "unknown") {
        row.fail("handler", "dossier.unknown_handler", `không có cán bộ mã hoặc tên ${quote(handlerRaw)} trong danh sách cán bộ (xem: npm run cli -- staff).`, {
          value: handlerRaw,
        });
      } else {
        const codes = m.candidates.map((c) => c.code).join(", ");
        row.fail("handler", "dossier.ambiguous_handler", `có ${m.candidates.length} cán bộ tên ${quote(handlerRaw)} (mã ${codes}); hãy ghi mã cán bộ thay cho họ tên.`, {
          value: handlerRaw,
          codes,
        });
      }
    }
    let unitId: number | null = null;
    if (unitRaw) {
      const unit = resolveUnit(unitRaw);
      if (!unit) row.fail("unit", "dossier.unknown_unit", `không có đơn vị ${quote(unitRaw)}; các đơn vị của Sở: ${unitNames}.`, { value: unitRaw });
      else if (!isStaffUnit(unit)) row.fail("unit", "dossier.external_unit", `${quote(unit.name)} không phải phòng, đơn vị thuộc Sở.`, { value: unit.name });
      else unitId = unit.id;
    } else if (!handlerRaw) {
      row.fail(null, "dossier.no_owner", `cần ít nhất một trong hai cột ${quote(row.column("handler"))} hoặc ${quote(row.column("unit"))} để biết ai xử lý hồ sơ.`);
    }

    if (received.date && due.date && due.date < received.date) {
      row.fail("dueAt", "dossier.due_before_received", `ngày hẹn trả (${formatDate(due.date)}) sớm hơn ngày tiếp nhận (${formatDate(received.date)}).`);
    }
    if (status && (status === "returned" || isReturned(status))) {
      if (!returned) row.fail("returnedAt", "dossier.returned_without_date", `trạng thái ${quote(statusRaw)} là đã trả kết quả nhưng ô ngày trả kết quả đang để trống.`);
      else if (received.date && returned.date < received.date)
        row.fail("returnedAt", "dossier.returned_before_received", `ngày trả kết quả (${formatDate(returned.date)}) sớm hơn ngày tiếp nhận (${formatDate(received.date)}).`);
    } else if (status && isOpen(status) && returned) {
      row.fail("returnedAt", "dossier.open_with_return_date", `hồ sơ có trạng thái ${quote(statusRaw)} (chưa trả) nhưng lại có ngày trả kết quả ${formatDate(returned.date)}.`);
    }
    if (row.problems.length || !status) return null;
    return {
      rowNumber: row.rowNumber,
      code,
      procedureName,
      applicant,
      receivedAt: at(received, "00:00"),
      // A date without a time is due by the end of that working day.
      dueAt: at(due, opts.calendar.workingHours.end),
      handlerId,
      handlerRaw,
      unitId: (unitId ?? handlerUnitId)!,
      status,
      statusRaw,
      returnedAt: status === "da_huy" || !returned ? null : at(returned, "00:00"),
    };
  };
  // In slices, giving the chat its turns: 100,000 records take seconds to check.
  const items: DossierRow[] = [];
  const problems: ImportProblem[] = [];
  for (const records of chunks(read.records, VALIDATE_SLICE)) {
    const slice = validateRecords({ ...read, records }, DOSSIER_SPEC, build);
    for (const i of slice.items) if (i.value) items.push(i.value);
    problems.push(...slice.problems);
    await yieldToEventLoop();
  }
  const codeColumn = read.columns.code?.header ?? DOSSIER_SPEC[0].label;
  problems.push(...checkUnique(read.records, codeColumn, (r) => r.data.code, { normalize: (s) => s.trim().toUpperCase() }));
  return { problems, rows: items };
}

export interface DossierImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  statusChanges: number;
  /** Dossiers reported returned in the chat that the export still shows as being processed. */
  keptChatReturns: number;
}

export interface ApplyOptions {
  calendar: WorkingCalendar;
  actor: string;
  now: Date;
  source: "import" | "api";
  /** Work out the summary in a transaction that is then rolled back: exactly what would happen. */
  dryRun?: boolean;
}

class DryRun extends Error {
  constructor(readonly summary: DossierImportSummary) {
    super("dry run");
  }
}

/** A duplicate key, also from the raw multi-row INSERT (P2010: PostgreSQL's 23505, SQLite's UNIQUE). */
function isDuplicateKey(e: unknown): boolean {
  if (isUniqueViolation(e)) return true;
  if (typeof e !== "object" || e === null) return false;
  const { code, meta, message } = e as { code?: string; meta?: { code?: string }; message?: string };
  return code === "P2010" && (meta?.code === "23505" || /UNIQUE constraint failed|duplicate key/i.test(message ?? ""));
}

const ATTEMPTS = 3;

type Existing = Dossier;

function sameInstant(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

/** The fields the one-stop system owns, written as exported on create and on update. */
function exportedFields(row: DossierRow) {
  return {
    procedureName: row.procedureName,
    applicant: row.applicant,
    unitId: row.unitId,
    handlerId: row.handlerId,
    handlerRaw: row.handlerRaw,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
  };
}

/**
 * Writes a validated plan: all of it or nothing. The rows are worked out against the dossiers
 * as read, staged in short batches and made visible in one short final transaction
 * (./import-staging.ts), so the chat and the other writers are never kept waiting for the whole
 * import. Two pushes of the same new dossier, or a "Đã xử lý" in the chat during an import: the
 * run that loses the race is worked out again on what the other one wrote.
 */
export async function applyDossierImport(db: Db, plan: DossierImportPlan, opts: ApplyOptions): Promise<DossierImportSummary> {
  if (plan.problems.length > 0) throw new Error("refusing to apply an import with problems");
  await discardLeftOverRuns(db, opts.now);
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyOnce(db, plan, opts);
    } catch (e) {
      if (attempt >= ATTEMPTS || !(e instanceof ConcurrentChange || isDuplicateKey(e))) throw e;
    }
  }
}

/** What the import will write, worked out against the dossiers as they are now. */
async function workOut(db: Db, plan: DossierImportPlan, opts: ApplyOptions): Promise<{ rows: StagedDossier[]; summary: DossierImportSummary }> {
  const { calendar, now } = opts;
  const tz = calendar.tzOffsetMinutes;
  const summary: DossierImportSummary = { rows: plan.rows.length, created: 0, updated: 0, unchanged: 0, statusChanges: 0, keptChatReturns: 0 };
  const existing = new Map<string, Existing>();
  for (const codes of chunks(plan.rows.map((r) => r.code), IN_CHUNK)) {
    for (const d of await db.dossier.findMany({ where: { code: { in: codes } } })) existing.set(d.code, d);
    await yieldToEventLoop();
  }
  const rows: StagedDossier[] = [];
  for (const row of plan.rows) {
    const prev = existing.get(row.code);
    if (!prev) {
      const status: DossierStatus =
        row.status === "returned" ? (returnedOnTime(calendar, { dueAt: row.dueAt, pausedWorkingDays: 0 }, toLocalDate(row.returnedAt!, tz)) ? "da_tra_dung_han" : "da_tra_tre_han") : row.status;
      rows.push({
        kind: "create",
        dossierId: null,
        code: row.code,
        ...exportedFields(row),
        status,
        statusRaw: row.statusRaw,
        returnedAt: row.returnedAt,
        pausedAt: status === "cho_bo_sung" ? now : null,
        pausedWorkingDays: 0,
        expect: null,
        historyFrom: null,
        statusChanged: true,
        cancelReminders: false,
      });
      summary.created++;
      continue;
    }
    const next = nextState(calendar, prev, row, now);
    if (next.keptChatReturn) summary.keptChatReturns++;
    const changed =
      prev.procedureName !== row.procedureName ||
      prev.applicant !== row.applicant ||
      prev.unitId !== row.unitId ||
      prev.handlerId !== row.handlerId ||
      prev.handlerRaw !== row.handlerRaw ||
      !sameInstant(prev.receivedAt, row.receivedAt) ||
      !sameInstant(prev.dueAt, row.dueAt) ||
      prev.status !== next.status ||
      !sameInstant(prev.returnedAt, next.returnedAt) ||
      prev.statusRaw !== next.statusRaw;
    // Only the time of this import changes for a dossier the export shows as it is.
    const touch = !changed && sameInstant(prev.pausedAt, next.pausedAt) && prev.pausedWorkingDays === next.pausedWorkingDays;
    const statusChanged = prev.status !== next.status;
    rows.push({
      kind: touch ? "touch" : "update",
      dossierId: prev.id,
      code: row.code,
      ...exportedFields(row),
      status: next.status,
      statusRaw: next.statusRaw,
      returnedAt: next.returnedAt,
      pausedAt: next.pausedAt,
      pausedWorkingDays: next.pausedWorkingDays,
      // Written only if nobody (the chat, another import) changed its state since it was read.
      expect: { status: prev.status, pausedAt: prev.pausedAt, handledReportedAt: prev.handledReportedAt },
      historyFrom: statusChanged ? prev.status : null,
      statusChanged,
      cancelReminders: statusChanged && !isOpen(next.status),
    });
    if (statusChanged) summary.statusChanges++;
    if (changed) summary.updated++;
    else summary.unchanged++;
  }
  return { rows, summary };
}

async function applyOnce(db: Db, plan: DossierImportPlan, opts: ApplyOptions): Promise<DossierImportSummary> {
  const { now, source } = opts;
  const { rows, summary } = await workOut(db, plan, opts);
  const runId = await stageRows(db, rows, { now, source });
  try {
    await db.$transaction(
      async (tx) => {
        await applyRun(tx, runId, { existing: rows.length - summary.created, created: summary.created }, now);
        // The dry run: exactly what would happen, then rolled back.
        if (opts.dryRun) throw new DryRun(summary);
        await audit(tx, { actor: opts.actor, action: source === "api" ? "dossier.ingest" : "dossier.import", details: { ...summary }, at: now });
      },
      // Set-based statements only; generous for 100,000 rows on a loaded machine.
      { timeout: 120_000 },
    );
  } catch (e) {
    if (e instanceof DryRun) return e.summary;
    throw e;
  } finally {
    await discardRun(db, runId);
  }
  return summary;
}

interface NextState {
  status: string;
  statusRaw: string | null;
  returnedAt: Date | null;
  pausedAt: Date | null;
  pausedWorkingDays: number;
  keptChatReturn: boolean;
}

/**
 * The dossier after a re-import.
 * - A new "Ngày hẹn trả" is the one-stop system's own recount: the waits so far are taken as
 *   included in it, so they are not added again.
 * - Leaving "chờ bổ sung" adds the working days of the wait; entering it stops the clock now.
 * - A return reported in the chat is kept when the export still says "đang xử lý": the
 *   one-stop system is often synchronised late, and the handler should not be nagged again.
 */
function nextState(calendar: WorkingCalendar, prev: Existing, row: DossierRow, now: Date): NextState {
  const dueChanged = !sameInstant(prev.dueAt, row.dueAt);
  let pausedWorkingDays = dueChanged ? 0 : prev.pausedWorkingDays;
  let pausedAt = prev.pausedAt;
  if (prev.handledReportedAt && isReturned(prev.status) && row.status === "dang_xu_ly") {
    return { status: prev.status, statusRaw: prev.statusRaw, returnedAt: prev.returnedAt, pausedAt, pausedWorkingDays, keptChatReturn: true };
  }
  const target = row.status;
  if (target !== "cho_bo_sung" && pausedAt) {
    if (!dueChanged) pausedWorkingDays += calendar.pausedWorkingDays({ from: pausedAt, to: now });
    pausedAt = null;
  } else if (target === "cho_bo_sung" && !pausedAt) {
    pausedAt = now;
  }
  const status: DossierStatus =
    target === "returned"
      ? returnedOnTime(calendar, { dueAt: row.dueAt, pausedWorkingDays }, toLocalDate(row.returnedAt!, calendar.tzOffsetMinutes))
        ? "da_tra_dung_han"
        : "da_tra_tre_han"
      : target;
  return { status, statusRaw: row.statusRaw, returnedAt: row.returnedAt, pausedAt, pausedWorkingDays, keptChatReturn: false };
}

/** Records pushed as JSON: an array of objects keyed by the export's column names (or the English keys). */
export function recordsFromJson(body: unknown): Pick<RecordsResult<DossierColumn>, "records" | "columns" | "problems"> {
  const problems: ImportProblem[] = [];
  if (!Array.isArray(body)) {
    return { records: [], columns: {}, problems: [{ rowNumber: null, code: "json.not_array", message: "Nội dung gửi lên phải là một mảng JSON các hồ sơ." }] };
  }
  const byName = new Map<string, DossierColumn>();
  for (const c of DOSSIER_SPEC) for (const n of [c.label, ...c.aliases]) byName.set(normalizeKey(n), c.key);
  // Every record repeats the same few names: each is folded once.
  const seenNames = new Map<string, DossierColumn | undefined>();
  const keyOf = (name: string) => {
    if (!seenNames.has(name)) seenNames.set(name, byName.get(normalizeKey(name)));
    return seenNames.get(name);
  };
  const columns: RecordsResult<DossierColumn>["columns"] = {};
  const records: ImportRecord<DossierColumn>[] = [];
  body.forEach((item, i) => {
    const rowNumber = i + 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      problems.push({ rowNumber, code: "json.not_object", message: `Dòng ${rowNumber}: mỗi hồ sơ phải là một đối tượng JSON.` });
      return;
    }
    const data = Object.fromEntries(DOSSIER_SPEC.map((c) => [c.key, null])) as ImportRecord<DossierColumn>["data"];
    for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
      const key = keyOf(name);
      if (!key) continue;
      columns[key] ??= { index: DOSSIER_SPEC.findIndex((c) => c.key === key), header: DOSSIER_SPEC.find((c) => c.key === key)!.label, letter: "" };
      const fault = typeof value === "string" ? textFault(value) : undefined;
      if (fault) {
        problems.push({ rowNumber, column: name, code: "json.bad_text", message: `Dòng ${rowNumber}, trường ${quote(name)}: ${describeFault(fault)}.` });
        // Nothing is written; the rest of the record is still checked, without the bad characters.
        data[key] = withoutFaults(value as string) || null;
      } else if (value === null || value === undefined || typeof value === "string" || typeof value === "number") data[key] = value ?? null;
      else {
        problems.push({ rowNumber, column: name, code: "json.bad_value", message: `Dòng ${rowNumber}, trường ${quote(name)}: giá trị phải là chuỗi hoặc số.` });
        // Kept as text so the record's other fields are still checked (the record is bad anyway).
        data[key] = JSON.stringify(value);
      }
    }
    records.push({ rowNumber, data });
  });
  for (const c of DOSSIER_SPEC as readonly ColumnSpec<DossierColumn>[]) {
    if (c.required) columns[c.key] ??= { index: -1, header: c.label, letter: "" };
  }
  return { records, columns, problems };
}

/** JSON keys are matched like spreadsheet headers; "_" counts as a space ("ma_ho_so"). */
function normalizeKey(s: string): string {
  return foldText(s.replace(/_/g, " "));
}
