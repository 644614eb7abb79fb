import { describe, expect, it } from "vitest";
import {
  SECURITY_TIPS,
  TIP_CATEGORIES,
  TIP_CODE_PREFIXES,
  tipCategoryName,
  tipsByCategory,
  type SecurityTip,
  type TipCategoryKey,
  type TipQuizText,
} from "../../bot/seed-data/security-tips.js";

const CATEGORY_KEYS = TIP_CATEGORIES.map((c) => c.key) as readonly string[];

/** Lower-case Vietnamese letters that carry a diacritic (plus đ). */
const VI_DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/**
 * Guards against invented figures, citations and hotlines. A tip needs no citation;
 * if a real reference is ever added, it must be checked by a human and this guard
 * consciously relaxed.
 */
const FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
  [/\d\s*%/, "percentage"],
  [/phần trăm|\bpercent/i, "percentage in words"],
  [/nghị định|\bdecree/i, "decree citation"],
  [/thông tư|\bcircular\b/i, "circular citation"],
  [/quyết định\s+(số\s+)?\d/i, "decision number"],
  [/điều\s+\d|\barticle\s+\d/i, "article citation"],
  [/khoản\s+\d|\bclause\s+\d/i, "clause citation"],
  [/\d+\s*\/\s*\d+/, "document number or date (e.g. 13/2023)"],
  [/\d{4,}/, "long number (phone number, hotline, year, statistic)"],
  [/\d[\d\s.]{6,}\d/, "spaced phone number"],
  [/đường dây nóng|tổng đài\s+\d|\bhotline/i, "hotline"],
  [/\bbillion|\bmillion|\bthousand|\btỷ\b|\btriệu\b/i, "statistic"],
];

