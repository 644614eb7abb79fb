// Issue 6 end to end, through the fake Telegram Bot API: a Khẩn alert to 300 staff in three
// units, acknowledgements (double presses included), reminders, escalation to the heads,
// the remediation roll-up; a sender among the recipients is not chased for their own copy;
// the office-only guard; /meoattt without repetition in a cycle.
import { afterEach, describe, expect, it } from "vitest";
import { alertRemindersJob } from "../../bot/jobs/alert-reminders.js";
import { DEMO_STAFF, type DemoStaff, loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { SECURITY_TIPS } from "../../bot/seed-data/security-tips.js";
import type { TgMessage, TgUser } from "../fake-telegram/types.js";
import { buttons, E2E, textOf } from "../helpers/e2e.js";
import { vn } from "../helpers/jobs.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const UNITS = ["KHTC", "QLKH", "QLCS"] as const;
const PER_UNIT = 100;

/** 100 staff per unit; the first of each is its head. */
function bigStaff(): DemoStaff[] {
  return UNITS.flatMap((unit) =>
    Array.from({ length: PER_UNIT }, (_, i) => ({
      code: `${unit}-${String(i).padStart(3, "0")}`,
      fullName: `Cán bộ ${unit} số ${i}`,
      unit,
      role: i === 0 ? "truong_phong" : "chuyen_vien",
    })),
  );
}

const isAlertCopy = (m: TgMessage) => textOf(m).includes("CẢNH BÁO AN TOÀN THÔNG TIN");
const isReminder = (m: TgMessage) => textOf(m).includes("Nhắc lần 1");
const isEscalation = (m: TgMessage) => textOf(m).includes("Chưa xác nhận cảnh báo");
const isRemediationRequest = (m: TgMessage) => textOf(m).includes("Yêu cầu báo cáo khắc phục");

describe("a Khẩn alert to 300 staff in three units", () => {
  it("is delivered once each, acknowledged exactly, reminded and escalated to the right people, and the remediation adds up", async () => {
    let now = vn("2026-11-27", "09:00"); // a Friday
    // A send that fails on the local network (it happens under this load) is retried at once
    // rather than after the usual backoff, since the test's clock stands still.
    const e2e = await E2E.start({ clock: () => now, staff: DEMO_STAFF.filter((s) => s.code === "VP01" || s.code === "VP02"), sender: { backoffMs: () => 0 } });
    cleanup.push(() => e2e.stop());
    const office = await e2e.login("VP01");
    const outsider = await e2e.login("VP02");
    await loadDemoStaff(e2e.db, bigStaff());
    // Bind the 300 directly (the invite path is covered elsewhere): each has a Telegram user.
    const users = new Map<string, TgUser>();
    const staffRows = await e2e.db.staff.findMany({ where: { code: { contains: "-" } }, orderBy: { id: "asc" } });
    for (const [i, s] of staffRows.entries()) {
      const user = e2e.tg.user({ id: 810_000_000 + i, firstName: `CB${i}` });
      users.set(s.code, user);
      await e2e.db.chatAccount.create({ data: { platform: "telegram", externalId: String(user.id), chatId: String(user.id), staffId: s.id } });
    }
    expect(users.size).toBe(300);

    // The office writes it in the chat.
    let [m] = await e2e.say(office, "/canhbao");
    ({ messages: [m] } = await e2e.pressLabel(office, m!, "Khẩn"));
    await e2e.say(office, "Mã độc mã hóa dữ liệu lây qua thư giả mạo");
    [m] = await e2e.say(office, "Không mở tệp đính kèm lạ; tắt máy và báo cán bộ CNTT nếu thấy tệp bị đổi đuôi.");
    ({ messages: [m] } = await e2e.pressLabel(office, m!, "Chọn đơn vị"));
    let picker = m!;
    for (const unit of await e2e.db.unit.findMany({ where: { code: { in: [...UNITS] } } })) {
      expect(buttons(picker).map((b) => b.data)).toContain(`canhbao:u:${unit.id}`);
      await e2e.press(office, picker, `canhbao:u:${unit.id}`);
      picker = e2e.messagesTo(office).at(-1)!;
    }
    ({ messages: [m] } = await e2e.pressLabel(office, picker, "Xong (3)"));
    ({ messages: [m] } = await e2e.pressLabel(office, m!, "Có, yêu cầu báo cáo"));
    expect(textOf(m)).toContain("300 người, trong đó 0 người chưa gắn tài khoản chat");
    const { messages: sent } = await e2e.pressLabel(office, m!, "Gửi");
    expect(textOf(sent.at(-1))).toContain("tới 300/300 người");
    await e2e.deliver();
    // The keyboard is gone; a second tap that raced the edit sends nothing more.
    await e2e.press(office, m!, "canhbao:send", { forge: true });
    await e2e.deliver();
    expect(await e2e.db.securityAlert.count()).toBe(1);

    const copies = new Map<string, TgMessage>();
    for (const [code, user] of users) {
      const got = e2e.messagesTo(user).filter(isAlertCopy);
      expect(got, code).toHaveLength(1);
      copies.set(code, got[0]!);
    }
    const heads = UNITS.map((u) => `${u}-000`);
    for (const code of heads) expect(e2e.messagesTo(users.get(code)!).filter(isRemediationRequest), code).toHaveLength(1);
    expect(e2e.messagesTo(outsider).filter(isAlertCopy)).toHaveLength(0);

    // 100 presses: the first 80 staff of the list (the three heads among them) press once,
    // twenty of them press again.
    const codes = [...users.keys()].sort((a, b) => Number(heads.includes(b)) - Number(heads.includes(a)));
    const pressers = codes.slice(0, 80);
    for (const [i, code] of [...pressers, ...pressers.slice(0, 20)].entries()) {
      const copy = copies.get(code)!;
      // The first press removes the button; a second one is a tap that raced that edit.
      const { answer } = await e2e.press(users.get(code)!, copy, buttons(copy)[0]!.data!, { forge: i >= 80 });
      expect(answer?.text, code).toContain(i < 80 ? "Đã ghi nhận" : "không cần bấm lại");
    }
    // Someone pressing another person's button is refused and changes nothing.
    const other = copies.get(codes[200]!)!;
    const { answer: refused } = await e2e.press(users.get(codes[0]!)!, other, buttons(other)[0]!.data!, { forge: true });
    expect(refused?.text).toContain("người khác");
    const alert = await e2e.db.securityAlert.findFirstOrThrow();
    expect(await e2e.db.alertRecipient.count({ where: { alertId: alert.id, ackAt: { not: null } } })).toBe(80);
    let [status] = await e2e.say(office, "/tinhtrang");
    expect(textOf(status)).toContain("Đã đọc 80/300 (27%)");

    // 31 minutes later the 220 who did not press are reminded, and no one else.
    now = vn("2026-11-27", "09:31");
    await alertRemindersJob.run(now, e2e.app.app.deps);
    await e2e.deliver();
    for (const code of codes) {
      const reminders = e2e.messagesTo(users.get(code)!).filter(isReminder).length;
      expect(reminders, code).toBe(pressers.includes(code) ? 0 : 1);
    }
    // Ten of them press the reminder's button; the rest are escalated to their heads.
    const late = codes.slice(80, 90);
    for (const code of late) {
      const reminder = e2e.messagesTo(users.get(code)!).filter(isReminder)[0]!;
      const { answer } = await e2e.press(users.get(code)!, reminder, buttons(reminder)[0]!.data!);
      expect(answer?.text).toContain("Đã ghi nhận");
    }
    now = vn("2026-11-27", "10:02");
    await alertRemindersJob.run(now, e2e.app.app.deps);
    await e2e.deliver();
    const silent = new Set(codes.slice(90));
    for (const [k, unit] of UNITS.entries()) {
      const head = users.get(heads[k]!)!;
      const escalations = e2e.messagesTo(head).filter(isEscalation);
      expect(escalations, unit).toHaveLength(1);
      const named = staffRows.filter((s) => s.code.startsWith(`${unit}-`) && silent.has(s.code));
      for (const s of named.slice(0, 40)) expect(textOf(escalations[0]), s.code).toContain(s.fullName);
    }
    // Nobody else hears of it, and another run changes nothing.
    for (const code of codes) if (!heads.includes(code)) expect(e2e.messagesTo(users.get(code)!).filter(isEscalation), code).toHaveLength(0);
    expect(await alertRemindersJob.run(vn("2026-11-27", "10:07"), e2e.app.app.deps)).toBeUndefined();

    // Remediation: each head reports through the button; KH-TC's head reports twice.
    const reports: [string, string][] = [
      [heads[0]!, "40/99"],
      [heads[1]!, "20/30"],
      [heads[2]!, "0/12"],
      [heads[0]!, "99/99"],
    ];
    for (const [code, figures] of reports) {
      const user = users.get(code)!;
      const request = e2e.messagesTo(user).filter(isRemediationRequest)[0]!;
      await e2e.press(user, request, buttons(request)[0]!.data!);
      const [ask] = await e2e.say(user, figures);
      await e2e.pressLabel(user, ask!, "Bỏ qua");
    }
    expect(await e2e.db.alertRemediation.count()).toBe(4);
    [status] = await e2e.say(office, `/tinhtrang ${alert.id}`);
    expect(textOf(status)).toContain("Cộng: đã xử lý 119/141 máy; 3/3 đơn vị đã báo cáo.");
    expect(textOf(status)).toContain("Cộng: đã đọc 90/300 (30%)");
  }, 180_000);
});

describe("an alert whose sender is among its recipients", () => {
  it("gives the sender their copy already acknowledged: counted as read, never reminded or escalated", async () => {
    let now = vn("2026-11-27", "09:00"); // a Friday
    const e2e = await E2E.start({ clock: () => now });
    cleanup.push(() => e2e.stop());
    // The office's own unit: the sender (VP01), a staff member and the administrator; no head.
    const [sender, staff, admin] = [await e2e.login("VP01"), await e2e.login("VP02"), await e2e.login("QT01")];
    let [m] = await e2e.say(sender, "/canhbao");
    ({ messages: [m] } = await e2e.pressLabel(sender, m!, "Khẩn"));
    await e2e.say(sender, "Thư giả mạo Văn phòng Sở");
    [m] = await e2e.say(sender, "Không bấm vào đường link trong thư mang tên Văn phòng Sở gửi từ địa chỉ lạ.");
    ({ messages: [m] } = await e2e.pressLabel(sender, m!, "Chọn đơn vị"));
    const vp = await e2e.db.unit.findUniqueOrThrow({ where: { code: "VP" } });
    await e2e.press(sender, m!, `canhbao:u:${vp.id}`);
    ({ messages: [m] } = await e2e.pressLabel(sender, e2e.messagesTo(sender).at(-1)!, "Xong (1)"));
    ({ messages: [m] } = await e2e.pressLabel(sender, m!, "Không"));
    const { messages: sent } = await e2e.pressLabel(sender, m!, "Gửi");
    expect(textOf(sent.at(-1))).toContain("tới 3/3 người");
    await e2e.deliver();

    // The sender still gets the copy, like everyone in the unit (their preview has the same heading).
    const copiesTo = (user: TgUser) => e2e.messagesTo(user).filter((c) => isAlertCopy(c) && buttons(c).some((b) => b.data?.startsWith("canhbaodoc:ack:")));
    for (const user of [sender, staff, admin]) expect(copiesTo(user)).toHaveLength(1);
    const alert = await e2e.db.securityAlert.findFirstOrThrow();
    const vp01 = await e2e.db.staff.findUniqueOrThrow({ where: { code: "VP01" } });
    const own = await e2e.db.alertRecipient.findUniqueOrThrow({ where: { alertId_staffId: { alertId: alert.id, staffId: vp01.id } } });
    expect(own.ackAt).toEqual(vn("2026-11-27", "09:00"));
    expect(await e2e.db.alertRecipient.count({ where: { alertId: alert.id, ackAt: { not: null } } })).toBe(1);
    const [status] = await e2e.say(sender, "/tinhtrang");
    expect(textOf(status)).toContain("Đã đọc 1/3 (33%)");
    // Pressing "Đã đọc" on their own copy changes nothing.
    const copy = copiesTo(sender)[0]!;
    expect((await e2e.press(sender, copy, buttons(copy)[0]!.data!)).answer?.text).toContain("không cần bấm lại");

    // The two others are reminded, then escalated to the sender (the unit has no head); the
    // sender is never chased for their own acknowledgement.
    now = vn("2026-11-27", "09:31");
    await alertRemindersJob.run(now, e2e.app.app.deps);
    await e2e.deliver();
    now = vn("2026-11-27", "10:02");
    await alertRemindersJob.run(now, e2e.app.app.deps);
    await e2e.deliver();
    for (const user of [staff, admin]) expect(e2e.messagesTo(user).filter(isReminder)).toHaveLength(1);
    expect(e2e.messagesTo(sender).filter(isReminder)).toHaveLength(0);
    const escalations = e2e.messagesTo(sender).filter(isEscalation);
    expect(escalations).toHaveLength(1);
    expect(textOf(escalations[0])).toContain("Trần Văn Hùng");
    expect(textOf(escalations[0])).not.toContain("Nguyễn Thị Lan");
    for (const user of [staff, admin]) expect(e2e.messagesTo(user).filter(isEscalation)).toHaveLength(0);
    expect(await e2e.db.alertRecipient.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ reminders: 0, lastRemindedAt: null, escalatedAt: null });
  });
});

