/**
 * Links between a subscriber and something it holds (the app decides what: e.g. a company's
 * self-check result), which personalise one section of the newsletter.
 *
 * - A link is asked for with its own consent (separate from the newsletter consent) and starts
 *   "pending"; the subscriber's next confirmation (double opt-in) makes it "active". Only active
 *   links of active subscribers personalise anything.
 * - It goes away when the subscriber removes it (preferences page), when whoever holds the
 *   reference removes it (e.g. the result page), when the referenced thing is deleted (the app
 *   calls `removeKeys`), on unsubscribe and on erasure. Every change is in the subscriber's
 *   history.
 * - Bookkeeping rows through the query engine (`strapi.db.query`), like deliveries.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { NewsletterConfig, PersonalisationConfig } from '../config';
import { appendHistory, SUBSCRIBER, type Subscriber } from './subscriptions';

export const LINK = 'plugin::newsletter.link';

export interface LinkRow {
  id: number;
  subscriberId: number;
  subscriberDocumentId: string | null;
  key: string;
  status: 'pending' | 'active';
  consentVersion: string | null;
  consentAt: string | null;
  consentIp: string | null;
  confirmedAt: string | null;
  createdAt: string;
}

export const LINK_MESSAGES = {
  disabled: 'Diese Funktion ist nicht eingerichtet.',
  unknown:
    'Zu diesem Ergebnis gibt es keine abgeschlossene Teilnahme (mehr). Bitte schließen Sie den Check zuerst ab.',
};

const topicsOf = (value: unknown): string[] => {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.filter((topic) => typeof topic === 'string') : [];
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const rows = () => strapi.db.query(LINK);

  const settings = (): PersonalisationConfig => {
    const personalisation = config().personalisation;
    if (!personalisation) throw new errors.NotFoundError(LINK_MESSAGES.disabled);
    return personalisation;
  };

  /** The stable key behind what a person holds; 404 (naming `reference`) when there is none. */
  const resolve = async (reference: string): Promise<string> => {
    const key = await settings().resolve(reference, { strapi });
    if (!key) {
      throw new errors.NotFoundError(LINK_MESSAGES.unknown, {
        errors: [{ path: ['reference'], message: LINK_MESSAGES.unknown, name: 'NotFoundError' }],
      });
    }
    return key;
  };

  /** Deletes links and writes the removal into each subscriber's history. */
  const remove = async (links: LinkRow[], via: string, ip: string | null = null) => {
    if (links.length === 0) return 0;
    const now = new Date().toISOString();
    await strapi.db.transaction(async () => {
      await rows().deleteMany({ where: { id: { $in: links.map((link) => link.id) } } });
      const subscriberIds = [...new Set(links.map((link) => link.subscriberId))];
      const subscribers = (await strapi.db.query(SUBSCRIBER).findMany({
        where: { id: { $in: subscriberIds } },
        select: ['id', 'history'],
      })) as Pick<Subscriber, 'id' | 'history'>[];
      for (const subscriber of subscribers) {
        await strapi.db.query(SUBSCRIBER).update({
          where: { id: subscriber.id },
          data: {
            history: appendHistory(subscriber.history, { at: now, event: 'link-removed', ip, via }),
          },
        });
      }
    });
    return links.length;
  };

  return {
    enabled: () => Boolean(config().personalisation),
    settings,
    resolve,

    async forSubscriber(subscriberId: number): Promise<LinkRow[]> {
      return (await rows().findMany({
        where: { subscriberId },
        orderBy: { id: 'asc' },
      })) as LinkRow[];
    },

    /**
     * Stores a pending link (or refreshes a pending one); in the caller's transaction. Returns
     * false when the link is active already (nothing to confirm).
     */
    async request(
      subscriber: Pick<Subscriber, 'id' | 'documentId'>,
      key: string,
      { ip, now }: { ip: string | null; now: Date }
    ): Promise<boolean> {
      const consent = {
        consentVersion: settings().consent.version,
        consentAt: now,
        consentIp: ip,
      };
      const existing = (await rows().findOne({
        where: { subscriberId: subscriber.id, key },
      })) as LinkRow | null;
      if (existing?.status === 'active') return false;
      if (existing) {
        await rows().update({ where: { id: existing.id }, data: consent });
      } else {
        await rows().create({
          data: {
            subscriberId: subscriber.id,
            subscriberDocumentId: subscriber.documentId,
            key,
            status: 'pending',
            ...consent,
          },
        });
      }
      return true;
    },

    /**
     * The double opt-in of links: pending links asked for before the confirmation mail was
     * issued become active (a link asked for later needs its own confirmation). In the caller's
     * transaction; returns how many.
     */
    async activate(subscriberId: number, issuedBefore: Date, now = new Date()) {
      const { count } = await rows().updateMany({
        where: { subscriberId, status: 'pending', consentAt: { $lte: issuedBefore } },
        data: { status: 'active', confirmedAt: now },
      });
      return count;
    },

    async pendingCount(subscriberId: number) {
      return rows().count({ where: { subscriberId, status: 'pending' } });
    },

    /** What the holder of a reference sees: whether it is linked, and since when. */
    async status(reference: string) {
      const key = await resolve(reference);
      const links = (await rows().findMany({ where: { key } })) as LinkRow[];
      const active = links.find((link) => link.status === 'active');
      const pending = links.find((link) => link.status === 'pending');
      return active
        ? { linked: 'active' as const, since: active.confirmedAt }
        : pending
          ? { linked: 'pending' as const, since: pending.consentAt }
          : { linked: 'none' as const, since: null };
    },

    /** The holder of a reference removes every link to it (e.g. from the result page). */
    async removeByReference(reference: string, { ip }: { ip: string | null }) {
      const key = await resolve(reference);
      const links = (await rows().findMany({ where: { key } })) as LinkRow[];
      return remove(links, 'reference', ip);
    },

    /** What is referenced was deleted (e.g. the self-check submission): its links go too. */
    async removeKeys(keys: string[], via = 'deleted') {
      if (keys.length === 0) return 0;
      let removed = 0;
      for (let start = 0; start < keys.length; start += 500) {
        const links = (await rows().findMany({
          where: { key: { $in: keys.slice(start, start + 500) } },
        })) as LinkRow[];
        removed += await remove(links, via);
      }
      return removed;
    },

    /** The subscriber removes its links (preferences page), or unsubscribed. */
    async removeForSubscriber(subscriberId: number, via: string, ip: string | null = null) {
      return remove(await this.forSubscriber(subscriberId), via, ip);
    },

    /**
     * How many recipients would get the personalised section now: active subscribers with the
     * topic and an active link (what is linked is deleted with its links).
     */
    async linkedRecipients(): Promise<number> {
      const personalisation = config().personalisation;
      if (!personalisation) return 0;
      const links = (await rows().findMany({
        where: { status: 'active' },
        select: ['subscriberId'],
      })) as { subscriberId: number }[];
      const ids = [...new Set(links.map((link) => link.subscriberId))];
      let count = 0;
      for (let start = 0; start < ids.length; start += 500) {
        const subscribers = (await strapi.db.query(SUBSCRIBER).findMany({
          where: { id: { $in: ids.slice(start, start + 500) }, status: 'active' },
          select: ['id', 'topics'],
        })) as { id: number; topics: unknown }[];
        count += subscribers.filter((subscriber) =>
          topicsOf(subscriber.topics).includes(personalisation.topic)
        ).length;
      }
      return count;
    },

    /** Art. 15: the subscriber's links with the consent text they were given under. */
    exportFor(links: LinkRow[]) {
      const personalisation = config().personalisation;
      return links.map((link) => ({
        what: personalisation?.label ?? null,
        key: link.key,
        status: link.status,
        consentVersion: link.consentVersion,
        consentText:
          personalisation && link.consentVersion === personalisation.consent.version
            ? personalisation.consent.text
            : null,
        consentAt: link.consentAt,
        consentIp: link.consentIp,
        confirmedAt: link.confirmedAt,
      }));
    },
  };
};
