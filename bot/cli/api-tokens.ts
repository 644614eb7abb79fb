// `api-token create NAME`, `api-token revoke NAME`, `api-token list`: credentials of systems that
// push dossiers to POST /api/dossiers.
import { createApiToken, listApiTokens, revokeApiToken } from "../services/api-tokens.js";
import type { CliContext } from "./context.js";
import { formatDateTime } from "../services/date-text.js";

export async function apiTokenCommand(cli: CliContext, action: string, name: string | undefined): Promise<number> {
  const { t } = cli;
  const db = cli.db.prisma;
  const at = (d: Date) => formatDateTime(d, cli.config.timezone);
  if (action === "list") {
    const tokens = await listApiTokens(db);
    if (!tokens.length) cli.out(t("cli.apiToken.none"));
    for (const k of tokens) {
      cli.out(
        t("cli.apiToken.line", {
          name: k.name,
          created: at(k.createdAt),
          lastUsed: k.lastUsedAt ? t("cli.apiToken.lastUsed", { at: at(k.lastUsedAt) }) : "",
          revoked: k.revokedAt ? t("cli.apiToken.revokedAt", { at: at(k.revokedAt) }) : "",
        }),
      );
    }
    return 0;
  }
  if (!name) return 2;
  if (action === "create") {
    const res = await createApiToken(db, name, { actor: cli.actor, now: cli.now });
    if (!res.ok) {
      cli.err(t(res.reason === "exists" ? "cli.apiToken.exists" : "cli.apiToken.badName", { name }));
      return 1;
    }
    cli.out(t("cli.apiToken.created", { name }));
    cli.out(`  ${res.token}`);
    cli.out(t("cli.apiToken.usage"));
    return 0;
  }
  if (action === "revoke") {
    if (!(await revokeApiToken(db, name, { actor: cli.actor, now: cli.now }))) {
      cli.err(t("cli.apiToken.notFound", { name }));
      return 1;
    }
    cli.out(t("cli.apiToken.revoked", { name }));
    return 0;
  }
  return 2;
}
