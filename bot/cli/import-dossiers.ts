// `import dossiers FILE [--dry-run]`: the one-stop system's export (CSV/XLSX).
import { formatProblems, readRecords } from "../import/index.js";
import { applyDossierImport, DOSSIER_SPEC, planDossierImport } from "../services/dossiers/import.js";
import { loadWorkingCalendar } from "../services/working-calendar.js";
import type { CliContext } from "./context.js";

export async function importDossiers(cli: CliContext, file: string, opts: { dryRun: boolean }): Promise<number> {
  const { t } = cli;
  const db = cli.db.prisma;
  const read = await readRecords({ path: file }, DOSSIER_SPEC);
  if (read.problems.length) {
    cli.err(formatProblems(read.problems));
    cli.err(t("cli.nothingWritten"));
    return 1;
  }
  const calendar = await loadWorkingCalendar(db, cli.config.timezone);
  const plan = await planDossierImport(db, read, { calendar, timeZone: cli.config.timezone, now: cli.now });
  if (plan.problems.length) {
    cli.err(formatProblems(plan.problems));
    cli.err(t("cli.nothingWritten"));
    return 1;
  }
  const summary = await applyDossierImport(db, plan, { calendar, actor: cli.actor, now: cli.now, source: "import", dryRun: opts.dryRun });
  cli.out(t(opts.dryRun ? "cli.dossiers.dryRun" : "cli.dossiers.imported", { ...summary }));
  if (summary.keptChatReturns) cli.out(t("cli.dossiers.keptChatReturns", { count: summary.keptChatReturns }));
  return 0;
}
