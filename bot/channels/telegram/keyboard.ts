// The view's buttons as Telegram's inline keyboard.
import { InlineKeyboard } from "grammy";

export function keyboard(buttons: readonly { text: string; data?: string | undefined; url?: string | undefined }[][] | undefined): InlineKeyboard | undefined {
  if (!buttons?.length) return undefined;
  const kb = new InlineKeyboard();
  buttons.forEach((row, i) => {
    if (i > 0) kb.row();
    for (const b of row) {
      if (b.url) kb.url(b.text, b.url);
      else kb.text(b.text, b.data ?? "noop");
    }
  });
  return kb;
}
