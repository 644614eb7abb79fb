// One import of an office spreadsheet, whatever its kind, for the chat: the same readers,
// checks and writers as the CLI (`npm run cli -- import <kind>`), with one preview shape
// (rows added / updated / unchanged / deactivated, and every problem), and the write done
// only on confirmation, from a fresh check of the same bytes.
import type { Db } from "../../db/client.js";
import { type ImportProblem, readRecords, type ReadTableInput } from "../../import/index.js";
import { audit } from "../audit.js";
import { applyDossierImport, DOSSIER_SPEC, type DossierImportPlan, planDossierImport } from "../dossiers/import.js";
import { applyHolidayImport, HOLIDAY_SPEC, type HolidayImportPlan, planHolidayImport } from "../holiday-import.js";
import { applyStaffImport, countMissingStaff, planStaffFile, type StaffImportPlan } from "../staff-import.js";
import { applyTaskImport, planTaskImport, type TaskImportPlan } from "../tasks/import.js";
import { calendarOptions, loadWorkingCalendar } from "../working-calendar.js";
import type { ImportKind } from "./kinds.js";

/** A spreadsheet sent in the chat may not be larger than this (the CLI reads any size from disk). */
export const CHAT_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export interface ImportCounts {
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Staff: active people absent from the file (deactivated only when asked). Holidays: earlier rows replaced. */
  deactivated: number;
}

type Inner =
  | { kind: "staff"; plan: StaffImportPlan }
  | { kind: "tasks"; plan: TaskImportPlan }
  | { kind: "dossiers"; plan: DossierImportPlan }
  | { kind: "holidays"; plan: HolidayImportPlan };

export interface OfficeImportPlan {
  kind: ImportKind;
  problems: ImportProblem[];
  counts: ImportCounts;
  inner: Inner;
}

export interface ImportEnv {
  db: Db;
  timeZone: string;
  now: Date;
}

const ZERO: ImportCounts = { rows: 0, added: 0, updated: 0, unchanged: 0, deactivated: 0 };

/** Reads and checks the file as `kind`; counts what importing it would change. Writes nothing. */
export async function planOfficeImport(env: ImportEnv, kind: ImportKind, input: ReadTableInput): Promise<OfficeImportPlan> {
  const { db, timeZone, now } = env;
  switch (kind) {
    case "staff": {
      const plan = await planStaffFile(db, input);
      if (plan.problems.length) return { kind, problems: plan.problems, counts: ZERO, inner: { kind, plan } };
      const deactivated = await countMissingStaff(db, plan);
      return { kind, problems: [], counts: { rows: plan.records.length, added: plan.creates, updated: plan.updates, unchanged: plan.unchanged, deactivated }, inner: { kind, plan } };
    }
    case "tasks": {
      const plan = await planTaskImport(db, input);
      const counts = plan.problems.length ? ZERO : { rows: plan.records.length, added: plan.creates, updated: plan.updates, unchanged: plan.unchanged, deactivated: 0 };
      return { kind, problems: plan.problems, counts, inner: { kind, plan } };
    }
    case "dossiers": {
      const read = await readRecords(input, DOSSIER_SPEC);
      const calendar = await loadWorkingCalendar(db, timeZone);
      const plan = read.problems.length ? { problems: read.problems, rows: [] } : await planDossierImport(db, read, { calendar, timeZone, now });
      if (plan.problems.length) return { kind, problems: plan.problems, counts: ZERO, inner: { kind, plan } };
      // What it would do, worked out in a transaction rolled back.
      const s = await applyDossierImport(db, plan, { calendar, actor: "preview", now, source: "import", dryRun: true });
      return { kind, problems: [], counts: { rows: s.rows, added: s.created, updated: s.updated, unchanged: s.unchanged, deactivated: 0 }, inner: { kind, plan } };
    }
    case "holidays": {
      const read = await readRecords(input, HOLIDAY_SPEC);
      const plan = read.problems.length ? { problems: read.problems, rows: [] } : planHolidayImport(read);
      if (plan.problems.length) return { kind, problems: plan.problems, counts: ZERO, inner: { kind, plan } };
      const r = await applyHolidayImport(db, plan, { actor: "preview", now, dryRun: true, calendarOptions: await calendarOptions(db, timeZone) });
      return { kind, problems: [], counts: { rows: r.rows, added: r.rows, updated: 0, unchanged: 0, deactivated: r.replaced }, inner: { kind, plan } };
    }
  }
}

export interface ApplyImportOptions {
  actor: string;
  actorStaffId: number | null;
  /** Staff only: deactivate the active people absent from the file. */
  deactivateMissing: boolean;
  /** Where the file came from, for the audit log ("chat", "cli"). */
  via: string;
  fileName: string | null;
}

/** Writes a checked plan (all of it or nothing, by the kind's own writer) and audits the import with its counts. */
export async function applyOfficeImport(env: ImportEnv, planned: OfficeImportPlan, opts: ApplyImportOptions): Promise<ImportCounts> {
  if (planned.problems.length) throw new Error("refusing to apply an import with problems");
  const { db, timeZone, now } = env;
  const inner = planned.inner;
  let counts: ImportCounts;
  switch (inner.kind) {
    case "staff": {
      const r = await applyStaffImport(db, inner.plan, { actor: opts.actor, now, deactivateMissing: opts.deactivateMissing });
      counts = { rows: inner.plan.records.length, added: r.created, updated: r.updated, unchanged: r.unchanged, deactivated: r.deactivated };
      break;
    }
    case "tasks": {
      await applyTaskImport(db, inner.plan, { actor: opts.actor, now });
      counts = planned.counts;
      break;
    }
    case "dossiers": {
      const calendar = await loadWorkingCalendar(db, timeZone);
      const s = await applyDossierImport(db, inner.plan, { calendar, actor: opts.actor, now, source: "import" });
      counts = { rows: s.rows, added: s.created, updated: s.updated, unchanged: s.unchanged, deactivated: 0 };
      break;
    }
    case "holidays": {
      const r = await applyHolidayImport(db, inner.plan, { actor: opts.actor, now, calendarOptions: await calendarOptions(db, timeZone) });
      counts = { rows: r.rows, added: r.rows, updated: 0, unchanged: 0, deactivated: r.replaced };
      break;
    }
  }
  await audit(db, {
    actor: opts.actor,
    actorStaffId: opts.actorStaffId,
    action: "import.file",
    target: `import:${planned.kind}`,
    details: { via: opts.via, fileName: opts.fileName, ...counts, deactivateMissing: opts.deactivateMissing },
    at: now,
  });
  return counts;
}

/** The same counts as at the preview: nothing changed in the database in between. */
export function sameCounts(a: ImportCounts, b: ImportCounts): boolean {
  return a.rows === b.rows && a.added === b.added && a.updated === b.updated && a.unchanged === b.unchanged && a.deactivated === b.deactivated;
}
