// The outbox and its sender against a real SQLite database and a recording transport.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { enqueue } from "../../bot/delivery/outbox.js";
import { OutboxSender, type SenderOptions, TELEGRAM_LIMITS } from "../../bot/delivery/sender.js";
import { splitHtml, visibleLength } from "../../bot/delivery/split.js";
import { type Transport, TransportError } from "../../bot/delivery/transport.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { RateLimiter } from "../fake-telegram/rate-limit.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { memoryLogger } from "../helpers/logger.js";

const TZ = "Asia/Ho_Chi_Minh";
const NOON = new Date("2026-11-27T05:00:00Z"); // 12:00 local, a Friday
const NIGHT = new Date("2026-11-27T15:00:00Z"); // 22:00 local

interface Sent {
  chatId: string;
  text: string;
  at: number;
}

class RecordingTransport implements Transport {
  sent: Sent[] = [];
  failures: ((chatId: string) => TransportError | undefined)[] = [];
  async sendText(chatId: string, text: string) {
    for (const f of this.failures) {
      const err = f(chatId);
      if (err) throw err;
    }
    this.sent.push({ chatId, text, at: Date.now() });
    return this.sent.length;
  }
  async sendDocument(chatId: string, file: { fileName: string }, caption?: string) {
    return this.sendText(chatId, `[${file.fileName}] ${caption ?? ""}`);
  }
}

let tdb: TestDatabase;
let db: Db;
let staffIds: Map<string, number>;

async function bindAll() {
  const staff = await db.staff.findMany();
  for (const s of staff) {
    await db.chatAccount.create({ data: { platform: "telegram", externalId: String(1000 + s.id), chatId: String(1000 + s.id), staffId: s.id } });
  }
}

function sender(transport: Transport, opts: Partial<SenderOptions> = {}, clock = () => NOON) {
  return new OutboxSender(db, transport, memoryLogger().logger, {
    instanceId: opts.instanceId ?? "test",
    timeZone: TZ,
    limits: { perSecond: 1000, perChatIntervalMs: 0, groupPerMinute: 1000 },
    clock,
    ...opts,
  });
}

const msg = (code: string, key: string, text = `Tin ${key}`, extra: Partial<Parameters<typeof enqueue>[1]> = {}) =>
  enqueue(db, { dedupKey: key, kind: "notify", staffId: staffIds.get(code)!, payload: { text }, ...extra }, { now: NOON, timeZone: TZ });

/** One Khẩn message to each of `count` new people with a chat. */
async function urgentToMany(count: number, prefix: string) {
  const unit = await db.unit.findFirstOrThrow();
  const people = await db.staff.createManyAndReturn({ data: Array.from({ length: count }, (_, i) => ({ code: `${prefix.toUpperCase()}${i}`, fullName: `Cán bộ ${i}`, unitId: unit.id, role: "chuyen_vien" })) });
  await db.chatAccount.createMany({ data: people.map((p) => ({ platform: "telegram", externalId: String(1000 + p.id), chatId: String(1000 + p.id), staffId: p.id })) });
  for (const p of people) await enqueue(db, { dedupKey: `${prefix}-${p.id}`, kind: "alert", staffId: p.id, urgent: true, payload: { text: "Khẩn" } }, { now: NOON, timeZone: TZ });
}

beforeEach(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  await loadDemoStaff(db);
  await bindAll();
  staffIds = new Map((await db.staff.findMany()).map((s) => [s.code, s.id]));
});
afterEach(async () => tdb.drop());

