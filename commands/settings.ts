// /caidat: the person's own settings: language, quiet hours, digest and tips.
import { A } from "../bot/chat/actions.js";
import { defineCommand, NOT_HANDLED } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { type Button, checked, type View } from "../bot/chat/view.js";
import { isLocale, LOCALES, type Locale, translator } from "../bot/i18n.js";
import { audit } from "../bot/services/audit.js";
import {
  DIGEST_MODES,
  type DigestMode,
  hasQuietHours,
  QUIET_PRESETS,
  setDigestMode,
  setLocale,
  setQuietHours,
  activeChannels,
  setPreferredChannel,
  setTipFrequency,
  staffProfile,
  TIP_FREQUENCIES,
  type TipFrequency,
} from "../bot/services/preferences.js";
import type { Role } from "../bot/services/roles.js";

type Staff = NonNullable<Turn["identity"]>["staff"];

/** Digests are for those who see a unit or the department. */
function receivesDigest(role: string): boolean {
  return role !== "chuyen_vien";
}

function quietLabel(turn: Turn, s: { quietFrom: string; quietTo: string }): string {
  return hasQuietHours(s) ? turn.t("settings.quietRange", { from: s.quietFrom, to: s.quietTo }) : turn.t("settings.quietOff");
}

type ChannelName = "telegram" | "zalo" | "demo" | "slack";
const channelName = (turn: Turn, p: string) => (["telegram", "zalo", "demo", "slack"].includes(p) ? turn.t(`settings.channelNames.${p as ChannelName}`) : p);

/** The settings, with the channel choice when the person has accounts on several platforms. */
async function overviewOf(turn: Turn, s: Staff): Promise<View> {
  return overview(turn, s, await activeChannels(turn.deps.db, s.id));
}

function overview(turn: Turn, s: Staff, channels: string[]): View {
  const { t } = turn;
  const locale: Locale = isLocale(s.locale) ? s.locale : turn.deps.config.defaultLocale;
  const lines = [t("settings.title"), "", t("settings.language", { value: t(`settings.languageNames.${locale}`) }), t("settings.quiet", { value: quietLabel(turn, s) }), t("settings.quietNote")];
  if (receivesDigest(s.role)) lines.push(t("settings.digest", { value: t(`settings.digestModes.${s.digestMode as DigestMode}`) }));
  lines.push(t("settings.tips", { value: t(`settings.tipFrequencies.${s.tipFrequency as TipFrequency}`) }));
  const multi = channels.length > 1;
  if (multi) {
    const current = s.preferredChannel && channels.includes(s.preferredChannel) ? channelName(turn, s.preferredChannel) : t("settings.channelLatest");
    lines.push(t("settings.channel", { value: current }));
  }
  const second: Button[] = [{ text: t("settings.chooseQuiet"), data: A.settings.quiet.build({}) }];
  if (receivesDigest(s.role)) second.push({ text: t("settings.chooseDigest"), data: A.settings.digest.build({}) });
  second.push({ text: t("settings.chooseTips"), data: A.settings.tips.build({}) });
  const buttons = [LOCALES.map((l) => ({ text: checked(l === locale, t(`settings.languageNames.${l}`)), data: A.settings.lang.build({ locale: l }) })), second];
  if (multi) buttons.push([{ text: t("settings.chooseChannel"), data: A.settings.channel.build({}) }]);
  return { text: lines.join("\n"), buttons };
}

function picker(turn: Turn, kind: "quiet" | "digest" | "tips", s: Staff): View {
  const { t } = turn;
  const rows: Button[][] = [];
  if (kind === "quiet") {
    QUIET_PRESETS.forEach((p, i) => {
      const current = p.from === s.quietFrom && p.to === s.quietTo;
      rows.push([{ text: checked(current, quietLabel(turn, { quietFrom: p.from, quietTo: p.to })), data: A.settings.quiet.build({ preset: i }) }]);
    });
  } else if (kind === "digest") {
    for (const m of DIGEST_MODES) rows.push([{ text: checked(m === s.digestMode, t(`settings.digestModes.${m}`)), data: A.settings.digest.build({ mode: m }) }]);
  } else {
    for (const f of TIP_FREQUENCIES) rows.push([{ text: checked(f === s.tipFrequency, t(`settings.tipFrequencies.${f}`)), data: A.settings.tips.build({ frequency: f }) }]);
  }
  rows.push([{ text: t("common.back"), data: A.settings.home.build({}) }]);
  const title = { quiet: "settings.pickQuiet", digest: "settings.pickDigest", tips: "settings.pickTips" } as const;
  return { text: t(title[kind]), buttons: rows };
}

