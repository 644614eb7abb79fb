// Issue 2 end to end: binding, refusals, unknown users, groups, help per role, language,
// webhook secret — the real service against the fake Bot API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite } from "../../bot/services/invites.js";
import { buttons, E2E, textOf } from "../helpers/e2e.js";

let e2e: E2E;
beforeAll(async () => {
  e2e = await E2E.start();
});
afterAll(async () => e2e?.stop());

async function inviteFor(code: string, ttlHours = 1) {
  const res = await createInvite(e2e.db, { staffCode: code, ttlHours, now: e2e.now(), actor: "test" });
  if (!res.ok) throw new Error(res.reason);
  return res.invite;
}

describe("binding an account", () => {
  it("greets by name, role and unit, and publishes the role's command menu for that chat", async () => {
    const user = e2e.stranger();
    const [reply] = await e2e.say(user, `/start ${await inviteFor("KH01")}`);
    expect(textOf(reply)).toContain("Xin chào Lê Minh Tuấn!");
    expect(textOf(reply)).toContain("Vai trò: Trưởng phòng");
    expect(textOf(reply)).toContain("Đơn vị: Phòng Kế hoạch - Tài chính");
    const menu = e2e.tg.commands({ scope: { type: "chat", chat_id: user.id } }).map((c) => c.command);
    expect(menu).toContain("trogiup");
    expect(menu).not.toContain("guitin");
    const audit = await e2e.db.auditLog.findFirst({ where: { action: "account.bind", outcome: "ok", target: "staff:KH01" } });
    expect(audit).not.toBeNull();
  });

  it("follows the deep link t.me/<bot>?start=<invite> (Telegram sends /start <invite>)", async () => {
    const user = e2e.stranger();
    e2e.tg.startBot(user, await inviteFor("QL02"));
    const reply = await e2e.tg.waitForMessage(user.id, { textIncludes: "Đặng Ngọc Ánh" });
    expect(textOf(reply)).toContain("Chuyên viên");
  });

  it("refuses a reused, an expired and a wrong invite, each with its reason", async () => {
    const invite = await inviteFor("CS02");
    await e2e.say(e2e.stranger(), `/start ${invite}`);
    const [reused] = await e2e.say(e2e.stranger(), `/start ${invite}`);
    expect(textOf(reused)).toContain("đã được sử dụng");

    const expired = await createInvite(e2e.db, { staffCode: "CS01", ttlHours: 1, now: new Date(e2e.now().getTime() - 2 * 3600_000), actor: "test" });
    if (!expired.ok) throw new Error("invite");
    const [late] = await e2e.say(e2e.stranger(), `/start ${expired.invite}`);
    expect(textOf(late)).toContain("đã hết hạn");

    const [wrong] = await e2e.say(e2e.stranger(), "/start AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(textOf(wrong)).toContain("Mã mời không đúng");
  });

  it("slows down repeated failures from one account", async () => {
    const guesser = e2e.stranger();
    for (let i = 0; i < 3; i++) await e2e.say(guesser, `/start wrongwrongwrong${i}x`);
    const [slowed] = await e2e.say(guesser, `/start ${await inviteFor("VP02")}`);
    expect(textOf(slowed)).toMatch(/nhập sai mã mời nhiều lần.*thử lại sau 1 phút/);
    expect(e2e.logLines.join("\n")).not.toMatch(/wrongwrongwrong/);
  });
});

describe("unknown users", () => {
  it("get a short explanation of how to get an invite, whatever they type, and nothing else", async () => {
    const user = e2e.stranger();
    for (const text of ["/start", "/trogiup", "/caidat", "/nhiemvu", "xin chào"]) {
      const replies = await e2e.say(user, text);
      expect(replies).toHaveLength(1);
      expect(textOf(replies[0])).toContain("chưa được gắn với cán bộ nào");
      expect(textOf(replies[0])).toContain("Văn phòng Sở");
    }
  });

  it("pressing a button gets a short refusal", async () => {
    const user = e2e.stranger();
    const [msg] = await e2e.say(user, "/start");
    const { answer } = await e2e.press(user, msg!, "caidat:lang:en", { forge: true });
    expect(answer?.text).toContain("chưa được gắn");
  });
});

describe("privacy in groups", () => {
  it("commands that show personal data answer only 'message me privately', with a button", async () => {
    const lan = await e2e.login("VP01");
    const group = e2e.tg.group({ title: "Phòng họp" });
    const [reply] = await e2e.say(lan, "/caidat", { chat: group });
    expect(textOf(reply)).toContain("chỉ dùng trong tin nhắn riêng");
    expect(buttons(reply!)[0]?.url).toBe(`https://t.me/${e2e.tg.botInfo.username}`);
    const [guitin] = await e2e.say(lan, `/guitin@${e2e.tg.botInfo.username}`, { chat: group });
    expect(textOf(guitin)).toContain("chỉ dùng trong tin nhắn riêng");
    expect(textOf(guitin)).not.toContain("Nhật ký");
  });

  it("help in a group is the general list, with nothing about the person", async () => {
    const tuan = await e2e.login("KH01");
    const group = e2e.tg.group();
    const [reply] = await e2e.say(tuan, "/trogiup", { chat: group });
    expect(textOf(reply)).toContain("/caidat");
    expect(textOf(reply)).not.toContain("Trưởng phòng");
    expect(textOf(reply)).not.toContain("Kế hoạch - Tài chính");
  });
});

describe("help per role and language", () => {
  it("lists only what each role may use", async () => {
    const staff = await e2e.login("KH02");
    const office = await e2e.login("QT01");
    const [forStaff] = await e2e.say(staff, "/trogiup");
    const [forOffice] = await e2e.say(office, "/help");
    expect(textOf(forStaff)).not.toContain("/guitin");
    expect(textOf(forOffice)).toContain("/guitin");
    expect(textOf(forStaff)).toContain("Vai trò: Chuyên viên");
    expect(textOf(forOffice)).toContain("Vai trò: Quản trị hệ thống");
  });

  it("a role-gated command is refused on the server and audited", async () => {
    const staff = await e2e.login("QL02");
    const [reply] = await e2e.say(staff, "/guitin");
    expect(textOf(reply)).toContain("không có quyền");
    const denied = await e2e.db.auditLog.findFirst({ where: { action: "command.guitin", outcome: "denied" } });
    expect(denied).not.toBeNull();
  });

  it("/caidat switches the language and the menus follow", async () => {
    const user = await e2e.login("CS01");
    const [settings] = await e2e.say(user, "/caidat");
    const { answer, messages } = await e2e.pressLabel(user, settings!, "English");
    expect(answer?.text).toBe("Switched to English.");
    expect(textOf(messages.at(-1))).toContain("Language: English");
    const [help] = await e2e.say(user, "/trogiup");
    expect(textOf(help)).toContain("Commands you can use");
    expect(e2e.tg.commands({ scope: { type: "chat", chat_id: user.id } }).find((c) => c.command === "caidat")?.description).toBe(
      "Language, quiet hours, subscriptions",
    );
    expect(e2e.tg.commands({ languageCode: "en" }).length).toBeGreaterThan(0);
    expect(e2e.tg.commands({ languageCode: "vi" }).find((c) => c.command === "trogiup")?.description).toBe("Các lệnh và hướng dẫn sử dụng");
  });

  it("a forged settings button is refused and changes nothing", async () => {
    const user = await e2e.login("QL01");
    const [settings] = await e2e.say(user, "/caidat");
    const { answer } = await e2e.press(user, settings!, "caidat:lang:fr", { forge: true });
    expect(answer?.text).toContain("không hợp lệ");
    const staff = await e2e.db.staff.findUniqueOrThrow({ where: { code: "QL01" } });
    expect(staff.locale).toBeNull();
  });
});

describe("robustness", () => {
  it("an error in one update is answered and the bot keeps going", async () => {
    const user = await e2e.login("GD01");
    e2e.tg.failNext("sendMessage", { error_code: 400, description: "Bad Request: message is too long" }, { times: 1 });
    await e2e.say(user, "/trogiup");
    const [ok] = await e2e.say(user, "/trogiup");
    expect(textOf(ok)).toContain("Các lệnh");
    expect(e2e.logLines.join("\n")).toContain("update failed");
    expect(e2e.logLines.join("\n")).not.toContain(e2e.tg.token);
  });

  it("the same update delivered twice is handled once", async () => {
    const user = await e2e.login("VP02");
    const before = e2e.tg.sent(user.id).length;
    const msg = e2e.tg.sendText(user, "/trogiup");
    const update = e2e.tg.updates.at(-1)!;
    await e2e.handled(update.update_id);
    e2e.tg.pushUpdate({ ...update });
    await new Promise((r) => setTimeout(r, 300));
    expect(e2e.tg.sent(user.id).length - before).toBe(1);
    expect(msg.chat.id).toBe(user.id);
  });
});

describe("guided flows left idle", () => {
  it("say so when the person answers too late, and write nothing", async () => {
    let now = new Date("2026-11-30T03:00:00Z");
    const idle = await E2E.start({ clock: () => now });
    try {
      const user = await idle.login("KH02");
      const [ask] = await idle.say(user, "/baocao III.1");
      expect(textOf(ask)).toContain("III.1");
      now = new Date(now.getTime() + 16 * 60_000);
      const [late] = await idle.say(user, "50");
      expect(textOf(late)).toContain("đã hết hạn vì lâu không có trả lời");
      expect(await idle.db.progressReport.count()).toBe(0);
      const [after] = await idle.say(user, "50");
      expect(textOf(after)).toContain("Trợ lý chỉ hiểu các lệnh");
    } finally {
      await idle.stop();
    }
  });
});
