// Importing plan tasks from the office's spreadsheet: every row checked first, all bad rows
// reported, nothing written if any row is bad; then an upsert by "Mã nhiệm vụ" (the
// status and the report history of an existing task are kept).
import type { Db } from "../../db/client.js";
import {
  type ColumnSpec,
  customProblem,
  type ImportProblem,
  importRows,
  quote,
  type ReadTableInput,
  type RowReader,
} from "../../import/index.js";
import { audit } from "../audit.js";
import { cleanText, foldText, shorten } from "../text.js";
import { listUnits, type UnitRef, unitResolver } from "../units.js";
import { codeKey, taskSortKey } from "./codes.js";

export const TASK_COLUMNS = [
  { key: "code", label: "Mã nhiệm vụ", aliases: ["Mã NV", "Mã số nhiệm vụ", "Số hiệu nhiệm vụ"], required: true },
  { key: "content", label: "Nội dung", aliases: ["Nội dung nhiệm vụ", "Nhiệm vụ"], required: true },
  { key: "title", label: "Tên nhiệm vụ", aliases: ["Tên ngắn", "Tóm tắt", "Tiêu đề"] },
  { key: "section", label: "Mục kế hoạch", aliases: ["Mục", "Thuộc mục", "Mục trong kế hoạch"], required: true },
  { key: "lead", label: "Đơn vị chủ trì", aliases: ["Chủ trì", "Đơn vị chủ trì thực hiện"], required: true },
  { key: "coord", label: "Đơn vị phối hợp", aliases: ["Phối hợp"] },
  { key: "assignees", label: "Người thực hiện", aliases: ["Cán bộ thực hiện", "Mã cán bộ thực hiện", "Người được giao"] },
  { key: "due", label: "Hạn hoàn thành", aliases: ["Thời hạn", "Hạn", "Thời hạn hoàn thành", "Thời gian hoàn thành"], required: true },
  { key: "leadNote", label: "Ghi chú chủ trì", aliases: ["Ghi chú đơn vị chủ trì"] },
  { key: "coordNote", label: "Ghi chú phối hợp", aliases: ["Ghi chú đơn vị phối hợp"] },
] as const satisfies readonly ColumnSpec[];

type Key = (typeof TASK_COLUMNS)[number]["key"];

export const TASK_CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._\/-]{0,31}$/;
const CONTENT_MAX = 3000;
const TITLE_MAX = 120;
const NOTE_MAX = 300;
/** Titles made from the content when the file has none. */
const DERIVED_TITLE_MAX = 80;

export interface TaskRecord {
  rowNumber: number;
  code: string;
  content: string;
  title: string | null;
  section: string;
  sectionTitle: string | null;
  leadUnitIds: number[];
  coordUnitIds: number[];
  leadNote: string | null;
  coordNote: string | null;
  assigneeIds: number[];
  dueDate: string | null;
  recurring: boolean;
  timingNote: string | null;
}

/**
 * A unit cell: names separated by ";", "," or line breaks. Wording that names units only
 * generically, from a part beginning with "các" ("các phòng, đơn vị liên quan"), is kept
 * as the note shown with the task instead of being taken for unit names.
 */
export function splitUnitCell(text: string): { names: string[]; note: string | null } {
  const names: string[] = [];
  const notes: string[] = [];
  for (const part of text.split(/[;\n]/)) {
    const segments = part.split(",").map((s) => cleanText(s));
    const generic = segments.findIndex((s) => /^cac\s/.test(foldText(s)));
    const named = generic === -1 ? segments : segments.slice(0, generic);
    names.push(...named.filter(Boolean));
    if (generic !== -1) notes.push(segments.slice(generic).filter(Boolean).join(", "));
  }
  const note = notes.join("; ");
  return { names, note: note ? note.charAt(0).toLocaleUpperCase("vi") + note.slice(1) : null };
}

