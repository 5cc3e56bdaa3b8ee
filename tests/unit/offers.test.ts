import { currentOfferFilter, filtersMentionDates, isCurrentOffer } from '../../src/lib/offers';

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

describe('currentOfferFilter', () => {
  it('names today in every date comparison', () => {
    const text = JSON.stringify(currentOfferFilter(today));
    expect(text.match(/2026-11-21/g)).toHaveLength(3);
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
