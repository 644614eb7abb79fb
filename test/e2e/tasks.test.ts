// Issue 3 end to end: /nhiemvu, /baocao, /donvi and the office's close/reopen button, with
// the real service against the fake Bot API (which enforces Telegram's limits: 4096
// characters, 64-byte callback data). The clock is fixed on a working Wednesday morning.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS } from "../../bot/services/tasks/unit-overview.js";
import type { TgMessage, TgUser } from "../fake-telegram/types.js";
import { buttons, E2E, textOf } from "../helpers/e2e.js";
import { makeTask } from "../helpers/tasks.js";

let clock = new Date("2021-03-10T03:00:00Z"); // Wednesday 10/03/2021 10:00 in Hà Nội
let e2e: E2E;
let kh02: TgUser; // Phạm Thu Hà, chuyên viên, Phòng KH-TC
let kh01: TgUser; // Lê Minh Tuấn, trưởng phòng KH-TC
let ql02: TgUser; // Đặng Ngọc Ánh, chuyên viên, Phòng QLKH
let vp01: TgUser; // Nguyễn Thị Lan, Văn phòng Sở
let gd01: TgUser; // Trần Thanh Trường, lãnh đạo Sở
let cs02: TgUser; // Bùi Thị Mai, chuyên viên, Phòng QLCS
const tick = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

const ids: Record<string, number> = {};
const data = (m: TgMessage | undefined) => buttons(m!).map((b) => b.data);
const last = (ms: TgMessage[]) => ms.at(-1)!;

/** Sends a command and presses "next page" to the end; returns the text of every page. */
async function allPages(user: TgUser, command: string): Promise<string> {
  let [page] = await e2e.say(user, command);
  const texts = [textOf(page)];
  for (;;) {
    const next = buttons(page!).find((b) => b.text === "Trang sau ›");
    if (!next) return texts.join("\n");
    page = last((await e2e.press(user, page!, next.data!)).messages);
    texts.push(textOf(page));
  }
}

