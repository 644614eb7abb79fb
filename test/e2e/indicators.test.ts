// /chiso end to end through the fake Bot API: the indicators as text and as a chart photo (a
// real PNG, decoded and looked at pixel by pixel), what each role may see, and /chiso nhap:
// refused (and audited) for a chuyên viên, a bad value refused with nothing written, the
// office's figure saved with its source and date and shown on the next /chiso.
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { A } from "../../bot/chat/actions.js";
import type { TgMessage, TgUser } from "../fake-telegram/types.js";
import { buttons, E2E, textOf } from "../helpers/e2e.js";
import { vn } from "../helpers/jobs.js";

// Thursday 18/03/2027 10:00 in Hà Nội: the H1 report (due 03/06) is the one being prepared.
let clock = vn("2027-03-18", "10:00");
let e2e: E2E;
let vp01: TgUser; // Văn phòng Sở
let ql01: TgUser; // trưởng phòng QLKH
let ql02: TgUser; // chuyên viên QLKH
let gd01: TgUser; // lãnh đạo Sở

const photoOf = (ms: TgMessage[]) => ms.find((m) => m.photo);

function pngOf(m: TgMessage): PNG {
  const sizes = m.photo!;
  const file = e2e.tg.file(sizes.at(-1)!.file_id)!;
  return PNG.sync.read(file.content);
}

beforeAll(async () => {
  e2e = await E2E.start({ clock: () => clock });
  const units = new Map((await e2e.db.unit.findMany()).map((u) => [u.code, u.id]));
  // Dossiers of 2027: QLKH returns 3 on time and 1 late, QLCS 1 late.
  let n = 0;
  const dossier = (unit: string, status: string, returned: string) =>
    e2e.db.dossier.create({
      data: {
        code: `E-${++n}`,
        procedureName: "Thủ tục",
        applicant: "Công ty B",
        unitId: units.get(unit)!,
        receivedAt: vn("2027-01-10", "09:00"),
        dueAt: vn("2027-02-10", "17:00"),
        status,
        returnedAt: vn(returned, "10:00"),
      },
    });
  for (const s of ["da_tra_dung_han", "da_tra_dung_han", "da_tra_dung_han", "da_tra_tre_han"]) await dossier("QLKH", s, "2027-02-05");
  await dossier("QLCS", "da_tra_tre_han", "2027-02-20");
  vp01 = await e2e.login("VP01");
  ql01 = await e2e.login("QL01");
  ql02 = await e2e.login("QL02");
  gd01 = await e2e.login("GD01");
}, 60_000);
afterAll(async () => e2e?.stop());

describe("/chiso", () => {
  it("shows the department's indicators as text and as a chart photo", async () => {
    const replies = await e2e.say(ql02, "/chiso");
    const text = replies.map(textOf).join("\n");
    expect(text).toContain("Chỉ số kế hoạch CNTT — 6 tháng đầu năm 2027");
    // 3 of 5 dossiers on time, against the plan's 100%.
    expect(text).toContain("Hồ sơ TTHC giải quyết đúng hạn: 60% (3/5) — mục tiêu 100% ⚠️ chưa đạt");
    expect(text).toContain("Dịch vụ công trực tuyến mức độ 3, 4: chưa có số liệu — mục tiêu tối thiểu 30%");
    expect(text).toContain("Văn phòng Sở chưa nhập số liệu kỳ này");
    expect(text).toContain("Nguồn: dữ liệu của trợ lý, tính đến 18/03/2027.");
    // A chuyên viên has no unit or entry buttons.
    const photo = photoOf(replies);
    expect(photo).toBeDefined();
    expect(buttons(photo!)).toEqual([]);
    const png = pngOf(photo!);
    expect(png.width).toBe(1080);
    expect(png.height).toBeGreaterThan(800);
    expect(png.height).toBeLessThan(2000);
    // Not blank: a good share of the pixels are not the white background, in several colours.
    let ink = 0;
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (r < 245 || g < 245 || b < 245) ink++;
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
    expect(ink / (png.width * png.height)).toBeGreaterThan(0.03);
    expect(colours.size).toBeGreaterThan(8);
  });

  it("a head sees their unit; the office picks any unit; a forged unit is refused", async () => {
    const [, photo] = await e2e.say(ql01, "/chiso");
    const mine = buttons(photo!).find((b) => b.text.includes("Đơn vị của tôi"))!;
    const unit = await e2e.press(ql01, photo!, mine.data!);
    const unitText = unit.messages.map(textOf).join("\n");
    expect(unitText).toContain("Phòng Quản lý Khoa học");
    expect(unitText).toContain("75% (3/4)");
    expect(unitText).not.toContain("Dịch vụ công trực tuyến");
    expect(photoOf(unit.messages)).toBeDefined();
    // Another unit's page, by a forged button: refused.
    const qlcs = (await e2e.db.unit.findUniqueOrThrow({ where: { code: "QLCS" } })).id;
    const forged = await e2e.press(ql01, photo!, A.indicators.show.build({ period: "2027-H1", unitId: qlcs }), { forge: true });
    expect(forged.answer?.text).toContain("không xem được chỉ số của đơn vị này");
    expect(forged.messages).toEqual([]);

    const [, gdPhoto] = await e2e.say(gd01, "/chiso 2027-Q1");
    const byUnit = await e2e.pressLabel(gd01, gdPhoto!, "Xem theo đơn vị");
    const pick = byUnit.messages.at(-1)!;
    const cs = buttons(pick).find((b) => b.data === A.indicators.show.build({ period: "2027-Q1", unitId: qlcs }))!;
    const shown = await e2e.press(gd01, pick, cs.data!);
    expect(shown.messages.map(textOf).join("\n")).toContain("0% (0/1)");
  });

  it("an unknown period is answered, not guessed", async () => {
    const [reply] = await e2e.say(ql02, "/chiso 2027-Q2");
    expect(textOf(reply)).toContain("Không có kỳ báo cáo “2027-Q2”");
  });
});

