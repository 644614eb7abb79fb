// Slack specifics (the shared scenarios run on Slack in channels.test.ts): binding by the
// workspace email, the slash command and the group rules, App Home, the HTTP receiver's
// signature checks and Slack's retries, and the transport's answers to Slack's errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "../../bot/delivery/outbox.js";
import { broadcastAlert } from "../../bot/services/alerts/broadcast.js";
import { createInvite } from "../../bot/services/invites.js";
import { buttonsOf, signSlack, type SlackPosted, textOfBlocks } from "../fake-slack/index.js";
import { dossier, importDossiers } from "../helpers/dossiers.js";
import { E2E } from "../helpers/e2e.js";
import { vn } from "../helpers/jobs.js";

const now = vn("2026-11-30", "09:00"); // a Monday, in office hours
let e2e: E2E;
const texts = (ms: SlackPosted[]) => ms.map((m) => textOfBlocks(m)).join("\n");
const setEmail = (code: string, email: string | null) => e2e.db.staff.update({ where: { code }, data: { email } });
const slackAccounts = (code: string) => e2e.db.chatAccount.findMany({ where: { platform: "slack", staff: { code } } });

beforeAll(async () => {
  e2e = await E2E.start({ clock: () => now, slack: "socket" });
  await importDossiers(e2e.databaseUrl, [dossier("HS-SLACK-01", { "Cán bộ xử lý": "QL02", "Ngày tiếp nhận": "16/11/2026 09:00", "Ngày hẹn trả": "04/12/2026" })], now);
}, 60_000);
afterAll(async () => e2e?.stop());

describe("identity by the workspace email", () => {
  it("binds a person by their email (any case) on their first message, greets them by name and role, and answers the command too", async () => {
    await setEmail("QL02", "anh.dn@sokhcn.gov.vn");
    const u = e2e.slack!.user({ name: "Đặng Ngọc Ánh", email: "Anh.DN@SoKHCN.gov.vn" });
    const replies = await e2e.slackSay(u, "hoso");
    expect(texts(replies)).toContain("Đặng Ngọc Ánh");
    expect(texts(replies)).toContain("Chuyên viên");
    expect(texts(replies)).toContain("HS-SLACK-01");
    const [account] = await slackAccounts("QL02");
    expect(account).toMatchObject({ externalId: u.id, chatId: u.id, active: true });
    const log = await e2e.db.auditLog.findFirst({ where: { actor: `slack:${u.id}`, action: "account.bind", outcome: "ok" } });
    expect(log?.details).toContain("email");
  });

  it("explains how to get access when no staff record has the email, and the invite code still works", async () => {
    const u = e2e.slack!.user({ name: "Khách", email: "khach@example.com" });
    const [reply] = await e2e.slackSay(u, "nhiemvu");
    expect(textOfBlocks(reply!)).toContain("chưa tìm thấy hồ sơ cán bộ");
    expect(await e2e.db.chatAccount.count({ where: { platform: "slack", externalId: u.id } })).toBe(0);
    const invite = await createInvite(e2e.db, { staffCode: "CS02", ttlHours: 1, now, actor: "e2e" });
    if (!invite.ok) throw new Error(invite.reason);
    expect(texts(await e2e.slackSay(u, invite.invite))).toContain("Bùi Thị Mai"); // pasted as it is
  });

  it("a changed email on either side never rebinds another person", async () => {
    await setEmail("KH01", "tuan.lm@sokhcn.gov.vn");
    await setEmail("CS01", "thinh.hd@sokhcn.gov.vn");
    const tuan = e2e.slack!.user({ name: "Lê Minh Tuấn", email: "tuan.lm@sokhcn.gov.vn" });
    expect(texts(await e2e.slackSay(tuan, "trogiup"))).toContain("Lê Minh Tuấn");
    // Tuấn's Slack profile now shows Thịnh's address: he stays Tuấn, Thịnh stays unbound.
    tuan.email = "thinh.hd@sokhcn.gov.vn";
    expect(texts(await e2e.slackSay(tuan, "start"))).toContain("Lê Minh Tuấn");
    expect(await slackAccounts("CS01")).toHaveLength(0);
    // The staff list gives Tuấn's record a new address, one another Slack user has: no takeover.
    await setEmail("KH01", "someone.else@sokhcn.gov.vn");
    const other = e2e.slack!.user({ name: "Người khác", email: "someone.else@sokhcn.gov.vn" });
    expect(texts(await e2e.slackSay(other, "nhiemvu"))).toContain("đã gắn với một tài khoản Slack khác");
    const accounts = await slackAccounts("KH01");
    expect(accounts.map((a) => [a.externalId, a.active])).toEqual([[tuan.id, true]]);
    expect(await e2e.db.chatAccount.count({ where: { platform: "slack", externalId: other.id } })).toBe(0);
    // A suspended record is not bound either.
    await e2e.db.staff.update({ where: { code: "GD01" }, data: { email: "truong.tt@sokhcn.gov.vn", active: false } });
    const leader = e2e.slack!.user({ name: "Trần Thanh Trường", email: "truong.tt@sokhcn.gov.vn" });
    expect(texts(await e2e.slackSay(leader, "nhiemvu"))).toContain("đang tạm ngừng");
    await e2e.db.staff.update({ where: { code: "GD01" }, data: { active: true } });
  });
});