/** "III.5 - Bảo đảm an toàn thông tin" → section "III.5" and its title; "III.5" → no title. */
export function splitSection(text: string): { section: string; title: string | null } {
  const m = /^([IVXLCDM]+(?:\.[0-9A-Za-z]+)*)\.?(?:\s*[-–—:]\s*|\s+)(.+)$/u.exec(text);
  if (m) return { section: m[1]!, title: m[2]! };
  const bare = /^([IVXLCDM]+(?:\.[0-9A-Za-z]+)*)\.?$/u.exec(text);
  return { section: bare ? bare[1]! : text, title: null };
}

function isRecurringText(text: string): boolean {
  return /^thuong xuyen/.test(foldText(text));
}

interface Lookups {
  resolveUnit: (label: string) => UnitRef | undefined;
  unitNames: string;
  staffByCode: Map<string, { id: number; active: boolean; fullName: string }>;
}

function unitIds(row: RowReader<Key>, key: "lead" | "coord", names: string[], look: Lookups): number[] {
  const ids: number[] = [];
  for (const name of names) {
    const unit = look.resolveUnit(name);
    if (!unit) {
      row.fail(key, "task.unknown_unit", `không có đơn vị ${quote(name)}; các đơn vị đã biết: ${look.unitNames}.`, { value: name });
    } else if (key === "lead" && unit.kind === "external") {
      row.fail(
        key,
        "task.external_lead",
        `${quote(unit.name)} là cơ quan ngoài Sở (không có cán bộ trên hệ thống) nên không thể chủ trì; hãy ghi vào cột Đơn vị phối hợp.`,
        { value: unit.name },
      );
    } else if (!ids.includes(unit.id)) ids.push(unit.id);
  }
  return ids;
}

function buildRecord(row: RowReader<Key>, look: Lookups): TaskRecord {
  const code = row.text("code", { required: true, maxLength: 32 });
  if (code && !TASK_CODE_RE.test(code))
    row.fail("code", "task.bad_code", `mã ${quote(code)} không hợp lệ; mã gồm chữ, số và . _ - /, bắt đầu bằng chữ hoặc số, tối đa 32 ký tự.`, { value: code });
  const content = row.text("content", { required: true, maxLength: CONTENT_MAX, multiline: true });
  const title = row.text("title", { maxLength: TITLE_MAX });
  const sectionText = row.text("section", { required: true, maxLength: 200 });
  const { section, title: sectionTitle } = splitSection(sectionText);
  if (sectionText && section.length > 40)
    row.fail("section", "task.bad_section", `mục ${quote(section)} dài quá 40 ký tự; ghi số mục, ví dụ III.5 (có thể kèm tên mục: “III.5 - Bảo đảm an toàn thông tin”).`);

  const leadText = row.text("lead", { required: true, maxLength: 1000 });
  const leadCell = splitUnitCell(leadText);
  const leadUnitIds = unitIds(row, "lead", leadCell.names, look);
  if (leadText && leadCell.names.length === 0)
    row.fail("lead", "task.no_lead", "cần ít nhất một phòng, đơn vị chủ trì cụ thể (ví dụ Văn phòng Sở); cách gọi chung chỉ được giữ làm ghi chú.");
  const coordCell = splitUnitCell(row.text("coord", { maxLength: 1000 }) ?? "");
  const coordUnitIds = unitIds(row, "coord", coordCell.names, look);
  for (const id of coordUnitIds.filter((id) => leadUnitIds.includes(id))) {
    const name = coordCell.names.find((n) => look.resolveUnit(n)?.id === id)!;
    row.fail("coord", "task.lead_and_coord", `${quote(name)} đã là đơn vị chủ trì; một đơn vị không vừa chủ trì vừa phối hợp cùng một nhiệm vụ.`, { value: name });
  }

  const assigneeIds: number[] = [];
  for (const raw of row.list("assignees", { maxItemLength: 32 })) {
    const staffCode = raw.toUpperCase();
    const s = look.staffByCode.get(staffCode);
    if (!s) row.fail("assignees", "task.unknown_staff", `không có cán bộ mã ${quote(staffCode)} (xem: npm run cli -- staff).`, { value: staffCode });
    else if (!s.active) row.fail("assignees", "task.inactive_staff", `cán bộ ${quote(staffCode)} (${s.fullName}) đã ngừng hoạt động.`, { value: staffCode });
    else if (!assigneeIds.includes(s.id)) assigneeIds.push(s.id);
  }

  let dueDate: string | null = null;
  let recurring = false;
  let timingNote: string | null = null;
  const dueRaw = row.raw("due");
  if (typeof dueRaw === "string" && isRecurringText(dueRaw)) {
    recurring = true;
    timingNote = shorten(cleanText(dueRaw), 200);
  } else {
    const before = row.problems.length;
    dueDate = row.date("due", { required: true, min: "2000-01-01" });
    const p = row.problems[before];
    if (p) row.problems[before] = { ...p, message: `${p.message} Nhiệm vụ làm quanh năm thì ghi “Thường xuyên”.` };
  }

  return {
    rowNumber: row.rowNumber,
    code,
    content,
    title,
    section,
    sectionTitle,
    leadUnitIds,
    coordUnitIds,
    leadNote: row.text("leadNote", { maxLength: NOTE_MAX }) ?? leadCell.note,
    coordNote: row.text("coordNote", { maxLength: NOTE_MAX }) ?? coordCell.note,
    assigneeIds,
    dueDate,
    recurring,
    timingNote,
  };
}

