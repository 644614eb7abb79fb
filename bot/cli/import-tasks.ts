// `import tasks FILE [--dry-run]`: the plan's tasks from the office's spreadsheet.
import { formatProblems } from "../import/index.js";
import { applyTaskImport, planTaskImport } from "../services/tasks/import.js";
import type { CliContext } from "./context.js";

export async function importTasks(cli: CliContext, file: string, opts: { dryRun: boolean }): Promise<number> {
  const { t } = cli;
  const plan = await planTaskImport(cli.db.prisma, { path: file });
  if (plan.problems.length) {
    cli.err(formatProblems(plan.problems));
    cli.err(t("cli.nothingWritten"));
    return 1;
  }
  const summary = { rows: plan.records.length, created: plan.creates, updated: plan.updates, unchanged: plan.unchanged };
  if (opts.dryRun) {
    cli.out(t("cli.tasks.dryRun", summary));
    return 0;
  }
  await applyTaskImport(cli.db.prisma, plan, { actor: cli.actor, now: cli.now });
  cli.out(t("cli.tasks.imported", summary));
  return 0;
}
