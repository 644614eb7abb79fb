// `npm run bench` (second part; alone: `npm run bench:imports`): dossier imports while the bot
// is in use (issue 12), on SQLite, with the bot running in this process against the fake Bot API.
// 1. Reply latency of /trogiup round trips (2 staff, one command after the other) while the
//    one-stop system pushes 10,000 dossiers to POST /api/dossiers, vs the same with no import.
// 2. The office re-imports the export of 100,000 dossiers with the CLI as its own process while
//    the bot runs: first import, then the same file again; whether it succeeded, how long it
//    took, and the /trogiup latency meanwhile.
// Figures are printed as a table (BENCH_JSON=path for JSON). Never part of `npm test`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { createApiToken } from "../../bot/services/api-tokens.js";
import { cliProcess } from "../helpers/contention.js";
import { E2E } from "../helpers/e2e.js";
import type { TgUser } from "../fake-telegram/types.js";
import { dossierExportCsv } from "./department.js";

const POSTED = Number(process.env.BENCH_POSTED ?? 10_000);
const REIMPORT = Number(process.env.BENCH_REIMPORT ?? 100_000);
const rows: { what: string; value: string }[] = [];
const json: Record<string, unknown> = { cpus: cpus().length, loadBefore: loadavg()[0] };

const q = (xs: number[], p: number) => ([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN).toFixed(0);
const latencyText = (xs: number[]) => `median ${q(xs, 0.5)} ms, p95 ${q(xs, 0.95)} ms, max ${q(xs, 1)} ms (${xs.length} replies)`;

function row(what: string, value: string) {
  rows.push({ what, value });
  console.error(`  ${what}: ${value}`);
}

/** /trogiup round trips, each user one after the other, until `busy` settles (or `count` each). */
async function roundTrips(e2e: E2E, users: TgUser[], until: { busy?: Promise<unknown>; count?: number }): Promise<number[]> {
  const out: number[] = [];
  let settled = false;
  void until.busy?.finally(() => (settled = true));
  await Promise.all(
    users.map(async (user) => {
      for (let i = 0; until.busy ? !settled : i < until.count!; i++) {
        const t = performance.now();
        const replies = await e2e.say(user, "/trogiup");
        if (replies.length === 0) throw new Error("a /trogiup went unanswered");
        out.push(performance.now() - t);
      }
    }),
  );
  return out;
}

const dir = mkdtempSync(path.join(tmpdir(), "sokhcn-bench-imports-"));
const e2e = await E2E.start({ env: { PORT: "0", HOST: "127.0.0.1" } });
try {
  const users = await Promise.all(["KH01", "QL01"].map((c) => e2e.login(c)));
  const now = e2e.now();
  const quiet = await roundTrips(e2e, users, { count: 20 });
  row("/trogiup, no import", latencyText(quiet));

  // 1. A 10,000-dossier push.
  const token = await createApiToken(e2e.db, "bench", { actor: "bench", now });
  if (!token.ok) throw new Error(token.reason);
  const body = JSON.stringify(
    Array.from({ length: POSTED }, (_, i) => ({
      code: `PUSH-${i}`,
      procedureName: "Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
      applicant: `Công ty số ${i}`,
      receivedAt: "16/11/2026 08:30",
      dueAt: "30/11/2026",
      handler: i % 2 ? "KH02" : "QL02",
      status: "Đang xử lý",
    })),
  );
  let t = performance.now();
  const push = fetch(`http://127.0.0.1:${e2e.app.http!.port}/api/dossiers`, { method: "POST", headers: { authorization: `Bearer ${token.token}` }, body }).then(async (r) => ({
    status: r.status,
    seconds: (performance.now() - t) / 1000,
    json: (await r.json()) as Record<string, unknown>,
  }));
  const duringPush = await roundTrips(e2e, users, { busy: push });
  const pushed = await push;
  json.push = { ...pushed, latencies: { quiet: [q(quiet, 0.5), q(quiet, 0.95)], during: [q(duringPush, 0.5), q(duringPush, 0.95), q(duringPush, 1)] } };
  row(`POST /api/dossiers of ${POSTED.toLocaleString("en")} dossiers`, `${pushed.status}, ${pushed.seconds.toFixed(1)} s, ${pushed.json.created} created`);
  row(`/trogiup during that POST`, latencyText(duringPush));

  // 2. The office's CLI, a separate process on the same file, while the bot runs.
  const file = path.join(dir, "export.csv");
  writeFileSync(file, dossierExportCsv(REIMPORT, ["KH02", "QL02", "CS02"], { now }));
  for (const pass of ["first import", "re-import"] as const) {
    t = performance.now();
    const cli = cliProcess(e2e.databaseUrl, ["import", "dossiers", file]).then((r) => ({ ...r, seconds: (performance.now() - t) / 1000 }));
    const during = await roundTrips(e2e, users, { busy: cli });
    const run = await cli;
    const ok = run.code === 0;
    json[pass] = { code: run.code, seconds: run.seconds, out: run.out.trim(), err: run.err.trim().slice(0, 500), during: [q(during, 0.5), q(during, 0.95), q(during, 1)] };
    row(`CLI ${pass} of ${REIMPORT.toLocaleString("en")} dossiers, bot running`, ok ? `ok in ${run.seconds.toFixed(1)} s: ${run.out.trim().split("\n")[0]}` : `FAILED (${run.code}): ${run.err.trim().split("\n")[0]}`);
    row(`/trogiup during the CLI ${pass}`, latencyText(during));
  }
  json.dossiers = await e2e.db.dossier.count();
} finally {
  await e2e.stop();
  rmSync(dir, { recursive: true, force: true });
}

json.loadAfter = loadavg()[0];
console.log(`\nDossier imports with the bot running (SQLite; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)})\n`);
console.log("| what | measured |");
console.log("|---|---|");
for (const r of rows) console.log(`| ${r.what} | ${r.value} |`);
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON.replace(/(\.json)?$/, "-imports.json"), JSON.stringify({ ...json, rows }, null, 2));
process.exit(0);
