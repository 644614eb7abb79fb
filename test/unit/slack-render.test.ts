// Views as Slack messages: mrkdwn within Block Kit's limits, buttons carrying the action
// codec's string, and the app manifest in step with the code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defineAction, int } from "../../bot/chat/action.js";
import { SLASH_COMMAND } from "../../bot/channels/slack/channel.js";
import { renderForSlack } from "../../bot/channels/slack/render.js";
import { buttonsOf, textOfBlocks } from "../fake-slack/index.js";

const open = defineAction("nhiemvu", "open", { id: int });

describe("rendering for Slack", () => {
  it("turns the neutral markup into mrkdwn that reads as it should", () => {
    const [m] = renderForSlack('<b>Tiến độ:</b> 50% · <i>ghi chú</i> · <code>HS-01</code> · <a href="https://sokhcn.gov.vn">Cổng</a> &lt;3 &amp; x');
    const section = m!.blocks[0] as { text: { text: string } };
    expect(section.text.text).toBe("*Tiến độ:* 50% · _ghi chú_ · `HS-01` · <https://sokhcn.gov.vn|Cổng> &lt;3 &amp; x");
    expect(textOfBlocks(m!)).toBe("Tiến độ: 50% · ghi chú · HS-01 · Cổng <3 & x");
    expect(m!.text).toBe("Tiến độ: 50% · ghi chú · HS-01 · Cổng <3 & x");
  });

  it("keeps every section within 3,000 characters and every message within 50 blocks, buttons on the last", () => {
    const line = "• Nhiệm vụ chuyển đổi số của Sở: triển khai nền tảng, đào tạo cán bộ, đánh giá an toàn thông tin.";
    const long = Array.from({ length: 2000 }, (_, i) => `${i + 1}. ${line}`).join("\n");
    const messages = renderForSlack(long, [[{ text: "Trang sau ▶", data: open.build({ id: 2 }) }]]);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const b of m.blocks) if (b.type === "section") expect((b.text as { text: string }).text.length).toBeLessThanOrEqual(3000);
    }
    expect(messages.slice(0, -1).every((m) => buttonsOf(m).length === 0)).toBe(true);
    expect(buttonsOf(messages.at(-1)!)).toEqual([{ text: "Trang sau ▶", value: "nhiemvu:open:2", actionId: "act_1" }]);
    // Nothing lost: every numbered line is there, once.
    const all = messages.map((m) => textOfBlocks(m)).join("\n");
    expect(all.split("\n").filter((l) => l.includes("Nhiệm vụ chuyển đổi số"))).toHaveLength(2000);
  });

  it("buttons: labels cut to 75 characters, links as URL buttons, action ids unique", () => {
    const [m] = renderForSlack("Chọn", [
      [{ text: "Báo cáo tiến độ nhiệm vụ ".repeat(6), data: open.build({ id: 1 }) }, { text: "Mở cổng", url: "https://sokhcn.gov.vn" }],
      [{ text: "<b>Đã đọc</b>", data: open.build({ id: 3 }) }],
    ]);
    const bs = buttonsOf(m!);
    expect(bs[0]!.text.length).toBeLessThanOrEqual(75);
    expect(bs[1]).toMatchObject({ url: "https://sokhcn.gov.vn" });
    expect(bs[2]!.text).toBe("Đã đọc");
    expect(new Set(bs.map((b) => b.actionId)).size).toBe(3);
  });
});

describe("the Slack app manifest", () => {
  const manifest = JSON.parse(readFileSync(new URL("../../bot/channels/slack/manifest.json", import.meta.url), "utf8"));
  it("declares the slash command, the events, App Home, Socket Mode and the scopes the channel uses", () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(new Set(manifest.settings.event_subscriptions.bot_events)).toEqual(new Set(["message.im", "app_mention", "app_home_opened"]));
    for (const scope of ["chat:write", "commands", "im:history", "im:write", "users:read.email", "files:write", "files:read", "app_mentions:read"]) expect(manifest.oauth_config.scopes.bot).toContain(scope);
  });
});

describe("Slack's pace", () => {
  it("spaces messages in one channel, not across channels, and keeps the workspace within its budget", async () => {
    const { SlackPacer } = await import("../../bot/channels/slack/pacing.js");
    const pacer = new SlackPacer({ perChannelIntervalMs: 150, workspacePerMinute: 4, windowMs: 400 });
    const at: Record<string, number[]> = {};
    const t0 = Date.now();
    const take = async (c: string) => {
      await pacer.take(c);
      (at[c] ??= []).push(Date.now() - t0);
    };
    await Promise.all([take("D1"), take("D2"), take("D3")]);
    expect(Math.max(...Object.values(at).flat())).toBeLessThan(140); // three channels at once, not one after another
    await take("D1");
    expect(at.D1![1]! - at.D1![0]!).toBeGreaterThanOrEqual(140); // the same channel waits its turn
    await take("D4"); // the fifth message in the window waits for the first one to leave it
    expect(at.D4![0]!).toBeGreaterThanOrEqual(390);
  });
});
