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

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{-?\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();
const PLURAL = /_(one|other)$/;
/** English plural forms (i18next: `key_one`, `key_other`, chosen by `count`) stand for the Vietnamese key, which has one form. */
const baseKey = (k: string) => k.replace(PLURAL, "");
/** The plural fragments an English text nests: `$t(plural.days, {"count": {{days}} })`. */
const nested = (s: string) => [...s.matchAll(/\$t\(([\w.]+),/g)].map((m) => m[1]!);
const tags = (s: string) => [...s.matchAll(/<\/?([a-z-]+)[^>]*>/g)].map((m) => m[0].replace(/\s.*>/, ">")).sort();

describe("locales", () => {
  const viLeaves = leaves(vi as Tree);
  const enLeaves = leaves(en as Tree);

  it("en.json has exactly the keys of vi.json, English plurals as both _one and _other", () => {
    expect([...new Set([...enLeaves.keys()].map(baseKey))].sort()).toEqual([...viLeaves.keys()].sort());
    for (const key of enLeaves.keys()) {
      if (!PLURAL.test(key)) continue;
      const base = baseKey(key);
      expect(enLeaves.has(`${base}_one`) && enLeaves.has(`${base}_other`), base).toBe(true);
      expect(enLeaves.has(base), `${base}: a bare key beside its plural forms`).toBe(false);
      expect(viLeaves.get(base), base).toMatch(/\{\{count\}\}/);
    }
  });

  it("each English text uses the same placeholders and HTML tags as the Vietnamese one", () => {
    for (const [key, text] of enLeaves) {
      const vi = viLeaves.get(baseKey(key)) ?? "";
      expect(placeholders(text), key).toEqual(placeholders(vi));
      expect(tags(text), key).toEqual(tags(vi));
    }
  });

  it("English numbers agree with their nouns: plural forms, never “(s)” or a bare number before a plural noun", () => {
    const NOUN = /\{\{\s*\w+\s*\}\}\s+(?:new\s+|working\s+)?(?:days|people|persons|tasks|dossiers|machines|minutes|hours|rows|reports|units|reminders|messages|questions|accounts|others)\b/;
    for (const [key, text] of enLeaves) {
      expect(text, key).not.toMatch(/\(s\)/);
      if (!PLURAL.test(key)) expect(text, key).not.toMatch(NOUN);
      for (const fragment of nested(text)) expect(enLeaves.has(`${fragment}_one`) && enLeaves.has(`${fragment}_other`), `${key} nests ${fragment}`).toBe(true);
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
