// A small client of the Zalo Bot Platform API (https://bot-api.zaloplatforms.com/bot<TOKEN>/
// <method>, modelled on Telegram's): JSON in, `{ ok, result, error_code, description }` out.
// Errors never carry the URL: it contains the token.

export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    readonly description: string,
  ) {
    super(`Zalo ${method}: ${code} ${description}`);
    this.name = "ZaloApiError";
  }
}

export class ZaloNetworkError extends Error {
  constructor(
    readonly method: string,
    cause: string,
  ) {
    super(`Zalo ${method}: network: ${cause}`);
    this.name = "ZaloNetworkError";
  }
}

export interface ZaloMe {
  id: string;
  account_name?: string;
  display_name?: string;
}

export interface ZaloSent {
  message_id: string;
  date?: number;
}

export class ZaloApi {
  constructor(
    private readonly token: string,
    private readonly apiRoot: string,
  ) {}

  async call<T>(method: string, params: Record<string, unknown> = {}, opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<T> {
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? 60_000);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetch(`${this.apiRoot}/bot${this.token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
        signal,
      });
    } catch (e) {
      throw new ZaloNetworkError(method, (e as Error).name);
    }
    let body: { ok?: boolean; result?: T; error_code?: number; description?: string };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new ZaloApiError(method, res.status, "not JSON");
    }
    if (!body.ok) throw new ZaloApiError(method, body.error_code ?? res.status, String(body.description ?? "error").slice(0, 200));
    return body.result as T;
  }

  getMe() {
    return this.call<ZaloMe>("getMe");
  }

  sendMessage(chatId: string, text: string) {
    return this.call<ZaloSent>("sendMessage", { chat_id: chatId, text });
  }
}