/** Records a change (audited), then shows the settings again. */
async function changed(turn: Turn, details: Record<string, string | number>) {
  const staffId = turn.identity!.staffId;
  await audit(turn.deps.db, { actor: turn.actor, actorStaffId: staffId, action: "settings.change", details, at: turn.now });
  if (details.lang === undefined) await turn.reply.notice(turn.t("common.saved"));
  await turn.reply.show(await overviewOf(turn, await staffProfile(turn.deps.db, staffId)), { replace: true });
}

export function settingsCommand() {
  return defineCommand(
    { name: "caidat", aliases: ["settings"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.caidat" },
    (c) => {
      c.message(async (turn) => turn.reply.show(await overviewOf(turn, turn.identity!.staff)));
      c.action(A.settings.home, async (turn) => turn.reply.show(await overviewOf(turn, turn.identity!.staff), { replace: true }));
      c.action(A.settings.channel, async (turn, { platform }) => {
        const s = turn.identity!.staff;
        const channels = await activeChannels(turn.deps.db, s.id);
        if (channels.length < 2) return NOT_HANDLED;
        if (platform === undefined) {
          const rows = channels.map((p) => [{ text: checked(p === s.preferredChannel, channelName(turn, p)), data: A.settings.channel.build({ platform: p }) }]);
          rows.push([{ text: turn.t("common.back"), data: A.settings.home.build({}) }]);
          return turn.reply.show({ text: turn.t("settings.pickChannel"), buttons: rows }, { replace: true });
        }
        if (!(await setPreferredChannel(turn.deps.db, s.id, platform))) return NOT_HANDLED;
        await changed(turn, { channel: platform });
      });
      c.action(A.settings.lang, async (turn, { locale }) => {
        if (!isLocale(locale)) return NOT_HANDLED;
        const staffId = turn.identity!.staffId;
        await setLocale(turn.deps.db, staffId, locale);
        turn.locale = locale;
        turn.t = translator(turn.deps.i18n, locale);
        await turn.reply.notice(turn.t("settings.languageChanged"));
        await changed(turn, { lang: locale });
        await turn.reply.refreshMenu(turn.identity!.staff.role as Role, locale);
      });
      c.action(A.settings.quiet, async (turn, { preset }) => {
        if (preset === undefined) return turn.reply.show(picker(turn, "quiet", turn.identity!.staff), { replace: true });
        if (!QUIET_PRESETS[preset]) return NOT_HANDLED;
        await setQuietHours(turn.deps.db, turn.identity!.staffId, preset);
        await changed(turn, { quiet: String(preset) });
      });
      c.action(A.settings.digest, async (turn, { mode }) => {
        if (!receivesDigest(turn.identity!.staff.role)) return NOT_HANDLED;
        if (mode === undefined) return turn.reply.show(picker(turn, "digest", turn.identity!.staff), { replace: true });
        if (!(DIGEST_MODES as readonly string[]).includes(mode)) return NOT_HANDLED;
        await setDigestMode(turn.deps.db, turn.identity!.staffId, mode as DigestMode);
        await changed(turn, { digest: mode });
      });
      c.action(A.settings.tips, async (turn, { frequency }) => {
        if (frequency === undefined) return turn.reply.show(picker(turn, "tips", turn.identity!.staff), { replace: true });
        if (!(TIP_FREQUENCIES as readonly string[]).includes(frequency)) return NOT_HANDLED;
        await setTipFrequency(turn.deps.db, turn.identity!.staffId, frequency as TipFrequency);
        await changed(turn, { tips: frequency });
      });
    },
  );
}
