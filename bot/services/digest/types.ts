// The heads' daily digest is assembled from sections, each owned by its feature (tasks,
// dossiers, alerts, delivery). A section renders the part of the digest for one recipient
// and says whether anything changed since the previous digest (for "only when changed").
import type { i18n as I18n } from "i18next";
import type { AppConfig } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { Translate } from "../../i18n.js";
import type { WorkingCalendar } from "../calendar/index.js";

export type DigestScope =
  /** A head of unit: their unit. */
  | { kind: "unit"; unitId: number }
  /** Lãnh đạo Sở, the office, administrators: the whole department. */
  | { kind: "department" };

export interface DigestRecipient {
  staffId: number;
  role: string;
  unitId: number;
  locale: "vi" | "en";
}

export interface DigestInput {
  db: Db;
  config: AppConfig;
  i18n: I18n;
  t: Translate;
  calendar: WorkingCalendar;
  recipient: DigestRecipient;
  scope: DigestScope;
  /** When this person's previous digest was recorded (null: never). */
  since: Date | null;
  now: Date;
  /** Local date of `now` ("YYYY-MM-DD"). */
  today: string;
  /** How many items each list shows at most (fewer when the digest must be shortened to fit). */
  listMax: number;
  /** Works something out once per run and key (what every head of a scope shares). */
  memo: Memo;
}

export type Memo = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

export interface DigestPart {
  /** Telegram HTML, starting with the section's own heading line. */
  html: string;
  /** Something new since `since` (a report, a dossier turning overdue...). */
  changed: boolean;
}

export interface DigestSection {
  key: string;
  /** Sections that concern only some recipients say so (e.g. the office's delivery section). */
  appliesTo?: (r: DigestRecipient, scope: DigestScope) => boolean;
  /** null when the section has nothing to say; lists of at most `listMax` items. */
  render(input: DigestInput): Promise<DigestPart | null>;
}
