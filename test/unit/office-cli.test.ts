// The office's command line tells the truth: an unknown unit is unknown (not "no staff"), an
// empty audit log says so, a bare `npm run cli` is a usage error, `invite --hours` has bounds,
// deactivation is spoken of only when asked for, a missing file is named as typed, a bad token
// says what a token looks like, and `invite` never waits long for Telegram.
import { readFileSync } from "node:fs";
import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import { openDatabase } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { ROLE_LABELS } from "../../bot/services/roles.js";
import { createTestDatabaseUrl } from "../helpers/db.js";

const fixture = (name: string) => new URL(`../fixtures/staff/${name}`, import.meta.url).pathname;
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const README_TOKEN = /BOT_TOKEN=(\S+)/.exec(README)![1]!;

let url: string;
let drop: () => Promise<void>;
let out: string[];
let err: string[];

async function cli(args: string[], env: Record<string, string> = {}) {
  out = [];
  err = [];
  return runCli(args, {
    env: { DATABASE_URL: url, DEFAULT_LOCALE: "vi", ...env },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    now: () => new Date("2026-12-01T02:00:00Z"),
  });
}

async function withDemoStaff() {
  expect(await cli(["units"])).toBe(0); // creates, migrates and seeds the database
  const db = await openDatabase(url);
  await loadDemoStaff(db.prisma);
  await db.close();
}

beforeEach(async () => {
  ({ url, drop } = await createTestDatabaseUrl("sqlite"));
});
afterEach(async () => drop());

describe("usage", () => {
  it("no arguments: the usage on stderr, exit 2; help: on stdout, exit 0", async () => {
    expect(await cli([])).toBe(2);
    expect(err.join("\n")).toContain("Cách dùng");
    expect(out).toEqual([]);
    expect(await cli(["help"])).toBe(0);
    expect(out.join("\n")).toContain("Cách dùng");
    expect(await cli(["--help"])).toBe(0);
  });
});

describe("--unit", () => {
  it("an unknown unit is said to be unknown, not 'no staff' or 'no tasks'", async () => {
    await withDemoStaff();
    for (const command of ["staff", "tasks"]) {
      expect(await cli([command, "--unit", "XYZ"])).toBe(1);
      expect(err.join("\n")).toContain("Không có đơn vị “XYZ”. Xem mã và tên các đơn vị: npm run cli -- units");
      expect(out).toEqual([]);
    }
  });

  it("a unit is found by its code, name or short name, in any case", async () => {
    await withDemoStaff();
    expect(await cli(["staff", "--unit", "vp"])).toBe(0);
    const byCode = out.slice();
    expect(byCode.length).toBeGreaterThan(0);
    expect(await cli(["staff", "--unit", "Văn phòng Sở"])).toBe(0);
    expect(out).toEqual(byCode);
  });
});

describe("audit", () => {
  it("an empty log says so", async () => {
    expect(await cli(["audit"])).toBe(0);
    expect(out).toEqual(["Nhật ký kiểm tra chưa có mục nào."]);
  });
});

