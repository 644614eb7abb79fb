// Which tasks a person sees and may report on, their order and groups, each unit's own
// progress on a task led by several units, and the unit overview (/donvi) — against a real
// SQLite database and PostgreSQL (the lists are plain SQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { setSetting } from "../../bot/services/settings.js";
import { listTasksPage, type TaskEnv, taskDetail } from "../../bot/services/tasks/queries.js";
import type { Viewer } from "../../bot/services/tasks/access.js";
import { unitOverview, viewableUnits } from "../../bot/services/tasks/unit-overview.js";
import { createTestDatabase, type TestDatabase, testProviders } from "../helpers/db.js";
import { makeTask, taskEnv, viewerOf } from "../helpers/tasks.js";

const TODAY = "2021-03-10"; // a Wednesday
const NOW = new Date("2021-03-10T03:00:00Z");
const providers = await testProviders();

describe.each(providers)("tasks on %s", (provider) => {
  let tdb: TestDatabase;
  let db: Db;
  const ids: Record<string, number> = {};

  async function report(code: string, task: string, percent: number, at: Date) {
    const s = await db.staff.findUniqueOrThrow({ where: { code } });
    await db.progressReport.create({ data: { taskId: ids[task]!, staffId: s.id, unitId: s.unitId, percent, createdAt: at } });
  }

  beforeAll(async () => {
    tdb = await createTestDatabase({ provider });
    db = tdb.prisma;
    await loadDemoStaff(db);
    await db.task.deleteMany(); // only the tasks below
    const specs = [
      { code: "A1", lead: ["KHTC"], assignees: ["QL02"], dueDate: "2021-03-15" },
      { code: "A2", lead: ["QLKH"], coord: ["KHTC"] },
      { code: "A3", lead: ["QLKH"], coord: ["STTTT"] },
      { code: "A4", lead: ["KHTC"], status: "closed" },
      { code: "A5", lead: ["VP", "QLKH", "KHTC"], recurring: true },
    ];
    for (const s of specs) ids[s.code] = (await makeTask(db, s)).id;
    await report("KH02", "A5", 50, new Date("2021-03-09T02:00:00Z"));
    await report("VP02", "A5", 20, new Date("2021-03-09T03:00:00Z"));
  });
  afterAll(async () => tdb.drop());

  // Whole lists (one big page): the paging itself is tested in task-paging.test.ts.
  const listTasksFor = async (env: TaskEnv, v: Viewer) => (await listTasksPage(env, v, 0, 1000)).lines;
  const reportableTasks = async (env: TaskEnv, v: Viewer) => (await listTasksPage(env, v, 0, 1000, { reportable: true })).lines;

  const codesOf = (lines: { code: string; group?: string }[]) => lines.map((l) => (l.group ? `${l.group}:${l.code}` : l.code));

  describe("the tasks a person sees", () => {
    it("a staff member: assigned to them, then led by their unit, then coordinated — nothing else", async () => {
      const env = taskEnv(db, TODAY);
      expect(codesOf(await listTasksFor(env, await viewerOf(db, "KH02")))).toEqual(["lead:A1", "lead:A5", "lead:A4", "coord:A2"]);
      expect(codesOf(await listTasksFor(env, await viewerOf(db, "QL02")))).toEqual(["assigned:A1", "lead:A2", "lead:A3", "lead:A5"]);
      expect(codesOf(await listTasksFor(env, await viewerOf(db, "CS02")))).toEqual([]);
    });

    it("a head sees their unit's tasks only; the office and leaders see every task", async () => {
      const env = taskEnv(db, TODAY);
      expect(codesOf(await listTasksFor(env, await viewerOf(db, "KH01")))).toEqual(["lead:A1", "lead:A5", "lead:A4", "coord:A2"]);
      expect(codesOf(await listTasksFor(env, await viewerOf(db, "VP01")))).toEqual(["lead:A5", "other:A1", "other:A2", "other:A3", "other:A4"]);
      expect(codesOf(await listTasksFor(env, await viewerOf(db, "GD01")))).toEqual(["other:A1", "other:A2", "other:A3", "other:A5", "other:A4"]);
    });

    it("a task's detail is refused outside one's tasks, and for an id that does not exist", async () => {
      const env = taskEnv(db, TODAY);
      const kh02 = await viewerOf(db, "KH02");
      expect(await taskDetail(env, kh02, ids.A3!)).toEqual({ ok: false, reason: "forbidden" });
      expect(await taskDetail(env, kh02, 999_999)).toEqual({ ok: false, reason: "not_found" });
      expect(await taskDetail(env, await viewerOf(db, "CS01"), ids.A1!)).toEqual({ ok: false, reason: "forbidden" });
      const seen = await taskDetail(env, await viewerOf(db, "GD01"), ids.A3!);
      expect(seen.ok && seen.detail.coordUnits.map((u) => u.name)).toEqual(["Sở Thông tin và Truyền thông"]);
      // Leaders see every task, but only those a task concerns report on it.
      expect(seen.ok && seen.detail.canReport).toBe(false);
      expect(seen.ok && seen.detail.canClose).toBe(false);
      const office = await taskDetail(env, await viewerOf(db, "VP01"), ids.A3!);
      expect(office.ok && office.detail.canClose).toBe(true);
    });

    it("reportable tasks are the open tasks that concern the person", async () => {
      const env = taskEnv(db, TODAY);
      expect(codesOf(await reportableTasks(env, await viewerOf(db, "KH02"))).map((c) => c.split(":")[1])).toEqual(["A1", "A5", "A2"]);
      expect(await reportableTasks(env, await viewerOf(db, "GD01"))).toEqual([]);
    });
  });

  describe("progress of a task led by several units", () => {
    it("each unit sees its own latest report; others see the mean of the lead units", async () => {
      const env = taskEnv(db, TODAY);
      const percentOf = async (code: string) => (await listTasksFor(env, await viewerOf(db, code))).find((l) => l.code === "A5")!.percent;
      expect(await percentOf("KH02")).toBe(50);
      expect(await percentOf("VP01")).toBe(20);
      expect(await percentOf("QL02")).toBeNull(); // QLKH has not reported
      expect(await percentOf("GD01")).toBe(23); // (20 + 0 + 50) / 3
      const d = await taskDetail(env, await viewerOf(db, "GD01"), ids.A5!);
      expect(d.ok && d.detail.unitProgress.map((u) => [u.unit.shortName, u.percent])).toEqual([
        ["Văn phòng", 20],
        ["KH-TC", 50],
      ]);
      expect(d.ok && d.detail.reports.map((r) => [r.staffName, r.percent])).toEqual([
        ["Trần Văn Hùng", 20],
        ["Phạm Thu Hà", 50],
      ]);
    });
  });

  describe("unit overview (/donvi)", () => {
    it("a head sees their unit: tasks with the unit's progress, completion, who has not reported", async () => {
      const env = { ...taskEnv(db, TODAY), now: NOW };
      const res = await unitOverview(env, await viewerOf(db, "KH01"), (await viewerOf(db, "KH01")).unitId);
      if (!res.ok) throw new Error(res.reason);
      const o = res.overview;
      expect(o.tasks.lines.map((t) => `${t.role}:${t.code}:${t.percent ?? "-"}`)).toEqual(["lead:A1:-", "lead:A4:-", "lead:A5:50", "coord:A2:-"]);
      expect(o.tasks.lines.find((t) => t.code === "A1")!.mark).toBe("dueSoon");
      // A1 0%, A4 closed counts 100%, A5 50% → 50%; one of three done.
      expect(o.completion).toEqual({ percent: 50, done: 1, total: 3 });
      expect(o.staleDays).toBe(14);
      expect(o.stale.map((s) => s.fullName)).toEqual(["Lê Minh Tuấn"]);
    });

    it("stale reporters follow tasks.staleReportDays; people of a unit with no task are never stale", async () => {
      const later = { ...taskEnv(db, "2021-03-30"), now: new Date("2021-03-30T03:00:00Z") };
      const kh = (await viewerOf(db, "KH01")).unitId;
      const before = await unitOverview(later, await viewerOf(db, "KH01"), kh);
      expect(before.ok && before.overview.stale.map((s) => [s.fullName, s.lastReportAt?.toISOString() ?? null])).toEqual([
        ["Lê Minh Tuấn", null],
        ["Phạm Thu Hà", "2021-03-09T02:00:00.000Z"],
      ]);
      await setSetting(db, "tasks.staleReportDays", "30", "test", NOW);
      const after = await unitOverview(later, await viewerOf(db, "KH01"), kh);
      expect(after.ok && after.overview.stale.map((s) => s.fullName)).toEqual(["Lê Minh Tuấn"]);
      await setSetting(db, "tasks.staleReportDays", "14", "test", NOW);
      const bgd = await unitOverview(later, await viewerOf(db, "GD01"), (await viewerOf(db, "GD01")).unitId);
      expect(bgd.ok && bgd.overview.stale).toEqual([]);
    });

    it("a head may not open another unit; the office and leaders may open any", async () => {
      const env = { ...taskEnv(db, TODAY), now: NOW };
      const qlkh = (await viewerOf(db, "QL01")).unitId;
      expect(await unitOverview(env, await viewerOf(db, "KH01"), qlkh)).toEqual({ ok: false, reason: "forbidden" });
      expect(await unitOverview(env, await viewerOf(db, "KH02"), (await viewerOf(db, "KH02")).unitId)).toEqual({ ok: false, reason: "forbidden" });
      expect(await unitOverview(env, await viewerOf(db, "KH01"), 999_999)).toEqual({ ok: false, reason: "not_found" });
      expect((await unitOverview(env, await viewerOf(db, "VP01"), qlkh)).ok).toBe(true);
      expect((await unitOverview(env, await viewerOf(db, "GD01"), qlkh)).ok).toBe(true);
      expect((await viewableUnits(db, await viewerOf(db, "KH01"))).map((u) => u.code)).toEqual(["KHTC"]);
      expect((await viewableUnits(db, await viewerOf(db, "GD01"))).map((u) => u.code)).toEqual(["VP", "KHTC", "QLKH", "QLCS", "BGD"]);
    });
  });
});
