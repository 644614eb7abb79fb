// Security alerts: what an alert is, who may manage them, and the checks on a draft
// (from the chat flow, the CLI file or an automated feed alike).
import { z } from "zod";
import type { i18n as I18n } from "i18next";
import type { Db } from "../../db/client.js";
import type { Locale } from "../../i18n.js";
import type { OfficeActor } from "../roles.js";
import { charLength, describeFault, textFault } from "../safe-text.js";

export const SEVERITIES = ["khan", "cao", "trung_binh", "thong_tin"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_ICONS: Record<Severity, string> = { khan: "🚨", cao: "🔴", trung_binh: "🟠", thong_tin: "🔵" };

export const TITLE_MAX = 200;
/** Leaves room under Telegram's 4096 characters for the heading, the footer and a reminder line. */
export const BODY_MAX = 3000;
export const NOTE_MAX = 500;
export const MACHINES_MAX = 100_000;

export function isSeverity(v: unknown): v is Severity {
  return typeof v === "string" && (SEVERITIES as readonly string[]).includes(v);
}

/** Khẩn alerts are delivered in quiet hours and reminded sooner. */
export function isUrgent(severity: string): boolean {
  return severity === "khan";
}

export type Audience = { all: true } | { all: false; unitIds: number[] };

export interface AlertDraft {
  severity: Severity;
  title: string;
  body: string;
  audience: Audience;
  requireRemediation: boolean;
  /** De-duplication key: a second draft with the same key is not sent again. */
  externalRef?: string;
  correctionOfId?: number;
  source: "telegram" | "zalo" | "demo" | "slack" | "cli" | "feed";
}

/** Who sends or cancels an alert: an office actor, allowed by `mayActAsOffice`. */
export type AlertActor = OfficeActor;

/** What alert services need besides the database: texts in each person's language, and the zone. */
export interface AlertDeps {
  db: Db;
  i18n: I18n;
  timeZone: string;
  defaultLocale: Locale;
}

// Every way in (the chat, the alert file) ends here: lengths in characters as a person
// counts them, and the characters refused at the edge (see safe-text.ts).
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, "trống")
        .refine((s) => charLength(s) <= max, `dài quá ${max} ký tự`)
        .superRefine((s, ctx) => {
          const fault = textFault(s);
          if (fault) ctx.addIssue({ code: "custom", message: describeFault(fault) });
        }),
    );

export const draftSchema = z.object({
  severity: z.enum(SEVERITIES, { message: `một trong ${SEVERITIES.join(", ")}` }),
  title: text(TITLE_MAX),
  body: text(BODY_MAX),
  audience: z.union([
    z.object({ all: z.literal(true) }),
    z.object({ all: z.literal(false), unitIds: z.array(z.number().int().positive()).min(1, "chọn ít nhất một đơn vị") }),
  ]),
  requireRemediation: z.boolean(),
  externalRef: z.string().trim().min(1).max(200).optional(),
  correctionOfId: z.number().int().positive().optional(),
  source: z.enum(["telegram", "zalo", "demo", "slack", "cli", "feed"]),
});

/** Vietnamese problems of a draft ("title: trống"), empty when it is valid. */
export function draftProblems(d: unknown): string[] {
  const res = draftSchema.safeParse(d);
  return res.success ? [] : res.error.issues.map((i) => `${i.path.join(".") || "draft"}: ${i.message}`);
}
