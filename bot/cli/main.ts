// `npm run cli -- <command>`: the office's tool for the registry and imports.
import { scrubSecrets } from "../logger.js";
import { runCli } from "./run.js";

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`Lỗi: ${scrubSecrets((e as Error)?.message ?? String(e))}\n`);
    process.exit(1);
  },
);
