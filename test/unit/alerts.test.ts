// Security alerts, service by service, against a real SQLite database and a recording
// transport: broadcast, acknowledgement, reminders and escalation, cancel and correct,
// remediation roll-up.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { OutboxSender } from "../../bot/delivery/sender.js";
import type { Transport } from "../../bot/delivery/transport.js";
import { loadConfig } from "../../bot/config.js";
import { createI18n, translator } from "../../bot/i18n.js";
import { alertsDigestSection } from "../../bot/services/alerts/digest-section.js";
import { createMemo } from "../../bot/services/digest/build.js";
import { DIGEST_SECTIONS } from "../../bot/services/digest/sections.js";
import { acknowledgeAlert } from "../../bot/services/alerts/ack.js";
import { broadcastAlert } from "../../bot/services/alerts/broadcast.js";
import { cancelAlert, correctAlert } from "../../bot/services/alerts/cancel.js";
import type { AlertActor, AlertDraft } from "../../bot/services/alerts/model.js";
import { runAlertReminders } from "../../bot/services/alerts/reminders.js";
import { parseMachineCounts, remediationRollup, reportRemediation } from "../../bot/services/alerts/remediation.js";
import { ackStatus } from "../../bot/services/alerts/status.js";
import { getDefaultWorkingCalendar } from "../../bot/services/calendar/index.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { memoryLogger } from "../helpers/logger.js";
import { jobDeps } from "../helpers/jobs.js";
import { alertRemindersJob } from "../../bot/jobs/alert-reminders.js";
import { runSlot } from "../../bot/jobs/scheduler.js";

const TZ = "Asia/Ho_Chi_Minh";
const FRIDAY_0900 = new Date("2026-11-27T02:00:00Z"); // Friday 09:00 local, a working day
const minutes = (n: number) => new Date(FRIDAY_0900.getTime() + n * 60_000);

class RecordingTransport implements Transport {
  sent: { chatId: string; text: string; data: string[] }[] = [];
  async sendText(chatId: string, text: string, buttons?: { data?: string }[][]) {
    this.sent.push({ chatId, text, data: (buttons ?? []).flat().map((b) => b.data ?? "") });
    return this.sent.length;
  }
  async sendDocument(chatId: string) {
    return this.sendText(chatId, "");
  }
}

let tdb: TestDatabase;
let db: Db;
let staff: Map<string, { id: number; unitId: number }>;
let transport: RecordingTransport;
const OFFICE: AlertActor = { actor: "telegram:1", staffId: null, role: "van_phong" };
const deps = () => ({ db, i18n: createI18n("vi"), timeZone: TZ, defaultLocale: "vi" as const });

function draft(extra: Partial<AlertDraft> = {}): AlertDraft {
  return {
    severity: "khan",
    title: "Lỗ hổng nghiêm trọng trong phần mềm văn phòng",
    body: "Cập nhật ngay bản vá mới nhất; không mở tệp đính kèm lạ.",
    audience: { all: true },
    requireRemediation: true,
    source: "telegram",
    ...extra,
  };
}

async function deliver(now: Date) {
  const sender = new OutboxSender(db, transport, memoryLogger("warn").logger, {
    instanceId: "t",
    timeZone: TZ,
    clock: () => now,
    limits: { perSecond: 100_000, perChatIntervalMs: 0, groupPerMinute: 100_000 },
  });
  return sender.drain();
}

const chatOf = (code: string) => String(5000 + staff.get(code)!.id);

beforeEach(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  await loadDemoStaff(db);
  const rows = await db.staff.findMany();
  staff = new Map(rows.map((s) => [s.code, { id: s.id, unitId: s.unitId }]));
  // Everyone but GD01 has a chat account.
  for (const s of rows) {
    if (s.code === "GD01") continue;
    await db.chatAccount.create({ data: { platform: "telegram", externalId: String(5000 + s.id), chatId: String(5000 + s.id), staffId: s.id } });
  }
  OFFICE.staffId = staff.get("VP01")!.id;
  transport = new RecordingTransport();
});
afterEach(async () => tdb.drop());

