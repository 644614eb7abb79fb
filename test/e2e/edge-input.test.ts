// Input at the edges, end to end: chat texts with characters nobody types, emoji notes
// counted and cut as people count them, HTTP bodies that are malformed or too large, and
// report notes and files on a task several units share. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../bot/services/api-tokens.js";
import { testProviders } from "../helpers/db.js";
import { E2E, textOf } from "../helpers/e2e.js";
import type { TgUser } from "../fake-telegram/types.js";

const providers = await testProviders();
const NOW = new Date("2026-11-27T03:00:00Z"); // Friday 10:00 in Hà Nội
const FAMILY = "👨‍👩‍👧‍👦";
const isWellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe.each(providers)("edge input on %s", (provider) => {
  let e2e: E2E;
  let kh01: TgUser; // head of KHTC
  let kh02: TgUser; // KHTC
  let ql01: TgUser; // head of QLKH
  let vp01: TgUser; // the office
  let token: string;
  let shared: { id: number; code: string };
  const base = () => `http://127.0.0.1:${e2e.app.http!.port}`;

  beforeAll(async () => {
    e2e = await E2E.start({ provider, mode: "webhook", clock: () => NOW });
    [kh01, kh02, ql01, vp01] = (await Promise.all(["KH01", "KH02", "QL01", "VP01"].map((c) => e2e.login(c)))) as [TgUser, TgUser, TgUser, TgUser];
    const created = await createApiToken(e2e.db, "mot-cua", { actor: "test", now: NOW });
    if (!created.ok) throw new Error(created.reason);
    token = created.token;
    const [khtc, qlkh] = await Promise.all(["KHTC", "QLKH"].map((code) => e2e.db.unit.findUniqueOrThrow({ where: { code } })));
    shared = await e2e.db.task.findFirstOrThrow({
      where: { status: "open", AND: [{ units: { some: { unitId: khtc!.id, role: "lead" } } }, { units: { some: { unitId: qlkh!.id, role: "lead" } } }] },
      orderBy: { id: "asc" },
    });
  });
  afterAll(async () => e2e?.stop());

  it("a chat message with NUL, half an emoji, a control or a bidi override is refused and changes nothing", async () => {
    const [picker] = await e2e.say(kh02, "/baocao");
    expect(picker).toBeDefined();
    for (const bad of ["/baocao III.1 50 ghi\u0000chú", "Ghi chú \uD83D", "Ghi chú \u0007", "Ghi chú \u202Eabc"]) {
      const [reply] = await e2e.say(kh02, bad);
      expect(textOf(reply)).toMatch(/^Tin nhắn chứa .*chưa ghi nhận gì/);
    }
    expect(await e2e.db.progressReport.count()).toBe(0);
    await e2e.say(kh02, "/huy");
  });

  it("counts characters as people do, keeps emoji joined, and never sends half an emoji", async () => {
    const note = `${FAMILY} ${"😀".repeat(499)}`; // 501 characters, 1,011 UTF-16 units
    const [done] = await e2e.say(kh02, `/baocao ${shared.code} 40 ${note}`);
    expect(textOf(done)).not.toContain("lỗi");
    const report = await e2e.db.progressReport.findFirstOrThrow({ where: { taskId: shared.id }, orderBy: { id: "desc" } });
    expect(report.note).toBe(note); // the zero-width joiners are kept
    await e2e.deliver();
    const told = e2e.messagesTo(kh01).map(textOf).find((t) => t.includes(FAMILY))!;
    expect(isWellFormed(told)).toBe(true);
    expect(told).toContain(note); // 501 characters: under the 600 shown, so not cut at all

    const [tooLong] = await e2e.say(kh02, `/baocao ${shared.code} 40 ${"😀".repeat(1001)}`);
    expect(textOf(tooLong)).toContain("1.001");
  });

  it("shows another unit's reports on a shared task as percentages only, and refuses a forged file press", async () => {
    await e2e.sendDocument(kh02, { fileName: "bien-ban-khtc.pdf", content: Buffer.from("%PDF-1.4 KHTC") }, `/baocao ${shared.code} 60 Ghi chú nội bộ KHTC`);
    const report = await e2e.db.progressReport.findFirstOrThrow({ where: { taskId: shared.id, fileId: { not: null } }, orderBy: { id: "desc" } });
    const [list] = await e2e.say(ql01, "/nhiemvu");
    const { messages } = await e2e.press(ql01, list!, `nhiemvu:t:${shared.id}`, { forge: true });
    const detail = messages.at(-1)!;
    expect(textOf(detail)).toContain("60%");
    expect(textOf(detail)).not.toContain("Ghi chú nội bộ KHTC");
    expect(textOf(detail)).not.toContain("bien-ban-khtc.pdf");
    const forged = await e2e.press(ql01, detail, `nhiemvu:f:${report.id}`, { forge: true });
    expect(forged.answer?.text).toContain("không thuộc phạm vi");
    expect(e2e.tg.callsTo("sendDocument").filter((c) => String(c.params.chat_id) === String(ql01.id))).toHaveLength(0);
    expect(await e2e.db.auditLog.count({ where: { action: "task.attachment", outcome: "denied" } })).toBe(1);
    // The unit itself and the office see it in full.
    for (const who of [kh01, vp01]) {
      const [own] = await e2e.say(who, "/nhiemvu");
      const seen = (await e2e.press(who, own!, `nhiemvu:t:${shared.id}`, { forge: true })).messages.at(-1)!;
      expect(textOf(seen)).toContain("Ghi chú nội bộ KHTC");
      expect((await e2e.press(who, seen, `nhiemvu:f:${report.id}`)).answer?.text ?? "").not.toContain("không thuộc phạm vi");
    }
  });

  it("POST /api/dossiers: a lone surrogate or NUL is a 400 naming the record; nothing is written", async () => {
    const record = (applicant: string, code: string) => ({ "Mã hồ sơ": code, "Tên thủ tục": "Cấp phép", "Người nộp": applicant, "Ngày tiếp nhận": "20/11/2026", "Ngày hẹn trả": "04/12/2026", "Cán bộ xử lý": "KH02", "Trạng thái": "Đang xử lý" });
    const body = JSON.stringify([record("Công ty A", "HS-1"), record("Công ty \uD800B", "HS-2"), record("Ông\u0000 C", "HS-3")]);
    const res = await fetch(`${base()}/api/dossiers`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { problems: { record: number; field: string; message: string }[] };
    expect(json.problems.map((p) => [p.record, p.field])).toEqual([
      [2, "Người nộp"],
      [3, "Người nộp"],
    ]);
    expect(json.problems[1]!.message).toContain("NUL");
    expect(await e2e.db.dossier.count()).toBe(0);
  });

  it("bodies: malformed JSON is a 400 and an oversized body a 413, on the webhook and the ingest, never 500", async () => {
    const hook = (body: string | Buffer, headers: Record<string, string> = {}) =>
      fetch(`${base()}/telegram`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "e2e_secret-123", ...headers }, body });
    expect((await hook("{not json")).status).toBe(400);
    expect((await hook(Buffer.alloc(2 * 1024 * 1024, 0x20))).status).toBe(413);
    // Without the secret, the body is not even read.
    expect((await hook(Buffer.alloc(2 * 1024 * 1024, 0x20), { "x-telegram-bot-api-secret-token": "wrong" })).status).toBe(401);
    const ingest = (body: string | Buffer) =>
      fetch(`${base()}/api/dossiers`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
    expect((await ingest("[{")).status).toBe(400);
    expect((await ingest(Buffer.alloc(11 * 1024 * 1024, 0x20))).status).toBe(413);
    // The bot still answers.
    const [help] = await e2e.say(kh01, "/trogiup");
    expect(textOf(help)).toContain("Các lệnh");
  });
});
