/** `message/feedback-report` (ARF, RFC 5965): a recipient marked the message as spam. */
import { normalizeAddress, oneLine } from './codes';
import { firstValue, headerFields } from './fields';
import type { BounceKind } from './types';

export interface FeedbackReport {
  kind: BounceKind;
  reason?: string;
  recipient?: string;
  originalMailFrom?: string;
  diagnostic?: string;
}

/** Feedback types that are reports but no complaint: RFC 6650 not-spam, RFC 6591 auth-failure. */
const NOT_COMPLAINTS: Record<string, string> = {
  'not-spam': 'feedback report of type not-spam, no complaint',
  'auth-failure': 'authentication failure report, no complaint',
};

export const parseFeedbackReport = (text: string): FeedbackReport => {
  const fields = headerFields(text);
  const type = firstValue(fields, 'feedback-type')?.trim().toLowerCase();
  const agent = firstValue(fields, 'user-agent');
  const reason = type ? NOT_COMPLAINTS[type] : undefined;
  return {
    kind: reason ? 'unknown' : 'complaint',
    reason,
    recipient: normalizeAddress(firstValue(fields, 'original-rcpt-to')),
    originalMailFrom: firstValue(fields, 'original-mail-from'),
    diagnostic: oneLine(
      [type && `Feedback-Type: ${type}`, agent && `User-Agent: ${agent}`].filter(Boolean).join('; ')
    ),
  };
};
