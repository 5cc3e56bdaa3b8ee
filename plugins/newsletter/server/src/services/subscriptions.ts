/**
 * What subscribers do: subscribe (double opt-in), confirm, change preferences, unsubscribe.
 * Subscribers are content (editors manage them in the admin), so they go through the Document
 * Service; the once-per-interval guard for confirmation mails is one conditional UPDATE.
 *
 * A subscribe is one transaction: the subscriber row, the conditional UPDATE and the outbox row
 * are written together or not at all (a database that fails midway leaves nothing half-written;
 * the outbox is kicked only after the commit).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { atomically } from '@bildungsbuero/strapi-server-kit';
import type { NewsletterConfig } from '../config';
import type { TokenClaims, TokenPurpose } from '../lib/tokens';

export const SUBSCRIBER = 'plugin::newsletter.subscriber';
const OUTBOX = 'plugin::newsletter.outbox-mail';
const ISSUE = 'plugin::newsletter.issue';
const HISTORY_LIMIT = 50;

export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed' | 'bounced' | 'complained';

export interface Subscriber {
  id: number;
  documentId: string;
  email: string;
  name: string | null;
  organisation: string | null;
  topics: string[];
  status: SubscriberStatus;
  source: 'form' | 'import' | 'admin';
  consentVersion: string | null;
  consentAt: string | null;
  consentIp: string | null;
  confirmedAt: string | null;
  confirmIp: string | null;
  unsubscribedAt: string | null;
  bounceCount: number;
  lastConfirmationSentAt: string | null;
  history: HistoryEvent[] | null;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryEvent {
  at: string;
  event: string;
  ip?: string | null;
  [detail: string]: unknown;
}

export const TOKEN_MESSAGES = {
  expired:
    'Dieser Bestätigungslink ist abgelaufen. Bitte melden Sie sich erneut an; Sie erhalten dann einen neuen Link.',
  invalid:
    'Dieser Link ist ungültig oder nicht mehr gültig. Bitte melden Sie sich erneut an oder öffnen Sie den Link aus der neuesten E-Mail.',
};

export const tokenError = (message: string, subscribeUrl?: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: ['token'], message, name: 'ValidationError' }],
    ...(subscribeUrl ? { subscribeUrl } : {}),
  });

/**
 * Another request stored the same address first: a unique violation from the database
 * (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE) or Strapi's own unique check.
 */
export const isDuplicateError = (error: unknown): boolean => {
  let current = error as Record<string, unknown> | undefined;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const code = typeof current.code === 'string' ? current.code : '';
    const message = typeof current.message === 'string' ? current.message : '';
    if (code === '23505' || code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) return true;
    if (/unique constraint|must be unique/i.test(message)) return true;
    const details = current.details as { errors?: { message?: unknown }[] } | undefined;
    if (details?.errors?.some((entry) => /must be unique/i.test(String(entry.message)))) {
      return true;
    }
    current = current.cause as Record<string, unknown> | undefined;
  }
  return false;
};

/** The outbox row of a confirmation mail for a subscriber, due at `at`. */
export const confirmationMail = (subscriberDocumentId: string, at: Date) => ({
  kind: 'confirmation' as const,
  subscriberDocumentId,
  status: 'queued' as const,
  attempts: 0,
  nextAttemptAt: at,
});

/** The outbox row of the welcome mail after a confirmed subscription, due at `at`. */
export const welcomeMail = (subscriberDocumentId: string, at: Date) => ({
  kind: 'welcome' as const,
  subscriberDocumentId,
  status: 'queued' as const,
  attempts: 0,
  nextAttemptAt: at,
});

