// Generates both Prisma clients (run by `npm install` through postinstall).
// PRISMA_QUERY_ENGINE_LIBRARY must name an existing file or the CLI tries to download
// the Rust query engine; with engineType "client" that file is never loaded.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDERS } from "./build-schemas.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
for (const provider of PROVIDERS) {
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate", "--config", path.join(root, "prisma", provider, "prisma.config.ts")],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        PRISMA_QUERY_ENGINE_LIBRARY: path.join(root, "package.json"),
        CHECKPOINT_DISABLE: "1",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    },
  );
}
console.log("Prisma clients generated (sqlite, postgres)");
