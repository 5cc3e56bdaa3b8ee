/**
 * What editors do with subscribers: CSV import with a line-by-line report, CSV export, and the
 * GDPR rights of one subscriber: access (Art. 15, JSON) and erasure (Art. 17: personal data
 * deleted, a keyed hash of the address kept so imports cannot silently add it again).
 */
import type { Core } from '@strapi/strapi';
import type { NewsletterConfig } from '../config';
import { csvLine, parseCsv } from '../lib/csv';
import { importRowSchema } from '../validation';
import { appendHistory, SUBSCRIBER, type Subscriber } from './subscriptions';
import { LINK } from './links';

const SUPPRESSION = 'plugin::newsletter.suppression';
const OUTBOX = 'plugin::newsletter.outbox-mail';
const DELIVERY = 'plugin::newsletter.delivery';
const ISSUE = 'plugin::newsletter.issue';

export const EXPORT_COLUMNS = [
  'email',
  'name',
  'organisation',
  'topics',
  'status',
  'source',
  'consentVersion',
  'consentAt',
  'consentIp',
  'confirmedAt',
  'confirmIp',
  'unsubscribedAt',
  'bounceCount',
  'createdAt',
] as const;

export interface ImportReport {
  rows: number;
  created: { active: number; pending: number };
  reactivated: number;
  skipped: { line: number; email: string; reason: string }[];
  errors: { line: number; field: string; message: string }[];
}

/** What the admin's subscriber list shows (no consent IPs, no history). */
const LIST_FIELDS = [
  'documentId',
  'email',
  'name',
  'organisation',
  'topics',
  'status',
  'source',
  'bounceCount',
  'confirmedAt',
  'unsubscribedAt',
  'createdAt',
] as const;

const STATUSES = ['pending', 'active', 'unsubscribed', 'bounced', 'complained'] as const;

