// The services behind the office actions on both databases: finding staff (diacritics
// optional), unbinding (authorised, audited, a no-op writes nothing), the audit log's filters
// (prefixes, kinds, local days, anchored pages) and its mask. PostgreSQL runs when a server answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { audit } from "../../bot/services/audit.js";
import { auditPage, maskDetails } from "../../bot/services/audit-view.js";
import { searchStaff, staffMatcher, unbindStaff } from "../../bot/services/staff-directory.js";
import { createTestDatabase, pgAvailable, type TestDatabase } from "../helpers/db.js";

const hasPg = await pgAvailable();
const NOW = new Date("2026-12-01T02:00:00Z"); // 09:00 in Hà Nội
const TZ = "Asia/Ho_Chi_Minh";

describe("the mask", () => {
  it("hides secret-bearing keys and random-looking words, keeps counts and plain words", () => {
    const masked = maskDetails(JSON.stringify({ invite: "abc", inviteLink: "https://t.me/x?start=Zq3v9XkP2mWc7RtY5nLb8Hs", invitesRevoked: 2, reason: "boundToOther", note: "mã Zq3v9XkP2mWc7RtY5nLb8HsJ4d rồi" }));
    expect(masked).toBe("invite=•••, inviteLink=•••, invitesRevoked=2, reason=boundToOther, note=mã ••• rồi");
    expect(maskDetails("not json /start Zq3v9XkP2mWc7RtY")).toBe("not json /start [invite]");
    expect(maskDetails(null)).toBe("");
  });

  it("matches words at the start of name, code and unit words, diacritics or not", () => {
    const lan = { code: "VP01", fullName: "Nguyễn Thị Lan", unit: { code: "VP", name: "Văn phòng Sở", shortName: "VP Sở" } };
    for (const q of ["lan", "nguyen lan", "NGUYỄN", "vp01", "van phong", "vp lan", "  thi  "]) expect(staffMatcher(q)(lan), q).toBe(true);
    for (const q of ["an", "lan hung", "KH"]) expect(staffMatcher(q)(lan), q).toBe(false);
  });
});

describe.each([
  { provider: "sqlite" as const, run: true },
  { provider: "postgres" as const, run: hasPg },
])("on $provider", ({ provider, run }) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    if (!run) return;
    tdb = await createTestDatabase({ provider });
    await loadDemoStaff(tdb.prisma);
    const kh02 = await tdb.prisma.staff.findUniqueOrThrow({ where: { code: "KH02" } });
    await tdb.prisma.chatAccount.create({ data: { platform: "telegram", externalId: "7001", chatId: "7001", staffId: kh02.id, lastSeenAt: NOW } });
    await tdb.prisma.chatAccount.create({ data: { platform: "zalo", externalId: "z7001", chatId: "z7001", staffId: kh02.id, lastSeenAt: new Date(NOW.getTime() - 3_600_000) } });
    // Entries on two local days: 30/11 23:30 and 01/12 00:30 in Hà Nội (both 30/11 in UTC).
    await audit(tdb.prisma, { actor: "cli:root", action: "staff.import", details: { rows: 3 }, at: new Date("2026-11-30T16:30:00Z") });
    await audit(tdb.prisma, { actor: "cli:root", action: "settings.set", target: "tips.time", details: { value: "09:00" }, at: new Date("2026-11-30T17:30:00Z") });
    await audit(tdb.prisma, { actor: "telegram:7001", actorStaffId: kh02.id, action: "command.thietlap", outcome: "denied", at: NOW });
  });
  afterAll(async () => tdb?.drop());

  it.runIf(run)("finds staff and their accounts; the latest activity over every channel", async () => {
    const page = await searchStaff(tdb.prisma, "pham thu ha", 0, 5);
    expect(page.total).toBe(1);
    expect(page.items[0]!.accounts.map((a) => a.platform).sort()).toEqual(["telegram", "zalo"]);
    expect(page.items[0]!.lastSeenAt).toEqual(NOW);
    const all = await searchStaff(tdb.prisma, "", 5, 4);
    expect(all).toMatchObject({ total: 10, pages: 3, page: 2 });
    expect(all.items).toHaveLength(2);
  });

  it.runIf(run)("filters the audit log by kind, word and local day, pages anchored", async () => {
    const byDay = await auditPage(tdb.prisma, { group: "all", date: "2026-12-01" }, { page: 0, pageSize: 10, timeZone: TZ });
    expect(byDay.items.map((i) => i.action)).toEqual(["command.thietlap", "settings.set"]);
    const imports = await auditPage(tdb.prisma, { group: "import" }, { page: 0, pageSize: 10, timeZone: TZ });
    expect(imports.items.map((i) => i.action)).toEqual(["staff.import"]);
    const denied = await auditPage(tdb.prisma, { group: "denied", word: "kh02" }, { page: 0, pageSize: 10, timeZone: TZ });
    expect(denied.word).toEqual({ kind: "staff", code: "KH02", name: "Phạm Thu Hà" });
    expect(denied.items.map((i) => i.who)).toEqual(["Phạm Thu Hà (KH02)"]);
    const cli = await auditPage(tdb.prisma, { group: "all", word: "cli" }, { page: 0, pageSize: 1, timeZone: TZ });
    expect(cli).toMatchObject({ total: 2, pages: 2 });
    await audit(tdb.prisma, { actor: "cli:root", action: "settings.set", at: NOW });
    const second = await auditPage(tdb.prisma, { group: "all", word: "cli" }, { page: 1, pageSize: 1, upToId: cli.upToId, timeZone: TZ });
    expect(second.items[0]!.action).toBe("staff.import");
  });

  it.runIf(run)("unbinds one channel for the office, refuses others and oneself, audits; again is a no-op", async () => {
    const db = tdb.prisma;
    const kh02 = await db.staff.findUniqueOrThrow({ where: { code: "KH02" } });
    const vp01 = await db.staff.findUniqueOrThrow({ where: { code: "VP01" } });
    expect(await unbindStaff(db, { actor: "telegram:1", staffId: kh02.id, role: "chuyen_vien" }, { code: "QL02" }, { now: NOW })).toEqual({ ok: false, reason: "forbidden" });
    expect(await unbindStaff(db, { actor: "telegram:2", staffId: vp01.id, role: "van_phong" }, { id: vp01.id }, { now: NOW })).toEqual({ ok: false, reason: "self" });
    const office = { actor: "telegram:2", staffId: vp01.id, role: "van_phong" };
    const res = await unbindStaff(db, office, { code: "kh02" }, { platform: "zalo", now: NOW });
    expect(res).toMatchObject({ ok: true, accounts: 1 });
    expect(await db.chatAccount.findMany({ where: { staffId: kh02.id }, select: { platform: true, active: true }, orderBy: { platform: "asc" } })).toEqual([
      { platform: "telegram", active: true },
      { platform: "zalo", active: false },
    ]);
    expect(await unbindStaff(db, office, { code: "KH02" }, { platform: "zalo", now: NOW })).toEqual({ ok: false, reason: "nothingBound" });
    expect(await db.auditLog.findMany({ where: { action: "account.unbind" }, select: { outcome: true, actorStaffId: true }, orderBy: { id: "asc" } })).toEqual([
      { outcome: "denied", actorStaffId: kh02.id },
      { outcome: "denied", actorStaffId: vp01.id },
      { outcome: "ok", actorStaffId: vp01.id },
    ]);
  });
});
