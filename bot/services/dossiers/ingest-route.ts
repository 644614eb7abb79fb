// POST /api/dossiers: the one-stop system pushes the same records as its spreadsheet export,
// as a JSON array. A bearer token (api-token create NAME) is required: 401 without a valid
// one. Every bad record is listed (400) and nothing is written if any is bad. Every call is
// in the audit log.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../../db/client.js";
import { HttpBodyError, readJsonBody, type Route, sendBodyError, sendJson } from "../../http-server.js";
import { type ImportProblem, sortProblems } from "../../import/index.js";
import type { Logger } from "../../logger.js";
import { DOSSIER_WRITE_SCOPE, verifyApiToken } from "../api-tokens.js";
import { audit } from "../audit.js";
import type { CalendarStore } from "../working-calendar.js";
import { applyDossierImport, planDossierImport, recordsFromJson } from "./import.js";

export const DOSSIER_INGEST_PATH = "/api/dossiers";
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const MAX_RECORDS = 20_000;

export interface IngestDeps {
  db: Db;
  calendar: CalendarStore;
  logger: Logger;
  clock: () => Date;
  timeZone: string;
}

/** Problems as the pushing system gets them: the record's position in the array (1-based). */
function forApi(p: ImportProblem) {
  return {
    record: p.rowNumber,
    ...(p.column ? { field: p.column } : {}),
    code: p.code,
    message: p.message.replace(/^Dòng (\d+)/, "Bản ghi $1"),
  };
}

export function dossierIngestRoute(deps: IngestDeps): Route {
  const deniedAuditedAt = new Map<string, number>();
  return {
    method: "POST",
    path: DOSSIER_INGEST_PATH,
    handler: async (req: IncomingMessage, res: ServerResponse) => {
      const now = deps.clock();
      const { db } = deps;
      const header = req.headers.authorization ?? "";
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? "";
      const client = bearer ? await verifyApiToken(db, bearer, DOSSIER_WRITE_SCOPE, now) : null;
      if (!client) {
        // Refusals are audited, but at most once a minute per address: anonymous requests must
        // not be able to fill the (append-only) audit log.
        const from = req.socket.remoteAddress ?? "?";
        if (now.getTime() - (deniedAuditedAt.get(from) ?? 0) >= 60_000) {
          deniedAuditedAt.set(from, now.getTime());
          if (deniedAuditedAt.size > 10_000) deniedAuditedAt.clear();
          await audit(db, { actor: `http:${from}`, action: "dossier.ingest", outcome: "denied", details: { reason: bearer ? "invalid token" : "no token" }, at: now });
        }
        res.setHeader("www-authenticate", 'Bearer realm="dossiers"');
        sendJson(res, 401, { ok: false, error: "Cần khóa API hợp lệ (Authorization: Bearer ...). / A valid API token is required." });
        return;
      }
      const actor = `http:${client}`;
      const refuse = async (status: number, body: Record<string, unknown>, details: Record<string, unknown>) => {
        await audit(db, { actor, action: "dossier.ingest", outcome: "failed", details, at: now });
        sendJson(res, status, { ok: false, ...body });
      };
      let body: unknown;
      try {
        body = await readJsonBody(req, MAX_BODY_BYTES);
      } catch (e) {
        if (!(e instanceof HttpBodyError)) throw e;
        await audit(db, { actor, action: "dossier.ingest", outcome: "failed", details: { reason: e.status === 413 ? "too large" : "bad json" }, at: now });
        return sendBodyError(req, res, e);
      }
      const read = recordsFromJson(body);
      if (read.records.length === 0 && read.problems.length === 0) return refuse(400, { error: "Mảng không có hồ sơ nào." }, { reason: "empty" });
      if (read.records.length > MAX_RECORDS) return refuse(413, { error: `Tối đa ${MAX_RECORDS} hồ sơ mỗi lần gửi.` }, { reason: "too many", records: read.records.length });
      const calendar = await deps.calendar.get();
      const plan = await planDossierImport(db, read, { calendar, timeZone: deps.timeZone, now });
      const problems = sortProblems([...read.problems, ...plan.problems]);
      if (problems.length) {
        return refuse(400, { error: `${problems.length} lỗi; không có hồ sơ nào được ghi.`, problems: problems.map(forApi) }, { problems: problems.length, records: read.records.length });
      }
      const summary = await applyDossierImport(db, plan, { calendar, actor, now, source: "api" });
      deps.logger.info({ client, ...summary }, "dossiers pushed");
      sendJson(res, 200, { ok: true, ...summary });
    },
  };
}
