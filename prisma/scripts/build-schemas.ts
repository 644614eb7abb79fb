// Writes one Prisma schema per provider from prisma/models.prisma.
// `--check` exits non-zero when a committed schema is out of date (used by the tests).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PROVIDERS = ["sqlite", "postgres"] as const;
export type Provider = (typeof PROVIDERS)[number];

const prismaDir = fileURLToPath(new URL("..", import.meta.url));

function header(provider: Provider): string {
  const datasourceProvider = provider === "sqlite" ? "sqlite" : "postgresql";
  // Prisma 6.19 still wants a url; the driver adapter given at run time wins.
  const url = provider === "sqlite" ? "file:../../data/bot.db" : "postgresql://localhost:5432/unused";
  return `// GENERATED from prisma/models.prisma by \`npm run db:schemas\`. Do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../generated/${provider}"
  engineType   = "client"
  moduleFormat = "esm"
  runtime      = "nodejs"
}

datasource db {
  provider = "${datasourceProvider}"
  url      = "${url}"
}
`;
}

export function renderSchema(provider: Provider): string {
  const models = readFileSync(`${prismaDir}/models.prisma`, "utf8");
  return `${header(provider)}\n${models}`;
}

export function schemaPath(provider: Provider): string {
  return `${prismaDir}/${provider}/schema.prisma`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes("--check");
  let stale = false;
  for (const provider of PROVIDERS) {
    const want = renderSchema(provider);
    let have = "";
    try {
      have = readFileSync(schemaPath(provider), "utf8");
    } catch {
      /* missing: written below */
    }
    if (have === want) continue;
    if (check) {
      console.error(`prisma/${provider}/schema.prisma is out of date: run npm run db:schemas`);
      stale = true;
    } else {
      writeFileSync(schemaPath(provider), want);
      console.log(`wrote prisma/${provider}/schema.prisma`);
    }
  }
  if (stale) process.exit(1);
}