/** Characters with meaning in Telegram HTML / Markdown parse modes. */
const MARKUP = /[<>&*_`[\]]/;

function countSentences(text: string): number {
  return (text.match(/[.!?]["”']?(?=\s|$)/g) ?? []).length;
}

function allTexts(tip: SecurityTip): Array<{ where: string; lang: "vi" | "en"; text: string }> {
  const out: Array<{ where: string; lang: "vi" | "en"; text: string }> = [
    { where: `${tip.code} vi`, lang: "vi", text: tip.vi },
    { where: `${tip.code} en`, lang: "en", text: tip.en },
  ];
  if (tip.quiz) {
    for (const lang of ["vi", "en"] as const) {
      const q: TipQuizText = tip.quiz[lang];
      out.push({ where: `${tip.code} quiz.${lang}.question`, lang, text: q.question });
      out.push({ where: `${tip.code} quiz.${lang}.explanation`, lang, text: q.explanation });
      q.options.forEach((o, i) => out.push({ where: `${tip.code} quiz.${lang}.options[${i}]`, lang, text: o }));
    }
  }
  return out;
}

describe("security tip categories", () => {
  it("has the 11 fixed categories with Vietnamese and English names", () => {
    expect(CATEGORY_KEYS).toEqual([
      "password_auth",
      "phishing",
      "malware_usb",
      "updates",
      "public_wifi",
      "backup",
      "social_media",
      "digital_signature",
      "mobile",
      "personal_data",
      "incident_reporting",
    ]);
    expect(TIP_CATEGORIES.find((c) => c.key === "phishing")?.vi).toBe("Thư điện tử và tin nhắn lừa đảo");
    expect(TIP_CATEGORIES.find((c) => c.key === "public_wifi")?.vi).toBe("Wi-Fi và mạng công cộng");
    for (const c of TIP_CATEGORIES) {
      expect(c.vi.normalize("NFC")).toBe(c.vi);
      expect(c.en.length).toBeGreaterThan(0);
    }
    expect(tipCategoryName("digital_signature", "vi")).toBe("Chữ ký số");
    expect(tipCategoryName("digital_signature", "en")).toBe("Digital signatures");
  });

  it("has one distinct code prefix per category", () => {
    expect(Object.keys(TIP_CODE_PREFIXES).sort()).toEqual([...CATEGORY_KEYS].sort());
    const prefixes = Object.values(TIP_CODE_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});

describe("SECURITY_TIPS", () => {
  it("has at least 66 tips and at least 6 per category", () => {
    expect(SECURITY_TIPS.length).toBeGreaterThanOrEqual(66);
    for (const key of CATEGORY_KEYS) {
      expect(tipsByCategory(key as TipCategoryKey).length, key).toBeGreaterThanOrEqual(6);
    }
  });

  it("uses only known categories", () => {
    for (const tip of SECURITY_TIPS) expect(CATEGORY_KEYS, tip.code).toContain(tip.category);
  });

  it("has unique, well-formed codes whose prefix matches the category", () => {
    const codes = SECURITY_TIPS.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const tip of SECURITY_TIPS) {
      expect(tip.code).toMatch(/^[A-Z]{2,4}-\d{2}$/);
      expect(tip.code.split("-")[0], tip.code).toBe(TIP_CODE_PREFIXES[tip.category]);
    }
  });

  it("keeps tip texts short: non-empty, at most 400 characters, 1–3 sentences", () => {
    for (const tip of SECURITY_TIPS) {
      for (const lang of ["vi", "en"] as const) {
        const text = tip[lang];
        expect(text.trim(), `${tip.code} ${lang}`).toBe(text);
        expect(text.length, `${tip.code} ${lang}`).toBeGreaterThanOrEqual(40);
        expect(text.length, `${tip.code} ${lang}`).toBeLessThanOrEqual(400);
        const n = countSentences(text);
        expect(n, `${tip.code} ${lang} sentences`).toBeGreaterThanOrEqual(1);
        expect(n, `${tip.code} ${lang} sentences`).toBeLessThanOrEqual(3);
      }
    }
  });

  it("writes Vietnamese in NFC with diacritics, and English without Vietnamese letters", () => {
    for (const tip of SECURITY_TIPS) {
      for (const { where, lang, text } of allTexts(tip)) {
        expect(text.normalize("NFC"), where).toBe(text);
        if (lang === "en") expect(text, where).not.toMatch(VI_DIACRITIC);
      }
      expect(tip.vi, tip.code).toMatch(VI_DIACRITIC);
      if (tip.quiz) {
        expect(tip.quiz.vi.question, tip.code).toMatch(VI_DIACRITIC);
        expect(tip.quiz.vi.explanation, tip.code).toMatch(VI_DIACRITIC);
      }
    }
  });

  it("contains no invented figures, legal citations or hotlines", () => {
    for (const tip of SECURITY_TIPS) {
      for (const { where, text } of allTexts(tip)) {
        for (const [re, what] of FORBIDDEN) expect(text, `${where}: ${what}`).not.toMatch(re);
      }
    }
  });

  it("is plain text that is safe in any Telegram parse mode", () => {
    for (const tip of SECURITY_TIPS) {
      for (const { where, text } of allTexts(tip)) {
        expect(text, where).not.toMatch(MARKUP);
        expect(text, where).not.toMatch(/\s{2,}|\n/);
      }
    }
  });

  it("has no two tips with the same text", () => {
    for (const lang of ["vi", "en"] as const) {
      const norm = SECURITY_TIPS.map((t) => t[lang].toLowerCase().replace(/\s+/g, " "));
      expect(new Set(norm).size, lang).toBe(norm.length);
    }
    const questions = SECURITY_TIPS.flatMap((t) => (t.quiz ? [t.quiz.vi.question] : []));
    expect(new Set(questions).size).toBe(questions.length);
  });

  it("points incidents to the Department, never to an invented contact", () => {
    for (const tip of tipsByCategory("incident_reporting")) {
      expect(tip.vi, tip.code).toMatch(/cán bộ phụ trách CNTT của Sở|Văn phòng Sở/);
    }
  });
});

describe("quizzes", () => {
  const withQuiz = SECURITY_TIPS.filter((t) => t.quiz);

  it("has at least 50 quizzes", () => {
    expect(withQuiz.length).toBeGreaterThanOrEqual(50);
  });

  it("has 3–4 options in both languages with the same count and a valid correct index", () => {
    for (const tip of withQuiz) {
      const quiz = tip.quiz!;
      for (const lang of ["vi", "en"] as const) {
        const n = quiz[lang].options.length;
        expect(n, `${tip.code} ${lang}`).toBeGreaterThanOrEqual(3);
        expect(n, `${tip.code} ${lang}`).toBeLessThanOrEqual(4);
      }
      expect(quiz.en.options.length, tip.code).toBe(quiz.vi.options.length);
      expect(Number.isInteger(quiz.correct), tip.code).toBe(true);
      expect(quiz.correct, tip.code).toBeGreaterThanOrEqual(0);
      expect(quiz.correct, tip.code).toBeLessThan(quiz.vi.options.length);
    }
  });

  it("keeps options button-sized and distinct, questions ≤ 250 characters, explanations one sentence", () => {
    for (const tip of withQuiz) {
      for (const lang of ["vi", "en"] as const) {
        const q = tip.quiz![lang];
        const where = `${tip.code} ${lang}`;
        expect(q.question.length, where).toBeGreaterThan(10);
        expect(q.question.length, where).toBeLessThanOrEqual(250);
        expect(countSentences(q.question), where).toBeLessThanOrEqual(2);
        for (const o of q.options) {
          expect(o.trim(), where).toBe(o);
          expect(o.length, `${where}: ${o}`).toBeGreaterThan(0);
          expect(o.length, `${where}: ${o}`).toBeLessThanOrEqual(60);
        }
        const lowered = q.options.map((o) => o.toLowerCase());
        expect(new Set(lowered).size, where).toBe(lowered.length);
        expect(q.explanation.length, where).toBeGreaterThan(10);
        expect(q.explanation.length, where).toBeLessThanOrEqual(250);
        expect(countSentences(q.explanation), `${where} explanation`).toBe(1);
      }
    }
  });

  it("does not give the answer away by its position or its length", () => {
    const counts = new Map<number, number>();
    for (const t of withQuiz) counts.set(t.quiz!.correct, (counts.get(t.quiz!.correct) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(3);
    for (const n of counts.values()) expect(n).toBeLessThanOrEqual(withQuiz.length / 2);
    // Test-wise readers pick the longest option; it must not be a reliable cue.
    for (const lang of ["vi", "en"] as const) {
      const giveaways = withQuiz.filter((t) => {
        const opts = t.quiz![lang].options;
        const right = opts[t.quiz!.correct]!.length;
        return opts.every((o, i) => i === t.quiz!.correct || o.length < right);
      }).length;
      expect(giveaways, lang).toBeLessThanOrEqual(Math.floor(withQuiz.length / 3));
    }
  });
});
