// Writers racing on the same dossiers, on both databases: two systems pushing the same new
// records, an import while a handler reports the result returned in the chat, nudges recorded
// by two instances at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { reportReturned } from "../../bot/services/dossiers/actions.js";
import { applyDossierImport, planDossierImport, recordsFromJson } from "../../bot/services/dossiers/import.js";
import { recordDossierNudges } from "../../bot/services/dossiers/nudges.js";
import { createI18n } from "../../bot/i18n.js";
import { loadWorkingCalendar } from "../../bot/services/working-calendar.js";
import { createTestDatabase, type TestDatabase, testProviders } from "../helpers/db.js";
import { vn } from "../helpers/jobs.js";

const TZ = "Asia/Ho_Chi_Minh";
const providers = await testProviders();

describe.each(providers)("on %s", (provider) => {
  let tdb: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    tdb = await createTestDatabase({ provider });
    db = tdb.prisma;
    await loadDemoStaff(db);
    for (const s of await db.staff.findMany()) {
      await db.chatAccount.create({ data: { platform: "telegram", externalId: String(5000 + s.id), chatId: String(5000 + s.id), staffId: s.id } });
    }
  });
  afterAll(async () => tdb.drop());

  const records = (prefix: string, n: number, status = "Đang xử lý") =>
    Array.from({ length: n }, (_, i) => ({
      code: `${prefix}-${i}`,
      procedureName: "Thủ tục",
      applicant: "Người nộp",
      receivedAt: "20/08/2025",
      dueAt: "29/08/2025",
      handler: "KH02",
      status,
    }));

  async function push(body: unknown[], now: Date) {
    const calendar = await loadWorkingCalendar(db, TZ);
    const plan = await planDossierImport(db, recordsFromJson(body), { calendar, timeZone: TZ, now });
    expect(plan.problems).toEqual([]);
    return applyDossierImport(db, plan, { calendar, actor: "test", now, source: "api" });
  }

  it("two pushes of the same new dossiers both succeed and create each once", async () => {
    const now = vn("2025-09-03", "09:00");
    const results = await Promise.all([push(records("P", 20), now), push(records("P", 20), now), push(records("P", 20), now)]);
    expect(results.map((r) => r.created + r.unchanged)).toEqual([20, 20, 20]);
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(20);
    expect(await db.dossier.count({ where: { code: { startsWith: "P-" } } })).toBe(20);
    expect(await db.dossierStatusChange.count({ where: { dossier: { code: { startsWith: "P-" } } } })).toBe(20);
  });

  it("a return reported in the chat during an import is never lost", async () => {
    await push(records("R", 10), vn("2025-09-03", "09:00"));
    const calendar = await loadWorkingCalendar(db, TZ);
    const kh02 = await db.staff.findUniqueOrThrow({ where: { code: "KH02" } });
    const viewer = { staffId: kh02.id, role: kh02.role, unitId: kh02.unitId };
    const ids = (await db.dossier.findMany({ where: { code: { startsWith: "R-" } }, orderBy: { code: "asc" } })).map((d) => d.id);
    const now = vn("2025-09-04", "10:00");
    const ctx = { db, calendar, timeZone: TZ, now, today: "2025-09-04", actor: "test" };
    const [, ...returns] = await Promise.all([push(records("R", 10), now), ...ids.map((id) => reportReturned(ctx, viewer, id, "2025-09-04"))]);
    expect(returns.every((r) => r.ok)).toBe(true);
    const rows = await db.dossier.findMany({ where: { code: { startsWith: "R-" } } });
    expect(rows.map((r) => r.status)).toEqual(Array(10).fill("da_tra_tre_han"));
  });

  it("two instances recording the same nudges record each once", async () => {
    await push(records("N", 15), vn("2025-09-03", "07:00"));
    const calendar = await loadWorkingCalendar(db, TZ);
    const deps = { db, i18n: createI18n("vi"), calendar, timeZone: TZ, defaultLocale: "vi" as const };
    const at = vn("2025-09-04", "09:00");
    const open = await db.dossier.count({ where: { status: "dang_xu_ly" } }); // these 15 and the first test's 20
    const [a, b] = await Promise.all([recordDossierNudges(deps, at), recordDossierNudges(deps, at)]);
    // Each key was tried by both; one recorded it, the other found it taken. The head gets one
    // escalation listing the unit's overdue dossiers.
    expect([a.nudges + b.nudges, a.escalationsToHeads + b.escalationsToHeads, a.duplicates + b.duplicates]).toEqual([open, 1, open + 1]);
    expect(await db.outboxMessage.count({ where: { kind: "nudge", dedupKey: { endsWith: ":2025-09-04" } } })).toBe(open);
    expect(await db.outboxMessage.count({ where: { kind: "escalation", dedupKey: { contains: ":2025-09-04:" } } })).toBe(1);
  });
});
