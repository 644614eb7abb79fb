// How the demo shows the bot's messages in a terminal: each message with its number in the
// person's chat, each button as [message.button] (so `2.3` presses button 3 of message 2),
// texts and captions through the same HTML-to-terminal step, documents with the path they
// were saved to.
import { mkdirSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { InlineKeyboardButton } from "grammy/types";
import { htmlToTerminal } from "../cli/terminal-text.js";
import type { DemoMessage } from "./demo-chat.js";

/** `edited`: the text before the edit; an edit that only changed the buttons is not printed again. */
export function renderMessage(m: DemoMessage, opts: { color: boolean; edited?: string; savedPath?: string }): string {
  const text = htmlToTerminal(m.html, opts.color);
  const head = `🤖 [${m.no}]${opts.edited !== undefined ? " (sửa)" : ""} `;
  const lines: string[] = [];
  if (opts.edited === m.html) {
    lines.push(`🤖 [${m.no}] (sửa: ${m.buttons.length ? "đổi nút" : "bỏ nút"})`);
  } else if (m.document) {
    lines.push(`${head}📎 ${m.document.fileName}${text ? ` — ${text.replace(/\n/g, "\n   ")}` : ""}`);
    if (opts.savedPath) lines.push(`   💾 đã lưu: ${opts.savedPath}`);
  } else {
    lines.push(`${head}${text.replace(/\n/g, "\n   ")}`);
  }
  let b = 0;
  for (const row of m.buttons) lines.push(`   ${row.map((btn) => `[${m.no}.${++b}] ${btn.text}`).join("   ")}`);
  return lines.join("\n");
}

/** A message's button by its number (1-based, row by row), as shown on screen. */
export function buttonAt(m: DemoMessage, n: number): InlineKeyboardButton | undefined {
  return m.buttons.flat()[n - 1];
}

/**
 * Saves a document the bot sent under `dir` (./data/demo-files/), never over an earlier one:
 * a second slip for the same dossier becomes name-2.docx. Returns the path relative to the
 * working directory when it is inside it, for the person to open.
 */
export function saveDemoFile(dir: string, fileName: string, bytes: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const safe = path.basename(fileName).replace(/[^\p{L}\p{N}._-]+/gu, "-") || "tep";
  const ext = path.extname(safe);
  const stem = safe.slice(0, safe.length - ext.length);
  let target = path.join(dir, safe);
  for (let i = 2; existsSync(target); i++) target = path.join(dir, `${stem}-${i}${ext}`);
  writeFileSync(target, bytes);
  const rel = path.relative(process.cwd(), target);
  return rel.startsWith("..") ? target : `./${rel}`;
}
