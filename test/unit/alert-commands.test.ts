// /canhbao, "Đã đọc", /khacphuc and /tinhtrang through the real bot (demo chat transport).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { syncTipLibrary } from "../../bot/services/tips/library.js";
import { type ChatBot, chatBot, lastMessage, lastNotice } from "../helpers/chat-bot.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";

const FRIDAY_0900 = new Date("2026-11-27T02:00:00Z");

let tdb: TestDatabase;
let db: Db;
let bot: ChatBot;
const users = new Map<string, number>(); // staff code → Telegram user id

beforeEach(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  await loadDemoStaff(db);
  await syncTipLibrary(db);
  bot = await chatBot(db, tdb.url, FRIDAY_0900);
  for (const s of await db.staff.findMany()) {
    users.set(s.code, 700 + s.id);
    await bot.bind(s.id, 700 + s.id);
  }
});
afterEach(async () => tdb.drop());

const u = (code: string) => bot.user(users.get(code)!);
const chat = (code: string) => users.get(code)!;
const type = (code: string, text: string) => bot.chat.type(u(code), text);
const press = (code: string, data: string, messageId = lastMessage(bot, chat(code)).messageId) => bot.chat.press(u(code), messageId, data);

async function createAlertViaChat(code: string, opts: { units?: string[]; remediation: boolean }) {
  await type(code, "/canhbao");
  expect(lastMessage(bot, chat(code)).data).toContain("canhbao:sev:khan");
  await press(code, "canhbao:sev:khan");
  await type(code, "Mã độc mã hóa dữ liệu lây qua thư điện tử");
  await type(code, "Không mở tệp đính kèm có đuôi .js hoặc .zip từ người lạ; báo ngay cán bộ CNTT nếu đã lỡ mở.");
  if (opts.units) {
    await press(code, "canhbao:aud:units");
    const unitIds = await db.unit.findMany({ where: { code: { in: opts.units } } });
    for (const unit of unitIds) await press(code, `canhbao:u:${unit.id}`);
    expect(lastMessage(bot, chat(code)).html).toContain("Bấm để chọn");
    await press(code, "canhbao:udone");
  } else {
    await press(code, "canhbao:aud:all");
  }
  await press(code, opts.remediation ? "canhbao:rem:1" : "canhbao:rem:0");
  const preview = lastMessage(bot, chat(code));
  expect(preview.html).toContain("Xem trước");
  expect(preview.html).toContain("Mã độc mã hóa dữ liệu");
  return preview;
}

describe("/canhbao", () => {
  it("walks the office through severity, title, text, audience, remediation, preview, and sends once", async () => {
    const preview = await createAlertViaChat("VP01", { units: ["KHTC", "QLKH"], remediation: true });
    expect(preview.html).toContain("4 người");
    await press("VP01", "canhbao:send", preview.messageId);
    expect(lastMessage(bot, chat("VP01")).html).toContain("Đã gửi cảnh báo số");
    await press("VP01", "canhbao:send", preview.messageId);
    expect(await db.securityAlert.count()).toBe(1);
    const alert = await db.securityAlert.findFirstOrThrow({ include: { audience: true } });
    expect(alert).toMatchObject({ severity: "khan", requireRemediation: true, audienceAll: false, source: "telegram" });
    expect(alert.audience).toHaveLength(2);
    await bot.sender.drain();
    // Each of the four got one copy with its own button; the two heads also got the remediation request.
    for (const code of ["KH01", "KH02", "QL01", "QL02"]) {
      const copies = bot.eventsFor(chat(code)).filter((e) => e.kind === "message" && e.html.includes("CẢNH BÁO AN TOÀN THÔNG TIN"));
      expect(copies, code).toHaveLength(1);
    }
    expect(bot.eventsFor(chat("CS02"))).toHaveLength(0);
    expect(bot.eventsFor(chat("KH01")).some((e) => e.kind === "message" && e.html.includes("Yêu cầu báo cáo khắc phục"))).toBe(true);
  });

  it("refuses non-office users, typed or forged buttons, and writes the refusals to the audit log", async () => {
    await type("KH02", "/canhbao");
    expect(lastMessage(bot, chat("KH02")).html).toContain("không có quyền");
    await press("KH02", "canhbao:send");
    expect(lastNotice(bot)).toContain("không có quyền");
    await type("KH01", "/trogiup");
    await press("KH01", "canhbao:sev:khan");
    expect(lastNotice(bot)).toContain("không có quyền");
    await type("KH01", "/tinhtrang");
    expect(lastMessage(bot, chat("KH01")).html).toContain("không có quyền");
    expect(await db.auditLog.count({ where: { action: { startsWith: "command.canhbao" }, outcome: "denied" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "button.canhbao", outcome: "denied" } })).toBe(2);
    expect(await db.securityAlert.count()).toBe(0);
  });

  it("answers a stale button instead of acting on it", async () => {
    await type("VP01", "/canhbao");
    await press("VP01", "canhbao:send");
    expect(lastNotice(bot)).toContain("hết hạn");
    await press("VP01", "canhbao:abort");
    await press("VP01", "canhbao:sev:cao");
    expect(lastNotice(bot)).toContain("hết hạn");
  });
});

