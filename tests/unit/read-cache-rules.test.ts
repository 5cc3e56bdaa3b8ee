import { bypassReason, cacheKey, dependencyClosure, type ModelShape } from '../../src/cache/rules';

const request = (method: string, querystring = '', headers: Record<string, string> = {}) => ({
  method,
  querystring,
  headers,
});

describe('read cache: which requests are shared', () => {
  it('serves anonymous GET and HEAD of published content', () => {
    expect(bypassReason(request('GET'))).toBeNull();
    expect(bypassReason(request('HEAD', 'populate=*'))).toBeNull();
  });

  it('passes writes, credentials and requests for other versions to Strapi', () => {
    expect(bypassReason(request('POST'))).toBe('method');
    expect(bypassReason(request('GET', '', { authorization: 'Bearer x' }))).toBe('credentials');
    expect(bypassReason(request('GET', 'status=draft'))).toBe('version');
    expect(bypassReason(request('GET', 'publicationState=preview'))).toBe('version');
    expect(bypassReason(request('GET', '%73tatus=draft'))).toBe('version');
    expect(bypassReason(request('GET', 'status[0]=draft'))).toBe('version');
    // a filter on a field named like the parameter is not a version request
    expect(bypassReason(request('GET', 'filters[status][$eq]=x'))).toBeNull();
  });
});

describe('read cache: keys', () => {
  it('orders parameters by name and decodes their spelling', () => {
    const key = cacheKey('/api/offers', 'sort=title:asc&filters[title][$eq]=A B');
    expect(cacheKey('/api/offers', 'filters%5Btitle%5D%5B%24eq%5D=A+B&sort=title%3Aasc')).toBe(key);
    expect(cacheKey('/api/offers', 'filters[title][$eq]=A%20B&sort=title:asc')).toBe(key);
  });

  it('keeps the order of repeated parameters and tells values apart', () => {
    expect(cacheKey('/p', 'sort=a&sort=b')).not.toBe(cacheKey('/p', 'sort=b&sort=a'));
    expect(cacheKey('/p', 'a=1')).not.toBe(cacheKey('/p', 'a=2'));
    expect(cacheKey('/p', 'a=1&b=2')).not.toBe(cacheKey('/p', 'a=1%262'));
    expect(cacheKey('/p', '')).toBe('/p');
    expect(cacheKey('/p', 'x')).not.toBe(cacheKey('/q', 'x'));
  });

  it('does not fail on broken percent escapes', () => {
    expect(cacheKey('/p', 'a=%E0%A4%A')).toBe('/p?a=%25E0%25A4%25A');
  });
});

describe('read cache: dependencies', () => {
  const models: Record<string, ModelShape> = {
    'api::offer.offer': {
      attributes: {
        title: { type: 'string' },
        organisation: { type: 'relation', target: 'api::organisation.organisation' },
        location: { type: 'component', component: 'shared.address' },
        image: { type: 'media' },
        createdBy: { type: 'relation', target: 'admin::user', private: true },
      },
    },
    'api::organisation.organisation': {
      attributes: {
        offers: { type: 'relation', target: 'api::offer.offer' },
        municipality: { type: 'relation', target: 'api::municipality.municipality' },
      },
    },
    'api::municipality.municipality': { attributes: { name: { type: 'string' } } },
    'shared.address': {
      attributes: { blocks: { type: 'dynamiczone', components: ['shared.link'] } },
    },
    'shared.link': { attributes: { url: { type: 'string' } } },
    'plugin::upload.file': { attributes: {} },
    'admin::user': { attributes: {} },
    'api::unrelated.unrelated': { attributes: {} },
  };

  it('follows relations transitively, components, dynamic zones and media', () => {
    expect([...dependencyClosure('api::offer.offer', (uid) => models[uid])].sort()).toEqual([
      'api::municipality.municipality',
      'api::offer.offer',
      'api::organisation.organisation',
      'plugin::upload.file',
      'shared.address',
      'shared.link',
    ]);
  });

  it('skips private attributes and unknown models', () => {
    const closure = dependencyClosure('api::offer.offer', (uid) =>
      uid === 'plugin::upload.file' ? undefined : models[uid]
    );
    expect(closure.has('admin::user')).toBe(false);
    expect(closure.has('plugin::upload.file')).toBe(false);
    expect(closure.has('api::unrelated.unrelated')).toBe(false);
  });
});
