/**
 * Public links to the plugin's routes. `publicUrl` is where visitors reach the CMS, possibly
 * with a path prefix behind the county's proxy (`https://www.landkreis.example/bildung`);
 * `restPrefix` is Strapi's `api.rest.prefix` (default `/api`), never assumed.
 */
export const publicRouteUrl = (publicUrl: string, restPrefix: string, route: string) => {
  const base = publicUrl.replace(/\/+$/, '');
  const prefix = restPrefix.replace(/^\/*/, '/').replace(/\/+$/, '');
  return `${base}${prefix}${route.startsWith('/') ? route : `/${route}`}`;
};