describe("Đã đọc, /khacphuc, /tinhtrang", () => {
  it("acknowledges once, refuses another's button, takes the head's report, and shows it all to the office", async () => {
    const preview = await createAlertViaChat("VP01", { remediation: true });
    await press("VP01", "canhbao:send", preview.messageId);
    await bot.sender.drain();
    const copy = bot.eventsFor(chat("KH02")).find((e) => e.kind === "message" && e.html.includes("CẢNH BÁO"))!;
    if (copy.kind !== "message") throw new Error();
    const ack = copy.buttons.flat().map((b) => ("callback_data" in b ? b.callback_data : ""))[0]!;
    expect(ack).toMatch(/^canhbaodoc:ack:\d+$/);
    await bot.chat.press(u("KH02"), copy.messageId, ack);
    expect(lastNotice(bot)).toContain("Đã ghi nhận");
    await bot.chat.press(u("KH02"), copy.messageId, ack);
    expect(lastNotice(bot)).toContain("không cần bấm lại");
    await bot.chat.press(u("QL02"), copy.messageId, ack);
    expect(lastNotice(bot)).toContain("người khác");
    expect(await db.alertRecipient.count({ where: { ackAt: { not: null } } })).toBe(1);

    // The head of KHTC reports through the button of the request.
    const request = bot.eventsFor(chat("KH01")).find((e) => e.kind === "message" && e.html.includes("Yêu cầu báo cáo khắc phục"))!;
    const remData = request.kind === "message" ? (request.buttons[0]![0] as { callback_data: string }).callback_data : "";
    await bot.chat.press(u("KH01"), request.kind === "message" ? request.messageId : 0, remData);
    expect(lastMessage(bot, chat("KH01")).html).toContain("số máy đã xử lý / tổng số máy");
    await type("KH01", "15/12");
    expect(lastMessage(bot, chat("KH01")).html).toContain("không được lớn hơn");
    await type("KH01", "mười hai");
    expect(lastMessage(bot, chat("KH01")).html).toContain("Chưa đúng dạng");
    await type("KH01", "10/12");
    await press("KH01", "khacphuc:skip");
    expect(lastMessage(bot, chat("KH01")).html).toContain("đã xử lý 10 / 12 máy");
    // A later report replaces the figure; both are kept.
    await type("KH01", "/khacphuc");
    await press("KH01", lastMessage(bot, chat("KH01")).data[0]!);
    await press("KH01", "khacphuc:all");
    await type("KH01", "Đã cài lại 2 máy");
    expect(await db.alertRemediation.count()).toBe(2);
    // A staff member cannot report; a head cannot report for another unit.
    await type("KH02", "/khacphuc");
    expect(lastMessage(bot, chat("KH02")).html).toContain("không có quyền");
    const ql = await db.unit.findUniqueOrThrow({ where: { code: "QLKH" } });
    const alert = await db.securityAlert.findFirstOrThrow();
    await press("KH01", `khacphuc:u:${alert.id}:${ql.id}`);
    expect(lastNotice(bot)).toContain("đơn vị mình");

    await type("VP01", "/tinhtrang");
    const list = lastMessage(bot, chat("VP01"));
    expect(list.html).toContain(`Số ${alert.id}`);
    expect(list.html).toContain("Đã đọc 1/10 (10%)");
    expect(list.html).toContain("khắc phục 12/12 máy");
    await press("VP01", `tinhtrang:a:${alert.id}`, list.messageId);
    const detail = lastMessage(bot, chat("VP01"));
    expect(detail.html).toContain("Chưa đọc:");
    expect(detail.html).toContain("12/12 máy — Lê Minh Tuấn");
    expect(detail.html).toContain("chưa báo cáo");
    await press("VP01", `tinhtrang:c:${alert.id}`, detail.messageId);
    await press("VP01", `tinhtrang:cy:${alert.id}`, detail.messageId);
    expect((await db.securityAlert.findFirstOrThrow()).status).toBe("cancelled");
    expect(lastMessage(bot, chat("VP01")).html).toContain("đã hủy");
    // A staff member's forged cancel is refused before reaching the service.
    await press("KH02", `tinhtrang:cy:${alert.id}`);
    expect(lastNotice(bot)).toContain("không có quyền");
  });

  it("corrects an alert from /tinhtrang; the correction reaches every recipient", async () => {
    const preview = await createAlertViaChat("VP01", { units: ["QLCS"], remediation: false });
    await press("VP01", "canhbao:send", preview.messageId);
    await bot.sender.drain();
    const alert = await db.securityAlert.findFirstOrThrow();
    await type("VP01", `/tinhtrang ${alert.id}`);
    await press("VP01", `tinhtrang:fix:${alert.id}`);
    expect(lastMessage(bot, chat("VP01")).html).toContain("Đính chính cảnh báo số");
    await type("VP01", "Chỉ tệp đuôi .js là nguy hiểm; tệp .zip từ đồng nghiệp vẫn mở được sau khi quét.");
    await press("VP01", "canhbao:send");
    await bot.sender.drain();
    for (const code of ["CS01", "CS02"]) {
      expect(bot.eventsFor(chat(code)).filter((e) => e.kind === "message" && e.html.includes("ĐÍNH CHÍNH"))).toHaveLength(1);
    }
    expect(await db.securityAlert.count({ where: { correctionOfId: alert.id } })).toBe(1);
  });
});
