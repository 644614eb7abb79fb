// The chat side of issue 6 through the fake Bot API: the /canhbao flow in detail (units,
// stale buttons, a double tap), "Đã đọc" on someone else's copy, /khacphuc's checks,
// /tinhtrang's cancel and correct, and /meoattt's topics and quiz.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TgMessage, TgUser } from "../fake-telegram/types.js";
import { buttons, E2E, textOf } from "../helpers/e2e.js";
import { vn } from "../helpers/jobs.js";

let e2e: E2E;
const users = new Map<string, TgUser>();
beforeEach(async () => {
  e2e = await E2E.start({ clock: () => vn("2026-11-27", "09:00") });
  for (const code of ["VP01", "KH01", "KH02", "QL01", "QL02", "CS01", "CS02"]) users.set(code, await e2e.login(code));
});
afterEach(async () => e2e.stop());

const u = (code: string) => users.get(code)!;
const last = (code: string) => e2e.messagesTo(u(code)).at(-1)!;
const copiesTo = (code: string, marker: string) => e2e.messagesTo(u(code)).filter((m) => textOf(m).includes(marker));

/** The office composes an alert up to its preview. */
async function compose(opts: { units?: string[]; remediation: boolean }): Promise<TgMessage> {
  const office = u("VP01");
  let [m] = await e2e.say(office, "/canhbao");
  ({ messages: [m] } = await e2e.pressLabel(office, m!, "Khẩn"));
  await e2e.say(office, "Mã độc mã hóa dữ liệu lây qua thư điện tử");
  [m] = await e2e.say(office, "Không mở tệp đính kèm đuôi .js hoặc .zip từ người lạ; báo ngay cán bộ CNTT nếu đã lỡ mở.");
  if (opts.units) {
    ({ messages: [m] } = await e2e.pressLabel(office, m!, "Chọn đơn vị"));
    for (const unit of await e2e.db.unit.findMany({ where: { code: { in: opts.units } } })) await e2e.press(office, last("VP01"), `canhbao:u:${unit.id}`);
    m = last("VP01");
    expect(textOf(m)).toContain("Bấm để chọn");
    ({ messages: [m] } = await e2e.pressLabel(office, m, `Xong (${opts.units.length})`));
  } else {
    ({ messages: [m] } = await e2e.pressLabel(office, m!, "Toàn Sở"));
  }
  ({ messages: [m] } = await e2e.pressLabel(office, m!, opts.remediation ? "Có, yêu cầu báo cáo" : "Không"));
  expect(textOf(m)).toContain("Xem trước");
  expect(textOf(m)).toContain("Mã độc mã hóa dữ liệu");
  return m!;
}

async function send(preview: TgMessage) {
  const { messages } = await e2e.pressLabel(u("VP01"), preview, "Gửi");
  expect(textOf(messages.at(-1))).toContain("Đã gửi cảnh báo số");
  await e2e.deliver();
  return e2e.db.securityAlert.findFirstOrThrow({ orderBy: { id: "desc" } });
}

describe("/canhbao", () => {
  it("sends to the chosen units only, with the remediation request to their heads", async () => {
    const preview = await compose({ units: ["KHTC", "QLKH"], remediation: true });
    expect(textOf(preview)).toContain("4 người");
    const alert = await send(preview);
    expect(alert).toMatchObject({ severity: "khan", requireRemediation: true, audienceAll: false, source: "telegram" });
    for (const code of ["KH01", "KH02", "QL01", "QL02"]) expect(copiesTo(code, "CẢNH BÁO AN TOÀN THÔNG TIN"), code).toHaveLength(1);
    for (const code of ["CS01", "CS02"]) expect(copiesTo(code, "CẢNH BÁO AN TOÀN THÔNG TIN"), code).toHaveLength(0);
    expect(copiesTo("KH01", "Yêu cầu báo cáo khắc phục")).toHaveLength(1);
    expect(copiesTo("KH02", "Yêu cầu báo cáo khắc phục")).toHaveLength(0);
  });

  it("answers a stale button instead of acting on it, and /huy leaves the flow", async () => {
    const [start] = await e2e.say(u("VP01"), "/canhbao");
    const { answer } = await e2e.press(u("VP01"), start!, "canhbao:send", { forge: true });
    expect(answer?.text).toContain("hết hạn");
    // Text typed where a button is expected: the flow is still open, and the answer says so.
    const [typed] = await e2e.say(u("VP01"), "Khẩn");
    expect(textOf(typed)).toContain("chọn bằng các nút");
    const { messages: [askTitle] } = await e2e.press(u("VP01"), start!, "canhbao:sev:cao");
    expect(textOf(askTitle)).not.toContain("hết hạn");
    await e2e.say(u("VP01"), "/huy");
    const { answer: after } = await e2e.press(u("VP01"), start!, "canhbao:sev:cao");
    expect(after?.text).toContain("hết hạn");
    expect(await e2e.db.securityAlert.count()).toBe(0);
  });
});

