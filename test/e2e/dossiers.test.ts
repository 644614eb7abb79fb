// Issue 5 end to end: the real service against the fake Bot API, dossiers imported with the
// office's CLI, /hoso per role, a week of reminders with Quốc khánh 2025 in it (the job run
// slot by slot with a fixed clock, the sender delivering between runs), escalation, "Đã xử lý"
// stopping the reminders, and the apology slip arriving as a document that opens.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import { dossierNudgesJob } from "../../bot/jobs/dossier-nudges.js";
import { runSlot, slotKey } from "../../bot/jobs/scheduler.js";
import { createApiToken } from "../../bot/services/api-tokens.js";
import type { TgMessage, TgUser } from "../fake-telegram/types.js";
import { dossier, writeCsv } from "../helpers/dossiers.js";
import { buttons, E2E, textOf } from "../helpers/e2e.js";
import { vn } from "../helpers/jobs.js";

let e2e: E2E;
let now = vn("2025-08-29", "16:00");
const users: Record<string, TgUser> = {};

async function importDossiers(file: string) {
  const out: string[] = [];
  const code = await runCli(["import", "dossiers", file], { env: { DATABASE_URL: e2e.databaseUrl }, out: (l) => out.push(l), err: (l) => out.push(l), now: () => now });
  if (code !== 0) throw new Error(out.join("\n"));
}

/** The scheduler's slot for the nudge job at `at`, run as the scheduler would, then delivery. */
async function tick(at: Date) {
  now = at;
  const deps = e2e.app.app.deps;
  const schedule = dossierNudgesJob.schedule(deps.config);
  await runSlot(dossierNudgesJob, slotKey(schedule, at, deps.config.timezone), at, deps, "e2e");
  await e2e.deliver();
}

const sentTo = (code: string) => e2e.messagesTo(users[code]!);
const containing = (code: string, text: string) => sentTo(code).filter((m) => textOf(m).includes(text));
/** Reminders and escalations (not /hoso answers) about a dossier. */
const reminders = (code: string, dossierCode: string) => sentTo(code).filter((m) => /^(⏰|🔴|⚠️)/u.test(textOf(m)) && textOf(m).includes(dossierCode));

beforeAll(async () => {
  e2e = await E2E.start({ clock: () => now });
  for (const code of ["KH01", "KH02", "QL01", "QL02", "CS02", "VP01", "GD01"]) users[code] = await e2e.login(code);
  await importDossiers(
    writeCsv([
      dossier("HS-TRE", { "Cán bộ xử lý": "Phạm Thu Hà", "Người nộp": "Công ty CP Cơ khí Dung Quất", "Ngày tiếp nhận": "15/08/2025 09:00", "Ngày hẹn trả": "29/08/2025" }),
      dossier("HS-HAN", { "Cán bộ xử lý": "QL02", "Người nộp": "Ông Nguyễn Văn Tâm", "Ngày tiếp nhận": "20/08/2025", "Ngày hẹn trả": "04/09/2025" }),
      dossier("HS-XA", { "Cán bộ xử lý": "KH02", "Ngày tiếp nhận": "28/08/2025", "Ngày hẹn trả": "25/09/2025" }),
      dossier("HS-CHO", { "Cán bộ xử lý": "KH02", "Ngày tiếp nhận": "20/08/2025", "Ngày hẹn trả": "05/09/2025", "Trạng thái": "Yêu cầu bổ sung" }),
    ]),
  );
});
afterAll(async () => e2e?.stop());

