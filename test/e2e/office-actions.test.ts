// Issue 15, item 3, end to end on Telegram: the office's everyday actions in the chat —
// /canbo (find a person, their bindings, unbind after a confirmation), /thietlap (settings
// with their meaning, a value checked and confirmed), /nhatky (the audit log, filtered, with
// secrets masked), /lich (a month of the working calendar) — each refused and audited for a
// chuyên viên, and absent from their menu and /trogiup.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "../../bot/services/audit.js";
import { getSetting } from "../../bot/services/settings.js";
import type { TgMessage, TgUser } from "../fake-telegram/types.js";
import { buttons, E2E, textOf } from "../helpers/e2e.js";

const OFFICE_COMMANDS = ["canbo", "thietlap", "nhatky", "lich"];

let e2e: E2E;
let office: TgUser;
let staff: TgUser;

beforeAll(async () => {
  e2e = await E2E.start();
  office = await e2e.login("VP01");
  staff = await e2e.login("KH02");
}, 60_000);
afterAll(async () => e2e?.stop());

const menuOf = (u: TgUser) => e2e.tg.commands({ scope: { type: "chat", chat_id: u.id } }).map((c) => c.command);
const dataOf = (m: TgMessage, label: string) => {
  const b = buttons(m).find((x) => x.text.includes(label));
  if (!b?.data) throw new Error(`no button "${label}" in: ${buttons(m).map((x) => x.text).join(" | ")}`);
  return b.data;
};
/** The last message the bot sent or edited in this chat (a pressed button edits in place). */
const last = (u: TgUser) => e2e.messagesTo(u).at(-1)!;

describe("who sees the office actions", () => {
  it("the office's menu and /trogiup list them; a chuyên viên's do not", async () => {
    for (const c of OFFICE_COMMANDS) expect(menuOf(office)).toContain(c);
    for (const c of OFFICE_COMMANDS) expect(menuOf(staff)).not.toContain(c);
    const [help] = await e2e.say(staff, "/trogiup");
    for (const c of OFFICE_COMMANDS) expect(textOf(help)).not.toContain(`/${c}`);
    const [officeHelp] = await e2e.say(office, "/trogiup");
    for (const c of OFFICE_COMMANDS) expect(textOf(officeHelp)).toContain(`/${c}`);
    // The default menus (everyone who has not bound yet, or another chat) hold none of them.
    for (const c of OFFICE_COMMANDS) expect(e2e.tg.commands().map((x) => x.command)).not.toContain(c);
  });

  it("a chuyên viên calling each is refused, and each refusal is audited", async () => {
    const kh02 = await e2e.db.staff.findUniqueOrThrow({ where: { code: "KH02" } });
    for (const c of OFFICE_COMMANDS) {
      const [reply] = await e2e.say(staff, `/${c}`);
      expect(textOf(reply), c).toContain("không có quyền");
      const entry = await e2e.db.auditLog.findFirst({ where: { action: `command.${c}`, outcome: "denied", actorStaffId: kh02.id } });
      expect(entry, c).not.toBeNull();
    }
  });

  it("a forged confirmation button from a chuyên viên changes nothing, and is audited", async () => {
    const [reply] = await e2e.say(staff, "/trogiup");
    const { answer } = await e2e.press(staff, reply!, "thietlap:ok:tasks.staleReportDays", { forge: true });
    expect(answer?.text).toContain("không có quyền");
    expect(await getSetting(e2e.db, "tasks.staleReportDays")).toBe(14);
    expect(await e2e.db.auditLog.count({ where: { action: "button.thietlap", outcome: "denied" } })).toBe(1);
    const forgedUnbind = await e2e.press(staff, reply!, "canbo:uy:1", { forge: true });
    expect(forgedUnbind.answer?.text).toContain("không có quyền");
    expect(await e2e.db.chatAccount.count({ where: { active: false } })).toBe(0);
  });
});

