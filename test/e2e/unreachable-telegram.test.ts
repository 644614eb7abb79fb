// When Telegram does not answer: a reply is given up after its budget (~10 s, retries
// included) and logged, the chat's next command is not held behind it, and a proactive
// message's try ends and is retried later instead of holding the sender. Bounds are generous
// (60 s, for a loaded machine): before, a 5xx burst held the reply 45 s and its error answer as
// long again (90 s before the next command), and a silent Bot API held it 500 s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "../../bot/delivery/outbox.js";
import { E2E, textOf } from "../helpers/e2e.js";
import { vn } from "../helpers/jobs.js";

const TZ = "Asia/Ho_Chi_Minh";
const now = vn("2026-12-01", "09:00"); // a Tuesday morning: nothing is held by quiet hours

let e2e: E2E;
beforeAll(async () => {
  e2e = await E2E.start({ clock: () => now });
});
afterAll(async () => e2e?.stop());

/** Sends a command without waiting for it; returns its update id. */
function send(user: ReturnType<E2E["stranger"]>, text: string): number {
  e2e.tg.sendText(user, text);
  return e2e.tg.updates.at(-1)!.update_id;
}

const givenUp = () => e2e.logLines.filter((l) => l.includes("Telegram call given up"));

describe("command replies when Telegram fails", () => {
  it("a 5xx burst: the reply is given up and logged, the next command is answered (bounded)", { timeout: 180_000 }, async () => {
    const user = await e2e.login("KH02");
    const before = givenUp().length;
    const calls = e2e.tg.calls.length;
    const sentBefore = e2e.messagesTo(user).length;
    e2e.tg.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, { times: 1000, chatId: user.id });
    const first = send(user, "/trogiup");
    const second = send(user, "/trogiup");
    await e2e.handled(first, 60_000);
    expect(givenUp().length).toBeGreaterThan(before);
    e2e.tg.clearFaults();
    await e2e.handled(second, 60_000);
    expect(e2e.messagesTo(user).slice(sentBefore).filter((m) => textOf(m).includes("Các lệnh"))).toHaveLength(1);
    // A few tries within the budget, never the 4 backoffs (3+6+12+24 s) of before, and no
    // error answer sent into the same failing chat.
    const tries = e2e.tg.calls.slice(calls).filter((c) => c.method === "sendMessage" && String(c.params.chat_id) === String(user.id));
    expect(tries.length).toBeGreaterThanOrEqual(2);
    expect(e2e.logLines.join("\n")).not.toContain(e2e.tg.token);
  });

  it("a Bot API that does not answer: the reply is given up, the next command is answered (bounded)", { timeout: 180_000 }, async () => {
    const user = await e2e.login("QL01");
    const before = givenUp().length;
    e2e.tg.delay("sendMessage", 25_000, { times: 1, chatId: user.id });
    const sentBefore = e2e.messagesTo(user).length;
    const first = send(user, "/trogiup");
    const second = send(user, "/trogiup");
    await e2e.handled(first, 60_000);
    expect(givenUp().slice(before).join("\n")).toContain("no delivery within the time limit");
    await e2e.handled(second, 60_000);
    const replies = e2e.messagesTo(user).slice(sentBefore).map(textOf);
    expect(replies.some((t) => t.includes("Các lệnh"))).toBe(true);
  });
});

describe("polling when Telegram fails", () => {
  it("the outage is logged at once, and its end; updates then arrive", { timeout: 180_000 }, async () => {
    const user = await e2e.login("QL02");
    e2e.tg.failNext("getUpdates", { error_code: 502, description: "Bad Gateway" }, { times: 2 });
    // This one ends the long poll in progress; the next getUpdates calls fail.
    await e2e.handled(send(user, "/trogiup"), 60_000);
    const deadline = Date.now() + 60_000;
    while (!e2e.logLines.some((l) => l.includes("Lost the connection")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const sentBefore = e2e.messagesTo(user).length;
    await e2e.handled(send(user, "/trogiup"), 60_000);
    expect(e2e.messagesTo(user).slice(sentBefore).map(textOf).join("\n")).toContain("Các lệnh");
    const log = e2e.logLines.join("\n");
    expect(log).toContain("Lost the connection to Telegram at 127.0.0.1");
    expect(log).toContain("(502 Bad Gateway)");
    expect(log).toMatch(/Telegram at 127\.0\.0\.1:\d+ is reachable again/);
  });
});

describe("proactive messages when Telegram does not answer", () => {
  it("a try ends, the message is retried later with the reason, and the next one goes", { timeout: 180_000 }, async () => {
    const user = await e2e.login("CS01");
    const staffId = (await e2e.db.staff.findUniqueOrThrow({ where: { code: "CS01" } })).id;
    e2e.tg.delay("sendMessage", 25_000, { times: 1, chatId: user.id });
    await enqueue(e2e.db, { dedupKey: "blackhole:1", kind: "notify", staffId, payload: { text: "Tin thứ nhất" } }, { now, timeZone: TZ });
    const stats = await e2e.deliver();
    expect(stats.retried).toBe(1);
    const row = await e2e.db.outboxMessage.findFirstOrThrow({ where: { dedupKey: "blackhole:1" } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "network: timeout" });
    expect(row.notBefore.getTime()).toBeGreaterThan(now.getTime());
    await enqueue(e2e.db, { dedupKey: "blackhole:2", kind: "notify", staffId, payload: { text: "Tin thứ hai" } }, { now, timeZone: TZ });
    await e2e.deliver();
    expect(e2e.messagesTo(user).map(textOf)).toContain("Tin thứ hai");
  });
});