export interface TaskImportPlan {
  problems: ImportProblem[];
  records: TaskRecord[];
  creates: number;
  updates: number;
  unchanged: number;
}

/** Reads and checks the file against the units and staff in the database. Writes nothing. */
export async function planTaskImport(db: Db, input: ReadTableInput): Promise<TaskImportPlan> {
  const units = await listUnits(db);
  const look: Lookups = {
    resolveUnit: unitResolver(units.filter((u) => u.active)),
    unitNames: units
      .filter((u) => u.active)
      .map((u) => u.shortName ?? u.name)
      .join("; "),
    staffByCode: new Map((await db.staff.findMany({ select: { id: true, code: true, active: true, fullName: true } })).map((s) => [s.code.toUpperCase(), s])),
  };
  const res = await importRows(input, TASK_COLUMNS, (row) => buildRecord(row, look), {
    extraChecks: (_items, { records, column }) => {
      const problems: ImportProblem[] = [];
      const first = new Map<string, number>();
      for (const r of records) {
        const code = typeof r.data.code === "string" ? cleanText(r.data.code) : r.data.code === null ? "" : String(r.data.code);
        if (!code) continue;
        const k = codeKey(code);
        const at = first.get(k);
        if (at === undefined) first.set(k, r.rowNumber);
        else
          problems.push(
            customProblem({ rowNumber: r.rowNumber, column: column("code") }, "task.duplicate_code", `mã ${quote(code)} trùng với dòng ${at}.`, { value: code, row: at }),
          );
      }
      return problems;
    },
  });
  if (!res.ok) return { problems: res.problems, records: [], creates: 0, updates: 0, unchanged: 0 };
  const records = res.items.map((i) => i.value);
  const existing = await existingTasks(db);
  let creates = 0;
  let updates = 0;
  let unchanged = 0;
  for (const r of records) {
    const before = existing.get(codeKey(r.code));
    if (!before) creates++;
    else if (differs(before, resolveRecord(r, before, existing))) updates++;
    else unchanged++;
  }
  return { problems: [], records, creates, updates, unchanged };
}

async function existingTasks(db: Pick<Db, "task">) {
  const rows = await db.task.findMany({
    include: { units: { select: { unitId: true, role: true } }, assignees: { select: { staffId: true } } },
  });
  return new Map(rows.map((t) => [codeKey(t.code), t]));
}

type ExistingTask = NonNullable<ReturnType<Awaited<ReturnType<typeof existingTasks>>["get"]>>;

interface TaskValues {
  code: string;
  content: string;
  title: string;
  section: string;
  sectionTitle: string | null;
  dueDate: string | null;
  recurring: boolean;
  timingNote: string | null;
  leadNote: string | null;
  coordNote: string | null;
  leadUnitIds: number[];
  coordUnitIds: number[];
  assigneeIds: number[];
}

/**
 * What a row makes of a task. Left out of the file, the title stays the one already given
 * (while the content is the same) or is cut from the content; the section's title and the
 * plan's wording of the timing stay while the section and the due date are the same.
 */
