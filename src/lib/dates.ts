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