describe("outbox", () => {
  it("records a key once, even twice in one transaction", async () => {
    expect((await msg("KH01", "k1")).status).toBe("queued");
    expect(await msg("KH01", "k1")).toEqual({ status: "duplicate" });
    await db.$transaction(async (tx) => {
      const id = staffIds.get("KH02")!;
      const a = await enqueue(tx, { dedupKey: "k2", kind: "notify", staffId: id, payload: { text: "x" } }, { now: NOON, timeZone: TZ });
      const b = await enqueue(tx, { dedupKey: "k2", kind: "notify", staffId: id, payload: { text: "x" } }, { now: NOON, timeZone: TZ });
      expect([a.status, b.status]).toEqual(["queued", "duplicate"]);
    });
    expect(await db.outboxMessage.count()).toBe(2);
  });

  it("holds ordinary messages until quiet hours end; urgent ones go at once", async () => {
    const id = staffIds.get("KH01")!;
    const at = { now: NIGHT, timeZone: TZ };
    const ordinary = await enqueue(db, { dedupKey: "n1", kind: "nudge", staffId: id, payload: { text: "x" } }, at);
    const urgent = await enqueue(db, { dedupKey: "a1", kind: "alert", staffId: id, payload: { text: "x" }, urgent: true }, at);
    expect(ordinary).toEqual({ status: "queued", notBefore: new Date("2026-11-28T00:00:00Z") }); // 07:00 local
    expect(urgent).toEqual({ status: "queued", notBefore: NIGHT });
  });

  it("says when a person cannot be reached", async () => {
    await db.chatAccount.updateMany({ where: { staffId: staffIds.get("KH02")! }, data: { active: false } });
    expect(await msg("KH02", "k")).toEqual({ status: "unreachable" });
  });
});

