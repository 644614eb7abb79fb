// Documents checked as a person sees them: LibreOffice (headless) converts them, in a process
// group of its own (soffice forks) with a private profile, killed whole if it hangs.
import { existsSync } from "node:fs";
import path from "node:path";
import { killGroup, spawnChild } from "./children.js";

export const onPath = (cmd: string) => (process.env.PATH ?? "").split(path.delimiter).some((d) => d && existsSync(path.join(d, cmd)));

export function run(cmd: string, args: string[], cwd: string, limitMs: number): Promise<void> {
  const child = spawnChild(cmd, args, { cwd, env: process.env, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => void killGroup(child), limitMs);
  return new Promise((resolve, reject) =>
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(" ")}: ${signal ?? code}\n${err}`));
    }),
  );
}

/** Converts `files` (in `dir`) with one LibreOffice start; `format` as soffice takes it ("pdf", "csv:Text - txt - csv (StarCalc):44,34,76"). */
export async function convertWithLibreOffice(dir: string, files: string[], format: string, limitMs = 240_000): Promise<void> {
  const profile = `file://${path.join(dir, "lo-profile")}`;
  await run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", dir, ...files.map((n) => path.join(dir, n))], dir, limitMs);
}
