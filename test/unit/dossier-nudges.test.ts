// Dossier reminders and escalations, driven as a job with a fixed clock over a week with a
// holiday in it (Quốc khánh 2025: Monday 1 and Tuesday 2 September off), the outbox sender
// delivering between runs.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { OutboxSender } from "../../bot/delivery/sender.js";
import type { Transport } from "../../bot/delivery/transport.js";
import { dossierNudgesJob } from "../../bot/jobs/dossier-nudges.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { reportReturned, snoozeDossier } from "../../bot/services/dossiers/actions.js";
import { setSetting } from "../../bot/services/settings.js";
import { loadWorkingCalendar } from "../../bot/services/working-calendar.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { jobDeps, vn } from "../helpers/jobs.js";
import { memoryLogger } from "../helpers/logger.js";

interface Delivered {
  chatId: string;
  text: string;
  buttons: string[];
  at: Date;
}

let tdb: TestDatabase;
let db: Db;
let staff: Map<string, { id: number; unitId: number; role: string }>;
let delivered: Delivered[];
let clock: Date;

function transport(): Transport {
  return {
    sendText: async (chatId, text, buttons) => {
      delivered.push({ chatId, text, buttons: (buttons ?? []).flat().map((b) => b.data ?? ""), at: clock });
      return delivered.length;
    },
    sendDocument: async () => 0,
  };
}

const chatOf = (code: string) => String(5000 + staff.get(code)!.id);
const to = (code: string) => delivered.filter((d) => d.chatId === chatOf(code));

async function createDossier(code: string, handler: string, due: string, extra: Record<string, unknown> = {}) {
  const h = staff.get(handler)!;
  return db.dossier.create({
    data: {
      code,
      procedureName: "Cấp giấy phép tiến hành công việc bức xạ",
      applicant: "Bệnh viện Đa khoa tỉnh",
      unitId: h.unitId,
      handlerId: h.id,
      receivedAt: vn("2025-08-15", "09:00"),
      dueAt: vn(due, "17:00"),
      importedAt: vn("2025-09-03", "07:00"),
      ...extra,
    },
  });
}

async function runAt(at: Date) {
  clock = at;
  const deps = jobDeps(db);
  const summary = await dossierNudgesJob.run(at, deps);
  const sender = new OutboxSender(db, transport(), memoryLogger().logger, {
    instanceId: "test",
    timeZone: "Asia/Ho_Chi_Minh",
    limits: { perSecond: 1000, perChatIntervalMs: 0, groupPerMinute: 1000 },
    clock: () => at,
  });
  await sender.drain();
  return summary as Record<string, unknown>;
}

const WEEK = ["2025-09-01", "2025-09-02", "2025-09-03", "2025-09-04", "2025-09-05", "2025-09-06", "2025-09-07"];
const TIMES = ["07:00", "08:00", "10:30", "12:15", "16:30", "17:30"];

beforeEach(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  await loadDemoStaff(db);
  const rows = await db.staff.findMany();
  staff = new Map(rows.map((s) => [s.code, s]));
  for (const s of rows) await db.chatAccount.create({ data: { platform: "telegram", externalId: String(5000 + s.id), chatId: String(5000 + s.id), staffId: s.id } });
  delivered = [];
});
afterEach(async () => tdb.drop());