describe("sender", () => {
  it("delivers what is due, once", async () => {
    await msg("KH01", "a");
    await msg("KH02", "b");
    const t = new RecordingTransport();
    const s = sender(t);
    expect(await s.drain()).toMatchObject({ sent: 2 });
    expect(await s.drain()).toMatchObject({ sent: 0 });
    expect(t.sent.map((x) => x.text).sort()).toEqual(["Tin a", "Tin b"]);
    expect(await db.outboxMessage.count({ where: { status: "sent" } })).toBe(2);
  });

  it("defers a backlog that reaches quiet hours, but not urgent messages", async () => {
    await msg("KH01", "a");
    await msg("KH01", "b", "Khẩn", { urgent: true });
    const t = new RecordingTransport();
    expect(await sender(t, {}, () => NIGHT).drain()).toMatchObject({ sent: 1, deferred: 1 });
    expect(t.sent.map((x) => x.text)).toEqual(["Khẩn"]);
    const held = await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "a" } });
    expect(held).toMatchObject({ status: "pending", notBefore: new Date("2026-11-28T00:00:00Z") });
  });

  it("a burst to many people stays under Telegram's bulk limit: no 429 from a server enforcing 30/s", async () => {
    // One message to each of 60 people (more than two seconds' worth): the sender paces
    // below the limit instead of bouncing off it.
    await urgentToMany(60, "burst");
    const limiter = new RateLimiter({ perSecond: 30, retryAfter: 1 });
    const t = new RecordingTransport();
    t.failures.push(() => {
      const wait = limiter.admit("sendMessage", Date.now());
      return wait === undefined ? undefined : new TransportError("rate_limited", "429 Too Many Requests", wait);
    });
    const stats = await sender(t, { limits: TELEGRAM_LIMITS }).drain();
    expect(limiter.refused).toBe(0);
    expect(stats).toMatchObject({ sent: 60, retried: 0 });
    expect(new Set(t.sent.map((x) => x.chatId)).size).toBe(60);
  });

  it("requests held up on their way still reach the server below its limit (the window counts each send until it is answered)", async () => {
    // The first ten requests take 300 ms to reach the server (a busy event loop, a slow network)
    // while the next ones go straight through: counted by start times, the held-up ones arrived
    // together with those that started up to a second later, and earned 429s.
    await urgentToMany(90, "slow");
    const limiter = new RateLimiter({ perSecond: 30, retryAfter: 1 });
    const t = new RecordingTransport();
    let calls = 0;
    const inner = t.sendText.bind(t);
    t.sendText = async (chatId: string, text: string) => {
      if (calls++ < 10) await new Promise((r) => setTimeout(r, 300));
      const wait = limiter.admit("sendMessage", Date.now());
      if (wait !== undefined) throw new TransportError("rate_limited", "429 Too Many Requests", wait);
      return inner(chatId, text);
    };
    const stats = await sender(t, { limits: TELEGRAM_LIMITS, concurrency: 16 }).drain();
    expect(limiter.refused).toBe(0);
    expect(stats).toMatchObject({ sent: 90, retried: 0 });
  });

  it("a 429 stops every send for retry_after seconds", async () => {
    for (let i = 0; i < 4; i++) await msg(i % 2 ? "KH01" : "KH02", `m${i}`);
    const t = new RecordingTransport();
    let thrownAt = 0;
    t.failures.push(() => {
      if (thrownAt) return undefined;
      thrownAt = Date.now();
      return new TransportError("rate_limited", "429 Too Many Requests: retry after 1", 1);
    });
    const s = sender(t, { concurrency: 2 });
    // A send the sender starts while it knows of a pause breaks the rule; one the other worker
    // had already set off when the 429 came back (in flight at once, here on a starved machine)
    // cannot be recalled, so the check is made where the sender knows, not by wall-clock windows.
    const startedInPause: number[] = [];
    t.failures.push(() => {
      if (Date.now() < s.pausedUntilMs) startedInPause.push(Date.now());
      return undefined;
    });
    const stats = await s.drain();
    expect(stats).toMatchObject({ sent: 4, retried: 1 });
    expect(startedInPause).toEqual([]);
    // At most the one send already under way beside the refused one went out inside the pause.
    expect(t.sent.filter((x) => x.at - thrownAt < 1000).length).toBeLessThanOrEqual(1);
    expect(s.pausedUntilMs - thrownAt).toBeGreaterThanOrEqual(1000);
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "m0" } });
    expect(row.attempts).toBe(1); // the 429 did not count as a failed try
  });

  it("a 403 marks the person unreachable, stops their other messages and never retries", async () => {
    await msg("KH01", "a");
    await msg("KH01", "b");
    await msg("KH02", "c");
    const blockedChat = String(1000 + staffIds.get("KH01")!);
    const t = new RecordingTransport();
    let calls = 0;
    t.failures.push((chat) => (chat === blockedChat ? (calls++, new TransportError("blocked", "403 Forbidden: bot was blocked by the user")) : undefined));
    const stats = await sender(t).drain();
    expect(stats).toMatchObject({ sent: 1, blocked: 1 });
    expect(calls).toBe(1);
    expect((await db.outboxMessage.findMany({ where: { status: "blocked" } })).length).toBe(2);
    const account = await db.chatAccount.findFirstOrThrow({ where: { staffId: staffIds.get("KH01")! } });
    expect(account).toMatchObject({ active: false, inactiveReason: "blocked" });
    expect(await msg("KH01", "later")).toEqual({ status: "unreachable" });
  });

  it("retries 5xx and network errors with backoff, then gives up and says why", async () => {
    await msg("KH01", "a");
    let clock = NOON.getTime();
    const t = new RecordingTransport();
    t.failures.push(() => new TransportError("transient", "502 Bad Gateway"));
    const s = sender(t, { maxAttempts: 3, backoffMs: () => 60_000 }, () => new Date(clock));
    expect(await s.drain()).toMatchObject({ retried: 1 });
    expect(await s.drain()).toMatchObject({ retried: 0, sent: 0 }); // not due yet
    clock += 60_000;
    expect(await s.drain()).toMatchObject({ retried: 1 });
    clock += 60_000;
    expect(await s.drain()).toMatchObject({ failed: 1 });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "a" } });
    expect(row).toMatchObject({ status: "failed", attempts: 3, lastError: "502 Bad Gateway" });
  });

  it("keeps one second between messages to the same chat", async () => {
    for (let i = 0; i < 3; i++) await msg("KH01", `p${i}`);
    const t = new RecordingTransport();
    await sender(t, { limits: { perSecond: 1000, perChatIntervalMs: 1000, groupPerMinute: 20 } }).drain();
    const gaps = t.sent.slice(1).map((s, i) => s.at - t.sent[i]!.at);
    // Measured where the transport is called, a moment after the sender's own stamp: on a
    // starved machine the process can be paused in between, so allow a little.
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(950);
    expect(t.sent.map((s) => s.text)).toEqual(["Tin p0", "Tin p1", "Tin p2"]);
  });

  it("holds a group to its per-minute budget", async () => {
    const kh01 = staffIds.get("KH01")!;
    const account = await db.chatAccount.findFirstOrThrow({ where: { staffId: kh01 } });
    await db.chatAccount.update({ where: { id: account.id }, data: { chatId: "-100123" } });
    for (let i = 0; i < 3; i++) await msg("KH01", `g${i}`);
    const t = new RecordingTransport();
    const s = sender(t, { limits: { perSecond: 1000, perChatIntervalMs: 0, groupPerMinute: 2 } });
    const started = Date.now();
    const drained = s.drain();
    await new Promise((r) => setTimeout(r, 500));
    expect(t.sent).toHaveLength(2); // the third waits for the minute to pass
    expect(Date.now() - started).toBeLessThan(60_000);
    await s.stop(); // the waiting message goes back to the queue, untouched
    await drained;
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "g2" } })).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("splits a long text into valid parts and sends them in order", async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `<b>Nhiệm vụ ${i}</b>: nội dung dài dòng để vượt giới hạn 4096 ký tự của Telegram`);
    await msg("KH01", "long", lines.join("\n"));
    const t = new RecordingTransport();
    await sender(t).drain();
    expect(t.sent.length).toBeGreaterThan(1);
    for (const s of t.sent) {
      expect(visibleLength(s.text)).toBeLessThanOrEqual(4096);
      expect((s.text.match(/<b>/g) ?? []).length).toBe((s.text.match(/<\/b>/g) ?? []).length);
    }
    expect(t.sent.map((s) => s.text).join("\n")).toContain("Nhiệm vụ 299");
  });

  it("resumes after a crash: nothing sent twice that was recorded as sent, nothing lost", async () => {
    await msg("KH01", "done");
    await msg("KH02", "inflight");
    await msg("QL01", "waiting");
    await db.outboxMessage.update({ where: { dedupKey: "done" }, data: { status: "sent", sentAt: NOON } });
    await db.outboxMessage.update({ where: { dedupKey: "inflight" }, data: { status: "sending", lockedBy: "crashed-instance" } });
    const t = new RecordingTransport();
    await sender(t).drain();
    expect(t.sent.map((s) => s.text).sort()).toEqual(["Tin inflight", "Tin waiting"]);
  });

  it("only one instance sends at a time", async () => {
    for (let i = 0; i < 10; i++) await msg(i % 2 ? "KH01" : "QL02", `x${i}`);
    const t = new RecordingTransport();
    const [a, b] = [sender(t, { instanceId: "a" }), sender(t, { instanceId: "b" })];
    const [sa, sb] = await Promise.all([a.drain(), b.drain()]);
    expect(sa.sent + sb.sent).toBe(10);
    expect(Math.min(sa.sent, sb.sent)).toBe(0);
    expect(t.sent).toHaveLength(10);
  });
});

describe("splitHtml", () => {
  it("leaves short texts alone and closes/reopens tags across parts", () => {
    expect(splitHtml("<b>ngắn</b>")).toEqual(["<b>ngắn</b>"]);
    const text = `<b>${Array.from({ length: 200 }, (_, i) => `dòng ${i} ${"x".repeat(40)}`).join("\n")}</b>`;
    const parts = splitHtml(text, 1000);
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) {
      expect(p.startsWith("<b>")).toBe(true);
      expect(p.endsWith("</b>")).toBe(true);
      expect(visibleLength(p)).toBeLessThanOrEqual(1000);
    }
  });

  it("cuts a single over-long line at a space", () => {
    const parts = splitHtml(`${"từ ".repeat(3000)}`, 4096);
    expect(parts.length).toBe(3);
    for (const p of parts) expect(visibleLength(p)).toBeLessThanOrEqual(4096);
  });
});
