// /nhap: the office (and administrators) send a spreadsheet (.xlsx or .csv) in the private
// chat; the bot recognises it by its header row (asks when unsure), checks it with the CLI's
// own rules and shows a preview: what would be added, updated, left unchanged, deactivated,
// or every bad row (the first 20 in the message, all of them in a problems spreadsheet with
// a "Lỗi" column). Nothing is written until "Nhập" is pressed, and then only from a fresh
// check of the same file. The file's bytes are fetched from the platform when needed and
// never stored: the flow keeps the platform's file id and the bytes' hash, no more.
import { createHash } from "node:crypto";
import { z } from "zod";
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import { escapeMarkup } from "../bot/chat/markup.js";
import type { ReceivedFile, Turn } from "../bot/chat/turn.js";
import type { Button } from "../bot/chat/view.js";
import type { TKey } from "../bot/i18n.js";
import { formatProblems, type ImportProblem } from "../bot/import/index.js";
import { audit } from "../bot/services/audit.js";
import { clearFlow, flowData, setFlow } from "../bot/services/flows.js";
import { detectKind, IMPORT_KINDS, type ImportKind, isSpreadsheetName, SPEC_OF } from "../bot/services/office-import/kinds.js";
import { applyOfficeImport, CHAT_IMPORT_MAX_BYTES, type ImportCounts, type OfficeImportPlan, planOfficeImport, sameCounts } from "../bot/services/office-import/plan.js";
import { problemsWorkbook } from "../bot/services/office-import/problems-sheet.js";
import { OFFICE } from "../bot/services/roles.js";

const FLOW = "nhap";
/** Bad rows listed in the message; all of them are in the problems spreadsheet. */
const SHOWN_PROBLEMS = 20;

const FileRef = z.object({ fileId: z.string(), fileName: z.string().nullable(), size: z.number().nullable(), sha256: z.string() });
const Counts = z.object({ rows: z.number(), added: z.number(), updated: z.number(), unchanged: z.number(), deactivated: z.number() });
const Draft = z.object({ file: FileRef, kind: z.enum(IMPORT_KINDS).optional(), counts: Counts.optional() });
type Draft = z.infer<typeof Draft>;
type Step = "kind" | "confirm";

export const KIND_LABELS: Record<ImportKind, TKey> = {
  staff: "officeFiles.kinds.staff",
  tasks: "officeFiles.kinds.tasks",
  dossiers: "officeFiles.kinds.dossiers",
  holidays: "officeFiles.kinds.holidays",
};

function draftAt(turn: Turn, ...steps: Step[]): Draft | null {
  return flowData(turn.flow, FLOW, Draft, steps);
}

async function saveFlow(turn: Turn, step: Step, draft: Draft) {
  await setFlow(turn.deps.db, turn.identity!.id, { flow: FLOW, step, data: { ...draft } }, turn.now);
  turn.flow = { flow: FLOW, step, data: { ...draft } };
}

async function endFlow(turn: Turn) {
  await clearFlow(turn.deps.db, turn.identity!.id);
  turn.flow = null;
}

