/** Helpers for newsletter integration tests: bulk subscribers, issues, waiting for sends. */
import crypto from 'crypto';
import { getStrapi } from './strapi';

export const SUBSCRIBER = 'plugin::newsletter.subscriber';
export const ISSUE = 'plugin::newsletter.issue';
export const DELIVERY = 'plugin::newsletter.delivery';

const documentId = () => crypto.randomBytes(16).toString('hex').slice(0, 24);

export interface SubscriberSeed {
  email: string;
  topics: string[];
  status?: string;
  name?: string | null;
}

/** Inserts subscribers directly (fast), as an import would leave them. */
export const createSubscribers = async (seeds: SubscriberSeed[]) => {
  const strapi = getStrapi();
  for (let i = 0; i < seeds.length; i += 200) {
    await strapi.db.query(SUBSCRIBER).createMany({
      data: seeds.slice(i, i + 200).map((seed) => ({
        documentId: documentId(),
        email: seed.email,
        name: seed.name ?? null,
        topics: seed.topics,
        status: seed.status ?? 'active',
        source: 'import',
        bounceCount: 0,
      })),
    });
  }
};

/** Moves every existing subscriber out of the audience, so a test controls who receives. */
export const retireAllSubscribers = async () => {
  await getStrapi()
    .db.query(SUBSCRIBER)
    .updateMany({ where: { status: 'active' }, data: { status: 'unsubscribed' } });
};

export const deliveriesOf = async (issueId: number) =>
  getStrapi()
    .db.query(DELIVERY)
    .findMany({ where: { issueId }, orderBy: { id: 'asc' } });

export const waitForStatus = async (documentId: string, statuses: string[], timeoutMs = 60_000) => {
  const started = Date.now();
  for (;;) {
    const issue = await getStrapi().db.query(ISSUE).findOne({ where: { documentId } });
    if (issue && statuses.includes(issue.status)) return issue;
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `Issue ${documentId} is "${issue?.status}", not ${statuses.join('/')} after ${timeoutMs} ms`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Count of received mails per recipient address for one issue. */
export const receivedPerAddress = (
  mails: { to: string[]; header(name: string): string | undefined }[],
  issueDocumentId: string
) => {
  const counts = new Map<string, number>();
  for (const mail of mails) {
    if (mail.header('x-newsletter-issue') !== issueDocumentId) continue;
    for (const to of mail.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
};
