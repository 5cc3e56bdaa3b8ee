/**
 * Public routes of the personalised section: whoever holds a reference (e.g. the token of a
 * self-check result) asks for tips that fit it by newsletter, sees whether it is linked, and
 * removes the link. Thin: validate, call the `subscriptions` and `links` services.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { NewsletterConfig } from '../config';
import { validateLinkRequest, validateReference } from '../validation';
import { getService } from '../utils/get-service';

/** The same answer for every address (reveals nothing about it). */
export const LINK_ACCEPTED = {
  status: 'accepted',
  message:
    'Vielen Dank! Sie erhalten in Kürze eine E-Mail mit einem Bestätigungslink, sofern wir diese Adresse anschreiben können. Erst nach Ihrer Bestätigung verknüpfen wir Ihr Ergebnis mit dem Newsletter.',
};

const body = (ctx: Context) => (ctx.request as unknown as { body?: unknown }).body ?? {};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const links = () => getService(strapi, 'links');

  return {
    /** 202 with the subscribe answer, whatever the address's state (reveals nothing). */
    async request(ctx: Context) {
      const input = validateLinkRequest(body(ctx));
      const settings = links().settings();
      const key: string = await links().resolve(input.reference);
      if (typeof input.website === 'string' && input.website.trim() !== '') {
        ctx.status = 202;
        ctx.body = LINK_ACCEPTED;
        return;
      }
      await getService(strapi, 'subscriptions').subscribe(
        {
          email: input.email,
          name: input.name,
          organisation: input.organisation,
          topics: [settings.topic],
        },
        { ip: ctx.request.ip ?? null, link: { key } }
      );
      ctx.status = 202;
      ctx.body = LINK_ACCEPTED;
    },

    /** The texts a form asking for a link shows (so the recorded versions match the texts). */
    async consent(ctx: Context) {
      const settings = links().settings();
      const newsletter = (strapi.config.get('plugin::newsletter') as NewsletterConfig).consent;
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = {
        data: {
          label: settings.label,
          newsletterConsent: newsletter,
          linkConsent: settings.consent,
          privacyUrl:
            (strapi.config.get('plugin::newsletter') as NewsletterConfig).privacyUrl ?? null,
        },
      };
    },

    async status(ctx: Context) {
      const reference = validateReference((ctx.query as { reference?: unknown }).reference);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await links().status(reference) };
    },

    async remove(ctx: Context) {
      const reference = validateReference((ctx.query as { reference?: unknown }).reference);
      const removed: number = await links().removeByReference(reference, {
        ip: ctx.request.ip ?? null,
      });
      ctx.body = { data: { removed } };
    },
  };
};
