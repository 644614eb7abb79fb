// The neutral markup every text is written in (locales, services): a closed set of tags,
// <b>, <i>, <code> and <a href="…">, with &lt; &gt; &amp; &quot; escapes, line breaks as
// they are, and lists as lines starting with "•" or "1.". It reads as Telegram HTML on
// purpose (Telegram renders it as it is, at no cost), and every other platform gets its own
// rendering from the parse below: plain text (Zalo, the demo) or Slack mrkdwn.

export type Span =
  | { kind: "text"; text: string }
  | { kind: "b" | "i" | "code"; children: Span[] }
  | { kind: "a"; href: string; children: Span[] };

const TAG = /<(\/?)(b|i|code|a)(?:\s+href="([^"]*)")?\s*>/g;

/**
 * The one escaper for text put into markup: the characters Telegram's HTML parser cares about,
 * and `"` so that a value is safe inside an attribute (href) too.
 */
export function escapeMarkup(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function unescapeMarkup(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

/** Parses markup into spans; an unknown or unbalanced tag is kept as text. */
export function parseMarkup(markup: string): Span[] {
  const root: Span[] = [];
  const stack: { kind: string; children: Span[]; href?: string }[] = [{ kind: "root", children: root }];
  let last = 0;
  const pushText = (raw: string) => {
    if (raw) stack.at(-1)!.children.push({ kind: "text", text: unescapeMarkup(raw) });
  };
  for (const m of markup.matchAll(TAG)) {
    pushText(markup.slice(last, m.index));
    last = m.index + m[0].length;
    const [, closing, tag, href] = m;
    if (!closing) {
      stack.push({ kind: tag!, children: [], ...(href !== undefined ? { href: unescapeMarkup(href) } : {}) });
      continue;
    }
    const top = stack.at(-1)!;
    if (top.kind !== tag) {
      pushText(m[0]);
      continue;
    }
    stack.pop();
    const span: Span = tag === "a" ? { kind: "a", href: top.href ?? "", children: top.children } : { kind: tag as "b" | "i" | "code", children: top.children };
    stack.at(-1)!.children.push(span);
  }
  pushText(markup.slice(last));
  // Unclosed tags: their content stays, the tag goes.
  while (stack.length > 1) {
    const top = stack.pop()!;
    stack.at(-1)!.children.push(...top.children);
  }
  return root;
}

function plain(spans: Span[]): string {
  return spans
    .map((s) => {
      if (s.kind === "text") return s.text;
      const inner = plain(s.children);
      if (s.kind === "a") return s.href && s.href !== inner ? `${inner} (${s.href})` : inner;
      return inner;
    })
    .join("");
}

/** Plain text: for platforms without formatting (Zalo, a terminal). Links keep their address. */
export function toPlainText(markup: string): string {
  if (!markup.includes("<") && !markup.includes("&")) return markup;
  return plain(parseMarkup(markup));
}

function mrkdwnEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function mrkdwn(spans: Span[]): string {
  return spans
    .map((s) => {
      if (s.kind === "text") return mrkdwnEscape(s.text);
      const inner = mrkdwn(s.children);
      if (!inner.trim()) return inner;
      if (s.kind === "b") return `*${inner}*`;
      if (s.kind === "i") return `_${inner}_`;
      if (s.kind === "code") return `\`${plain(s.children)}\``;
      return s.kind === "a" ? `<${s.href}|${inner}>` : inner;
    })
    .join("");
}

/** Slack's mrkdwn. */
export function toMrkdwn(markup: string): string {
  return mrkdwn(parseMarkup(markup));
}

/** Telegram HTML: the markup is already that. */
export function toTelegramHtml(markup: string): string {
  return markup;
}
