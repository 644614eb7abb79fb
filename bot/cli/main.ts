// `npm run cli -- <command>`: the office's tool for the registry and imports.
import { describeDbError } from "../db/errors.js";
import { scrubSecrets } from "../logger.js";
import { runCli } from "./run.js";

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    // One line the office can act on, never Prisma's multi-line dump of the query.
    const line = describeDbError(e) ?? `Lỗi: ${String((e as Error)?.message ?? e).split("\n").find((l) => l.trim()) ?? ""}`;
    process.stderr.write(`${scrubSecrets(line)}\n`);
    process.exit(1);
  },
);