describe("broadcast", () => {
  it("records one urgent copy per reachable recipient, and the unreachable apart", async () => {
    const res = await broadcastAlert(deps(), draft(), OFFICE, FRIDAY_0900);
    expect(res).toMatchObject({ status: "sent", recipients: 10, queued: 9, unreachable: 1, remediationRequests: 3 });
    if (res.status !== "sent") return;
    const copies = await db.outboxMessage.findMany({ where: { kind: "alert", refId: res.alertId } });
    expect(copies).toHaveLength(9);
    expect(copies.every((c) => c.urgent && c.dedupKey === `alert:${res.alertId}:${c.staffId}`)).toBe(true);
    const status = await ackStatus(db, res.alertId);
    // The sender (VP01, in the audience) is acknowledged as the alert is sent, by themselves.
    expect(status).toMatchObject({ total: 10, acked: 1, unreachable: 1 });
    expect(await db.alertRecipient.findFirstOrThrow({ where: { alertId: res.alertId, staffId: staff.get("VP01")!.id } })).toMatchObject({ ackAt: FRIDAY_0900 });
    expect(status.units.flatMap((u) => u.unreachable.map((p) => p.name))).toEqual(["Trần Thanh Trường"]);
    expect(await db.auditLog.count({ where: { action: "alert.broadcast", outcome: "ok" } })).toBe(1);
  });

  it("sends a feed's alert once per externalRef, to chosen units only", async () => {
    const units = [staff.get("KH01")!.unitId];
    const first = await broadcastAlert(deps(), draft({ externalRef: "CA-2026-11-27", audience: { all: false, unitIds: units }, source: "feed" }), OFFICE, FRIDAY_0900);
    const again = await broadcastAlert(deps(), draft({ externalRef: "CA-2026-11-27", source: "feed" }), OFFICE, FRIDAY_0900);
    expect(first).toMatchObject({ status: "sent", recipients: 2 });
    expect(again).toEqual({ status: "duplicate", alertId: first.status === "sent" ? first.alertId : -1 });
    expect(await db.outboxMessage.count({ where: { kind: "alert" } })).toBe(2);
  });

  it("refuses non-office users and invalid drafts", async () => {
    const staffActor = { actor: "telegram:2", staffId: staff.get("KH02")!.id, role: "chuyen_vien" };
    expect(await broadcastAlert(deps(), draft(), staffActor, FRIDAY_0900)).toEqual({ status: "denied" });
    expect(await db.auditLog.count({ where: { action: "alert.broadcast", outcome: "denied" } })).toBe(1);
    const bad = await broadcastAlert(deps(), draft({ title: "  ", body: "x".repeat(3001) }), OFFICE, FRIDAY_0900);
    expect(bad.status).toBe("invalid");
    expect(await db.securityAlert.count()).toBe(0);
  });
});

