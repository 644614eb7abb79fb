// How a dossier import writes without holding the write lock for long (issue 12).
//
// A 100,000-dossier re-import in one transaction held SQLite's lock for about a minute (longer
// than DATABASE_WAIT_SECONDS: the bot's own writes failed) and, in the bot's process, made every
// chat reply wait for the whole import. Instead, once every record is validated and the changes
// are worked out:
// 1. the rows to write are staged in DossierImportRow in bounded batches, each its own short
//    transaction (other writers, the chat first, take turns between them);
// 2. one final transaction makes them visible with a handful of set-based statements (no row
//    goes through JavaScript): all or nothing, as before, and a dry run rolls it back;
// 3. the staged rows are then deleted, again in batches.
// Nothing but the import reads the staging tables, so a crash at any point leaves nothing
// visible; the next import deletes a run whose process is gone.
// A staging table was chosen over a visibility flag on Dossier: every query of dossiers (lists,
// digest, nudges, figures) would have had to filter on it, and an update of an existing dossier
// cannot be hidden that way.
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import type { Db } from "../../db/client.js";
import { Prisma } from "../../../prisma/generated/sqlite/client.js";
import { cancelPendingWhereRefIn, type DbOrTx } from "../../delivery/outbox.js";
import { chunks, yieldToEventLoop } from "../chunks.js";

export interface StagedDossier {
  kind: "create" | "update" | "touch";
  dossierId: number | null;
  code: string;
  procedureName: string;
  applicant: string;
  unitId: number;
  handlerId: number | null;
  handlerRaw: string | null;
  receivedAt: Date;
  dueAt: Date;
  status: string;
  statusRaw: string | null;
  returnedAt: Date | null;
  pausedAt: Date | null;
  pausedWorkingDays: number;
  /** update, touch: the state this row was worked out from. */
  expect: { status: string; pausedAt: Date | null; handledReportedAt: Date | null } | null;
  historyFrom: string | null;
  /** A status history row is written (every create; an update whose status changes). */
  statusChanged: boolean;
  /** Reminders recorded but not yet sent no longer apply (the dossier is closed). */
  cancelReminders: boolean;
}

/** Staged rows per INSERT: 23 columns × 40 rows stays under SQLite's 999 parameters. */
const INSERT_ROWS = 40;
/** Staged rows per transaction: the write lock is held for one such batch at a time. */
export const STAGE_BATCH = 500;
/** Rows deleted per statement when a run is cleared. */
const DELETE_BATCH = 500;
/** A run this old (by the import's clock) is left over, whichever machine started it. */
const STALE_MS = 24 * 3600_000;

const OWNER = `${hostname()}:${process.pid}`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  // A killed process not yet reaped by its parent still answers the signal: a zombie ("Z") is dead.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(")") + 2));
  } catch {
    return true; // no /proc: taken as alive, the run is removed once it is old
  }
}

/** A run left by a process that is gone (on this machine), or very old. */
function isLeftOver(run: { owner: string; at: Date }, now: Date): boolean {
  if (now.getTime() - run.at.getTime() > STALE_MS) return true;
  const sep = run.owner.lastIndexOf(":");
  const host = run.owner.slice(0, sep);
  const pid = Number(run.owner.slice(sep + 1));
  return host === hostname() && Number.isInteger(pid) && pid !== process.pid && !isAlive(pid);
}

/** Deletes a run's staged rows in short statements, then the run. */
export async function discardRun(db: Db, runId: number): Promise<void> {
  for (;;) {
    const n = await db.$executeRaw`DELETE FROM "DossierImportRow" WHERE "id" IN (SELECT "id" FROM "DossierImportRow" WHERE "runId" = ${runId} LIMIT ${DELETE_BATCH})`;
    if (n === 0) break;
    await yieldToEventLoop();
  }
  await db.dossierImportRun.deleteMany({ where: { id: runId } });
}

/** Deletes what crashed imports left behind. Returns how many runs were removed. */
export async function discardLeftOverRuns(db: Db, now: Date): Promise<number> {
  const runs = await db.dossierImportRun.findMany({ select: { id: true, owner: true, at: true } });
  const left = runs.filter((r) => isLeftOver(r, now));
  for (const r of left) await discardRun(db, r.id);
  return left.length;
}

export interface StageOptions {
  now: Date;
  source: string;
}

/** Stages every row in short transactions; returns the run's id. */
export async function stageRows(db: Db, rows: readonly StagedDossier[], opts: StageOptions): Promise<number> {
  const run = await db.dossierImportRun.create({ data: { owner: OWNER, at: opts.now, source: opts.source } });
  try {
    for (const batch of chunks(rows, STAGE_BATCH)) {
      await db.$transaction(async (tx) => {
        for (const piece of chunks(batch, INSERT_ROWS)) await insertStaged(tx, run.id, piece);
      });
      // The chat's turn: its queries run between two batches.
      await yieldToEventLoop();
    }
  } catch (e) {
    await discardRun(db, run.id).catch(() => undefined);
    throw e;
  }
  return run.id;
}

