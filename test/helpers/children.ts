// Every process a test starts goes through here. `tsx` runs the script in a node child of its
// own, so killing the wrapper leaves that child running (it kept delivering an outbox after
// "the crash"): each child gets a process group of its own (detached) and is stopped by
// signalling the whole group. Each is marked in its environment with the suite's run id, so
// the suite's teardown (test/helpers/orphans.ts) can find any that survived.
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(new URL("../..", import.meta.url).pathname);
export const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

/** Set by the suite's global setup; inherited by every worker, then by every child. */
export const RUN_ENV = "SOKHCN_TEST_RUN";
/** Carried by the children tests start (and by their own children), never by vitest's workers. */
export const CHILD_ENV = "SOKHCN_TEST_CHILD_OF";

const live = new Set<ChildProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e; // the group is already gone
  }
}

// A worker that ends (a failed test, a timeout) takes the groups it started with it.
process.on("exit", () => {
  for (const child of live) signalGroup(child, "SIGKILL");
});

/** Starts `command` in a process group of its own, marked as a child of this test run. */
export function spawnChild(command: string, args: readonly string[], opts: SpawnOptions & { env: NodeJS.ProcessEnv }): ChildProcess {
  const run = process.env[RUN_ENV] ?? "standalone";
  const child = spawn(command, args, { ...opts, env: { ...opts.env, [CHILD_ENV]: run }, detached: true });
  live.add(child);
  child.on("exit", () => {
    // The leader is gone; whatever it left in its group goes with it.
    signalGroup(child, "SIGKILL");
    live.delete(child);
  });
  return child;
}

/** A TypeScript entry point through tsx, as `npm start` runs the bot. */
export function spawnTsx(script: string, opts: SpawnOptions & { env: NodeJS.ProcessEnv }): ChildProcess {
  return spawnChild(TSX, [script], opts);
}

/** Resolves with the exit code once the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** A crash: SIGKILL to the whole group (wrapper and script together); waits for the leader. */
export async function killGroup(child: ChildProcess): Promise<void> {
  const done = exited(child);
  signalGroup(child, "SIGKILL");
  await done;
}
