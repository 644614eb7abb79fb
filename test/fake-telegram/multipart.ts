// A tolerant multipart/form-data parser. Node's `Request.formData()` rejects what grammY
// sends (`content-disposition:form-data;name="x"` without spaces, and an unquoted raw UTF-8
// `filename=Báo cáo.pdf`), so the fake parses the parts itself, like Telegram's server does.
import { badRequest } from "./errors.js";
import type { UploadedFile } from "./types.js";

export interface MultipartResult {
  fields: Map<string, string>;
  files: Map<string, UploadedFile>;
}

export function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined || boundary.length === 0) throw badRequest("boundary not found");
  return boundary;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartResult {
  const fields = new Map<string, string>();
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest("boundary not found");
  for (;;) {
    pos += delimiter.length;
    // "--" after a delimiter ends the body.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    else if (body[pos] === 0x0a) pos += 1;
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), pos);
    if (next < 0) throw badRequest("unexpected end of request content");
    parsePart(body.subarray(pos, next), fields, files);
    pos = next + 2;
  }
  return { fields, files };
}

function parsePart(part: Buffer, fields: Map<string, string>, files: Map<string, UploadedFile>): void {
  let headerEnd = part.indexOf("\r\n\r\n");
  let bodyStart = headerEnd + 4;
  if (headerEnd < 0) {
    headerEnd = part.indexOf("\n\n");
    bodyStart = headerEnd + 2;
  }
  if (headerEnd < 0) throw badRequest("can't parse form data headers");
  const headerText = part.subarray(0, headerEnd).toString("utf8");
  const content = part.subarray(bodyStart);
  let disposition: string | undefined;
  let contentType = "application/octet-stream";
  for (const line of headerText.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-disposition") disposition = value;
    else if (name === "content-type") contentType = value;
  }
  if (disposition === undefined) throw badRequest("expected form-data content disposition");
  const params = parseDisposition(disposition);
  const name = params.get("name");
  if (name === undefined || name.length === 0) throw badRequest("field name in multipart/form-data not found");
  const filename = params.get("filename*") ?? params.get("filename");
  if (filename !== undefined) {
    files.set(name, { filename, mimeType: contentType, content: Buffer.from(content) });
  } else {
    fields.set(name, content.toString("utf8"));
  }
}

/** Parses `form-data; name="x"; filename=raw name.pdf` (quoted or not; RFC 5987 `filename*`). */
function parseDisposition(value: string): Map<string, string> {
  const result = new Map<string, string>();
  const semicolon = value.indexOf(";");
  if (semicolon < 0 || value.slice(0, semicolon).trim().toLowerCase() !== "form-data") {
    throw badRequest("expected form-data content disposition");
  }
  let rest = value.slice(semicolon + 1);
  while (rest.length > 0) {
    rest = rest.replace(/^[\s;]+/, "");
    const eq = rest.indexOf("=");
    if (eq < 0) break;
    const key = rest.slice(0, eq).trim().toLowerCase();
    rest = rest.slice(eq + 1).trimStart();
    let val: string;
    if (rest.startsWith('"')) {
      let i = 1;
      let out = "";
      while (i < rest.length && rest[i] !== '"') {
        if (rest[i] === "\\" && i + 1 < rest.length) i += 1;
        out += rest[i];
        i += 1;
      }
      if (i >= rest.length) throw badRequest("unclosed quoted string in Content-Disposition header");
      val = out;
      rest = rest.slice(i + 1);
    } else if (key === "filename") {
      // grammY writes the raw file name without quotes as the last parameter: take the line.
      val = rest.trim();
      rest = "";
    } else {
      const end = rest.indexOf(";");
      val = (end < 0 ? rest : rest.slice(0, end)).trim();
      rest = end < 0 ? "" : rest.slice(end);
    }
    if (key === "filename*") {
      const m = /^([^']*)'[^']*'(.*)$/.exec(val);
      if (m !== null) {
        try {
          val = decodeURIComponent(m[2] ?? "");
        } catch {
          throw badRequest("can't parse form data headers");
        }
      }
    }
    result.set(key, val);
  }
  return result;
}
