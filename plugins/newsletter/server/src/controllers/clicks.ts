/**
 * The counting redirect of an issue's item links: `GET /newsletter/r/:token`. The target comes
 * from the signed token only (no query parameter is read), so nobody can make the route send
 * people to a URL the newsletter did not link (no open redirect). GET counts one click for the
 * token's issue and item; HEAD (link scanners often send one first) gets the same answer without
 * counting. A token that is malformed or whose signature does not hold answers 400.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';

export const INVALID_LINK = 'Dieser Link ist ungültig. Bitte öffnen Sie ihn aus der E-Mail heraus.';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async redirect(ctx: Context) {
    const clicks = getService(strapi, 'clicks');
    const result = clicks.verify(ctx.params.token);
    if (!result.ok) {
      throw new errors.ValidationError(INVALID_LINK, {
        errors: [{ path: ['token'], message: INVALID_LINK, name: 'ValidationError' }],
      });
    }
    const { issue, item, url } = result.claims;
    if (ctx.method === 'GET') {
      try {
        await clicks.count(issue, item);
      } catch (error) {
        // The reader still gets where the link goes; the click is not counted.
        strapi.log.warn(
          `[newsletter] click on issue ${issue} not counted: ${error instanceof Error ? error.message : error}`
        );
      }
    }
    ctx.status = 302;
    ctx.set('Location', url);
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
  },
});
