// Finds the staff member behind a chat account, their language and any guided flow: the
// part of a turn every platform fills the same way.
import { isLocale, type Locale, type Translate, translator } from "../i18n.js";
import { findIdentityAndFlow, type Identity, reactivateIfBlocked } from "../services/accounts.js";
import { settleFlow } from "../services/flows.js";
import type { Platform } from "./capabilities.js";
import type { ChatDeps, FlowSnapshot } from "./turn.js";

const TOUCH_EVERY_MS = 10 * 60_000;

export interface Session {
  identity: Identity | null;
  locale: Locale;
  t: Translate;
  flow: FlowSnapshot | null;
  flowExpired: string | null;
}

export async function openSession(
  deps: ChatDeps,
  platform: Platform,
  externalId: string,
  where: { private: boolean; isMessage: boolean; isBot?: boolean; /** The platform's language of the user, for someone not bound yet. */ language?: string | undefined },
  now: Date,
): Promise<Session> {
  const { db } = deps;
  const session: Session = { identity: null, locale: deps.config.defaultLocale, t: translator(deps.i18n, deps.config.defaultLocale), flow: null, flowExpired: null };
  if (where.isBot) return session;
  let found = await findIdentityAndFlow(db, platform, externalId);
  if (!found.identity && where.private && where.isMessage) {
    // Someone who blocked the bot and now writes again can be reached again.
    if (await reactivateIfBlocked(db, platform, externalId, now)) found = await findIdentityAndFlow(db, platform, externalId);
  }
  const identity = found.identity;
  session.identity = identity;
  if (!identity) {
    // Someone not bound yet is answered in their app's language when the platform tells it.
    const own = where.language?.slice(0, 2);
    if (isLocale(own) && own !== session.locale) {
      session.locale = own;
      session.t = translator(deps.i18n, own);
    }
    return session;
  }
  const locale = identity.staff.locale;
  if (isLocale(locale) && locale !== session.locale) {
    session.locale = locale;
    session.t = translator(deps.i18n, locale);
  }
  if (!identity.lastSeenAt || now.getTime() - identity.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.chatAccount.update({ where: { id: identity.id }, data: { lastSeenAt: now } });
  }
  if (where.private) {
    const read = await settleFlow(db, identity.id, found.flow, now);
    session.flow = read.state;
    session.flowExpired = read.expired;
  }
  return session;
}