async function insertStaged(tx: DbOrTx, runId: number, rows: StagedDossier[]): Promise<void> {
  const values = rows.map(
    (r) =>
      Prisma.sql`(${runId}, ${r.kind}, ${r.dossierId}, ${r.code}, ${r.procedureName}, ${r.applicant}, ${r.unitId}, ${r.handlerId}, ${r.handlerRaw}, ${r.receivedAt}, ${r.dueAt}, ${r.status}, ${r.statusRaw}, ${r.returnedAt}, ${r.pausedAt}, ${r.pausedWorkingDays}, ${r.expect?.status ?? null}, ${r.expect?.pausedAt ?? null}, ${r.expect?.handledReportedAt ?? null}, ${r.historyFrom}, ${r.statusChanged}, ${r.cancelReminders})`,
  );
  await tx.$executeRaw`INSERT INTO "DossierImportRow" ("runId", "kind", "dossierId", "code", "procedureName", "applicant", "unitId", "handlerId", "handlerRaw", "receivedAt", "dueAt", "status", "statusRaw", "returnedAt", "pausedAt", "pausedWorkingDays", "expectStatus", "expectPausedAt", "expectHandledAt", "historyFrom", "statusChanged", "cancelReminders") VALUES ${Prisma.join(values)}`;
}

export interface RunCounts {
  /** update + touch rows: existing dossiers the run writes. */
  existing: number;
  created: number;
}

/** Another writer changed a dossier (or created one) while this import ran: run it again. */
export class ConcurrentChange extends Error {
  constructor() {
    super("a dossier changed during the import");
  }
}

/**
 * Makes a staged run visible, inside the caller's transaction. Every statement is set-based;
 * an update only applies where the dossier is still in the state it was read in, and if any is
 * not, ConcurrentChange is thrown (the caller's transaction rolls back and the import is worked out
 * again). A dossier created meanwhile makes the INSERT fail on its unique code, likewise.
 */
export async function applyRun(tx: DbOrTx, runId: number, counts: RunCounts, now: Date): Promise<void> {
  const guard = Prisma.sql`"Dossier"."id" = s."dossierId" AND "Dossier"."status" = s."expectStatus" AND "Dossier"."pausedAt" IS NOT DISTINCT FROM s."expectPausedAt" AND "Dossier"."handledReportedAt" IS NOT DISTINCT FROM s."expectHandledAt"`;
  const updated = await tx.$executeRaw`UPDATE "Dossier" SET "procedureName" = s."procedureName", "applicant" = s."applicant", "unitId" = s."unitId", "handlerId" = s."handlerId", "handlerRaw" = s."handlerRaw", "receivedAt" = s."receivedAt", "dueAt" = s."dueAt", "status" = s."status", "statusRaw" = s."statusRaw", "returnedAt" = s."returnedAt", "pausedAt" = s."pausedAt", "pausedWorkingDays" = s."pausedWorkingDays", "importedAt" = r."at", "source" = r."source", "updatedAt" = r."at"
    FROM "DossierImportRow" AS s JOIN "DossierImportRun" AS r ON r."id" = s."runId"
    WHERE s."runId" = ${runId} AND s."kind" = 'update' AND ${guard}`;
  // Unchanged dossiers (most of a re-import): only the import's time, so only that index is rewritten.
  const touched = await tx.$executeRaw`UPDATE "Dossier" SET "importedAt" = r."at", "source" = r."source", "updatedAt" = r."at"
    FROM "DossierImportRow" AS s JOIN "DossierImportRun" AS r ON r."id" = s."runId"
    WHERE s."runId" = ${runId} AND s."kind" = 'touch' AND ${guard}`;
  const written = updated + touched;
  if (written !== counts.existing) throw new ConcurrentChange();
  const created = await tx.$executeRaw`INSERT INTO "Dossier" ("code", "procedureName", "applicant", "unitId", "handlerId", "handlerRaw", "receivedAt", "dueAt", "status", "statusRaw", "returnedAt", "pausedAt", "pausedWorkingDays", "importedAt", "source", "createdAt", "updatedAt")
    SELECT s."code", s."procedureName", s."applicant", s."unitId", s."handlerId", s."handlerRaw", s."receivedAt", s."dueAt", s."status", s."statusRaw", s."returnedAt", s."pausedAt", s."pausedWorkingDays", r."at", r."source", r."at", r."at"
    FROM "DossierImportRow" AS s JOIN "DossierImportRun" AS r ON r."id" = s."runId"
    WHERE s."runId" = ${runId} AND s."kind" = 'create' ORDER BY s."id"`;
  if (created !== counts.created) throw new ConcurrentChange();
  await tx.$executeRaw`INSERT INTO "DossierStatusChange" ("dossierId", "fromStatus", "toStatus", "at", "source", "note")
    SELECT d."id", s."historyFrom", s."status", r."at", r."source", s."statusRaw"
    FROM "DossierImportRow" AS s JOIN "DossierImportRun" AS r ON r."id" = s."runId" JOIN "Dossier" AS d ON d."code" = s."code"
    WHERE s."runId" = ${runId} AND s."statusChanged" = TRUE ORDER BY s."id"`;
  await cancelPendingWhereRefIn(
    tx,
    "dossier",
    Prisma.sql`SELECT "dossierId" FROM "DossierImportRow" WHERE "runId" = ${runId} AND "cancelReminders" = TRUE`,
    now,
  );
}
