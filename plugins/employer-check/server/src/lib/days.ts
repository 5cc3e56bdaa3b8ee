/**
 * Calendar days as `YYYY-MM-DD` strings, the unit of target dates, survey end dates and
 * reminders: today in the office's time zone, day arithmetic (at noon UTC, so daylight saving
 * never moves a day) and the German form for people. Pure.
 */

/** The office's time zone: target dates and "done on" days are days there. */
export const OFFICE_TIME_ZONE = 'Europe/Berlin';

/** The day of `date` in a time zone, as `YYYY-MM-DD`. */
export const dayIn = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);

export const officeToday = (now = new Date()): string => dayIn(now, OFFICE_TIME_ZONE);

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const addMonths = (day: string, months: number): string => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};

/** `YYYY-MM-DD` as a German date (dd.mm.yyyy). */
export const germanDay = (day: string): string => day.split('-').reverse().join('.');
