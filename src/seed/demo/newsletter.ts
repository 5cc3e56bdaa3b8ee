/**
 * The newsletter part of the demo activity: subscribers, the sent issue with its report data and
 * the scheduled issue, added in one transaction (all or nothing); and their removal with every
 * row that depends on them.
 */
import type { Core } from '@strapi/strapi';
import { DEMO_DOMAIN, DEMO_ISSUE_SUBJECTS, isDemoEmail } from './markers';
import {
  CLICK,
  createScheduledIssue,
  createSentIssue,
  DELIVERY,
  findDemoIssue,
  ISSUE,
  MAILBOX_MESSAGE,
  recordSend,
} from './newsletter-issues';
import {
  createSubscriber,
  findSubscribers,
  LINK,
  OUTBOX,
  SUBSCRIBER,
  type SubscriberRow,
} from './newsletter-subscribers';
import { demoSentAt, demoSubscribers, localPart, PEOPLE } from './subscribers-data';

const SUPPRESSION = 'plugin::newsletter.suppression';

interface NewsletterSettings {
  consent: { version: string };
  topics: { key: string }[];
  personalisation: { topic: string; consent: { version: string } } | null;
}

export interface NewsletterDemoReport {
  subscribers: { created: number; existing: number };
  issues: { created: number; existing: number };
}

export const seedNewsletterDemo = async (
  strapi: Core.Strapi,
  { now, checkKeys }: { now: Date; checkKeys: (string | null)[] }
): Promise<NewsletterDemoReport> => {
  const settings = strapi.config.get('plugin::newsletter') as NewsletterSettings;
  const report: NewsletterDemoReport = {
    subscribers: { created: 0, existing: 0 },
    issues: { created: 0, existing: 0 },
  };
  await strapi.db.transaction(async () => {
    const found = await findDemoIssue(strapi, 'sent');
    const sentIsNew = !found;
    const sent = found ?? (await createSentIssue(strapi, now));
    if (!(await findDemoIssue(strapi, 'scheduled'))) {
      await createScheduledIssue(strapi, now);
      report.issues.created += 1;
    } else {
      report.issues.existing += 1;
    }
    report.issues[sentIsNew ? 'created' : 'existing'] += 1;

    const specs = demoSubscribers({
      now,
      issueDocumentId: sent.documentId,
      consentVersion: settings.consent.version,
      topics: settings.topics.map((topic) => topic.key),
      personalTopic: settings.personalisation?.topic ?? null,
    });
    const existing = new Map(
      (
        await findSubscribers(
          strapi,
          specs.map((spec) => spec.email)
        )
      ).map((row) => [row.email, row])
    );
    const rows: { row: SubscriberRow; spec: (typeof specs)[number] }[] = [];
    let linked = 0;
    for (const spec of specs) {
      const found = existing.get(spec.email);
      if (found) {
        report.subscribers.existing += 1;
        rows.push({ row: found, spec });
        continue;
      }
      const linkKey = spec.link ? (checkKeys[linked++] ?? null) : null;
      const row = await createSubscriber(strapi, spec, {
        linkKey,
        linkConsentVersion: settings.personalisation?.consent.version ?? null,
      });
      report.subscribers.created += 1;
      rows.push({ row, spec });
    }
    if (sentIsNew) {
      const full = await strapi.db.query(ISSUE).findOne({ where: { id: sent.id } });
      await recordSend(strapi, full, demoSentAt(now), rows);
    }
  });
  return report;
};

export interface NewsletterRemoval {
  subscribers: number;
  issues: number;
  deliveries: number;
  clicks: number;
  mailboxMessages: number;
  links: number;
  outboxMails: number;
  suppressions: number;
}

const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

/** Deletes the demo subscribers and issues and every row that belongs to them, nothing else. */
export const removeNewsletterDemo = async (strapi: Core.Strapi): Promise<NewsletterRemoval> => {
  const query = (uid: string) => strapi.db.query(uid as never);
  const subscribers = (
    (await query(SUBSCRIBER).findMany({
      where: { email: { $endsWith: `@${DEMO_DOMAIN}` } },
      select: ['id', 'documentId', 'email'],
    })) as { id: number; documentId: string; email: string }[]
  ).filter((row) => isDemoEmail(row.email));
  const issues = (await query(ISSUE).findMany({
    where: { subject: { $in: Object.values(DEMO_ISSUE_SUBJECTS) } },
    select: ['id'],
  })) as { id: number }[];
  const subscriberIds = ids(subscribers);
  const issueIds = ids(issues);
  const tokens = strapi.plugin('newsletter').service('tokens');
  // an erased demo address leaves a keyed hash: the demo's own addresses are known
  const hashes = PEOPLE.map(([name]) =>
    tokens.addressHash(`${localPart(name)}@${DEMO_DOMAIN}`)
  ) as string[];
  /** `{ $or: [{ field: { $in: values } }, …] }` of the non-empty lists; null when all are empty. */
  const anyOf = (conditions: [string, (number | string)[]][]) => {
    const parts = conditions
      .filter(([, values]) => values.length > 0)
      .map(([field, values]) => ({ [field]: { $in: values } }));
    return parts.length ? { $or: parts } : null;
  };
  const ofIssueOrSubscriber: [string, number[]][] = [
    ['issueId', issueIds],
    ['subscriberId', subscriberIds],
  ];
  // dependent rows first, the subscribers and issues last
  const steps: [keyof NewsletterRemoval, string, [string, (number | string)[]][]][] = [
    ['deliveries', DELIVERY, ofIssueOrSubscriber],
    ['clicks', CLICK, [['issueId', issueIds]]],
    ['mailboxMessages', MAILBOX_MESSAGE, ofIssueOrSubscriber],
    ['links', LINK, [['subscriberId', subscriberIds]]],
    ['outboxMails', OUTBOX, [['subscriberDocumentId', subscribers.map((row) => row.documentId)]]],
    ['suppressions', SUPPRESSION, [['addressHash', hashes]]],
    ['subscribers', SUBSCRIBER, [['id', subscriberIds]]],
    ['issues', ISSUE, [['id', issueIds]]],
  ];
  const removal: NewsletterRemoval = {
    deliveries: 0,
    clicks: 0,
    mailboxMessages: 0,
    links: 0,
    outboxMails: 0,
    suppressions: 0,
    subscribers: 0,
    issues: 0,
  };
  await strapi.db.transaction(async () => {
    for (const [part, uid, conditions] of steps) {
      const where = anyOf(conditions);
      if (where) removal[part] = (await query(uid).deleteMany({ where })).count;
    }
  });
  return removal;
};
