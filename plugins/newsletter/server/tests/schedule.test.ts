import { localDayKey, localToUtc, offsetMinutes, parseScheduleAt } from '../src/lib/schedule';

describe('Europe/Berlin wall-clock time', () => {
  it('knows the offsets of winter and summer time', () => {
    expect(offsetMinutes(new Date('2027-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutes(new Date('2027-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(120);
  });

  it.each([
    ['2027-01-12T08:00', '2027-01-12T07:00:00.000Z'],
    ['2027-07-12T08:00', '2027-07-12T06:00:00.000Z'],
    // spring forward (28 March 2027, 02:00 → 03:00): 01:59 still CET, 02:30 does not exist
    ['2027-03-28T01:59', '2027-03-28T00:59:00.000Z'],
    ['2027-03-28T02:30', '2027-03-28T01:30:00.000Z'],
    ['2027-03-28T03:00', '2027-03-28T01:00:00.000Z'],
    // fall back (31 October 2027, 03:00 → 02:00): 02:30 happens twice, the first one counts
    ['2027-10-31T02:30', '2027-10-31T00:30:00.000Z'],
    ['2027-10-31T03:30', '2027-10-31T02:30:00.000Z'],
  ])('%s local is %s', (local, utc) => {
    expect(localToUtc(local).toISOString()).toBe(utc);
  });

  it('parses editor input: local, with offset, or nothing valid', () => {
    expect(parseScheduleAt('2027-01-12T08:00')?.toISOString()).toBe('2027-01-12T07:00:00.000Z');
    expect(parseScheduleAt('2027-01-12 08:00:30')?.toISOString()).toBe('2027-01-12T07:00:30.000Z');
    expect(parseScheduleAt('2027-01-12T08:00:00Z')?.toISOString()).toBe('2027-01-12T08:00:00.000Z');
    expect(parseScheduleAt('2027-01-12T08:00:00+02:00')?.toISOString()).toBe(
      '2027-01-12T06:00:00.000Z'
    );
    for (const bad of ['', 'morgen', '2027-13-45T99:00', 12, null, '2027-01-12']) {
      expect(parseScheduleAt(bad)).toBeNull();
    }
  });

  it('names the local day', () => {
    expect(localDayKey(new Date('2027-03-27T23:30:00Z'))).toBe('2027-03-28');
  });
});
