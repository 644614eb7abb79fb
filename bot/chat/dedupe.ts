// Each incoming update is handled once, even when the platform delivers it again (a webhook
// retry, a restart before the offset was confirmed, two instances). An update whose handling
// was cut off by a crash (claimed long ago, never finished) is handled again rather than lost.
//
// An update that failed on a transient database error (the pool or SQLite's write lock busy
// past DATABASE_WAIT_SECONDS, a dropped connection) did nothing the user can see: it is run
// again here, a few times, and the user gets one answer. If the database is still not there,
// the claim is released (not recorded as handled, so a redelivery handles it) and the user is
// told once that the system is busy.
import { Prisma } from "../../prisma/generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import { executeSql } from "../db/direct-sql.js";
import { isTransientDbError } from "../db/errors.js";
import type { Logger } from "../logger.js";

const STALE_CLAIM_MS = 5 * 60_000;
/** Tries of an update that keeps failing on a transient database error. */
export const TRANSIENT_TRIES = 3;
const RETRY_DELAY_MS = [500, 2000];

/** Thrown by an adapter's error boundary so that a transient failure reaches runOnce unanswered. */
export class TransientUpdateError extends Error {
  constructor(readonly original: unknown) {
    super("transient database error");
    this.name = "TransientUpdateError";
  }
}

const isTransient = (e: unknown) => e instanceof TransientUpdateError || isTransientDbError(e);
const pause = (attempt: number) => new Promise((r) => setTimeout(r, RETRY_DELAY_MS[attempt - 1] ?? 2000));

/**
 * True when this instance may handle the update `id` ("<platform>:<bot>:<update key>").
 *
 * The claim and its finish are the two writes every update makes, so they are plain SQL
 * (the same on SQLite and PostgreSQL) run straight on the driver adapter (direct-sql.ts): a
 * Prisma call costs several times the statement here, mostly in compiling the query, and
 * these two ran on every update of a busy office. An insert that finds the row does nothing
 * (no unique-violation error to catch on the way).
 */
export async function claimUpdate(db: Db, id: string, now: Date): Promise<boolean> {
  const inserted = await executeSql(db, Prisma.sql`INSERT INTO "ProcessedUpdate" ("id", "at", "done") VALUES (${id}, ${now}, ${false}) ON CONFLICT ("id") DO NOTHING`);
  if (inserted === 1) return true;
  // Re-claim only an abandoned one; the conditional update makes one claimant win.
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  const reclaimed = await executeSql(db, Prisma.sql`UPDATE "ProcessedUpdate" SET "at" = ${now} WHERE "id" = ${id} AND "done" = ${false} AND "at" < ${stale}`);
  return reclaimed > 0;
}

/** Also after an error (already answered): a retry would fail the same way. */
export async function finishUpdate(db: Db, id: string): Promise<void> {
  await executeSql(db, Prisma.sql`UPDATE "ProcessedUpdate" SET "done" = ${true} WHERE "id" = ${id}`);
}

/**
 * Runs `handle` once for the update `id`: skipped when another delivery has it; run again after
 * a transient database error; `busy` answers the user when the database stays away.
 */
export async function runOnce(
  deps: { db: Db; logger: Logger },
  id: string,
  now: Date,
  handle: () => Promise<void>,
  busy: () => Promise<void>,
): Promise<void> {
  const { db, logger } = deps;
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await claimUpdate(db, id, now))) {
        logger.debug({ update: id }, "duplicate update skipped");
        return;
      }
      break;
    } catch (e) {
      if (!isTransientDbError(e) || attempt >= TRANSIENT_TRIES) throw e;
      await pause(attempt);
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await handle();
      break;
    } catch (e) {
      if (!isTransient(e)) {
        // Already answered by the adapter's error boundary; a retry would fail the same way.
        await finishUpdate(db, id);
        throw e;
      }
      const original = e instanceof TransientUpdateError ? e.original : e;
      logger.warn({ update: id, attempt, error: (original as Error)?.message?.split("\n").at(-1) }, "update hit a transient database error");
      if (attempt >= TRANSIENT_TRIES) {
        await db.processedUpdate.deleteMany({ where: { id, done: false } }).catch(() => undefined);
        try {
          await busy();
        } catch {
          /* the chat may be unreachable: nothing more to do */
        }
        return;
      }
      await pause(attempt);
    }
  }
  await finishUpdate(db, id);
}
