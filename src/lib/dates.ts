/** Calendar dates as ISO strings (YYYY-MM-DD), which is how Strapi stores `date` fields. */

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of `now` in a time zone (the office's, by default). */
export const isoDateIn = (now: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE): string => {
  // building a DateTimeFormat costs far more than formatting with it: one per time zone
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
};

/** Adds whole days to an ISO date (negative subtracts), independent of time zones. */
export const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far a time zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
const zoneOffsetMs = (instant: number, timeZone: string): number => {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const { type, value } of format.formatToParts(new Date(instant))) {
    if (type !== 'literal') parts[type] = Number(value);
  }
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second
  );
  return wall - Math.floor(instant / 1000) * 1000;
};

/**
 * The instant the next calendar day begins in a time zone (00:00 local time after `now`): when
 * every answer that depends on "today" (`isoDateIn`) may change. Midnight never falls into a
 * daylight-saving gap in Europe, so the wall time 00:00 always exists.
 */
export const startOfNextDay = (
  now: Date = new Date(),
  timeZone: string = DEFAULT_TIME_ZONE
): Date => {
  const tomorrow = addDays(isoDateIn(now, timeZone), 1);
  const wallMidnight = Date.parse(`${tomorrow}T00:00:00Z`);
  // the offset at midnight may differ from the offset now (DST): settle it in two steps
  let instant = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  instant = wallMidnight - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
};
