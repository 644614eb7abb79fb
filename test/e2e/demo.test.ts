// `npm run demo`: a terminal chat with demo data, no token, no network. The walk-through of
// the README is read from the README itself and typed line by line, so the two cannot drift.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, spawnChild, TSX } from "../helpers/children.js";

const work = mkdtempSync(path.join(tmpdir(), "demo-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fixed working-day morning (Wednesday 02/12/2026 09:00 in Hà Nội): the same screens at any hour. */
const AT = "02/12/2026 09:00";

let runs = 0;
/** Runs the demo in a fresh working directory with `lines` as its input; returns the transcript and that directory. */
function demo(lines: string[], args: string[] = ["--at", AT], extraEnv: Record<string, string> = {}): Promise<{ code: number | null; out: string; cwd: string }> {
  const cwd = path.join(work, `run-${++runs}`);
  mkdirSync(cwd, { recursive: true });
  const child = spawnChild(TSX, [path.join(ROOT, "bot/demo/main.ts"), ...args], {
    cwd,
    // No BOT_TOKEN, and an API root that cannot be reached: the demo needs neither.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", TELEGRAM_API_ROOT: "http://127.0.0.1:9", NO_COLOR: "1", ...extraEnv },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  child.stdin!.end(lines.map((l) => `${l}\n`).join(""));
  // "close", not "exit": the last lines of output may still be in the pipe at exit.
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, out, cwd })));
}