describe("Đã đọc, /khacphuc, /tinhtrang", () => {
  it("acknowledges once, takes the head's reports with precise errors, and shows it all to the office", async () => {
    const alert = await send(await compose({ remediation: true }));
    const copy = copiesTo("KH02", "CẢNH BÁO")[0]!;
    const ack = buttons(copy)[0]!.data!;
    expect(ack).toMatch(/^canhbaodoc:ack:\d+$/);
    expect((await e2e.press(u("KH02"), copy, ack)).answer?.text).toContain("Đã ghi nhận");
    expect((await e2e.press(u("KH02"), copy, ack, { forge: true })).answer?.text).toContain("không cần bấm lại");
    expect((await e2e.press(u("QL02"), copy, ack, { forge: true })).answer?.text).toContain("người khác");
    // KH02, and the sender (VP01, in "Toàn Sở"), acknowledged as it was sent.
    expect(await e2e.db.alertRecipient.count({ where: { ackAt: { not: null } } })).toBe(2);

    const request = copiesTo("KH01", "Yêu cầu báo cáo khắc phục")[0]!;
    const { messages: [ask] } = await e2e.press(u("KH01"), request, buttons(request)[0]!.data!);
    expect(textOf(ask)).toContain("số máy đã xử lý / tổng số máy");
    expect(textOf((await e2e.say(u("KH01"), "15/12"))[0])).toContain("không được lớn hơn");
    expect(textOf((await e2e.say(u("KH01"), "mười hai"))[0])).toContain("Chưa đúng dạng");
    const [note] = await e2e.say(u("KH01"), "10/12");
    const { messages: [saved] } = await e2e.pressLabel(u("KH01"), note!, "Bỏ qua");
    expect(textOf(saved)).toContain("đã xử lý 10 / 12 máy");
    // A later report replaces the figure; both are kept.
    const [list] = await e2e.say(u("KH01"), "/khacphuc");
    const { messages: [again] } = await e2e.press(u("KH01"), list!, buttons(list!)[0]!.data!);
    expect(textOf(again)).toContain("Báo cáo trước: đã xử lý 10 / 12 máy");
    const { messages: [noteAgain] } = await e2e.pressLabel(u("KH01"), again!, "Đã xử lý hết 12/12");
    await e2e.say(u("KH01"), "Đã cài lại 2 máy");
    expect(noteAgain).toBeDefined();
    expect(await e2e.db.alertRemediation.count()).toBe(2);
    // A staff member cannot report; a head cannot report for another unit.
    expect(textOf((await e2e.say(u("KH02"), "/khacphuc"))[0])).toContain("không có quyền");
    const ql = await e2e.db.unit.findUniqueOrThrow({ where: { code: "QLKH" } });
    const forged = await e2e.press(u("KH01"), list!, `khacphuc:u:${alert.id}:${ql.id}`, { forge: true });
    expect(forged.answer?.text).toContain("đơn vị mình");

    const [overview] = await e2e.say(u("VP01"), "/tinhtrang");
    expect(textOf(overview)).toContain(`Số ${alert.id}`);
    expect(textOf(overview)).toContain("Đã đọc 2/10 (20%)");
    expect(textOf(overview)).toContain("khắc phục 12/12 máy");
    expect(textOf(overview)).toContain("Trắc nghiệm mẹo ATTT");
    await e2e.press(u("VP01"), overview!, `tinhtrang:a:${alert.id}`);
    const detail = last("VP01");
    expect(textOf(detail)).toContain("Chưa đọc:");
    expect(textOf(detail)).toContain("12/12 máy — Lê Minh Tuấn");
    expect(textOf(detail)).toContain("Ghi chú: Đã cài lại 2 máy");
    expect(textOf(detail)).toContain("chưa báo cáo");
    await e2e.pressLabel(u("VP01"), detail, "Hủy cảnh báo");
    await e2e.pressLabel(u("VP01"), last("VP01"), "Xác nhận hủy");
    expect((await e2e.db.securityAlert.findFirstOrThrow()).status).toBe("cancelled");
    expect(textOf(last("VP01"))).toContain("đã hủy");
    await e2e.deliver();
    expect(copiesTo("KH02", "Đã hủy cảnh báo số")).toHaveLength(1);
    // After cancellation, "Đã đọc" says so and records nothing.
    const qlCopy = copiesTo("QL02", "CẢNH BÁO")[0]!;
    expect((await e2e.press(u("QL02"), qlCopy, buttons(qlCopy)[0]!.data!)).answer?.text).toContain("đã được hủy");
  });

  it("corrects an alert from /tinhtrang; the correction reaches every recipient", async () => {
    const alert = await send(await compose({ units: ["QLCS"], remediation: false }));
    const [detail] = await e2e.say(u("VP01"), `/tinhtrang ${alert.id}`);
    const { messages: [ask] } = await e2e.pressLabel(u("VP01"), detail!, "Đính chính");
    expect(textOf(ask)).toContain(`Đính chính cảnh báo số ${alert.id}`);
    const [preview] = await e2e.say(u("VP01"), "Chỉ tệp đuôi .js là nguy hiểm; tệp .zip từ đồng nghiệp vẫn mở được sau khi quét.");
    await send(preview!);
    for (const code of ["CS01", "CS02"]) expect(copiesTo(code, "ĐÍNH CHÍNH"), code).toHaveLength(1);
    expect(copiesTo("KH02", "ĐÍNH CHÍNH")).toHaveLength(0);
    expect(await e2e.db.securityAlert.count({ where: { correctionOfId: alert.id } })).toBe(1);
    // The original's button now points to the correction.
    const original = copiesTo("CS02", "CẢNH BÁO")[0]!;
    expect((await e2e.press(u("CS02"), original, buttons(original)[0]!.data!)).answer?.text).toContain("đính chính");
  });
});

describe("/meoattt", () => {
  it("serves a chosen topic and takes one quiz answer per tip", async () => {
    const user = u("KH02");
    const [tip] = await e2e.say(user, "/meoattt");
    const answer = buttons(tip!).find((b) => b.data?.startsWith("meoattt:q:"))!;
    const { messages: [result] } = await e2e.press(user, tip!, answer.data!);
    expect(textOf(result)).toMatch(/Chính xác|Chưa đúng/);
    expect((await e2e.press(user, tip!, answer.data!)).answer?.text).toContain("đã trả lời");
    const { messages: [topics] } = await e2e.pressLabel(user, tip!, "Chọn chủ đề");
    const { messages: [signature] } = await e2e.pressLabel(user, topics!, "Chữ ký số");
    expect(textOf(signature)).toContain("Chữ ký số");
    // An answer to a tip never given is refused as an invalid button.
    const never = await e2e.db.tip.findFirstOrThrow({ where: { deliveries: { none: {} } } });
    expect((await e2e.press(user, tip!, `meoattt:q:${never.id}:0`, { forge: true })).answer?.text).toContain("không hợp lệ");
    expect(await e2e.db.quizAnswer.count()).toBe(1);
  });
});
