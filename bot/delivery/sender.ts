// The outbox sender: delivers recorded messages within Telegram's limits (about 30 per
// second in all, 1 per second per chat, 20 per minute per group), stops every send for
// `retry_after` seconds after a 429, retries 5xx and network errors with backoff up to a
// bound, marks a person unreachable on 403, splits long texts, and resumes after a crash:
// a message recorded as sent is never sent again, and a recorded message is never lost
// (one cut off mid-send by a crash is sent again: the only window for a duplicate, kept to
// a single API call).
import { EventEmitter } from "node:events";
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import { deactivateChat } from "../services/accounts.js";
import { quietUntil } from "../services/quiet-hours.js";
import { rerouteBlocked } from "./channels.js";
import { holdLease, releaseLease } from "./lease.js";
import type { OutboxPayload } from "./outbox.js";
import { splitHtml, visibleLength } from "./split.js";
import { TELEGRAM_TEXT_LIMITS, type Transport, TransportError, type Transports } from "./transport.js";

export interface SenderLimits {
  perSecond: number;
  perChatIntervalMs: number;
  groupPerMinute: number;
}

/**
 * A send's place in the bot-wide window of one second. It counts from the moment it is paced
 * while in flight (at = Infinity), then until a second after Telegram answered. Counting by the
 * answer, not the start, is what keeps Telegram's own count below the limit: a request held up
 * on its way (the event loop, a look at the database before the call, the network) reaches
 * Telegram later than it started, next to sends that started after it, and a window counted
 * by start times let 2 of 1,000 alert messages earn a 429 in the bench. A request reaches
 * Telegram before it is answered, so no second at Telegram holds more sends than are counted here.
 */
interface WindowSlot {
  at: number;
}

export const TELEGRAM_LIMITS: SenderLimits = { perSecond: 30, perChatIntervalMs: 1000, groupPerMinute: 20 };

export interface SenderOptions {
  instanceId: string;
  timeZone: string;
  limits?: Partial<SenderLimits>;
  /** Tries before a message is given up as failed (5xx, network). */
  maxAttempts?: number;
  /** Delay before try n+1 (ms). */
  backoffMs?: (attempt: number) => number;
  concurrency?: number;
  batchSize?: number;
  pollIntervalMs?: number;
  leaseMs?: number;
  /** The clock that decides what is due (tests use a fixed one); pacing uses real time. */
  clock?: () => Date;
}

export interface DrainStats {
  sent: number;
  failed: number;
  blocked: number;
  retried: number;
  deferred: number;
}

const LEASE_KEY = "delivery.sender.lease";

/**
 * Short, so that after a crash another instance (or the restarted one) takes over within
 * five seconds: the dead holder's lease runs out within 4 s and a standby looks every second.
 * The holder renews it every third of that.
 */
export const DEFAULT_LEASE_MS = 4_000;
export const standbyPollMs = (leaseMs: number) => leaseMs / 4;

/** Raised inside a wait when the sender is asked to stop: the message goes back to the queue. */
class Stopping extends Error {}

type Row = Awaited<ReturnType<OutboxSender["due"]>>[number];

