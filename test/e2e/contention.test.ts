// SQLite under contention: the office's CLI (in this process on its own connection, and as
// separate processes) and a 30,000-row staff import write to the database while staff keep
// using the bot and the sender delivers. Nothing may fail with "database is locked", and
// every update is answered. No timing is asserted: only outcomes.
import { writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, chatLoad, cliInProcess, cliProcess, withConcurrency } from "../helpers/contention.js";
import { E2E } from "../helpers/e2e.js";
import type { TgUser } from "../fake-telegram/types.js";

const NOW = new Date("2026-11-27T03:00:00Z"); // Friday 10:00 in Hà Nội
const dir = mkdtempSync(path.join(tmpdir(), "sokhcn-contention-"));

function alertFile(n: number): string {
  const file = path.join(dir, `alert-${n}.json`);
  writeFileSync(file, JSON.stringify({ severity: "Cao", title: `Cảnh báo thử số ${n}`, body: "Cập nhật bản vá trình duyệt.", units: ["KHTC"], externalRef: `TEST-${n}` }));
  return file;
}

function staffFile(n: number, rows: number): string {
  const file = path.join(dir, `staff-${n}-${rows}.csv`);
  const lines = ["Mã cán bộ,Họ và tên,Đơn vị,Vai trò"];
  for (let i = 1; i <= rows; i++) lines.push(`NV${String(i).padStart(5, "0")},Cán bộ số ${i} lần ${n},QLKH,Chuyên viên`);
  writeFileSync(file, lines.join("\n"));
  return file;
}

describe("SQLite: the CLI and big imports while the bot is busy", () => {
  let e2e: E2E;
  let users: TgUser[];
  beforeAll(async () => {
    e2e = await E2E.start({ clock: () => NOW, backgroundSender: true });
    users = await Promise.all(["KH01", "KH02", "QL01", "VP01"].map((c) => e2e.login(c)));
  });
  afterAll(async () => e2e?.stop());

  it("30 office commands during chat traffic: none fails, every update is answered", async () => {
    const load = chatLoad(e2e, users);
    const url = e2e.databaseUrl;
    // The commands that failed with "database is locked" in the report, and others that write.
    const kinds: ((n: number) => Promise<CliRun>)[] = [
      (n) => cliInProcess(url, NOW, ["alert", "--file", alertFile(n)]),
      (n) => cliInProcess(url, NOW, ["import", "staff", staffFile(n, 50)]),
      () => cliInProcess(url, NOW, ["tasks", "close", "III.5.1"]),
      () => cliInProcess(url, NOW, ["tasks", "reopen", "III.5.1"]),
      (n) => cliInProcess(url, NOW, ["settings", "set", "tasks.staleReportDays", String(10 + (n % 5))]),
      () => cliInProcess(url, NOW, ["invite", "QL02"]),
    ];
    const tasks = Array.from({ length: 27 }, (_, n) => () => kinds[n % kinds.length]!(n));
    // Three of them as the office runs them: separate processes on the same file.
    tasks.push(
      () => cliProcess(url, ["alert", "--file", alertFile(100)]),
      () => cliProcess(url, ["import", "staff", staffFile(100, 50)]),
      () => cliProcess(url, ["tasks", "close", "III.5.2"]),
    );
    const runs = await withConcurrency(4, tasks);
    const { sent, unanswered } = await load.stop();

    const failed = runs.filter((r) => r.code !== 0);
    expect(failed.map((r) => r.err)).toEqual([]);
    expect(runs).toHaveLength(30);
    expect(runs.map((r) => r.err).join("\n")).not.toMatch(/locked|prisma|invocation/i);
    expect(sent).toBeGreaterThan(0);
    expect(unanswered).toEqual([]);
    // Every alert file was recorded as a broadcast (the report once lost one).
    expect(await e2e.db.securityAlert.count()).toBe(6);
    expect(await e2e.db.task.findUniqueOrThrow({ where: { code: "III.5.2" } })).toMatchObject({ status: "closed" });
  });

  it("a 30,000-row staff import while staff use the bot: all rows written, every update answered", async () => {
    const load = chatLoad(e2e, users);
    const run = await cliInProcess(e2e.databaseUrl, NOW, ["import", "staff", staffFile(200, 30_000)]);
    const { sent, unanswered } = await load.stop();
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(await e2e.db.staff.count({ where: { code: { startsWith: "NV" } } })).toBe(30_000);
    expect(sent).toBeGreaterThan(0);
    expect(unanswered).toEqual([]);
  }, 240_000);
}, 300_000);
