/**
 * Public routes for subscribers. Thin: validate, call the `subscriptions` service, answer JSON
 * or, for people in a browser (form posts, links from mails), a small German HTML page.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { NewsletterConfig } from '../config';
import { renderPage } from '../pages/render';
import { SUBSCRIBER, TOKEN_MESSAGES, tokenError, type Subscriber } from '../services/subscriptions';
import type { LinkRow } from '../services/links';
import { validatePreferences, validateSubscribe, validateToken } from '../validation';
import { getService } from '../utils/get-service';
import { publicApiPath } from '../utils/urls';

export const ACCEPTED = {
  status: 'accepted',
  message:
    'Vielen Dank! Wenn die Adresse noch nicht angemeldet ist, erhalten Sie gleich eine E-Mail mit einem Bestätigungslink.',
};

const body = (ctx: Context) => (ctx.request as unknown as { body?: unknown }).body ?? {};
const isFormPost = (ctx: Context) => Boolean(ctx.is('urlencoded'));
const wantsHtml = (ctx: Context) => ctx.accepts('json', 'html') === 'html';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'subscriptions');
  const tokens = () => getService(strapi, 'tokens');
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;

  const html = (ctx: Context, status: number, page: Parameters<typeof renderPage>[0]) => {
    ctx.status = status;
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.body = renderPage(page);
  };

  const errorPage = (ctx: Context, error: unknown) => {
    if (!(error instanceof errors.ValidationError)) throw error;
    html(ctx, 400, {
      title: 'Link ungültig',
      tone: 'error',
      paragraphs: [error.message],
      links: [{ href: tokens().subscribePageUrl(), label: 'Zur Newsletter-Anmeldung' }],
    });
  };

  /** Runs `action`; in a browser, a token error becomes the German error page. */
  const forPeople = async (ctx: Context, asHtml: boolean, action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      if (asHtml) errorPage(ctx, error);
      else throw error;
    }
  };

  const links = () => getService(strapi, 'links');
  const linksOf = async (subscriber: Subscriber): Promise<LinkRow[]> =>
    links().enabled() ? links().forSubscriber(subscriber.id) : [];

  const preferencesJson = async (subscriber: Subscriber) => ({
    email: subscriber.email,
    name: subscriber.name,
    organisation: subscriber.organisation,
    topics: subscriber.topics,
    status: subscriber.status,
    links: (await linksOf(subscriber)).map((link) => ({
      what: config().personalisation?.label ?? null,
      status: link.status,
      since: link.status === 'active' ? link.confirmedAt : link.consentAt,
    })),
  });

  /**
   * The confirm page (GET) refuses what the confirmation (POST) would refuse, with the same
   * answer, and changes nothing: a link of an erased subscriber, of another address, or from
   * before an unsubscribe showed the button before (found by the hostile-input suite).
   */
  const checkConfirmable = async (token: string): Promise<Subscriber | null> => {
    const result = tokens().verify(token, 'confirm');
    if (!result.ok) {
      await service().confirm(token, { ip: null }); // throws the right message
      return null;
    }
    const { claims } = result;
    const subscriber = (await strapi
      .documents(SUBSCRIBER as never)
      .findOne({ documentId: claims.s } as never)) as unknown as Subscriber | null;
    const unsubscribedAt = subscriber?.unsubscribedAt ? Date.parse(subscriber.unsubscribedAt) : 0;
    if (
      !subscriber ||
      !tokens().matches(claims, subscriber.email) ||
      claims.i * 1000 + 999 < unsubscribedAt
    ) {
      throw tokenError(TOKEN_MESSAGES.invalid, tokens().subscribePageUrl());
    }
    return subscriber;
  };

  const tokenFrom = (ctx: Context) =>
    (body(ctx) as { token?: unknown }).token ?? (ctx.query as { token?: unknown }).token;

  return {
    async subscribe(ctx: Context) {
      const input = validateSubscribe(body(ctx), service().topicKeys());
      // Honeypot: bots fill every field. Look accepted, store and send nothing.
      if (typeof input.website === 'string' && input.website.trim() !== '') {
        ctx.status = 202;
        ctx.body = ACCEPTED;
        return;
      }
      await service().subscribe(input, { ip: ctx.request.ip ?? null });
      ctx.status = 202;
      ctx.body = ACCEPTED;
    },

    async confirmPage(ctx: Context) {
      await forPeople(ctx, true, async () => {
        const token = validateToken(ctx.query.token);
        const subscriber = await checkConfirmable(token);
        const pendingLinks = (subscriber ? await linksOf(subscriber) : []).filter(
          (link) => link.status === 'pending'
        ).length;
        const label = config().personalisation?.label ?? '';
        // An active subscriber confirms only a link it asked for.
        const linkOnly = subscriber?.status === 'active' && pendingLinks > 0;
        html(ctx, 200, {
          title: linkOnly ? 'Verknüpfung bestätigen' : 'Anmeldung bestätigen',
          paragraphs: linkOnly
            ? [
                `Bitte bestätigen Sie, dass wir ${label} mit Ihrem Abonnement des Newsletters „${config().newsletterName}“ verknüpfen. Dann wählen wir die Tipps in jeder Ausgabe passend dazu aus.`,
              ]
            : [
                `Bitte bestätigen Sie, dass Sie den Newsletter „${config().newsletterName}“ erhalten möchten.`,
                ...(pendingLinks > 0
                  ? [`Mit der Bestätigung verknüpfen wir außerdem ${label} mit Ihrem Abonnement.`]
                  : []),
              ],
          form: {
            action: publicApiPath(strapi, '/confirm'),
            button: linkOnly ? 'Verknüpfung bestätigen' : 'Anmeldung bestätigen',
            fields: { token },
          },
        });
      });
    },

    async confirm(ctx: Context) {
      const asHtml = isFormPost(ctx);
      await forPeople(ctx, asHtml, async () => {
        const token = validateToken(tokenFrom(ctx));
        const { subscriber, alreadyActive, linked, linkOnly } = await service().confirm(token, {
          ip: ctx.request.ip ?? null,
        });
        const urls = tokens().manageUrls(subscriber);
        if (asHtml) {
          html(ctx, 200, {
            title: linkOnly
              ? 'Verknüpfung bestätigt'
              : alreadyActive
                ? 'Bereits bestätigt'
                : 'Anmeldung bestätigt',
            tone: 'success',
            paragraphs: [
              ...(linkOnly
                ? []
                : [
                    alreadyActive
                      ? 'Ihre Anmeldung war bereits bestätigt. Sie erhalten den Newsletter.'
                      : 'Vielen Dank! Ihre Anmeldung ist bestätigt. Sie erhalten den Newsletter ab der nächsten Ausgabe.',
                  ]),
              ...(linked > 0
                ? [
                    `Verknüpft: ${config().personalisation?.label ?? ''}. Die Tipps im Newsletter wählen wir ab der nächsten Ausgabe passend dazu aus. In Ihren Einstellungen können Sie die Verknüpfung jederzeit lösen.`,
                  ]
                : []),
            ],
            links: [{ href: urls.preferencesUrl, label: 'Einstellungen ändern' }],
          });
          return;
        }
        ctx.body = { status: subscriber.status, alreadyConfirmed: alreadyActive, linked };
      });
    },

    async preferences(ctx: Context) {
      const asHtml = wantsHtml(ctx);
      await forPeople(ctx, asHtml, async () => {
        const token = validateToken(ctx.query.token);
        const subscriber = await service().preferences(token);
        if (!asHtml) {
          ctx.body = await preferencesJson(subscriber);
          return;
        }
        html(ctx, 200, preferencesPage(subscriber, token, await linksOf(subscriber)));
      });
    },

    async updatePreferences(ctx: Context) {
      const asHtml = isFormPost(ctx);
      await forPeople(ctx, asHtml, async () => {
        const token = validateToken(tokenFrom(ctx));
        const raw = body(ctx) as Record<string, unknown>;
        // Form posts send one `topics` value per ticked box (a string when only one).
        const input = asHtml
          ? { topics: raw.topics === undefined ? [] : ([] as unknown[]).concat(raw.topics) }
          : raw;
        const values = validatePreferences(input, service().topicKeys());
        const subscriber = await service().updatePreferences(token, values, {
          ip: ctx.request.ip ?? null,
        });
        if (asHtml) {
          html(ctx, 200, preferencesPage(subscriber, token, await linksOf(subscriber), 'saved'));
          return;
        }
        ctx.body = await preferencesJson(subscriber);
      });
    },

    /** The subscriber removes its links (a button on the preferences page, or JSON). */
    async unlink(ctx: Context) {
      const asHtml = isFormPost(ctx);
      await forPeople(ctx, asHtml, async () => {
        const token = validateToken(tokenFrom(ctx));
        const { subscriber, removed } = await service().unlink(token, {
          ip: ctx.request.ip ?? null,
        });
        if (asHtml) {
          html(ctx, 200, preferencesPage(subscriber, token, [], 'unlinked'));
          return;
        }
        ctx.body = { ...(await preferencesJson(subscriber)), removed };
      });
    },

    /** The public web version of a sent issue ("view in browser"); no personal data. */
    async webVersion(ctx: Context) {
      const id = String(ctx.params.id ?? '');
      const page = /^[a-z0-9]{10,64}$/.test(id)
        ? await getService(strapi, 'issues').webVersion(id)
        : null;
      if (!page)
        throw new errors.NotFoundError(
          'Diese Ausgabe gibt es nicht oder sie wurde noch nicht versendet.'
        );
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = page;
    },

    async unsubscribePage(ctx: Context) {
      await forPeople(ctx, true, async () => {
        const token = validateToken(ctx.query.token);
        const subscriber = await service().preferences(token);
        html(ctx, 200, {
          title: 'Newsletter abbestellen',
          paragraphs:
            subscriber.status === 'unsubscribed'
              ? ['Diese Adresse ist bereits abgemeldet. Sie erhalten keinen Newsletter mehr.']
              : [`Möchten Sie den Newsletter „${config().newsletterName}“ nicht mehr erhalten?`],
          form:
            subscriber.status === 'unsubscribed'
              ? undefined
              : {
                  action: publicApiPath(strapi, `/unsubscribe?token=${encodeURIComponent(token)}`),
                  button: 'Jetzt abmelden',
                },
          links: [
            {
              href: tokens().manageUrls(subscriber).preferencesUrl,
              label: 'Lieber nur die Themen ändern',
            },
          ],
        });
      });
    },

    async unsubscribe(ctx: Context) {
      const raw = body(ctx) as Record<string, unknown>;
      const oneClick = raw['List-Unsubscribe'] === 'One-Click';
      const asHtml = isFormPost(ctx) && !oneClick;
      await forPeople(ctx, asHtml, async () => {
        const token = validateToken(tokenFrom(ctx));
        const subscriber = await service().unsubscribe(token, {
          ip: ctx.request.ip ?? null,
          via: oneClick ? 'one-click' : asHtml ? 'page' : 'api',
        });
        if (asHtml) {
          html(ctx, 200, {
            title: 'Abgemeldet',
            tone: 'success',
            paragraphs: [
              'Sie sind vom Newsletter abgemeldet und erhalten keine weiteren Ausgaben.',
              'Falls das ein Versehen war, können Sie sich jederzeit wieder anmelden.',
            ],
            links: [{ href: tokens().subscribePageUrl(), label: 'Wieder anmelden' }],
          });
          return;
        }
        ctx.status = 200;
        ctx.body = { status: subscriber.status };
      });
    },
  };

  function preferencesPage(
    subscriber: Subscriber,
    token: string,
    linkRows: LinkRow[],
    done?: 'saved' | 'unlinked'
  ): Parameters<typeof renderPage>[0] {
    const personalisation = config().personalisation;
    const active = linkRows.some((link) => link.status === 'active');
    return {
      title: 'Newsletter-Einstellungen',
      tone: done ? 'success' : 'info',
      paragraphs: [
        ...(done === 'saved' ? ['Ihre Einstellungen sind gespeichert.'] : []),
        ...(done === 'unlinked'
          ? [
              'Die Verknüpfung ist gelöst. Sie erhalten wieder die Tipps, die die Redaktion auswählt.',
            ]
          : []),
        `Adresse: ${subscriber.email}`,
        subscriber.status === 'active'
          ? 'Wählen Sie die Themen, zu denen Sie den Newsletter erhalten möchten.'
          : 'Diese Adresse erhält derzeit keinen Newsletter. Die Themen gelten, sobald Sie wieder angemeldet sind.',
      ],
      form: {
        action: publicApiPath(strapi, '/preferences'),
        button: 'Speichern',
        fields: { token },
        choices: {
          name: 'topics',
          legend: 'Themen',
          options: config().topics.map((topic) => ({
            value: topic.key,
            label: topic.label,
            hint: topic.description,
            checked: subscriber.topics.includes(topic.key),
          })),
        },
      },
      sections:
        personalisation && linkRows.length > 0
          ? [
              {
                heading: 'Persönliche Tipps',
                paragraphs: [
                  active
                    ? `Verknüpft: ${personalisation.label}. Die Tipps im Newsletter wählen wir passend dazu aus; Tipps, die Sie schon erhalten haben, wiederholen wir nicht.`
                    : `Sie haben die Verknüpfung mit ${personalisation.label} angefragt. Sie wird wirksam, sobald Sie den Link in unserer E-Mail bestätigen.`,
                  'Wenn Sie die Verknüpfung lösen, erhalten Sie wieder die Tipps, die die Redaktion für alle auswählt. Ihr Abonnement bleibt bestehen.',
                ],
                form: {
                  action: publicApiPath(strapi, '/preferences/unlink'),
                  button: 'Verknüpfung lösen',
                  fields: { token },
                },
              },
            ]
          : [],
      links: [
        { href: tokens().manageUrls(subscriber).unsubscribeUrl, label: 'Newsletter abbestellen' },
      ],
    };
  }
};
