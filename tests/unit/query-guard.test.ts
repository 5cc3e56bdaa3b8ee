/**
 * The content-API query guard (src/lib/query-guard.ts): queries that answered 500 before (found
 * by the hostile-input suite, tests/faults/scenarios/hostile.js) are named as problems; ordinary
 * queries pass.
 */
import {
  brokenText,
  checkContentQuery,
  isDocumentId,
  isQueryValueError,
  type ModelLike,
} from '../../src/lib/query-guard';

const models: Record<string, ModelLike> = {
  'api::offer.offer': {
    attributes: {
      title: { type: 'string' },
      offerType: { type: 'enumeration', enum: ['praktikum', 'veranstaltung'] },
      places: { type: 'integer' },
      startDate: { type: 'date' },
      description: { type: 'blocks' },
      targetGroups: { type: 'json' },
      municipality: { type: 'relation', target: 'api::municipality.municipality' },
      location: { type: 'component', component: 'shared.address' },
      createdBy: { type: 'relation', target: 'admin::user', private: true },
    },
  },
  'api::municipality.municipality': {
    attributes: {
      name: { type: 'string' },
      population: { type: 'integer' },
      areaKm2: { type: 'decimal' },
    },
  },
  'shared.address': { attributes: { city: { type: 'string' }, postalCode: { type: 'string' } } },
};
const getModel = (uid: string) => models[uid];
const check = (query: Record<string, unknown>) =>
  checkContentQuery(query, models['api::offer.offer'], getModel);

describe('checkContentQuery', () => {
  it.each([
    [{ filters: 'abc' }, 'filters'],
    [{ filters: { $or: 'x' } }, 'filters'],
    [{ filters: { $and: ['x'] } }, 'filters'],
    [{ filters: { $not: 'x' } }, 'filters'],
    [{ filters: { places: { $gt: 'abc' } } }, 'filters'],
    [{ filters: { places: { $eq: '1e400' } } }, 'filters'],
    [{ filters: { places: { $eq: '99999999999999999999' } } }, 'filters'],
    [{ filters: { places: { $eq: '1.5' } } }, 'filters'],
    [{ filters: { id: { $eq: 'abc' } } }, 'filters'],
    [{ filters: { title: { $contains: '\u0000' } } }, 'filters'],
    [{ filters: { title: { $eq: { $eq: 'x' } } } }, 'filters'],
    [{ filters: { title: { $or: [{ $eq: 'x' }] } } }, 'filters'],
    [{ filters: { title: { $between: 'a' } } }, 'filters'],
    [{ filters: { title: { $null: 'maybe' } } }, 'filters'],
    [{ filters: { title: { $jsonSupersetOf: 'x' } } }, 'filters'],
    [{ filters: { title: { $in: { 150: 'x' } } } }, 'filters'],
    [{ filters: { places: { $contains: '1' } } }, 'filters'],
    [{ filters: { startDate: { $contains: '2020' } } }, 'filters'],
    [{ filters: { startDate: { $eq: '2020-02-30' } } }, 'filters'],
    [{ filters: { offerType: { $eq: 'nope' } } }, 'filters'],
    [{ filters: { targetGroups: { $contains: 'x' } } }, 'filters'],
    [{ filters: { description: { $eq: 'x' } } }, 'filters'],
    [{ filters: { municipality: 'x' } }, 'filters'],
    [{ filters: { municipality: { $eq: '1', $ne: '2' } } }, 'filters'],
    [{ filters: { municipality: { population: { $gt: 'x' } } } }, 'filters'],
    [{ filters: { location: { nope: { $eq: 'x' } } } }, 'filters'],
    [{ filters: { createdBy: { id: { $eq: '1' } } } }, 'filters'],
    [{ populate: { municipality: { filters: { $or: 'x' } } } }, 'populate'],
    [{ populate: { municipality: { fields: null } } }, 'populate'],
    [{ fields: null }, 'fields'],
    [{ fields: { title: '1' } }, 'fields'],
    [{ filters: null }, 'filters'],
    [{ pagination: 'abc' }, 'pagination'],
    [{ pagination: { page: '-5' } }, 'pagination'],
    [{ pagination: { page: '0' } }, 'pagination'],
    [{ pagination: { pageSize: 'abc' } }, 'pagination'],
    [{ pagination: { start: '1.5' } }, 'pagination'],
    [{ pagination: { page: '2147483648' } }, 'pagination'],
    [{ pagination: { offset: '1' } }, 'pagination'],
    [{ _q: 'a\u0000b' }, '_q'],
    [{ locale: ['de', 'en'] }, 'locale'],
  ])('refuses %j', (query, param) => {
    expect(check(query)?.param).toBe(param);
  });

  it.each([
    [{}],
    [{ filters: { title: { $containsi: 'aus' } } }],
    [{ filters: { $and: [{ title: { $eq: 'a' } }, { $or: [{ places: { $gte: '2' } }] }] } }],
    [{ filters: { places: { $in: ['1', '2'] }, startDate: { $lt: '2026-12-01' } } }],
    [{ filters: { offerType: 'praktikum', title: ['a', 'b'] } }],
    [{ filters: { municipality: { name: { $eq: 'Achim' } } } }],
    [{ filters: { municipality: { $eq: '3' } } }],
    [{ filters: { municipality: { areaKm2: { $gt: '12.5' } } } }],
    [{ filters: { location: { city: { $eq: 'Verden' } } } }],
    [{ filters: { title: { $null: 'true' } } }],
    [{ filters: { title: { $eq: '%ED%A0%80' } } }],
    [{ populate: '*', fields: ['title'], sort: 'title:asc' }],
    [{ populate: { municipality: { filters: { name: { $eq: 'x' } }, fields: ['name'] } } }],
    [{ pagination: { page: '2', pageSize: '100', withCount: 'false' } }],
    [{ pagination: { start: '0', limit: '-1' } }],
    [{ status: 'published', locale: 'de' }],
  ])('lets %j through', (query) => {
    expect(check(query)).toBeNull();
  });

  it('names the parameter and the path', () => {
    expect(check({ filters: { places: { $gt: 'abc' } } })).toEqual({
      param: 'filters',
      path: ['places', '$gt'],
      message: 'Invalid value for filters.places.$gt: expected a whole number',
    });
  });
});

