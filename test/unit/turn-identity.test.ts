// Every turn starts by reading who writes (the chat account, its staff member, their unit) and
// their guided flow in one plain-SQL statement: it must read exactly what Prisma reads, on
// SQLite and on PostgreSQL, and refuse an inactive account or a staff member who left.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { findIdentity, findIdentityAndFlow } from "../../bot/services/accounts.js";
import { getFlow, setFlow, settleFlow } from "../../bot/services/flows.js";
import { getSetting, setSetting } from "../../bot/services/settings.js";
import { createTestDatabase, type TestDatabase, testProviders } from "../helpers/db.js";
import { bind } from "../helpers/tasks.js";

const NOW = new Date("2026-11-27T02:00:00Z");
const providers = await testProviders();

describe.each(providers)("the turn's identity and flow (%s)", (provider) => {
  let tdb: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    tdb = await createTestDatabase({ provider });
    db = tdb.prisma;
    await loadDemoStaff(db);
  });
  afterAll(async () => tdb?.drop());

  const prismaRead = (externalId: string) =>
    db.chatAccount.findUniqueOrThrow({ where: { platform_externalId: { platform: "telegram", externalId } }, include: { staff: { include: { unit: true } } } });

  it("reads the account, staff member and unit exactly as Prisma does, with no flow", async () => {
    const account = await bind(db, "KH02");
    await db.chatAccount.update({ where: { id: account.id }, data: { lastSeenAt: NOW, username: "kh02" } });
    await db.staff.update({ where: { id: account.staffId }, data: { locale: "en", preferredChannel: "telegram" } });
    const found = await findIdentityAndFlow(db, "telegram", account.externalId);
    expect(found.identity).toEqual(await prismaRead(account.externalId));
    expect(found.identity!.staff.unit.code).toBe("KHTC");
    expect(found.identity!.lastSeenAt).toBeInstanceOf(Date);
    expect(found.identity!.active).toBe(true);
    expect(found.flow).toBeNull();
    expect(await findIdentity(db, "telegram", account.externalId)).toEqual(found.identity);
  });

  it("reads the guided flow with it; one left idle too long is forgotten once", async () => {
    const account = await bind(db, "QL02");
    await setFlow(db, account.id, { flow: "baocao", step: "percent", data: { taskId: 7 } }, NOW);
    const found = await findIdentityAndFlow(db, "telegram", account.externalId);
    const stored = await db.flowState.findUniqueOrThrow({ where: { chatAccountId: account.id } });
    expect(found.flow).toEqual({ flow: stored.flow, step: stored.step, data: stored.data, expiresAt: stored.expiresAt });
    expect(await settleFlow(db, account.id, found.flow, NOW)).toEqual({ state: { flow: "baocao", step: "percent", data: { taskId: 7 } }, expired: null });
    const late = new Date(stored.expiresAt.getTime() + 1);
    expect(await settleFlow(db, account.id, found.flow, late)).toEqual({ state: null, expired: "baocao" });
    expect(await getFlow(db, account.id, late)).toBeNull();
    expect((await findIdentityAndFlow(db, "telegram", account.externalId)).flow).toBeNull();
  });

  it("no identity for an unknown, an inactive account or a staff member who left", async () => {
    expect(await findIdentityAndFlow(db, "telegram", "no-such-user")).toEqual({ identity: null, flow: null });
    const blocked = await bind(db, "VP02");
    await db.chatAccount.update({ where: { id: blocked.id }, data: { active: false, inactiveReason: "blocked", inactiveAt: NOW } });
    expect((await findIdentityAndFlow(db, "telegram", blocked.externalId)).identity).toBeNull();
    const left = await bind(db, "CS02");
    await db.staff.update({ where: { id: left.staffId }, data: { active: false } });
    expect((await findIdentityAndFlow(db, "telegram", left.externalId)).identity).toBeNull();
    // Another platform's account with the same user id is another person.
    expect((await findIdentityAndFlow(db, "zalo", (await bind(db, "KH01")).externalId)).identity).toBeNull();
  });

  it("reads a setting by plain SQL: the default until one is stored, then the stored value", async () => {
    expect(await getSetting(db, "tasks.dueSoonWorkingDays")).toBe(5);
    await setSetting(db, "tasks.dueSoonWorkingDays", "7", "test", NOW);
    expect(await getSetting(db, "tasks.dueSoonWorkingDays")).toBe(7);
  });
});
