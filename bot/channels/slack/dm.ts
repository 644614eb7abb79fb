// The direct-message channel with a person (conversations.open), remembered: proactive
// messages are addressed to the person's Slack user id, the DM channel is opened on demand.
import type { SlackWebClient } from "./web.js";

export class DmChannels {
  private readonly byUser = new Map<string, string>();
  constructor(private readonly client: SlackWebClient) {}

  remember(userId: string, channel: string): void {
    this.byUser.set(userId, channel);
  }

  known(userId: string): string | undefined {
    return this.byUser.get(userId);
  }

  async open(userId: string): Promise<string> {
    const known = this.byUser.get(userId);
    if (known) return known;
    const res = await this.client.conversations.open({ users: userId });
    const id = res.channel?.id;
    if (!id) throw new Error("conversations.open returned no channel");
    this.byUser.set(userId, id);
    return id;
  }
}
