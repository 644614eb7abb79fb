// Telegram HTML to terminal text: bold and code kept with ANSI colours (when the terminal
// supports them), Telegram's other tags removed, entities decoded. Only Telegram's tags are
// touched, so a "<" that is part of the text (a spreadsheet cell, say) survives.
export function htmlToTerminal(html: string, color: boolean): string {
  const style = (open: string, close: string): [string, string] => (color ? [open, close] : ["", ""]);
  const [b0, b1] = style("\x1b[1m", "\x1b[22m");
  const [i0, i1] = style("\x1b[3m", "\x1b[23m");
  const [c0, c1] = style("\x1b[36m", "\x1b[39m");
  return html
    .replace(/<(b|strong)>/g, b0)
    .replace(/<\/(b|strong)>/g, b1)
    .replace(/<(i|em)>/g, i0)
    .replace(/<\/(i|em)>/g, i1)
    .replace(/<(code|pre)>/g, c0)
    .replace(/<\/(code|pre)>/g, c1)
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, "$2 ($1)")
    .replace(/<\/?(b|strong|i|em|u|ins|s|strike|del|code|pre|a|blockquote|tg-spoiler|span)(\s[^>]*)?>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}
