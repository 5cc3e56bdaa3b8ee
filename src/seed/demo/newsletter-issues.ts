/**
 * The two demo issues and the bookkeeping of the one that was "sent", in one module:
 * - both are created through the plugin's `issues` service (a draft with items from the
 *   automatic proposal); the future one is then scheduled through it as well;
 * - the sent one gets what a real send leaves behind, written directly like the dispatcher and
 *   the bounce mailbox write it: the frozen rendering (compiled by the plugin's composer, item
 *   links through the counting redirect), one delivery row per recipient, the bounce mailbox's
 *   records, click counters per item, and the issue's counters and times.
 * Runs in the caller's transaction.
 */
import type { Core } from '@strapi/strapi';
import { addDays, isoDateIn } from '../../lib/dates';
import { DEMO_ISSUE_SUBJECTS } from './markers';
import type { SubscriberRow } from './newsletter-subscribers';
import type { DemoSubscriber } from './subscribers-data';

export const ISSUE = 'plugin::newsletter.issue';
export const DELIVERY = 'plugin::newsletter.delivery';
export const CLICK = 'plugin::newsletter.click';
export const MAILBOX_MESSAGE = 'plugin::newsletter.mailbox-message';

/** Days until the scheduled demo issue goes out (08:00, the office's time zone). */
export const SCHEDULED_IN_DAYS = 28;

/** Clicks per item of the sent issue, in the issue's order. */
const CLICKS = [23, 14, 9, 12, 5, 7, 3, 4, 2, 1];

interface ItemRef {
  section: string;
  documentId: string;
}

interface IssueRow {
  id: number;
  documentId: string;
  subject: string;
  preheader: string | null;
  intro: unknown;
  items: ItemRef[] | null;
}

const service = (strapi: Core.Strapi, name: string) => strapi.plugin('newsletter').service(name);

const paragraph = (text: string) => ({
  type: 'paragraph',
  children: [{ type: 'text', text }],
});

const CONTENT = {
  sent: {
    preheader: 'Neue Ausbildungsplätze, Praxisbeispiele aus der Region und Tipps für Betriebe',
    intro: [
      paragraph(
        'Dies ist eine Beispielausgabe mit erfundenen Empfängerinnen und Empfängern. Sie zeigt, wie der Bericht einer versendeten Ausgabe aussieht.'
      ),
    ],
  },
  scheduled: {
    preheader: 'Ferienjobs, Praktika und Termine zur Berufsorientierung',
    intro: [
      paragraph(
        'Dies ist eine geplante Beispielausgabe. Sie geht zum angezeigten Termin an alle aktiven Abonnentinnen und Abonnenten; heben Sie die Planung auf, wenn Sie das nicht möchten.'
      ),
    ],
  },
};

export const findDemoIssue = async (strapi: Core.Strapi, kind: 'sent' | 'scheduled') =>
  (await strapi.db.query(ISSUE).findOne({
    where: { subject: DEMO_ISSUE_SUBJECTS[kind] },
    select: ['id', 'documentId', 'subject', 'status'],
  })) as { id: number; documentId: string; subject: string; status: string } | null;

/** Current items from the automatic proposal: per section `perSection` of them, from `skip`. */
const chooseItems = async (strapi: Core.Strapi, skip: number): Promise<ItemRef[]> => {
  const proposal = (await service(strapi, 'composer').propose({ since: null })) as ItemRef[];
  const sections = [...new Set(proposal.map((item) => item.section))];
  return sections.flatMap((section) => {
    const ofSection = proposal.filter((item) => item.section === section);
    const perSection = section === 'offers' ? 3 : 2;
    const from = ofSection.length > skip * perSection ? skip * perSection : 0;
    return ofSection.slice(from, from + perSection);
  });
};

const createDraft = async (strapi: Core.Strapi, kind: 'sent' | 'scheduled', skip: number) =>
  (await service(strapi, 'issues').create({
    subject: DEMO_ISSUE_SUBJECTS[kind],
    preheader: CONTENT[kind].preheader,
    intro: CONTENT[kind].intro,
    items: await chooseItems(strapi, skip),
  })) as IssueRow;

