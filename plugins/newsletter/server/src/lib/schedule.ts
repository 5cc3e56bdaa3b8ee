/**
 * Scheduling decisions in the office's time zone (Europe/Berlin, with daylight saving).
 * Instants are stored in UTC; editors think in local wall-clock time.
 */
export const OFFICE_TIME_ZONE = 'Europe/Berlin';

/** One formatter per time zone: creating one costs ~0.1 ms, an import may convert 100,000 dates. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string) => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

const partsIn = (date: Date, timeZone: string) => {
  const parts = formatterFor(timeZone).formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
};

/** Offset of a time zone from UTC at an instant, in minutes (Berlin: +60 or +120). */
export const offsetMinutes = (date: Date, timeZone: string): number => {
  const p = partsIn(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
};

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A wall-clock time in `timeZone` as an instant. A time that does not exist (the hour skipped
 * when clocks go forward) moves forward by the gap, as a clock on the wall would show it; a time
 * that exists twice (clocks go back) means its first occurrence.
 */
export const localToUtc = (local: string, timeZone: string = OFFICE_TIME_ZONE): Date => {
  const match = LOCAL.exec(local);
  if (!match) throw new RangeError(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(s ?? 0));
  const check = new Date(wall);
  if (
    check.getUTCMonth() !== +mo - 1 ||
    check.getUTCDate() !== +d ||
    check.getUTCHours() !== +h ||
    check.getUTCMinutes() !== +mi
  ) {
    throw new RangeError(`Not a valid date-time: ${local}`);
  }
  // Try the offsets in force shortly before and after; pick the first that maps back exactly.
  const candidates = [
    offsetMinutes(new Date(wall - 24 * 3600_000), timeZone),
    offsetMinutes(new Date(wall + 24 * 3600_000), timeZone),
  ].sort((a, b) => b - a);
  for (const offset of candidates) {
    const instant = new Date(wall - offset * 60_000);
    if (offsetMinutes(instant, timeZone) === offset) return instant;
  }
  // In the gap: use the offset from before the change (moves the time forward by the gap).
  return new Date(wall - Math.min(...candidates) * 60_000);
};

/**
 * An editor's `at`: ISO-8601 with an offset or `Z` is taken as it is; without one it is a
 * wall-clock time in the office's time zone. Returns null for anything else.
 */
export const parseScheduleAt = (
  value: unknown,
  timeZone: string = OFFICE_TIME_ZONE
): Date | null => {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (LOCAL.test(text)) {
    try {
      return localToUtc(text, timeZone);
    } catch {
      return null;
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(text))
    return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** The wall-clock time of an instant in the office's time zone, e.g. for labels. */
export const formatLocal = (date: Date, timeZone: string = OFFICE_TIME_ZONE): string =>
  new Intl.DateTimeFormat('de-DE', {
    timeZone,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date);

/** A key naming the local calendar day (used to create one automatic digest per run). */
export const localDayKey = (date: Date, timeZone: string = OFFICE_TIME_ZONE): string => {
  const p = partsIn(date, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};
