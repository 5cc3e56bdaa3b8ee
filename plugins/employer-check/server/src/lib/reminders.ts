/**
 * Reminder mails of a company that asked for them: what is due on a day, the keys in the links,
 * the sealed result token and the mail itself. Pure: no Strapi, no I/O (the caller passes the
 * secret and `today`).
 *
 * - A measure of the action plan is due from `daysBefore` days before its target date until
 *   that date, while it is not done; the re-check is due `recheckMonths` after the check was
 *   completed, unless a later check of the company was completed since. Each item has a key
 *   (`measure:<tip>:<date>`, `recheck`) so it is sent at most once.
 * - Link keys are `<reminder id>.<HMAC>`: nothing to store, and a key of a deleted reminder
 *   leads nowhere.
 * - The check token (for the link to the result) is kept sealed with AES-256-GCM under a key
 *   derived from the app keys; only a server with those keys can open it.
 */
import crypto from 'crypto';
import { escapeHtml } from '@bildungsbuero/strapi-server-kit';
import { addDays, addMonths, germanDay } from './days';
import type { StoredMeasure } from './plan';

export interface DueItem {
  key: string;
  kind: 'measure' | 'recheck';
  /** the measure's title, or null for the re-check */
  title: string | null;
  /** the measure's target date (YYYY-MM-DD) */
  targetDate: string | null;
}

/** What is due on `today` for one check, minus what was sent already. */
export const dueItems = ({
  plan,
  completedOn,
  laterCheck,
  today,
  daysBefore,
  recheckMonths,
  sent,
}: {
  plan: StoredMeasure[];
  completedOn: string | null;
  /** a later check of the same company was completed */
  laterCheck: boolean;
  today: string;
  daysBefore: number;
  recheckMonths: number;
  sent: Set<string>;
}): DueItem[] => {
  const items: DueItem[] = [];
  for (const measure of plan) {
    if (measure.done || !measure.targetDate) continue;
    if (today < addDays(measure.targetDate, -daysBefore) || today > measure.targetDate) continue;
    items.push({
      key: `measure:${measure.tip}:${measure.targetDate}`,
      kind: 'measure',
      title: measure.title,
      targetDate: measure.targetDate,
    });
  }
  if (completedOn && !laterCheck && today >= addMonths(completedOn, recheckMonths)) {
    items.push({ key: 'recheck', kind: 'recheck', title: null, targetDate: null });
  }
  return items.filter((item) => !sent.has(item.key));
};

const hmac = (secret: string, purpose: string, id: string) =>
  crypto.createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url').slice(0, 32);

/** A link key for `purpose` ("confirm", "unsubscribe") of a reminder. */
export const linkKey = (secret: string, purpose: string, id: string) =>
  `${id}.${hmac(secret, purpose, id)}`;

/** The reminder id a link key names, or null when the key is not genuine. */
export const openLinkKey = (secret: string, purpose: string, key: unknown): string | null => {
  if (typeof key !== 'string' || key.length > 120) return null;
  const match = /^([A-Za-z0-9]{1,64})\.([A-Za-z0-9_-]{32})$/.exec(key);
  if (!match) return null;
  const expected = Buffer.from(hmac(secret, purpose, match[1]));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given)
    ? match[1]
    : null;
};

const sealKey = (secret: string) =>
  crypto.createHash('sha256').update(`employer-check-reminder-seal:${secret}`).digest();

export const seal = (secret: string, value: string): string => {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', sealKey(secret), iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
};

