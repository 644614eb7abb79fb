// The Slack Web API clients: one for replies (a couple of quick retries), one for the
// sender (no retries, a `ratelimited` answer is handed back with its Retry-After: the
// sender waits and paces itself). Errors are described without the token or the request.
import { webApi } from "@slack/bolt";
import type { SlackConfig } from "../../config.js";
import { TransportError } from "../../delivery/transport.js";

export type SlackWebClient = InstanceType<typeof webApi.WebClient>;

/** Answers that mean the person can no longer be reached on Slack. */
const UNREACHABLE = new Set(["account_inactive", "user_not_found", "channel_not_found", "user_disabled", "cannot_dm_bot", "is_archived", "not_in_channel"]);
/** Answers that no retry will change (a message Slack refuses). */
const REJECTED = new Set(["invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text", "too_many_attachments", "invalid_arguments", "restricted_action"]);

export function slackWebClient(config: SlackConfig, purpose: "replies" | "sender"): SlackWebClient {
  return new webApi.WebClient(config.botToken, {
    slackApiUrl: config.apiUrl,
    timeout: 15_000,
    logLevel: webApi.LogLevel.ERROR,
    ...(purpose === "sender" ? { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true } : { retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 } }),
  });
}

/** The Slack error code of a failed call ("account_inactive"...), or undefined. */
export function slackErrorCode(e: unknown): string | undefined {
  const err = e as { code?: string; data?: { error?: string } };
  return err?.code === webApi.ErrorCode.PlatformError ? err.data?.error : undefined;
}

/** A short description for logs: the method's error, never the request. */
export function describeSlackError(e: unknown): Record<string, unknown> {
  const err = e as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number; message?: string };
  if (err?.code === webApi.ErrorCode.PlatformError) return { kind: "slack", error: err.data?.error };
  if (err?.code === webApi.ErrorCode.RateLimitedError) return { kind: "slack", error: "ratelimited", retryAfter: err.retryAfter };
  if (err?.code === webApi.ErrorCode.HTTPError) return { kind: "slack-http", status: err.statusCode };
  if (err?.code === webApi.ErrorCode.RequestError) return { kind: "network" };
  return { kind: (e as Error)?.name ?? typeof e, message: (e as Error)?.message };
}

/** Slack's answers sorted for the sender. */
export function classifySlackError(e: unknown): TransportError {
  const err = e as { code?: string; retryAfter?: number; statusCode?: number };
  if (err?.code === webApi.ErrorCode.RateLimitedError) return new TransportError("rate_limited", "slack ratelimited", err.retryAfter ?? 5);
  const code = slackErrorCode(e);
  if (code === "ratelimited") return new TransportError("rate_limited", "slack ratelimited", 5);
  if (code && UNREACHABLE.has(code)) return new TransportError("blocked", `slack ${code}`);
  if (code && REJECTED.has(code)) return new TransportError("rejected", `slack ${code}`);
  if (code) return new TransportError("transient", `slack ${code}`);
  if (err?.code === webApi.ErrorCode.HTTPError) return new TransportError(err.statusCode !== undefined && err.statusCode < 500 ? "rejected" : "transient", `slack http ${err.statusCode}`);
  return new TransportError("transient", `slack: ${(e as Error)?.message?.split("\n")[0] ?? String(e)}`);
}
