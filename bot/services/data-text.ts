// Data in the department's own words on an office screen (a setting's meaning, a holiday's
// name, a chat display name, an error a validator wrote in Vietnamese): as it is in Vietnamese,
// between quotes in English so the reader sees it is quoted (see `quoted`). Plain ASCII (a
// number, a time, a code) needs no quotes in either language.
import { quoted, type Translate } from "../i18n.js";

/** Curly quotes inside data become single ones, so a quoted span ends where the data does. */
export function flatQuotes(text: string): string {
  return text.replace(/“/g, "‘").replace(/”/g, "’");
}

export function dataText(t: Translate, text: string): string {
  const flat = flatQuotes(text);
  return /[^\x00-\x7F]/.test(flat) ? quoted(t, flat) : flat;
}
