// `invite STAFF_CODE [--hours N]`: prints a one-time invite and its deep link.
import { formatDateTime } from "../services/date-text.js";
import { createInvite } from "../services/invites.js";
import { describeFailure, probeBot } from "../channels/telegram/network.js";
import type { CliContext } from "./context.js";

/** Asking Telegram for the bot's name may not hold up the office: the invite is printed first. */
const LOOKUP_TIMEOUT_MS = 4000;

type Username = { username: string } | { missing: "noToken" } | { missing: "unreachable"; reason: string };

export async function botUsername(cli: CliContext): Promise<Username> {
  if (cli.config.botUsername) return { username: cli.config.botUsername };
  if (!cli.hasToken) return { missing: "noToken" };
  try {
    return { username: (await probeBot(cli.config.botToken, cli.config.apiRoot, LOOKUP_TIMEOUT_MS)).username };
  } catch (e) {
    return { missing: "unreachable", reason: describeFailure(e) }; // offline: the invite still works, typed after /start
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
  const name = await botUsername(cli);
  if ("username" in name) cli.out(t("cli.invite.link", { link: `https://t.me/${name.username}?start=${res.invite}` }));
  else if (!cli.config.telegram) {
    /* Zalo alone: no Telegram link to print */
  } else if (name.missing === "unreachable") cli.out(t("cli.invite.unreachable", { invite: res.invite, reason: name.reason }));
  else cli.out(t("cli.invite.noUsername", { invite: res.invite }));
  // Zalo has no deep links: the person writes to the bot and pastes the invite.
  if (cli.config.zalo) cli.out(t("cli.invite.zalo", { invite: res.invite }));
  cli.out(t("cli.invite.oneTime"));
  return 0;
}