describe("/canbo", () => {
  it("finds a person by a part of their name without diacritics, by code and by unit", async () => {
    const [byName] = await e2e.say(office, "/canbo pham thu");
    expect(textOf(byName)).toContain("Phạm Thu Hà");
    expect(textOf(byName)).toContain("(KH02)");
    expect(textOf(byName)).toContain("Telegram");
    expect(textOf(byName)).not.toContain("Nguyễn Thị Lan");
    const [byUnit] = await e2e.say(office, "/canbo QLKH");
    expect(textOf(byUnit)).toContain("Võ Quốc Bảo");
    expect(textOf(byUnit)).toContain("Đặng Ngọc Ánh");
    expect(textOf(byUnit)).not.toContain("Phạm Thu Hà");
    // While the list is open, typing searches again.
    const [typed] = await e2e.say(office, "ngoc anh");
    expect(textOf(typed)).toContain("Đặng Ngọc Ánh");
    expect(textOf(typed)).not.toContain("Võ Quốc Bảo");
    const [none] = await e2e.say(office, "/canbo khongcoai");
    expect(textOf(none)).toContain("Không tìm thấy cán bộ nào khớp “khongcoai”");
  });

  it("pages through everyone", async () => {
    const [list] = await e2e.say(office, "/canbo");
    expect(textOf(list)).toContain("Danh sách cán bộ: 10 người");
    expect(textOf(list)).toContain("Trang 1/2");
    await e2e.press(office, list!, dataOf(list!, "Trang sau"));
    expect(textOf(last(office))).toContain("Trang 2/2");
  });

  it("shows a person's binding and last activity; unbinds after a confirmation; they then get the how-to-get-access answer", async () => {
    const [list] = await e2e.say(office, "/canbo KH02");
    await e2e.press(office, list!, dataOf(list!, "Phạm Thu Hà"));
    const card = last(office);
    expect(textOf(card)).toContain("Tài khoản chat");
    expect(textOf(card)).toMatch(/Telegram .*đang gắn từ 25\/11\/2026 09:00; hoạt động lần cuối 25\/11\/2026 09:00/);
    await e2e.press(office, card, dataOf(card, "Hủy gắn Telegram"));
    const confirm = last(office);
    expect(textOf(confirm)).toContain("Hủy gắn Telegram của Phạm Thu Hà (KH02)?");
    // Nothing is unbound before the confirmation.
    expect(await e2e.db.chatAccount.count({ where: { externalId: String(staff.id), active: true } })).toBe(1);
    const { answer } = await e2e.press(office, confirm, dataOf(confirm, "Xác nhận hủy gắn"));
    expect(answer?.text).toContain("Đã hủy gắn 1 tài khoản của Phạm Thu Hà");
    expect(textOf(last(office))).toContain("Văn phòng đã hủy gắn");
    const account = await e2e.db.chatAccount.findFirstOrThrow({ where: { externalId: String(staff.id) } });
    expect(account).toMatchObject({ active: false, inactiveReason: "unbound" });
    const vp01 = await e2e.db.staff.findUniqueOrThrow({ where: { code: "VP01" } });
    expect(await e2e.db.auditLog.findFirst({ where: { action: "account.unbind", target: "staff:KH02", outcome: "ok", actorStaffId: vp01.id } })).not.toBeNull();

    const [after] = await e2e.say(staff, "/nhiemvu");
    expect(textOf(after)).toContain("chưa được gắn với cán bộ nào");
    expect(textOf(after)).toContain("mã mời");
    // A second press of the spent confirmation unbinds nothing more.
    await e2e.press(office, confirm, dataOf(confirm, "Xác nhận hủy gắn"), { forge: true });
    expect(await e2e.db.auditLog.count({ where: { action: "account.unbind", outcome: "ok" } })).toBe(1);
    // Bound again with a new invite, for the tests below.
    staff = await e2e.login("KH02");
  });

  it("refuses to unbind the office's own account from the chat", async () => {
    const [list] = await e2e.say(office, "/canbo VP01");
    await e2e.press(office, list!, dataOf(list!, "Nguyễn Thị Lan"));
    const { answer } = await e2e.press(office, last(office), dataOf(last(office), "Hủy gắn Telegram"));
    expect(answer?.text).toContain("không thể tự hủy gắn");
    expect(await e2e.db.chatAccount.count({ where: { externalId: String(office.id), active: true } })).toBe(1);
  });
});

