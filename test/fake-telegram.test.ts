// The fake Telegram Bot API server, driven by grammY's own client (Api / Bot) exactly as the
// bot will use it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, Bot, GrammyError, HttpError, InputFile, webhookCallback } from "grammy";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "./fake-telegram/index.js";

let fake: FakeTelegram;
let api: Api;
const bots: Bot[] = [];
const servers: Server[] = [];

beforeAll(async () => {
  fake = await FakeTelegram.start();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
});

afterAll(async () => {
  await fake.stop();
});

beforeEach(() => {
  fake.reset();
});

afterEach(async () => {
  for (const bot of bots.splice(0)) if (bot.isRunning()) await bot.stop();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  expect(fake.internalErrors).toEqual([]);
});

function newBot(): Bot {
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  bot.catch(() => undefined);
  bots.push(bot);
  return bot;
}

async function grammyError(promise: Promise<unknown>): Promise<GrammyError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GrammyError) return error;
    throw error;
  }
  throw new Error("expected a GrammyError");
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

// A tiny valid PNG (1x1) and a 1600x900 PNG header (only the header is read).
const PNG_1x1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe("identity and transport", () => {
  it("answers getMe with the configured bot and rejects a wrong token with 401", async () => {
    const me = await api.getMe();
    expect(me).toMatchObject({ is_bot: true, username: "sokhcn_test_bot", can_join_groups: true, can_read_all_group_messages: false });
    expect(fake.token).toMatch(/^\d+:[A-Za-z0-9_-]{35}$/);
    expect(String(me.id)).toBe(fake.token.split(":")[0]);

    const wrong = new Api(`${me.id}:AAwrongwrongwrongwrongwrongwrongwro`, { apiRoot: fake.apiRoot });
    const error = await grammyError(wrong.getMe());
    expect(error.error_code).toBe(401);
    expect(error.description).toBe("Unauthorized");
  });

  it("accepts query-string and urlencoded requests and answers malformed ones with 400/404", async () => {
    const user = fake.user();
    const base = `${fake.apiRoot}/bot${fake.token}`;
    const viaQuery = await fetch(`${base}/sendMessage?chat_id=${user.id}&text=${encodeURIComponent("Xin chào")}`);
    expect(await viaQuery.json()).toMatchObject({ ok: true, result: { text: "Xin chào", chat: { id: user.id } } });

    const viaForm = await fetch(`${base}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: String(user.id), text: "<b>đậm</b>", parse_mode: "HTML" }),
    });
    expect(await viaForm.json()).toMatchObject({ ok: true, result: { text: "đậm", entities: [{ type: "bold", offset: 0, length: 3 }] } });

    const badJson = await fetch(`${base}/sendMessage`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ ok: false, error_code: 400 });

    const badMultipart = await fetch(`${base}/sendDocument`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
      body: "garbage without parts",
    });
    expect(badMultipart.status).toBe(400);

    const unknown = await fetch(`${base}/sendTelepathy`, { method: "POST" });
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });
    expect((await fetch(`${fake.apiRoot}/nothing`)).status).toBe(404);
  });
});

describe("getUpdates", () => {
  it("returns pending updates from the offset, confirms lower ones and honours limit", async () => {
    const user = fake.user({ firstName: "Lan", languageCode: "vi" });
    const m1 = fake.sendText(user, "/start");
    fake.sendText(user, "một");
    fake.sendText(user, "hai");

    const all = await api.getUpdates({ offset: 0 });
    expect(all.map((u) => u.message?.text)).toEqual(["/start", "một", "hai"]);
    const first = all[0];
    expect(first?.update_id).toBeGreaterThan(0);
    expect(first?.message).toMatchObject({
      message_id: m1.message_id,
      from: { id: user.id, first_name: "Lan", language_code: "vi", is_bot: false },
      chat: { id: user.id, type: "private" },
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    });
    expect(typeof first?.message?.date).toBe("number");
    expect(all.map((u) => u.update_id)).toEqual([all[0]?.update_id, (all[0]?.update_id ?? 0) + 1, (all[0]?.update_id ?? 0) + 2]);

    const limited = await api.getUpdates({ offset: (first?.update_id ?? 0) + 1, limit: 1 });
    expect(limited.map((u) => u.message?.text)).toEqual(["một"]);
    expect(fake.confirmedOffset).toBe((first?.update_id ?? 0) + 1);
    expect(fake.pendingUpdateCount).toBe(2);

    // An offset beyond the last update is ignored (Telegram serves from the head).
    expect((await api.getUpdates({ offset: (first?.update_id ?? 0) + 1000 })).length).toBe(2);
    // A negative offset keeps only the last |offset| updates.
    expect((await api.getUpdates({ offset: -1 })).map((u) => u.message?.text)).toEqual(["hai"]);
    expect(fake.pendingUpdateCount).toBe(1);
  });

  it("holds a long poll until an update arrives, and answers [] when the timeout elapses", async () => {
    const user = fake.user();
    const started = Date.now();
    const poll = api.getUpdates({ timeout: 20 });
    await fake.waitForLongPoll();
    fake.sendText(user, "chào");
    fake.sendText(user, "bot");
    const updates = await poll;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(updates.map((u) => u.message?.text)).toEqual(["chào", "bot"]);

    const t0 = Date.now();
    const empty = await api.getUpdates({ offset: (updates[1]?.update_id ?? 0) + 1, timeout: 1 });
    expect(empty).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it("ends the older of two concurrent long polls with 409, like Telegram", async () => {
    const user = fake.user();
    const first = grammyError(api.getUpdates({ timeout: 20 }));
    await fake.waitForLongPoll();
    const second = api.getUpdates({ timeout: 20 });
    const conflict = await first;
    expect(conflict.error_code).toBe(409);
    expect(conflict.description).toBe(
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    );
    await fake.waitForLongPoll();
    fake.sendText(user, "vẫn nhận");
    expect((await second).map((u) => u.message?.text)).toEqual(["vẫn nhận"]);
  });

  it("makes a second polling bot crash the first one with 409 (grammY rethrows 409)", async () => {
    const a = newBot();
    const b = newBot();
    const aDone = a.start({ timeout: 20 });
    await fake.waitForLongPoll();
    void b.start({ timeout: 20 });
    await expect(aDone).rejects.toMatchObject({ error_code: 409 });
    expect(a.isRunning()).toBe(false);
  });

  it("refuses getUpdates while a webhook is set", async () => {
    await api.setWebhook("https://example.invalid/hook");
    const error = await grammyError(api.getUpdates());
    expect(error.error_code).toBe(409);
    expect(error.description).toBe(
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
    await api.deleteWebhook();
  });

  it("drives grammY's bot.start(): updates handled in order, offsets confirmed, stop() confirms the last one", async () => {
    const user = fake.user();
    const bot = newBot();
    const seen: number[] = [];
    bot.on("message:text", async (ctx) => {
      seen.push(ctx.update.update_id);
      await ctx.reply(`Bạn viết: ${ctx.message.text}`);
    });
    void bot.start({ timeout: 5 });
    fake.sendText(user, "a");
    fake.sendText(user, "b");
    await fake.waitForMessage(user.id, { textIncludes: "Bạn viết: b" });
    expect(fake.sent(user.id).map((m) => m.text)).toEqual(["Bạn viết: a", "Bạn viết: b"]);
    expect(seen.length).toBe(2);

    const t0 = Date.now();
    await bot.stop();
    expect(Date.now() - t0).toBeLessThan(1000);
    // bot.stop() aborts the pending long poll and confirms with getUpdates({offset, limit: 1}).
    const last = fake.callsTo("getUpdates").at(-1);
    expect(last?.params).toMatchObject({ offset: (seen[1] ?? 0) + 1, limit: 1 });
    expect(fake.confirmedOffset).toBe((seen[1] ?? 0) + 1);
    expect(fake.pendingUpdateCount).toBe(0);
    expect(fake.callsTo("deleteWebhook").length).toBe(1); // bot.start() always calls it first
  });
});

describe("sendMessage validation", () => {
  it("counts length after HTML parsing and rejects longer texts", async () => {
    const user = fake.user();
    await expect(api.sendMessage(user.id, "a".repeat(4096))).resolves.toMatchObject({ text: "a".repeat(4096) });
    const long = await grammyError(api.sendMessage(user.id, "a".repeat(4097)));
    expect(long.error_code).toBe(400);
    expect(long.description).toBe("Bad Request: message is too long");

    // 4096 visible characters wrapped in tags and entities is fine...
    const html = `<b>${"&lt;".repeat(2000)}</b>${"x".repeat(2096)}`;
    const ok = await api.sendMessage(user.id, html, { parse_mode: "HTML" });
    expect([...(ok.text ?? "")].length).toBe(4096);
    expect(ok.entities).toEqual([{ type: "bold", offset: 0, length: 2000 }]);
    // ...and the limit is in characters (code points), not bytes: Vietnamese is fine.
    await expect(api.sendMessage(user.id, "ệ".repeat(4096))).resolves.toBeDefined();

    expect((await grammyError(api.sendMessage(user.id, ""))).description).toBe("Bad Request: message text is empty");
    expect((await grammyError(api.sendMessage(user.id, "<b></b>", { parse_mode: "HTML" }))).description).toBe(
      "Bad Request: message text is empty",
    );
    expect((await grammyError(api.sendMessage(987654321, "ai đó"))).description).toBe("Bad Request: chat not found");
  });

  it("rejects bad HTML with Telegram's parse errors and keeps good entities", async () => {
    const user = fake.user();
    const unclosed = await grammyError(api.sendMessage(user.id, "<b>Báo cáo", { parse_mode: "HTML" }));
    expect(unclosed.description).toBe(`Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`);
    const unknown = await grammyError(api.sendMessage(user.id, "Hạn <br> nộp", { parse_mode: "HTML" }));
    expect(unknown.description).toBe(`Bad Request: can't parse entities: Unsupported start tag "br" at byte offset 6`); // "Hạn " is 6 bytes
    const crossed = await grammyError(api.sendMessage(user.id, "<b><i>x</b></i>", { parse_mode: "HTML" }));
    expect(crossed.description).toBe(
      `Bad Request: can't parse entities: Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`,
    );
    const bareLt = await grammyError(api.sendMessage(user.id, "a < b", { parse_mode: "HTML" }));
    expect(bareLt.description).toBe(`Bad Request: can't parse entities: Unsupported start tag "" at byte offset 2`);

    const good = await api.sendMessage(
      user.id,
      `<b>Lịch họp</b> <i>thứ Hai</i> <a href="https://sokhcn.gov.vn">cổng</a> <tg-spoiler>bí mật</tg-spoiler> <code>x=1</code> <blockquote expandable>trích</blockquote> /help`,
      { parse_mode: "HTML" },
    );
    expect(good.text).toBe("Lịch họp thứ Hai cổng bí mật x=1 trích /help");
    expect(good.entities?.map((e) => e.type)).toEqual([
      "bold",
      "italic",
      "text_link",
      "spoiler",
      "code",
      "expandable_blockquote",
      "bot_command",
    ]);
    expect(good.entities?.[2]).toMatchObject({ url: "https://sokhcn.gov.vn/" });

    const md = await grammyError(api.sendMessage(user.id, "Ngày 01.02.2025", { parse_mode: "MarkdownV2" }));
    expect(md.description).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
  });

  it("checks inline keyboards: callback_data is 1-64 bytes, URL buttons are kept", async () => {
    const user = fake.user();
    // 32 × "đ" is 32 characters but 64 bytes: accepted; one more byte is not.
    const ok = await api.sendMessage(user.id, "Chọn", {
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "đ".repeat(32) }, { text: "Cổng", url: "https://sokhcn.gov.vn" }]] },
    });
    expect(ok.reply_markup?.inline_keyboard[0]).toEqual([
      { text: "A", callback_data: "đ".repeat(32) },
      { text: "Cổng", url: "https://sokhcn.gov.vn/" },
    ]);
    const tooLong = await grammyError(
      api.sendMessage(user.id, "Chọn", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: `${"đ".repeat(32)}x` }]] } }),
    );
    expect(tooLong.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    const empty = await grammyError(
      api.sendMessage(user.id, "Chọn", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "" }]] } }),
    );
    expect(empty.description).toBe(
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
  });
});

