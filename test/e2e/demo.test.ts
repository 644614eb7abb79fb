// `npm run demo`: a terminal chat with demo data, no token, no network.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(new URL("../..", import.meta.url).pathname);

function demo(input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "bot/demo/main.ts")], {
      // No BOT_TOKEN, and an API root that cannot be reached: the demo needs neither.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", TELEGRAM_API_ROOT: "http://127.0.0.1:9", NO_COLOR: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => resolve({ code, out }));
    child.stdin.end(input);
  });
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
    expect(out).toMatch(/quá hạn \d ngày làm việc/); // 2 on a working day, fewer at a weekend
    expect(out).toContain("daily-digest");
    expect(out).toMatch(/Bản tin ngày|hôm nay không phải ngày làm việc/);
  }, 60_000);
});
