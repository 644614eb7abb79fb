// PostgreSQL bursts: 201 people pressing their invite link at the same moment (three times),
// then 200 reporting progress at once, on the default pool of 10 connections. Every one is
// bound (or recorded) and answered exactly once; nobody gets the generic error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite } from "../../bot/services/invites.js";
import type { TgUser } from "../fake-telegram/types.js";
import { pgAvailable } from "../helpers/db.js";
import { E2E, textOf } from "../helpers/e2e.js";

const hasPg = await pgAvailable();
const NOW = new Date("2026-11-27T03:00:00Z"); // Friday 10:00 in Hà Nội
const BURST = 201;

describe.runIf(hasPg)("PostgreSQL: bursts queue for the pool instead of failing", () => {
  let e2e: E2E;
  const bound: TgUser[] = [];
  beforeAll(async () => {
    e2e = await E2E.start({ provider: "postgres", clock: () => NOW });
    const unit = await e2e.db.unit.findUniqueOrThrow({ where: { code: "QLKH" } });
    await e2e.db.staff.createMany({
      data: Array.from({ length: BURST * 3 }, (_, i) => ({ code: `PG${String(i).padStart(4, "0")}`, fullName: `Cán bộ Thử ${i}`, unitId: unit.id })),
    });
  });
  afterAll(async () => e2e?.stop());

  for (const round of [0, 1, 2]) {
    it(`${BURST} simultaneous /start with an invite, run ${round + 1} of 3: all bound, each answered once`, async () => {
      const people = [];
      for (let i = 0; i < BURST; i++) {
        const code = `PG${String(round * BURST + i).padStart(4, "0")}`;
        const invite = await createInvite(e2e.db, { staffCode: code, ttlHours: 1, now: NOW, actor: "test" });
        if (!invite.ok) throw new Error(invite.reason);
        people.push({ user: e2e.stranger(), code, invite: invite.invite });
      }
      const before = e2e.tg.sentRecords.length;
      const updateIds = people.map((p) => {
        e2e.tg.sendText(p.user, `/start ${p.invite}`);
        return e2e.tg.updates.at(-1)!.update_id;
      });
      for (const id of updateIds) await e2e.handled(id, 180_000);
      const replies = e2e.tg.sentRecords.slice(before);
      for (const p of people) {
        const mine = replies.filter((r) => r.message.chat.id === p.user.id).map((r) => textOf(r.message));
        expect(mine, p.code).toHaveLength(1);
        expect(mine[0]).toContain(`Cán bộ Thử ${Number(p.code.slice(2))}`);
      }
      const codes = people.map((p) => p.code);
      expect(await e2e.db.chatAccount.count({ where: { active: true, staff: { code: { in: codes } } } })).toBe(BURST);
      if (round === 0) bound.push(...people.map((p) => p.user));
    }, 240_000);
  }

  it("200 simultaneous one-line /baocao: every report recorded, each answered once", async () => {
    const unit = await e2e.db.unit.findUniqueOrThrow({ where: { code: "QLKH" } });
    const task = await e2e.db.task.findFirstOrThrow({ where: { status: "open", units: { some: { unitId: unit.id, role: "lead" } } }, orderBy: { id: "asc" } });
    const reporters = bound.slice(0, 200);
    const before = e2e.tg.sentRecords.length;
    const reportsBefore = await e2e.db.progressReport.count({ where: { taskId: task.id } });
    const updateIds = reporters.map((u, i) => {
      e2e.tg.sendText(u, `/baocao ${task.code} 50 Đã rà soát máy trạm (${i})`);
      return e2e.tg.updates.at(-1)!.update_id;
    });
    for (const id of updateIds) await e2e.handled(id, 180_000);
    const replies = e2e.tg.sentRecords.slice(before);
    for (const u of reporters) expect(replies.filter((r) => r.message.chat.id === u.id)).toHaveLength(1);
    expect(replies.map((r) => textOf(r.message)).join("\n")).not.toContain("đã có lỗi");
    expect(await e2e.db.progressReport.count({ where: { taskId: task.id } })).toBe(reportsBefore + 200);
  }, 240_000);
});
