// Slack specifics (the shared scenarios run on Slack in channels.test.ts): binding by the
// workspace email, the slash command and the group rules, App Home, the HTTP receiver's
// signature checks and Slack's retries, and the transport's answers to Slack's errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, textOfBlocks } from "../fake-slack/index.js";
import { E2E } from "../helpers/e2e.js";
import { vn } from "../helpers/jobs.js";

const now = vn("2026-11-30", "09:00");
let e2e: E2E;

beforeAll(async () => {
  e2e = await E2E.start({ clock: () => now, slack: "socket" });
}, 60_000);
afterAll(async () => e2e?.stop());

describe("Slack in Socket Mode", () => {
  it("binds with an invite and answers a typed command word", async () => {
    const u = await e2e.slackLogin("KH02");
    const [help] = await e2e.slackSay(u, "trogiup");
    expect(textOfBlocks(help!)).toContain("/nhiemvu");
    const [tasks] = await e2e.slackSay(u, "nhiemvu");
    expect(buttonsOf(tasks!).length).toBeGreaterThan(0);
  });
});
