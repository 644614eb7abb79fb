// Plain SQL handed straight to the driver adapter, for the few statements every chat update
// runs (its de-duplication, who writes, the task page). `$queryRaw` still goes through
// Prisma's client runtime and compiles each call in its query compiler (WebAssembly): about a
// fifth of the bot's CPU per /nhiemvu update once every statement of it was plain SQL.
//
// The adapter is the very one Prisma runs its own statements on (for SQLite the serialising
// wrapper, so a statement still waits while a transaction is open), and the rows come back
// as `$queryRaw` gives them (numbers, bigint for 64-bit integers, Date, boolean). A client
// that openDatabase did not open (a transaction, an extended client, a test's own) has no
// adapter here and goes through `$queryRaw` / `$executeRaw` as before.
import type { ArgType, SqlQueryable, SqlResultSet } from "@prisma/driver-adapter-utils";
import type { Prisma } from "../../prisma/generated/sqlite/client.js";
import type { DbOrTx } from "../delivery/outbox.js";
import type { Provider } from "./client.js";

interface Direct {
  provider: Provider;
  adapter: () => SqlQueryable | undefined;
}

const direct = new WeakMap<object, Direct>();

/** Called by openDatabase: `adapter` gives the adapter Prisma connected (once it has). */
export function registerDirect(db: object, provider: Provider, adapter: () => SqlQueryable | undefined): void {
  direct.set(db, { provider, adapter });
}

// ColumnTypeEnum of @prisma/driver-adapter-utils (a const object there; the numbers are its API).
const INT32 = 0;
const INT64 = 1;
const FLOAT = 2;
const DOUBLE = 3;
const BOOLEAN = 5;
const DATE_TIME = 10;
/** Column types passed as they come: text, and numbers the adapter could not type. */
const AS_IS = new Set([6 /* Character */, 7 /* Text */, 12 /* Enum */, 14 /* Set */, 15 /* Uuid */, 128 /* UnknownNumber */]);

function argType(value: unknown): ArgType | undefined {
  const scalar = (s: ArgType["scalarType"]): ArgType => ({ scalarType: s, arity: "scalar" });
  if (value === null) return scalar("unknown");
  if (typeof value === "string") return scalar("string");
  if (typeof value === "number") return scalar(Number.isInteger(value) ? "int" : "float");
  if (typeof value === "bigint") return scalar("bigint");
  if (typeof value === "boolean") return scalar("boolean");
  if (value instanceof Date) return scalar("datetime");
  return undefined;
}

/** The statement for the adapter; undefined when it must go through Prisma (no adapter, or a value of another kind). */
function prepared(db: DbOrTx, query: Prisma.Sql) {
  const d = direct.get(db);
  const adapter = d?.adapter();
  if (!d || !adapter) return undefined;
  const argTypes = query.values.map(argType);
  if (argTypes.some((t) => t === undefined)) return undefined;
  return { adapter, q: { sql: d.provider === "postgres" ? query.text : query.sql, args: query.values, argTypes: argTypes as ArgType[] } };
}

/** A value as Prisma's raw queries give it (the adapters hand over 64-bit integers as text, SQLite's booleans as 0/1). */
function value(v: unknown, type: number, column: string): unknown {
  if (v === null || v === undefined) return null;
  if (AS_IS.has(type)) return v;
  switch (type) {
    case INT32:
      return Math.trunc(Number(v));
    case INT64:
      return BigInt(typeof v === "number" ? Math.trunc(v) : (v as string | bigint));
    case FLOAT:
    case DOUBLE:
      return Number(v);
    case BOOLEAN:
      return v === true || v === 1 || v === "1" || v === "true";
    case DATE_TIME:
      return new Date(v as string);
    default:
      throw new Error(`direct-sql: column "${column}" has a type (${type}) read only through $queryRaw`);
  }
}

function objects<T>(res: SqlResultSet): T[] {
  const { columnNames, columnTypes } = res;
  return res.rows.map((row) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) o[columnNames[i]!] = value(row[i], columnTypes[i]!, columnNames[i]!);
    return o as T;
  });
}

/** The rows of a SELECT written with Prisma.sql, as `$queryRaw` returns them. */
export async function queryRows<T>(db: DbOrTx, query: Prisma.Sql): Promise<T[]> {
  const p = prepared(db, query);
  if (!p) return db.$queryRaw<T[]>(query);
  return objects<T>(await p.adapter.queryRaw(p.q));
}

/** An INSERT, UPDATE or DELETE written with Prisma.sql: the number of rows it changed. */
export async function executeSql(db: DbOrTx, query: Prisma.Sql): Promise<number> {
  const p = prepared(db, query);
  if (!p) return db.$executeRaw(query);
  return p.adapter.executeRaw(p.q);
}
