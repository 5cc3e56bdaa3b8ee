/** The parts of a raw message the classification needs, read with mailparser. */
import { simpleParser } from 'mailparser';
import { headerFields, type Fields } from './fields';

export interface ReportPart {
  contentType: string;
  text: string;
}

export interface ParsedMessage {
  headers: Fields;
  subject?: string;
  messageId?: string;
  date?: Date;
  reportType?: string;
  /** The human-readable text (HTML converted when there is no plain text). */
  text: string;
  /** Machine-readable report parts and embedded originals (header section only). */
  parts: ReportPart[];
}

export const STATUS_TYPES = ['message/delivery-status', 'message/global-delivery-status'];
export const FEEDBACK_TYPE = 'message/feedback-report';
export const ORIGINAL_TYPES = [
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
];
const KEPT = new Set([...STATUS_TYPES, FEEDBACK_TYPE, ...ORIGINAL_TYPES]);
const MAX_PART_CHARS = 64 * 1024;
/** Bounce notices are short; a long text is a newsletter copy or spam and is read in part. */
const MAX_TEXT_CHARS = 100 * 1024;

export const parseMessage = async (raw: Buffer | string): Promise<ParsedMessage> => {
  const mail = await simpleParser(raw, {
    keepDeliveryStatus: true,
    // an embedded original stays one part: a forwarded bounce must not look like a bounce
    ignoreEmbedded: true,
    skipTextToHtml: true,
    maxHtmlLengthToParse: 2 * 1024 * 1024,
    skipImageLinks: true,
    checksumAlgo: false,
  });
  const headers = headerFields((mail.headerLines ?? []).map((h) => h.line).join('\n'));
  const contentType = mail.headers.get('content-type');
  const params: Record<string, string | undefined> =
    contentType && typeof contentType === 'object' && 'params' in contentType
      ? (contentType.params as Record<string, string>)
      : {};
  const date =
    mail.date instanceof Date && !Number.isNaN(mail.date.getTime()) ? mail.date : undefined;
  return {
    headers,
    subject: mail.subject?.trim() || undefined,
    messageId: mail.messageId || undefined,
    date,
    reportType: params['report-type']?.toLowerCase(),
    text: (mail.text ?? '').slice(0, MAX_TEXT_CHARS),
    parts: mail.attachments
      .filter((a) => KEPT.has(a.contentType?.toLowerCase()))
      .map((a) => ({
        contentType: a.contentType.toLowerCase(),
        text: a.content.subarray(0, MAX_PART_CHARS).toString('utf8'),
      })),
  };
};
