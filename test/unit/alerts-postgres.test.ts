// Races that only a server database shows: simultaneous presses of one "Đã đọc" button and
// the same feed alert sent twice at once, on PostgreSQL (skipped when no server answers).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../bot/i18n.js";
import { acknowledgeAlert } from "../../bot/services/alerts/ack.js";
import { broadcastAlert } from "../../bot/services/alerts/broadcast.js";
import type { AlertDraft } from "../../bot/services/alerts/model.js";
import { syncTipLibrary } from "../../bot/services/tips/library.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { createTestDatabase, pgAvailable, type TestDatabase } from "../helpers/db.js";

const hasPg = await pgAvailable();
const NOW = new Date("2026-11-27T02:00:00Z");
let tdb: TestDatabase;

beforeAll(async () => {
  if (!hasPg) return;
  tdb = await createTestDatabase({ provider: "postgres" });
  await loadDemoStaff(tdb.prisma);
  for (const s of await tdb.prisma.staff.findMany()) {
    await tdb.prisma.chatAccount.create({ data: { platform: "telegram", externalId: String(s.id), chatId: String(s.id), staffId: s.id } });
  }
});
afterAll(async () => tdb?.drop());

const draft: AlertDraft = {
  severity: "cao",
  title: "Cập nhật trình duyệt",
  body: "Cập nhật trình duyệt lên bản mới nhất trước 17:00 hôm nay.",
  audience: { all: true },
  requireRemediation: false,
  externalRef: "SOTTTT-2026-77",
  source: "feed",
};

describe.runIf(hasPg)("alerts on PostgreSQL", () => {
  it("sends a feed alert once when it arrives twice at the same moment", async () => {
    const deps = { db: tdb.prisma, i18n: createI18n("vi"), timeZone: "Asia/Ho_Chi_Minh", defaultLocale: "vi" as const };
    const actor = { actor: "cli:feed", staffId: null, role: null };
    const results = await Promise.all([broadcastAlert(deps, draft, actor, NOW), broadcastAlert(deps, draft, actor, NOW)]);
    expect(results.map((r) => r.status).sort()).toEqual(["duplicate", "sent"]);
    expect(await tdb.prisma.securityAlert.count()).toBe(1);
    expect(await tdb.prisma.outboxMessage.count({ where: { kind: "alert" } })).toBe(10);
  });

  it("records one acknowledgement for simultaneous presses", async () => {
    const r = await tdb.prisma.alertRecipient.findFirstOrThrow();
    const results = await Promise.all(Array.from({ length: 8 }, () => acknowledgeAlert(tdb.prisma, r.id, r.staffId, "t", NOW)));
    expect(results.filter((x) => x.status === "acknowledged")).toHaveLength(1);
    expect(results.filter((x) => x.status === "already")).toHaveLength(7);
  });

  it("loads the tip library once when two instances start together", async () => {
    await Promise.all([syncTipLibrary(tdb.prisma), syncTipLibrary(tdb.prisma)]);
    expect(await tdb.prisma.tip.count()).toBeGreaterThanOrEqual(60);
  });
});
