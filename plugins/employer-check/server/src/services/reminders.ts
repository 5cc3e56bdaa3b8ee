/**
 * Reminder mails for a company that asked for them, with its own consent and double opt-in:
 * before a measure's target date and when the re-check is due, with the link to its result.
 *
 * - A sign-up stores the address as `pending` and sends a confirmation mail; only a confirmed
 *   (`active`) reminder ever sends. Unconfirmed sign-ups are deleted after `pendingDays`.
 * - Unsubscribing (a page with a button, or RFC 8058 one-click from the mail client) deletes
 *   the address at once. Deleting the check (or its company's series, or retention) deletes it.
 * - Mails go through the app's `send` (the newsletter plugin's transport in this app).
 * - The daily run claims each due item (`reminder-send`, unique per reminder and item) before
 *   sending, so two instances never both send it; a failed send releases the claim for the next
 *   day. A crash between claim and send loses that one reminder (at most once per item).
 */
import type { Core } from '@strapi/strapi';
import cron, { type ScheduledTask } from 'node-cron';
import { ConflictError } from '@bildungsbuero/strapi-server-kit';
import type { EmployerCheckConfig } from '../config';
import { officeToday } from '../lib/days';
import { storedPlan } from '../lib/plan';
import {
  confirmationMail,
  dueItems,
  linkKey,
  openLinkKey,
  reminderMail,
  seal,
  unseal,
} from '../lib/reminders';
import { hashSubmissionToken } from '../lib/tokens';
import { getService } from '../utils/get-service';
import { notFound, SUBMISSION } from './submissions';

export const REMINDER = 'plugin::employer-check.reminder';
export const REMINDER_SEND = 'plugin::employer-check.reminder-send';
export const CONSENT_VERSION = '1';

interface ReminderRow {
  id: number;
  documentId: string;
  checkDocumentId: string;
  email: string;
  status: 'pending' | 'active';
  resultTokenSealed: string | null;
  consentAt: string | null;
}

interface CheckRow {
  documentId: string;
  completedAt: string | null;
  companyKeyHash: string | null;
  plan: unknown;
}

