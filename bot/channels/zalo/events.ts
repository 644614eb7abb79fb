// Zalo's events, as the webhook posts them and getUpdates returns them: wrapped
// `{ ok, result: { event_name, message } }` (the documentation) or bare `{ event_name,
// message }` (what production sends): both are accepted.

export interface ZaloEvent {
  eventName: string;
  messageId: string;
  from: { id: string; displayName: string; isBot: boolean };
  chat: { id: string; type: "PRIVATE" | "GROUP" };
  text: string | undefined;
  /** Epoch milliseconds. */
  date: number | undefined;
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);

export function parseEvent(body: unknown): ZaloEvent | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const b = body as Record<string, unknown>;
  const inner = (typeof b.result === "object" && b.result !== null ? b.result : b) as Record<string, unknown>;
  const eventName = str(inner.event_name);
  const message = inner.message as Record<string, unknown> | undefined;
  if (!eventName || typeof message !== "object" || message === null) return undefined;
  const from = (message.from ?? {}) as Record<string, unknown>;
  const chat = (message.chat ?? {}) as Record<string, unknown>;
  const messageId = str(message.message_id);
  const fromId = str(from.id);
  if (!messageId || !fromId) return undefined;
  return {
    eventName,
    messageId,
    from: { id: fromId, displayName: str(from.display_name) ?? "", isBot: from.is_bot === true },
    chat: { id: str(chat.id) ?? fromId, type: chat.chat_type === "GROUP" ? "GROUP" : "PRIVATE" },
    text: typeof message.text === "string" ? message.text : undefined,
    date: typeof message.date === "number" ? message.date : undefined,
  };
}
