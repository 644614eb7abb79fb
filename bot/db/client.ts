// Opens the database behind one Prisma client type, whatever the provider.
// Both generated clients come from the same models (prisma/models.prisma), so the
// SQLite client's type describes the PostgreSQL one too; using it everywhere keeps
// the services to what both providers support.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient as SqliteClient } from "../../prisma/generated/sqlite/client.js";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { registerDirect } from "./direct-sql.js";
import { registerSqlite } from "./durable.js";
import { SerializedSqliteAdapterFactory, SQLITE_TRY_TIMEOUT_MS } from "./sqlite-serialized.js";

export type Db = SqliteClient;
export type Provider = "sqlite" | "postgres";

export interface Database {
  prisma: Db;
  provider: Provider;
  url: string;
  close(): Promise<void>;
}

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/** "file:./data/bot.db" → absolute path (relative paths are relative to the working directory). */
export function sqlitePath(url: string): string {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return p === ":memory:" ? p : path.resolve(p);
}

export interface OpenOptions {
  /** PostgreSQL connections of this process (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /**
   * How long an operation waits for its turn before failing (DATABASE_WAIT_SECONDS): a free
   * PostgreSQL connection, the start of a transaction, or SQLite's write lock held by another
   * process. Generous by default: under a burst, updates queue instead of failing.
   */
  waitMs?: number;
}

export const DEFAULT_POOL_SIZE = 10;
export const DEFAULT_WAIT_MS = 30_000;

/**
 * Interactive transactions: `maxWait` is the queue above; `timeout` bounds one transaction's
 * own run (Prisma's 5 s is tight on a loaded two-core machine). Services may ask for more.
 */
function transactionOptions(waitMs: number) {
  return { maxWait: waitMs, timeout: 15_000 };
}

export async function openDatabase(url: string, opts: OpenOptions = {}): Promise<Database> {
  const provider = providerOf(url);
  const waitMs = opts.waitMs ?? DEFAULT_WAIT_MS;
  if (provider === "sqlite") {
    const file = sqlitePath(url);
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    // One writer at a time: SQLite's own busy timeout is one short try; the adapter wrapper
    // waits (without blocking the process) up to `waitMs` in all.
    const adapter = new SerializedSqliteAdapterFactory(new PrismaBetterSQLite3({ url: file, timeout: SQLITE_TRY_TIMEOUT_MS }), waitMs);
    const prisma = new SqliteClient({ adapter, transactionOptions: transactionOptions(waitMs) });
    await prisma.$connect();
    // WAL lets readers work while a writer commits (set again here for files made elsewhere).
    await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    // better-sqlite3's build default, stated here because durability depends on it: a commit
    // reaches the disk at the next checkpoint, except those run `durably` (bot/db/durable.ts).
    await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    registerSqlite(prisma);
    registerDirect(prisma, "sqlite", () => adapter.connected);
    return { prisma, provider, url, close: () => prisma.$disconnect() };
  }
  const [{ PrismaPg }, { PrismaClient: PgClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("../../prisma/generated/postgres/client.js"),
  ]);
  // pg waits forever for a free connection by default: bound it (generously) so a burst queues
  // and an exhausted pool still fails in the end instead of hanging.
  const adapter = new PrismaPg({
    connectionString: url,
    max: opts.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: waitMs,
    idleTimeoutMillis: 30_000,
  });
  // The connected adapter is kept for the hot statements (bot/db/direct-sql.ts).
  let connected: SqlDriverAdapter | undefined;
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => (connected = await connect());
  const prisma = new PgClient({ adapter, transactionOptions: transactionOptions(waitMs) }) as unknown as Db;
  await prisma.$connect();
  registerDirect(prisma, "postgres", () => connected);
  return { prisma, provider, url, close: () => prisma.$disconnect() };
}
