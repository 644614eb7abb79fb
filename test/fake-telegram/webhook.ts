// Webhook delivery: while a webhook is set, pending updates are POSTed one at a time, in
// order, as JSON with X-Telegram-Bot-Api-Secret-Token; anything but a 2xx answer is recorded
// (getWebhookInfo's last_error_*) and retried after a short delay. A JSON answer carrying a
// `method` is executed like Telegram does ("webhook reply").
import { STATUS_CODES } from "node:http";
import { ObservableLog } from "./observable-log.js";
import type { UpdateQueue } from "./update-queue.js";
import type { Params, TgUpdate, WebhookDelivery } from "./types.js";

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates: string[];
  ipAddress: string;
}

export interface WebhookOptions {
  retryDelayMs: number;
  timeoutMs: number;
  onReply: (method: string, params: Params) => Promise<void>;
}

export interface PostResult {
  status: number;
  body: string;
  error?: string;
}

export class WebhookManager {
  config: WebhookConfig | undefined;
  lastErrorDate: number | undefined;
  lastErrorMessage: string | undefined;
  readonly deliveries = new ObservableLog<WebhookDelivery>(
    (items) => `Deliveries so far: ${items.map((d) => `#${d.updateId}:${d.status}`).join(", ") || "none"}`,
  );
  private generation = 0;
  private running = false;
  private stopped = false;
  private readonly attempts = new Map<number, number>();
  private readonly inFlight = new Set<AbortController>();
  private wakeRetry: (() => void) | undefined;

  constructor(
    private readonly queue: UpdateQueue,
    private readonly options: WebhookOptions,
  ) {
    queue.onPush(() => this.kick());
  }

  get active(): boolean {
    return this.config !== undefined;
  }

  set(config: WebhookConfig | undefined): void {
    this.config = config;
    this.generation += 1;
    this.lastErrorDate = undefined;
    this.lastErrorMessage = undefined;
    this.wakeRetry?.();
    this.kick();
  }

  kick(): void {
    if (this.running || this.stopped || this.config === undefined || this.queue.pendingCount === 0) return;
    this.running = true;
    void this.loop().finally(() => {
      this.running = false;
      // An update may have arrived while the last POST was being recorded.
      if (this.config !== undefined && this.queue.pendingCount > 0 && !this.stopped) this.kick();
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const config = this.config;
      const update = this.queue.first();
      if (config === undefined || update === undefined) return;
      const generation = this.generation;
      const attempt = (this.attempts.get(update.update_id) ?? 0) + 1;
      this.attempts.set(update.update_id, attempt);
      const result = await this.post(update, config.url, config.secretToken);
      if (this.stopped || generation !== this.generation) continue;
      const delivery: WebhookDelivery = { updateId: update.update_id, attempt, at: Date.now(), status: result.status };
      if (result.error !== undefined) delivery.error = result.error;
      if (config.secretToken !== undefined) delivery.secretSent = config.secretToken;
      this.deliveries.push(delivery);
      if (result.status >= 200 && result.status < 300) {
        this.attempts.delete(update.update_id);
        this.queue.confirm(update.update_id + 1);
        await this.runReply(result.body);
        continue;
      }
      this.lastErrorDate = Math.floor(Date.now() / 1000);
      this.lastErrorMessage =
        result.error ?? `Wrong response from the webhook: ${result.status} ${STATUS_CODES[result.status] ?? ""}`.trim();
      await this.sleep(this.options.retryDelayMs);
    }
  }

  private async runReply(body: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return;
    const { method, ...params } = parsed as Record<string, unknown>;
    if (typeof method !== "string" || method.length === 0) return;
    try {
      await this.options.onReply(method, params);
    } catch {
      // Telegram ignores failures of webhook replies.
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.wakeRetry === done) this.wakeRetry = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeRetry = done;
    });
  }

  /** One POST of one update; never throws. */
  async post(update: TgUpdate | Record<string, unknown>, url: string, secret: string | undefined): Promise<PostResult> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(new Error("timeout")), this.options.timeoutMs);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret !== undefined) headers["x-telegram-bot-api-secret-token"] = secret;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify(update),
        signal: controller.signal,
      });
      const body = await response.text();
      return { status: response.status, body };
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      let message: string;
      if (controller.signal.aborted) message = this.stopped ? "Server stopped" : "Read timeout expired";
      else if (code === "ECONNREFUSED") message = "Connection refused";
      else if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") message = "Connection reset by peer";
      else message = `Connection error: ${(error as Error).message}`;
      return { status: 0, body: "", error: message };
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  clear(): void {
    this.set(undefined);
    this.deliveries.clear();
    this.attempts.clear();
  }

  stop(): void {
    this.stopped = true;
    this.wakeRetry?.();
    for (const controller of this.inFlight) controller.abort(new Error("stopped"));
  }
}
