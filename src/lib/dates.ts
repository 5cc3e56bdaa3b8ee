/** Calendar dates as ISO strings (YYYY-MM-DD), which is how Strapi stores `date` fields. */

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/** The calendar date of `now` in a time zone (the office's, by default). */
export const isoDateIn = (now: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

/** Adds whole days to an ISO date (negative subtracts), independent of time zones. */
export const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