async function reportsOf(code: string) {
  return e2e.db.progressReport.findMany({ where: { task: { code } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { staff: true } });
}

beforeAll(async () => {
  e2e = await E2E.start({ clock: () => clock });
  const specs = [
    { code: "K.1", title: "Sắp đến hạn", content: "Lắp đặt <tường lửa> & cấu hình VPN cho Sở.", lead: ["KHTC"], coord: ["STTTT", "CAT"], assignees: ["KH02"], dueDate: "2021-03-12" },
    { code: "K.2", title: "Đã quá hạn", lead: ["KHTC"], dueDate: "2021-03-01" },
    { code: "Q.1", title: "Của phòng QLKH", lead: ["QLKH"], dueDate: "2021-06-30" },
    { code: "Q.2", title: "QLKH chủ trì, KH-TC phối hợp", lead: ["QLKH"], coord: ["KHTC"], dueDate: "2021-06-30" },
  ];
  for (const s of specs) ids[s.code] = (await makeTask(e2e.db, s)).id;
  for (let i = 1; i <= 200; i++) {
    const t = await makeTask(e2e.db, {
      code: `CS-${String(i).padStart(3, "0")}`,
      title: `Nhiệm vụ số hoá số ${i} có tên rất dài để thử giới hạn độ dài tin nhắn của Telegram & <các ký tự> “đặc biệt” ${"x".repeat(30)}`,
      lead: ["QLCS"],
      assignees: i % 2 ? ["CS02"] : [],
      dueDate: i % 3 ? "2021-03-12" : "2021-03-01",
    });
    ids[t.code] = t.id;
  }
  kh02 = await e2e.login("KH02");
  kh01 = await e2e.login("KH01");
  ql02 = await e2e.login("QL02");
  vp01 = await e2e.login("VP01");
  gd01 = await e2e.login("GD01");
  cs02 = await e2e.login("CS02");
});
afterAll(async () => e2e?.stop());

describe("/nhiemvu", () => {
  it("lists the person's tasks by group with progress, due date and marks; opens a task's detail", async () => {
    const [list] = await e2e.say(kh02, "/nhiemvu");
    const text = textOf(list);
    expect(text).toMatch(/^Nhiệm vụ của anh\/chị — 23 nhiệm vụ \(trang 1\/3\)/);
    // Assigned first, then the unit's lead tasks, then coordination.
    expect(text.indexOf("Giao cho anh/chị")).toBeLessThan(text.indexOf("Đơn vị anh/chị chủ trì"));
    expect(text).toContain("Giao cho anh/chị\n🟡 K.1 Sắp đến hạn\n      chưa báo cáo · Hạn 12/03/2021 · còn 2 ngày làm việc");
    const all = await allPages(kh02, "/nhiemvu");
    // The plan's own tasks (III.1 …) first in the plan's order, then the unit's own.
    expect(all.indexOf("III.1 Hoàn thiện hạ tầng")).toBeLessThan(all.indexOf("V.b Theo dõi"));
    expect(all).toContain("V.b Theo dõi KH 151/KH-UBND; tham mưu bố trí kinh phí\n      chưa báo cáo · Thường xuyên");
    expect(all).toContain("🔴 K.2 Đã quá hạn\n      chưa báo cáo · Hạn 01/03/2021 · quá hạn 9 ngày");
    expect(all).toContain("Đơn vị anh/chị phối hợp\n▫️ Q.2 QLKH chủ trì, KH-TC phối hợp");
    expect(all).not.toContain("Q.1");

    const { messages } = await e2e.press(kh02, list!, `nhiemvu:t:${ids["K.1"]}:0`);
    const detail = textOf(last(messages));
    expect(detail).toContain("K.1 — Sắp đến hạn");
    expect(detail).toContain("Mục kế hoạch: IX");
    expect(detail).toContain("Thời hạn: 12/03/2021");
    expect(detail).toContain("Nội dung\nLắp đặt <tường lửa> & cấu hình VPN cho Sở.");
    expect(detail).toContain("Chủ trì: Phòng Kế hoạch - Tài chính");
    expect(detail).toContain("Phối hợp: Sở Thông tin và Truyền thông; Công an tỉnh");
    expect(detail).toContain("Người thực hiện: Phạm Thu Hà (Phòng Kế hoạch - Tài chính)");
    expect(detail).toContain("Chưa có báo cáo tiến độ nào.");
    expect(data(last(messages))).toEqual([`baocao:t:${ids["K.1"]}`, "nhiemvu:p:0"]);
  });

  it("shows the plan's generic wording of units (leadNote/coordNote) with the task", async () => {
    const va = await e2e.db.task.findUniqueOrThrow({ where: { code: "V.a" } });
    const [list] = await e2e.say(vp01, "/nhiemvu");
    const { messages } = await e2e.press(vp01, list!, `nhiemvu:t:${va.id}:0`, { forge: true }); // on another page
    const detail = textOf(last(messages));
    expect(detail).toContain("Chủ trì: Văn phòng Sở\n   (Văn phòng Sở, các phòng, đơn vị liên quan)");
    expect(detail).toContain("Phối hợp: —\n   (Các phòng, đơn vị liên quan)");
    expect(detail).toContain("Thời hạn: Thường xuyên");
  });

  it("pages 220 tasks with buttons, every page within Telegram's limits, every task reachable", async () => {
    let [page] = await e2e.say(cs02, "/nhiemvu");
    const seen = new Set<string>();
    for (let n = 1; ; n++) {
      expect(textOf(page)).toContain(`(trang ${n}/28)`);
      expect([...textOf(page)].length).toBeLessThanOrEqual(4096);
      for (const d of data(page)) if (d?.startsWith("nhiemvu:t:")) seen.add(d.split(":")[2]!);
      const next = data(page).find((d) => d === `nhiemvu:p:${n}`);
      if (!next) break;
      page = last((await e2e.press(cs02, page!, next)).messages);
    }
    expect(seen.size).toBe(220);
    expect(seen.has(String(ids["CS-200"]))).toBe(true);
    // Going back works too; the message is edited in place, not resent.
    const back = await e2e.press(cs02, page!, "nhiemvu:p:26");
    expect(textOf(last(back.messages))).toContain("(trang 27/28)");
    expect(last(back.messages).message_id).toBe(page!.message_id);
  });

  it("refuses a forged task id outside the person's tasks, and unknown button data", async () => {
    const [list] = await e2e.say(kh02, "/nhiemvu");
    const forbidden = await e2e.press(kh02, list!, `nhiemvu:t:${ids["Q.1"]}:0`, { forge: true });
    expect(forbidden.answer?.text).toBe("Nhiệm vụ này không thuộc phạm vi của anh/chị.");
    expect(forbidden.messages).toEqual([]);
    const missing = await e2e.press(kh02, list!, "nhiemvu:t:99999999:0", { forge: true });
    expect(missing.answer?.text).toMatch(/Không tìm thấy nhiệm vụ này/);
    const garbage = await e2e.press(kh02, list!, "nhiemvu:t:abc", { forge: true });
    expect(garbage.answer?.text).toMatch(/Nút này không hợp lệ hoặc đã hết hạn/);
    const close = await e2e.press(kh02, list!, `nhiemvu:close:${ids["K.2"]}:0`, { forge: true });
    expect(close.answer?.text).toBe("Anh/chị không có quyền dùng chức năng này.");
    expect((await e2e.db.task.findUniqueOrThrow({ where: { code: "K.2" } })).status).toBe("open");
    expect(await e2e.db.auditLog.count({ where: { action: "task.close", outcome: "denied", actorStaffId: { not: null } } })).toBe(1);
  });

  it("answers in a group only with “message me privately”", async () => {
    const group = e2e.tg.group({ title: "Phòng KH-TC" });
    const replies = await e2e.say(kh02, "/nhiemvu", { chat: group });
    expect(replies).toHaveLength(1);
    expect(textOf(replies[0])).toContain("chỉ dùng trong tin nhắn riêng");
    expect(textOf(replies[0])).not.toContain("K.1");
  });
});

describe("/baocao guided", () => {
  it("task → percentage button → note → photo → confirmation → saved; the head is told", async () => {
    const [picker] = await e2e.say(kh02, "/baocao");
    expect(textOf(picker)).toContain("chọn nhiệm vụ (23 nhiệm vụ, trang 1/3)"); // K.1, K.2, Q.2 and the 20 of the seed plan
    expect(data(picker)[0]).toBe(`baocao:t:${ids["K.1"]}`);
    const [askPercent] = (await e2e.press(kh02, picker!, `baocao:t:${ids["K.1"]}`)).messages;
    expect(textOf(askPercent)).toContain("K.1 — Sắp đến hạn\nTiến độ hiện tại: chưa báo cáo.");
    expect(data(askPercent)).toEqual(["baocao:pct:25", "baocao:pct:50", "baocao:pct:75", "baocao:pct:100"]);
    const [askNote] = (await e2e.press(kh02, askPercent!, "baocao:pct:75")).messages;
    expect(textOf(askNote)).toContain("Tiến độ: 75%.\nGõ ghi chú về kết quả thực hiện (không bắt buộc, tối đa 1.000 ký tự)");
    const [askFile] = await e2e.say(kh02, "Đã lắp đặt xong tường lửa,\ncòn cấu hình VPN.");
    expect(textOf(askFile)).toContain("Gửi tệp hoặc ảnh minh chứng");
    const before = e2e.tg.sentRecords.length;
    const photo = e2e.tg.sendPhoto(kh02, { content: Buffer.from("not really a jpeg") });
    await e2e.handled(e2e.tg.updates.at(-1)!.update_id);
    const confirm = e2e.tg.sentRecords.slice(before).map((r) => r.message).find((m) => m.chat.id === kh02.id)!;
    expect(textOf(confirm)).toBe(
      [
        "Kiểm tra lại trước khi lưu",
        "Nhiệm vụ: K.1 — Sắp đến hạn",
        "Tiến độ: 75%",
        "Ghi chú: Đã lắp đặt xong tường lửa,\ncòn cấu hình VPN.",
        "Tệp đính kèm: một ảnh",
      ].join("\n"),
    );
    expect(await reportsOf("K.1")).toHaveLength(0); // nothing until saved
    const saved = await e2e.press(kh02, confirm, "baocao:save");
    expect(saved.answer?.text).toBe("Đã lưu.");
    expect(textOf(last(saved.messages))).toBe("✅ Đã lưu báo cáo tiến độ nhiệm vụ K.1: 75%.\nTrưởng phòng đã được thông báo.");
    const [row] = await reportsOf("K.1");
    expect(row).toMatchObject({ percent: 75, note: "Đã lắp đặt xong tường lửa,\ncòn cấu hình VPN.", fileKind: "photo", fileName: null });
    expect(row!.fileId).toBe(photo.photo!.at(-1)!.file_id); // Telegram's file id, nothing downloaded

    await e2e.deliver();
    const told = e2e.messagesTo(kh01).at(-1)!;
    expect(textOf(told)).toContain("Phạm Thu Hà báo cáo tiến độ nhiệm vụ K.1 — Sắp đến hạn\nTiến độ: 75%\nGhi chú: Đã lắp đặt xong tường lửa,");
    expect(textOf(told)).toContain("Kèm một ảnh");
    const outbox = await e2e.db.outboxMessage.findMany({ where: { kind: "notify" } });
    expect(outbox.map((o) => o.dedupKey)).toEqual([`report:${row!.id}:head:${outbox[0]!.staffId}`]);
    // The head opens the task from the notification and gets the photo by its file id.
    const opened = await e2e.press(kh01, told, `nhiemvu:t:${ids["K.1"]}`);
    const detail = last(opened.messages);
    expect(textOf(detail)).toContain("Báo cáo gần nhất (1/1):\n• 10/03/2021 10:00 — Phạm Thu Hà (KH-TC): 75% — Đã lắp đặt xong tường lửa,");
    const file = await e2e.press(kh01, detail, `nhiemvu:f:${row!.id}`);
    expect(last(file.messages).photo?.at(-1)?.file_id).toBeDefined();
    // A second delivery run sends nothing twice.
    expect((await e2e.deliver()).sent).toBe(0);
  });

  it("typed percentages: not a number, out of range, not whole — precise messages, nothing written", async () => {
    const [ask] = await e2e.say(kh02, `/baocao K.2`);
    expect(data(ask)).toContain("baocao:pct:50");
    expect(textOf((await e2e.say(kh02, "nhiều"))[0])).toBe("“nhiều” không phải là số. Hãy gõ phần trăm tiến độ từ 0 đến 100, ví dụ 75.");
    expect(textOf((await e2e.say(kh02, "150"))[0])).toBe("“150” nằm ngoài khoảng cho phép: phần trăm tiến độ từ 0 đến 100.");
    expect(textOf((await e2e.say(kh02, "12,5%"))[0])).toMatch(/^“12,5%” không phải số nguyên/);
    const forged = await e2e.press(kh02, ask!, "baocao:pct:500", { forge: true });
    expect(forged.answer?.text).toMatch(/nằm ngoài khoảng cho phép/);
    const [askNote] = await e2e.say(kh02, "40%");
    expect(textOf(askNote)).toContain("Tiến độ: 40%.");
    const long = "Ghi chú rất dài. ".repeat(70);
    expect(textOf((await e2e.say(kh02, long))[0])).toMatch(/^Ghi chú dài 1\.\d{3} ký tự, vượt quá giới hạn 1\.000 ký tự/);
    const [askFile] = (await e2e.press(kh02, askNote!, "baocao:skipnote")).messages;
    expect(textOf((await e2e.say(kh02, "đây không phải tệp"))[0])).toContain("Hãy gửi một tệp");
    const [confirm] = (await e2e.press(kh02, askFile!, "baocao:skipfile")).messages;
    expect(textOf(confirm)).toContain("Ghi chú: (không có)\nTệp đính kèm: (không có)");
    expect(await reportsOf("K.2")).toHaveLength(0);
    await e2e.press(kh02, confirm!, "baocao:save");
    expect((await reportsOf("K.2")).map((r) => [r.percent, r.note])).toEqual([[40, null]]);
  });

  it("a lower percentage is refused until confirmed with the button, then saved", async () => {
    tick(1);
    const [ask] = await e2e.say(kh02, "/baocao K.2");
    expect(textOf(ask)).toContain("Tiến độ hiện tại: 40%.");
    const [refusal] = (await e2e.press(kh02, ask!, "baocao:pct:25")).messages;
    expect(textOf(refusal)).toMatch(/^Tiến độ 25% thấp hơn lần báo cáo trước \(40%, ngày 10\/03\/2021\) nên chưa được lưu/);
    expect(data(refusal)).toEqual(["baocao:lower:25"]);
    // A forged confirmation of another value is a stale button.
    expect((await e2e.press(kh02, refusal!, "baocao:lower:10", { forge: true })).answer?.text).toMatch(/đã kết thúc hoặc hết hạn/);
    const [askNote] = (await e2e.press(kh02, refusal!, "baocao:lower:25")).messages;
    expect(textOf(askNote)).toContain("Tiến độ: 25%.");
    const [askFile] = await e2e.say(kh02, "Phải làm lại hồ sơ thiết kế");
    const [confirm] = (await e2e.press(kh02, askFile!, "baocao:skipfile")).messages;
    expect(textOf(confirm)).toContain("Tiến độ: 25% (lần trước: 40%)");
    await e2e.press(kh02, confirm!, "baocao:save");
    expect((await reportsOf("K.2")).map((r) => r.percent)).toEqual([40, 25]); // history kept
  });

  it("a document attached to the note step is kept by file id with its name", async () => {
    tick(1);
    const [ask] = await e2e.say(kh02, "/baocao K.2");
    await e2e.press(kh02, ask!, "baocao:pct:50");
    const [confirm] = await e2e.sendDocument(kh02, { fileName: "Biên bản nghiệm thu.pdf", content: Buffer.from("%PDF-1.4") }, "Biên bản kèm theo");
    expect(textOf(confirm)).toContain("Ghi chú: Biên bản kèm theo\nTệp đính kèm: Biên bản nghiệm thu.pdf");
    await e2e.press(kh02, confirm!, "baocao:save");
    const row = (await reportsOf("K.2")).at(-1)!;
    expect(row).toMatchObject({ percent: 50, fileKind: "document", fileName: "Biên bản nghiệm thu.pdf", note: "Biên bản kèm theo" });
    expect(e2e.tg.file(row.fileId!)).toBeDefined();
  });

  it("/huy cancels the flow; its buttons are then stale and write nothing; an idle flow expires", async () => {
    const [ask] = await e2e.say(kh02, "/baocao K.2");
    expect(textOf((await e2e.say(kh02, "/huy"))[0])).toBe("Đã hủy thao tác đang làm.");
    const stale = await e2e.press(kh02, ask!, "baocao:pct:100");
    expect(stale.answer?.text).toBe("Phiên báo cáo này đã kết thúc hoặc hết hạn; không có gì được lưu. Gõ /baocao để bắt đầu lại.");
    const [ask2] = await e2e.say(kh02, "/baocao K.2");
    const [askNote] = (await e2e.press(kh02, ask2!, "baocao:pct:100")).messages;
    tick(16); // flows expire after 15 idle minutes
    expect((await e2e.press(kh02, askNote!, "baocao:skipnote")).answer?.text).toMatch(/đã kết thúc hoặc hết hạn/);
    expect(textOf((await e2e.say(kh02, "Ghi chú muộn"))[0])).toContain("Trợ lý chỉ hiểu các lệnh");
    expect((await reportsOf("K.2")).map((r) => r.percent)).toEqual([40, 25, 50]);
  });
});

describe("/baocao in one line", () => {
  it("saves at once; refuses unknown codes, others' tasks, closed tasks and bad percentages", async () => {
    tick(1);
    const [ok] = await e2e.say(kh02, "/baocao k.1 80 Đã cấu hình xong VPN");
    expect(textOf(ok)).toBe("✅ Đã lưu báo cáo tiến độ nhiệm vụ K.1: 80%.\nTrưởng phòng đã được thông báo.");
    expect((await reportsOf("K.1")).at(-1)).toMatchObject({ percent: 80, note: "Đã cấu hình xong VPN" });

    expect(textOf((await e2e.say(kh02, "/baocao X.99 50"))[0])).toBe("Không có nhiệm vụ mã “X.99”. Gõ /nhiemvu để xem mã các nhiệm vụ của anh/chị.");
    expect(textOf((await e2e.say(kh02, "/baocao Q.1 50 không phải việc của tôi"))[0])).toMatch(/^Anh\/chị không được báo cáo nhiệm vụ Q.1/);
    expect(textOf((await e2e.say(kh02, "/baocao K.1 năm mươi"))[0])).toMatch(/^“năm” không phải là số\..*\nCách gõ một dòng: \/baocao III.1 75/s);
    expect(textOf((await e2e.say(kh02, "/baocao K.1 -5"))[0])).toMatch(/nằm ngoài khoảng cho phép/);
    expect(textOf((await e2e.say(kh02, `/baocao K.1 90 ${"x".repeat(1001)}`))[0])).toMatch(/^Ghi chú dài 1.001 ký tự/);
    expect((await reportsOf("Q.1")).length + (await reportsOf("K.1")).length).toBe(2);
    // The leader sees every task but reports on none of them.
    expect(textOf((await e2e.say(gd01, "/baocao K.1 10"))[0])).toMatch(/^Anh\/chị không được báo cáo nhiệm vụ K.1/);
  });

  it("a lower value in one line waits for the confirmation button; a file may come with the command", async () => {
    tick(1);
    const [refusal] = await e2e.say(kh02, "/baocao K.1 60 Phát hiện lỗi cấu hình");
    expect(textOf(refusal)).toMatch(/^Tiến độ 60% thấp hơn lần báo cáo trước \(80%/);
    expect((await reportsOf("K.1")).at(-1)!.percent).toBe(80);
    const saved = await e2e.press(kh02, refusal!, "baocao:lower:60");
    expect(textOf(last(saved.messages))).toMatch(/^✅ Đã lưu báo cáo tiến độ nhiệm vụ K.1: 60%/);
    expect((await reportsOf("K.1")).at(-1)).toMatchObject({ percent: 60, note: "Phát hiện lỗi cấu hình" });

    tick(1);
    const [withFile] = await e2e.sendDocument(kh02, { fileName: "ket-qua.xlsx", content: Buffer.from("PK") }, "/baocao K.1 70 Kèm bảng kết quả");
    expect(textOf(withFile)).toMatch(/^✅ Đã lưu báo cáo tiến độ nhiệm vụ K.1: 70%/);
    expect((await reportsOf("K.1")).at(-1)).toMatchObject({ percent: 70, fileKind: "document", fileName: "ket-qua.xlsx", note: "Kèm bảng kết quả" });

    // Instead of confirming, typing another percentage reports that one.
    tick(1);
    const [again] = await e2e.say(kh02, "/baocao K.1 65 Đã rà soát lại");
    expect(data(again)).toEqual(["baocao:lower:65"]);
    expect(textOf((await e2e.say(kh02, "72"))[0])).toMatch(/^✅ Đã lưu báo cáo tiến độ nhiệm vụ K.1: 72%/);
    expect((await reportsOf("K.1")).at(-1)).toMatchObject({ percent: 72, note: "Đã rà soát lại" });
    expect((await e2e.press(kh02, again!, "baocao:lower:65")).answer?.text).toMatch(/đã kết thúc hoặc hết hạn/);
  });

  it("a forged task button is refused by the service", async () => {
    const [picker] = await e2e.say(kh02, "/baocao");
    const res = await e2e.press(kh02, picker!, `baocao:t:${ids["Q.1"]}`, { forge: true });
    expect(res.answer?.text).toMatch(/^Anh\/chị không được báo cáo nhiệm vụ Q.1/);
    expect(await e2e.db.flowState.count({ where: { chatAccount: { externalId: String(kh02.id) } } })).toBe(0);
  });

  it("two reports on one task at the same moment are both kept and listed in time order", async () => {
    tick(1);
    // K.1 is led by KH-TC; Q.2 is led by QLKH and coordinated by KH-TC: both may report on Q.2.
    const [a] = await e2e.say(kh02, "/baocao Q.2");
    const [b] = await e2e.say(ql02, "/baocao Q.2");
    const [na] = (await e2e.press(kh02, a!, "baocao:pct:50")).messages;
    const [nb] = (await e2e.press(ql02, b!, "baocao:pct:75")).messages;
    const [fa] = (await e2e.press(kh02, na!, "baocao:skipnote")).messages;
    const [fb] = (await e2e.press(ql02, nb!, "baocao:skipnote")).messages;
    const [ca] = (await e2e.press(kh02, fa!, "baocao:skipfile")).messages;
    const [cb] = (await e2e.press(ql02, fb!, "baocao:skipfile")).messages;
    // Both press "save" before either is handled.
    e2e.tg.pressButton(kh02, ca!, "baocao:save");
    const first = e2e.tg.updates.at(-1)!.update_id;
    e2e.tg.pressButton(ql02, cb!, "baocao:save");
    const second = e2e.tg.updates.at(-1)!.update_id;
    await Promise.all([e2e.handled(first), e2e.handled(second)]);
    const rows = await reportsOf("Q.2");
    expect(rows.map((r) => [r.staff.code, r.percent]).sort()).toEqual([
      ["KH02", 50],
      ["QL02", 75],
    ]);
    const [list] = await e2e.say(gd01, "/nhiemvu");
    const detail = textOf(last((await e2e.press(gd01, list!, `nhiemvu:t:${ids["Q.2"]}:0`, { forge: true })).messages));
    const lines = detail.split("\n").filter((l) => l.startsWith("• "));
    expect(lines).toHaveLength(2);
    // Newest first, as stored: same instant, so by id.
    const order = [...rows].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || y.id - x.id).map((r) => r.staff.fullName);
    expect(lines.map((l) => order.findIndex((n) => l.includes(n)))).toEqual([0, 1]);
    expect(detail).toContain("Tiến độ từng đơn vị: KH-TC 50% (10/03/2021); QLKH 75% (10/03/2021)");
  });
});

describe("/donvi", () => {
  it("a head sees their unit: tasks with the unit's progress and date, completion, who has not reported", async () => {
    const [page] = await e2e.say(kh01, "/donvi");
    const text = await allPages(kh01, "/donvi");
    expect(text).toMatch(/^Phòng Kế hoạch - Tài chính\nHoàn thành chung: \d+% — 0\/22 nhiệm vụ chủ trì đã xong/);
    expect(text).toContain("⚠️ Chưa báo cáo trong 14 ngày (1 người): Lê Minh Tuấn (chưa báo cáo lần nào)");
    expect(text).toContain("🟡 K.1 Sắp đến hạn\n      Chủ trì · 72% (ngày 10/03/2021) · Hạn 12/03/2021 · còn 2 ngày làm việc");
    expect(text).toContain("🔴 K.2 Đã quá hạn\n      Chủ trì · 50% (ngày 10/03/2021) · Hạn 01/03/2021 · quá hạn 9 ngày");
    expect(data(page)).toContain("donvi:u:" + (await e2e.db.unit.findUniqueOrThrow({ where: { code: "KHTC" } })).id + ":1");
  });

  it("N days without a report follows the office's setting", async () => {
    clock = new Date(clock.getTime() + 15 * DAY_MS);
    const [page] = await e2e.say(kh01, "/donvi");
    expect(textOf(page)).toContain("(2 người): Lê Minh Tuấn (chưa báo cáo lần nào), Phạm Thu Hà (lần cuối 10/03/2021)");
    await e2e.db.setting.create({ data: { key: "tasks.staleReportDays", value: "30" } });
    const [again] = await e2e.say(kh01, "/donvi");
    expect(textOf(again)).toContain("Chưa báo cáo trong 30 ngày (1 người): Lê Minh Tuấn");
    await e2e.db.setting.delete({ where: { key: "tasks.staleReportDays" } });
    clock = new Date(clock.getTime() - 15 * DAY_MS);
  });

  it("a head may not open another unit; a staff member may not use it; the office and leaders pick any unit", async () => {
    const qlkh = (await e2e.db.unit.findUniqueOrThrow({ where: { code: "QLKH" } })).id;
    const [own] = await e2e.say(kh01, "/donvi");
    expect((await e2e.press(kh01, own!, `donvi:u:${qlkh}:0`, { forge: true })).answer?.text).toBe("Anh/chị chỉ xem được đơn vị của mình.");
    expect(textOf((await e2e.say(kh01, "/donvi QLKH"))[0])).toBe("Anh/chị chỉ xem được đơn vị của mình.");
    expect(textOf((await e2e.say(kh02, "/donvi"))[0])).toBe("Anh/chị không có quyền dùng chức năng này.");
    expect((await e2e.press(kh02, own!, `donvi:u:${qlkh}:0`, { forge: true })).answer?.text).toBe("Anh/chị không có quyền dùng chức năng này.");

    const [picker] = await e2e.say(gd01, "/donvi");
    expect(textOf(picker)).toBe("Chọn đơn vị để xem tiến độ:");
    expect(buttons(picker!).map((b) => b.text)).toEqual([
      "Văn phòng Sở",
      "Phòng Kế hoạch - Tài chính",
      "Phòng Quản lý Khoa học",
      "Phòng Quản lý Khoa học và Công nghệ cơ sở",
      "Ban Giám đốc Sở",
    ]);
    const { messages } = await e2e.press(gd01, picker!, `donvi:u:${qlkh}:0`);
    expect(textOf(last(messages))).toMatch(/^Phòng Quản lý Khoa học\nHoàn thành chung/);
    expect(data(last(messages))).toContain("donvi:list");
    expect(textOf((await e2e.say(vp01, "/donvi qlcs"))[0])).toMatch(/^Phòng Quản lý Khoa học và Công nghệ cơ sở\n.*\n.*\n\nNhiệm vụ của đơn vị — 220 nhiệm vụ \(trang 1\/28\)/);
    expect(textOf((await e2e.say(vp01, "/donvi Phòng Tổ chức"))[0])).toBe("Không có đơn vị “Phòng Tổ chức”. Gõ /donvi để chọn trong danh sách.");
  });
});

describe("the office closes and reopens a task", () => {
  it("from the task's detail, audited; a closed task takes no report; reopened, it does again", async () => {
    const [list] = await e2e.say(vp01, "/nhiemvu");
    const open = last((await e2e.press(vp01, list!, `nhiemvu:t:${ids["K.2"]}:0`, { forge: true })).messages);
    expect(data(open)).toContain(`nhiemvu:close:${ids["K.2"]}:0`);
    const closed = await e2e.press(vp01, open, `nhiemvu:close:${ids["K.2"]}:0`);
    expect(closed.answer?.text).toBe("Đã đóng nhiệm vụ K.2: không nhận thêm báo cáo.");
    const after = last(closed.messages);
    expect(textOf(after)).toContain("🔒 Văn phòng Sở đã đóng nhiệm vụ ngày 10/03/2021; không nhận thêm báo cáo.");
    expect(data(after)).toContain(`nhiemvu:reopen:${ids["K.2"]}:0`);
    expect(await e2e.db.auditLog.count({ where: { action: "task.close", outcome: "ok", target: "task:K.2" } })).toBe(1);

    expect(textOf((await e2e.say(kh02, "/baocao K.2 90"))[0])).toBe("Nhiệm vụ K.2 đã được Văn phòng Sở đóng, không nhận thêm báo cáo.");
    const [picker] = await e2e.say(kh02, "/baocao");
    expect(data(picker)).not.toContain(`baocao:t:${ids["K.2"]}`);
    expect(await allPages(kh02, "/nhiemvu")).toContain("🔒 K.2 Đã quá hạn\n      50% (ngày 10/03/2021) · Hạn 01/03/2021 · đã đóng");

    const reopened = await e2e.press(vp01, after, `nhiemvu:reopen:${ids["K.2"]}:0`);
    expect(reopened.answer?.text).toBe("Đã mở lại nhiệm vụ K.2.");
    expect(textOf((await e2e.say(kh02, "/baocao K.2 90"))[0])).toMatch(/^✅ Đã lưu/);
    expect(await e2e.db.auditLog.count({ where: { action: "task.reopen", outcome: "ok", target: "task:K.2" } })).toBe(1);
  });
});
