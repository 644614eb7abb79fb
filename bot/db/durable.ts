// Commits that a person is told about ("Đã ghi báo cáo") survive a power cut.
//
// SQLite runs in WAL mode with synchronous=NORMAL (set in client.ts): a commit is written to
// the WAL but not flushed to the disk until the next checkpoint, so a crash of the process
// loses nothing, but a power cut or a crash of the machine may undo the last commits. That is
// the right price for the de-duplication record every update writes (a lost one at worst
// makes a redelivered update run again, which its own checks make harmless) and it halves
// the time of each update. A write acknowledged to a person is different: `durably` runs it
// with synchronous=FULL, which flushes the WAL at its commit (and with it every commit
// before). PostgreSQL flushes every commit already (synchronous_commit on).
import type { Db } from "./client.js";

const sqliteClients = new WeakSet<object>();
const depth = new WeakMap<object, number>();

/** Called by openDatabase for SQLite clients. */
export function registerSqlite(db: Db): void {
  sqliteClients.add(db);
}

export async function durably<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (!sqliteClients.has(db)) return fn();
  // Reports may be saved side by side on the one connection: the last one out sets NORMAL back.
  const n = depth.get(db) ?? 0;
  depth.set(db, n + 1);
  if (n === 0) await db.$executeRawUnsafe("PRAGMA synchronous = FULL");
  try {
    return await fn();
  } finally {
    const left = (depth.get(db) ?? 1) - 1;
    depth.set(db, left);
    if (left === 0) await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  }
}