const REASONS = {
  exists: 'Adresse ist bereits angemeldet oder wartet auf Bestätigung; unverändert.',
  unsubscribed:
    'Adresse hat sich abgemeldet; sie wird nur mit einer Einwilligung nach der Abmeldung (consentAt) wieder aufgenommen.',
  erased:
    'Adresse wurde auf Wunsch gelöscht (Art. 17 DSGVO); sie wird nur mit einer Einwilligung nach der Löschung (consentAt) wieder aufgenommen.',
  undeliverable: 'Adresse ist als unzustellbar oder mit Beschwerde gesperrt; unverändert.',
  duplicate: (line: number) => `Adresse steht bereits in Zeile ${line} dieser Datei.`,
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const documents = () => strapi.documents(SUBSCRIBER as never);
  const plugin = () => strapi.plugin('newsletter');

  const findByEmail = (email: string): Promise<Subscriber | null> =>
    plugin().service('subscriptions').findByEmail(email);

  return {
    /** Counts by status, and active subscribers per topic (the audience of each section). */
    async stats() {
      const counts = await Promise.all(
        STATUSES.map((status) => strapi.db.query(SUBSCRIBER).count({ where: { status } }))
      );
      const byStatus = Object.fromEntries(STATUSES.map((status, i) => [status, counts[i]]));
      const perTopic = new Map<string, number>();
      let lastId = 0;
      for (;;) {
        const page = (await strapi.db.query(SUBSCRIBER).findMany({
          where: { status: 'active', id: { $gt: lastId } },
          select: ['id', 'topics'],
          orderBy: { id: 'asc' },
          limit: 2000,
        })) as { id: number; topics: string[] | null }[];
        if (page.length === 0) break;
        for (const { topics } of page) {
          for (const topic of new Set(topics ?? []))
            perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
        }
        lastId = page[page.length - 1].id;
      }
      return {
        total: counts.reduce((sum, count) => sum + count, 0),
        byStatus,
        byTopic: config().topics.map(({ key, label }) => ({
          key,
          label,
          active: perTopic.get(key) ?? 0,
        })),
      };
    },

    /** One page of subscribers, newest first, searched by address. */
    async search({
      q = '',
      status,
      page = 1,
      pageSize = 20,
    }: {
      q?: string;
      status?: string;
      page?: number;
      pageSize?: number;
    }) {
      const where = {
        ...(q ? { email: { $containsi: q } } : {}),
        ...(status ? { status } : {}),
      };
      const [results, total] = await Promise.all([
        strapi.db.query(SUBSCRIBER).findMany({
          where,
          select: [...LIST_FIELDS],
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(SUBSCRIBER).count({ where }),
      ]);
      return {
        results: (results as Record<string, unknown>[]).map((row) =>
          Object.fromEntries(LIST_FIELDS.map((field) => [field, row[field] ?? null]))
        ),
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
      };
    },

    async importCsv(text: string): Promise<ImportReport> {
      const { header, rows } = parseCsv(text);
      const report: ImportReport = {
        rows: rows.length,
        created: { active: 0, pending: 0 },
        reactivated: 0,
        skipped: [],
        errors: [],
      };
      if (!header.includes('email')) {
        report.errors.push({
          line: 1,
          field: 'email',
          message: 'Die Kopfzeile braucht eine Spalte "email".',
        });
        return report;
      }
      const schema = importRowSchema(config().topics.map((topic) => topic.key));
      const seen = new Map<string, number>();
      const tokens = plugin().service('tokens');

      for (const { line, values } of rows) {
        const parsed = schema.safeParse({
          email: values.email ?? '',
          name: values.name ?? '',
          organisation: values.organisation ?? '',
          topics: values.topics ?? '',
          consentAt: values.consentAt ?? '',
          consentIp: values.consentIp ?? '',
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            report.errors.push({
              line,
              field: String(issue.path[0] ?? ''),
              message: issue.message,
            });
          }
          continue;
        }
        const row = parsed.data;
        if (seen.has(row.email)) {
          report.skipped.push({
            line,
            email: row.email,
            reason: REASONS.duplicate(seen.get(row.email)!),
          });
          continue;
        }
        seen.set(row.email, line);
        const consentAt = row.consentAt as Date | null;
        const now = new Date();
        const importEvent = {
          at: now.toISOString(),
          event: 'imported',
          consentAt: consentAt?.toISOString() ?? null,
        };

        const suppression = await strapi.db
          .query(SUPPRESSION)
          .findOne({ where: { addressHash: tokens.addressHash(row.email) } });
        if (suppression) {
          if (!consentAt || consentAt <= new Date(suppression.suppressedAt)) {
            report.skipped.push({ line, email: row.email, reason: REASONS.erased });
            continue;
          }
          await strapi.db.query(SUPPRESSION).delete({ where: { id: suppression.id } });
        }

        const existing = await findByEmail(row.email);
        if (existing) {
          if (existing.status === 'active' || existing.status === 'pending') {
            report.skipped.push({ line, email: row.email, reason: REASONS.exists });
          } else if (existing.status === 'unsubscribed') {
            const unsubscribedAt = existing.unsubscribedAt
              ? new Date(existing.unsubscribedAt)
              : new Date(0);
            if (!consentAt || consentAt <= unsubscribedAt) {
              report.skipped.push({ line, email: row.email, reason: REASONS.unsubscribed });
              continue;
            }
            await documents().update({
              documentId: existing.documentId,
              data: {
                status: 'active',
                topics: row.topics,
                consentVersion: 'import',
                consentAt: consentAt.toISOString(),
                consentIp: row.consentIp,
                unsubscribedAt: null,
                history: appendHistory(existing.history, importEvent),
              },
            } as never);
            report.reactivated += 1;
          } else {
            report.skipped.push({ line, email: row.email, reason: REASONS.undeliverable });
          }
          continue;
        }

        const created = (await documents().create({
          data: {
            email: row.email,
            name: row.name,
            organisation: row.organisation,
            topics: row.topics,
            status: consentAt ? 'active' : 'pending',
            source: 'import',
            consentVersion: consentAt ? 'import' : null,
            consentAt: consentAt?.toISOString() ?? null,
            consentIp: row.consentIp,
            bounceCount: 0,
            history: [importEvent],
          },
        } as never)) as unknown as Subscriber;
        if (consentAt) {
          report.created.active += 1;
        } else {
          report.created.pending += 1;
          await plugin().service('subscriptions').requestConfirmation(created, now);
        }
      }
      return report;
    },

    /** All subscribers as CSV, read page by page (memory stays flat for large lists). */
    async *exportCsv(pageSize = 500): AsyncGenerator<string> {
      yield csvLine([...EXPORT_COLUMNS]);
      let lastId = 0;
      for (;;) {
        const page = (await strapi.db.query(SUBSCRIBER).findMany({
          where: { id: { $gt: lastId } },
          orderBy: { id: 'asc' },
          limit: pageSize,
        })) as Subscriber[];
        if (page.length === 0) return;
        yield page
          .map((subscriber) =>
            csvLine(
              EXPORT_COLUMNS.map((column) =>
                column === 'topics' ? (subscriber.topics ?? []).join(';') : subscriber[column]
              )
            )
          )
          .join('');
        lastId = page[page.length - 1].id;
      }
    },

    async find(documentId: string) {
      return (await documents().findOne({ documentId } as never)) as unknown as Subscriber | null;
    },

    /** Art. 15: everything stored about one subscriber. */
    async personalData(documentId: string) {
      const subscriber = await this.find(documentId);
      if (!subscriber) return null;
      const mails = await strapi.db.query(OUTBOX).findMany({
        where: { subscriberDocumentId: documentId },
        orderBy: { id: 'asc' },
      });
      const deliveries = (await strapi.db.query(DELIVERY).findMany({
        where: { subscriberId: subscriber.id },
        orderBy: { id: 'asc' },
      })) as {
        issueId: number;
        status: string;
        attempts: number;
        sentAt: string | number | null;
        personalItems: string[] | null;
      }[];
      const issues = (await strapi.db.query(ISSUE).findMany({
        where: { id: { $in: deliveries.map((delivery) => delivery.issueId) } },
        select: ['id', 'documentId', 'subject'],
      })) as { id: number; documentId: string; subject: string }[];
      const links = plugin().service('links');
      const { id: _id, ...data } = subscriber;
      return {
        exportedAt: new Date().toISOString(),
        subscriber: data,
        consentText:
          data.consentVersion === config().consent.version ? config().consent.text : null,
        links: links.exportFor(await links.forSubscriber(subscriber.id)),
        mails: mails.map((mail: Record<string, unknown>) => ({
          kind: mail.kind,
          status: mail.status,
          attempts: mail.attempts,
          sentAt: mail.sentAt,
          createdAt: mail.createdAt,
        })),
        newsletters: deliveries.map((delivery) => {
          const issue = issues.find((entry) => entry.id === delivery.issueId);
          return {
            issue: issue?.documentId ?? null,
            subject: issue?.subject ?? null,
            status: delivery.status,
            // the personalised section's items chosen for this subscriber (null: the editor's)
            personalItems: delivery.personalItems ?? null,
            attempts: delivery.attempts,
            sentAt: delivery.sentAt ? new Date(Number(delivery.sentAt)).toISOString() : null,
          };
        }),
      };
    },

    /**
     * Art. 17: deletes the subscriber, its mail records and its newsletter deliveries; keeps only
     * a keyed address hash.
     */
    async erase(documentId: string) {
      const subscriber = await this.find(documentId);
      if (!subscriber) return false;
      const addressHash = plugin().service('tokens').addressHash(subscriber.email);
      await strapi.db.transaction(async () => {
        await strapi.db.query(OUTBOX).deleteMany({ where: { subscriberDocumentId: documentId } });
        await strapi.db.query(DELIVERY).deleteMany({ where: { subscriberId: subscriber.id } });
        await strapi.db.query(LINK).deleteMany({ where: { subscriberId: subscriber.id } });
        await documents().delete({ documentId } as never);
        const existing = await strapi.db.query(SUPPRESSION).findOne({ where: { addressHash } });
        if (existing) {
          await strapi.db
            .query(SUPPRESSION)
            .update({ where: { id: existing.id }, data: { suppressedAt: new Date() } });
        } else {
          await strapi.db
            .query(SUPPRESSION)
            .create({ data: { addressHash, reason: 'erased', suppressedAt: new Date() } });
        }
      });
      return true;
    },
  };
};
