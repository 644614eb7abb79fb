// The task lists' order kept in the process (bot/services/tasks/list-order.ts): every page is
// what the database says now, also after the plan is changed by another connection (the CLI,
// another instance), because database triggers bump the list version on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../bot/db/client.js";
import type { Db } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import type { Viewer } from "../../bot/services/tasks/access.js";
import { listTasksPage } from "../../bot/services/tasks/queries.js";
import { unitTaskPage } from "../../bot/services/tasks/unit-overview.js";
import { createTestDatabase, type TestDatabase, testProviders } from "../helpers/db.js";
import { makeTask, taskEnv, viewerOf } from "../helpers/tasks.js";

const TODAY = "2021-03-10";
const providers = await testProviders();

describe.each(providers)("kept task-list order on %s", (provider) => {
  let tdb: TestDatabase;
  let db: Db;
  let other: Database; // a second connection, as the CLI or another instance would be

  beforeAll(async () => {
    tdb = await createTestDatabase({ provider });
    db = tdb.prisma;
    await loadDemoStaff(db);
    await db.task.deleteMany();
    for (let i = 1; i <= 25; i++) await makeTask(db, { code: `B${i}`, lead: [i % 3 === 0 ? "QLKH" : "KHTC"], ...(i % 4 === 0 ? { coord: ["KHTC"] } : {}) });
    other = await openDatabase(tdb.url);
  });
  afterAll(async () => {
    await other.close();
    await tdb.drop();
  });

  /** The whole list, page by page of 7 (so the slices cross group boundaries). */
  async function allPages(v: Viewer, opts: { reportable?: boolean } = {}) {
    const env = taskEnv(db, TODAY);
    const first = await listTasksPage(env, v, 0, 7, opts);
    const lines = [...first.lines];
    for (let p = 1; p < first.pages; p++) lines.push(...(await listTasksPage(env, v, p, 7, opts)).lines);
    return { total: first.total, codes: lines.map((l) => `${l.group}:${l.code}`) };
  }

  /** The same list worked out here from the rows, the plain way. */
  async function expected(v: Viewer, opts: { reportable?: boolean; withOther?: boolean } = {}) {
    const tasks = await db.task.findMany({ include: { units: true, assignees: true }, orderBy: [{ status: "desc" }, { sortKey: "asc" }, { code: "asc" }] });
    const groupOf = (t: (typeof tasks)[number]) => {
      if (t.assignees.some((a) => a.staffId === v.staffId)) return 0;
      const mine = t.units.filter((u) => u.unitId === v.unitId);
      if (mine.some((u) => u.role === "lead")) return 1;
      if (mine.some((u) => u.role === "coord")) return 2;
      return mine.length > 0 ? 9 : 3;
    };
    const names = ["assigned", "lead", "coord", "other"];
    const lines = tasks
      .filter((t) => !opts.reportable || t.status === "open")
      .map((t) => ({ t, g: groupOf(t) }))
      .filter(({ g }) => g <= 2 || (g === 3 && opts.withOther))
      .sort((a, b) => a.g - b.g);
    return { total: lines.length, codes: lines.map(({ t, g }) => `${names[g]}:${t.code}`) };
  }

  it("pages are the list as the database has it, before and after another connection changes the plan", async () => {
    const kh = await viewerOf(db, "KH02");
    const office = await viewerOf(db, "VP01"); // the office: every task, others as "other"
    expect(await allPages(kh)).toEqual(await expected(kh));
    expect(await allPages(kh, { reportable: true })).toEqual(await expected(kh, { reportable: true }));
    expect(await allPages(office)).toEqual(await expected(office, { withOther: true }));

    // Another connection: a new task led by KHTC, one assigned to KH02, one closed, one re-coded
    // to sort first, and a unit link removed.
    const khtc = await other.prisma.unit.findFirstOrThrow({ where: { code: "KHTC" } });
    const b3 = await other.prisma.task.findUniqueOrThrow({ where: { code: "B3" } });
    await other.prisma.task.create({ data: { code: "B0", sortKey: "0000", title: "Mới", content: "", section: "I", units: { create: [{ unitId: khtc.id, role: "lead" }] } } });
    await other.prisma.taskAssignee.create({ data: { taskId: b3.id, staffId: kh.staffId } });
    await other.prisma.task.update({ where: { code: "B5" }, data: { status: "closed" } });
    await other.prisma.task.update({ where: { code: "B7" }, data: { sortKey: "" } });
    await other.prisma.taskUnit.deleteMany({ where: { task: { code: "B8" }, role: "coord" } });

    const after = await allPages(kh);
    expect(after).toEqual(await expected(kh));
    expect(after.codes[0]).toBe("assigned:B3");
    expect(after.codes).toContain("lead:B0");
    expect(after.codes.indexOf("lead:B5")).toBeGreaterThan(after.codes.indexOf("lead:B4")); // closed tasks last
    expect(await allPages(kh, { reportable: true })).toEqual(await expected(kh, { reportable: true }));
    expect(await allPages(office)).toEqual(await expected(office, { withOther: true }));
  });

  it("/donvi's pages are the unit's links as the database has them, also after another connection changes them", async () => {
    const khtc = await db.unit.findFirstOrThrow({ where: { code: "KHTC" } });
    const unitPages = async () => {
      const env = taskEnv(db, TODAY);
      const first = await unitTaskPage(env, khtc.id, 0, 6);
      const lines = [...first.lines];
      for (let p = 1; p < first.pages; p++) lines.push(...(await unitTaskPage(env, khtc.id, p, 6)).lines);
      return { total: first.total, codes: lines.map((l) => `${l.role}:${l.code}`) };
    };
    const expectedLinks = async () => {
      const links = await db.taskUnit.findMany({ where: { unitId: khtc.id, role: { in: ["lead", "coord"] } }, include: { task: true } });
      const codes = links
        .sort((a, b) => (a.role === b.role ? 0 : a.role === "lead" ? -1 : 1) || (a.task.sortKey < b.task.sortKey ? -1 : a.task.sortKey > b.task.sortKey ? 1 : 0) || (a.task.code < b.task.code ? -1 : 1))
        .map((l) => `${l.role}:${l.task.code}`);
      return { total: codes.length, codes };
    };
    expect(await unitPages()).toEqual(await expectedLinks());
    const b2 = await other.prisma.task.findUniqueOrThrow({ where: { code: "B2" } });
    await other.prisma.taskUnit.create({ data: { taskId: b2.id, unitId: khtc.id, role: "coord" } });
    await other.prisma.taskUnit.deleteMany({ where: { task: { code: "B10" }, unitId: khtc.id } });
    const after = await unitPages();
    expect(after).toEqual(await expectedLinks());
    expect(after.codes).toContain("coord:B2");
    expect(after.codes).not.toContain("lead:B10");
  });

  it("a progress report leaves the list version alone (the kept order stays in use)", async () => {
    const version = async () => Number((await db.$queryRaw<{ version: number | bigint }[]>`SELECT "version" FROM "TaskListVersion" WHERE "id" = 1`)[0]!.version);
    const before = await version();
    const kh = await viewerOf(db, "KH02");
    const task = await db.task.findUniqueOrThrow({ where: { code: "B1" } });
    await db.progressReport.create({ data: { taskId: task.id, staffId: kh.staffId, unitId: kh.unitId, percent: 40 } });
    expect(await version()).toBe(before);
    await db.task.update({ where: { id: task.id }, data: { title: "Đổi tên" } });
    expect(await version()).toBe(before); // the title does not order the list
  });
});
