/**
 * What editors do with subscribers: import (CSV or .xlsx, read by `lib/subscriber-file/`) with
 * a line-by-line report, CSV export, and the GDPR rights of one subscriber: access (Art. 15,
 * JSON) and erasure (Art. 17: personal data deleted, a keyed hash of the address kept so imports
 * cannot silently add it again).
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { atomically } from '@bildungsbuero/strapi-server-kit';
import type { NewsletterConfig } from '../config';
import { csvLine } from '../lib/csv';
import {
  duplicateReason,
  emptyReport,
  type ImportReport,
  type Sheet,
} from '../lib/subscriber-file';
import { importRowSchema } from '../validation';
import {
  appendHistory,
  confirmationMail,
  isDuplicateError,
  SUBSCRIBER,
  type HistoryEvent,
  type Subscriber,
} from './subscriptions';
import { LINK } from './links';

const SUPPRESSION = 'plugin::newsletter.suppression';
const OUTBOX = 'plugin::newsletter.outbox-mail';
const DELIVERY = 'plugin::newsletter.delivery';
const ISSUE = 'plugin::newsletter.issue';
const MAILBOX_MESSAGE = 'plugin::newsletter.mailbox-message';

/** Statuses an editor may turn back into `active`, with a recorded reason. */
export const REACTIVATABLE = ['bounced'] as const;

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

export type { ImportReport };

/** Rows per transaction of an import (one query each for suppressions and addresses). */
const IMPORT_CHUNK = 500;

/** A row that passed validation and is not a repeat within the file. */
interface ImportRow {
  line: number;
  email: string;
  name: string | null;
  organisation: string | null;
  topics: string[];
  consentAt: Date | null;
  consentIp: string | null;
}

type ChunkOutcome = Pick<ImportReport, 'created' | 'reactivated' | 'skipped'>;

