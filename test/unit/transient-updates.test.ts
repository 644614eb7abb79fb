// An update whose handling failed on a transient database error is not recorded as handled:
// it is run again and the person gets one answer; if the database stays unavailable, one
// "busy" answer and no record, so a redelivery is handled. The real bot (createBot) on a
// real database, with one fault injected: the identity lookup fails as Prisma fails when the
// pool's wait runs out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/config.js";
import { createBot } from "../../bot/create-bot.js";
import type { Db } from "../../bot/db/client.js";
import { createI18n } from "../../bot/i18n.js";
import { calendarStore } from "../../bot/services/working-calendar.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { Prisma } from "../../prisma/generated/sqlite/client.js";
import { FakeTelegram } from "../fake-telegram/index.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { textOf } from "../helpers/e2e.js";
import { memoryLogger } from "../helpers/logger.js";

const NOW = new Date("2026-11-27T03:00:00Z");
const poolTimeout = () =>
  new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", { code: "P2028", clientVersion: "6.19.3" });

let tdb: TestDatabase;
let tg: FakeTelegram;
beforeAll(async () => {
  tdb = await createTestDatabase();
  await loadDemoStaff(tdb.prisma);
  tg = await FakeTelegram.start();
});
afterAll(async () => {
  await tg.stop();
  await tdb.drop();
});

/** The bot, whose identity lookup fails with a pool timeout the first `failures` times. */
async function botFailing(failures: number) {
  let left = failures;
  // The identity lookup is one plain-SQL read (bot/services/accounts.ts): the read of ChatAccount.
  const isIdentityRead = (args: unknown) => /FROM "ChatAccount"/.test((args as Prisma.Sql).sql ?? "");
  const db = tdb.prisma.$extends({
    query: {
      async $queryRaw({ args, query }) {
        if (left > 0 && isIdentityRead(args)) {
          left--;
          throw poolTimeout();
        }
        return query(args);
      },
    },
  }) as unknown as Db;
  const config = loadConfig({ BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, DATABASE_URL: tdb.url });
  const { logger, lines } = memoryLogger();
  const deps = { db, config, logger, i18n: createI18n("vi"), clock: () => NOW, calendar: calendarStore(db, config.timezone), wakeSender: () => undefined };
  const { bot } = createBot(config, deps, { botInfo: tg.botInfo as never });
  return { bot, lines, left: () => left };
}

function update(updateId: number, user: { id: number; first_name: string }, text: string) {
  return { update_id: updateId, message: { message_id: updateId, date: Math.floor(NOW.getTime() / 1000), chat: { id: user.id, type: "private" as const, first_name: user.first_name }, from: { ...user, is_bot: false }, text } };
}

describe("transient database errors in an update", () => {
  it("are retried: the person gets one answer, the update is recorded once", async () => {
    const user = tg.user({ id: 880001 });
    const { bot, left } = await botFailing(2);
    await bot.handleUpdate(update(41, { id: user.id, first_name: "A" }, "/trogiup"));
    expect(left()).toBe(0);
    const answers = tg.sent(user.id).map(textOf);
    expect(answers).toHaveLength(1);
    expect(answers[0]).not.toContain("đã có lỗi");
    expect(await tdb.prisma.processedUpdate.findFirst({ where: { id: { endsWith: ":41" } } })).toMatchObject({ done: true });
  });

  it("when the database stays unavailable: one 'busy' answer, and the update is not recorded as handled", async () => {
    const user = tg.user({ id: 880002 });
    const { bot, lines } = await botFailing(100);
    await bot.handleUpdate(update(42, { id: user.id, first_name: "B" }, "/trogiup"));
    const answers = tg.sent(user.id).map(textOf);
    expect(answers).toEqual(["Hệ thống đang bận, yêu cầu của anh/chị chưa được ghi nhận. Anh/chị vui lòng gửi lại sau ít phút."]);
    expect(await tdb.prisma.processedUpdate.count({ where: { id: { endsWith: ":42" } } })).toBe(0);
    expect(lines.filter((l) => l.includes("transient database error"))).toHaveLength(3);

    // Delivered again once the database is back: handled normally.
    const again = await botFailing(0);
    await again.bot.handleUpdate(update(42, { id: user.id, first_name: "B" }, "/trogiup"));
    expect(tg.sent(user.id)).toHaveLength(2);
    expect(await tdb.prisma.processedUpdate.findFirst({ where: { id: { endsWith: ":42" } } })).toMatchObject({ done: true });
  });
});
