// Prisma's better-sqlite3 adapter shares one connection between transactions and ordinary
// queries, and only transactions wait for each other: a query from another update that
// arrives while a transaction is open runs *inside* that transaction (and is rolled back
// with it). This wrapper makes every query on the shared connection wait while a
// transaction is open, so concurrent updates see the isolation they expect.
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";

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

class SerializedTransaction implements Transaction {
  readonly provider;
  readonly adapterName;
  readonly options;
  #released = false;
  constructor(
    private readonly inner: Transaction,
    private readonly release: () => void,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.options = inner.options;
  }
  queryRaw(q: SqlQuery): Promise<SqlResultSet> {
    return this.inner.queryRaw(q);
  }
  executeRaw(q: SqlQuery): Promise<number> {
    return this.inner.executeRaw(q);
  }
  #done() {
    if (!this.#released) {
      this.#released = true;
      this.release();
    }
  }
  async commit(): Promise<void> {
    try {
      await this.inner.commit();
    } finally {
      this.#done();
    }
  }
  async rollback(): Promise<void> {
    try {
      await this.inner.rollback();
    } finally {
      this.#done();
    }
  }
}

class SerializedAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  readonly #lock = new Lock();
  constructor(private readonly inner: SqlDriverAdapter) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }
  queryRaw(q: SqlQuery): Promise<SqlResultSet> {
    return this.#lock.run(() => this.inner.queryRaw(q));
  }
  executeRaw(q: SqlQuery): Promise<number> {
    return this.#lock.run(() => this.inner.executeRaw(q));
  }
  executeScript(script: string): Promise<void> {
    return this.#lock.run(() => this.inner.executeScript(script));
  }
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#lock.acquire();
    try {
      return new SerializedTransaction(await this.inner.startTransaction(isolationLevel), release);
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
  constructor(private readonly inner: SqlMigrationAwareDriverAdapterFactory) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }
  async connect(): Promise<SqlDriverAdapter> {
    return new SerializedAdapter(await this.inner.connect());
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new SerializedAdapter(await this.inner.connectToShadowDb());
  }
}