describe("the office-only guard", () => {
  it("refuses /canhbao and its forged buttons to anyone else", async () => {
    const e2e = await E2E.start({ clock: () => vn("2026-11-27", "09:00") });
    cleanup.push(() => e2e.stop());
    const staff = await e2e.login("KH02");
    const head = await e2e.login("KH01");
    const [refusal] = await e2e.say(staff, "/canhbao");
    expect(textOf(refusal)).toContain("không có quyền");
    const [help] = await e2e.say(head, "/trogiup");
    expect(textOf(help)).not.toContain("/canhbao");
    for (const data of ["canhbao:sev:khan", "canhbao:aud:all", "canhbao:rem:1", "canhbao:send", "tinhtrang:cy:1"]) {
      const { answer } = await e2e.press(head, help!, data, { forge: true });
      expect(answer?.text, data).toContain("không có quyền");
    }
    expect(await e2e.db.securityAlert.count()).toBe(0);
    expect(await e2e.db.auditLog.count({ where: { outcome: "denied", action: { in: ["command.canhbao", "button.canhbao", "button.tinhtrang"] } } })).toBe(6);
  });
});

describe("/meoattt", () => {
  it("never repeats a tip within a cycle", async () => {
    const e2e = await E2E.start({ clock: () => vn("2026-11-27", "09:00") });
    cleanup.push(() => e2e.stop());
    const user = await e2e.login("QL02");
    const seen = new Set<string>();
    for (let i = 0; i < SECURITY_TIPS.length; i++) {
      const [tip] = await e2e.say(user, "/meoattt");
      const text = textOf(tip);
      expect(seen.has(text), `tip ${i + 1} repeats`).toBe(false);
      seen.add(text);
    }
    // The whole library has been seen: the next one starts a new cycle.
    const [again] = await e2e.say(user, "/meoattt");
    expect(seen.has(textOf(again))).toBe(true);
    const cycles = await e2e.db.tipDelivery.groupBy({ by: ["cycle"], _count: { _all: true } });
    expect(cycles.map((c) => [c.cycle, c._count._all])).toEqual([
      [1, SECURITY_TIPS.length],
      [2, 1],
    ]);
  });
});
