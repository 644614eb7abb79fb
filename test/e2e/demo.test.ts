// `npm run demo`: a terminal chat with demo data, no token, no network.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, spawnTsx } from "../helpers/children.js";
import { TEST_CLOCK_AT } from "../helpers/clock.js";

function demo(input: string): Promise<{ code: number | null; out: string }> {
  const child = spawnTsx(path.join(ROOT, "bot/demo/main.ts"), {
    // No BOT_TOKEN, and an API root that cannot be reached: the demo needs neither. The demo's
    // clock is the suite's working-day morning, so the digest is there at any hour.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", TELEGRAM_API_ROOT: "http://127.0.0.1:9", NO_COLOR: "1", CLOCK_AT: TEST_CLOCK_AT },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  child.stdin!.end(input);
  // "close", not "exit": the last lines of output may still be in the pipe at exit.
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, out })));
}

describe("npm run demo", () => {
  it("lets one pick a person, type commands and press buttons by number", async () => {
    const { code, out } = await demo(["3", "/trogiup", "/caidat", "2", "!doi", "11", "/caidat", "!thoat", ""].join("\n"));
    expect(code).toBe(0);
    expect(out).toContain("Chọn người dùng thử:");
    expect(out).toContain("Lê Minh Tuấn (KH01, Trưởng phòng, KHTC)");
    expect(out).toContain("Xin chào Lê Minh Tuấn!");
    expect(out).toContain("Các lệnh anh/chị dùng được");
    expect(out).toMatch(/\[1\] ✓ Tiếng Việt\s+\[2\] English/);
    expect(out).toContain("Switched to English.");
    expect(out).toContain("Language: English");
    // The stranger (not invited) learns how to get an invite, nothing else.
    expect(out).toContain("chưa được gắn với cán bộ nào");
    expect(out).toContain("Tạm biệt!");
  }, 60_000);
});

describe("npm run demo with dossiers and scheduled jobs", () => {
  it("shows demo dossiers and runs the daily digest on demand", async () => {
    const { code, out } = await demo(["3", "/hoso", "!viec", "!viec daily-digest", "!thoat", ""].join("\n"));
    expect(code).toBe(0);
    expect(out).toContain("000.00.15.H48-261101-0001");
    expect(out).toMatch(/quá hạn \d ngày làm việc/);
    expect(out).toContain("daily-digest");
    expect(out).toContain("Bản tin ngày 25/11/2026");
  }, 60_000);
});
