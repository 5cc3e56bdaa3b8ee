import { employerTipErrors, offerErrors, practiceExampleErrors } from '../../src/lib/content-rules';

describe('offerErrors', () => {
  it('accepts a complete, consistent offer', () => {
    expect(
      offerErrors({ startDate: '2030-01-01', endDate: '2030-01-01', targetGroups: ['eltern'] })
    ).toEqual([]);
  });

  it('refuses an end before the start, also with full ISO timestamps', () => {
    expect(offerErrors({ startDate: '2030-01-02', endDate: '2030-01-01' })).toEqual([
      { path: ['endDate'], message: 'endDate must not be before startDate' },
    ]);
    expect(
      offerErrors({ startDate: '2030-01-02T00:00:00.000Z', endDate: '2030-01-01T00:00:00.000Z' })
    ).toHaveLength(1);
  });

  it('checks target groups against the vocabulary', () => {
    expect(offerErrors({ targetGroups: 'eltern' })[0].path).toEqual(['targetGroups']);
    expect(offerErrors({ targetGroups: ['eltern', 'eltern'] })[0].message).toMatch(/repeat/);
    expect(offerErrors({ targetGroups: ['piraten'] })[0].message).toMatch(/piraten/);
    expect(offerErrors({ targetGroups: null })).toEqual([]);
  });
});

describe('practiceExampleErrors / employerTipErrors', () => {
  it('check their closed lists', () => {
    expect(practiceExampleErrors({ kindsOfOffer: ['strukturloesung'] })).toEqual([]);
    expect(practiceExampleErrors({ kindsOfOffer: [1] })[0].path).toEqual(['kindsOfOffer']);
    expect(employerTipErrors({ suitedSizeClasses: ['micro', 'small'] })).toEqual([]);
    expect(employerTipErrors({ suitedSizeClasses: ['xxl'] })[0].path).toEqual([
      'suitedSizeClasses',
    ]);
  });
});
