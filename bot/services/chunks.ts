// Lists of ids or codes sent to the database in bounded pieces: SQLite takes at most 999
// parameters per statement (Prisma refuses more, P2029) and PostgreSQL's wire protocol 65,535,
// so a query's parameter count must never grow with the data.
export const IN_CHUNK = 500;

export function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `query` on each piece of `items` in turn and concatenates the rows. */
export async function inChunks<T, R>(items: readonly T[], query: (piece: T[]) => Promise<R[]>, size = IN_CHUNK): Promise<R[]> {
  const out: R[] = [];
  for (const piece of chunks(items, size)) out.push(...(await query(piece)));
  return out;
}

/**
 * Gives the event loop a turn (chat updates, timers, HTTP) between pieces of a long job in the
 * bot's process: better-sqlite3 answers synchronously, so a chain of awaits alone never yields.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
