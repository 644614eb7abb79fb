// The HTTP ingest for systems that push dossiers (POST /api/dossiers) and its API tokens.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import type { Db } from "../../bot/db/client.js";
import { type HttpServer, startHttpServer } from "../../bot/http-server.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { dossierIngestRoute } from "../../bot/services/dossiers/ingest-route.js";
import { calendarStore } from "../../bot/services/working-calendar.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { vn } from "../helpers/jobs.js";
import { memoryLogger } from "../helpers/logger.js";

let tdb: TestDatabase;
let db: Db;
let http: HttpServer;
const NOW = vn("2026-11-27", "09:00");

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env: { DATABASE_URL: tdb.url }, out: (l) => out.push(l), err: (l) => err.push(l), now: () => NOW });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function post(body: unknown, token?: string) {
  const res = await fetch(`http://127.0.0.1:${http.port}/api/dossiers`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  await loadDemoStaff(db);
  http = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    routes: [dossierIngestRoute({ db, calendar: calendarStore(db, "Asia/Ho_Chi_Minh"), logger: memoryLogger().logger, clock: () => NOW, timeZone: "Asia/Ho_Chi_Minh" })],
    logger: memoryLogger().logger,
  });
});
afterAll(async () => {
  await http.close();
  await tdb.drop();
});

let token = "";

describe("api-token", () => {
  it("creates a token shown once and stores only its sha256", async () => {
    const res = await cli("api-token", "create", "mot-cua");
    expect(res.code).toBe(0);
    token = /\s(skhcn_\S+)/.exec(res.out)![1]!;
    expect(res.out).toContain("Khóa chỉ hiện một lần");
    expect(res.out).toContain("bot chỉ mở cổng HTTP khi đặt PORT");
    const row = await db.apiToken.findUniqueOrThrow({ where: { name: "mot-cua" } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await cli("api-token", "create", "mot-cua")).toMatchObject({ code: 1, err: expect.stringContaining("thu hồi trước") });
    expect(await cli("api-token", "create", "Một Cửa")).toMatchObject({ code: 1, err: expect.stringContaining("không hợp lệ") });
  });
});

describe("POST /api/dossiers", () => {
  it("refuses a request without a valid token (401), and audits it without letting anyone fill the log", async () => {
    expect((await post([])).status).toBe(401);
    expect((await post([], "skhcn_wrong")).status).toBe(401);
    for (let i = 0; i < 20; i++) expect((await post([], `guess${i}`)).status).toBe(401);
    // Once a minute per address.
    expect(await db.auditLog.count({ where: { action: "dossier.ingest", outcome: "denied" } })).toBe(1);
  });

  it("lists every bad record (400) and writes nothing", async () => {
    expect(await post("{not json", token)).toMatchObject({ status: 400 });
    const res = await post(
      [
        { "Mã hồ sơ": "API-1", "Tên thủ tục": "Thủ tục A", "Người nộp": "Bà Lê Thị Hoa", "Ngày tiếp nhận": "20/11/2026 08:00", "Ngày hẹn trả": "04/12/2026", "Cán bộ xử lý": "KH02", "Trạng thái": "Đang xử lý" },
        { code: "API-2", procedureName: "Thủ tục B", applicant: "Công ty X", receivedAt: "2026-11-20T08:00", dueAt: "31/12/2026", handler: "Ai Đó", status: "Đang xử lý" },
        { code: "API-3", procedureName: "Thủ tục C", applicant: true, receivedAt: "20/11/2026", dueAt: "01/12/2026", unit: "QLKH", status: "Mất tích" },
        "không phải đối tượng",
      ],
      token,
    );
    expect(res.status).toBe(400);
    const problems = res.json.problems as { record: number; message: string }[];
    expect(problems.map((p) => p.record)).toEqual([2, 3, 3, 4]);
    expect(problems.map((p) => p.message).join("\n")).toContain("Bản ghi 2, cột “Cán bộ xử lý”: không có cán bộ mã hoặc tên “Ai Đó”");
    expect(problems.map((p) => p.message).join("\n")).toContain("Bản ghi 3, cột “Trạng thái”: “Mất tích” không thuộc");
    expect(await db.dossier.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "dossier.ingest", outcome: "failed" } })).toBe(2);
  });

  it("writes good records, with their source and history, and audits who pushed them", async () => {
    const res = await post(
      [
        { "MÃ HỒ SƠ": "API-1", "Tên thủ tục": "Thủ tục A", "Người nộp": "Bà Lê Thị Hoa", "Ngày tiếp nhận": "20/11/2026 08:00", "Ngày hẹn trả": "04/12/2026", "Cán bộ xử lý": "KH02", "Trạng thái": "Đang xử lý" },
        { code: "API-2", procedureName: "Thủ tục B", applicant: "Công ty X", receivedAt: "2026-11-20T08:00", dueAt: "31/12/2026", handler: "Đặng Ngọc Ánh", status: "cho_bo_sung" },
      ],
      token,
    );
    expect(res).toEqual({ status: 200, json: { ok: true, rows: 2, created: 2, updated: 0, unchanged: 0, statusChanges: 0, keptChatReturns: 0 } });
    const rows = await db.dossier.findMany({ include: { history: true }, orderBy: { code: "asc" } });
    expect(rows.map((r) => [r.code, r.status, r.source, r.history[0]!.source])).toEqual([
      ["API-1", "dang_xu_ly", "api", "api"],
      ["API-2", "cho_bo_sung", "api", "api"],
    ]);
    expect(await db.auditLog.findFirst({ where: { action: "dossier.ingest", outcome: "ok" } })).toMatchObject({ actor: "http:mot-cua" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { name: "mot-cua" } })).lastUsedAt).toEqual(NOW);
  });

  it("stops accepting a revoked token", async () => {
    expect(await cli("api-token", "revoke", "mot-cua")).toMatchObject({ code: 0 });
    expect((await post([], token)).status).toBe(401);
    expect(await cli("api-token", "revoke", "mot-cua")).toMatchObject({ code: 1 });
    expect((await cli("api-token", "list")).out).toMatch(/mot-cua — tạo 27\/11\/2026 09:00, dùng lần cuối 27\/11\/2026 09:00, đã thu hồi 27\/11\/2026 09:00/);
  });
});
