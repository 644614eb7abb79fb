// `import staff FILE [--dry-run] [--deactivate-missing]`
import { formatProblems } from "../import/index.js";
import { applyStaffImport, countMissingStaff, planStaffFile } from "../services/staff-import.js";
import type { CliContext } from "./context.js";

export async function importStaff(
  cli: CliContext,
  file: string,
  opts: { dryRun: boolean; deactivateMissing: boolean },
): Promise<number> {
  const { t } = cli;
  const plan = await planStaffFile(cli.db.prisma, { path: file });
  if (plan.problems.length) {
    cli.err(formatProblems(plan.problems));
    cli.err(t("cli.nothingWritten"));
    return 1;
  }
  const summary = { rows: plan.records.length, created: plan.creates, updated: plan.updates, unchanged: plan.unchanged };
  // Deactivation is only spoken of when asked for (--deactivate-missing): otherwise nobody is.
  if (opts.dryRun) {
    cli.out(t("cli.staff.dryRun", summary));
    if (opts.deactivateMissing) cli.out(t("cli.staff.wouldDeactivate", { count: await countMissingStaff(cli.db.prisma, plan) }));
    return 0;
  }
  const result = await applyStaffImport(cli.db.prisma, plan, {
    actor: cli.actor,
    now: cli.now,
    deactivateMissing: opts.deactivateMissing,
  });
  cli.out(t("cli.staff.imported", summary));
  if (opts.deactivateMissing) cli.out(t("cli.staff.deactivated", { count: result.deactivated }));
  return 0;
}