export const appendHistory = (
  history: HistoryEvent[] | null | undefined,
  event: HistoryEvent
): HistoryEvent[] => [...(history ?? []), event].slice(-HISTORY_LIMIT);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const documents = () => strapi.documents(SUBSCRIBER as never);
  const plugin = () => strapi.plugin('newsletter');

  const findByEmail = async (email: string) =>
    (await documents().findFirst({ filters: { email } } as never)) as unknown as Subscriber | null;

  /*
   * Writes go through `strapi.db.query`, not the Document Service: its entity validator checks
   * the unique email with a query inside yup 0.32, which never settles when that query fails (no
   * catch on the async test), so a database failure at that moment would leave the request
   * hanging forever with its pooled connection (found by the fault suite). The input is validated
   * (zod) before, and the unique index on email guards the address.
   */
  const update = async (subscriber: Subscriber, data: Partial<Subscriber>) =>
    (await strapi.db.query(SUBSCRIBER).update({
      where: { id: subscriber.id },
      data: { ...data, updatedAt: new Date() },
    })) as unknown as Subscriber;

  /** An outbox row for a confirmation mail, due at `at` (in the caller's transaction). */
  const queueConfirmationMail = (subscriber: Pick<Subscriber, 'documentId'>, at: Date) =>
    strapi.db.query(OUTBOX).create({ data: confirmationMail(subscriber.documentId, at) });

  /**
   * The once-per-interval guard (one conditional UPDATE) and, when it lets the mail through, its
   * outbox row. Runs in the caller's transaction; the caller kicks the outbox after the commit.
   */
  const queueConfirmation = async (
    subscriber: Pick<Subscriber, 'id' | 'documentId'>,
    now: Date
  ): Promise<boolean> => {
    const threshold = new Date(now.getTime() - config().confirmationResendMinutes * 60_000);
    const { count } = await strapi.db.query(SUBSCRIBER).updateMany({
      where: {
        id: subscriber.id,
        $or: [
          { lastConfirmationSentAt: { $null: true } },
          { lastConfirmationSentAt: { $lt: threshold } },
        ],
      },
      data: { lastConfirmationSentAt: now },
    });
    if (count !== 1) return false;
    await queueConfirmationMail(subscriber, now);
    return true;
  };

  /**
   * A link asked for within the resend interval after a confirmation mail (which cannot confirm
   * it: it was issued before): its mail is queued for the end of the interval instead of being
   * dropped, so the link never waits for a mail that does not come. At most one such row per
   * subscriber. In the caller's transaction.
   */
  const queueAfterInterval = async (subscriber: Subscriber, now: Date): Promise<boolean> => {
    const waiting = await strapi.db.query(OUTBOX).count({
      where: {
        subscriberDocumentId: subscriber.documentId,
        status: 'queued',
        nextAttemptAt: { $gt: now },
      },
    });
    if (waiting > 0) return false;
    const last = subscriber.lastConfirmationSentAt
      ? Date.parse(subscriber.lastConfirmationSentAt)
      : now.getTime();
    const at = new Date(
      Math.max(now.getTime(), last + config().confirmationResendMinutes * 60_000) + 1000
    );
    await queueConfirmationMail(subscriber, at);
    return true;
  };

  /** Resolves a token to its subscriber, or throws the German 400 the pages show. */
  const fromToken = async (token: unknown, purpose: TokenPurpose) => {
    const tokens = plugin().service('tokens');
    const result = tokens.verify(token, purpose);
    const subscribeUrl = tokens.subscribePageUrl();
    if (!result.ok) {
      throw tokenError(
        result.reason === 'expired' ? TOKEN_MESSAGES.expired : TOKEN_MESSAGES.invalid,
        subscribeUrl
      );
    }
    const claims = result.claims as TokenClaims;
    const subscriber = (await documents().findOne({
      documentId: claims.s,
    } as never)) as unknown as Subscriber | null;
    if (!subscriber || !tokens.matches(claims, subscriber.email)) {
      throw tokenError(TOKEN_MESSAGES.invalid, subscribeUrl);
    }
    return { subscriber, claims };
  };

  return {
    findByEmail,

    /**
     * Queues a confirmation mail unless one was queued for this address within the resend
     * interval. The guard is one conditional UPDATE, so concurrent requests send one mail; the
     * UPDATE and the outbox row are one transaction, and the outbox starts after the commit.
     */
    async requestConfirmation(subscriber: Pick<Subscriber, 'id' | 'documentId'>, now = new Date()) {
      const queued = await atomically(strapi, () => queueConfirmation(subscriber, now));
      if (queued) plugin().service('outbox').kick();
      return queued;
    },

    /**
     * The same outcome for the caller whatever the address's state; only new, pending and
     * unsubscribed addresses get a confirmation mail. One transaction; when a concurrent request
     * stored the same new address first (unique email), the whole transaction runs once more and
     * continues with that row (on PostgreSQL the failed transaction cannot go on after the error).
     */
    async subscribe(
      input: { email: string; name: string | null; organisation: string | null; topics: string[] },
      { ip, link }: { ip: string | null; link?: { key: string } }
    ): Promise<void> {
      const now = new Date();
      const email = input.email.trim().toLowerCase();
      const request = {
        name: input.name,
        organisation: input.organisation,
        topics: input.topics,
        consentVersion: config().consent.version,
        consentAt: now.toISOString(),
        consentIp: ip,
      };
      const links = plugin().service('links');
      /** A link asked for with the subscription: pending until the next confirmation. */
      const requestLink = async (subscriber: Subscriber) => {
        if (!link) return false;
        const requested = await links.request(subscriber, link.key, { ip, now });
        if (requested) {
          await update(subscriber, {
            history: appendHistory(subscriber.history, {
              at: now.toISOString(),
              event: 'link-requested',
              ip,
            }),
          } as Partial<Subscriber>);
        }
        return requested;
      };
      const attempt = () =>
        atomically(strapi, async () => {
          let subscriber = await findByEmail(email);
          if (subscriber?.status === 'active') {
            // Already subscribed: only a new link needs a confirmation mail (the address's owner
            // confirms that its result is linked); a plain subscribe changes nothing.
            if (!(await requestLink(subscriber))) return false;
            return (
              (await queueConfirmation(subscriber, now)) || queueAfterInterval(subscriber, now)
            );
          }
          if (!subscriber) {
            subscriber = (await strapi.db.query(SUBSCRIBER).create({
              data: {
                email,
                ...request,
                status: 'pending',
                source: 'form',
                bounceCount: 0,
                history: [{ at: now.toISOString(), event: 'subscribe-requested', ip }],
                createdAt: now,
                updatedAt: now,
                publishedAt: now,
              },
            })) as unknown as Subscriber;
          } else if (subscriber.status === 'pending' || subscriber.status === 'unsubscribed') {
            subscriber = await update(subscriber, {
              ...request,
              // a link request asks for its topic only: topics chosen before are kept
              ...(link
                ? { topics: [...new Set([...(subscriber.topics ?? []), ...input.topics])] }
                : {}),
              history: appendHistory(subscriber.history, {
                at: now.toISOString(),
                event:
                  subscriber.status === 'pending' ? 'subscribe-requested' : 'resubscribe-requested',
                ip,
              }),
            } as Partial<Subscriber>);
          } else {
            return false;
          }
          const linkRequested = await requestLink(subscriber);
          const queued = await queueConfirmation(subscriber, now);
          return queued || (linkRequested && (await queueAfterInterval(subscriber, now)));
        });
      let queued: boolean;
      try {
        queued = await attempt();
      } catch (error) {
        if (!isDuplicateError(error)) throw error;
        queued = await attempt();
      }
      if (queued) plugin().service('outbox').kick();
    },

    /**
     * The double opt-in: activates the subscriber and the links it asked for before this mail
     * was issued, and queues the welcome mail when `welcome.enabled` (once per activation: a
     * repeated confirmation finds the subscriber active). For an active subscriber only such
     * links change (a link's own confirmation).
     */
    async confirm(token: unknown, { ip }: { ip: string | null }) {
      const { subscriber, claims } = await fromToken(token, 'confirm');
      // `i` has whole seconds, hence the 999 ms.
      const issuedBefore = new Date(claims.i * 1000 + 999);
      const now = new Date();
      const links = plugin().service('links');
      const topic = config().personalisation?.topic;
      /** Activates the links; the personalised topic comes with them (that is what they are for). */
      const activateLinks = async (current: Subscriber, data: Partial<Subscriber>) => {
        const linked: number = await links.activate(current.id, issuedBefore, now);
        const topics =
          linked > 0 && topic && !(current.topics ?? []).includes(topic)
            ? { topics: [...(current.topics ?? []), topic] }
            : {};
        const events: HistoryEvent[] = [
          ...(data.status ? [{ at: now.toISOString(), event: 'confirmed', ip }] : []),
          ...(linked > 0 ? [{ at: now.toISOString(), event: 'link-confirmed', ip }] : []),
        ];
        if (events.length === 0) return { subscriber: current, linked };
        const updated = await update(current, {
          ...data,
          ...topics,
          history: events.reduce(appendHistory, current.history),
        } as Partial<Subscriber>);
        return { subscriber: updated, linked };
      };
      if (subscriber.status === 'active') {
        const result = await atomically(strapi, () => activateLinks(subscriber, {}));
        return { ...result, alreadyActive: result.linked === 0, linkOnly: result.linked > 0 };
      }
      // A confirmation link from before an unsubscribe must not subscribe again.
      const unsubscribedAt = subscriber.unsubscribedAt ? Date.parse(subscriber.unsubscribedAt) : 0;
      if (issuedBefore.getTime() < unsubscribedAt) {
        throw tokenError(TOKEN_MESSAGES.invalid, plugin().service('tokens').subscribePageUrl());
      }
      const { welcome, ...result } = await atomically(strapi, async () => {
        // The switch to active is a conditional UPDATE: of two confirmations at the same time
        // only one makes it, and only that one queues the welcome mail (in this transaction).
        const { count } = await strapi.db.query(SUBSCRIBER).updateMany({
          where: { id: subscriber.id, status: { $ne: 'active' } },
          data: { status: 'active' },
        });
        const activated = await activateLinks(subscriber, {
          status: 'active',
          confirmedAt: now.toISOString(),
          confirmIp: ip,
          unsubscribedAt: null,
          bounceCount: 0,
        } as Partial<Subscriber>);
        const queueWelcome = count === 1 && config().welcome.enabled;
        if (queueWelcome) {
          await strapi.db.query(OUTBOX).create({ data: welcomeMail(subscriber.documentId, now) });
        }
        return { ...activated, welcome: queueWelcome };
      });
      if (welcome) plugin().service('outbox').kick();
      return { ...result, alreadyActive: false, linkOnly: false };
    },

    async preferences(token: unknown) {
      const { subscriber } = await fromToken(token, 'manage');
      return subscriber;
    },

    async updatePreferences(
      token: unknown,
      input: { topics: string[]; name?: string | null; organisation?: string | null },
      { ip }: { ip: string | null }
    ) {
      const { subscriber } = await fromToken(token, 'manage');
      const now = new Date();
      return update(subscriber, {
        topics: input.topics,
        ...(input.name !== undefined && input.name !== null ? { name: input.name } : {}),
        ...(input.organisation !== undefined && input.organisation !== null
          ? { organisation: input.organisation }
          : {}),
        history: appendHistory(subscriber.history, {
          at: now.toISOString(),
          event: 'preferences-changed',
          ip,
          topics: input.topics,
        }),
      } as Partial<Subscriber>);
    },

    /**
     * Idempotent: unsubscribing twice changes nothing the second time. The change of status is
     * a conditional UPDATE; when it is made with the token of an issue's mail (claim `n`), the
     * issue's `unsubscribes` goes up by one in the same transaction, so of two unsubscribes at
     * the same time (mail programs may send the one-click POST twice) only one counts.
     */
    async unsubscribe(
      token: unknown,
      { ip, via }: { ip: string | null; via: 'one-click' | 'page' | 'api' }
    ) {
      const { subscriber, claims } = await fromToken(token, 'manage');
      if (subscriber.status === 'unsubscribed') return subscriber;
      const now = new Date();
      const changed = await atomically(strapi, async (trx) => {
        const { count } = await strapi.db.query(SUBSCRIBER).updateMany({
          where: { id: subscriber.id, status: { $ne: 'unsubscribed' } },
          data: {
            status: 'unsubscribed',
            unsubscribedAt: now,
            updatedAt: now,
            history: appendHistory(subscriber.history, {
              at: now.toISOString(),
              event: 'unsubscribed',
              ip,
              via,
            }),
          },
        });
        if (count !== 1) return false;
        if (claims.n !== undefined) {
          await trx.raw('UPDATE ?? SET unsubscribes = COALESCE(unsubscribes, 0) + 1 WHERE id = ?', [
            strapi.db.metadata.get(ISSUE).tableName,
            claims.n,
          ]);
        }
        return true;
      });
      const updated = (await this.preferences(token)) as Subscriber;
      if (!changed) return updated;
      // Without the newsletter a link has no purpose: it goes (a new subscription asks again).
      const removed = await plugin()
        .service('links')
        .removeForSubscriber(subscriber.id, 'unsubscribe', ip);
      return removed > 0 ? ((await this.preferences(token)) as Subscriber) : updated;
    },

    /** The subscriber removes its links (preferences page). */
    async unlink(token: unknown, { ip }: { ip: string | null }) {
      const { subscriber } = await fromToken(token, 'manage');
      const removed: number = await plugin()
        .service('links')
        .removeForSubscriber(subscriber.id, 'preferences', ip);
      return { subscriber: removed > 0 ? await this.preferences(token) : subscriber, removed };
    },

    topicKeys() {
      return config().topics.map((topic) => topic.key);
    },
  };
};
