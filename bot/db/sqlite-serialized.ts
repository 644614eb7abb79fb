// SQLite as a safe single-machine database, behind Prisma's better-sqlite3 adapter.
//
// 1. One connection per process, shared by every update: Prisma's adapter lets a query from
//    another update run *inside* an open transaction (and be rolled back with it). Every
//    query on the shared connection here waits while a transaction is open.
// 2. Write transactions start with BEGIN IMMEDIATE. The adapter's plain BEGIN is deferred: a
//    transaction that reads, then writes, must upgrade its read lock, and when another process
//    (the CLI, a second bot) committed in between, SQLite fails at once with "database is
//    locked" (SQLITE_BUSY_SNAPSHOT), whatever the busy timeout: it cannot wait, its snapshot
//    is stale. IMMEDIATE takes the write lock first, where waiting works.
// 3. Waiting for the lock happens here, asynchronously, up to `waitMs`: better-sqlite3 is
//    synchronous, and its own busy timeout would freeze the whole process (every chat, the
//    sender, the HTTP server) while another process writes. SQLite's handler only gets a few
//    milliseconds per try; between tries the event loop runs.
// 4. Statements are prepared once per connection (keepStatements below).
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";
import { isSqliteBusy } from "./errors.js";

/** better-sqlite3's own (blocking) busy timeout per try, in ms: short, the retries wait. */
export const SQLITE_TRY_TIMEOUT_MS = 20;

class Lock {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `fn` again while SQLite says another connection holds the lock, up to `waitMs` in all. */
async function whileBusy<T>(waitMs: number, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isSqliteBusy(e) || Date.now() >= deadline) throw e;
      // A little jitter so two waiting processes do not retry in lockstep.
      await sleep(Math.min(5 + attempt * 5, 50) + Math.random() * 10);
    }
  }
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/** Prepared statements kept per connection (the most used SQL texts; IN lists of other lengths are other texts). */
const KEPT_STATEMENTS = 256;

/**
 * Prisma's adapter prepares every statement anew (`client.prepare(sql).bind(args)`): about 7%
 * of the bot's CPU on a /nhiemvu update went to SQLite compiling the same few texts. A
 * better-sqlite3 statement can be run again and again but bound only once, so the adapter
 * gets, for a text seen before, the kept statement with this call's values passed to its
 * run/all. Only where the adapter's connection looks as expected; otherwise it prepares anew.
 */
function keepStatements(adapter: SqlDriverAdapter): void {
  const client = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
  if (!client || typeof client.prepare !== "function" || typeof client.exec !== "function") return;
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, BetterSqlite3.Statement>();
  const keptPrepare = (sql: string) => {
    let st = kept.get(sql);
    if (st) kept.delete(sql); // most recently used last
    else st = prepare(sql);
    kept.set(sql, st);
    if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
    return bindOnCall(st);
  };
  (client as unknown as { prepare: typeof keptPrepare }).prepare = keptPrepare;
}

/** What the adapter uses of a statement, with `bind` handing the values to each run instead. */
function bindOnCall(st: BetterSqlite3.Statement) {
  return {
    reader: st.reader,
    run: () => st.run(),
    bind: (args: unknown[]) => ({
      reader: st.reader,
      columns: () => st.columns(),
      raw: () => ({ all: () => st.raw(true).all(args) }),
      run: () => st.run(args),
    }),
  };
}

class ImmediateTransaction implements Transaction {
  readonly provider;
  readonly adapterName;
  readonly options = { usePhantomQuery: false };
  #open = true;
  #released = false;
  constructor(
    private readonly conn: SqlDriverAdapter,
    private readonly release: () => void,
    private readonly waitMs: number,
  ) {
    this.provider = conn.provider;
    this.adapterName = conn.adapterName;
  }
  queryRaw(q: SqlQuery): Promise<SqlResultSet> {
    return this.conn.queryRaw(q);
  }
  async executeRaw(q: SqlQuery): Promise<number> {
    const verb = q.sql.trim().toUpperCase();
    if (verb === "COMMIT") {
      // In WAL mode a COMMIT can still meet a checkpoint's lock: wait for it rather than
      // leave the transaction open on the shared connection.
      const n = await whileBusy(this.waitMs, () => this.conn.executeRaw(q));
      this.#open = false;
      return n;
    }
    if (verb === "ROLLBACK") {
      this.#open = false;
      return this.conn.executeRaw(q);
    }
    return this.conn.executeRaw(q);
  }
  async #done(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    try {
      // A COMMIT or ROLLBACK that failed must not leave the next user of the connection
      // inside this transaction.
      if (this.#open) await this.conn.executeRaw(statement("ROLLBACK")).catch(() => undefined);
    } finally {
      this.release();
    }
  }
  commit(): Promise<void> {
    return this.#done();
  }
  rollback(): Promise<void> {
    return this.#done();
  }
}

class SerializedAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  readonly #lock = new Lock();
  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly waitMs: number,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }
  // A single statement outside a transaction either ran or changed nothing: safe to retry.
  queryRaw(q: SqlQuery): Promise<SqlResultSet> {
    return this.#lock.run(() => whileBusy(this.waitMs, () => this.inner.queryRaw(q)));
  }
  executeRaw(q: SqlQuery): Promise<number> {
    return this.#lock.run(() => whileBusy(this.waitMs, () => this.inner.executeRaw(q)));
  }
  executeScript(script: string): Promise<void> {
    return this.#lock.run(() => this.inner.executeScript(script));
  }
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new Error(`SQLite transactions are serializable, not ${isolationLevel}`);
    const release = await this.#lock.acquire();
    try {
      await whileBusy(this.waitMs, () => this.inner.executeRaw(statement("BEGIN IMMEDIATE")));
      return new ImmediateTransaction(this.inner, release, this.waitMs);
    } catch (e) {
      release();
      throw e;
    }
  }
  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

export class SerializedSqliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider;
  readonly adapterName;
  constructor(
    private readonly inner: SqlMigrationAwareDriverAdapterFactory,
    private readonly waitMs: number,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }
  /** The adapter Prisma connected last (bot/db/direct-sql.ts runs the hot statements on it). */
  connected: SqlDriverAdapter | undefined;
  async connect(): Promise<SqlDriverAdapter> {
    const inner = await this.inner.connect();
    keepStatements(inner);
    this.connected = new SerializedAdapter(inner, this.waitMs);
    return this.connected;
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new SerializedAdapter(await this.inner.connectToShadowDb(), this.waitMs);
  }
}
