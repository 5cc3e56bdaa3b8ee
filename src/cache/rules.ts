/**
 * The public read cache's rules, free of Strapi: which requests may be answered from the cache,
 * the key of a request, and which content types an answer depends on.
 */

export interface CacheableRequest {
  method: string;
  /** the raw query string, without `?` */
  querystring: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Query parameters that select drafts or other versions than the published one: such reads are
 * never cached (the `published-only` policy refuses drafts to the public anyway).
 */
const VERSION_PARAMS = new Set(['status', 'publicationState']);

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
};

/** The query's parameters, decoded, with the brackets of `qs` keys in one spelling. */
const queryPairs = (querystring: string): [string, string][] =>
  querystring
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      const key = decode(at < 0 ? pair : pair.slice(0, at));
      return [key, at < 0 ? '' : decode(pair.slice(at + 1))];
    });

/** The top-level name of a `qs` key (`filters[title][$eq]` → `filters`). */
const rootName = (key: string): string => key.split('[', 1)[0];

/**
 * Why a request must not be answered from (or stored in) the public cache, or null when it may.
 * Only anonymous reads of the published content are shared: anything with credentials (a user's
 * JWT or an API token, both sent as `Authorization`) or asking for drafts goes to Strapi.
 */
export const bypassReason = (request: CacheableRequest): string | null => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return 'method';
  if (request.headers.authorization !== undefined) return 'credentials';
  if (queryPairs(request.querystring).some(([key]) => VERSION_PARAMS.has(rootName(key)))) {
    return 'version';
  }
  return null;
};

/**
 * The cache key of a read: the path and the decoded query, its parameters ordered by name.
 * Parameters of the same name keep their order (`sort=a&sort=b` is not `sort=b&sort=a`), so two
 * spellings share a key only when Strapi reads them the same way.
 */
export const cacheKey = (path: string, querystring: string): string => {
  const pairs = queryPairs(querystring)
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => (a.pair[0] < b.pair[0] ? -1 : a.pair[0] > b.pair[0] ? 1 : a.index - b.index))
    .map(({ pair: [key, value] }) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
};

export interface ModelShape {
  attributes: Record<
    string,
    {
      type: string;
      target?: string;
      component?: string;
      components?: string[];
      private?: boolean;
    }
  >;
}

/**
 * Every model whose rows can appear in an answer about `root`: the root, and transitively the
 * targets of its relations, its components and dynamic zones, and media (upload files). An
 * answer that populates any of them is dropped when any of them changes. Private attributes
 * (e.g. `createdBy`, the admin user) cannot be populated by a public read and are not followed;
 * models the registry does not know are skipped.
 */
export const dependencyClosure = (
  root: string,
  models: (uid: string) => ModelShape | undefined
): Set<string> => {
  const seen = new Set<string>();
  const pending = [root];
  while (pending.length) {
    const uid = pending.pop()!;
    if (seen.has(uid)) continue;
    const model = models(uid);
    if (!model) continue;
    seen.add(uid);
    for (const attribute of Object.values(model.attributes)) {
      if (attribute.private) continue;
      if (attribute.type === 'relation' && attribute.target) pending.push(attribute.target);
      else if (attribute.type === 'component' && attribute.component) {
        pending.push(attribute.component);
      } else if (attribute.type === 'dynamiczone') pending.push(...(attribute.components ?? []));
      else if (attribute.type === 'media') pending.push('plugin::upload.file');
    }
  }
  return seen;
};
