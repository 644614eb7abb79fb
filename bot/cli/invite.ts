// `invite STAFF_CODE [--hours N]`: prints a one-time invite and its deep link.
import { Api } from "grammy";
import { formatDateTime } from "../services/date-text.js";
import { createInvite } from "../services/invites.js";
import type { CliContext } from "./context.js";

async function botUsername(cli: CliContext): Promise<string | undefined> {
  if (cli.config.botUsername) return cli.config.botUsername;
  if (!cli.hasToken) return undefined;
  try {
    const me = await new Api(cli.config.botToken, { apiRoot: cli.config.apiRoot }).getMe();
    return me.username;
  } catch {
    return undefined; // offline: the invite still works, typed after /start
  }
}

export async function inviteStaff(cli: CliContext, staffCode: string, hours: number | undefined): Promise<number> {
  const { t } = cli;
  const ttlHours = hours ?? cli.config.inviteTtlHours;
  const res = await createInvite(cli.db.prisma, { staffCode, ttlHours, now: cli.now, actor: cli.actor });
  if (!res.ok) {
    cli.err(t(res.reason === "unknownStaff" ? "cli.invite.unknownStaff" : "cli.invite.inactiveStaff", { code: staffCode }));
    return 1;
  }
  const expires = formatDateTime(res.expiresAt, cli.config.timezone);
  cli.out(t("cli.invite.created", { name: res.staff.fullName, code: res.staff.code, hours: ttlHours, expires }));
  cli.out(t("cli.invite.code", { invite: res.invite }));
  const username = await botUsername(cli);
  if (username) cli.out(t("cli.invite.link", { link: `https://t.me/${username}?start=${res.invite}` }));
  else cli.out(t("cli.invite.noUsername", { invite: res.invite }));
  cli.out(t("cli.invite.oneTime"));
  return 0;
}
