// Issue 15, item 4: what the office does in the chat (/canbo, /thietlap, /nhatky, /lich) the
// command line does too, through the same services: find and show a person, unbind one channel,
// read the audit log with filters (secrets masked), see a month of the calendar.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import { openDatabase } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { audit } from "../../bot/services/audit.js";
import { createTestDatabaseUrl } from "../helpers/db.js";

const NOW = new Date("2026-12-01T02:00:00Z"); // 01/12/2026 09:00 in Hà Nội
let url: string;
let drop: () => Promise<void>;
let out: string[];
let err: string[];

async function cli(...args: string[]) {
  out = [];
  err = [];
  return runCli(args, { env: { DATABASE_URL: url, DEFAULT_LOCALE: "vi" }, out: (l) => out.push(l), err: (l) => err.push(l), now: () => NOW });
}

/** Demo staff, with KH02 bound on Telegram and on Zalo. */
async function setUp() {
  expect(await cli("units")).toBe(0);
  const db = await openDatabase(url);
  await loadDemoStaff(db.prisma);
  const kh02 = await db.prisma.staff.findUniqueOrThrow({ where: { code: "KH02" } });
  for (const [platform, externalId] of [["telegram", "700000009"], ["zalo", "a1b2c3d4e5f6a7b8c9d0"]] as const) {
    await db.prisma.chatAccount.create({ data: { platform, externalId, chatId: externalId, staffId: kh02.id, displayName: "Hà", boundAt: NOW, lastSeenAt: NOW } });
  }
  await audit(db.prisma, { actor: "system", action: "invite.sheet", details: { invite: "Zq3v9XkP2mWc7RtY5nLb8HsJ4dFg6AeQ", rows: 2 }, at: NOW });
  await db.close();
}

beforeEach(async () => {
  ({ url, drop } = await createTestDatabaseUrl("sqlite"));
  await setUp();
});
afterEach(async () => drop());

describe("staff", () => {
  it("--find takes a part of a name without diacritics, a code or a unit", async () => {
    expect(await cli("staff", "--find", "pham thu")).toBe(0);
    expect(out.join("\n")).toContain("Phạm Thu Hà (KH02) — Chuyên viên, KH-TC");
    expect(out.join("\n")).toContain("Kênh đang gắn: Telegram, Zalo");
    expect(out).toHaveLength(1);
    expect(await cli("staff", "--find", "QLKH")).toBe(0);
    expect(out.join("\n")).toContain("Võ Quốc Bảo");
    expect(await cli("staff", "--find", "khongcoai")).toBe(1);
    expect(err.join("\n")).toContain("Không tìm thấy cán bộ nào khớp “khongcoai”");
  });

  it("show lists the person's accounts per channel and their last activity", async () => {
    expect(await cli("staff", "show", "kh02")).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("Telegram Hà: đang gắn từ 01/12/2026 09:00; hoạt động lần cuối 01/12/2026 09:00");
    expect(text).toContain("Zalo Hà: đang gắn");
    expect(await cli("staff", "show", "XX99")).toBe(1);
  });

  it("unbind --platform ends one channel's binding and is audited; unbinding again writes nothing", async () => {
    expect(await cli("unbind", "KH02", "--platform", "zalo")).toBe(0);
    expect(out.join("\n")).toContain("Đã hủy gắn 1 tài khoản của Phạm Thu Hà");
    expect(out.join("\n")).toContain("Zalo Hà: không còn dùng (Văn phòng đã hủy gắn");
    expect(out.join("\n")).toContain("Telegram Hà: đang gắn");
    expect(await cli("unbind", "KH02", "--platform", "zalo")).toBe(0);
    expect(out).toEqual(["Cán bộ này không còn tài khoản nào đang gắn."]);
    expect(await cli("audit", "--who", "cli", "--kind", "account")).toBe(0);
    expect(out.filter((l) => l.includes("Hủy gắn tài khoản"))).toHaveLength(1);
    expect(out.join("\n")).toContain("Hủy gắn tài khoản — cli:");
    expect(out.join("\n")).toContain("→ “staff:KH02” (“accounts=1, invitesRevoked=0, platform=zalo”)");
  });
});

describe("audit", () => {
  it("filters by action and day, masks secrets, refuses a bad filter", async () => {
    expect(await cli("audit", "--who", "invite.sheet")).toBe(0);
    expect(out.join("\n")).toContain("“invite.sheet” — system (“invite=•••, rows=2”)");
    expect(out.join("\n")).not.toContain("Zq3v9XkP2mWc");
    expect(await cli("audit", "--date", "30/11/2026")).toBe(0);
    expect(out).toEqual(["Không có mục nào khớp."]);
    expect(await cli("audit", "--kind", "nothing")).toBe(2);
    expect(err.join("\n")).toContain("--kind một trong: all, denied");
    expect(await cli("settings", "set", "no.such", "1")).toBe(1);
    expect(await cli("audit", "--limit", "1")).toBe(0);
    expect(out[0]).toContain("✗ không thành Đổi thiết lập của Văn phòng");
    expect(out.at(-1)).toContain("Hiện 1/");
  });
});

describe("calendar", () => {
  it("shows a month's days off, swaps and their source; a bad month is a usage error", async () => {
    expect(await cli("calendar", "1/2026")).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("Lịch làm việc tháng 1/2026");
    expect(text).toContain("T6 02/01/2026: Nghỉ hoán đổi (làm bù Thứ Bảy 10/01/2026) — theo thông báo của Chính phủ có sẵn");
    expect(text).toContain("Số ngày làm việc: 21/31 ngày.");
    expect(await cli("calendar")).toBe(0);
    expect(out.join("\n")).toMatch(/^Lịch làm việc tháng 12\/2026\n/);
    expect(await cli("calendar", "2030-02")).toBe(0);
    expect(out.join("\n")).toContain("Trợ lý chưa có thông báo nghỉ lễ năm 2030");
    expect(await cli("calendar", "13/2026")).toBe(2);
    expect(err.join("\n")).toContain("Không hiểu tháng “13/2026”");
  });
});

describe("settings", () => {
  it("lists the values each setting accepts and its default", async () => {
    expect(await cli("settings")).toBe(0);
    expect(out.join("\n")).toContain("giá trị được nhận: số nguyên từ 1 đến 365; mặc định 14");
  });
});
