// Telegram's bulk limit, enforced: at most `perSecond` sending calls in any rolling second
// (arrival time at the server); the call over the limit gets 429 with `retry_after`, as the
// real Bot API answers a bot that sends too fast.
export interface RateLimitOptions {
  perSecond: number;
  /** Seconds in the 429's retry_after (default 1). */
  retryAfter?: number;
  /** Methods counted (default: the ones that send messages). */
  methods?: readonly string[];
}

const SENDING = ["sendmessage", "senddocument", "sendphoto", "copymessage", "forwardmessage", "sendmediagroup"];

export class RateLimiter {
  private readonly arrivals: number[] = [];
  private readonly methods: Set<string>;
  /** How many calls were refused with 429. */
  refused = 0;

  constructor(private readonly opts: RateLimitOptions) {
    this.methods = new Set((opts.methods ?? SENDING).map((m) => m.toLowerCase()));
  }

  /** undefined: admitted (and counted); otherwise the retry_after to answer with. */
  admit(method: string, now: number): number | undefined {
    if (!this.methods.has(method.toLowerCase())) return undefined;
    while (this.arrivals.length > 0 && now - this.arrivals[0]! >= 1000) this.arrivals.shift();
    if (this.arrivals.length >= this.opts.perSecond) {
      this.refused += 1;
      return this.opts.retryAfter ?? 1;
    }
    this.arrivals.push(now);
    return undefined;
  }
}