describe("dossier reminders over a week with a holiday", () => {
  it("nudge once per working day, inside office hours, and escalate after the thresholds", async () => {
    const late = await createDossier("HS-QUAHAN", "KH02", "2025-08-29");
    await createDossier("HS-SAPDEN", "QL02", "2025-09-04");
    await createDossier("HS-XA", "CS02", "2025-09-30");
    for (const day of WEEK) for (const time of TIMES) await runAt(vn(day, time));

    // The handler of the overdue dossier: Wednesday, Thursday, Friday; never on the holidays.
    const kh02 = to("KH02");
    expect(kh02.map((d) => d.at)).toEqual([vn("2025-09-03", "08:00"), vn("2025-09-04", "08:00"), vn("2025-09-05", "08:00")]);
    expect(kh02.map((d) => /quá hạn (\d) ngày làm việc/.exec(d.text)?.[1])).toEqual(["1", "2", "3"]);
    expect(kh02[0]!.text).toContain("Hồ sơ quá hạn");
    expect(kh02[0]!.text).toContain("HS-QUAHAN");
    expect(kh02[0]!.text).toContain("Dữ liệu một cửa cập nhật lúc 03/09/2025 07:00");
    expect(kh02[0]!.buttons).toEqual([`hoso:done:${late.id}`, `hoso:snooze:${late.id}`, `xinloi:make:${late.id}`]);

    // Due Thursday: "sắp đến hạn" on Wednesday, "đến hạn hôm nay" on Thursday, overdue on Friday.
    const ql02 = to("QL02");
    expect(ql02.map((d) => d.at)).toEqual([vn("2025-09-03", "08:00"), vn("2025-09-04", "08:00"), vn("2025-09-05", "08:00")]);
    expect(ql02[0]!.text).toContain("còn 1 ngày làm việc");
    expect(ql02[0]!.buttons).toHaveLength(2);
    expect(ql02[1]!.text).toContain("Hồ sơ đến hạn hôm nay");
    expect(ql02[2]!.text).toContain("quá hạn 1 ngày làm việc");
    expect(to("CS02")).toEqual([]);

    // Heads from the first overdue day; lãnh đạo Sở from the third.
    expect(to("KH01").map((d) => d.at)).toEqual([vn("2025-09-03", "08:00"), vn("2025-09-04", "08:00"), vn("2025-09-05", "08:00")]);
    expect(to("KH01")[0]!.text).toContain("Hồ sơ quá hạn của đơn vị");
    expect(to("KH01")[0]!.text).toContain("Cán bộ xử lý: Phạm Thu Hà");
    expect(to("QL01").map((d) => d.at)).toEqual([vn("2025-09-05", "08:00")]);
    expect(to("GD01").map((d) => d.at)).toEqual([vn("2025-09-05", "08:00")]);
    expect(to("GD01")[0]!.text).toContain("HS-QUAHAN");
    expect(to("CS01")).toEqual([]);
    expect(delivered).toHaveLength(3 + 3 + 3 + 1 + 1);
  });

  it("tells a head about all of the unit's overdue dossiers in one message a day", async () => {
    for (let i = 1; i <= 20; i++) await createDossier(`HS-${String(i).padStart(2, "0")}`, "KH02", "2025-08-29");
    expect(await runAt(vn("2025-09-03", "09:00"))).toMatchObject({ nudges: 20, escalationsToHeads: 1 });
    const [head] = to("KH01");
    expect(to("KH01")).toHaveLength(1);
    for (const code of ["HS-01", "HS-15"]) expect(head!.text).toContain(code);
    expect(head!.text).not.toContain("HS-16");
    expect(head!.text).toContain("… và 5 hồ sơ quá hạn khác: xem /hoso quahan");
    expect(head!.buttons).toHaveLength(6);
    await runAt(vn("2025-09-03", "14:00"));
    expect(to("KH01")).toHaveLength(1);
  });

  it("follows the office's thresholds and hours", async () => {
    await createDossier("HS-1", "KH02", "2025-08-29");
    const now = vn("2025-09-03", "08:00");
    expect((await setSetting(db, "dossiers.escalateToHeadAfterDays", "2", "test", now)).ok).toBe(true);
    expect((await setSetting(db, "dossiers.escalateToLeadersAfterDays", "1", "test", now)).ok).toBe(true);
    expect((await setSetting(db, "calendar.workStart", "08:30", "test", now)).ok).toBe(true);
    expect(await runAt(vn("2025-09-03", "08:00"))).toMatchObject({ skipped: "outside working hours" });
    expect(await runAt(vn("2025-09-03", "08:30"))).toMatchObject({ nudges: 1, escalationsToHeads: 0, escalationsToLeaders: 1 });
    expect(await runAt(vn("2025-09-04", "09:00"))).toMatchObject({ nudges: 1, escalationsToHeads: 1, escalationsToLeaders: 1 });
  });

  it("stops once the result is reported returned, and waits for the next working day when asked to", async () => {
    const a = await createDossier("HS-A", "KH02", "2025-08-29");
    const b = await createDossier("HS-B", "QL02", "2025-08-29");
    await runAt(vn("2025-09-03", "09:00"));
    expect(to("KH02")).toHaveLength(1);
    expect(to("QL02")).toHaveLength(1);
    const calendar = await loadWorkingCalendar(db, "Asia/Ho_Chi_Minh");
    const ctx = (day: string, time: string) => ({ db, calendar, timeZone: "Asia/Ho_Chi_Minh", now: vn(day, time), today: day, actor: "test" });
    const viewer = (code: string) => ({ staffId: staff.get(code)!.id, role: staff.get(code)!.role, unitId: staff.get(code)!.unitId });
    expect(await reportReturned(ctx("2025-09-03", "10:00"), viewer("KH02"), a.id, "2025-09-03")).toMatchObject({ ok: true, status: "da_tra_tre_han" });
    // Someone else's dossier cannot be put off; its handler can, from a reminder of the day before.
    expect(await snoozeDossier(ctx("2025-09-04", "07:30"), viewer("KH02"), b.id)).toMatchObject({ ok: false, reason: "notFound" });
    expect(await snoozeDossier(ctx("2025-09-04", "07:30"), viewer("QL01"), b.id)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await snoozeDossier(ctx("2025-09-04", "07:30"), viewer("QL02"), b.id)).toEqual({ ok: true, code: "HS-B", until: "2025-09-05" });
    delivered = [];
    await runAt(vn("2025-09-04", "09:00"));
    expect(to("KH02")).toEqual([]); // returned: no more reminders
    expect(to("KH01")).toEqual([]); // nor escalations
    expect(to("QL02")).toEqual([]); // put off to Friday
    expect(to("QL01")).toHaveLength(1); // the head is still told
    await runAt(vn("2025-09-05", "09:00"));
    expect(to("QL02")).toHaveLength(1);
  });

  it("cancels reminders held by quiet hours once the dossier is returned", async () => {
    const a = await createDossier("HS-Q", "KH02", "2025-08-29");
    await db.staff.update({ where: { id: staff.get("KH02")!.id }, data: { quietFrom: "07:00", quietTo: "09:00" } });
    await runAt(vn("2025-09-03", "08:00"));
    expect(to("KH02")).toEqual([]);
    const calendar = await loadWorkingCalendar(db, "Asia/Ho_Chi_Minh");
    const kh02 = staff.get("KH02")!;
    await reportReturned(
      { db, calendar, timeZone: "Asia/Ho_Chi_Minh", now: vn("2025-09-03", "08:10"), today: "2025-09-03", actor: "test" },
      { staffId: kh02.id, role: kh02.role, unitId: kh02.unitId },
      a.id,
      "2025-09-03",
    );
    await runAt(vn("2025-09-03", "09:30"));
    expect(to("KH02")).toEqual([]);
    expect(await db.outboxMessage.count({ where: { dedupKey: `dossier-nudge:${a.id}:2025-09-03`, status: "cancelled" } })).toBe(1);
  });
});
