// Big dossier imports while the bot is in use (issue 12): the import is staged in short batches
// and made visible at once, so chat replies do not wait for the whole import, nobody ever sees
// half an import, and an import killed half-way leaves nothing visible and is cleaned up by the
// next one. No timing is asserted: the proofs are the order of events (a reply that arrived
// while the import's staged rows were still there) and what the database holds.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../bot/services/api-tokens.js";
import { cliInProcess } from "../helpers/contention.js";
import { killGroup, ROOT, spawnChild, TSX } from "../helpers/children.js";
import { TEST_CLOCK_AT } from "../helpers/clock.js";
import { dossier, writeCsv } from "../helpers/dossiers.js";
import { E2E } from "../helpers/e2e.js";
import type { TgUser } from "../fake-telegram/types.js";

const POSTED = 20_000; // the most one push may hold
const FILE_ROWS = 30_000;

async function until(what: string, cond: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs; // a hang guard, not a speed check
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("SQLite: big dossier imports while staff use the bot", () => {
  let e2e: E2E;
  let users: TgUser[];
  beforeAll(async () => {
    e2e = await E2E.start({ env: { PORT: "0", HOST: "127.0.0.1" } });
    users = await Promise.all(["KH01", "QL01"].map((c) => e2e.login(c)));
  });
  afterAll(async () => e2e?.stop());

  const staged = () => e2e.db.dossierImportRow.count();
  const visible = (prefix: string) => e2e.db.dossier.count({ where: { code: { startsWith: prefix } } });

  it(`a ${POSTED.toLocaleString("en")}-dossier POST /api/dossiers: chat replies come while it runs; the dossiers appear all at once`, async () => {
    const created = await createApiToken(e2e.db, "mot-cua", { actor: "test", now: e2e.now() });
    if (!created.ok) throw new Error(created.reason);
    const body = Array.from({ length: POSTED }, (_, i) => ({
      code: `API-${i}`,
      procedureName: "Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
      applicant: `Công ty số ${i}`,
      receivedAt: "16/11/2026 08:30",
      dueAt: "30/11/2026",
      handler: "KH02",
      status: "Đang xử lý",
    }));
    let finished = false;
    // Staff keep using the bot from before the push until after it is answered. A reply counts
    // as "during the import" when the import's staged rows were still there after it arrived
    // (they are deleted before the POST is answered).
    let answeredDuring = 0;
    const seen = new Set<number>();
    const loops = users.map(async (user) => {
      while (!finished) {
        const replies = await e2e.say(user, "/trogiup");
        expect(replies.length).toBeGreaterThan(0);
        const stillStaged = await staged();
        seen.add(await visible("API-"));
        if (stillStaged > 0 && !finished) answeredDuring++;
      }
    });
    const post = fetch(`http://127.0.0.1:${e2e.app.http!.port}/api/dossiers`, {
      method: "POST",
      headers: { authorization: `Bearer ${created.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then(async (res) => {
      finished = true;
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    });
    await Promise.all(loops);
    const res = await post;
    expect(res).toMatchObject({ status: 200, json: { ok: true, created: POSTED } });
    expect(answeredDuring).toBeGreaterThan(0);
    // Nobody ever saw half of it: none, or all.
    for (const n of seen) expect([0, POSTED]).toContain(n);
    expect(await visible("API-")).toBe(POSTED);
    expect(await e2e.db.dossierStatusChange.count({ where: { dossier: { code: { startsWith: "API-" } } } })).toBe(POSTED);
    expect(await staged()).toBe(0);
    expect(await e2e.db.dossierImportRun.count()).toBe(0);
  }, 300_000);

  it(`a CLI import of ${FILE_ROWS.toLocaleString("en")} dossiers killed half-way leaves nothing visible; the next import removes what it left`, async () => {
    const file = writeCsv(Array.from({ length: FILE_ROWS }, (_, i) => dossier(`KILL-${i}`, { "Người nộp": `Hộ kinh doanh số ${i}` })));
    const child = spawnChild(TSX, [path.join(ROOT, "bot", "cli", "main.ts"), "import", "dossiers", file], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: e2e.databaseUrl, LOG_LEVEL: "silent", CLOCK_AT: TEST_CLOCK_AT },
      stdio: "ignore",
    });
    await until("the CLI to stage its first rows", async () => (await staged()) > 0);
    await killGroup(child);
    expect(child.signalCode).toBe("SIGKILL");
    expect(await visible("KILL-")).toBe(0);
    expect(await staged()).toBeGreaterThan(0); // what the dead process left, invisible

    // A dry run writes nothing, and removes the dead run.
    const small = writeCsv([dossier("KILL-0"), dossier("KILL-1")]);
    const dry = await cliInProcess(e2e.databaseUrl, e2e.now(), ["import", "dossiers", small, "--dry-run"]);
    expect(dry).toMatchObject({ code: 0, err: "" });
    expect(await visible("KILL-")).toBe(0);
    expect(await staged()).toBe(0);
    expect(await e2e.db.dossierImportRun.count()).toBe(0);

    const run = await cliInProcess(e2e.databaseUrl, e2e.now(), ["import", "dossiers", small]);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(await visible("KILL-")).toBe(2);
    expect(await staged()).toBe(0);
  }, 300_000);
}, 600_000);
