// What Bot API method handlers get to work with.
import type { FileStore } from "./file-store.js";
import type { ObservableLog } from "./observable-log.js";
import type { Params, SentRecord } from "./types.js";
import type { UpdateQueue } from "./update-queue.js";
import type { WebhookManager } from "./webhook.js";
import type { World } from "./world.js";

export interface FakeContext {
  world: World;
  files: FileStore;
  queue: UpdateQueue;
  webhook: WebhookManager;
  sent: ObservableLog<SentRecord>;
  /** Upper bound for getUpdates' timeout, in seconds (Telegram: 50). */
  maxLongPollSeconds: number;
}

export interface MethodCall {
  method: string;
  params: Params;
  /** Aborted when the client goes away (or the fake stops). */
  signal: AbortSignal;
}

export type MethodHandler = (ctx: FakeContext, call: MethodCall) => unknown;

/** A result with Telegram's optional `description` (e.g. "Webhook was set"). */
export class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}
