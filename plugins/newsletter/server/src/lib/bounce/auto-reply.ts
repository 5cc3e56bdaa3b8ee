/** Auto-replies (RFC 3834 and the usual vendor headers and subjects): never a bounce. */
import { firstValue, type Fields } from './fields';

const VENDOR_HEADERS = ['X-Autoreply', 'X-Autorespond', 'X-Autoresponder', 'X-Auto-Reply'];

const SUBJECT =
  /^\s*(?:(?:aw|re|wg|fwd?)\s*:\s*)*(?:abwesenheitsnotiz|automatische antwort|automatic reply|auto[- ]?reply|autoresponse|out of (?:the )?office|abwesend|auto\s*:)/i;

/** What marks the message as an auto-reply, e.g. 'Auto-Submitted: auto-replied'; else undefined. */
export const autoReplySignal = (
  headers: Fields,
  subject: string | undefined
): string | undefined => {
  const submitted = firstValue(headers, 'auto-submitted')
    ?.split(/[\s;(]/)[0]
    .toLowerCase();
  if (submitted && submitted !== 'no') return `Auto-Submitted: ${submitted}`;
  for (const name of VENDOR_HEADERS) {
    const value = firstValue(headers, name.toLowerCase());
    if (value !== undefined && !/^(?:no|false|0)$/i.test(value.trim())) return `${name} header`;
  }
  const precedence = firstValue(headers, 'precedence')?.trim().toLowerCase();
  if (precedence === 'auto_reply') return 'Precedence: auto_reply';
  if (subject && (SUBJECT.test(subject) || /abwesenheitsnotiz/i.test(subject))) {
    return `subject "${subject.trim().slice(0, 100)}"`;
  }
  return undefined;
};