describe("/hoso per role", () => {
  it("a staff member sees their own open dossiers, by due date, with where each stands and the data's age", async () => {
    now = vn("2025-09-03", "10:00");
    const [reply] = await e2e.say(users.KH02!, "/hoso");
    const text = textOf(reply);
    expect(text).toContain("Hồ sơ anh/chị xử lý.");
    expect(text).toContain("Dữ liệu từ hệ thống một cửa, cập nhật lúc 29/08/2025 16:00.");
    // Three office hours since the import (Quốc khánh in between): not flagged as out of date.
    expect(text).not.toContain("chưa được cập nhật");
    const order = ["HS-TRE", "HS-XA", "HS-CHO"].map((c) => text.indexOf(c));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toMatch(/HS-TRE[^\n]*\n\s+quá hạn 1 ngày làm việc · hẹn trả 29\/08\/2025/);
    expect(text).toMatch(/HS-XA[^\n]*\n\s+còn 16 ngày làm việc · hẹn trả 25\/09\/2025/);
    expect(text).toContain("chờ bổ sung từ 29/08/2025, tạm dừng tính hạn");
    expect(text).not.toContain("HS-HAN");
  });

  it("a head sees the unit's with the handlers, the office and lãnh đạo Sở see all, another unit sees none", async () => {
    const [head] = await e2e.say(users.KH01!, "/hoso");
    expect(textOf(head)).toContain("Hồ sơ của Phòng Kế hoạch - Tài chính và hồ sơ anh/chị xử lý.");
    expect(textOf(head)).toContain("Phạm Thu Hà");
    expect(textOf(head)).not.toContain("HS-HAN");
    for (const code of ["VP01", "GD01"]) {
      const [all] = await e2e.say(users[code]!, "/hoso");
      expect(textOf(all)).toContain("Toàn Sở.");
      for (const c of ["HS-TRE", "HS-HAN", "HS-XA", "HS-CHO"]) expect(textOf(all)).toContain(c);
    }
    const [none] = await e2e.say(users.CS02!, "/hoso");
    expect(textOf(none)).toContain("Không có hồ sơ nào đang giải quyết.");
  });

  it("filters overdue and due-soon dossiers, and opens one in detail from the list", async () => {
    const [overdue] = await e2e.say(users.GD01!, "/hoso quá hạn");
    expect(textOf(overdue)).toContain("Hồ sơ quá hạn");
    expect(textOf(overdue)).toContain("HS-TRE");
    expect(textOf(overdue)).not.toContain("HS-HAN");
    const [soon] = await e2e.say(users.GD01!, "/hoso sapden");
    expect(textOf(soon)).toContain("HS-HAN");
    expect(textOf(soon)).not.toContain("HS-TRE");
    const { messages } = await e2e.pressLabel(users.GD01!, soon!, "HS-HAN");
    const detail = textOf(messages.at(-1));
    expect(detail).toContain("Hồ sơ HS-HAN");
    expect(detail).toContain("Người nộp: Ông Nguyễn Văn Tâm");
    expect(detail).toContain("Tình hình: còn 1 ngày làm việc");
    expect(detail).toContain("Cập nhật từ hệ thống một cửa lúc 29/08/2025 16:00.");
    expect(buttons(messages.at(-1)!).map((b) => b.text)).not.toContain("✅ Đã xử lý"); // lãnh đạo Sở only view
  });

  it("refuses another unit's dossier, forged buttons and group chats", async () => {
    const han = await e2e.db.dossier.findUniqueOrThrow({ where: { code: "HS-HAN" } });
    const [notFound] = await e2e.say(users.KH02!, "/hoso HS-HAN");
    expect(textOf(notFound)).toContain("Không tìm thấy hồ sơ “HS-HAN”");
    const [list] = await e2e.say(users.KH02!, "/hoso");
    for (const data of [`hoso:view:${han.id}:all:1`, `hoso:done:${han.id}`, `hoso:ret:${han.id}:20250903`, `xinloi:make:${han.id}`]) {
      const { answer } = await e2e.press(users.KH02!, list!, data, { forge: true });
      expect(answer?.text).toContain("Không tìm thấy hồ sơ này");
    }
    const { answer } = await e2e.press(users.KH02!, list!, "hoso:view:abc", { forge: true });
    expect(answer?.text).toContain("không hợp lệ");
    expect(await e2e.db.dossier.findUniqueOrThrow({ where: { code: "HS-HAN" } })).toMatchObject({ status: "dang_xu_ly", handledReportedAt: null });
    const [group] = await e2e.say(users.KH02!, "/hoso", { chat: e2e.tg.group() });
    expect(textOf(group)).toContain("chỉ dùng trong tin nhắn riêng");
  });
});

