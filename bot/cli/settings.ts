// `settings` and `settings set KEY VALUE`: the office's knobs (reminder days, thresholds...).
import { listSettings, setSetting } from "../services/settings.js";
import type { CliContext } from "./context.js";

export async function settingsCommand(cli: CliContext, key: string | undefined, value: string | undefined): Promise<number> {
  if (key === undefined) {
    for (const s of await listSettings(cli.db.prisma)) {
      cli.out(cli.t("cli.settings.line", { key: s.key, value: s.value, note: s.isDefault ? cli.t("cli.settings.default") : "", describe: s.describe }));
      if (s.allowed) cli.out(cli.t("office.cli.allowed", { allowed: s.allowed, default: s.defaultValue }));
    }
    return 0;
  }
  if (value === undefined) return 2;
  const res = await setSetting(cli.db.prisma, key, value, cli.actor, cli.now);
  if (!res.ok) {
    cli.err(cli.t("cli.settings.invalid", { key, error: res.error }));
    return 1;
  }
  cli.out(cli.t("cli.settings.saved", { key, value: res.value }));
  return 0;
}