function resolveRecord(r: TaskRecord, before: ExistingTask | undefined, all: Map<string, ExistingTask>): TaskValues {
  const title = r.title ?? (before && before.content === r.content ? before.title : shorten(r.content.replace(/\s+/g, " "), DERIVED_TITLE_MAX));
  const sameSection = [...all.values()].find((t) => t.section === r.section && t.sectionTitle);
  const sectionTitle = r.sectionTitle ?? (before?.section === r.section ? before.sectionTitle : (sameSection?.sectionTitle ?? null));
  const timingNote = r.timingNote ?? (before && !r.recurring && before.dueDate === r.dueDate && !before.recurring ? before.timingNote : null);
  return {
    code: before?.code ?? r.code,
    content: r.content,
    title,
    section: r.section,
    sectionTitle,
    dueDate: r.dueDate,
    recurring: r.recurring,
    timingNote,
    leadNote: r.leadNote,
    coordNote: r.coordNote,
    leadUnitIds: [...r.leadUnitIds].sort((a, b) => a - b),
    coordUnitIds: [...r.coordUnitIds].sort((a, b) => a - b),
    assigneeIds: [...r.assigneeIds].sort((a, b) => a - b),
  };
}

function differs(t: ExistingTask, v: TaskValues): boolean {
  const ids = (role: string) =>
    t.units
      .filter((u) => u.role === role)
      .map((u) => u.unitId)
      .sort((a, b) => a - b)
      .join(",");
  return (
    t.content !== v.content ||
    t.title !== v.title ||
    t.section !== v.section ||
    t.sectionTitle !== v.sectionTitle ||
    t.dueDate !== v.dueDate ||
    t.recurring !== v.recurring ||
    t.timingNote !== v.timingNote ||
    t.leadNote !== v.leadNote ||
    t.coordNote !== v.coordNote ||
    ids("lead") !== v.leadUnitIds.join(",") ||
    ids("coord") !== v.coordUnitIds.join(",") ||
    t.assignees
      .map((a) => a.staffId)
      .sort((a, b) => a - b)
      .join(",") !== v.assigneeIds.join(",")
  );
}

export interface TaskImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export async function applyTaskImport(db: Db, plan: TaskImportPlan, opts: { actor: string; now: Date }): Promise<TaskImportResult> {
  if (plan.problems.length > 0) throw new Error("refusing to apply an import with problems");
  return db.$transaction(
    async (tx) => {
      const existing = await existingTasks(tx);
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      for (const r of plan.records) {
        const before = existing.get(codeKey(r.code));
        const v = resolveRecord(r, before, existing);
        if (before && !differs(before, v)) {
          unchanged++;
          continue;
        }
        const data = {
          content: v.content,
          title: v.title,
          section: v.section,
          sectionTitle: v.sectionTitle,
          dueDate: v.dueDate,
          recurring: v.recurring,
          timingNote: v.timingNote,
          leadNote: v.leadNote,
          coordNote: v.coordNote,
        };
        const links = [...v.leadUnitIds.map((unitId) => ({ unitId, role: "lead" })), ...v.coordUnitIds.map((unitId) => ({ unitId, role: "coord" }))];
        const assignees = v.assigneeIds.map((staffId) => ({ staffId }));
        if (before) {
          await tx.taskUnit.deleteMany({ where: { taskId: before.id } });
          await tx.taskAssignee.deleteMany({ where: { taskId: before.id } });
          await tx.task.update({
            where: { id: before.id },
            data: { ...data, units: { create: links }, assignees: { create: assignees }, updatedAt: opts.now },
          });
          updated++;
        } else {
          await tx.task.create({ data: { code: v.code, sortKey: taskSortKey(v.code), ...data, units: { create: links }, assignees: { create: assignees }, createdAt: opts.now } });
          created++;
        }
      }
      const result = { created, updated, unchanged };
      await audit(tx, { actor: opts.actor, action: "task.import", details: { rows: plan.records.length, ...result }, at: opts.now });
      return result;
    },
    { timeout: 60_000 },
  );
}
