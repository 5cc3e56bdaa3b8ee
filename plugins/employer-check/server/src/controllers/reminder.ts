/**
 * Reminder mails: the sign-up (JSON, from the result page) and the pages the mail links open
 * (German HTML without JavaScript: a GET only shows the page, its button POSTs, so link
 * scanners change nothing). The unsubscribe POST also serves RFC 8058 one-click requests.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { renderPage, withConflicts } from '@bildungsbuero/strapi-server-kit';
import { isMailUnavailable } from '../services/reminders';
import { getService } from '../utils/get-service';
import { validateReminderSignUp } from '../validation';
import { body } from './request';

const page = (ctx: Context, status: number, options: Parameters<typeof renderPage>[0]) => {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.body = renderPage(options);
};

const UNKNOWN = {
  title: 'Link ungültig',
  paragraphs: [
    'Zu diesem Link gibt es keine Erinnerung (mehr). Vielleicht wurde sie abbestellt, der Check gelöscht oder die Anmeldung nicht rechtzeitig bestätigt.',
  ],
  tone: 'error' as const,
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reminders = () => getService(strapi, 'reminders');

  return {
    subscribe: withConflicts(async (ctx: Context) => {
      ctx.set('Cache-Control', 'no-store');
      await getService(strapi, 'submissions').get(ctx.params.token); // 404 before 400
      const input = await validateReminderSignUp(body(ctx));
      try {
        ctx.status = 201;
        ctx.body = await reminders().subscribe(ctx.params.token, { email: input.email });
      } catch (error) {
        if (!isMailUnavailable(error)) throw error;
        ctx.status = 503;
        ctx.body = {
          data: null,
          error: {
            status: 503,
            name: 'ServiceUnavailableError',
            message: error.message,
            details: {},
          },
        };
      }
    }),

    async confirmPage(ctx: Context) {
      const row = await reminders().forConfirmKey(ctx.params.key);
      if (!row) return page(ctx, 404, UNKNOWN);
      if (row.status === 'active')
        return page(ctx, 200, {
          title: 'Erinnerungen bestätigt',
          paragraphs: ['Sie haben Ihre Erinnerungen schon bestätigt.'],
          tone: 'success',
        });
      return page(ctx, 200, {
        title: 'Erinnerungen bestätigen',
        paragraphs: [
          'Bitte bestätigen Sie, dass wir Sie per E-Mail an die Maßnahmen Ihres Plans und an einen neuen Selbstcheck erinnern dürfen. Sie können die Erinnerungen mit einem Klick in jeder Mail abbestellen.',
        ],
        form: { action: encodeURIComponent(ctx.params.key), button: 'Erinnerungen bestätigen' },
      });
    },

    async confirm(ctx: Context) {
      const confirmed = await reminders().confirm(ctx.params.key);
      if (!confirmed) return page(ctx, 404, UNKNOWN);
      return page(ctx, 200, {
        title: 'Erinnerungen bestätigt',
        paragraphs: [
          'Vielen Dank! Wir erinnern Sie vor den Zieldaten Ihrer Maßnahmen und wenn ein neuer Selbstcheck ansteht.',
        ],
        links: confirmed.resultUrl
          ? [{ href: confirmed.resultUrl, label: 'Zu Ihrem Ergebnis und Ihrem Plan' }]
          : [],
        tone: 'success',
      });
    },

    async unsubscribePage(ctx: Context) {
      const row = await reminders().forUnsubscribeKey(ctx.params.key);
      if (!row) return page(ctx, 404, UNKNOWN);
      return page(ctx, 200, {
        title: 'Erinnerungen abbestellen',
        paragraphs: [
          'Möchten Sie keine Erinnerungen zu Ihrem Selbstcheck mehr erhalten? Ihre E-Mail-Adresse wird dann sofort gelöscht.',
        ],
        form: { action: encodeURIComponent(ctx.params.key), button: 'Erinnerungen abbestellen' },
      });
    },

    async unsubscribe(ctx: Context) {
      const removed = await reminders().unsubscribe(ctx.params.key);
      if (!removed) return page(ctx, 404, UNKNOWN);
      return page(ctx, 200, {
        title: 'Erinnerungen abbestellt',
        paragraphs: ['Sie erhalten keine Erinnerungen mehr. Ihre E-Mail-Adresse ist gelöscht.'],
        tone: 'success',
      });
    },
  };
};