/** The mail could not be handed to the transport: the sign-up is not kept (503). */
export class MailUnavailableError extends Error {}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () =>
    (strapi.config.get('plugin::employer-check') as EmployerCheckConfig).reminders;
  const reminders = () => strapi.db.query(REMINDER);
  const claims = () => strapi.db.query(REMINDER_SEND);
  const secret = () => {
    const keys = strapi.config.get('server.app.keys') as string[] | undefined;
    if (!keys?.length) throw new Error('employer-check reminders need the app keys (APP_KEYS)');
    return String(keys[0]);
  };
  let task: ScheduledTask | undefined;

  const available = () => {
    const settings = config();
    return Boolean(settings.enabled && settings.send && settings.publicUrl);
  };

  const routeUrl = (path: string) => {
    const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/+$/, '');
    return `${config().publicUrl!.replace(/\/+$/, '')}${prefix}/employer-check/reminders/${path}`;
  };

  const send = (mail: {
    to: string;
    subject: string;
    html: string;
    text: string;
    headers?: Record<string, string>;
  }) => config().send!(mail, { strapi });

  const resultUrlOf = (row: Pick<ReminderRow, 'resultTokenSealed'>) => {
    const token = unseal(secret(), row.resultTokenSealed);
    const link = config().resultLink;
    return token && link ? link(token) : null;
  };

  const byKey = async (purpose: string, key: unknown) => {
    const id = openLinkKey(secret(), purpose, key);
    return id
      ? ((await reminders().findOne({ where: { documentId: id } })) as ReminderRow | null)
      : null;
  };

  const remove = async (rows: Pick<ReminderRow, 'id' | 'documentId'>[]) => {
    if (!rows.length) return 0;
    await claims().deleteMany({
      where: { reminderDocumentId: { $in: rows.map((row) => row.documentId) } },
    });
    return (await reminders().deleteMany({ where: { id: { $in: rows.map((row) => row.id) } } }))
      .count;
  };

  return {
    available,

    /** What the result shows: `none`, `pending` (awaiting confirmation) or `active`. */
    async statusFor(checkDocumentId: string) {
      if (!available()) return { available: false, status: 'none' as const };
      const row = (await reminders().findOne({
        where: { checkDocumentId },
        select: ['status'],
      })) as Pick<ReminderRow, 'status'> | null;
      return { available: true, status: row?.status ?? ('none' as const) };
    },

    /** Signs a completed check up for reminders and sends the confirmation mail. */
    async subscribe(token: unknown, { email }: { email: string }) {
      if (!available())
        throw new ConflictError('Erinnerungen per E-Mail sind hier derzeit nicht eingerichtet.');
      const view = await getService(strapi, 'submissions').get(token); // 404
      if (view.status !== 'complete')
        throw new ConflictError('Erinnerungen gibt es, sobald der Check abgeschlossen ist.');
      const check = (await strapi.db.query(SUBMISSION).findOne({
        where: { tokenHash: hashSubmissionToken(token as string) },
        select: ['documentId'],
      })) as { documentId: string } | null;
      if (!check) throw notFound();
      const existing = (await reminders().findOne({
        where: { checkDocumentId: check.documentId },
      })) as ReminderRow | null;
      if (existing?.status === 'active' && existing.email === email) return { status: 'active' };
      const data = {
        checkDocumentId: check.documentId,
        email,
        status: 'pending',
        resultTokenSealed: seal(secret(), token as string),
        consentVersion: CONSENT_VERSION,
        consentAt: new Date(),
        confirmedAt: null,
      };
      const row = (
        existing
          ? await reminders().update({ where: { id: existing.id }, data })
          : await reminders().create({ data })
      ) as ReminderRow;
      try {
        const mail = confirmationMail({
          confirmUrl: routeUrl(`confirm/${linkKey(secret(), 'confirm', row.documentId)}`),
          sender: config().sender,
        });
        await send({ to: email, ...mail });
      } catch (error) {
        strapi.log.error(
          `[employer-check] reminder confirmation not sent: ${error instanceof Error ? error.message : String(error)}`
        );
        await remove([row]);
        throw new MailUnavailableError(
          'Die Bestätigungsmail konnte gerade nicht gesendet werden. Bitte versuchen Sie es später erneut.'
        );
      }
      return { status: 'pending' };
    },

    /** The reminder a confirm link names (null: unknown), for the page. */
    forConfirmKey: (key: unknown) => byKey('confirm', key),
    forUnsubscribeKey: (key: unknown) => byKey('unsubscribe', key),

    /** Confirms (double opt-in); returns the result link, if there is one. */
    async confirm(key: unknown) {
      const row = await byKey('confirm', key);
      if (!row) return null;
      if (row.status !== 'active')
        await reminders().update({
          where: { id: row.id },
          data: { status: 'active', confirmedAt: new Date() },
        });
      return { resultUrl: resultUrlOf(row) };
    },

    /** Deletes the reminder and its address; true when there was one. */
    async unsubscribe(key: unknown) {
      const row = await byKey('unsubscribe', key);
      if (!row) return false;
      await remove([row]);
      return true;
    },

    async deleteForChecks(checkDocumentIds: string[]) {
      let deleted = 0;
      for (let start = 0; start < checkDocumentIds.length; start += 500) {
        const rows = (await reminders().findMany({
          where: { checkDocumentId: { $in: checkDocumentIds.slice(start, start + 500) } },
          select: ['id', 'documentId'],
        })) as ReminderRow[];
        deleted += await remove(rows);
      }
      return deleted;
    },

    /** One daily run: unconfirmed sign-ups go, due reminders are sent. */
    async run(now = new Date()) {
      const settings = config();
      const today = officeToday(now);
      const stale = (await reminders().findMany({
        where: {
          status: 'pending',
          consentAt: { $lt: new Date(now.getTime() - settings.pendingDays * 86_400_000) },
        },
        select: ['id', 'documentId'],
      })) as ReminderRow[];
      const purged = await remove(stale);
      let sent = 0;
      let failed = 0;
      if (!available()) return { purged, sent, failed };
      for (let offset = 0; ; offset += 200) {
        const batch = (await reminders().findMany({
          where: { status: 'active' },
          orderBy: { id: 'asc' },
          offset,
          limit: 200,
        })) as ReminderRow[];
        if (!batch.length) break;
        for (const reminder of batch) {
          const check = (await strapi.db.query(SUBMISSION).findOne({
            where: { documentId: reminder.checkDocumentId, status: 'complete' },
            select: ['documentId', 'completedAt', 'companyKeyHash', 'plan'],
          })) as CheckRow | null;
          if (!check?.completedAt) continue;
          const laterCheck = check.companyKeyHash
            ? (await strapi.db.query(SUBMISSION).count({
                where: {
                  companyKeyHash: check.companyKeyHash,
                  status: 'complete',
                  completedAt: { $gt: check.completedAt },
                },
              })) > 0
            : false;
          const done = (await claims().findMany({
            where: { reminderDocumentId: reminder.documentId },
            select: ['claim'],
          })) as { claim: string }[];
          const items = dueItems({
            plan: storedPlan(check.plan),
            completedOn: officeToday(new Date(check.completedAt)),
            laterCheck,
            today,
            daysBefore: settings.daysBefore,
            recheckMonths: settings.recheckMonths,
            sent: new Set(done.map((row) => row.claim.slice(reminder.documentId.length + 1))),
          });
          // claim each item; an item another instance claimed first is left to it
          const claimed = [];
          for (const item of items) {
            try {
              await claims().create({
                data: {
                  claim: `${reminder.documentId}|${item.key}`,
                  reminderDocumentId: reminder.documentId,
                },
              });
              claimed.push(item);
            } catch {
              // unique claim taken: sent (or being sent) elsewhere
            }
          }
          if (!claimed.length) continue;
          const unsubscribeUrl = routeUrl(
            `unsubscribe/${linkKey(secret(), 'unsubscribe', reminder.documentId)}`
          );
          const mail = reminderMail({
            items: claimed,
            resultUrl: resultUrlOf(reminder),
            unsubscribeUrl,
            sender: settings.sender,
          });
          try {
            await send({
              to: reminder.email,
              ...mail,
              headers: {
                'List-Unsubscribe': `<${unsubscribeUrl}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              },
            });
            sent += 1;
          } catch (error) {
            failed += 1;
            strapi.log.warn(
              `[employer-check] reminder not sent (tried again tomorrow): ${error instanceof Error ? error.message : String(error)}`
            );
            await claims().deleteMany({
              where: {
                claim: { $in: claimed.map((item) => `${reminder.documentId}|${item.key}`) },
              },
            });
          }
        }
      }
      return { purged, sent, failed };
    },

    start() {
      const settings = config();
      if (!settings.enabled || task) return;
      task = cron.schedule(
        settings.cron,
        async () => {
          const result = await this.run();
          strapi.log.info(
            `[employer-check] reminders: ${result.sent} sent, ${result.failed} failed, ${result.purged} unconfirmed sign-ups deleted`
          );
        },
        { timezone: settings.timezone, name: 'employer-check-reminders', noOverlap: true }
      );
    },

    async stop() {
      await task?.destroy();
      task = undefined;
    },
  };
};

/** For the controller: a 503 in Strapi's error shape. */
export const isMailUnavailable = (error: unknown): error is MailUnavailableError =>
  error instanceof MailUnavailableError;
