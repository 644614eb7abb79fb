// Opens the database behind one Prisma client type, whatever the provider.
// Both generated clients come from the same models (prisma/models.prisma), so the
// SQLite client's type describes the PostgreSQL one too; using it everywhere keeps
// the services to what both providers support.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient as SqliteClient } from "../../prisma/generated/sqlite/client.js";
import { SerializedSqliteAdapterFactory } from "./sqlite-serialized.js";

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
  poolSize?: number;
}

export async function openDatabase(url: string, opts: OpenOptions = {}): Promise<Database> {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    const file = sqlitePath(url);
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    // busy timeout: SQLite has one writer at a time; wait instead of failing.
    const adapter = new SerializedSqliteAdapterFactory(new PrismaBetterSQLite3({ url: file, timeout: 10_000 }));
    const prisma = new SqliteClient({ adapter });
    await prisma.$connect();
    // WAL lets readers work while a writer commits (set again here for files made elsewhere).
    await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    return { prisma, provider, url, close: () => prisma.$disconnect() };
  }
  const [{ PrismaPg }, { PrismaClient: PgClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("../../prisma/generated/postgres/client.js"),
  ]);
  // pg waits forever for a free connection by default: bound it so an exhausted pool fails loudly.
  const adapter = new PrismaPg({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  const prisma = new PgClient({ adapter }) as unknown as Db;
  await prisma.$connect();
  return { prisma, provider, url, close: () => prisma.$disconnect() };
}
