import { addDays } from '../../src/lib/dates';
import {
  calendarDay,
  currentOfferFilter,
  filtersMentionDates,
  isCurrentOffer,
  offerVisibleUntil,
  type OfferDates,
} from '../../src/lib/offers';

const today = '2026-11-21';

describe('isCurrentOffer', () => {
  it.each([
    [{ offerType: 'praktikum' }, true],
    [{ offerType: 'praktikum', validUntil: '2026-11-21' }, true],
    [{ offerType: 'praktikum', validUntil: '2026-11-20' }, false],
    [{ offerType: 'praktikum', startDate: '2026-01-01', endDate: '2026-02-01' }, true],
    [{ offerType: 'veranstaltung', startDate: '2026-11-20', endDate: '2026-11-21' }, true],
    [{ offerType: 'veranstaltung', startDate: '2026-11-20', endDate: '2026-11-20' }, false],
    [{ offerType: 'veranstaltung', startDate: '2026-11-20' }, false],
    [{ offerType: 'veranstaltung', startDate: '2026-11-21' }, true],
    [{ offerType: 'veranstaltung' }, true],
    [{ offerType: 'veranstaltung', endDate: '2026-12-01', validUntil: '2026-11-01' }, false],
  ])('%j → %s', (offer, expected) => {
    expect(isCurrentOffer(offer, today)).toBe(expected);
  });
});

describe('calendarDay', () => {
  it.each([
    ['2026-11-21', '2026-11-21'],
    ['2026-11-21T23:30:00.000Z', '2026-11-21'],
    [new Date(2026, 10, 21, 23, 30), '2026-11-21'],
    [new Date('invalid'), null],
    ['', null],
    ['21.11.2026', null],
    [null, null],
    [undefined, null],
    [20261121, null],
  ])('%j → %s', (value, expected) => {
    expect(calendarDay(value)).toBe(expected);
  });
});

describe('offerVisibleUntil', () => {
  it.each([
    [{ offerType: 'praktikum' }, null],
    [{ offerType: 'praktikum', validUntil: '2026-11-21' }, '2026-11-21'],
    [{ offerType: 'praktikum', startDate: '2026-01-01', endDate: '2026-02-01' }, null],
    [{ offerType: 'veranstaltung' }, null],
    [{ offerType: 'veranstaltung', startDate: '2026-11-20' }, '2026-11-20'],
    [{ offerType: 'veranstaltung', startDate: '2026-11-20', endDate: '2026-11-22' }, '2026-11-22'],
    [{ offerType: 'veranstaltung', endDate: '2026-12-01', validUntil: '2026-11-01' }, '2026-11-01'],
    [{ offerType: 'veranstaltung', endDate: '2026-11-01', validUntil: '2026-12-01' }, '2026-11-01'],
    [{ offerType: 'veranstaltung', endDate: null, startDate: '2026-11-02' }, '2026-11-02'],
    // as a client may send them: full ISO timestamps count by their calendar day
    [{ offerType: 'praktikum', validUntil: '2026-11-21T12:00:00.000Z' }, '2026-11-21'],
  ])('%j → %s', (offer, expected) => {
    expect(offerVisibleUntil(offer)).toBe(expected);
  });

  /** What the query engine does with `currentOfferFilter` on a row's `visibleUntil`. */
  const matchesFilter = (visibleUntil: string | null, today: string) =>
    currentOfferFilter(today).$or.some((condition) =>
      '$null' in condition.visibleUntil
        ? visibleUntil === null
        : visibleUntil !== null && visibleUntil >= (condition.visibleUntil as { $gte: string }).$gte
    );

  it('is current by the stored day exactly when isCurrentOffer says so (generated offers)', () => {
    // a small deterministic generator (LCG): every run checks the same cases
    let state = 20261121;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 16) % n;
    };
    const base = '2026-11-21';
    const types = ['veranstaltung', 'praktikum', 'ausbildungsplatz', 'beratung', undefined, null];
    const date = (): string | null | undefined => {
      const pick = next(10);
      if (pick === 0) return undefined;
      if (pick === 1) return null;
      return addDays(base, next(9) - 4); // days around today, today's neighbours included
    };
    let checked = 0;
    let current = 0;
    for (let i = 0; i < 20000; i += 1) {
      const offer: OfferDates = {
        offerType: types[next(types.length)],
        validUntil: date(),
        startDate: date(),
        endDate: date(),
      };
      const today = addDays(base, next(5) - 2);
      const visibleUntil = offerVisibleUntil(offer);
      const expected = isCurrentOffer(offer, today);
      const byDay = visibleUntil === null || visibleUntil >= today;
      if (byDay !== expected || matchesFilter(visibleUntil, today) !== expected) {
        throw new Error(`${JSON.stringify(offer)} today ${today}: visibleUntil ${visibleUntil}`);
      }
      checked += 1;
      if (expected) current += 1;
    }
    expect(checked).toBe(20000);
    // both outcomes are well represented
    expect(current).toBeGreaterThan(4000);
    expect(checked - current).toBeGreaterThan(4000);
  });
});

describe('currentOfferFilter', () => {
  it('compares only the stored visibleUntil with today', () => {
    expect(currentOfferFilter('2026-11-21')).toEqual({
      $or: [{ visibleUntil: { $null: true } }, { visibleUntil: { $gte: '2026-11-21' } }],
    });
  });
});

describe('filtersMentionDates', () => {
  it.each([
    [undefined, false],
    [{ offerType: { $eq: 'praktikum' } }, false],
    [{ validUntil: { $lt: today } }, true],
    [{ $and: [{ offerType: 'x' }, { endDate: { $lt: today } }] }, true],
    [{ $or: [[{ startDate: { $gte: today } }]] }, true],
    [{ title: { $contains: 'validUntil' } }, false],
  ])('%j → %s', (filters, expected) => {
    expect(filtersMentionDates(filters)).toBe(expected);
  });
});
