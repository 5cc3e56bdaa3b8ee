/**
 * What subscribers do: subscribe (double opt-in), confirm, change preferences, unsubscribe.
 * Subscribers are content (editors manage them in the admin), so they go through the Document
 * Service; the once-per-interval guard for confirmation mails is one conditional UPDATE.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { NewsletterConfig } from '../config';
import type { TokenClaims, TokenPurpose } from '../lib/tokens';

export const SUBSCRIBER = 'plugin::newsletter.subscriber';
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

  const update = async (subscriber: Subscriber, data: Partial<Subscriber>) =>
    (await documents().update({
      documentId: subscriber.documentId,
      data,
    } as never)) as unknown as Subscriber;

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
     * interval. The guard is one conditional UPDATE, so concurrent requests send one mail.
     */
    async requestConfirmation(subscriber: Pick<Subscriber, 'id' | 'documentId'>, now = new Date()) {
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
      if (count === 1) await plugin().service('outbox').enqueueConfirmation(subscriber.documentId);
      return count === 1;
    },

    /**
     * The same outcome for the caller whatever the address's state; only new, pending and
     * unsubscribed addresses get a confirmation mail.
     */
    async subscribe(
      input: { email: string; name: string | null; organisation: string | null; topics: string[] },
      { ip }: { ip: string | null }
    ): Promise<void> {
      const now = new Date();
      const request = {
        name: input.name,
        organisation: input.organisation,
        topics: input.topics,
        consentVersion: config().consent.version,
        consentAt: now.toISOString(),
        consentIp: ip,
      };
      let subscriber = await findByEmail(input.email);
      if (!subscriber) {
        try {
          subscriber = (await documents().create({
            data: {
              email: input.email,
              ...request,
              status: 'pending',
              source: 'form',
              bounceCount: 0,
              history: [{ at: now.toISOString(), event: 'subscribe-requested', ip }],
            },
          } as never)) as unknown as Subscriber;
        } catch (error) {
          // A concurrent request created it first (unique email): continue with that row.
          subscriber = await findByEmail(input.email);
          if (!subscriber) throw error;
        }
      } else if (subscriber.status === 'pending' || subscriber.status === 'unsubscribed') {
        subscriber = await update(subscriber, {
          ...request,
          history: appendHistory(subscriber.history, {
            at: now.toISOString(),
            event:
              subscriber.status === 'pending' ? 'subscribe-requested' : 'resubscribe-requested',
            ip,
          }),
        } as Partial<Subscriber>);
      } else {
        return;
      }
      await this.requestConfirmation(subscriber, now);
    },

    async confirm(token: unknown, { ip }: { ip: string | null }) {
      const { subscriber, claims } = await fromToken(token, 'confirm');
      if (subscriber.status === 'active') return { subscriber, alreadyActive: true };
      // A confirmation link from before an unsubscribe must not subscribe again.
      // (`i` has whole seconds, hence the 999 ms.)
      const unsubscribedAt = subscriber.unsubscribedAt ? Date.parse(subscriber.unsubscribedAt) : 0;
      if (claims.i * 1000 + 999 < unsubscribedAt) {
        throw tokenError(TOKEN_MESSAGES.invalid, plugin().service('tokens').subscribePageUrl());
      }
      const now = new Date();
      const updated = await update(subscriber, {
        status: 'active',
        confirmedAt: now.toISOString(),
        confirmIp: ip,
        unsubscribedAt: null,
        bounceCount: 0,
        history: appendHistory(subscriber.history, {
          at: now.toISOString(),
          event: 'confirmed',
          ip,
        }),
      } as Partial<Subscriber>);
      return { subscriber: updated, alreadyActive: false };
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

    /** Idempotent: unsubscribing twice changes nothing the second time. */
    async unsubscribe(
      token: unknown,
      { ip, via }: { ip: string | null; via: 'one-click' | 'page' | 'api' }
    ) {
      const { subscriber } = await fromToken(token, 'manage');
      if (subscriber.status === 'unsubscribed') return subscriber;
      const now = new Date();
      return update(subscriber, {
        status: 'unsubscribed',
        unsubscribedAt: now.toISOString(),
        history: appendHistory(subscriber.history, {
          at: now.toISOString(),
          event: 'unsubscribed',
          ip,
          via,
        }),
      } as Partial<Subscriber>);
    },

    topicKeys() {
      return config().topics.map((topic) => topic.key);
    },
  };
};