export class OutboxSender {
  private readonly limits: SenderLimits;
  private readonly transports: Transports;
  private readonly opts: Required<Omit<SenderOptions, "limits">>;
  private pausedUntil = 0;
  private nextGlobalAt = 0;
  /** The sends of the last second (bot-wide pace), see WindowSlot. */
  private recentSends: WindowSlot[] = [];
  private readonly chatNextAt = new Map<string, number>();
  private readonly groupSends = new Map<string, number[]>();
  private readonly events = new EventEmitter();
  private isLeader = false;
  private leaseCheckedAt = 0;
  private loop: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly db: Db,
    transport: Transport | Transports,
    private readonly logger: Logger,
    options: SenderOptions,
  ) {
    this.limits = { ...TELEGRAM_LIMITS, ...options.limits };
    // One transport (Telegram's) or one per channel.
    this.transports = "sendText" in transport ? { telegram: transport as Transport } : (transport as Transports);
    this.events.setMaxListeners(0); // one "stop" listener per worker waiting its turn
    this.opts = {
      instanceId: options.instanceId,
      timeZone: options.timeZone,
      maxAttempts: options.maxAttempts ?? 6,
      backoffMs: options.backoffMs ?? ((n) => Math.min(10 * 60_000, 2000 * 2 ** (n - 1))),
      concurrency: options.concurrency ?? 4,
      batchSize: options.batchSize ?? 100,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      clock: options.clock ?? (() => new Date()),
    };
  }

  /** Until when every send waits (after a 429). */
  get pausedUntilMs(): number {
    return this.pausedUntil;
  }

  wake(): void {
    this.events.emit("wake");
  }

  start(): void {
    this.stopping = false;
    this.loop ??= (async () => {
      while (!this.stopping) {
        try {
          await this.drain();
        } catch (e) {
          this.logger.error({ error: (e as Error).message }, "outbox sender error");
        }
        if (this.stopping) break;
        await this.sleepUntilWoken(this.isLeader ? this.opts.pollIntervalMs : standbyPollMs(this.opts.leaseMs), true);
      }
    })();
  }

  /** Lets the message being sent finish, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.events.emit("stop");
    await this.loop;
    this.loop = undefined;
    if (this.isLeader) await releaseLease(this.db, LEASE_KEY, this.opts.instanceId).catch(() => undefined);
    this.isLeader = false;
  }

  /** Takes or renews the lease. Becoming the leader resumes what a previous one left mid-send. */
  private async lead(): Promise<boolean> {
    const now = Date.now();
    if (this.isLeader && now - this.leaseCheckedAt < this.opts.leaseMs / 3) return true;
    const held = await holdLease(this.db, LEASE_KEY, this.opts.instanceId, now, this.opts.leaseMs);
    this.leaseCheckedAt = now;
    if (held && !this.isLeader) {
      const resumed = await this.db.outboxMessage.updateMany({ where: { status: "sending" }, data: { status: "pending", lockedBy: null } });
      if (resumed.count) this.logger.warn({ count: resumed.count }, "resuming messages left mid-send");
    }
    this.isLeader = held;
    return held;
  }

  private due(now: Date, take: number) {
    return this.db.outboxMessage.findMany({
      where: { status: "pending", notBefore: { lte: now } },
      orderBy: [{ urgent: "desc" }, { notBefore: "asc" }, { id: "asc" }],
      take,
      include: { staff: { select: { quietFrom: true, quietTo: true } } },
    });
  }

  /** Sends everything due now; returns when nothing due is left (or on stop). */
  async drain(): Promise<DrainStats> {
    const stats: DrainStats = { sent: 0, failed: 0, blocked: 0, retried: 0, deferred: 0 };
    const skipped = new Set<number>();
    while (!this.stopping) {
      if (!(await this.lead())) break;
      const rows = (await this.due(this.opts.clock(), this.opts.batchSize + skipped.size)).filter((r) => !skipped.has(r.id));
      if (rows.length === 0) break;
      // One queue per chat keeps each person's messages in order; chats go in parallel.
      const byChat = new Map<string, Row[]>();
      for (const r of rows.slice(0, this.opts.batchSize)) {
        const key = `${r.platform}:${r.chatId}`;
        byChat.set(key, [...(byChat.get(key) ?? []), r]);
      }
      const queues = [...byChat.values()];
      const worker = async () => {
        for (let q = queues.shift(); q && !this.stopping; q = queues.shift()) {
          for (const row of q) {
            if (this.stopping) return;
            const outcome = await this.deliver(row);
            if (outcome === "deferred") skipped.add(row.id);
            stats[outcome]++;
            if (outcome === "blocked") break; // the rest of this chat is marked blocked too
          }
        }
      };
      await Promise.all(Array.from({ length: this.opts.concurrency }, worker));
    }
    return stats;
  }

  /** Sleeps, but wakes up early (and gives up) when the sender stops. */
  private async wait(ms: number): Promise<void> {
    if (ms <= 0) return;
    await this.sleepUntilWoken(ms, false);
    if (this.stopping) throw new Stopping();
  }

  /** Sleeps `ms`, or less if the sender stops (or, with `onWake`, when messages are recorded). */
  private sleepUntilWoken(ms: number, onWake: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.events.off("stop", done);
        if (onWake) this.events.off("wake", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.events.on("stop", done);
      if (onWake) this.events.on("wake", done);
    });
  }

  /**
   * Waits for the bot-wide pause (429), the global pace and the chat's own pace; returns the
   * send's place in the bot-wide window, to be settled when Telegram has answered.
   */
  private async pace(chatId: string): Promise<WindowSlot> {
    for (;;) {
      const now = Date.now();
      const wait = Math.max(this.pausedUntil - now, (this.chatNextAt.get(chatId) ?? 0) - now);
      if (wait <= 0) break;
      await this.wait(wait);
    }
    const isGroup = chatId.startsWith("-");
    if (isGroup) {
      for (;;) {
        const now = Date.now();
        const recent = (this.groupSends.get(chatId) ?? []).filter((t) => now - t < 60_000);
        this.groupSends.set(chatId, recent);
        if (recent.length < this.limits.groupPerMinute) break;
        await this.wait(60_000 - (now - recent[0]!));
      }
    }
    // Below the bulk limit rather than on it: one message fewer per second than allowed, evenly
    // spaced, and never more than that in any rolling second even when a timer fires late
    // (a late worker and an on-time one would otherwise go out together and earn a 429).
    const perSecond = Math.max(1, this.limits.perSecond - 1);
    const turn = Math.max(Date.now(), this.nextGlobalAt);
    this.nextGlobalAt = turn + 1000 / perSecond;
    await this.wait(turn - Date.now());
    for (;;) {
      const now = Date.now();
      this.recentSends = this.recentSends.filter((s) => now - s.at < 1000);
      if (this.recentSends.length < perSecond) break;
      const answered = this.recentSends.filter((s) => Number.isFinite(s.at)).map((s) => s.at);
      // Every place taken by a send still in flight: look again shortly.
      await this.wait(answered.length ? 1000 - (now - Math.min(...answered)) + 1 : 5);
    }
    // A 429 may have arrived while we waited for our slot.
    while (Date.now() < this.pausedUntil) await this.wait(this.pausedUntil - Date.now());
    const place: WindowSlot = { at: Number.POSITIVE_INFINITY };
    this.recentSends.push(place);
    this.chatNextAt.set(chatId, Date.now() + this.limits.perChatIntervalMs);
    if (isGroup) this.groupSends.get(chatId)!.push(Date.now());
    return place;
  }

  private async deliver(row: Row): Promise<keyof DrainStats> {
    const now = this.opts.clock();
    // Quiet hours are checked again at sending time: a backlog must not spill into the night.
    if (!row.urgent && row.staff) {
      const until = quietUntil(now, row.staff, this.opts.timeZone);
      if (until) {
        await this.db.outboxMessage.updateMany({ where: { id: row.id, status: "pending" }, data: { notBefore: until } });
        return "deferred";
      }
    }
    const claimed = await this.db.outboxMessage.updateMany({
      where: { id: row.id, status: "pending" },
      data: { status: "sending", lockedBy: this.opts.instanceId, attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) return "deferred";
    const attempts = row.attempts + 1;
    const payload = JSON.parse(row.payload) as OutboxPayload;
    const sentIds: (number | string)[] = row.externalMessageIds ? (JSON.parse(row.externalMessageIds) as (number | string)[]) : [];
    const transport = this.transports[row.platform];
    try {
      if (!transport) throw new TransportError("rejected", `no channel for ${row.platform} in this instance`);
      const parts = this.parts(payload, transport.limits ?? TELEGRAM_TEXT_LIMITS);
      // Parts already delivered before a crash are not sent again.
      for (let i = sentIds.length; i < parts.length; i++) {
        const part = parts[i]!;
        let slot = await this.pace(row.chatId);
        let id: number | string;
        // Whatever happens (sent, refused, cancelled, a database error), the place is settled.
        try {
          for (;;) {
            // The pace may have held this message for a 429 pause: a cancel (of an alert, say)
            // that came meanwhile is final, so look again right before the call.
            if (!(await this.stillOurs(row.id))) {
              this.logger.info({ outboxId: row.id, kind: row.kind }, "message cancelled while waiting; not sent");
              if (sentIds.length) await this.db.outboxMessage.update({ where: { id: row.id }, data: { externalMessageIds: JSON.stringify(sentIds) } });
              return "deferred";
            }
            // Another worker may have heard a 429 during that look: this send waits for it too.
            if (Date.now() >= this.pausedUntil) break;
            slot.at = Date.now();
            slot = await this.pace(row.chatId);
          }
          id =
            part.kind === "document"
              ? await transport.sendDocument(row.chatId, part.file, part.caption, part.buttons)
              : await transport.sendText(row.chatId, part.text, part.buttons);
        } finally {
          slot.at = Date.now();
        }
        sentIds.push(id);
        if (i < parts.length - 1) {
          await this.db.outboxMessage.update({ where: { id: row.id }, data: { externalMessageIds: JSON.stringify(sentIds) } });
        }
      }
      await this.db.outboxMessage.update({
        where: { id: row.id },
        data: { status: "sent", sentAt: this.opts.clock(), externalMessageIds: JSON.stringify(sentIds), lockedBy: null, lastError: null },
      });
      return "sent";
    } catch (e) {
      if (e instanceof Stopping) {
        await this.db.outboxMessage.updateMany({
          where: { id: row.id, status: "sending" },
          data: { status: "pending", lockedBy: null, attempts: { decrement: 1 }, externalMessageIds: sentIds.length ? JSON.stringify(sentIds) : null },
        });
        return "deferred";
      }
      const err = e instanceof TransportError ? e : new TransportError("transient", (e as Error).message);
      const progress = { externalMessageIds: sentIds.length ? JSON.stringify(sentIds) : null, lockedBy: null, lastError: err.message.slice(0, 500) };
      if (err.kind === "rate_limited") {
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + (err.retryAfterSeconds ?? 5) * 1000);
        this.logger.warn({ retryAfter: err.retryAfterSeconds }, "Telegram asked to slow down; every send waits");
        // Not the message's fault: the try is given back (unless it was cancelled meanwhile).
        await this.db.outboxMessage.updateMany({ where: { id: row.id, status: "sending" }, data: { ...progress, status: "pending", attempts: { decrement: 1 } } });
        return "retried";
      }
      if (err.kind === "blocked") {
        await this.db.outboxMessage.update({ where: { id: row.id }, data: { ...progress, status: "blocked" } });
        await this.db.outboxMessage.updateMany({
          where: { platform: row.platform, chatId: row.chatId, status: "pending" },
          data: { status: "blocked", lastError: err.message.slice(0, 500) },
        });
        await deactivateChat(this.db, { platform: row.platform, chatId: row.chatId, reason: "blocked", now });
        this.logger.info({ outboxId: row.id, kind: row.kind }, "recipient unreachable (blocked); account marked inactive");
        // Someone with an account on another channel still gets the message (and the rest) there.
        const moved = await rerouteBlocked(this.db, { platform: row.platform, chatId: row.chatId, now });
        if (moved) this.logger.info({ outboxId: row.id, moved }, "messages moved to the person's other channel");
        return "blocked";
      }
      if (err.kind === "rejected" || attempts >= this.opts.maxAttempts) {
        await this.db.outboxMessage.update({ where: { id: row.id }, data: { ...progress, status: "failed" } });
        this.logger.error({ outboxId: row.id, kind: row.kind, attempts, error: err.message }, "message given up");
        return "failed";
      }
      await this.db.outboxMessage.updateMany({
        where: { id: row.id, status: "sending" },
        data: { ...progress, status: "pending", notBefore: new Date(now.getTime() + this.opts.backoffMs(attempts)) },
      });
      return "retried";
    }
  }

  /** The message is still claimed by this instance (not cancelled, not taken over). */
  private async stillOurs(id: number): Promise<boolean> {
    const row = await this.db.outboxMessage.findUnique({ where: { id }, select: { status: true, lockedBy: true } });
    return row?.status === "sending" && row.lockedBy === this.opts.instanceId;
  }

  private parts(payload: OutboxPayload, limits: { text: number; caption: number }) {
    type Part =
      | { kind: "text"; text: string; buttons?: OutboxPayload["buttons"] }
      | { kind: "document"; file: { fileName: string; bytes: Buffer }; caption?: string; buttons?: OutboxPayload["buttons"] };
    const parts: Part[] = [];
    const doc = payload.document;
    if (doc && visibleLength(payload.text) <= limits.caption) {
      parts.push({
        kind: "document",
        file: { fileName: doc.fileName, bytes: Buffer.from(doc.base64, "base64") },
        ...(payload.text ? { caption: payload.text } : {}),
        ...(payload.buttons ? { buttons: payload.buttons } : {}),
      });
      return parts;
    }
    const texts = splitHtml(payload.text, limits.text);
    texts.forEach((text, i) => {
      const last = i === texts.length - 1 && !doc;
      parts.push({ kind: "text", text, ...(last && payload.buttons ? { buttons: payload.buttons } : {}) });
    });
    if (doc) {
      parts.push({
        kind: "document",
        file: { fileName: doc.fileName, bytes: Buffer.from(doc.base64, "base64") },
        ...(payload.buttons ? { buttons: payload.buttons } : {}),
      });
    }
    return parts;
  }
}