/** The file's bytes from the platform, or the reason in words (already said to the person). */
async function download(turn: Turn, file: Pick<ReceivedFile, "fileId" | "fileName" | "size">): Promise<Buffer | null> {
  if (!turn.fetchFile) {
    await turn.reply.show(turn.t("common.filesNotHere"));
    return null;
  }
  const got = await turn.fetchFile({ fileId: file.fileId, kind: "document", fileName: file.fileName, size: file.size }, CHAT_IMPORT_MAX_BYTES);
  if (got.ok) return got.bytes;
  await turn.reply.show(turn.t(got.reason === "tooLarge" ? "officeFiles.import.tooLarge" : "officeFiles.import.unavailable", { mb: CHAT_IMPORT_MAX_BYTES / (1024 * 1024) }));
  return null;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const envOf = (turn: Turn) => ({ db: turn.deps.db, timeZone: turn.deps.config.timezone, now: turn.now });
const fileNameOf = (d: Draft) => d.file.fileName ?? "bang-tinh.xlsx";

function countsText(turn: Turn, kind: ImportKind, c: ImportCounts): string {
  const lines = [turn.t("officeFiles.import.counts", { rows: c.rows, added: c.added, updated: c.updated, unchanged: c.unchanged })];
  if (kind === "staff") lines.push(turn.t("officeFiles.import.missingStaff", { count: c.deactivated }));
  if (kind === "holidays" && c.deactivated) lines.push(turn.t("officeFiles.import.replaced", { count: c.deactivated }));
  return lines.join("\n");
}

/** Characters the listed problems may take: the message (with its title) stays one Telegram message. */
const LIST_CHARS = 3200;

/** The first 20 problems, fewer if they are long (then "… và N lỗi khác"); all are in the spreadsheet. */
function problemList(problems: readonly ImportProblem[], title: false | undefined = false): string {
  for (let max = SHOWN_PROBLEMS; max > 1; max--) {
    const text = formatProblems(problems, { max, title });
    if (escapeMarkup(text).length <= LIST_CHARS) return text;
  }
  return formatProblems(problems, { max: 1, title });
}

/** The preview: the problems (and their spreadsheet), or the counts and the buttons that write. */
async function preview(turn: Turn, draft: Draft, kind: ImportKind, bytes: Buffer): Promise<void> {
  const { t } = turn;
  const input = { buffer: bytes, fileName: fileNameOf(draft) };
  const plan = await planOfficeImport(envOf(turn), kind, input);
  const label = t(KIND_LABELS[kind]);
  await audit(turn.deps.db, {
    actor: turn.actor,
    actorStaffId: turn.identity!.staffId,
    action: "import.preview",
    target: `import:${kind}`,
    outcome: plan.problems.length ? "failed" : "ok",
    details: { via: "chat", fileName: draft.file.fileName, problems: plan.problems.length, ...plan.counts },
    at: turn.now,
  });
  if (plan.problems.length) {
    await endFlow(turn);
    const listed = problemList(plan.problems);
    const text = [t("officeFiles.import.problems", { kind: label, name: escapeMarkup(fileNameOf(draft)), count: plan.problems.length }), "", escapeMarkup(listed), "", t("officeFiles.import.problemsFile")].join("\n");
    const sheet = await problemsWorkbook(input, SPEC_OF[kind], plan.problems);
    await turn.reply.show({ text, document: { kind: "bytes", fileName: `loi-${fileNameOf(draft).replace(/\.[^.]+$/, "")}.xlsx`, bytes: sheet } });
    return;
  }
  await saveFlow(turn, "confirm", { ...draft, kind, counts: plan.counts });
  const buttons: Button[][] = [[{ text: t("officeFiles.import.go"), data: A.officeImport.go.build({}) }]];
  if (kind === "staff" && plan.counts.deactivated > 0)
    buttons.push([{ text: t("officeFiles.import.goDeactivate", { count: plan.counts.deactivated }), data: A.officeImport.go.build({ deactivate: "1" }) }]);
  buttons.push([{ text: t("officeFiles.import.cancel"), data: A.officeImport.cancel.build({}) }]);
  await turn.reply.show({
    text: [t("officeFiles.import.preview", { kind: label, name: escapeMarkup(fileNameOf(draft)) }), countsText(turn, kind, plan.counts), "", t("officeFiles.import.confirmHint")].join("\n"),
    buttons,
  });
}

async function received(turn: Turn, file: ReceivedFile): Promise<void> {
  const { t } = turn;
  if (!isSpreadsheetName(file.fileName)) return void (await turn.reply.show(t("officeFiles.import.notSpreadsheet")));
  const bytes = await download(turn, file);
  if (!bytes) return;
  const draft: Draft = { file: { fileId: file.fileId, fileName: file.fileName, size: file.size ?? bytes.length, sha256: sha256(bytes) } };
  const found = await detectKind({ buffer: bytes, fileName: fileNameOf(draft) });
  if (found.kind) return preview(turn, draft, found.kind, bytes);
  if ("problems" in found) {
    await endFlow(turn);
    return void (await turn.reply.show(escapeMarkup(problemList(found.problems, undefined))));
  }
  await saveFlow(turn, "kind", draft);
  const buttons: Button[][] = found.candidates.map((k) => [{ text: t(KIND_LABELS[k]), data: A.officeImport.kind.build({ kind: k }) }]);
  buttons.push([{ text: t("officeFiles.import.cancel"), data: A.officeImport.cancel.build({}) }]);
  await turn.reply.show({ text: t("officeFiles.import.whichKind", { name: escapeMarkup(fileNameOf(draft)) }), buttons });
}

/** The same file as at the preview (the platform's id; the hash proves the bytes), or null (said). */
async function sameFile(turn: Turn, d: Draft): Promise<Buffer | null> {
  const bytes = await download(turn, d.file);
  if (!bytes) return null;
  if (sha256(bytes) !== d.file.sha256) {
    await endFlow(turn);
    await turn.reply.show(turn.t("officeFiles.import.fileChanged"));
    return null;
  }
  return bytes;
}

export const importFileCommand = defineCommand(
  {
    name: "nhap",
    roles: OFFICE,
    requiresBinding: true,
    privateOnly: true,
    inMenu: true,
    descriptionKey: "officeFiles.commands.nhap",
    // A spreadsheet sent outside any guided flow is an import (a chuyên viên is refused and audited by the guard).
    takes: (input) => input.file?.kind === "document" && isSpreadsheetName(input.file.fileName),
  },
  (c) => {
    c.message(async (turn) => {
      const msg = turn.input.kind === "message" ? turn.input : undefined;
      if (msg?.file?.kind === "document") return received(turn, msg.file);
      if (turn.command) {
        await endFlow(turn);
        // Where files do not reach the bot (Zalo), the office is told where they do.
        if (!turn.caps.filesIn) return turn.reply.show(turn.t("officeFiles.import.noFilesHere"));
        return turn.reply.show(turn.t("officeFiles.import.howTo", { mb: CHAT_IMPORT_MAX_BYTES / (1024 * 1024) }));
      }
      // Text typed while a choice waits: the buttons stay valid.
      return turn.reply.show(turn.t("officeFiles.import.useButtons"));
    });
    c.action(A.officeImport.kind, async (turn, { kind }) => {
      const d = draftAt(turn, "kind");
      if (!d) return turn.reply.notice(turn.t("common.invalidButton"), { alert: true });
      await turn.reply.clearButtons();
      const bytes = await sameFile(turn, d);
      if (bytes) await preview(turn, d, kind, bytes);
    });
    c.action(A.officeImport.cancel, async (turn) => {
      await endFlow(turn);
      await turn.reply.clearButtons();
      await turn.reply.show(turn.t("officeFiles.import.cancelled"));
    });
    c.action(A.officeImport.go, async (turn, { deactivate }) => {
      const d = draftAt(turn, "confirm");
      if (!d?.kind || !d.counts) return turn.reply.notice(turn.t("common.invalidButton"), { alert: true });
      await turn.reply.clearButtons();
      const bytes = await sameFile(turn, d);
      if (!bytes) return;
      // Checked again against the database as it is now: what is written is what was previewed.
      const plan: OfficeImportPlan = await planOfficeImport(envOf(turn), d.kind, { buffer: bytes, fileName: fileNameOf(d) });
      if (plan.problems.length || !sameCounts(plan.counts, d.counts)) {
        await turn.reply.show(turn.t("officeFiles.import.changedSincePreview"));
        return preview(turn, d, d.kind, bytes);
      }
      const counts = await applyOfficeImport(envOf(turn), plan, {
        actor: turn.actor,
        actorStaffId: turn.identity!.staffId,
        deactivateMissing: d.kind === "staff" && deactivate === "1",
        via: "chat",
        fileName: d.file.fileName,
      });
      await endFlow(turn);
      if (d.kind === "holidays") turn.deps.calendar.invalidate();
      const lines = [turn.t("officeFiles.import.done", { kind: turn.t(KIND_LABELS[d.kind]), rows: counts.rows, added: counts.added, updated: counts.updated, unchanged: counts.unchanged })];
      if (d.kind === "staff" && counts.deactivated) lines.push(turn.t("officeFiles.import.deactivated", { count: counts.deactivated }));
      const buttons: Button[][] | undefined = d.kind === "staff" ? [[{ text: turn.t("officeFiles.invites.makeButton"), data: A.invites.unbound.build({}) }]] : undefined;
      await turn.reply.show({ text: lines.join("\n"), ...(buttons ? { buttons } : {}) });
    });
  },
);
