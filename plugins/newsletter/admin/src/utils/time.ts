/**
 * Times in the newsletter's time zone (the plugin config's `scheduler.timezone`), whatever zone
 * the editor's browser is in. The server reads a schedule without offset as wall-clock time in
 * that zone, so the picker works on wall-clock values.
 */

const parts = (date: Date, timeZone: string) => {
  const values = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(date)
      .map((part) => [part.type, Number(part.value)])
  ) as Record<string, number>;
  return values;
};

/** "01.12.2026, 08:00" in the given zone and locale; empty for no time. */
export const formatInZone = (value: string | null | undefined, timeZone: string, locale: string) =>
  value
    ? new Intl.DateTimeFormat(locale, {
        timeZone,
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(value))
    : '';

/** The wall-clock time of an instant in `timeZone`, as a browser-local Date (for the picker). */
export const wallClockDate = (value: string, timeZone: string): Date => {
  const p = parts(new Date(value), timeZone);
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute);
};

const pad = (value: number) => String(value).padStart(2, '0');

/** A picker's browser-local Date as wall-clock text without offset: 2026-12-01T08:00. */
export const wallClockText = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours()
  )}:${pad(date.getMinutes())}`;
