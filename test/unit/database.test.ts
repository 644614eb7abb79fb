// The migration runner and the seed, on SQLite and on the PostgreSQL server.
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../bot/db/client.js";
import { migrate, readMigrations } from "../../bot/db/migrate.js";
import { seedPlan2021 } from "../../bot/db/seed.js";
import { audit } from "../../bot/services/audit.js";
import { PLAN_2021_TASKS } from "../../bot/seed-data/plan-2021.js";
import { createTestDatabaseUrl, testProviders } from "../helpers/db.js";

const providers = await testProviders();

describe.each(providers)("database on %s", (provider) => {
  it("migrates an empty database, records it as Prisma does, and is idempotent", async () => {
    const { url, drop } = await createTestDatabaseUrl(provider);
    try {
      const first = await migrate(url);
      expect(first.applied).toEqual(readMigrations(provider).map((m) => m.name));
      const second = await migrate(url);
      expect(second).toMatchObject({ applied: [], alreadyApplied: first.applied.length });
      const db = await openDatabase(url);
      const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
        `SELECT migration_name, checksum FROM "_prisma_migrations"`,
      );
      expect(rows.map((r) => r.checksum)).toEqual(readMigrations(provider).map((m) => m.checksum));
      await db.close();
    } finally {
      await drop();
    }
  });

  // Several instances are a PostgreSQL deployment; SQLite is one process (see README).
  it.runIf(provider === "postgres")("several instances starting together migrate and seed exactly once", async () => {
    const { url, drop } = await createTestDatabaseUrl(provider);
    try {
      const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
      const dbs = await Promise.all([openDatabase(url), openDatabase(url), openDatabase(url)]);
      const now = new Date("2026-11-27T00:00:00Z");
      const seeds = await Promise.all(dbs.map((d) => seedPlan2021(d.prisma, now)));
      expect(seeds.filter((s) => s.seeded)).toHaveLength(1);
      expect(await dbs[0]!.prisma.task.count()).toBe(PLAN_2021_TASKS.length);
      await Promise.all(dbs.map((d) => d.close()));
    } finally {
      await drop();
    }
  });

  it("seeds the 2021 plan into an empty database only", async () => {
    const { url, drop } = await createTestDatabaseUrl(provider);
    try {
      await migrate(url);
      const db = await openDatabase(url);
      const now = new Date("2026-11-27T00:00:00Z");
      expect((await seedPlan2021(db.prisma, now)).seeded).toBe(true);
      expect((await seedPlan2021(db.prisma, now)).seeded).toBe(false);
      const units = await db.prisma.unit.findMany({ orderBy: { sortOrder: "asc" } });
      expect(units.slice(0, 4).map((u) => u.name)).toEqual([
        "Văn phòng Sở",
        "Phòng Kế hoạch - Tài chính",
        "Phòng Quản lý Khoa học",
        "Phòng Quản lý Khoa học và Công nghệ cơ sở",
      ]);
      const vc = await db.prisma.task.findUniqueOrThrow({ where: { code: "V.c" }, include: { units: { include: { unit: true } } } });
      expect(vc.recurring).toBe(true);
      expect(vc.units.filter((l) => l.role === "lead").map((l) => l.unit.code).sort()).toEqual(["QLCS", "QLKH"]);
      const iii52 = await db.prisma.task.findUniqueOrThrow({ where: { code: "III.5.2" }, include: { units: { include: { unit: true } } } });
      expect(iii52.units.filter((l) => l.role === "coord").map((l) => l.unit.name).sort()).toEqual(["Công an tỉnh", "Sở Thông tin và Truyền thông"]);
      const deadlines = await db.prisma.reportDeadline.findMany({ orderBy: { id: "asc" } });
      expect(deadlines.map((d) => d.dueMonthDay)).toEqual(["03-03", "06-03", "09-03", "11-25"]);
      await db.close();
    } finally {
      await drop();
    }
  });

  it("keeps the audit log append-only", async () => {
    const { url, drop } = await createTestDatabaseUrl(provider);
    try {
      await migrate(url);
      const db = await openDatabase(url);
      await audit(db.prisma, { actor: "system", action: "test.entry" });
      const row = await db.prisma.auditLog.findFirstOrThrow();
      await expect(db.prisma.auditLog.update({ where: { id: row.id }, data: { action: "changed" } })).rejects.toThrow();
      await expect(db.prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
      expect((await db.prisma.auditLog.findFirstOrThrow()).action).toBe("test.entry");
      await db.close();
    } finally {
      await drop();
    }
  });

  it("a query racing an open transaction is not swallowed by its rollback", async () => {
    const { url, drop } = await createTestDatabaseUrl(provider);
    try {
      await migrate(url);
      const db = await openDatabase(url);
      let inside!: () => void;
      const txOpen = new Promise<void>((r) => (inside = r));
      const failing = db.prisma
        .$transaction(async (tx) => {
          await tx.setting.create({ data: { key: "in-tx", value: "1" } });
          inside();
          await new Promise((r) => setTimeout(r, 50));
          throw new Error("rolled back on purpose");
        })
        .catch((e: Error) => e.message);
      await txOpen;
      await db.prisma.setting.create({ data: { key: "outside", value: "1" } });
      expect(await failing).toBe("rolled back on purpose");
      expect((await db.prisma.setting.findMany()).map((r) => r.key)).toEqual(["outside"]);
      await db.close();
    } finally {
      await drop();
    }
  });
});
