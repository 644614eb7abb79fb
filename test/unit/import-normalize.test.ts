import { describe, expect, it } from "vitest";
import { cleanText, columnLetter, normalizeHeader } from "../../bot/import/index.js";

describe("normalizeHeader", () => {
  const nfc = "Mã cán bộ";
  const nfd = nfc.normalize("NFD");

  it("treats NFC, NFD, upper case, no diacritics and decorations alike", () => {
    expect(nfd).not.toBe(nfc);
    const variants = [nfc, nfd, "MA CAN BO", "MÃ CÁN BỘ", " mã  cán bộ * ", "Mã cán bộ:", "Mã\ncán\tbộ", "*Mã cán bộ", "Mã cán bộ\u00a0"];
    for (const v of variants) expect(normalizeHeader(v)).toBe("ma can bo");
  });

  it("maps đ/Đ to d and strips every Vietnamese diacritic", () => {
    expect(normalizeHeader("Đơn vị chủ trì")).toBe("don vi chu tri");
    expect(normalizeHeader("ĐƯỜNG ĐỜI Ở ƯỚC")).toBe("duong doi o uoc");
    expect(normalizeHeader("Người phụ trách".normalize("NFD"))).toBe("nguoi phu trach");
  });

  it("ignores trailing bracketed notes, stars and colons in any order", () => {
    expect(normalizeHeader("Ngày sinh (dd/mm/yyyy)")).toBe("ngay sinh");
    expect(normalizeHeader("Ngày sinh (dd/mm/yyyy) *")).toBe("ngay sinh");
    expect(normalizeHeader("Ngày sinh*: (bắt buộc)")).toBe("ngay sinh");
    expect(normalizeHeader("Tiến độ (%)")).toBe("tien do");
    expect(normalizeHeader("Email [không bắt buộc]")).toBe("email");
  });

  it("keeps brackets that are not at the end, and distinct headers stay distinct", () => {
    expect(normalizeHeader("Số (thứ tự) dòng")).toBe("so (thu tu) dong");
    expect(normalizeHeader("Ngày bắt đầu")).not.toBe(normalizeHeader("Ngày kết thúc"));
  });

  it("ignores zero-width characters and a BOM", () => {
    expect(normalizeHeader("\uFEFFMã\u200B cán bộ")).toBe("ma can bo");
  });
});

describe("cleanText", () => {
  it("NFC-normalises, trims and collapses whitespace", () => {
    expect(cleanText("  Nguyễn   Văn\tAn \n".normalize("NFD"))).toBe("Nguyễn Văn An");
  });
  it("keeps line breaks in multiline mode", () => {
    expect(cleanText(" Dòng  1 \r\n\r\n\r\n  Dòng 2 ", true)).toBe("Dòng 1\n\nDòng 2");
  });
});

describe("columnLetter", () => {
  it("gives spreadsheet letters", () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});
