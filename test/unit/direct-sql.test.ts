// The hot statements run straight on the driver adapter (bot/db/direct-sql.ts): they must
// read exactly what $queryRaw reads and write what $executeRaw writes, on SQLite and on
// PostgreSQL, and a transaction's client must still see its own writes; a statement SQLite
// keeps prepared (bot/db/sqlite-serialized.ts) reads the values of each call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { executeSql, queryRows } from "../../bot/db/direct-sql.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { Prisma } from "../../prisma/generated/sqlite/client.js";
import { createTestDatabase, type TestDatabase, testProviders } from "../helpers/db.js";
import { bind } from "../helpers/tasks.js";

const NOW = new Date("2026-11-27T02:00:00.123Z");
const providers = await testProviders();

describe.each(providers)("plain SQL on the driver adapter (%s)", (provider) => {
  let tdb: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    tdb = await createTestDatabase({ provider });
    db = tdb.prisma;
    await loadDemoStaff(db);
    const account = await bind(db, "KH02");
    await db.chatAccount.update({ where: { id: account.id }, data: { lastSeenAt: NOW } });
  });
  afterAll(async () => tdb?.drop());

  it("reads what $queryRaw reads: integers, counts, text, null, booleans and dates", async () => {
    const queries = [
      Prisma.sql`SELECT a."id", a."externalId", a."username", a."active", a."lastSeenAt", a."boundAt", s."fullName", s."active" AS "staffActive", u."sortOrder"
        FROM "ChatAccount" a JOIN "Staff" s ON s."id" = a."staffId" JOIN "Unit" u ON u."id" = s."unitId" WHERE a."platform" = ${"telegram"}`,
      Prisma.sql`SELECT "unitId", COUNT(*) AS "n" FROM "Staff" WHERE "active" = ${true} GROUP BY "unitId" ORDER BY "unitId"`,
      Prisma.sql`SELECT t."id", t."code", t."dueDate", t."recurring", t."closedAt" FROM "Task" t WHERE t."id" IN (${Prisma.join([1, 2, 3])}) ORDER BY t."id" LIMIT ${2} OFFSET ${1}`,
      Prisma.sql`SELECT "value" FROM "Setting" WHERE "key" = ${"no.such.key"}`,
    ];
    for (const q of queries) {
      const direct = await queryRows(db, q);
      expect(direct, q.sql).toEqual(await db.$queryRaw(q));
    }
    const [row] = await queryRows<{ lastSeenAt: Date; active: boolean }>(db, queries[0]!);
    expect(row!.lastSeenAt).toEqual(NOW);
    expect(row!.active).toBe(true);
  });

  it("writes what $executeRaw writes (dates, booleans), and counts the rows changed", async () => {
    const id = `test:${provider}:1`;
    expect(await executeSql(db, Prisma.sql`INSERT INTO "ProcessedUpdate" ("id", "at", "done") VALUES (${id}, ${NOW}, ${false}) ON CONFLICT ("id") DO NOTHING`)).toBe(1);
    expect(await executeSql(db, Prisma.sql`INSERT INTO "ProcessedUpdate" ("id", "at", "done") VALUES (${id}, ${NOW}, ${false}) ON CONFLICT ("id") DO NOTHING`)).toBe(0);
    expect(await db.processedUpdate.findUniqueOrThrow({ where: { id } })).toMatchObject({ at: NOW, done: false });
    const earlier = new Date(NOW.getTime() + 1);
    expect(await executeSql(db, Prisma.sql`UPDATE "ProcessedUpdate" SET "done" = ${true} WHERE "id" = ${id} AND "at" < ${earlier}`)).toBe(1);
    expect(await db.processedUpdate.findUniqueOrThrow({ where: { id } })).toMatchObject({ at: NOW, done: true });
  });

  it("a statement run again with other values reads those values (SQLite keeps its prepared statements)", async () => {
    const staff = await db.staff.findMany({ select: { id: true, code: true }, orderBy: { id: "asc" }, take: 3 });
    for (let round = 0; round < 2; round++)
      for (const s of staff) {
        expect(await queryRows(db, Prisma.sql`SELECT "code" FROM "Staff" WHERE "id" = ${s.id}`)).toEqual([{ code: s.code }]);
        expect(await db.staff.findUniqueOrThrow({ where: { id: s.id }, select: { code: true } })).toEqual({ code: s.code });
      }
    // More texts than are kept: the oldest are prepared again when they come back.
    for (let n = 1; n <= 300; n++) expect(await queryRows<{ n: unknown }>(db, Prisma.sql`SELECT ${Prisma.raw(String(n))} AS "n"`)).toHaveLength(1);
    expect(await queryRows(db, Prisma.sql`SELECT "code" FROM "Staff" WHERE "id" = ${staff[0]!.id}`)).toEqual([{ code: staff[0]!.code }]);
  });

  it("a transaction's client goes through Prisma and sees its own writes", async () => {
    await db.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: "tasks.dueSoonWorkingDays", value: "3", updatedBy: "test" } });
      expect(await queryRows(tx, Prisma.sql`SELECT "value" FROM "Setting" WHERE "key" = ${"tasks.dueSoonWorkingDays"}`)).toEqual([{ value: "3" }]);
    });
  });
});