describe("a week of reminders with a holiday", () => {
  const WEEK = ["2025-09-01", "2025-09-02", "2025-09-03", "2025-09-04", "2025-09-05", "2025-09-06", "2025-09-07", "2025-09-08"];
  const TIMES = ["07:30", "08:00", "08:30", "12:00", "14:00", "16:30", "17:30", "21:00"];
  let nudgesTre: TgMessage[] = [];

  it("nudges once per working day, escalates after the thresholds, and 'Đã xử lý' stops it", async () => {
    for (const day of WEEK.slice(0, 4)) for (const time of TIMES) await tick(vn(day, time));
    // Monday 1 and Tuesday 2 September are Quốc khánh: nothing. Wednesday and Thursday: once.
    nudgesTre = containing("KH02", "Hồ sơ quá hạn");
    expect(nudgesTre.map((m) => textOf(m).match(/quá hạn (\d) ngày làm việc/)?.[1])).toEqual(["1", "2"]);
    expect(containing("KH01", "Hồ sơ quá hạn của đơn vị")).toHaveLength(2);
    expect(containing("GD01", "Hồ sơ quá hạn từ")).toHaveLength(0);
    const han = reminders("QL02", "HS-HAN");
    expect(han.map((m) => textOf(m).split("\n")[0])).toEqual(["⏰ Hồ sơ sắp đến hạn", "⏰ Hồ sơ đến hạn hôm nay"]);
    expect(reminders("KH02", "HS-CHO")).toHaveLength(0); // waiting for the applicant: no clock, no reminder

    // Thursday afternoon QL02 reports HS-HAN returned today, from the reminder.
    now = vn("2025-09-04", "15:00");
    const { messages: asked } = await e2e.pressLabel(users.QL02!, han[1]!, "Đã xử lý");
    expect(textOf(asked.at(-1))).toContain("đã trả kết quả ngày nào?");
    const { messages: done } = await e2e.pressLabel(users.QL02!, asked.at(-1)!, "Hôm nay");
    expect(textOf(done.at(-1))).toContain("Đã ghi nhận: hồ sơ HS-HAN trả kết quả ngày 04/09/2025, đúng hạn.");

    for (const time of TIMES) await tick(vn("2025-09-05", time));
    expect(containing("KH02", "Hồ sơ quá hạn").map((m) => textOf(m).match(/quá hạn (\d) ngày/)?.[1])).toEqual(["1", "2", "3"]);
    expect(containing("KH01", "Hồ sơ quá hạn của đơn vị")).toHaveLength(3);
    expect(containing("GD01", "Hồ sơ quá hạn từ 3 ngày làm việc")).toHaveLength(1);
    expect(reminders("QL02", "HS-HAN")).toHaveLength(2); // nothing after "Đã xử lý"
    expect(reminders("QL01", "HS-HAN")).toHaveLength(0);

    // No import since 29/08: by Friday the list warns that "overdue" may only be a late sync.
    const [stale] = await e2e.say(users.VP01!, "/hoso");
    expect(textOf(stale)).toContain("Dữ liệu đã hơn một ngày làm việc chưa được cập nhật");

    // Friday evening KH02 reports HS-TRE returned, typing the date.
    now = vn("2025-09-05", "17:10");
    const last = containing("KH02", "Hồ sơ quá hạn").at(-1)!;
    await e2e.pressLabel(users.KH02!, last, "Đã xử lý");
    const [bad] = await e2e.say(users.KH02!, "hôm qua");
    expect(textOf(bad)).toContain("không phải ngày hợp lệ");
    const [future] = await e2e.say(users.KH02!, "08/09/2025");
    expect(textOf(future)).toContain("không thể sau hôm nay");
    const [ok] = await e2e.say(users.KH02!, "05/09/2025");
    expect(textOf(ok)).toContain("Đã ghi nhận: hồ sơ HS-TRE trả kết quả ngày 05/09/2025, trễ hạn.");
    const [after] = await e2e.say(users.KH02!, "05/09/2025");
    expect(textOf(after)).toContain("Trợ lý chỉ hiểu các lệnh"); // the flow is over

    const before = ["KH02", "KH01", "GD01", "QL02", "QL01"].map((c) => sentTo(c).length);
    for (const day of WEEK.slice(5)) for (const time of TIMES) await tick(vn(day, time));
    expect(["KH02", "KH01", "GD01", "QL02", "QL01"].map((c) => sentTo(c).length)).toEqual(before);

    // Every reminder went out inside office hours of a working day.
    const sends = await e2e.db.outboxMessage.findMany({ where: { refType: "dossier", status: "sent" } });
    expect(sends.length).toBe(3 + 3 + 1 + 2);
    const calendar = await e2e.app.app.deps.calendar.get();
    for (const s of sends) expect(calendar.isWorkingTime(s.sentAt!)).toBe(true);
    const history = await e2e.db.dossierStatusChange.findMany({ where: { source: "chat" } });
    expect(history.map((h) => h.toStatus).sort()).toEqual(["da_tra_dung_han", "da_tra_tre_han"]);
  });
});