/** The sealed value, or null when it cannot be opened (other keys, damaged). */
export const unseal = (secret: string, sealed: string | null | undefined): string | null => {
  const parts = (sealed ?? '').split('.');
  if (parts.length !== 3) return null;
  try {
    const [iv, tag, body] = parts.map((part) => Buffer.from(part, 'base64url'));
    const decipher = crypto.createDecipheriv('aes-256-gcm', sealKey(secret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
};

export interface ReminderMailInput {
  items: DueItem[];
  resultUrl: string | null;
  unsubscribeUrl: string;
  sender: string;
}

/** The reminder mail: German, plain text and simple HTML with the same content. */
export const reminderMail = ({ items, resultUrl, unsubscribeUrl, sender }: ReminderMailInput) => {
  const measures = items.filter((item) => item.kind === 'measure');
  const recheck = items.some((item) => item.kind === 'recheck');
  const subject =
    measures.length && recheck
      ? 'Erinnerung: Ihr Maßnahmenplan und ein neuer Selbstcheck'
      : measures.length
        ? 'Erinnerung: Ihr Maßnahmenplan'
        : 'Erinnerung: Zeit für einen neuen Selbstcheck';
  const paragraphs: string[] = ['Guten Tag,'];
  if (measures.length)
    paragraphs.push(
      `in Ihrem Maßnahmenplan ${measures.length === 1 ? 'steht bald eine Maßnahme an' : 'stehen bald Maßnahmen an'}:`
    );
  const list = measures.map((item) => `${item.title} (Ziel: ${germanDay(item.targetDate!)})`);
  const after: string[] = [];
  if (recheck)
    after.push(
      'Ihr letzter Selbstcheck liegt ein Jahr zurück. Ein neuer Check zeigt, was sich seitdem verändert hat; Ihre Angaben zum Betrieb werden übernommen.'
    );
  after.push(
    resultUrl
      ? `Zu Ihrem Ergebnis und Ihrem Plan: ${resultUrl}`
      : 'Ihr Ergebnis öffnen Sie mit dem Link, den Sie beim Check gespeichert haben.'
  );
  const closing = [
    `Viele Grüße\n${sender}`,
    `Sie erhalten diese Erinnerung, weil Sie sie bestellt und bestätigt haben. Abbestellen mit einem Klick: ${unsubscribeUrl}`,
  ];
  const text = [
    ...paragraphs,
    ...list.map((line) => `- ${line}`),
    '',
    ...after,
    '',
    ...closing,
  ].join('\n');
  const p = (value: string) => `<p>${escapeHtml(value).replace(/\n/g, '<br>')}</p>`;
  const link = (url: string, label: string) =>
    `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const html = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1f2933">
${paragraphs.map(p).join('\n')}
${list.length ? `<ul>${list.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : ''}
${after.slice(0, -1).map(p).join('\n')}
<p>${resultUrl ? link(resultUrl, 'Zu Ihrem Ergebnis und Ihrem Plan') : escapeHtml(after[after.length - 1])}</p>
${p(closing[0])}
<p style="color:#52606d;font-size:14px">Sie erhalten diese Erinnerung, weil Sie sie bestellt und bestätigt haben. ${link(unsubscribeUrl, 'Erinnerungen abbestellen')}</p>
</body></html>`;
  return { subject, text, html };
};

/** The confirmation mail of the double opt-in. */
export const confirmationMail = ({
  confirmUrl,
  sender,
}: {
  confirmUrl: string;
  sender: string;
}) => {
  const subject = 'Bitte bestätigen Sie Ihre Erinnerungen zum Selbstcheck';
  const lines = [
    'Guten Tag,',
    'Sie möchten an Ihre Maßnahmen und an einen neuen Selbstcheck erinnert werden. Bitte bestätigen Sie das mit diesem Link:',
    confirmUrl,
    'Wenn Sie das nicht waren, müssen Sie nichts tun: Ohne Bestätigung senden wir keine Erinnerung, und Ihre Adresse wird nach 30 Tagen gelöscht.',
    `Viele Grüße\n${sender}`,
  ];
  const html = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1f2933">
<p>${escapeHtml(lines[0])}</p><p>${escapeHtml(lines[1])}</p>
<p><a href="${escapeHtml(confirmUrl)}">Erinnerungen bestätigen</a></p>
<p>${escapeHtml(lines[3])}</p><p>${escapeHtml(lines[4]).replace(/\n/g, '<br>')}</p>
</body></html>`;
  return { subject, text: lines.join('\n\n'), html };
};
