// `units`, `staff [--unit CODE]`, `unbind STAFF_CODE`, `audit [--limit N]`: the registry at a glance.
import { audit } from "../services/audit.js";
import { formatDateTime } from "../services/date-text.js";
import { roleLabel } from "../services/profile.js";
import { listUnits } from "../services/units.js";
import type { CliContext } from "./context.js";
import { unitOption } from "./unit-option.js";

export async function listUnitsCommand(cli: CliContext): Promise<number> {
  const units = await listUnits(cli.db.prisma);
  const counts = await cli.db.prisma.staff.groupBy({ by: ["unitId"], where: { active: true }, _count: { _all: true } });
  const byUnit = new Map(counts.map((c) => [c.unitId, c._count._all]));
  for (const u of units) {
    cli.out(cli.t("cli.units.line", { code: u.code, name: u.name, kind: cli.t(`cli.units.kinds.${u.kind as "internal"}`), staff: byUnit.get(u.id) ?? 0 }));
  }
  return 0;
}

export async function listStaffCommand(cli: CliContext, unitLabel: string | undefined): Promise<number> {
  const unit = await unitOption(cli, unitLabel);
  if (unit === null) return 1;
  const staff = await cli.db.prisma.staff.findMany({
    where: unit ? { unitId: unit.id } : {},
    include: { unit: true, accounts: { where: { active: true } } },
    orderBy: [{ unit: { sortOrder: "asc" } }, { code: "asc" }],
  });
  if (staff.length === 0) cli.out(unit ? cli.t("cli.staff.noneInUnit", { unit: unit.code, name: unit.name }) : cli.t("cli.staff.none"));
  for (const s of staff) {
    cli.out(
      cli.t("cli.staff.line", {
        code: s.code,
        name: s.fullName,
        role: roleLabel(cli.t, s.role),
        unit: s.unit.code,
        bound: cli.t(s.accounts.length ? "cli.staff.bound" : "cli.staff.notBound"),
        active: s.active ? "" : cli.t("cli.staff.inactive"),
      }),
    );
  }
  return 0;
}

/** Ends the bindings of a person (a lost phone, a departure): their chat accounts stop working. */
export async function unbindCommand(cli: CliContext, staffCode: string): Promise<number> {
  const db = cli.db.prisma;
  const staff = await db.staff.findUnique({ where: { code: staffCode.trim().toUpperCase() } });
  if (!staff) {
    cli.err(cli.t("cli.invite.unknownStaff", { code: staffCode }));
    return 1;
  }
  const res = await db.$transaction(async (tx) => {
    const r = await tx.chatAccount.updateMany({
      where: { staffId: staff.id, active: true },
      data: { active: false, inactiveReason: "unbound", inactiveAt: cli.now },
    });
    await tx.invite.updateMany({ where: { staffId: staff.id, usedAt: null, revokedAt: null }, data: { revokedAt: cli.now } });
    await audit(tx, { actor: cli.actor, action: "account.unbind", target: `staff:${staff.code}`, details: { accounts: r.count }, at: cli.now });
    return r.count;
  });
  cli.out(cli.t("cli.unbind.done", { name: staff.fullName, count: res }));
  return 0;
}

export async function auditCommand(cli: CliContext, limit: number): Promise<number> {
  const rows = await cli.db.prisma.auditLog.findMany({ orderBy: { id: "desc" }, take: limit });
  if (rows.length === 0) {
    cli.out(cli.t("cli.audit.empty"));
    return 0;
  }
  for (const r of rows.reverse()) {
    const at = formatDateTime(r.at, cli.config.timezone);
    cli.out(`${at}  ${r.outcome.padEnd(6)} ${r.action.padEnd(22)} ${r.actor}${r.target ? ` → ${r.target}` : ""}${r.details ? `  ${r.details}` : ""}`);
  }
  return 0;
}
