// When Telegram does not answer: a reply is given up after its budget (~10 s, retries
// included) and logged, the chat's next command is not held behind it, and a proactive
// message's try ends and is retried later instead of holding the sender. Bounds are generous
// ("within 30 s"): before, a 5xx burst held the next command 45 s and a silent Bot API for ever.
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
  it("a 5xx burst: the reply is given up and logged, the next command is answered (within 30 s)", async () => {
    const user = await e2e.login("KH02");
    const before = givenUp().length;
    const calls = e2e.tg.calls.length;
    const sentBefore = e2e.messagesTo(user).length;
    e2e.tg.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, { times: 1000, chatId: user.id });
    const first = send(user, "/trogiup");
    const second = send(user, "/trogiup");
    await e2e.handled(first, 30_000);
    expect(givenUp().length).toBeGreaterThan(before);
    e2e.tg.clearFaults();
    await e2e.handled(second, 30_000);
    expect(e2e.messagesTo(user).slice(sentBefore).filter((m) => textOf(m).includes("Các lệnh"))).toHaveLength(1);
    // A few tries within the budget, never the 4 backoffs (3+6+12+24 s) of before, and no
    // error answer sent into the same failing chat.
    const tries = e2e.tg.calls.slice(calls).filter((c) => c.method === "sendMessage" && String(c.params.chat_id) === String(user.id));
    expect(tries.length).toBeGreaterThanOrEqual(2);
    expect(e2e.logLines.join("\n")).not.toContain(e2e.tg.token);
  });

  it("a Bot API that does not answer: the reply is given up, the next command is answered (within 30 s)", async () => {
    const user = await e2e.login("QL01");
    const before = givenUp().length;
    e2e.tg.delay("sendMessage", 25_000, { times: 1, chatId: user.id });
    const sentBefore = e2e.messagesTo(user).length;
    const first = send(user, "/trogiup");
    const second = send(user, "/trogiup");
    await e2e.handled(first, 30_000);
    expect(givenUp().slice(before).join("\n")).toContain("no delivery within the time limit");
    await e2e.handled(second, 30_000);
    const replies = e2e.messagesTo(user).slice(sentBefore).map(textOf);
    expect(replies.some((t) => t.includes("Các lệnh"))).toBe(true);
  });
});

describe("proactive messages when Telegram does not answer", () => {
  it("a try ends, the message is retried later with the reason, and the next one goes", async () => {
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
