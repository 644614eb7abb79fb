import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import { openDatabase } from "../../bot/db/client.js";
import { getSetting } from "../../bot/services/settings.js";
import { createTestDatabaseUrl } from "../helpers/db.js";

let url: string;
let drop: () => Promise<void>;
beforeAll(async () => ({ url, drop } = await createTestDatabaseUrl("sqlite")));
afterAll(async () => drop());

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env: { DATABASE_URL: url }, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("office settings", () => {
  it("lists every setting with its default and meaning", async () => {
    const { code, out } = await cli("settings");
    expect(code).toBe(0);
    expect(out).toContain("tasks.staleReportDays = 14 (mặc định) — Cán bộ “chưa báo cáo”");
    expect(out).toContain("reports.reminderWorkingDays = 5,1 (mặc định)");
  });

  it("changes a value after checking it, and audits the change", async () => {
    expect(await cli("settings", "set", "tasks.staleReportDays", "10")).toMatchObject({ code: 0, out: "Đã đặt tasks.staleReportDays = 10." });
    expect(await cli("settings", "set", "reports.reminderWorkingDays", "1, 3,5")).toMatchObject({ out: "Đã đặt reports.reminderWorkingDays = 5,3,1." });
    const bad = await cli("settings", "set", "tasks.staleReportDays", "mười");
    expect(bad).toMatchObject({ code: 1, err: "Không đổi được tasks.staleReportDays: cần số nguyên từ 1 đến 365." });
    expect((await cli("settings", "set", "no.such", "1")).code).toBe(1);
    const db = await openDatabase(url);
    expect(await getSetting(db.prisma, "tasks.staleReportDays")).toBe(10);
    expect(await getSetting(db.prisma, "reports.reminderWorkingDays")).toEqual([5, 3, 1]);
    expect(await db.prisma.auditLog.count({ where: { action: "settings.set", outcome: "ok" } })).toBe(2);
    // The refused values changed nothing but are on record, with the reason.
    const refused = await db.prisma.auditLog.findMany({ where: { action: "settings.set", outcome: "failed" }, orderBy: { id: "asc" } });
    expect(refused.map((r) => r.target)).toEqual(["tasks.staleReportDays", "no.such"]);
    expect(JSON.parse(refused[0]!.details!)).toEqual({ error: "cần số nguyên từ 1 đến 365" });
    await db.close();
  });
});

describe("the command line prints plain text", () => {
  it("decodes what the chat's messages escape (a unit named with &)", async () => {
    const db = await openDatabase(url);
    await db.prisma.unit.update({ where: { code: "STTTT" }, data: { name: "Sở TT&TT <tỉnh>" } });
    await db.close();
    const { out } = await cli("units");
    expect(out).toContain("STTTT  Sở TT&TT <tỉnh> (cơ quan phối hợp)");
    expect(out).not.toContain("&amp;");
  });
});
