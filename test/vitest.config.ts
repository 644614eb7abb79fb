import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["test/**/*.test.ts"],
    // End-to-end tests start real bots, HTTP servers and databases; the machine has 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Marks the processes tests start and fails the run when one survives it.
    globalSetup: ["test/helpers/orphans.ts"],
  },
});
