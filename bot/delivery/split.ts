// Splits a Telegram HTML message longer than the limit on line boundaries, closing the
// tags still open at the end of a part and reopening them at the start of the next, so
// every part is valid HTML on its own. Lengths are counted as Telegram counts them: on the
// text after markup is removed and entities are decoded.
export const TELEGRAM_TEXT_LIMIT = 4096;

const TAG_RE = /<\/?([a-zA-Z-]+)(\s[^>]*)?>/g;

/** The visible length of an HTML fragment. */
export function visibleLength(html: string): number {
  return html.replace(TAG_RE, "").replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, "_").length;
}

interface OpenTag {
  name: string;
  open: string;
}

function trackTags(html: string, stack: OpenTag[]): void {
  for (const m of html.matchAll(TAG_RE)) {
    const [whole, name] = m;
    if (whole.startsWith("</")) {
      const i = stack.map((t) => t.name).lastIndexOf(name!.toLowerCase());
      if (i >= 0) stack.splice(i, 1);
    } else {
      stack.push({ name: name!.toLowerCase(), open: whole });
    }
  }
}

/** Splits one over-long line at spaces outside tags (or anywhere, as a last resort). */
function splitLongLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (visibleLength(rest) > limit) {
    let cut = -1;
    let visible = 0;
    let inTag = false;
    for (let i = 0; i < rest.length; i++) {
      const c = rest[i];
      if (c === "<") inTag = true;
      if (!inTag) {
        visible++;
        if (c === " ") cut = i;
        if (visible >= limit) {
          if (cut < 0) cut = i;
          break;
        }
      }
      if (c === ">") inTag = false;
    }
    // Never leave half of an emoji (a UTF-16 surrogate pair) at the end of a part.
    const code = rest.charCodeAt(cut);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    out.push(rest.slice(0, cut + 1).trimEnd());
    rest = rest.slice(cut + 1);
  }
  if (rest) out.push(rest);
  return out;
}

export function splitHtml(html: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (visibleLength(html) <= limit) return [html];
  // Room for the tags we close and reopen is not counted by Telegram, but keep a margin.
  const budget = limit - 16;
  const lines = html.split("\n").flatMap((l) => (visibleLength(l) > budget ? splitLongLine(l, budget) : [l]));
  const parts: string[] = [];
  let current: string[] = [];
  let currentLen = 0;
  const stack: OpenTag[] = [];
  let prefix = "";
  const flush = () => {
    if (current.length === 0) return;
    const body = prefix + current.join("\n");
    const suffix = [...stack].reverse().map((t) => `</${t.name}>`).join("");
    parts.push(body + suffix);
    prefix = stack.map((t) => t.open).join("");
    current = [];
    currentLen = 0;
  };
  for (const line of lines) {
    const len = visibleLength(line) + 1;
    if (currentLen + len > budget) flush();
    current.push(line);
    currentLen += len;
    trackTags(line, stack);
  }
  flush();
  return parts.filter((p) => visibleLength(p) > 0);
}