describe("acknowledgement, reminders, escalation", () => {
  it("is idempotent, refuses another's button, reminds only the silent, then tells their heads", async () => {
    const res = await broadcastAlert(deps(), draft(), OFFICE, FRIDAY_0900);
    if (res.status !== "sent") throw new Error(res.status);
    await deliver(FRIDAY_0900);
    expect(transport.sent.filter((m) => m.text.includes("CẢNH BÁO"))).toHaveLength(9);
    const rec = async (code: string) => db.alertRecipient.findFirstOrThrow({ where: { alertId: res.alertId, staffId: staff.get(code)!.id } });
    const kh02 = await rec("KH02");
    expect(await acknowledgeAlert(db, kh02.id, staff.get("KH01")!.id, "telegram:x", minutes(1))).toEqual({ status: "not-yours" });
    expect(await acknowledgeAlert(db, kh02.id, kh02.staffId, "telegram:x", minutes(2))).toMatchObject({ status: "acknowledged" });
    expect(await acknowledgeAlert(db, kh02.id, kh02.staffId, "telegram:x", minutes(3))).toMatchObject({ status: "already", at: minutes(2) });
    for (const code of ["VP01", "VP02", "QL02", "QT01"]) {
      const r = await rec(code);
      await acknowledgeAlert(db, r.id, r.staffId, "telegram:x", minutes(4));
    }
    const rdeps = { ...deps(), calendar: getDefaultWorkingCalendar() };
    expect(await runAlertReminders(rdeps, minutes(29))).toEqual({ reminded: 0, escalated: 0, escalationMessages: 0 });
    transport.sent = [];
    expect(await runAlertReminders(rdeps, minutes(31))).toMatchObject({ reminded: 4 });
    expect(await runAlertReminders(rdeps, minutes(36))).toMatchObject({ reminded: 0 });
    await deliver(minutes(31));
    const reminded = transport.sent.map((m) => m.chatId).sort();
    expect(reminded).toEqual(["KH01", "QL01", "CS01", "CS02"].map(chatOf).sort());
    // CS02 presses now; the other three are escalated after one more delay.
    const cs02 = await rec("CS02");
    await acknowledgeAlert(db, cs02.id, cs02.staffId, "telegram:x", minutes(40));
    transport.sent = [];
    const esc = await runAlertReminders(rdeps, minutes(62));
    expect(esc).toMatchObject({ reminded: 0, escalated: 3 });
    await deliver(minutes(62));
    // KH01, QL01 and CS01 are heads themselves: the sender of the alert hears about them.
    expect(transport.sent.map((m) => m.chatId)).toEqual([chatOf("VP01")]);
    expect(transport.sent[0]!.text).toContain("Lê Minh Tuấn");
    expect(await runAlertReminders(rdeps, minutes(120))).toEqual({ reminded: 0, escalated: 0, escalationMessages: 0 });
    expect(await ackStatus(db, res.alertId)).toMatchObject({ total: 10, acked: 6, unreachable: 1 });
  });

  it("waits for working hours for a non-urgent alert and escalates to the unit head", async () => {
    const evening = new Date("2026-11-27T09:30:00Z"); // Friday 16:30 local
    const res = await broadcastAlert(deps(), draft({ severity: "cao", requireRemediation: false, audience: { all: false, unitIds: [staff.get("KH01")!.unitId] } }), OFFICE, evening);
    if (res.status !== "sent") throw new Error(res.status);
    await deliver(evening);
    const rdeps = { ...deps(), calendar: getDefaultWorkingCalendar() };
    // Two working hours after Friday 16:30 is Monday 09:30; nothing during the weekend.
    expect((await runAlertReminders(rdeps, new Date("2026-11-28T03:00:00Z"))).reminded).toBe(0);
    expect((await runAlertReminders(rdeps, new Date("2026-11-30T02:20:00Z"))).reminded).toBe(0);
    expect((await runAlertReminders(rdeps, new Date("2026-11-30T02:31:00Z"))).reminded).toBe(2);
    const kh01 = await db.alertRecipient.findFirstOrThrow({ where: { alertId: res.alertId, staffId: staff.get("KH01")!.id } });
    await acknowledgeAlert(db, kh01.id, kh01.staffId, "t", new Date("2026-11-30T03:00:00Z"));
    transport.sent = [];
    await deliver(new Date("2026-11-30T02:31:00Z"));
    transport.sent = [];
    expect((await runAlertReminders(rdeps, new Date("2026-11-30T04:40:00Z"))).escalated).toBe(1);
    await deliver(new Date("2026-11-30T04:40:00Z"));
    expect(transport.sent.map((m) => m.chatId)).toEqual([chatOf("KH01")]);
    expect(transport.sent[0]!.text).toContain("Phạm Thu Hà");
  });
});

describe("cancel and correct", () => {
  it("stops unsent copies, tells those who got it, and a correction reaches every recipient", async () => {
    const res = await broadcastAlert(deps(), draft({ severity: "trung_binh" }), OFFICE, FRIDAY_0900);
    if (res.status !== "sent") throw new Error(res.status);
    // Deliver to some only: the others' copies are still pending when it is cancelled.
    const some = await db.outboxMessage.findMany({ where: { kind: "alert" }, take: 4, orderBy: { id: "asc" } });
    await db.outboxMessage.updateMany({ where: { id: { notIn: some.map((m) => m.id) } }, data: { notBefore: minutes(600) } });
    await deliver(FRIDAY_0900);
    const cancelled = await cancelAlert(deps(), res.alertId, OFFICE, minutes(5));
    expect(cancelled).toMatchObject({ status: "cancelled", notified: 4 });
    expect(await cancelAlert(deps(), res.alertId, OFFICE, minutes(6))).toEqual({ status: "already-cancelled" });
    expect(await db.outboxMessage.count({ where: { refId: res.alertId, refType: "alert", status: "pending" } })).toBe(0);
    expect(await cancelAlert(deps(), res.alertId, { actor: "telegram:9", staffId: null, role: "chuyen_vien" }, minutes(7))).toEqual({ status: "denied" });

    const second = await broadcastAlert(deps(), draft({ severity: "cao", requireRemediation: false }), OFFICE, minutes(10));
    if (second.status !== "sent") throw new Error(second.status);
    const fixed = await correctAlert(deps(), second.alertId, { body: "Bản vá đúng là bản phát hành ngày hôm nay." }, OFFICE, minutes(20));
    expect(fixed).toMatchObject({ status: "sent", recipients: 10, queued: 9 });
    expect(await correctAlert(deps(), second.alertId, { body: "Lần nữa" }, OFFICE, minutes(21))).toEqual({ status: "not-correctable" });
    const fixedId = fixed.status === "sent" ? fixed.alertId : -1;
    const copy = await db.outboxMessage.findFirstOrThrow({ where: { refId: fixedId, kind: "alert" } });
    expect(copy.payload).toContain("ĐÍNH CHÍNH");
    expect(await db.securityAlert.findUniqueOrThrow({ where: { id: fixedId } })).toMatchObject({ correctionOfId: second.alertId });
    // Copies of the original still waiting are not sent after the correction.
    expect(await db.outboxMessage.count({ where: { refId: second.alertId, refType: "alert", status: "pending" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: { in: ["alert.broadcast", "alert.cancel", "alert.correct"] }, outcome: "ok" } })).toBe(4);
  });
});

