// Credentials of systems that push data (the one-stop system's dossier feed). A token is shown
// once when created; only its sha256 is stored, so a copy of the database gives no access.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client.js";
import { audit } from "./audit.js";

export const DOSSIER_WRITE_SCOPE = "dossiers:write";
const NAME_RE = /^[a-z0-9][a-z0-9._-]{0,39}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isTokenName(name: string): boolean {
  return NAME_RE.test(name);
}

export type CreateTokenResult = { ok: true; token: string } | { ok: false; reason: "badName" | "exists" };

export async function createApiToken(db: Db, name: string, opts: { actor: string; now: Date; scopes?: string[] }): Promise<CreateTokenResult> {
  if (!isTokenName(name)) return { ok: false, reason: "badName" };
  const token = `skhcn_${randomBytes(32).toString("base64url")}`;
  const tokenHash = hashToken(token);
  const scopes = (opts.scopes ?? [DOSSIER_WRITE_SCOPE]).join(" ");
  return db.$transaction(async (tx) => {
    const existing = await tx.apiToken.findUnique({ where: { name } });
    if (existing && !existing.revokedAt) return { ok: false, reason: "exists" } as const;
    // A revoked name can be given a new token: the row is reused, its old hash forgotten.
    if (existing) {
      await tx.apiToken.update({ where: { name }, data: { tokenHash, scopes, createdAt: opts.now, createdBy: opts.actor, lastUsedAt: null, revokedAt: null } });
    } else {
      await tx.apiToken.create({ data: { name, tokenHash, scopes, createdAt: opts.now, createdBy: opts.actor } });
    }
    await audit(tx, { actor: opts.actor, action: "apitoken.create", target: `apitoken:${name}`, details: { scopes }, at: opts.now });
    return { ok: true, token } as const;
  });
}

export async function revokeApiToken(db: Db, name: string, opts: { actor: string; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const res = await tx.apiToken.updateMany({ where: { name, revokedAt: null }, data: { revokedAt: opts.now } });
    if (res.count) await audit(tx, { actor: opts.actor, action: "apitoken.revoke", target: `apitoken:${name}`, at: opts.now });
    return res.count > 0;
  });
}

/** The token's name when `presented` is an active token with `scope`; null otherwise. */
export async function verifyApiToken(db: Db, presented: string, scope: string, now: Date): Promise<string | null> {
  if (!presented || presented.length > 200) return null;
  const hash = hashToken(presented);
  const row = await db.apiToken.findUnique({ where: { tokenHash: hash } });
  if (!row || row.revokedAt || !row.scopes.split(/\s+/).includes(scope)) return null;
  // The lookup is by hash already; compare again in constant time for good measure.
  if (!timingSafeEqual(Buffer.from(row.tokenHash, "hex"), Buffer.from(hash, "hex"))) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return row.name;
}

export async function listApiTokens(db: Db) {
  return db.apiToken.findMany({ orderBy: { name: "asc" }, select: { name: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true } });
}
