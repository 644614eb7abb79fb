// Durability on SQLite: WAL with synchronous=NORMAL for the everyday writes, FULL (the WAL
// flushed at commit) for what a person is told is saved, such as a progress report.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { durably } from "../../bot/db/durable.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";

let tdb: TestDatabase;
const level = async () => Number((await tdb.prisma.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous"))[0]!.synchronous);

beforeEach(async () => {
  tdb = await createTestDatabase();
});
afterEach(async () => tdb.drop());

describe("durable commits (SQLite)", () => {
  it("runs everyday writes with synchronous=NORMAL and a durable section with FULL, then NORMAL again", async () => {
    expect(await level()).toBe(1);
    expect(await durably(tdb.prisma, level)).toBe(2);
    expect(await level()).toBe(1);
  });

  it("keeps FULL until the last of several durable sections side by side has finished", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = durably(tdb.prisma, async () => {
      await held;
      return level();
    });
    const second = await durably(tdb.prisma, level);
    expect(second).toBe(2);
    expect(await level()).toBe(2); // the first is still running
    release();
    expect(await first).toBe(2);
    expect(await level()).toBe(1);
  });

  it("sets NORMAL back when the section fails", async () => {
    await expect(durably(tdb.prisma, async () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(await level()).toBe(1);
  });
});
