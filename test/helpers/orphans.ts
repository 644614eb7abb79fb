// The suite's global setup: gives this run an id that every process a test starts carries in
// its environment (test/helpers/children.ts), and after the last test fails the run when any
// of them is still alive, naming it, and kills it. A teardown rather than a step in .ci/run:
// `npm test` on a developer's machine checks it too, and the run id tells this run's children
// from anything else on a shared machine (another worktree's suite, a bot someone started).
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { CHILD_ENV, RUN_ENV } from "./children.js";

function survivors(marker: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, "latin1");
      if (!`\0${environ}`.includes(`\0${marker}\0`)) continue;
      const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, "latin1"))?.[1];
      if (state === "Z") continue; // already dead, waiting for its parent to reap it
      found.push({ pid, command: readFileSync(`/proc/${pid}/cmdline`, "latin1").split("\0").join(" ").trim() });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

export default function setup(): () => Promise<void> {
  const run = `${process.pid}-${randomBytes(4).toString("hex")}`;
  process.env[RUN_ENV] = run;
  return async () => {
    let proc = true;
    try {
      readdirSync("/proc");
    } catch {
      proc = false;
    }
    if (!proc) return; // no /proc (not Linux): nothing to look at
    const marker = `${CHILD_ENV}=${run}`;
    // A child killed by the last test may take a moment to be gone: look again a few times
    // (a grace period, not a measurement; a survivor stays a survivor however long we wait).
    let left = survivors(marker);
    for (let i = 0; i < 50 && left.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = survivors(marker);
    }
    if (!left.length) return;
    for (const p of left) {
      try {
        process.kill(p.pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    // vitest reports an error thrown here ("error during close") but still exits 0: say it.
    process.exitCode = 1;
    throw new Error(`${left.length} process(es) started by the tests survived the suite (now killed):\n${left.map((p) => `  ${p.pid} ${p.command}`).join("\n")}`);
  };
}
