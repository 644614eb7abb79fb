import { Writable } from "node:stream";
import { createLogger } from "../../bot/logger.js";

/** A logger that keeps its lines in memory (tests assert on them, e.g. that no token leaks). */
export function memoryLogger(level = "info") {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      cb();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}
