// Typed reads of decoded parameters, lenient like Telegram (numbers may come as strings).
import { badRequest } from "./errors.js";
import type { Params } from "./types.js";

export function getString(p: Params, name: string): string | undefined {
  const value = p[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

export function getInt(p: Params, name: string, def: number, min = -Infinity, max = Infinity): number {
  const value = p[name];
  let n: number;
  if (typeof value === "number") n = Math.trunc(value);
  else if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) n = Number(value);
  else return def;
  if (!Number.isFinite(n)) return def;
  return Math.min(max, Math.max(min, n));
}

export function getOptionalInt(p: Params, name: string): number | undefined {
  const value = p[name];
  if (typeof value === "number" && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

export function getBool(p: Params, name: string): boolean {
  const value = p[name];
  return value === true || value === 1 || value === "true" || value === "1" || value === "True";
}

/**
 * A JSON-typed parameter: an object/array, or a string Telegram could not parse. Returns
 * undefined when absent or empty; throws `Bad Request: <parseError>` when unparsable.
 */
export function getJson(p: Params, name: string, parseError: string): unknown {
  const value = p[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string") {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw badRequest(parseError);
    }
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Length as Telegram counts message text limits: Unicode code points. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
