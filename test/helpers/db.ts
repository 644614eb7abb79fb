// Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL database on the
// server at 127.0.0.1:5432 (created and dropped per test file). Migrated and, unless told
// otherwise, seeded with the 2021 plan, exactly as the service does at start-up.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../bot/db/client.js";
import { migrate } from "../../bot/db/migrate.js";
import { seedPlan2021 } from "../../bot/db/seed.js";

export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL_PG ?? "postgresql://postgres@127.0.0.1:5432/test";

export interface TestDatabase extends Database {
  drop(): Promise<void>;
}

export async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** The databases a provider-parametrised test runs on: SQLite always, PostgreSQL when a server answers. */
export async function testProviders(): Promise<("sqlite" | "postgres")[]> {
  return ["sqlite", ...((await pgAvailable()) ? (["postgres"] as const) : [])];
}

export async function createTestDatabaseUrl(provider: "sqlite" | "postgres" = "sqlite"): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "sokhcn-test-"));
    return { url: `file:${path.join(dir, "bot.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function createTestDatabase(
  opts: { provider?: "sqlite" | "postgres"; seed?: boolean; now?: Date } = {},
): Promise<TestDatabase> {
  const { url, drop } = await createTestDatabaseUrl(opts.provider ?? "sqlite");
  await migrate(url);
  const db = await openDatabase(url, { poolSize: 5 });
  if (opts.seed !== false) await seedPlan2021(db.prisma, opts.now ?? new Date("2026-11-27T01:00:00Z"));
  return {
    ...db,
    drop: async () => {
      await db.close();
      await drop();
    },
  };
}
