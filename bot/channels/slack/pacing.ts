// Slack's pace for chat.postMessage: about one message per second in each channel, and a
// budget for the whole workspace (the sender's own bot-wide pace is Telegram's 30/s). Real
// time on purpose: it spaces calls, it decides nothing the tests' clock controls.
export interface SlackPaceOptions {
  perChannelIntervalMs: number;
  /** Messages per rolling window (a minute) across the workspace. */
  workspacePerMinute: number;
  windowMs?: number;
}

export const SLACK_PACE: SlackPaceOptions = { perChannelIntervalMs: 1000, workspacePerMinute: 100, windowMs: 60_000 };

export class SlackPacer {
  private readonly channelNextAt = new Map<string, number>();
  private readonly recent: number[] = [];
  constructor(private readonly opts: SlackPaceOptions = SLACK_PACE) {}

  /** Waits for this channel's turn and a place in the workspace budget, then takes them. */
  async take(channel: string): Promise<void> {
    const windowMs = this.opts.windowMs ?? 60_000;
    for (;;) {
      const now = Date.now();
      while (this.recent.length && now - this.recent[0]! >= windowMs) this.recent.shift();
      const channelWait = (this.channelNextAt.get(channel) ?? 0) - now;
      const budgetWait = this.recent.length >= this.opts.workspacePerMinute ? windowMs - (now - this.recent[0]!) : 0;
      const wait = Math.max(channelWait, budgetWait);
      if (wait <= 0) break;
      await new Promise((r) => setTimeout(r, wait));
    }
    const at = Date.now();
    this.recent.push(at);
    this.channelNextAt.set(channel, at + this.opts.perChannelIntervalMs);
    if (this.channelNextAt.size > 10_000) this.channelNextAt.clear(); // old entries are all past by then
  }
}