describe("apology slip", () => {
  it("arrives as a Word document from the overdue reminder's button, with the dossier's data and a new date", async () => {
    now = vn("2025-09-10", "09:00");
    await importDossiers(
      writeCsv([dossier("HS-XL", { "Cán bộ xử lý": "KH02", "Người nộp": "Hợp tác xã Nông nghiệp Tịnh Phong", "Ngày tiếp nhận": "25/08/2025", "Ngày hẹn trả": "08/09/2025" })]),
    );
    await tick(now);
    const nudge = reminders("KH02", "HS-XL").at(-1)!;
    expect(textOf(nudge)).toContain("quá hạn 2 ngày làm việc");
    const { messages } = await e2e.pressLabel(users.KH02!, nudge, "Phiếu xin lỗi");
    const doc = messages.at(-1)!;
    expect(doc.document?.file_name).toBe("phieu-xin-loi-HS-XL.docx");
    expect(textOf(doc)).toContain("hẹn lại ngày trả kết quả 17/09/2025 (5 ngày làm việc sau 10/09/2025)");
    const file = e2e.tg.file(doc.document!.file_id)!;
    const zip = await JSZip.loadAsync(file.content);
    // As Word shows it: the code's hyphens are non-breaking hyphens (<w:noBreakHyphen/>).
    const text = (await zip.file("word/document.xml")!.async("string")).replace(/<w:noBreakHyphen\/>/g, "-").replace(/<[^>]+>/g, "");
    expect(text).toContain("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
    expect(text).toContain("HS-XL");
    expect(text).toContain("Hợp tác xã Nông nghiệp Tịnh Phong");
    expect(text).toContain("ngày 17 tháng 9 năm 2025");
  });

  it("/xinloi with a reason, and refusals", async () => {
    const [doc] = await e2e.say(users.KH01!, "/xinloi HS-XL hồ sơ cần xin ý kiến Sở Tài chính");
    const zip = await JSZip.loadAsync(e2e.tg.file(doc!.document!.file_id)!.content);
    expect(await zip.file("word/document.xml")!.async("string")).toContain("hồ sơ cần xin ý kiến Sở Tài chính.");
    const [closed] = await e2e.say(users.KH02!, "/xinloi HS-TRE");
    expect(textOf(closed)).toContain("không còn đang xử lý (Đã trả trễ hạn)");
    const [other] = await e2e.say(users.CS02!, "/xinloi HS-XL");
    expect(textOf(other)).toContain("Không tìm thấy hồ sơ “HS-XL”");
    const [usage] = await e2e.say(users.CS02!, "/xinloi");
    expect(textOf(usage)).toContain("Cách dùng: /xinloi");
    expect(await e2e.db.auditLog.count({ where: { action: "dossier.apology" } })).toBe(2);
  });
});

describe("HTTP ingest in the running service", () => {
  it("is served on PORT in polling mode, with an API token", async () => {
    const app = await E2E.start({ env: { PORT: "0", HOST: "127.0.0.1" }, staff: false });
    try {
      const created = await createApiToken(app.db, "mot-cua", { actor: "test", now: app.now() });
      if (!created.ok) throw new Error(created.reason);
      const url = `http://127.0.0.1:${app.app.http!.port}/api/dossiers`;
      const record = { code: "HTTP-1", procedureName: "Thủ tục", applicant: "Bà A", receivedAt: "01/09/2025", dueAt: "15/09/2025", unit: "VP", status: "Đang xử lý" };
      expect((await fetch(url, { method: "POST", body: JSON.stringify([record]) })).status).toBe(401);
      const ok = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${created.token}` }, body: JSON.stringify([record]) });
      expect(await ok.json()).toMatchObject({ ok: true, created: 1 });
      expect(await app.db.dossier.findUnique({ where: { code: "HTTP-1" } })).toMatchObject({ source: "api" });
    } finally {
      await app.stop();
    }
  });
});