describe("the slash command, channels and App Home", () => {
  it("/sokhcn <command> is acknowledged at once and answered in the DM; in a channel personal data is refused, to that person only", async () => {
    const u = await e2e.slackLogin("VP02");
    const acksBefore = e2e.slack!.acks.size;
    const replies = await e2e.slackSlash(u, "nhiemvu");
    expect(replies[0]!.kind).toBe("post");
    expect(buttonsOf(replies[0]!).length).toBeGreaterThan(0);
    expect(e2e.slack!.acks.size).toBeGreaterThan(acksBefore);
    expect(Math.max(...e2e.slack!.acks.values())).toBeLessThan(3000);
    const inChannel = await e2e.slackSlash(u, "nhiemvu", { channel: "C0CHUNG001" });
    expect(inChannel.map((m) => [m.kind, m.user])).toEqual([["ephemeral", u.id]]);
    expect(textOfBlocks(inChannel[0]!)).toContain("chỉ dùng trong tin nhắn riêng");
    // A mention in a channel is answered the same way.
    const before = e2e.slack!.posted.length;
    const id = await e2e.slack!.mention(u, "C0CHUNG001", "hoso");
    await e2e.handledKey(`slack:${e2e.slack!.teamId}:${id}`);
    const mentioned = e2e.slack!.posted.slice(before);
    expect(mentioned.map((m) => m.kind)).toEqual(["ephemeral"]);
    expect(e2e.slack!.posted.filter((m) => m.channel === "C0CHUNG001" && m.kind !== "ephemeral")).toEqual([]);
    // A file shared in the DM is taken (the office's import); a chuyên viên is refused.
    const [shared] = await e2e.slackShareFile(u, { fileName: "bang.csv", content: Buffer.from("Mã cán bộ,Họ và tên\n", "utf8") });
    expect(textOfBlocks(shared!)).toContain("không có quyền");
    // A report's evidence file is not kept on Slack (its id could not be sent to a viewer elsewhere): refused, nothing written.
    const reports = await e2e.db.progressReport.count();
    const [evidence] = await e2e.slackShareFile(u, { fileName: "minh-chung.pdf", content: Buffer.from("%PDF-1.4\n"), mimeType: "application/pdf" }, "baocao KH-01 50 xong bước 1");
    expect(textOfBlocks(evidence!)).toContain("chưa lưu được tệp minh chứng");
    expect(await e2e.db.progressReport.count()).toBe(reports);
  });

  it("App Home shows the person's open dossiers and unacknowledged alerts, and is refreshed when they change", async () => {
    const ql02 = (await slackAccounts("QL02"))[0]!;
    const person = e2e.slack!.users.get(ql02.externalId)!;
    const id = await e2e.slack!.openHome(person);
    await e2e.handledKey(`slack:${e2e.slack!.teamId}:${id}`);
    const home = () => textOfBlocks({ text: "", blocks: e2e.slack!.views.get(person.id)!.at(-1)!.blocks });
    expect(home()).toContain("HS-SLACK-01");
    expect(home()).toContain("Không có cảnh báo nào");
    const office = await e2e.db.staff.findUniqueOrThrow({ where: { code: "VP01" } });
    const res = await broadcastAlert(
      { db: e2e.db, i18n: e2e.app.app.deps.i18n, timeZone: "Asia/Ho_Chi_Minh", defaultLocale: "vi" },
      { severity: "cao", title: "Cảnh báo Slack về thư giả mạo", body: "Không mở tệp đính kèm lạ.", audience: { all: true }, requireRemediation: false, source: "cli" },
      { actor: "e2e", staffId: office.id, role: "van_phong" },
      now,
    );
    if (res.status !== "sent") throw new Error(res.status);
    await e2e.deliver();
    // The alert came through the transport (the DM opened with conversations.open), and Home shows it.
    expect(e2e.slack!.calls.some((c) => c.method === "conversations.open" && c.params.users === person.id)).toBe(true);
    const alert = e2e.slack!.postedIn(person.dm).filter((m) => textOfBlocks(m).includes("thư giả mạo")).at(-1)!;
    await waitFor(() => home().includes("thư giả mạo"));
    const ack = buttonsOf(alert).find((b) => b.text.includes("Đã đọc"))!;
    await e2e.slackPress(person, alert, ack.value!);
    await waitFor(() => !home().includes("thư giả mạo"));
    expect(home()).toContain("Không có cảnh báo nào");
  });
});

