// A cancel is final, even for copies the sender has already claimed and holds through a 429
// pause: Telegram answers 429 until the alert is cancelled; once the pause is over, no copy
// of the alert may leave.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutboxSender } from "../../bot/delivery/sender.js";
import { type Transport, TransportError } from "../../bot/delivery/transport.js";
import { createI18n } from "../../bot/i18n.js";
import { broadcastAlert } from "../../bot/services/alerts/broadcast.js";
import { cancelAlert } from "../../bot/services/alerts/cancel.js";
import type { AlertDeps } from "../../bot/services/alerts/model.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { memoryLogger } from "../helpers/logger.js";

const TZ = "Asia/Ho_Chi_Minh";
const NOW = new Date("2026-11-27T03:00:00Z");
const CLI = { actor: "cli:test", staffId: null, role: null };

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase();
  await loadDemoStaff(tdb.prisma);
  for (const s of await tdb.prisma.staff.findMany()) {
    await tdb.prisma.chatAccount.create({ data: { platform: "telegram", externalId: String(5000 + s.id), chatId: String(5000 + s.id), staffId: s.id } });
  }
});
afterEach(async () => tdb.drop());

describe("cancel during a 429 pause", () => {
  it("copies claimed and held by the sender never leave after the cancel", async () => {
    const db = tdb.prisma;
    const deps: AlertDeps = { db, i18n: createI18n("vi"), timeZone: TZ, defaultLocale: "vi" };
    const sent = await broadcastAlert(deps, { severity: "khan", title: "Thư giả mạo", body: "Không bấm liên kết.", audience: { all: true }, requireRemediation: false, source: "cli" }, CLI, NOW);
    if (sent.status !== "sent") throw new Error(sent.status);
    expect(sent.queued).toBeGreaterThanOrEqual(5);

    let cancelled = false;
    let firstLimit!: () => void;
    const limited = new Promise<void>((r) => (firstLimit = r));
    const delivered: string[] = [];
    const transport: Transport = {
      async sendText(chatId, text) {
        if (!cancelled) {
          firstLimit();
          throw new TransportError("rate_limited", "429 Too Many Requests: retry after 1", 1);
        }
        delivered.push(`${chatId}: ${text}`);
        return delivered.length;
      },
      async sendDocument(chatId) {
        return this.sendText(chatId, "document");
      },
    };
    const sender = new OutboxSender(db, transport, memoryLogger().logger, {
      instanceId: "test",
      timeZone: TZ,
      clock: () => NOW,
      concurrency: 8,
      limits: { perSecond: 1000, perChatIntervalMs: 0, groupPerMinute: 1000 },
    });
    const draining = sender.drain();
    await limited;
    // The others are claimed (or being claimed) and wait for the pause to end.
    const res = await cancelAlert(deps, sent.alertId, CLI, NOW);
    cancelled = true;
    expect(res.status).toBe("cancelled");
    await draining;

    expect(delivered.filter((d) => d.includes("Thư giả mạo"))).toEqual([]);
    const copies = await db.outboxMessage.findMany({ where: { refType: "alert", refId: sent.alertId } });
    expect(copies.filter((c) => c.status === "sent")).toEqual([]);
    expect(new Set(copies.map((c) => c.status))).toEqual(new Set(["cancelled"]));
  });
});