describe("/thietlap", () => {
  it("lists the settings with their meaning and value; one shows its default and the values accepted", async () => {
    const [list] = await e2e.say(office, "/thietlap");
    expect(textOf(list)).toContain("Thiết lập của Văn phòng");
    expect(textOf(list)).toContain("Cán bộ ‘chưa báo cáo’ khi không báo cáo tiến độ trong số ngày này: 14 (mặc định)");
    await e2e.press(office, list!, dataOf(list!, "Cán bộ ‘chưa báo cáo’"));
    const one = textOf(last(office));
    expect(one).toContain("Khóa: “tasks.staleReportDays”");
    expect(one).toContain("Mặc định: 14");
    expect(one).toContain("Giá trị được nhận: số nguyên từ 1 đến 365");
  });

  it("a bad value is refused in plain Vietnamese, changes nothing, and is on record", async () => {
    const [word] = await e2e.say(office, "mười");
    expect(textOf(word)).toContain("cần số nguyên từ 1 đến 365");
    expect(textOf(word)).toContain("Chưa có gì thay đổi; giá trị vẫn là 14");
    const [big] = await e2e.say(office, "400");
    expect(textOf(big)).toContain("cần số nguyên từ 1 đến 365");
    expect(await getSetting(e2e.db, "tasks.staleReportDays")).toBe(14);
    expect(await e2e.db.setting.count({ where: { key: "tasks.staleReportDays" } })).toBe(0);
    expect(await e2e.db.auditLog.count({ where: { action: "settings.set", outcome: "failed", target: "tasks.staleReportDays" } })).toBe(2);
    // Office hours that do not fit together are refused the same way.
    const [hours] = await e2e.say(office, "/thietlap calendar.workStart 13:30");
    expect(textOf(hours)).toContain("các mốc giờ làm việc phải lần lượt sau nhau");
    expect(await getSetting(e2e.db, "calendar.workStart")).toBe("08:00");
    const [unknown] = await e2e.say(office, "/thietlap khong.co 1");
    expect(textOf(unknown)).toContain("Không có thiết lập “khong.co”");
  });

  it("a good value is shown for confirmation, saved only after it, and audited", async () => {
    const [confirm] = await e2e.say(office, "/thietlap tasks.staleReportDays 10");
    expect(textOf(confirm)).toContain("từ 14 thành 10?");
    expect(await getSetting(e2e.db, "tasks.staleReportDays")).toBe(14);
    const [again] = await e2e.say(office, "/thietlap tasks.staleReportDays 21");
    // The older confirmation is stale now: pressing it changes nothing.
    const stale = await e2e.press(office, confirm!, dataOf(confirm!, "Xác nhận đổi"));
    expect(stale.answer?.text).toContain("không còn hiệu lực");
    expect(await getSetting(e2e.db, "tasks.staleReportDays")).toBe(14);
    const { messages } = await e2e.press(office, again!, dataOf(again!, "Xác nhận đổi"));
    expect(messages.map(textOf).join("\n")).toContain("Đã lưu: “tasks.staleReportDays” = 21");
    expect(await getSetting(e2e.db, "tasks.staleReportDays")).toBe(21);
    const vp01 = await e2e.db.staff.findUniqueOrThrow({ where: { code: "VP01" } });
    const entry = await e2e.db.auditLog.findFirstOrThrow({ where: { action: "settings.set", outcome: "ok" } });
    expect(entry).toMatchObject({ target: "tasks.staleReportDays", actorStaffId: vp01.id, details: JSON.stringify({ value: "21" }) });
    const [cancelled] = await e2e.say(office, "/thietlap tasks.staleReportDays 30");
    await e2e.press(office, cancelled!, dataOf(cancelled!, "Không đổi"));
    expect(await getSetting(e2e.db, "tasks.staleReportDays")).toBe(21);
  });
});

