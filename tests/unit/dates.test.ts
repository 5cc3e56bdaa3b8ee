import { addDays, isoDateIn, startOfNextDay } from '../../src/lib/dates';

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

describe('startOfNextDay', () => {
  it('is the next midnight in Europe/Berlin, in winter and in summer time', () => {
    expect(startOfNextDay(new Date('2026-12-05T15:00:00Z')).toISOString()).toBe(
      '2026-12-05T23:00:00.000Z'
    );
    expect(startOfNextDay(new Date('2026-07-01T09:00:00Z')).toISOString()).toBe(
      '2026-07-01T22:00:00.000Z'
    );
  });

  it('counts from the Berlin day, not the UTC day', () => {
    // 23:30 UTC on 31 Dec is 00:30 on 1 Jan in Berlin: the next day begins 23:00 UTC on 1 Jan
    expect(startOfNextDay(new Date('2026-12-31T23:30:00Z')).toISOString()).toBe(
      '2027-01-01T23:00:00.000Z'
    );
    // one millisecond before midnight, and midnight itself
    expect(startOfNextDay(new Date('2026-12-05T22:59:59.999Z')).toISOString()).toBe(
      '2026-12-05T23:00:00.000Z'
    );
    expect(startOfNextDay(new Date('2026-12-05T23:00:00.000Z')).toISOString()).toBe(
      '2026-12-06T23:00:00.000Z'
    );
  });

  it('handles the days the clocks change (23 and 25 hours long)', () => {
    // 29 Mar 2026: CET → CEST at 02:00; the day began 23:00 UTC and the next begins 22:00 UTC
    expect(startOfNextDay(new Date('2026-03-29T12:00:00Z')).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z'
    );
    // 25 Oct 2026: CEST → CET at 03:00; the next day begins 23:00 UTC
    expect(startOfNextDay(new Date('2026-10-25T12:00:00Z')).toISOString()).toBe(
      '2026-10-25T23:00:00.000Z'
    );
    // the evening before a change: midnight still in the old offset
    expect(startOfNextDay(new Date('2026-03-28T20:00:00Z')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z'
    );
    expect(startOfNextDay(new Date('2026-10-24T20:00:00Z')).toISOString()).toBe(
      '2026-10-24T22:00:00.000Z'
    );
  });

  it('is always after now and at most 25 hours later, and lands on a Berlin date change', () => {
    for (
      let t = Date.parse('2026-01-01T00:00:00Z');
      t < Date.parse('2027-01-01T00:00:00Z');
      t += 14_411_000
    ) {
      const now = new Date(t);
      const next = startOfNextDay(now);
      expect(next.getTime()).toBeGreaterThan(t);
      expect(next.getTime() - t).toBeLessThanOrEqual(25 * 3600_000);
      expect(isoDateIn(next)).toBe(addDays(isoDateIn(now), 1));
      expect(isoDateIn(new Date(next.getTime() - 1))).toBe(isoDateIn(now));
    }
  });
});