/** The future issue, scheduled through the plugin for 08:00 in SCHEDULED_IN_DAYS days. */
export const createScheduledIssue = async (strapi: Core.Strapi, now: Date) => {
  const issue = await createDraft(strapi, 'scheduled', 1);
  const { scheduler } = strapi.config.get('plugin::newsletter') as {
    scheduler: { timezone: string };
  };
  const day = addDays(isoDateIn(now, scheduler.timezone), SCHEDULED_IN_DAYS);
  await service(strapi, 'issues').schedule(issue.documentId, `${day}T08:00`, now);
  return issue;
};

/** The sent issue as a draft with its frozen rendering (the send is recorded by `recordSend`). */
export const createSentIssue = async (strapi: Core.Strapi, now: Date) => {
  const issue = await createDraft(strapi, 'sent', 0);
  const rendering = await service(strapi, 'composer').render(issue, now, { forSending: true });
  await strapi.db.query(ISSUE).update({ where: { id: issue.id }, data: { rendering } });
  return issue;
};

const messageSubject = {
  hard: 'Undelivered Mail Returned to Sender',
  soft: 'Delayed Mail',
  complaint: 'Abuse Report',
};

/**
 * What sending `issue` to the demo subscribers left behind: deliveries, bounce mailbox records,
 * clicks, and the issue's counters (equal to its rows, as the dispatcher keeps them).
 */
export const recordSend = async (
  strapi: Core.Strapi,
  issue: IssueRow,
  sentAt: Date,
  recipients: { row: SubscriberRow; spec: DemoSubscriber }[]
) => {
  const audience = recipients.filter(({ spec }) => spec.delivery);
  let finishedAt = sentAt;
  const figures = { sent: 0, failed: 0, hard: 0, soft: 0, complaint: 0, unsubscribes: 0 };
  for (const { row, spec } of audience) {
    const delivery = spec.delivery!;
    const topics = typeof row.topics === 'string' ? JSON.parse(row.topics) : row.topics;
    const created = (await strapi.db.query(DELIVERY).create({
      data: {
        issueId: issue.id,
        subscriberId: row.id,
        subscriberDocumentId: row.documentId,
        email: row.email,
        name: row.name,
        topics,
        status: delivery.status,
        attempts: 1,
        takeovers: 0,
        sentAt: delivery.status === 'sent' ? delivery.at.getTime() : null,
        smtpCode: delivery.smtpCode ?? null,
        lastError: delivery.error ?? null,
        createdAt: sentAt,
        updatedAt: delivery.at,
      },
      select: ['id'],
    })) as { id: number };
    figures[delivery.status] += 1;
    if (delivery.at > finishedAt) finishedAt = delivery.at;
    if (spec.unsubscribedThroughIssue) figures.unsubscribes += 1;
    if (spec.mailbox) {
      const { kind, at, statusCode, diagnostic } = spec.mailbox;
      figures[kind] += 1;
      await strapi.db.query(MAILBOX_MESSAGE).create({
        data: {
          messageKey: `demo:${issue.documentId}:${row.documentId}:${kind}`,
          kind,
          outcome: 'applied',
          subscriberId: row.id,
          issueId: issue.id,
          deliveryId: created.id,
          statusCode,
          diagnostic,
          subject: messageSubject[kind],
          receivedAt: at.getTime() - 60_000,
          processedAt: at.getTime(),
          createdAt: at,
          updatedAt: at,
        },
      });
    }
  }

  const items = issue.items ?? [];
  for (const [index, item] of items.entries()) {
    await strapi.db.query(CLICK).create({
      data: {
        issueId: issue.id,
        itemKey: `${item.section}:${item.documentId}`,
        clicks: CLICKS[index % CLICKS.length],
      },
    });
  }

  await strapi.db.query(ISSUE).update({
    where: { id: issue.id },
    data: {
      status: 'sent',
      startedAt: sentAt,
      audienceAt: sentAt,
      personalisedAt: sentAt,
      personalised: 0,
      finishedAt: new Date(finishedAt.getTime() + 60_000),
      recipients: audience.length,
      sent: figures.sent,
      failed: figures.failed,
      skipped: 0,
      hardBounces: figures.hard,
      softBounces: figures.soft,
      complaints: figures.complaint,
      unsubscribes: figures.unsubscribes,
      lastError: null,
      createdAt: new Date(sentAt.getTime() - 2 * 86_400_000),
    },
  });
  return { recipients: audience.length, ...figures, clicks: items.length };
};
