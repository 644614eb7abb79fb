// getUpdates, setWebhook, deleteWebhook, getWebhookInfo.
import { Described, type FakeContext, type MethodCall } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { getBool, getInt, getString } from "../params.js";
import type { Params, TgUpdate } from "../types.js";

function allowedUpdates(p: Params): string[] | undefined {
  let value = p["allowed_updates"];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined; // Telegram ignores an unparsable list
    }
  }
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === "string");
}

export async function getUpdates(ctx: FakeContext, call: MethodCall): Promise<TgUpdate[]> {
  const p = call.params;
  if (ctx.webhook.active) {
    throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const allowed = allowedUpdates(p);
  if (allowed !== undefined) ctx.queue.allowedUpdates = allowed;
  return ctx.queue.getUpdates(
    {
      offset: getInt(p, "offset", 0),
      limit: getInt(p, "limit", 100, 1, 100),
      timeoutSeconds: getInt(p, "timeout", 0, 0, ctx.maxLongPollSeconds),
    },
    call.signal,
  );
}

export function setWebhook(ctx: FakeContext, call: MethodCall): Described {
  const p = call.params;
  const url = getString(p, "url") ?? "";
  const drop = getBool(p, "drop_pending_updates");
  if (url === "") return deleteWebhook(ctx, call);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest("invalid webhook URL specified");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw badRequest("invalid webhook URL specified");
  const secret = getString(p, "secret_token") ?? "";
  if (secret.length > 256) throw badRequest("secret token is too long");
  if (!/^[A-Za-z0-9_-]*$/.test(secret)) throw badRequest("secret token contains unallowed characters");
  const maxConnections = getInt(p, "max_connections", 40, 1, 100);
  const allowed = allowedUpdates(p);
  if (allowed !== undefined) ctx.queue.allowedUpdates = allowed;
  if (drop) ctx.queue.dropAll();
  const current = ctx.webhook.config;
  if (
    current !== undefined &&
    current.url === url &&
    (current.secretToken ?? "") === secret &&
    current.maxConnections === maxConnections &&
    !drop
  ) {
    return new Described(true, "Webhook is already set");
  }
  ctx.queue.abortPoll(conflict("terminated by setWebhook request"));
  ctx.webhook.set({
    url,
    ...(secret !== "" ? { secretToken: secret } : {}),
    maxConnections,
    allowedUpdates: ctx.queue.allowedUpdates,
    ipAddress: "127.0.0.1",
  });
  return new Described(true, "Webhook was set");
}

export function deleteWebhook(ctx: FakeContext, call: MethodCall): Described {
  if (getBool(call.params, "drop_pending_updates")) ctx.queue.dropAll();
  if (!ctx.webhook.active) return new Described(true, "Webhook is already deleted");
  ctx.webhook.set(undefined);
  return new Described(true, "Webhook was deleted");
}

export function getWebhookInfo(ctx: FakeContext): Record<string, unknown> {
  const config = ctx.webhook.config;
  const info: Record<string, unknown> = {
    url: config?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: ctx.queue.pendingCount,
  };
  if (config !== undefined) {
    info["ip_address"] = config.ipAddress;
    if (ctx.webhook.lastErrorDate !== undefined) {
      info["last_error_date"] = ctx.webhook.lastErrorDate;
      info["last_error_message"] = ctx.webhook.lastErrorMessage;
    }
    info["max_connections"] = config.maxConnections;
    if (ctx.queue.allowedUpdates.length > 0) info["allowed_updates"] = ctx.queue.allowedUpdates;
  }
  return info;
}
