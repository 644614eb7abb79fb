import { describe, expect, it } from "vitest";
import en from "../../locales/en.json" with { type: "json" };
import vi from "../../locales/vi.json" with { type: "json" };

type Tree = { [k: string]: string | Tree };

function leaves(t: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const tags = (s: string) => [...s.matchAll(/<\/?([a-z-]+)[^>]*>/g)].map((m) => m[0].replace(/\s.*>/, ">")).sort();

describe("locales", () => {
  const viLeaves = leaves(vi as Tree);
  const enLeaves = leaves(en as Tree);

  it("en.json has exactly the keys of vi.json", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
  });

  it("each English text uses the same placeholders and HTML tags as the Vietnamese one", () => {
    for (const [key, text] of viLeaves) {
      const other = enLeaves.get(key) ?? "";
      expect(placeholders(other), key).toEqual(placeholders(text));
      expect(tags(other), key).toEqual(tags(text));
    }
  });

  it("Vietnamese text is NFC and carries its diacritics", () => {
    const all = [...viLeaves.values()].join("\n");
    expect(all).toBe(all.normalize("NFC"));
    // Whole sentences written without diacritics would be a defect: every long message
    // must contain at least one Vietnamese letter with a mark.
    for (const [key, text] of viLeaves) {
      const words = text.replace(/\{\{\w+\}\}|<[^>]+>|\/\w+/g, "").split(/\s+/).filter((w) => /[a-z]/i.test(w));
      if (words.length >= 4) expect(/[à-ỹđ]/i.test(text), key).toBe(true);
    }
  });

  it("button texts fit Telegram's limits", () => {
    for (const [key, text] of viLeaves) if (/Short$/.test(key)) expect(text.length, key).toBeLessThanOrEqual(200);
  });
});
