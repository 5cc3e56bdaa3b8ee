import type { Core } from '@strapi/strapi';
import { ensureSecrets } from './lib/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  ensureSecrets();
  // Reverse proxies in front of Strapi (the county's nginx, a load balancer): 0 = none, then
  // X-Forwarded-For/-Proto are ignored and the client address is the TCP peer. With N, Koa trusts
  // the last N addresses of X-Forwarded-For (the ones the county's own proxies appended), so an
  // address a client forges in front of them is never taken as its own.
  const proxyHops = env.int('TRUST_PROXY_HOPS', 0);
  if (!Number.isInteger(proxyHops) || proxyHops < 0) {
    throw new Error(
      'TRUST_PROXY_HOPS must be a whole number ≥ 0: how many reverse proxies of your own stand in front of Strapi (0 = none).'
    );
  }
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    app: {
      keys: env.array('APP_KEYS')!,
    },
    proxy: { koa: proxyHops > 0, maxIpsCount: proxyHops },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
  };
};

export default config;