describe('brokenText, isDocumentId, isQueryValueError', () => {
  it('finds NUL and lone surrogates', () => {
    expect(brokenText('a\u0000')).toMatch(/NUL/);
    expect(brokenText('a\ud800')).toMatch(/Unicode/);
    expect(brokenText('x\udc00')).toMatch(/Unicode/);
    expect(brokenText('😀 Straße')).toBeNull();
  });

  it('accepts documentIds only', () => {
    expect(isDocumentId('cu681z9ce9v2bp7528ibnrkx')).toBe(true);
    expect(isDocumentId('a\u0000')).toBe(false);
    expect(isDocumentId('<script>')).toBe(false);
    expect(isDocumentId('x'.repeat(65))).toBe(false);
  });

  it('recognises data errors from the query, not others', () => {
    const pg = (code: string) => Object.assign(new Error('x'), { code });
    expect(isQueryValueError(pg('22P02'))).toBe(true); // invalid input syntax
    expect(isQueryValueError(pg('22021'))).toBe(true); // NUL in text
    expect(isQueryValueError(pg('42883'))).toBe(true); // no operator for these types
    expect(isQueryValueError(new Error('Operator $or must be an array'))).toBe(true);
    expect(isQueryValueError(new TypeError('SQLite3 can only bind numbers, strings'))).toBe(true);
    expect(isQueryValueError(pg('57P01'))).toBe(false); // the database went away: 503, not 400
    expect(isQueryValueError(pg('23505'))).toBe(false);
    expect(isQueryValueError(new Error('database is locked'))).toBe(false);
  });
});
