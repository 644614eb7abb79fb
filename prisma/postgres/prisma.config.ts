// Prisma CLI configuration for the PostgreSQL schema ("js" engine: nothing is downloaded).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";

const here = path.dirname(fileURLToPath(import.meta.url));

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(here, "schema.prisma"),
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://127.0.0.1:5432/test" });
  },
} satisfies PrismaConfig;