describe("delivery on Slack", () => {
  it("waits out Retry-After on ratelimited, and marks account_inactive / channel_not_found unreachable", async () => {
    const vp02 = await e2e.db.staff.findUniqueOrThrow({ where: { code: "VP02" } });
    const person = e2e.slack!.users.get((await slackAccounts("VP02"))[0]!.externalId)!;
    e2e.slack!.failNext("chat.postMessage", "ratelimited", { retryAfter: 1 });
    await enqueue(e2e.db, { dedupKey: "slack:rl", kind: "notify", staffId: vp02.id, payload: { text: "<b>Thông báo</b> thử giới hạn" } }, { now, timeZone: "Asia/Ho_Chi_Minh" });
    const started = Date.now();
    const first = await e2e.deliver();
    expect(first.retried).toBe(1);
    expect(e2e.app.sender.pausedUntilMs).toBeGreaterThan(started + 500);
    await new Promise((r) => setTimeout(r, Math.max(0, e2e.app.sender.pausedUntilMs - Date.now())));
    await e2e.deliver();
    expect(e2e.slack!.postedIn(person.dm).some((m) => textOfBlocks(m).includes("Thông báo thử giới hạn"))).toBe(true);

    for (const [code, error] of [["VP02", "account_inactive"], ["CS02", "channel_not_found"]] as const) {
      const staff = await e2e.db.staff.findUniqueOrThrow({ where: { code } });
      e2e.slack!.failNext("chat.postMessage", error);
      await enqueue(e2e.db, { dedupKey: `slack:${error}`, kind: "notify", staffId: staff.id, payload: { text: "Không tới được" } }, { now, timeZone: "Asia/Ho_Chi_Minh" });
      const stats = await e2e.deliver();
      expect(stats.blocked, error).toBe(1);
      const [account] = await slackAccounts(code);
      expect(account!.active, error).toBe(false);
    }
  });

  it("never sent Slack a section over 3,000 characters or a message over 50 blocks", () => {
    const posts = e2e.slack!.calls.filter((c) => c.method.startsWith("chat."));
    expect(posts.length).toBeGreaterThan(10);
    expect(posts.filter((c) => c.error && !["ratelimited", "account_inactive", "channel_not_found"].includes(c.error))).toEqual([]);
  });
});

