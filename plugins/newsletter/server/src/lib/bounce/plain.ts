/**
 * Bounces that are no RFC 3464 report: Exim's "created automatically by mail delivery software"
 * with X-Failed-Recipients, qmail's "I'm afraid I wasn't able to deliver your message", Exchange
 * and Outlook texts. The reply code next to the failed recipient decides.
 */
import { findBasic, findEnhanced, isSoftPermanent, normalizeAddress, oneLine } from './codes';
import { firstValue, type Fields } from './fields';
import type { BounceKind, BounceMailbox } from './types';

const GENERATOR_TEXT = [
  /created automatically by mail delivery software/i,
  /I'm afraid I wasn't able to deliver your message/i,
  /Delivery has failed to these recipients or groups/i,
  /Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen/i,
  /Your message (?:wasn't|was not|couldn't be|could not be) delivered/i,
  /Die Nachricht konnte nicht (?:an [^\n]{0,80} )?zugestellt werden/i,
];
const DAEMON_SENDER =
  /(?:^|[<\s"])(?:mailer-daemon|mail-daemon|mailerdaemon|postmaster|MicrosoftExchange[0-9a-f]*)@|mail delivery (?:system|subsystem)/i;
const BOUNCE_SUBJECT =
  /undeliver|unzustellbar|nicht zustellbar|delivery (?:status notification|failure|failed|has failed|notification)|mail delivery failed|returned mail|returned to sender|failure notice|non-?delivery|zustellung fehlgeschlagen/i;

/** Where a bounce text starts quoting the original message. */
const COPY_MARKERS = [
  /^[ \t-]*This is a copy of the message/im,
  /^[ \t-]*Below this line is a copy of the message/im,
  /^[ \t-]*(?:Original message|Ursprüngliche Nachricht|Original-Nachricht)\b/im,
  /^[ \t]*(?:Original message headers|Header der ursprünglichen Nachricht)\s*:/im,
  /^(?:Return-Path|Received):/im,
];

export const looksLikePlainBounce = (headers: Fields, subject: string, text: string): boolean => {
  if (headers.has('x-failed-recipients')) return true;
  if (GENERATOR_TEXT.some((pattern) => pattern.test(text.slice(0, 5000)))) return true;
  const from = firstValue(headers, 'from') ?? '';
  const nullSender = (firstValue(headers, 'return-path') ?? '').replace(/\s/g, '') === '<>';
  return (DAEMON_SENDER.test(from) || nullSender) && BOUNCE_SUBJECT.test(subject);
};

/** The text before and after the start of the quoted original. */
export const splitAtCopy = (text: string): { notice: string; copy?: string } => {
  let cut = -1;
  for (const marker of COPY_MARKERS) {
    const match = marker.exec(text);
    if (match && (cut < 0 || match.index < cut)) cut = match.index;
  }
  if (cut < 0) return { notice: text };
  const copyStart = /^(?:Return-Path|Received):/i.test(text.slice(cut))
    ? cut
    : text.indexOf('\n', cut) + 1;
  return { notice: text.slice(0, cut), copy: copyStart > 0 ? text.slice(copyStart) : undefined };
};

/** Starts only after a delimiter and excludes '@' from its parts, so it stays linear. */
const ADDRESS = /(?<![^\s<>()"',;:[\]])[^\s<>()"',;:[\]@]+@[^\s<>()"',;:[\]@]+\.[a-z]{2,}/gi;

const findRecipient = (notice: string, headers: Fields, mailbox: BounceMailbox) => {
  const failed = firstValue(headers, 'x-failed-recipients')?.split(',')[0];
  const fromHeader = normalizeAddress(failed);
  if (fromHeader) return fromHeader;
  const qmail = /^<([^<>\s]+@[^<>\s]+)>:/m.exec(notice);
  if (qmail) return normalizeAddress(qmail[1]);
  const local = mailbox.local?.toLowerCase();
  for (const [candidate] of notice.matchAll(ADDRESS)) {
    const address = normalizeAddress(candidate.replace(/\.$/, ''));
    const box = address?.split('@')[0].split('+')[0];
    if (address && box !== local && !/^(?:mailer-daemon|postmaster)$/.test(box ?? '')) {
      return address;
    }
  }
  return undefined;
};

/** The line holding the code, with its indented continuation lines. */
const lineAt = (text: string, index: number) => {
  const start = text.lastIndexOf('\n', index) + 1;
  const lines = text.slice(start).split(/\r?\n/);
  const taken = [lines[0]];
  for (const line of lines.slice(1, 4)) {
    if (!/^[ \t]+\S/.test(line) || /^\s*$/.test(line)) break;
    taken.push(line);
  }
  return oneLine(taken.join(' '));
};

export interface PlainBounce {
  kind: BounceKind;
  reason?: string;
  recipient?: string;
  status?: string;
  diagnostic?: string;
}

export const classifyPlainBounce = (
  notice: string,
  headers: Fields,
  mailbox: BounceMailbox
): PlainBounce => {
  const recipient = findRecipient(notice, headers, mailbox);
  const found = recipient ? notice.toLowerCase().indexOf(recipient) : -1;
  const at = Math.max(found, 0);
  const window = notice.slice(at, at + (found >= 0 ? 1500 : 3000));
  const enhanced = findEnhanced(window, true);
  const basic = findBasic(window);
  const first = [enhanced, basic]
    .filter((match) => match !== undefined)
    .sort((a, b) => a.index - b.index)[0];
  const diagnostic = first ? lineAt(notice, at + first.index) : undefined;
  const status = enhanced?.code;
  const codeClass = (status ?? basic?.code)?.[0];
  if (codeClass === '5') {
    return {
      kind: isSoftPermanent(status, diagnostic) ? 'soft' : 'hard',
      recipient,
      status,
      diagnostic,
    };
  }
  if (codeClass === '4') return { kind: 'soft', recipient, status, diagnostic };
  return { kind: 'unknown', reason: 'bounce text without an SMTP reply code', recipient };
};