const byLine = <T extends { line: number }>(a: T, b: T) => a.line - b.line;

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
  suppressed:
    'Adresse wurde nach Abmeldung, Unzustellbarkeit oder Beschwerde nach Ablauf der Aufbewahrungsfrist gelöscht; sie wird nur mit einer Einwilligung nach der Löschung (consentAt) wieder aufgenommen.',
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const documents = () => strapi.documents(SUBSCRIBER as never);
  const plugin = () => strapi.plugin('newsletter');

  /** One chunk of an import in one transaction; what happened to its rows. */
  const importChunk = (chunk: ImportRow[]): Promise<ChunkOutcome> =>
    atomically(strapi, async () => {
      const now = new Date();
      const outcome: ChunkOutcome = {
        created: { active: 0, pending: 0 },
        reactivated: 0,
        skipped: [],
      };
      const tokens = plugin().service('tokens');
      const hashOf = new Map(
        chunk.map((row) => [row.email, tokens.addressHash(row.email) as string])
      );
      const suppressions = (await strapi.db.query(SUPPRESSION).findMany({
        where: { addressHash: { $in: [...hashOf.values()] } },
        select: ['id', 'addressHash', 'suppressedAt', 'reason'],
      })) as { id: number; addressHash: string; suppressedAt: string; reason: string }[];
      const suppressionOf = new Map(suppressions.map((entry) => [entry.addressHash, entry]));
      const existing = (await strapi.db.query(SUBSCRIBER).findMany({
        where: { email: { $in: chunk.map((row) => row.email) } },
        select: ['id', 'email', 'status', 'unsubscribedAt', 'history'],
      })) as Pick<Subscriber, 'id' | 'email' | 'status' | 'unsubscribedAt' | 'history'>[];
      const existingOf = new Map(existing.map((subscriber) => [subscriber.email, subscriber]));
      const lifted: number[] = [];
      const created: Record<string, unknown>[] = [];
      const skip = (row: ImportRow, reason: string) =>
        outcome.skipped.push({ line: row.line, email: row.email, reason });

      for (const row of chunk) {
        const { consentAt } = row;
        const event: HistoryEvent = {
          at: now.toISOString(),
          event: 'imported',
          consentAt: consentAt?.toISOString() ?? null,
        };
        const suppression = suppressionOf.get(hashOf.get(row.email)!);
        if (suppression) {
          if (!consentAt || consentAt <= new Date(suppression.suppressedAt)) {
            skip(row, suppression.reason === 'erased' ? REASONS.erased : REASONS.suppressed);
            continue;
          }
          lifted.push(suppression.id);
        }
        const current = existingOf.get(row.email);
        if (current?.status === 'active' || current?.status === 'pending') {
          skip(row, REASONS.exists);
        } else if (current?.status === 'unsubscribed') {
          const unsubscribedAt = current.unsubscribedAt
            ? new Date(current.unsubscribedAt)
            : new Date(0);
          if (!consentAt || consentAt <= unsubscribedAt) {
            skip(row, REASONS.unsubscribed);
            continue;
          }
          // updateMany: one UPDATE (update would read the row before and after)
          await strapi.db.query(SUBSCRIBER).updateMany({
            where: { id: current.id },
            data: {
              status: 'active',
              topics: row.topics,
              consentVersion: 'import',
              consentAt,
              consentIp: row.consentIp,
              unsubscribedAt: null,
              history: appendHistory(current.history, event),
              updatedAt: now,
            },
          });
          outcome.reactivated += 1;
        } else if (current) {
          skip(row, REASONS.undeliverable);
        } else {
          created.push({
            documentId: createId(),
            email: row.email,
            name: row.name,
            organisation: row.organisation,
            topics: row.topics,
            status: consentAt ? 'active' : 'pending',
            source: 'import',
            consentVersion: consentAt ? 'import' : null,
            consentAt,
            consentIp: row.consentIp,
            bounceCount: 0,
            // a new address: its first confirmation mail (the once-per-interval guard starts here)
            lastConfirmationSentAt: consentAt ? null : now,
            history: [event],
            publishedAt: now,
          });
          outcome.created[consentAt ? 'active' : 'pending'] += 1;
        }
      }
      if (lifted.length) {
        await strapi.db.query(SUPPRESSION).deleteMany({ where: { id: { $in: lifted } } });
      }
      if (created.length) await strapi.db.query(SUBSCRIBER).createMany({ data: created });
      const mails = created
        .filter((row) => row.status === 'pending')
        .map((row) => confirmationMail(row.documentId as string, now));
      if (mails.length) await strapi.db.query(OUTBOX).createMany({ data: mails });
      return outcome;
    });

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

    /**
     * Imports what the reader made of a file. Each row is validated and checked against the
     * rows before it (repeated addresses); then, per chunk of rows, in one transaction: one query
     * for suppressions, one for existing addresses, one bulk insert of the new subscribers and
     * one of their confirmation mails. A chunk is written completely or not at all (a
     * concurrent subscribe of the same address makes it run once more).
     */
    async importSheet(sheet: Sheet): Promise<ImportReport> {
      const report = emptyReport(sheet);
      const schema = importRowSchema(
        config().topics.map((topic) => topic.key),
        config().scheduler.timezone
      );
      const seen = new Map<string, number>();
      const rows: ImportRow[] = [];
      for (const { line, values } of sheet.rows) {
        const parsed = schema.safeParse({
          email: values.email ?? '',
          name: values.name ?? '',
          organisation: values.organisation ?? '',
          topics: values.topics ?? '',
          consentAt: values.consentAt ?? '',
          consentIp: values.consentIp ?? '',
        });
        if (!parsed.success) {
          report.rejected += 1;
          for (const issue of parsed.error.issues) {
            report.errors.push({
              line,
              field: String(issue.path[0] ?? ''),
              message: issue.message,
            });
          }
          continue;
        }
        const first = seen.get(parsed.data.email);
        if (first !== undefined) {
          report.skipped.push({
            line,
            email: parsed.data.email,
            reason: duplicateReason(first),
            duplicateOf: first,
          });
          continue;
        }
        seen.set(parsed.data.email, line);
        rows.push({ line, ...parsed.data });
      }
      let mails = 0;
      for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
        const chunk = rows.slice(i, i + IMPORT_CHUNK);
        let outcome: ChunkOutcome;
        try {
          outcome = await importChunk(chunk);
        } catch (error) {
          if (!isDuplicateError(error)) throw error;
          outcome = await importChunk(chunk);
        }
        report.created.active += outcome.created.active;
        report.created.pending += outcome.created.pending;
        report.reactivated += outcome.reactivated;
        report.skipped.push(...outcome.skipped);
        mails += outcome.created.pending;
      }
      if (mails > 0) plugin().service('outbox').kick();
      report.skipped.sort(byLine);
      report.errors.sort(byLine);
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
      const bounces = (await strapi.db.query(MAILBOX_MESSAGE).findMany({
        where: { subscriberId: subscriber.id },
        orderBy: { id: 'asc' },
      })) as Record<string, unknown>[];
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
        // what came back from the mail servers: non-delivery reports and complaints
        bounces: bounces.map((message) => ({
          kind: message.kind,
          issue: issues.find((entry) => entry.id === message.issueId)?.documentId ?? null,
          statusCode: message.statusCode ?? null,
          diagnostic: message.diagnostic ?? null,
          processedAt: new Date(Number(message.processedAt)).toISOString(),
        })),
      };
    },

    /**
     * An editor turns a bounced address back into an active one (e.g. the mailbox exists again);
     * the reason and who gave it go into the history. Returns null when there is no such
     * subscriber, false when its status does not allow it.
     */
    async reactivate(documentId: string, reason: string, by: string | null) {
      return atomically(strapi, async () => {
        const subscriber = (await strapi.db.query(SUBSCRIBER).findOne({
          where: { documentId },
          select: ['id', 'status', 'history'],
        })) as Pick<Subscriber, 'id' | 'status' | 'history'> | null;
        if (!subscriber) return null;
        if (!(REACTIVATABLE as readonly string[]).includes(subscriber.status)) return false;
        const event: HistoryEvent = {
          at: new Date().toISOString(),
          event: 'reactivated',
          from: subscriber.status,
          reason,
          by,
        };
        await strapi.db.query(SUBSCRIBER).updateMany({
          where: { id: subscriber.id, status: subscriber.status },
          data: {
            status: 'active',
            bounceCount: 0,
            history: appendHistory(subscriber.history, event),
            updatedAt: new Date(),
          },
        });
        return true;
      });
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
        await strapi.db
          .query(MAILBOX_MESSAGE)
          .deleteMany({ where: { subscriberId: subscriber.id } });
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
