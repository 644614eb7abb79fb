// The alert file of `npm run cli -- alert --file FILE`, for the office and automated feeds
// (a script that relays the provincial police's or the Department of Information and
// Communications' warnings). JSON, UTF-8:
//
//   {
//     "severity": "khan",                 // khan | cao | trung_binh | thong_tin, or Khẩn, Cao, Trung bình, Thông tin
//     "title": "…",                       // up to 200 characters
//     "body": "…",                        // up to 3000 characters
//     "units": ["KHTC", "Phòng Quản lý khoa học"],   // optional; omitted or "all": the whole department
//     "remediation": true,                // optional (default false): unit heads report machines handled
//     "externalRef": "CA-2026-0142",      // optional de-duplication key: the same key is sent once
//     "correctionOf": 12                  // optional: corrects alert no. 12 (goes to its recipients)
//   }
//
// Every problem is reported (in Vietnamese) and nothing is sent if there is one.
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { describeFault, textFault, withoutFaults } from "../safe-text.js";
import { foldText } from "../text.js";
import { listUnits, unitResolver } from "../units.js";
import { type AlertDraft, draftProblems, SEVERITIES, type Severity } from "./model.js";

const SEVERITY_WORDS: Record<string, Severity> = {
  ...Object.fromEntries(SEVERITIES.map((s) => [foldText(s), s])),
  [foldText("Khẩn")]: "khan",
  [foldText("Khẩn cấp")]: "khan",
  [foldText("Cao")]: "cao",
  [foldText("Trung bình")]: "trung_binh",
  [foldText("Thông tin")]: "thong_tin",
  urgent: "khan",
  high: "cao",
  medium: "trung_binh",
  info: "thong_tin",
};

const fileSchema = z.object({
  severity: z.string({ message: "thiếu mức độ (severity)" }),
  title: z.string({ message: "thiếu tiêu đề (title)" }),
  body: z.string({ message: "thiếu nội dung (body)" }),
  units: z.union([z.literal("all"), z.array(z.string()).min(1, "danh sách đơn vị trống")]).optional(),
  remediation: z.boolean({ message: "remediation phải là true hoặc false" }).optional(),
  externalRef: z.string().trim().min(1, "externalRef trống").max(200, "externalRef dài quá 200 ký tự").optional(),
  correctionOf: z.number({ message: "correctionOf phải là số cảnh báo" }).int().positive().optional(),
});

export type FeedParse = { ok: true; draft: AlertDraft } | { ok: false; problems: string[] };

export async function parseAlertFile(db: Db, text: string): Promise<FeedParse> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, problems: [`không phải JSON hợp lệ: ${(e as Error).message}`] };
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return { ok: false, problems: ["tệp phải là một đối tượng JSON { \"severity\": ..., \"title\": ..., \"body\": ... }"] };
  }
  // Every problem at once: unknown keys, then each key on its own, then what needs the database.
  const problems: string[] = [];
  const known = Object.keys(fileSchema.shape);
  for (const key of Object.keys(json)) {
    if (!known.includes(key)) problems.push(`${key}: khóa không được hỗ trợ (các khóa: ${known.join(", ")})`);
  }
  const parsed = fileSchema.safeParse(json);
  const issues = parsed.success ? [] : parsed.error.issues;
  for (const i of issues) problems.push(i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message);
  const bad = new Set(issues.map((i) => String(i.path[0])));
  const raw = json as Record<string, unknown>;
  const f = {
    severity: bad.has("severity") ? undefined : (raw.severity as string),
    title: bad.has("title") ? undefined : (raw.title as string),
    body: bad.has("body") ? undefined : (raw.body as string),
    units: bad.has("units") ? undefined : (raw.units as "all" | string[] | undefined),
    remediation: bad.has("remediation") ? undefined : (raw.remediation as boolean | undefined),
    externalRef: bad.has("externalRef") || typeof raw.externalRef !== "string" ? undefined : raw.externalRef.trim(),
    correctionOf: bad.has("correctionOf") ? undefined : (raw.correctionOf as number | undefined),
  };
  const severity = f.severity === undefined ? undefined : SEVERITY_WORDS[foldText(f.severity)];
  if (f.severity !== undefined && !severity) problems.push(`severity: “${f.severity}” không phải Khẩn, Cao, Trung bình hay Thông tin`);
  if (f.externalRef !== undefined) {
    const fault = textFault(f.externalRef);
    if (fault) problems.push(`externalRef: ${describeFault(fault)}`);
  }
  let unitIds: number[] = [];
  if (Array.isArray(f.units)) {
    const resolve = unitResolver(await listUnits(db));
    for (const label of f.units) {
      const u = resolve(label);
      if (!u) problems.push(`units: không có đơn vị “${withoutFaults(label)}” (xem: npm run cli -- units)`);
      else unitIds.push(u.id);
    }
    unitIds = [...new Set(unitIds)];
  }
  const draft: AlertDraft = {
    severity: severity ?? "thong_tin",
    title: f.title ?? "",
    body: f.body ?? "",
    audience: Array.isArray(f.units) ? { all: false, unitIds } : { all: true },
    requireRemediation: f.remediation ?? false,
    source: f.externalRef ? "feed" : "cli",
    ...(f.externalRef ? { externalRef: f.externalRef } : {}),
    ...(f.correctionOf ? { correctionOfId: f.correctionOf } : {}),
  };
  // Length, emptiness and characters are the chat flow's rules; keys already reported above
  // (missing, wrong type, unknown units) are not reported twice.
  const already = new Set([...bad, "audience"]);
  problems.push(...draftProblems(draft).filter((p) => !already.has(p.split(":")[0]!.split(".")[0]!)));
  return problems.length ? { ok: false, problems } : { ok: true, draft };
}
