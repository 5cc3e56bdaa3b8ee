/**
 * What one message from the bounce mailbox is: a hard or soft bounce, a complaint, an
 * auto-reply, or unknown. Order: RFC 3464 delivery report, ARF feedback report, plain-text
 * bounce, auto-reply (reports carry Auto-Submitted themselves), else unknown. Never throws.
 */
import { parseFeedbackReport } from './arf';
import { autoReplySignal } from './auto-reply';
import { findBasic, findEnhanced, normalizeAddress, oneLine } from './codes';
import { parseDeliveryStatus, pickRecipient, judgeRecipient } from './dsn';
import { firstValue, headerFields, type Fields } from './fields';
import { FEEDBACK_TYPE, parseMessage, STATUS_TYPES, type ParsedMessage } from './parse';
import { classifyPlainBounce, looksLikePlainBounce, splitAtCopy } from './plain';
import { tokenOfRef, tokensIn, unique } from './tokens';
import type { BounceMailbox, BounceReport } from './types';

type Verdict = Omit<BounceReport, 'tokens' | 'messageId' | 'date' | 'subject'>;

const BOUNCE_ADDRESS_HEADERS = ['to', 'delivered-to', 'x-original-to', 'envelope-to'];

const collectTokens = (
  message: ParsedMessage,
  originals: Fields[],
  mailFrom: string | undefined,
  mailbox: BounceMailbox
): string[] => {
  const values = (fields: Fields, name: string) => (fields.get(name) ?? []).join('\n');
  const found = [
    ...BOUNCE_ADDRESS_HEADERS.flatMap((name) => tokensIn(values(message.headers, name), mailbox)),
    ...originals.flatMap((fields) => tokensIn(values(fields, 'return-path'), mailbox)),
    ...tokensIn(mailFrom, mailbox),
    ...originals.flatMap((fields) => tokensIn(values(fields, 'to'), mailbox)),
    ...originals.flatMap((fields) => tokenOfRef(firstValue(fields, 'x-bounce-ref'), mailbox)),
    ...tokensIn(message.text, mailbox),
  ];
  return unique(found);
};

/** A line of the human-readable text that names the recipient or a status code. */
const humanLine = (text: string, recipient: string | undefined): string | undefined => {
  const lines = text.split(/\r?\n/);
  const hit =
    lines.find((line) => findEnhanced(line, true) || findBasic(line)) ??
    (recipient ? lines.find((line) => line.toLowerCase().includes(recipient)) : undefined);
  return oneLine(hit);
};

const fromDeliveryStatus = (message: ParsedMessage, statusText: string): Verdict | undefined => {
  const chosen = pickRecipient(parseDeliveryStatus(statusText));
  if (!chosen) return undefined;
  const failed = firstValue(message.headers, 'x-failed-recipients')?.split(',')[0];
  // the original recipient is the address the newsletter went to (before any alias expansion)
  const recipient = chosen.originalRecipient ?? chosen.finalRecipient ?? normalizeAddress(failed);
  return {
    ...judgeRecipient(chosen),
    recipient,
    status: chosen.status,
    action: chosen.action,
    diagnostic: chosen.diagnostic ?? humanLine(message.text, recipient),
  };
};

const decide = (
  message: ParsedMessage,
  notice: string,
  mailbox: BounceMailbox
): { verdict: Verdict; mailFrom?: string } => {
  const statusPart = message.parts.find((part) => STATUS_TYPES.includes(part.contentType));
  const dsn = statusPart && fromDeliveryStatus(message, statusPart.text);
  if (dsn) return { verdict: dsn };

  const feedbackPart = message.parts.find((part) => part.contentType === FEEDBACK_TYPE);
  if (feedbackPart || message.reportType === 'feedback-report') {
    const { originalMailFrom, ...verdict } = parseFeedbackReport(feedbackPart?.text ?? '');
    return { verdict, mailFrom: originalMailFrom };
  }

  const subject = message.subject ?? '';
  if (statusPart || looksLikePlainBounce(message.headers, subject, message.text)) {
    const plain = classifyPlainBounce(notice, message.headers, mailbox);
    if (plain.kind !== 'unknown' || !statusPart) return { verdict: plain };
    return { verdict: { ...plain, reason: 'delivery report without a recipient block' } };
  }

  const signal = autoReplySignal(message.headers, message.subject);
  if (signal) return { verdict: { kind: 'auto-reply', diagnostic: signal } };

  return {
    verdict: { kind: 'unknown', reason: 'no delivery report, complaint or auto-reply markers' },
  };
};

export const classifyMessage = async (
  raw: Buffer | string,
  options: BounceMailbox
): Promise<BounceReport> => {
  if (!(typeof raw === 'string' || Buffer.isBuffer(raw)) || raw.length === 0) {
    return { kind: 'unknown', tokens: [], reason: 'empty message' };
  }
  let message: ParsedMessage;
  try {
    message = await parseMessage(raw);
  } catch (error) {
    const detail = error instanceof Error ? `: ${oneLine(error.message)?.slice(0, 200)}` : '';
    return { kind: 'unknown', tokens: [], reason: `unparsable message${detail}` };
  }
  if (message.headers.size === 0) {
    return { kind: 'unknown', tokens: [], reason: 'not a mail message: no header fields' };
  }
  try {
    const { notice, copy } = splitAtCopy(message.text);
    const { verdict, mailFrom } = decide(message, notice, options);
    const originals = [
      ...message.parts
        .filter(
          (part) => !STATUS_TYPES.includes(part.contentType) && part.contentType !== FEEDBACK_TYPE
        )
        .map((part) => headerFields(part.text)),
      ...(copy ? [headerFields(copy)] : []),
    ];
    const report: BounceReport = {
      ...verdict,
      tokens: collectTokens(message, originals, mailFrom, options),
      messageId: message.messageId,
      date: message.date,
      subject: message.subject,
    };
    return Object.fromEntries(
      Object.entries(report).filter(([, value]) => value !== undefined)
    ) as unknown as BounceReport;
  } catch (error) {
    const detail = error instanceof Error ? `: ${oneLine(error.message)?.slice(0, 200)}` : '';
    return { kind: 'unknown', tokens: [], reason: `classification failed${detail}` };
  }
};
