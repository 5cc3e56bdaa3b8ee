import { addDays, isoDateIn } from '../../src/lib/dates';

describe('dates', () => {
  it('gives the calendar day in Europe/Berlin, not UTC', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Berlin (CET, UTC+1)
    expect(isoDateIn(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    // 22:30 UTC on 30 Jun is 00:30 on 1 Jul in Berlin (CEST, UTC+2)
    expect(isoDateIn(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(isoDateIn(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });

  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
