// `npm run cli -- alert --file FILE`, `alert cancel`, `alerts`, `quiz-stats`.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import { type Database, openDatabase } from "../../bot/db/client.js";
import { migrate } from "../../bot/db/migrate.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { seedPlan2021 } from "../../bot/db/seed.js";
import { createTestDatabaseUrl } from "../helpers/db.js";

const FIXTURE = path.resolve("test/fixtures/alerts/khan-two-units.json");
const NOW = new Date("2026-11-27T02:00:00Z");

let url: string;
let drop: () => Promise<void>;
let db: Database;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env: { DATABASE_URL: url }, out: (l) => out.push(l), err: (l) => err.push(l), now: () => NOW });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function tempJson(content: unknown): string {
  const file = path.join(tmpdir(), `alert-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

beforeEach(async () => {
  ({ url, drop } = await createTestDatabaseUrl());
  await migrate(url);
  db = await openDatabase(url);
  await seedPlan2021(db.prisma, NOW);
  await loadDemoStaff(db.prisma);
  for (const s of await db.prisma.staff.findMany({ where: { code: { not: "KH02" } } })) {
    await db.prisma.chatAccount.create({ data: { platform: "telegram", externalId: String(s.id), chatId: String(s.id), staffId: s.id } });
  }
});
afterEach(async () => {
  await db.close();
  await drop();
});

describe("alert --file", () => {
  it("checks a file without sending, sends it once per externalRef, and lists its status", async () => {
    const dry = await cli("alert", "--file", FIXTURE, "--dry-run");
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toContain("sẽ gửi tới 4 người (1 người chưa gắn tài khoản chat)");
    expect(await db.prisma.securityAlert.count()).toBe(0);
    const sent = await cli("alert", "--file", FIXTURE);
    expect(sent.code).toBe(0);
    expect(sent.out).toContain("tới 3/4 người");
    const again = await cli("alert", "--file", FIXTURE);
    expect(again.out).toContain("đã được gửi trước đó");
    expect(await db.prisma.securityAlert.count()).toBe(1);
    const alert = await db.prisma.securityAlert.findFirstOrThrow();
    expect(alert).toMatchObject({ severity: "khan", source: "feed", externalRef: "CATINH-2026-11-27-01", requireRemediation: true });
    expect(await db.prisma.outboxMessage.count({ where: { kind: "alert", urgent: true } })).toBe(3);
    expect(await db.prisma.auditLog.count({ where: { action: "alert.broadcast", actor: { startsWith: "cli:" } } })).toBe(1);

    const list = await cli("alerts");
    expect(list.out).toContain(`Số ${alert.id}`);
    expect(list.out).not.toMatch(/<\/?b>/);
    const detail = await cli("alerts", String(alert.id));
    expect(detail.out).toContain("Chưa gắn tài khoản chat (báo bằng cách khác): Phạm Thu Hà");

    const cancelled = await cli("alert", "cancel", String(alert.id));
    expect(cancelled.out).toContain(`Đã hủy cảnh báo số ${alert.id}: dừng 5 tin chưa gửi`);
    expect((await cli("alert", "cancel", String(alert.id))).code).toBe(1);
  });

  it("reports every problem of a bad file and sends nothing", async () => {
    const file = tempJson({ severity: "rất gấp", title: "", body: "x", units: ["KHTC", "Phòng Không Tồn Tại"], remediation: "có" });
    const res = await cli("alert", "--file", file);
    expect(res.code).toBe(1);
    expect(res.err).toContain("remediation phải là true hoặc false");
    const file2 = tempJson({ severity: "rất gấp", title: "Tiêu đề", body: "x", units: ["Phòng Không Tồn Tại"] });
    const res2 = await cli("alert", "--file", file2);
    expect(res2.err).toContain("“rất gấp” không phải Khẩn");
    expect(res2.err).toContain("không có đơn vị “Phòng Không Tồn Tại”");
    const res3 = await cli("alert", "--file", tempJson("{ not json"));
    expect(res3.err).toContain("không phải JSON hợp lệ");
    const res4 = await cli("alert", "--file", tempJson({ severity: "cao", title: "  ", body: "Nội dung" }));
    expect(res4.err).toContain("title: trống");
    expect(await db.prisma.securityAlert.count()).toBe(0);
  });

  it("corrects an alert from a file", async () => {
    await cli("alert", "--file", FIXTURE);
    const original = await db.prisma.securityAlert.findFirstOrThrow();
    const fix = tempJson({ severity: "khan", title: original.title, body: "Chỉ thư gửi từ tên miền lạ là giả mạo.", correctionOf: original.id });
    const res = await cli("alert", "--file", fix);
    expect(res.code).toBe(0);
    expect(await db.prisma.securityAlert.count({ where: { correctionOfId: original.id } })).toBe(1);
  });
});

describe("quiz-stats", () => {
  it("prints the rates per unit", async () => {
    const res = await cli("quiz-stats", "--since", "2026-11-01");
    expect(res.code).toBe(0);
    expect(res.out).toContain("(từ 01/11/2026)");
    expect(res.out).toContain("Phòng Kế hoạch");
    expect((await cli("quiz-stats", "--since", "hôm qua")).code).toBe(2);
  });
});
