// What a database error means, for both providers, in one place: a duplicate key (the
// usual "someone else did it first" race), a transient failure worth retrying (SQLite's
// write lock held too long by another process, PostgreSQL's pool exhausted, a dropped
// connection, a serialization conflict), and one Vietnamese line for the office's terminal
// instead of Prisma's multi-line dump.

/** Prisma error codes (and driver-adapter kinds) that a later try can succeed on. */
const TRANSIENT_CODES = new Set([
  "P1001", // database not reachable
  "P1002", // database reached but timed out
  "P1008", // operation timed out (SQLITE_BUSY through the better-sqlite3 adapter)
  "P1017", // connection closed
  "P2024", // timed out fetching a connection from the pool
  "P2028", // transaction API error: "Unable to start a transaction in the given time"
  "P2034", // write conflict or deadlock: retry the transaction
  "P2037", // too many connections
]);
const TRANSIENT_KINDS = new Set(["SocketTimeout", "DatabaseNotReachable", "ConnectionClosed", "TransactionWriteConflict", "TooManyConnections"]);
const TRANSIENT_MESSAGE =
  /database is locked|SQLITE_BUSY|Unable to start a transaction in the given time|timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|ECONNRESET|deadlock detected|could not serialize access|Operation has timed out|Transaction already closed: A .* cannot be executed on an expired transaction/i;

interface ErrorLike {
  code?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: unknown;
}

function asErrorLike(e: unknown): ErrorLike | undefined {
  return typeof e === "object" && e !== null ? (e as ErrorLike) : undefined;
}

/** A unique constraint refused the write (Prisma P2002, on either provider). */
export function isUniqueViolation(e: unknown): boolean {
  return asErrorLike(e)?.code === "P2002";
}

/** SQLite's own "another connection holds the lock" (SQLITE_BUSY and its extended codes). */
export function isSqliteBusy(e: unknown): boolean {
  const err = asErrorLike(e);
  if (!err) return false;
  const code = typeof err.code === "string" ? err.code : "";
  const cause = asErrorLike(err.cause);
  const original = typeof cause?.originalCode === "string" ? cause.originalCode : "";
  return code.startsWith("SQLITE_BUSY") || original.startsWith("SQLITE_BUSY");
}

/** A failure that says nothing about the request itself: trying again later can succeed. */
export function isTransientDbError(e: unknown, depth = 0): boolean {
  const err = asErrorLike(e);
  if (!err || depth > 3) return false;
  if (typeof err.code === "string" && TRANSIENT_CODES.has(err.code)) return true;
  if (isSqliteBusy(err)) return true;
  const cause = asErrorLike(err.cause);
  if (cause && typeof (cause as { kind?: unknown }).kind === "string" && TRANSIENT_KINDS.has((cause as { kind: string }).kind)) return true;
  if (typeof err.message === "string" && TRANSIENT_MESSAGE.test(err.message)) return true;
  return cause ? isTransientDbError(cause, depth + 1) : false;
}

/**
 * One line for a person at a terminal. Prisma's messages span many lines and quote the
 * query; the office needs to know what happened and what to do.
 */
export function describeDbError(e: unknown): string | undefined {
  if (isTransientDbError(e)) {
    return "Cơ sở dữ liệu đang bận (một tiến trình khác giữ quyền ghi quá lâu) hoặc không kết nối được; chưa có gì được ghi, hãy chạy lại lệnh sau ít phút. (The database was busy or unreachable; nothing was written, try again in a few minutes.)";
  }
  const err = asErrorLike(e);
  if (typeof err?.code === "string" && /^P\d{4}$/.test(err.code)) {
    const first = typeof err.message === "string" ? err.message.trim().split("\n").filter(Boolean).at(-1) : "";
    return `Lỗi cơ sở dữ liệu ${err.code}: ${first?.slice(0, 300) ?? ""} (database error)`;
  }
  return undefined;
}