describe("callback queries and edits", () => {
  it("delivers a button press, answers it once, and edits like Telegram", async () => {
    const user = fake.user();
    const sent = await api.sendMessage(user.id, "Xác nhận?", {
      reply_markup: { inline_keyboard: [[{ text: "Đồng ý", callback_data: "ok:1" }]] },
    });
    const query = fake.pressButton(user, sent, "ok:1");
    const [update] = await api.getUpdates();
    expect(update?.callback_query).toMatchObject({
      id: query.id,
      from: { id: user.id },
      data: "ok:1",
      chat_instance: expect.any(String),
      message: { message_id: sent.message_id, text: "Xác nhận?", reply_markup: sent.reply_markup },
    });
    expect(() => fake.pressButton(user, sent, "nope")).toThrow(/no button/);

    await api.answerCallbackQuery(query.id, { text: "Đã ghi nhận" });
    expect(fake.callbackAnswer(query.id)).toEqual({ text: "Đã ghi nhận", show_alert: false });
    const again = await grammyError(api.answerCallbackQuery(query.id));
    expect(again.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");

    // editMessageText without reply_markup removes the keyboard; the same content again is an error.
    const edited = await api.editMessageText(user.id, sent.message_id, "Đã xác nhận");
    expect(edited).toMatchObject({ text: "Đã xác nhận", edit_date: expect.any(Number) });
    expect((edited as { reply_markup?: unknown }).reply_markup).toBeUndefined();
    const same = await grammyError(api.editMessageText(user.id, sent.message_id, "Đã xác nhận"));
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    expect((await grammyError(api.editMessageText(user.id, 9999, "x"))).description).toBe("Bad Request: message to edit not found");
    await api.deleteMessage(user.id, sent.message_id);
    expect(fake.message(user.id, sent.message_id)).toBeUndefined();
    expect((await grammyError(api.deleteMessage(user.id, sent.message_id))).description).toBe(
      "Bad Request: message to delete not found",
    );
  });
});

describe("errors and faults", () => {
  it("injects 429 with parameters.retry_after and a Retry-After header", async () => {
    const user = fake.user();
    fake.failNext("sendMessage", { error_code: 429, retry_after: 3 });
    const error = await grammyError(api.sendMessage(user.id, "x"));
    expect(error.error_code).toBe(429);
    expect(error.description).toBe("Too Many Requests: retry after 3");
    expect(error.parameters.retry_after).toBe(3);
    const record = fake.callsTo("sendMessage")[0];
    expect(record?.status).toBe(429);
    expect(record?.response).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 3",
      parameters: { retry_after: 3 },
    });
    await expect(api.sendMessage(user.id, "x")).resolves.toBeDefined(); // times defaults to 1

    fake.failNext("*", { error_code: 500 }, { chatId: 42, times: 2 });
    await expect(api.sendMessage(user.id, "other chat")).resolves.toBeDefined();
    fake.failNext("sendMessage", { error_code: 429, retry_after: 1 });
    const raw = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage?chat_id=${user.id}&text=x`);
    expect(raw.status).toBe(429);
    expect(raw.headers.get("retry-after")).toBe("1");
  });

  it("works with @grammyjs/auto-retry: a 429 is waited out and retried", async () => {
    const user = fake.user();
    const retrying = new Api(fake.token, { apiRoot: fake.apiRoot });
    retrying.config.use(autoRetry());
    fake.failNext("sendMessage", { error_code: 429, retry_after: 1 });
    const t0 = Date.now();
    await retrying.sendMessage(user.id, "Thông báo");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(fake.callsTo("sendMessage").map((c) => c.status)).toEqual([429, 200]);
    expect(fake.sent(user.id).length).toBe(1);
  });

  it("drops connections (HttpError), also after the message was sent", async () => {
    const user = fake.user();
    fake.dropConnection("sendMessage");
    await expect(api.sendMessage(user.id, "mất")).rejects.toBeInstanceOf(HttpError);
    expect(fake.sent(user.id)).toEqual([]);

    fake.dropConnection("sendMessage", { afterProcessing: true });
    await expect(api.sendMessage(user.id, "đã gửi")).rejects.toBeInstanceOf(HttpError);
    expect(fake.sent(user.id).map((m) => m.text)).toEqual(["đã gửi"]); // delivered although the client saw an error
    expect(fake.callsTo("sendMessage").map((c) => c.outcome)).toEqual(["dropped", "dropped"]);
  });

  it("delays calls", async () => {
    const user = fake.user();
    fake.delay("sendChatAction", 500);
    const t0 = Date.now();
    await api.sendChatAction(user.id, "typing");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(480);
    fake.delay("sendChatAction", 0);
    const t1 = Date.now();
    await api.sendChatAction(user.id, "typing");
    expect(Date.now() - t1).toBeLessThan(450);
  });

  it("answers 403 after the user blocks the bot, with a my_chat_member update", async () => {
    const user = fake.user();
    await api.sendMessage(user.id, "trước");
    fake.blockBot(user);
    const [update] = await api.getUpdates();
    expect(update?.my_chat_member).toMatchObject({
      chat: { id: user.id, type: "private" },
      from: { id: user.id },
      old_chat_member: { status: "member", user: { id: fake.botInfo.id, is_bot: true } },
      new_chat_member: { status: "kicked", user: { id: fake.botInfo.id }, until_date: 0 },
    });
    const error = await grammyError(api.sendMessage(user.id, "sau"));
    expect(error.error_code).toBe(403);
    expect(error.description).toBe("Forbidden: bot was blocked by the user");
    expect((await grammyError(api.sendChatAction(user.id, "typing"))).error_code).toBe(403);

    fake.unblockBot(user);
    await expect(api.sendMessage(user.id, "lại")).resolves.toBeDefined();

    const stranger = fake.user({ started: false });
    expect((await grammyError(api.sendMessage(stranger.id, "x"))).description).toBe(
      "Forbidden: bot can't initiate conversation with a user",
    );
  });
});

describe("files", () => {
  it("stores a multipart sendDocument upload (InputFile from a Buffer) and serves it back", async () => {
    const user = fake.user();
    const bytes = Buffer.from("PK\u0003\u0004 nội dung báo cáo", "utf8");
    const message = await api.sendDocument(user.id, new InputFile(bytes, "Báo cáo tháng 5.xlsx"), {
      caption: "<b>Báo cáo</b> tháng 5",
      parse_mode: "HTML",
    });
    expect(message.document).toMatchObject({
      file_name: "Báo cáo tháng 5.xlsx",
      mime_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      file_size: bytes.length,
    });
    expect(message.caption).toBe("Báo cáo tháng 5");
    expect(message.caption_entities).toEqual([{ type: "bold", offset: 0, length: 7 }]);

    const stored = fake.file(message.document?.file_id ?? "");
    expect(stored?.content.equals(bytes)).toBe(true);
    expect(stored?.declaredMimeType).toBe("application/octet-stream"); // grammY never sends a real type
    const call = fake.callsTo("sendDocument")[0];
    expect(call?.params["document"]).toMatchObject({ filename: "Báo cáo tháng 5.xlsx", content: bytes });

    // getFile + download, and re-sending by file_id reuses the file.
    const file = await api.getFile(message.document?.file_id ?? "");
    const download = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    const again = await api.sendDocument(user.id, message.document?.file_id ?? "");
    expect(again.document?.file_id).toBe(message.document?.file_id);
    expect((await grammyError(api.sendDocument(user.id, "no-such-file-id"))).description).toBe(
      "Bad Request: wrong file identifier/HTTP URL specified",
    );

    const photo = await api.sendPhoto(user.id, new InputFile(PNG_1x1));
    expect(photo.photo?.at(-1)).toMatchObject({ width: 1, height: 1 });
    expect((await grammyError(api.sendPhoto(user.id, new InputFile(Buffer.from("not an image"))))).description).toBe(
      "Bad Request: IMAGE_PROCESS_FAILED",
    );
  });

  it("lets the bot download a document a user sent (getFile + file URL)", async () => {
    const user = fake.user();
    const bot = newBot();
    bot.on("message:document", async (ctx) => {
      const file = await ctx.getFile();
      const response = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
      const content = Buffer.from(await response.arrayBuffer());
      await ctx.reply(`Đã nhận ${ctx.message.document.file_name} (${content.length} byte): ${content.toString("utf8")}`);
    });
    void bot.start({ timeout: 5 });
    fake.sendDocument(user, { fileName: "danh-sach.csv", content: Buffer.from("Họ tên;Đơn vị\n") }, { caption: "Danh sách" });
    const reply = await fake.waitForMessage(user.id, { textIncludes: "Đã nhận" });
    expect(reply.text).toBe(`Đã nhận danh-sach.csv (${Buffer.byteLength("Họ tên;Đơn vị\n")} byte): Họ tên;Đơn vị\n`.trimEnd());
  });
});

describe("webhook", () => {
  it("POSTs updates with the secret header, executes webhook replies and rejects wrong secrets", async () => {
    const user = fake.user();
    const bot = newBot();
    const headers: Array<string | undefined> = [];
    bot.command("start", (ctx) => ctx.reply("Chào mừng"));
    const callback = webhookCallback(bot, "http", { secretToken: "s3cret_TOKEN-1" });
    const url = await listen((req, res) => {
      headers.push(req.headers["x-telegram-bot-api-secret-token"] as string | undefined);
      callback(req, res).catch(() => res.writeHead(500).end());
    });
    const bad = await grammyError(api.setWebhook(url, { secret_token: "có dấu" }));
    expect(bad.description).toBe("Bad Request: secret token contains unallowed characters");
    await api.setWebhook(url, { secret_token: "s3cret_TOKEN-1" });
    expect(fake.callsTo("setWebhook").at(-1)?.response).toEqual({ ok: true, result: true, description: "Webhook was set" });

    const start = fake.sendText(user, "/start");
    await fake.waitForMessage(user.id, { textIncludes: "Chào mừng", after: start });
    await fake.waitForWebhookDelivery((d) => d.status === 200);
    expect(headers).toEqual(["s3cret_TOKEN-1"]);
    expect(fake.webhookDeliveries.map((d) => [d.status, d.secretSent])).toEqual([[200, "s3cret_TOKEN-1"]]);
    const info = await api.getWebhookInfo();
    expect(info).toMatchObject({ url, pending_update_count: 0, has_custom_certificate: false });

    expect(await fake.postToWebhook({ message: fake.sendText(user, "x") }, { secret: "wrong" })).toBe(401);
    expect(await fake.postToWebhook({ message: fake.sendText(user, "y") }, { secret: null })).toBe(401);
    await api.deleteWebhook();
  });

  it("executes a method the bot returns in its webhook answer (grammY canUseWebhookReply)", async () => {
    const user = fake.user();
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot, canUseWebhookReply: (m) => m === "sendMessage" } });
    bot.on("message:text", (ctx) => ctx.reply(`Nhận: ${ctx.message.text}`));
    const callback = webhookCallback(bot, "http");
    const url = await listen((req, res) => void callback(req, res).catch(() => res.writeHead(500).end()));
    await api.setWebhook(url);
    fake.sendText(user, "nhanh");
    const reply = await fake.waitForMessage(user.id, { textIncludes: "Nhận: nhanh" });
    expect(reply.from?.id).toBe(fake.botInfo.id);
    const call = await fake.waitFor((c) => c.source === "webhook-reply");
    expect(call).toMatchObject({ method: "sendMessage", status: 200, params: { chat_id: user.id } });
    expect(fake.callsTo("sendMessage").map((c) => c.source)).toEqual(["webhook-reply"]);
    await api.deleteWebhook();
  });

  it("retries an update the webhook answered with an error and records it", async () => {
    const user = fake.user();
    let calls = 0;
    const bodies: number[] = [];
    const url = await listen((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        calls += 1;
        bodies.push((JSON.parse(body) as { update_id: number }).update_id);
        res.writeHead(calls <= 2 ? 502 : 200).end();
      });
    });
    await api.setWebhook(url);
    fake.sendText(user, "thử lại");
    const deadline = Date.now() + 3000;
    while (fake.webhookDeliveries.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(fake.webhookDeliveries.map((d) => [d.status, d.attempt])).toEqual([[502, 1], [502, 2], [200, 3]]);
    expect(new Set(bodies).size).toBe(1); // the same update every time
    const info = await api.getWebhookInfo();
    expect(info.last_error_message).toBe("Wrong response from the webhook: 502 Bad Gateway");
    expect(info.pending_update_count).toBe(0);
    await api.deleteWebhook();
  });
});

describe("commands and groups", () => {
  it("stores commands per scope and language and validates them", async () => {
    const group = fake.group({ title: "Phòng Quản lý khoa học" });
    await api.setMyCommands([{ command: "start", description: "Bắt đầu" }, { command: "lich_hop", description: "Lịch họp tuần" }], {
      language_code: "vi",
    });
    await api.setMyCommands([{ command: "start", description: "Start" }], { language_code: "en" });
    await api.setMyCommands([{ command: "baocao", description: "Báo cáo" }], { scope: { type: "chat", chat_id: group.id } });
    expect((await api.getMyCommands({ language_code: "vi" })).map((c) => c.command)).toEqual(["start", "lich_hop"]);
    expect(await api.getMyCommands({ language_code: "en" })).toEqual([{ command: "start", description: "Start" }]);
    expect(await api.getMyCommands()).toEqual([]);
    expect(await api.getMyCommands({ scope: { type: "chat", chat_id: group.id } })).toEqual([{ command: "baocao", description: "Báo cáo" }]);
    expect(fake.commands({ languageCode: "vi" }).length).toBe(2);

    for (const command of ["LichHop", "lịch", "lich-hop", "a".repeat(33)]) {
      const error = await grammyError(api.setMyCommands([{ command, description: "x" }]));
      expect(error.description).toMatch(/^Bad Request: (BOT_COMMAND_INVALID|command length must not exceed 32)$/);
    }
    expect((await grammyError(api.setMyCommands([{ command: "ok", description: "d".repeat(257) }]))).description).toBe(
      "Bad Request: command description length must not exceed 256",
    );
    expect((await grammyError(api.setMyCommands([{ command: "ok", description: "x" }], { language_code: "vie" as "vi" }))).description).toBe(
      "Bad Request: invalid language code specified",
    );
    await api.deleteMyCommands({ language_code: "vi" });
    expect(await api.getMyCommands({ language_code: "vi" })).toEqual([]);
  });

  it("applies privacy mode in groups and parses /cmd@botname", async () => {
    const group = fake.group({ title: "Văn phòng Sở" });
    const user = fake.user();
    fake.sendText(user, "chuyện phiếm", { chat: group });
    fake.sendText(user, "/lich_hop@other_bot", { chat: group });
    const m = fake.sendText(user, "/lich_hop@sokhcn_test_bot tuần này", { chat: group });
    const updates = await api.getUpdates();
    expect(updates.map((u) => u.message?.text)).toEqual(["/lich_hop@sokhcn_test_bot tuần này"]);
    expect(updates[0]?.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 25 }]);
    expect(updates[0]?.message?.chat).toMatchObject({ id: group.id, type: "supergroup", title: "Văn phòng Sở" });
    expect(m.chat.id).toBe(group.id);
    expect(fake.messages(group.id).length).toBe(3);
  });
});

describe("chats, settings and update filtering", () => {
  it("answers getChat, stores menu buttons and numbers messages per chat", async () => {
    const user = fake.user({ firstName: "Minh", lastName: "Trần", username: "minh_tran" });
    expect(await api.getChat(user.id)).toMatchObject({ id: user.id, type: "private", first_name: "Minh", last_name: "Trần", username: "minh_tran" });
    await api.setChatMenuButton({ chat_id: user.id, menu_button: { type: "commands" } });
    expect(fake.menuButton(user.id)).toEqual({ type: "commands" });
    expect(await api.getChatMenuButton({ chat_id: user.id })).toEqual({ type: "commands" });

    const incoming = fake.sendText(user, "một");
    const a = await api.sendMessage(user.id, "hai");
    const b = await api.sendMessage(user.id, "ba", { reply_parameters: { message_id: incoming.message_id } });
    expect([incoming.message_id, a.message_id, b.message_id]).toEqual([1, 2, 3]);
    expect(b.reply_to_message).toMatchObject({ message_id: 1, text: "một" });
    expect(fake.messages(user.id).map((m) => m.text)).toEqual(["một", "hai", "ba"]);
    await expect(fake.waitForMessage(user.id, { after: a })).resolves.toMatchObject({ text: "ba" });
  });

  it("drops update types outside allowed_updates and honours drop_pending_updates", async () => {
    const user = fake.user();
    const sent = await api.sendMessage(user.id, "Chọn", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } });
    await api.getUpdates({ allowed_updates: ["message"] });
    fake.pressButton(user, sent, "a"); // not delivered: callback_query is not allowed
    fake.sendText(user, "tin nhắn");
    expect((await api.getUpdates()).map((u) => Object.keys(u)[1])).toEqual(["message"]);
    expect(fake.updates.length).toBe(2);

    await api.getUpdates({ allowed_updates: [] }); // back to the default set
    fake.pushUpdate({ chat_member: { chat: { id: -1, type: "group", title: "x" } } }); // not in the default set
    fake.sendText(user, "cũ");
    await api.deleteWebhook({ drop_pending_updates: true });
    expect(fake.pendingUpdateCount).toBe(0);
    fake.sendText(user, "mới");
    expect((await api.getUpdates()).map((u) => u.message?.text)).toEqual(["mới"]);
  });

  it("answers 400 with migrate_to_chat_id after a group is upgraded", async () => {
    const admin = fake.user();
    const group = fake.group({ type: "group", title: "Tổ công tác" });
    const supergroup = fake.migrateGroup(group, admin);
    const error = await grammyError(api.sendMessage(group.id, "x"));
    expect(error.description).toBe("Bad Request: group chat was upgraded to a supergroup chat");
    expect(error.parameters.migrate_to_chat_id).toBe(supergroup.id);
    expect(supergroup.id).toBeLessThan(-1_000_000_000_000);
    await expect(api.sendMessage(supergroup.id, "x")).resolves.toBeDefined();
  });
});

describe("lifecycle", () => {
  it("stop() ends pending long polls at once", async () => {
    const other = await FakeTelegram.start();
    const otherApi = new Api(other.token, { apiRoot: other.apiRoot });
    const poll = otherApi.getUpdates({ timeout: 30 });
    await other.waitForLongPoll();
    const t0 = Date.now();
    await other.stop();
    await expect(poll).rejects.toBeInstanceOf(HttpError);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
