// One-time invites and account binding, against a real SQLite database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite, hashInvite, INVITE_RE, lockMinutes, redeemInvite } from "../../bot/services/invites.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";

let tdb: TestDatabase;
const T0 = new Date("2026-11-27T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let nextUser = 1000;
const who = () => {
  const id = String(nextUser++);
  return { platform: "telegram", externalId: id, chatId: id, username: null, displayName: "Test" };
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  await loadDemoStaff(tdb.prisma);
});
afterAll(async () => tdb.drop());

async function invite(code = "KH02", ttlHours = 72, now = T0) {
  const res = await createInvite(tdb.prisma, { staffCode: code, ttlHours, now, actor: "cli:test" });
  if (!res.ok) throw new Error(res.reason);
  return res.invite;
}

describe("invites", () => {
  it("are random, URL-safe, at most 64 characters and stored only as a hash", async () => {
    const a = await invite();
    const b = await invite();
    expect(a).toMatch(INVITE_RE);
    expect(a.length).toBeLessThanOrEqual(64);
    expect(Buffer.from(a, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(a).not.toBe(b);
    const rows = await tdb.prisma.invite.findMany();
    expect(rows.some((r) => r.codeHash === a)).toBe(false);
    expect(rows.some((r) => r.codeHash === hashInvite(a))).toBe(true);
  });

  it("bind once; a second use is refused", async () => {
    const code = await invite("KH01");
    const first = await redeemInvite(tdb.prisma, code, who(), at(1));
    expect(first).toMatchObject({ ok: true, alreadyBound: false });
    expect(await redeemInvite(tdb.prisma, code, who(), at(2))).toEqual({ ok: false, reason: "used" });
  });

  it("expire after their time to live", async () => {
    const code = await invite("QL02", 1);
    expect(await redeemInvite(tdb.prisma, code, who(), at(61))).toEqual({ ok: false, reason: "expired" });
  });

  it("an older invite stops working when a newer one is issued", async () => {
    const old = await invite("QL01");
    const fresh = await invite("QL01");
    expect(await redeemInvite(tdb.prisma, old, who(), at(1))).toEqual({ ok: false, reason: "revoked" });
    expect((await redeemInvite(tdb.prisma, fresh, who(), at(1))).ok).toBe(true);
  });

  it("two chats racing for one invite: exactly one wins", async () => {
    const code = await invite("CS01");
    const results = await Promise.all([redeemInvite(tdb.prisma, code, who(), at(1)), redeemInvite(tdb.prisma, code, who(), at(1))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await tdb.prisma.chatAccount.count({ where: { staff: { code: "CS01" }, active: true } })).toBe(1);
  });

  it("binding a new phone retires the old account", async () => {
    const first = who();
    await redeemInvite(tdb.prisma, await invite("CS02"), first, at(1));
    const second = who();
    await redeemInvite(tdb.prisma, await invite("CS02"), second, at(2));
    const accounts = await tdb.prisma.chatAccount.findMany({ where: { staff: { code: "CS02" } }, orderBy: { id: "asc" } });
    expect(accounts.map((a) => [a.externalId, a.active, a.inactiveReason])).toEqual([
      [first.externalId, false, "rebound"],
      [second.externalId, true, null],
    ]);
  });

  it("an account bound to someone else cannot take another person's invite", async () => {
    const me = who();
    await redeemInvite(tdb.prisma, await invite("VP01"), me, at(1));
    const res = await redeemInvite(tdb.prisma, await invite("VP02"), me, at(2));
    expect(res).toEqual({ ok: false, reason: "boundToOther", staffName: "Nguyễn Thị Lan" });
  });

  it("slow down repeated failures from one account", async () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(lockMinutes)).toEqual([0, 0, 1, 2, 4, 8, 60]);
    const guesser = who();
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await redeemInvite(tdb.prisma, `wrong-invite-${i}-aaaaaaaa`, guesser, at(10)));
    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual(["invalid", "invalid", "invalid"]);
    // Locked now, even with a valid invite.
    const valid = await invite("GD01");
    expect(await redeemInvite(tdb.prisma, valid, guesser, at(10.5))).toEqual({ ok: false, reason: "throttled", retryInMinutes: 1 });
    expect((await redeemInvite(tdb.prisma, valid, guesser, at(12))).ok).toBe(true);
    const denied = await tdb.prisma.auditLog.count({ where: { action: "account.bind", outcome: "denied", actor: `telegram:${guesser.externalId}` } });
    expect(denied).toBe(3);
    const logged = await tdb.prisma.auditLog.findMany({ where: { action: "account.bind" } });
    expect(JSON.stringify(logged)).not.toContain("wrong-invite");
  });

  it("refuse unknown and inactive staff", async () => {
    expect(await createInvite(tdb.prisma, { staffCode: "NOPE", ttlHours: 1, now: T0, actor: "t" })).toEqual({ ok: false, reason: "unknownStaff" });
  });
});