describe("remediation", () => {
  it("parses counts precisely", () => {
    expect(parseMachineCounts("12/15")).toEqual({ ok: true, handled: 12, total: 15 });
    expect(parseMachineCounts(" 3 trên 4 máy ")).toEqual({ ok: true, handled: 3, total: 4 });
    expect(parseMachineCounts("0 / 0")).toEqual({ ok: true, handled: 0, total: 0 });
    expect(parseMachineCounts("15/12")).toMatchObject({ ok: false, error: "handled-over-total" });
    expect(parseMachineCounts("-1/5")).toMatchObject({ ok: false, error: "format" });
    expect(parseMachineCounts("1.5/3")).toMatchObject({ ok: false, error: "format" });
    expect(parseMachineCounts("mười/15")).toMatchObject({ ok: false, error: "format" });
  });

  it("keeps every report, counts the latest per unit, and lets heads report for their unit only", async () => {
    const res = await broadcastAlert(deps(), draft(), OFFICE, FRIDAY_0900);
    if (res.status !== "sent") throw new Error(res.status);
    const head = (code: string) => ({ actor: "t", staffId: staff.get(code)!.id, role: "truong_phong", unitId: staff.get(code)!.unitId });
    const kh = staff.get("KH01")!.unitId;
    const ql = staff.get("QL01")!.unitId;
    expect(await reportRemediation(db, { alertId: res.alertId, unitId: kh, handled: 5, total: 12 }, head("KH01"), minutes(10))).toMatchObject({ status: "recorded" });
    expect(await reportRemediation(db, { alertId: res.alertId, unitId: kh, handled: 12, total: 12, note: "Xong" }, head("KH01"), minutes(50))).toMatchObject({ status: "recorded" });
    expect(await reportRemediation(db, { alertId: res.alertId, unitId: ql, handled: 3, total: 8 }, head("KH01"), minutes(51))).toEqual({ status: "denied" });
    expect(await reportRemediation(db, { alertId: res.alertId, unitId: ql, handled: 9, total: 8 }, head("QL01"), minutes(51))).toMatchObject({ status: "invalid" });
    expect(await reportRemediation(db, { alertId: res.alertId, unitId: ql, handled: 7, total: 8 }, head("QL01"), minutes(52))).toMatchObject({ status: "recorded" });
    const vp = staff.get("VP01")!;
    const office = { actor: "t", staffId: vp.id, role: "van_phong", unitId: vp.unitId };
    expect(await reportRemediation(db, { alertId: res.alertId, unitId: vp.unitId, handled: 4, total: 4 }, office, minutes(53))).toMatchObject({ status: "recorded" });
    const rollup = await remediationRollup(db, res.alertId);
    expect(rollup).toMatchObject({ handled: 23, total: 24, reported: 3 });
    expect(rollup.units.find((u) => u.unitId === kh)).toMatchObject({ reports: 2, latest: { handled: 12, total: 12, note: "Xong" } });
    expect(await db.alertRemediation.count()).toBe(4);
  });
});