async function waitFor(ok: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("HTTP mode (signed requests)", () => {
  it("refuses a forged or stale signature with 401, answers Slack's URL check, and never doubles a reply on x-slack-retry-num", async () => {
    const w = await E2E.start({ clock: () => now, slack: "http" });
    try {
      const fake = w.slack!;
      const u = await w.slackLogin("KH02");
      const event = (id: string) =>
        JSON.stringify({ team_id: fake.teamId, api_app_id: fake.appId, type: "event_callback", event_id: id, event_time: 1, event: { type: "message", channel_type: "im", channel: u.dm, user: u.id, text: "trogiup", ts: "1.000001" } });
      const before = fake.postedIn(u.dm).length;
      const body = event("EvFORGED001");
      expect((await fake.post(body, "application/json", { signature: signSlack("not-the-secret", Math.floor(Date.now() / 1000), body) })).status).toBe(401);
      const stale = Math.floor(Date.now() / 1000) - 6 * 60;
      expect((await fake.post(body, "application/json", { timestamp: stale, signature: signSlack(fake.signingSecret, stale, body) })).status).toBe(401);
      expect((await fake.post(body, "application/json", { signature: "v0=" + "0".repeat(64) })).status).toBe(401);
      expect(fake.postedIn(u.dm).length).toBe(before);
      const check = await fake.post(JSON.stringify({ type: "url_verification", challenge: "thu-thach-123", token: "x" }), "application/json");
      expect(JSON.parse(check.text)).toEqual({ challenge: "thu-thach-123" });
      // The same event, then Slack's retries of it: one answer.
      const eventId = await fake.dm(u, "trogiup");
      await w.handledKey(`slack:${fake.teamId}:${eventId}`);
      await fake.dm(u, "trogiup", { eventId, retryNum: 1 });
      await fake.dm(u, "trogiup", { eventId, retryNum: 2 });
      await w.handledKey(`slack:${fake.teamId}:${eventId}`);
      expect(fake.postedIn(u.dm).length).toBe(before + 1);
      // Commands and presses come signed too, and are answered after the acknowledgement.
      const [tasks] = await w.slackSlash(u, "nhiemvu");
      expect(buttonsOf(tasks!).length).toBeGreaterThan(0);
      const next = buttonsOf(tasks!).find((b) => /sau/i.test(b.text))!;
      const pressed = await w.slackPress(u, tasks!, next.value!);
      expect(pressed.map((m) => m.kind)).toContain("update");
      expect(fake.httpAnswers.every((a) => a.ms < 3000)).toBe(true);
    } finally {
      await w.stop();
    }
  });

  it("a Slack token the workspace refuses stops start-up with one line, without the token", async () => {
    const { FakeSlack } = await import("../fake-slack/index.js");
    const { loadConfig } = await import("../../bot/config.js");
    const { startApp, StartupError } = await import("../../bot/app.js");
    const { memoryLogger } = await import("../helpers/logger.js");
    const { createTestDatabaseUrl } = await import("../helpers/db.js");
    const fake = await FakeSlack.start();
    const db = await createTestDatabaseUrl("sqlite");
    const token = "xoxb-0000-0000-notthebottokenatall";
    try {
      const config = loadConfig({ SLACK_BOT_TOKEN: token, SLACK_APP_TOKEN: fake.appToken, SLACK_API_URL: fake.apiUrl, DATABASE_URL: db.url, LOG_LEVEL: "silent" });
      const err = await startApp(config, { logger: memoryLogger().logger, scheduler: false, backgroundSender: false }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StartupError);
      expect((err as Error).message).toMatch(/^Slack từ chối SLACK_BOT_TOKEN \(invalid_auth\)/);
      expect((err as Error).message).not.toContain(token);
    } finally {
      await fake.stop();
      await db.drop();
    }
  });

  it("runs alone, without any Telegram token", async () => {
    const solo = await E2E.start({ clock: () => now, slack: "socket", env: { BOT_TOKEN: "" } });
    try {
      const u = await solo.slackLogin("QL01");
      expect(texts(await solo.slackSay(u, "nhiemvu"))).toContain("Nhiệm vụ");
      expect(solo.tg.calls.length).toBe(0);
    } finally {
      await solo.stop();
    }
  });
});
