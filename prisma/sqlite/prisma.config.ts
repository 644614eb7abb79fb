// Prisma CLI configuration for the SQLite schema. The CLI runs its schema engine as
// WebAssembly through the driver adapter ("js" engine), so nothing is downloaded.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";

const here = path.dirname(fileURLToPath(import.meta.url));

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(here, "schema.prisma"),
  async adapter() {
    const url = process.env.PRISMA_CLI_SQLITE_URL ?? `file:${path.join(here, "../../data/prisma-cli.db")}`;
    return new PrismaBetterSQLite3({ url });
  },
} satisfies PrismaConfig;
