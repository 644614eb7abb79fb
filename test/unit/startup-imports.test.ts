// What the bot loads at start. The libraries that write files and draw charts (exceljs, docx,
// ECharts, resvg, qrcode) and Slack's Bolt held ~100 MB of a running bot's memory for features
// most updates never touch; they are loaded on first use (`await import(...)`) instead. This
// walks the static imports from the entry point, so a new top-level import of one of them
// fails here rather than in a memory benchmark.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const HEAVY = /^(exceljs|docx|echarts|@resvg\/|qrcode|@slack\/bolt)/;

/** Value imports (not `import type`, not dynamic `import()`) of one file: [relative files, packages]. */
function staticImports(file: string): { files: string[]; packages: string[] } {
  const source = readFileSync(file, "utf8");
  const files: string[] = [];
  const packages: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) {
    const spec = m[1]!;
    if (spec.startsWith(".")) {
      const resolved = path.resolve(path.dirname(file), spec.replace(/\.js$/, ".ts"));
      if (existsSync(resolved)) files.push(resolved);
    } else packages.push(spec);
  }
  return { files, packages };
}

function loadedAtStart(entry: string): Map<string, string[]> {
  const byPackage = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const { files, packages } = staticImports(file);
    queue.push(...files);
    for (const p of packages) byPackage.set(p, [...(byPackage.get(p) ?? []), path.relative(root, file)]);
  }
  return byPackage;
}

describe("start-up imports", () => {
  it("the bot's entry point reaches grammY, Prisma and i18next statically (the walker sees imports)", () => {
    const packages = [...loadedAtStart(path.join(root, "bot/main.ts")).keys()];
    expect(packages).toEqual(expect.arrayContaining(["grammy", "i18next"]));
  });

  it("no file or chart library, and no Bolt, is loaded before it is used", () => {
    const heavy = [...loadedAtStart(path.join(root, "bot/main.ts"))].filter(([p]) => HEAVY.test(p)).map(([p, by]) => `${p} ← ${by.join(", ")}`);
    expect(heavy).toEqual([]);
  });
});
