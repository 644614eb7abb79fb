// Applies the committed Prisma migrations at start-up, for SQLite and PostgreSQL alike.
// Prisma's own `migrate deploy` cannot run on PostgreSQL through the driver adapter yet
// (prisma/orm#27403) and would need its CLI at run time, so this runner applies the same
// SQL files and keeps Prisma's bookkeeping table (_prisma_migrations, same columns,
// same sha256 checksums, same advisory lock key), so `prisma migrate status/deploy`
// agree with it and a later switch back is painless.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { type Provider, providerOf, sqlitePath } from "./client.js";

const PRISMA_ADVISORY_LOCK = 72707369; // the key `prisma migrate` locks with

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
  warnings: string[];
}

export function migrationsDir(provider: Provider): string {
  return fileURLToPath(new URL(`../../prisma/${provider}/migrations`, import.meta.url));
}

export function readMigrations(provider: Provider): Migration[] {
  const dir = migrationsDir(provider);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

function plan(migrations: Migration[], applied: AppliedRow[]) {
  const done = new Map<string, AppliedRow>();
  const warnings: string[] = [];
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new Error(
        `Migration ${row.migration_name} started earlier but did not finish; the database needs a look before the bot can start (see README, "Migrations").`,
      );
    }
    done.set(row.migration_name, row);
  }
  for (const m of migrations) {
    const row = done.get(m.name);
    if (row && row.checksum !== m.checksum) warnings.push(`migration ${m.name} was edited after it was applied`);
  }
  return { todo: migrations.filter((m) => !done.has(m.name)), alreadyApplied: done.size, warnings };
}

function migrateSqlite(url: string, migrations: Migration[]): MigrateResult {
  const file = sqlitePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true }); // ./data/ on a fresh install
  const db = new Database(file, { timeout: 30_000 });
  try {
    db.pragma("journal_mode = WAL");
    // Up to date (every start of the CLI while the bot runs): answer without the write lock,
    // so a CLI command never queues behind the bot's writes (or blocks it) just to learn that.
    const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (hasTable) {
      const applied = db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as AppliedRow[];
      const { todo, alreadyApplied, warnings } = plan(migrations, applied);
      if (todo.length === 0) return { applied: [], alreadyApplied, warnings };
    }
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
    )`);
    // BEGIN IMMEDIATE takes the write lock: a second process starting at the same time waits here.
    db.exec("BEGIN IMMEDIATE");
    try {
      const applied = db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as AppliedRow[];
      const { todo, alreadyApplied, warnings } = plan(migrations, applied);
      const insert = db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
      );
      for (const m of todo) {
        const started = new Date().toISOString();
        db.exec(m.sql);
        insert.run(randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
      }
      db.exec("COMMIT");
      return { applied: todo.map((m) => m.name), alreadyApplied, warnings };
    } catch (e) {
      db.exec("ROLLBACK");
      throw e;
    }
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    // Several instances starting together: one migrates, the others wait, then find nothing to do.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
      );
      const { todo, alreadyApplied, warnings } = plan(migrations, rows);
      for (const m of todo) {
        await client.query("BEGIN");
        try {
          const started = new Date();
          await client.query(m.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
            [randomUUID(), m.checksum, m.name, started],
          );
          await client.query("COMMIT");
        } catch (e) {
          await client.query("ROLLBACK");
          throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
        }
      }
      return { applied: todo.map((m) => m.name), alreadyApplied, warnings };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
    }
  } finally {
    await client.end();
  }
}

export async function migrate(url: string): Promise<MigrateResult> {
  const provider = providerOf(url);
  const migrations = readMigrations(provider);
  if (migrations.length === 0) throw new Error(`no migrations found in ${migrationsDir(provider)}`);
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}