describe("/nhatky", () => {
  it("shows the latest entries, filtered by person, kind and day, and pages without shifting", async () => {
    const [all] = await e2e.say(office, "/nhatky");
    expect(textOf(all)).toContain("Nhật ký kiểm tra");
    expect(textOf(all)).toContain("Lệnh /nhatky — Nguyễn Thị Lan (VP01)");
    const [byStaff] = await e2e.say(office, "/nhatky KH02");
    expect(textOf(byStaff)).toContain("do Phạm Thu Hà (KH02)");
    expect(textOf(byStaff)).toContain("⛔ bị từ chối Lệnh /thietlap — Phạm Thu Hà (KH02)");
    expect(textOf(byStaff)).not.toContain("— Nguyễn Thị Lan (VP01)");
    await e2e.press(office, byStaff!, dataOf(byStaff!, "Thiết lập"));
    const settingsOnly = textOf(last(office));
    expect(settingsOnly).toContain("Lọc: Thiết lập · do Phạm Thu Hà (KH02)");
    expect(settingsOnly).toContain("Không có mục nào khớp");
    const [day] = await e2e.say(office, "/nhatky settings.set 25/11/2026");
    expect(textOf(day)).toContain("thao tác bắt đầu bằng “settings.set” · ngày 25/11/2026");
    expect(textOf(day)).toContain("Đổi thiết lập của Văn phòng — Nguyễn Thị Lan (VP01) → “tasks.staleReportDays” (“value=21”)");
    const [otherDay] = await e2e.say(office, "/nhatky 24/11/2026");
    expect(textOf(otherDay)).toContain("Không có mục nào khớp");
    const [bad] = await e2e.say(office, "/nhatky a b c");
    expect(textOf(bad)).toContain("Không hiểu bộ lọc");

    const [first] = await e2e.say(office, "/nhatky");
    const pageOne = textOf(first);
    await e2e.press(office, first!, dataOf(first!, "Cũ hơn"));
    const second = last(office);
    expect(textOf(second)).toMatch(/Trang 2\//);
    // Entries written meanwhile (each press is audited) do not shift the pages first shown.
    await e2e.press(office, second, dataOf(second, "Mới hơn"));
    expect(textOf(last(office))).toBe(pageOne);
  });

  it("never shows an invite, a token or a link held in an entry's details", async () => {
    const invite = "Zq3v9XkP2mWc7RtY5nLb8HsJ4dFg6AeQ";
    await audit(e2e.db, {
      actor: "system",
      action: "invite.sheet",
      details: { invite, link: `https://t.me/bot?start=${invite}`, note: `/start ${invite}`, token: "123456789:AAEhBP0av28QZHRL8x-exampleexampleexa", rows: 3 },
      at: e2e.now(),
    });
    const [entries] = await e2e.say(office, "/nhatky invite.sheet");
    const text = textOf(entries);
    expect(text).toContain("invite.sheet");
    expect(text).toContain("rows=3");
    expect(text).not.toContain(invite);
    expect(text).not.toContain("AAEhBP0av28");
    expect(text).toContain("invite=•••");
  });
});

describe("/lich", () => {
  it("shows the month, its holidays, days in lieu and swaps with their source, and the import status; pages months", async () => {
    const [now] = await e2e.say(office, "/lich");
    expect(textOf(now)).toContain("Lịch làm việc tháng 11/2026");
    const [jan] = await e2e.say(office, "/lich 1/2026");
    const text = textOf(jan);
    expect(text).toContain("T5 01/01/2026: Tết Dương lịch — theo thông báo của Chính phủ có sẵn");
    expect(text).toContain("T7 10/01/2026: Làm bù cho ngày nghỉ Thứ Sáu 02/01/2026");
    expect(text).toContain("Số ngày làm việc: 21/31 ngày.");
    expect(text).toContain("Văn phòng chưa nhập thông báo nghỉ lễ nào.");
    await e2e.press(office, jan!, dataOf(jan!, "Tháng 2/2026"));
    expect(textOf(last(office))).toContain("Lịch làm việc tháng 2/2026");
    expect(textOf(last(office))).toContain("Tết Nguyên đán");
    const [bad] = await e2e.say(office, "/lich 13/2026");
    expect(textOf(bad)).toContain("Không hiểu tháng “13/2026”");
  });
});