describe("/chiso nhap", () => {
  it("is refused for a chuyên viên, and the refusal is audited", async () => {
    const [reply] = await e2e.say(ql02, "/chiso nhap");
    expect(textOf(reply)).toContain("Chỉ Văn phòng Sở nhập được chỉ số");
    const staff = await e2e.db.staff.findUniqueOrThrow({ where: { code: "QL02" } });
    expect(await e2e.db.auditLog.count({ where: { action: "indicator.enter", outcome: "denied", actorStaffId: staff.id } })).toBe(1);
    expect(await e2e.db.indicatorValue.count()).toBe(0);
  });

  it("the office enters a figure step by step; a bad value is refused and nothing is written", async () => {
    const [pick] = await e2e.say(vp01, "/chiso nhap");
    expect(textOf(pick)).toContain("Nhập chỉ số — 6 tháng đầu năm 2027");
    const ask = (await e2e.pressLabel(vp01, pick!, "Dịch vụ công trực tuyến")).messages.at(-1)!;
    expect(textOf(ask)).toContain("tối thiểu 30%");
    for (const bad of ["120", "-5", "ba mươi", "34,567"]) {
      const [r] = await e2e.say(vp01, bad);
      expect(textOf(r), bad).toContain("không phải tỷ lệ phần trăm từ 0 đến 100");
    }
    expect(await e2e.db.indicatorValue.count()).toBe(0);
    const [askSource] = await e2e.say(vp01, "34,5");
    expect(textOf(askSource)).toContain("Nguồn của số liệu");
    const [askDate] = await e2e.say(vp01, "Cổng dịch vụ công tỉnh <báo cáo tháng 3>");
    const [future] = await e2e.say(vp01, "01/04/2027");
    expect(textOf(future)).toContain("chưa tới");
    const [bad] = await e2e.say(vp01, "31/02/2027");
    expect(textOf(bad)).toContain("không phải ngày hợp lệ");
    void askDate;
    const [preview] = await e2e.say(vp01, "15/03/2027");
    expect(textOf(preview)).toContain("Dịch vụ công trực tuyến mức độ 3, 4 — 6 tháng đầu năm 2027: 34,5%");
    expect(await e2e.db.indicatorValue.count()).toBe(0);
    const saved = (await e2e.pressLabel(vp01, preview!, "Lưu")).messages.map(textOf).join("\n");
    expect(saved).toContain("Đã lưu");
    const rows = await e2e.db.indicatorValue.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ period: "2027-H1", key: "dvc_muc_3_4", value: 34.5, source: "Cổng dịch vụ công tỉnh <báo cáo tháng 3>", sourceDate: "2027-03-15" });
    expect(await e2e.db.auditLog.count({ where: { action: "indicator.set", outcome: "ok" } })).toBe(1);

    const page = (await e2e.say(ql02, "/chiso")).map(textOf).join("\n");
    expect(page).toContain("Dịch vụ công trực tuyến mức độ 3, 4: 34,5% — mục tiêu tối thiểu 30% ✅ đạt");
    expect(page).toContain("Nguồn: Cổng dịch vụ công tỉnh <báo cáo tháng 3>, số liệu ngày 15/03/2027");
  });

  it("a spent save button does nothing", async () => {
    const [pick] = await e2e.say(vp01, "/chiso nhap");
    await e2e.pressLabel(vp01, pick!, "hệ thống dùng chung");
    await e2e.say(vp01, "3");
    await e2e.say(vp01, "Báo cáo của Văn phòng Sở");
    const [preview] = await e2e.say(vp01, "18/03/2027");
    const save = buttons(preview!).find((b) => b.text.includes("Lưu"))!.data!;
    await e2e.press(vp01, preview!, save);
    const again = await e2e.press(vp01, preview!, save, { forge: true });
    expect(again.answer?.text).toContain("không hợp lệ");
    expect(await e2e.db.indicatorValue.count({ where: { key: "he_thong_dung_chung" } })).toBe(1);
    const page = (await e2e.say(ql02, "/chiso")).map(textOf).join("\n");
    expect(page).toContain("3/4 phòng, đơn vị (75%)");
  });
});
