/**
 * Writes the demo subscribers (subscribers-data.ts) as the newsletter plugin stores subscribers:
 * rows through the query engine, as its subscribe and import do, with consent proof and history;
 * the confirmation mail each form sign-up got, as a sent outbox row; the link of a linked
 * subscriber to its self-check result, with the link's own consent. Runs in the caller's
 * transaction.
 */
import type { Core } from '@strapi/strapi';
import type { DemoSubscriber } from './subscribers-data';

export const SUBSCRIBER = 'plugin::newsletter.subscriber';
export const OUTBOX = 'plugin::newsletter.outbox-mail';
export const LINK = 'plugin::newsletter.link';

export interface SubscriberRow {
  id: number;
  documentId: string;
  email: string;
  name: string | null;
  topics: string[] | string | null;
}

const SELECT = ['id', 'documentId', 'email', 'name', 'topics'];

export const findSubscribers = async (strapi: Core.Strapi, emails: string[]) =>
  emails.length
    ? ((await strapi.db.query(SUBSCRIBER).findMany({
        where: { email: { $in: emails } },
        select: SELECT,
      })) as SubscriberRow[])
    : [];

/**
 * Creates one demo subscriber with its bookkeeping; `linkKey` is the documentId of the
 * self-check it links (null: no link, e.g. without personalisation).
 */
export const createSubscriber = async (
  strapi: Core.Strapi,
  spec: DemoSubscriber,
  { linkKey, linkConsentVersion }: { linkKey: string | null; linkConsentVersion: string | null }
): Promise<SubscriberRow> => {
  const updatedAt = new Date(Date.parse(spec.history[spec.history.length - 1].at));
  const row = (await strapi.db.query(SUBSCRIBER).create({
    data: {
      email: spec.email,
      name: spec.name,
      organisation: spec.organisation,
      topics: spec.topics,
      status: spec.status,
      source: spec.source,
      consentVersion: spec.consentVersion,
      consentAt: spec.consentAt,
      consentIp: spec.consentIp,
      confirmedAt: spec.confirmedAt,
      confirmIp: spec.confirmIp,
      unsubscribedAt: spec.unsubscribedAt,
      bounceCount: spec.bounceCount,
      lastConfirmationSentAt: spec.lastConfirmationSentAt,
      history: spec.history,
      createdAt: spec.consentAt,
      updatedAt,
      publishedAt: spec.consentAt,
    },
    select: SELECT,
  })) as SubscriberRow;

  if (spec.source === 'form') {
    const sentAt = new Date(spec.consentAt.getTime() + 20_000);
    await strapi.db.query(OUTBOX).create({
      data: {
        kind: 'confirmation',
        subscriberDocumentId: row.documentId,
        status: 'sent',
        attempts: 1,
        nextAttemptAt: spec.consentAt,
        sentAt,
        createdAt: spec.consentAt,
        updatedAt: sentAt,
      },
    });
  }

  if (spec.link && linkKey && linkConsentVersion) {
    await strapi.db.query(LINK).create({
      data: {
        subscriberId: row.id,
        subscriberDocumentId: row.documentId,
        key: linkKey,
        status: 'active',
        consentVersion: linkConsentVersion,
        consentAt: spec.link.consentAt,
        consentIp: spec.link.ip,
        confirmedAt: spec.link.confirmedAt,
        createdAt: spec.link.consentAt,
        updatedAt: spec.link.confirmedAt,
      },
    });
  }
  return row;
};