/** The lines of the README's walk-through block, without their `# comments`. */
function walkthrough(): string[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const block = /<!-- demo-walkthrough -->\s*```text\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error("README: no demo walk-through block");
  return block[1]!
    .split("\n")
    .map((l) => l.replace(/\s{2,}#.*$/, "").trim())
    .filter(Boolean);
}

/** The part of the transcript after the prompt line `who> line`. */
function after(out: string, prompt: string): string {
  const i = out.indexOf(prompt);
  if (i < 0) throw new Error(`not in the transcript: ${prompt}`);
  return out.slice(i + prompt.length);
}

describe("npm run demo", () => {
  it("runs the README's walk-through: the digest, an alert acknowledged by another person, the apology slip saved", async () => {
    const lines = walkthrough();
    expect(lines[0]).toBe("3");
    expect(lines.at(-1)).toBe("!thoat");
    const { code, out, cwd } = await demo(lines);
    expect(code).toBe(0);
    // What is typed is in the transcript, after its prompt.
    expect(out).toContain("Lê Minh Tuấn> !viec daily-digest");
    // The digest is shown, not held for quiet hours, and the run says to whom it went.
    const digest = after(out, "Lê Minh Tuấn> !viec daily-digest");
    expect(digest).toMatch(/^\n🤖 \[2\] Bản tin ngày 02\/12\/2026/);
    expect(digest).toMatch(/\(daily-digest: đã gửi 6 tin — tới [^)]*Lê Minh Tuấn/);
    expect(digest).toMatch(/📨 Tin mới cho [^:]*Nguyễn Thị Lan/);
    // The office finds her own digest waiting, then sends the alert step by step.
    expect(after(out, "Lê Minh Tuấn> !doi 1")).toMatch(/^\n— Anh\/chị là Nguyễn Thị Lan \(VP01\)[^\n]*\n🤖 \[1\] Xin chào Nguyễn Thị Lan![\s\S]*?🤖 \[2\] Bản tin ngày 02\/12\/2026/);
    expect(out).toMatch(/\[3\.1\] 🚨 Khẩn/);
    expect(out).toMatch(/\[6\.1\] Toàn Sở/);
    expect(out).toMatch(/\[8\.1\] 📤 Gửi/);
    const sent = after(out, "Nguyễn Thị Lan> 8.1");
    expect(sent).toMatch(/^\n🤖 \[8\] \(sửa: bỏ nút\)\n🤖 \[9\] Đã gửi cảnh báo số 1 tới 10\/10 người/);
    expect(sent).toMatch(/📨 Tin mới cho [^:]*Phạm Thu Hà/);
    // Phạm Thu Hà reads the copy kept for her and acknowledges it with its button.
    const ha = after(out, "Nguyễn Thị Lan> !doi 4");
    expect(ha).toMatch(/^\n— Anh\/chị là Phạm Thu Hà[\s\S]*?🤖 \[2\] 🚨 CẢNH BÁO AN TOÀN THÔNG TIN · KHẨN\n {3}Cập nhật trình duyệt Chrome ngay[\s\S]*?\[2\.1\] ✅ Đã đọc/);
    expect(after(out, "Phạm Thu Hà> 2.1")).toMatch(/^\n {2}ⓘ Đã ghi nhận anh\/chị đã đọc cảnh báo\. Cảm ơn anh\/chị!\n🤖 \[2\] \(sửa: bỏ nút\)/);
    // The office sees her acknowledgement in the read rates, and its own (the sender's, on sending).
    const status = after(out, "Nguyễn Thị Lan> /tinhtrang 1");
    expect(status).toContain("Phòng Kế hoạch - Tài chính: 1/2 (50%)");
    expect(status).toContain("Văn phòng Sở: 1/3 (33%)");
    expect(status).toContain("Cộng: đã đọc 2/10 (20%)");
    // The head gets the escalation of his unit's overdue dossier; its button drafts the slip.
    const nudges = after(out, "Lê Minh Tuấn> !viec dossier-nudges");
    expect(nudges).toMatch(/🤖 \[4\] ⚠️ Hồ sơ quá hạn của đơn vị\n {3}000\.00\.15\.H48-261101-0001/);
    expect(nudges).toContain("[4.2] 📄 Phiếu xin lỗi");
    const slip = after(out, "Lê Minh Tuấn> 4.2");
    const file = "./data/demo-files/phieu-xin-loi-000.00.15.H48-261101-0001.docx";
    expect(slip).toMatch(/^\n🤖 \[5\] 📎 phieu-xin-loi-000\.00\.15\.H48-261101-0001\.docx — 📄 Dự thảo phiếu xin lỗi, hồ sơ 000\.00\.15\.H48-261101-0001: hẹn lại ngày trả kết quả 09\/12\/2026/);
    expect(slip).toContain(`💾 đã lưu: ${file}`);
    // The saved file is the slip itself.
    const xml = await (await JSZip.loadAsync(readFileSync(path.join(cwd, file)))).file("word/document.xml")!.async("string");
    expect(xml).toContain("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
    expect(xml).toContain("000.00.15.H48");
    expect(out).toContain("Tạm biệt!");
  }, 120_000);

  it("lets one pick a person, press buttons by number, keep a typed number a number, and shows a quiz's verdict once", async () => {
    const { code, out } = await demo(["3", "/trogiup", "/caidat", "2", "/meoattt", "4.3", "!doi 4", "/baocao", "1", "2", "/huy", "!doi", "11", "/caidat", "!thoat"]);
    expect(code).toBe(0);
    expect(out).toContain("Chọn người dùng thử:");
    expect(out).toContain("Lê Minh Tuấn (KH01, Trưởng phòng, KHTC)");
    expect(out).toContain("Xin chào Lê Minh Tuấn!");
    expect(out).toContain("Các lệnh anh/chị dùng được");
    expect(out).toMatch(/\[3\.1\] ✓ Tiếng Việt\s+\[3\.2\] English/);
    // "2" alone: button 2 of the latest message with buttons (no guided step is waiting).
    expect(after(out, "Lê Minh Tuấn> 2")).toMatch(/^\n {2}ⓘ Switched to English\.\n🤖 \[3\] \(sửa\) Settings/);
    expect(out).toContain("Language: English");
    // The quiz's verdict (a toast in Telegram, then the explanation) appears once.
    const quiz = after(out, "Lê Minh Tuấn> 4.3");
    const verdict = /(Correct!|Not quite)/.exec(quiz)?.[1];
    expect(verdict).toBeDefined();
    expect(quiz.slice(0, quiz.indexOf("Lê Minh Tuấn> ")).split(verdict!).length - 1).toBe(1);
    // "1" on the task list (no step waiting): its first button; "2" at the percentage step: 2%.
    expect(after(out, "Phạm Thu Hà> 1")).toMatch(/^\n🤖 \[3\] III\.1 — /);
    expect(after(out, "Phạm Thu Hà> 2")).toMatch(/^\n🤖 \[4\] Tiến độ: 2%\./);
    // The stranger (not invited) learns how to get an invite, nothing else.
    expect(out).toContain("chưa được gắn với cán bộ nào");
    expect(out).toContain("Tạm biệt!");
  }, 120_000);

  it("says why a job sent nothing: a day off, outside office hours, held by quiet hours", async () => {
    // Started the way tests start every process, through CLOCK_AT.
    const saturday = await demo(["3", "!viec daily-digest", "!thoat"], [], { CLOCK_AT: "05/12/2026 09:00" });
    expect(saturday.code).toBe(0);
    expect(saturday.out).toContain("Giờ demo: 05/12/2026 09:00");
    expect(saturday.out).toContain("(daily-digest: bỏ qua — 05/12/2026 không phải ngày làm việc.)");

    const night = await demo(["3", "!viec dossier-nudges", "!viec daily-digest", "!gio +600", "!thoat"], ["--at", "02/12/2026 21:00"]);
    expect(night.code).toBe(0);
    expect(night.out).toContain("(dossier-nudges: không gửi tin nào — ngoài giờ làm việc");
    // The digest is recorded, and held until the end of the quiet hours (07:00)...
    expect(after(night.out, "Lê Minh Tuấn> !viec daily-digest")).toMatch(/^\n\(daily-digest: 6 tin đã ghi, chờ hết giờ yên lặng của người nhận \(20:00–07:00 nếu họ không đổi\)\.\)/);
    // ...and goes out when the demo's clock passes it.
    expect(after(night.out, "Lê Minh Tuấn> !gio +600")).toMatch(/^\nGiờ demo: 03\/12\/2026 07:00\.\n🤖 \[2\] Bản tin ngày 02\/12\/2026/);
  }, 120_000);

  it("refuses a malformed --at with the format it expects", async () => {
    const { code, out } = await demo([], ["--at", "2026-12-02 09:00"]);
    expect(code).toBe(2);
    expect(out).toContain('--at cần ngày giờ có thật dạng dd/mm/yyyy hh:mm (giờ Asia/Ho_Chi_Minh), ví dụ --at "07/12/2026 09:00"; nhận được "2026-12-02 09:00".');
    expect(existsSync(path.join(work, `run-${runs}`, "data"))).toBe(false);
  }, 60_000);
});
