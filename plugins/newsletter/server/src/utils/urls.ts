/** Links to this plugin's public routes, from the plugin's `publicUrl` and Strapi's REST prefix. */
import type { Core } from '@strapi/strapi';
import type { NewsletterConfig } from '../config';
import { publicRouteUrl } from '../lib/urls';

export const publicApiUrl = (strapi: Core.Strapi, route: string) =>
  publicRouteUrl(
    (strapi.config.get('plugin::newsletter') as NewsletterConfig).publicUrl,
    String(strapi.config.get('api.rest.prefix', '/api')),
    `/newsletter${route}`
  );

/**
 * The same link without scheme and host, for forms on the plugin's own pages: it keeps the
 * proxy's path prefix and works whichever host name the visitor used.
 */
export const publicApiPath = (strapi: Core.Strapi, route: string) => {
  const url = new URL(publicApiUrl(strapi, route));
  return `${url.pathname}${url.search}`;
};
