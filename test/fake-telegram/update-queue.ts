// The bot's pending updates and getUpdates' semantics, after Telegram's server (TDLib's
// telegram-bot-api): `offset` confirms (forgets) earlier updates, a negative offset keeps only
// the last |offset| ones, an offset beyond the newest update is ignored; `timeout` holds the
// request until an update arrives; a new long poll ends the pending one with 409
// "Conflict: terminated by other getUpdates request; ..." (the older request gets the 409).
import { conflict, TgError } from "./errors.js";
import type { TgUpdate } from "./types.js";

/** Update types delivered when allowed_updates is empty (Telegram's default). */
const NOT_BY_DEFAULT = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export class PollAborted extends Error {
  constructor() {
    super("getUpdates request abandoned by the client");
  }
}

interface PendingPoll {
  limit: number;
  resolve: (updates: TgUpdate[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  wakeScheduled: boolean;
  cleanup: () => void;
}

export function updateType(update: Partial<TgUpdate>): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}

export class UpdateQueue {
  private pending: TgUpdate[] = [];
  private nextId: number;
  private poll: PendingPoll | undefined;
  private readonly listeners = new Set<() => void>();
  /** The highest offset a getUpdates call (or webhook delivery) confirmed. */
  confirmedOffset = 0;
  /** The stored allowed_updates setting ([] = Telegram's default set). */
  allowedUpdates: string[] = [];
  /** Every update pushed, including those dropped by allowed_updates. */
  readonly history: TgUpdate[] = [];

  constructor(firstUpdateId: number) {
    this.nextId = firstUpdateId;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  get hasPendingPoll(): boolean {
    return this.poll !== undefined;
  }

  snapshot(): TgUpdate[] {
    return [...this.pending];
  }

  first(): TgUpdate | undefined {
    return this.pending[0];
  }

  onPush(listener: () => void): void {
    this.listeners.add(listener);
  }

  allocateId(): number {
    return this.nextId++;
  }

  isAllowed(type: string): boolean {
    return this.allowedUpdates.length === 0 ? !NOT_BY_DEFAULT.has(type) : this.allowedUpdates.includes(type);
  }

  /** Adds an update. Types outside allowed_updates are dropped, as Telegram does. */
  push(partial: Omit<TgUpdate, "update_id"> & { update_id?: number }): { update: TgUpdate; queued: boolean } {
    let id = partial.update_id;
    if (id === undefined) id = this.nextId++;
    else if (id >= this.nextId) this.nextId = id + 1;
    const { update_id: _given, ...content } = partial;
    const ordered = { update_id: id, ...content } as TgUpdate;
    this.history.push(ordered);
    if (!this.isAllowed(updateType(partial))) return { update: ordered, queued: false };
    this.pending.push(ordered);
    this.scheduleWake();
    for (const listener of this.listeners) listener();
    return { update: ordered, queued: true };
  }

  /** Forgets updates below `offset` (getUpdates' confirmation). */
  confirm(offset: number): void {
    if (offset <= 0) return;
    this.pending = this.pending.filter((u) => u.update_id >= offset);
    this.confirmedOffset = Math.max(this.confirmedOffset, offset);
  }

  /** drop_pending_updates. */
  dropAll(): void {
    this.confirm(this.nextId);
  }

  async getUpdates(
    opts: { offset: number; limit: number; timeoutSeconds: number },
    signal: AbortSignal,
  ): Promise<TgUpdate[]> {
    if (opts.offset < 0) {
      this.pending = this.pending.slice(opts.offset);
      this.confirmedOffset = Math.max(this.confirmedOffset, this.pending[0]?.update_id ?? this.nextId);
    } else if (opts.offset > 0 && opts.offset <= this.nextId) {
      this.confirm(opts.offset);
    }
    const ready = this.pending.slice(0, opts.limit);
    if (ready.length > 0 || opts.timeoutSeconds <= 0) return ready;

    this.abortPoll(conflict("terminated by other getUpdates request; make sure that only one bot instance is running"));
    return new Promise<TgUpdate[]>((resolve, reject) => {
      const onAbort = (): void => {
        if (this.poll === poll) this.poll = undefined;
        poll.cleanup();
        reject(new PollAborted());
      };
      const poll: PendingPoll = {
        limit: opts.limit,
        resolve,
        reject,
        wakeScheduled: false,
        timer: setTimeout(() => {
          if (this.poll === poll) this.poll = undefined;
          poll.cleanup();
          resolve(this.pending.slice(0, poll.limit));
        }, opts.timeoutSeconds * 1000),
        cleanup: () => {
          clearTimeout(poll.timer);
          signal.removeEventListener("abort", onAbort);
        },
      };
      if (signal.aborted) {
        onAbort();
        return;
      }
      signal.addEventListener("abort", onAbort);
      this.poll = poll;
    });
  }

  /** Ends the pending long poll with an error (a newer getUpdates, or setWebhook). */
  abortPoll(error: TgError | PollAborted): void {
    const poll = this.poll;
    if (poll === undefined) return;
    this.poll = undefined;
    poll.cleanup();
    poll.reject(error);
  }

  /** Answers the pending long poll with whatever is there (possibly nothing). */
  flushPoll(): void {
    const poll = this.poll;
    if (poll === undefined) return;
    this.poll = undefined;
    poll.cleanup();
    poll.resolve(this.pending.slice(0, poll.limit));
  }

  /** Updates pushed in the same tick come back in one answer, like Telegram's short batching. */
  private scheduleWake(): void {
    const poll = this.poll;
    if (poll === undefined || poll.wakeScheduled) return;
    poll.wakeScheduled = true;
    setImmediate(() => {
      if (this.poll !== poll) return;
      if (this.pending.length === 0) {
        poll.wakeScheduled = false;
        return;
      }
      this.flushPoll();
    });
  }

  /** Forgets pending updates but keeps update ids growing (a running bot's offset stays valid). */
  clear(): void {
    this.confirm(this.nextId);
    this.flushPoll();
    this.allowedUpdates = [];
    this.history.length = 0;
  }
}