describe("digest section", () => {
  it("shows the office open alerts with rates and who is silent, a head only their unit, and nothing once all is done", async () => {
    expect(DIGEST_SECTIONS).toContain(alertsDigestSection);
    const res = await broadcastAlert(deps(), draft({ requireRemediation: false }), OFFICE, FRIDAY_0900);
    if (res.status !== "sent") throw new Error(res.status);
    const i18n = createI18n("vi");
    const input = (role: string, code: string, scope: { kind: "department" } | { kind: "unit"; unitId: number }, since: Date | null) => ({
      db,
      config: loadConfig({ DATABASE_URL: tdb.url }, { requireToken: false }),
      i18n,
      t: translator(i18n, "vi"),
      calendar: getDefaultWorkingCalendar(),
      recipient: { staffId: staff.get(code)!.id, role, unitId: staff.get(code)!.unitId, locale: "vi" as const },
      scope,
      since,
      now: minutes(60 * 22),
      today: "2026-11-28",
      listMax: 5,
      memo: createMemo(),
    });
    const office = input("van_phong", "VP01", { kind: "department" }, null);
    expect(alertsDigestSection.appliesTo!(office.recipient, office.scope)).toBe(true);
    expect(alertsDigestSection.appliesTo!({ ...office.recipient, role: "chuyen_vien" }, office.scope)).toBe(false);
    const part = await alertsDigestSection.render(office);
    expect(part?.changed).toBe(true);
    expect(part?.html).toContain("đã đọc 1/10 (10%)");
    expect(part?.html).toContain("Trần Thanh Trường");
    const head = input("truong_phong", "KH01", { kind: "unit", unitId: staff.get("KH01")!.unitId }, minutes(60 * 20));
    const headPart = await alertsDigestSection.render(head);
    expect(headPart?.html).toContain("đã đọc 0/2");
    expect(headPart?.html).not.toContain("Trần Thanh Trường");
    expect(headPart?.changed).toBe(false);
    await db.alertRecipient.updateMany({ data: { ackAt: minutes(61) } });
    expect(await alertsDigestSection.render({ ...office, memo: createMemo() })).toBeNull(); // a new run
  });
});

describe("reminders and escalations, each person on their own", () => {
  // A write that fails for one person only (as a full disk or a broken row would): a trigger on
  // the real database, no mock.
  const failFor = (staffId: number, kind: string) =>
    db.$executeRawUnsafe(
      `CREATE TRIGGER "fail_one" BEFORE INSERT ON "OutboxMessage" WHEN NEW."staffId" = ${staffId} AND NEW."kind" = '${kind}' BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END`,
    );
  const healed = () => db.$executeRawUnsafe(`DROP TRIGGER "fail_one"`);
  const count = (kind: string, code?: string) => db.outboxMessage.count({ where: { kind, ...(code ? { staffId: staff.get(code)!.id } : {}) } });

  it("one failure is recorded with the job's run, the others go out, and the retry sends only the missing ones", async () => {
    const res = await broadcastAlert(deps(), draft(), OFFICE, FRIDAY_0900);
    if (res.status !== "sent") throw new Error(res.status);
    await deliver(FRIDAY_0900);
    const jd = jobDeps(db);
    const detail = async (slot: string) => (await db.jobRun.findUniqueOrThrow({ where: { job_slot: { job: "alert-reminders", slot } } })).detail ?? "";

    await failFor(staff.get("KH02")!.id, "alert-reminder");
    // Eight of the nine reachable are owed a reminder: not the sender (VP01), acknowledged on sending.
    expect(await runSlot(alertRemindersJob, "r1", minutes(31), jd, "t")).toBe("failed");
    expect(await count("alert-reminder")).toBe(7);
    expect(await count("alert-reminder", "KH02")).toBe(0);
    expect(JSON.parse(await detail("r1"))).toMatchObject({ reminded: 7, failed: 1, failures: [{ key: `alert:${res.alertId}:staff:${staff.get("KH02")!.id}` }] });
    await healed();
    // The slot's retry: only KH02 is still owed a reminder.
    expect(await runSlot(alertRemindersJob, "r1", minutes(37), jd, "t")).toBe("done");
    expect(await count("alert-reminder")).toBe(8);
    expect(await count("alert-reminder", "KH02")).toBe(1);
    expect(await count("alert-reminder", "VP01")).toBe(0);

    // Escalation: the message to KH01 (KH02's head) fails; the other heads are told, KH02
    // stays to be escalated, and the retry tells KH01 only.
    await failFor(staff.get("KH01")!.id, "alert-escalation");
    expect(await runSlot(alertRemindersJob, "r2", minutes(70), jd, "t")).toBe("failed");
    const escalated = () => db.alertRecipient.count({ where: { alertId: res.alertId, escalatedAt: { not: null } } });
    expect(await escalated()).toBe(7);
    expect(await db.alertRecipient.findFirstOrThrow({ where: { alertId: res.alertId, staffId: staff.get("KH02")!.id } })).toMatchObject({ escalatedAt: null });
    expect(JSON.parse(await detail("r2")).failures).toEqual([expect.objectContaining({ key: `alert:${res.alertId}:head:${staff.get("KH01")!.id}` })]);
    const before = await count("alert-escalation");
    await healed();
    expect(await runSlot(alertRemindersJob, "r2", minutes(76), jd, "t")).toBe("done");
    expect(await escalated()).toBe(8);
    expect(await count("alert-escalation")).toBe(before + 1);
    expect(await count("alert-escalation", "KH01")).toBe(1);
  });
});