describe("invite", () => {
  it("--hours: at most 720; -1, 0 and 721 get a clear message and create nothing", async () => {
    await withDemoStaff();
    for (const bad of ["-1", "0", "721", "hai"]) {
      expect(await cli(["invite", "KH02", "--hours", bad]), bad).toBe(2);
      expect(err.join("\n")).toContain(`--hours ${JSON.stringify(bad)}: cần số nguyên từ 1 đến 720`);
      expect(out).toEqual([]);
    }
    expect(await cli(["audit"])).toBe(0);
    expect(out.join("\n")).not.toContain("invite.create");
    expect(await cli(["invite", "KH02", "--hours", "720"])).toBe(0);
    expect(out.join("\n")).toContain("hiệu lực 720 giờ");
  });

  it("with an unreachable Bot API and no BOT_USERNAME: done within 15 s, the code printed, how to get the link", async () => {
    await withDemoStaff();
    const sockets = new Set<net.Socket>();
    const hole = net.createServer((s) => sockets.add(s)); // accepts, never answers
    await new Promise<void>((r) => hole.listen(0, "127.0.0.1", r));
    const port = (hole.address() as net.AddressInfo).port;
    try {
      const started = Date.now();
      expect(await cli(["invite", "KH02"], { BOT_TOKEN: README_TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` })).toBe(0);
      expect(Date.now() - started).toBeLessThan(15_000);
      const text = out.join("\n");
      const code = /Mã mời: ([A-Za-z0-9_-]{32})/.exec(text)?.[1];
      expect(code).toBeDefined();
      expect(text).toContain("không hỏi được Telegram tên bot (timeout)");
      expect(text).toContain("Đặt BOT_USERNAME");
      expect(text).toContain(`gõ: /start ${code}`);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => hole.close(r));
    }
  });

  it("without a token: how to get the link", async () => {
    await withDemoStaff();
    expect(await cli(["invite", "KH02"])).toBe(0);
    expect(out.join("\n")).toMatch(/đặt BOT_USERNAME .* để có https:\/\/t\.me\/TÊN_BOT\?start=[A-Za-z0-9_-]{32}\b/);
    expect(await cli(["invite", "KH02"], { BOT_USERNAME: "sokhcn_bot" })).toBe(0);
    expect(out.join("\n")).toMatch(/https:\/\/t\.me\/sokhcn_bot\?start=[A-Za-z0-9_-]{32}/);
  });
});

describe("BOT_TOKEN", () => {
  it("a malformed token is refused with the format; the README's example has the right shape", async () => {
    expect(await cli(["units"], { BOT_TOKEN: "123:abc" })).toBe(2);
    expect(err.join("\n")).toContain("cần các chữ số, dấu hai chấm rồi 35 ký tự A-Z a-z 0-9 _ - như @BotFather cấp");
    expect(err.join("\n")).toContain("expected digits, a colon, then 35 characters of A-Z a-z 0-9 _ -");
    expect(err.join("\n")).not.toContain("123:abc");
    expect(README_TOKEN).toMatch(/^\d+:[A-Za-z0-9_-]{35}$/);
    expect(await cli(["units"], { BOT_TOKEN: README_TOKEN })).toBe(0);
  });
});

describe("import staff", () => {
  it("speaks of deactivation only with --deactivate-missing", async () => {
    expect(await cli(["import", "staff", fixture("staff-libreoffice.csv")])).toBe(0);
    expect(out.join("\n")).toMatch(/^Đã nhập \d+ dòng/);
    expect(out.join("\n")).not.toMatch(/ngừng hoạt động/i);
    expect(await cli(["import", "staff", fixture("staff-libreoffice.csv"), "--dry-run"])).toBe(0);
    expect(out.join("\n")).not.toMatch(/ngừng hoạt động/i);
    expect(await cli(["import", "staff", fixture("staff-libreoffice.csv"), "--dry-run", "--deactivate-missing"])).toBe(0);
    expect(out.join("\n")).toContain("Với --deactivate-missing: sẽ ngừng hoạt động 0 cán bộ không có trong tệp.");
    expect(await cli(["import", "staff", fixture("staff-libreoffice.csv"), "--deactivate-missing"])).toBe(0);
    expect(out.join("\n")).toContain("Ngừng hoạt động 0 cán bộ không có trong tệp (--deactivate-missing)");
  });

  it("a missing file is named by the path given", async () => {
    for (const args of [
      ["import", "staff", "./khong-co/danh-sach.csv"],
      ["import", "tasks", "./khong-co/danh-sach.csv"],
      ["alert", "--file", "./khong-co/danh-sach.csv"],
    ]) {
      expect(await cli(args), args.join(" ")).toBe(1);
      expect(err.join("\n")).toContain("./khong-co/danh-sach.csv");
      expect(err.join("\n")).toContain("không tìm thấy tệp");
    }
  });
});

describe("README", () => {
  it("lists every accepted role wording", () => {
    const section = README.slice(README.indexOf("**Staff** (`import staff`)"), README.indexOf("**Tasks** (`import tasks`)"));
    for (const labels of Object.values(ROLE_LABELS)) for (const label of labels) expect(section, label).toContain(`\`${label}\``);
  });
});
