/**
 * An issue's mails as raw MIME messages, encoded once and filled in per recipient.
 *
 * nodemailer would build and quoted-printable-encode the whole message (≈ 70 KB of HTML) for
 * every recipient. Here the work is split by what it depends on:
 *
 * - per rendering (once per issue and process): every fixed piece of the parts (`issuePieces`:
 *   the HTML between section markers, each section, each item of the personalised section, the
 *   text part's sections) is encoded once, as quoted-printable in whole lines (`qpPiece`), with
 *   its %%placeholders%% cut out as slots; the header fields every recipient shares (From,
 *   Reply-To, the RFC 2047-encoded Subject, List-Unsubscribe-Post, MIME structure) are written
 *   once;
 * - per variant (what recipients share: the topics they get and the personalised section's
 *   items): the encoded pieces are joined into a few buffers around the slots, kept in a small
 *   LRU cache, so recipients of the same variant reuse them;
 * - per recipient: only the values (salutation with the name, preferences and unsubscribe links,
 *   both HTML-escaped in the HTML part) are encoded, each as its own run of quoted-printable
 *   lines, and the recipient's header fields (To, Message-ID, Date, List-Unsubscribe, and the
 *   transport's X-Bounce-Ref) are written; the message is the concatenation.
 *
 * Why this is correct: every encoded piece and value ends with a line break (soft `=` CRLF, or
 * the hard break the text had), so concatenated pieces never share a line: no line gets longer
 * than 76 characters, no soft break or `=XX` escape is cut, and a decoder gets exactly the
 * concatenated text (a soft break decodes to nothing). Placeholders are plain ASCII and are cut
 * out before encoding, so encoding cannot change them. The multipart boundary contains "=_",
 * which quoted-printable output cannot contain. Item links are fixed per issue (the counting
 * redirect is per item, not per recipient), so they are part of the encoded pieces.
 *
 * The transport sends the buffer as nodemailer's `raw` message with an explicit envelope (the
 * VERP return path), and nodemailer's DKIM signer signs raw messages like any other.
 * `tests/issue-mime.test.ts` compares these messages, parsed, with nodemailer's own.
 */
import crypto from 'crypto';
import { escapeHtml } from '../lib/html';
import {
  checkAddress,
  dateHeaderValue,
  encodeHeaderText,
  formatMailbox,
  qpPiece,
  rawHeader,
} from './mime';
import {
  issuePieces,
  placeholderValues,
  type FrozenRendering,
  type Piece,
  type PlaceholderValues,
} from './issue';
import type { RawMail } from './transport';

type Slot = keyof PlaceholderValues;
const SLOTS = new Set<string>(['greeting', 'preferencesUrl', 'unsubscribeUrl']);
const PLACEHOLDER = /%%([a-zA-Z0-9_]+)%%/g;

/** An encoded piece: quoted-printable text (whole lines, as bytes) and slots, in order. */
type Encoded = (Buffer | { slot: Slot })[];
/** A variant's part: buffers and slots, in order. */
type Joined = (Buffer | Slot)[];

/** How many variants are kept (each is about the size of one message). */
const VARIANT_CACHE = 64;

export interface IssueMessageSettings {
  frozen: FrozenRendering;
  /** the issue's documentId (X-Newsletter-Issue, Message-ID) */
  issueDocumentId: string;
  sender: { name: string; email: string; replyTo?: string | null };
}

export interface IssueRecipient {
  email: string;
  subscriberId: number;
  topics: string[];
  name?: string | null;
  /** the personalised section's items (null: the editor's selection) */
  items?: string[] | null;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

const ascii = (text: string) => Buffer.from(text, 'ascii');

/** Cuts a piece at its placeholders and encodes the text between them. */
const encodePiece = (text: string): Encoded => {
  const out: Encoded = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (!SLOTS.has(match[1])) continue; // unknown placeholders stay as text, as in `personalise`
    out.push(ascii(qpPiece(text.slice(last, match.index))), { slot: match[1] as Slot });
    last = (match.index ?? 0) + match[0].length;
  }
  out.push(ascii(qpPiece(text.slice(last))));
  return out.filter((chunk) => !Buffer.isBuffer(chunk) || chunk.length > 0);
};

export const createIssueMessages = ({ frozen, issueDocumentId, sender }: IssueMessageSettings) => {
  const domain = sender.email.split('@')[1] ?? 'localhost';
  const boundary = `----=_NL_${crypto
    .createHash('sha256')
    .update(`${issueDocumentId}\n${frozen.frozenAt}`)
    .digest('hex')
    .slice(0, 24)}`;
  const sharedHeaders = [
    formatMailbox('From', { name: sender.name, address: sender.email }),
    sender.replyTo ? formatMailbox('Reply-To', { address: sender.replyTo }) : '',
    encodeHeaderText('Subject', frozen.subject),
    rawHeader('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'),
    rawHeader('X-Newsletter-Issue', issueDocumentId),
    rawHeader('Precedence', 'bulk'),
    'MIME-Version: 1.0\r\n',
    `Content-Type: multipart/alternative;\r\n boundary="${boundary}"\r\n`,
    '\r\n',
  ].join('');
  const partHead = (type: string) =>
    `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`;
  const textHead = Buffer.from(partHead('text/plain'), 'ascii');
  const htmlHead = Buffer.from(`\r\n${partHead('text/html')}`, 'ascii');
  const end = Buffer.from(`\r\n--${boundary}--\r\n`, 'ascii');

  /** encoded pieces by key (the same key is the same text within a rendering) */
  const pieces = new Map<string, Encoded>();
  const encoded = (piece: Piece) => {
    let found = pieces.get(piece.key);
    if (!found) {
      found = encodePiece(piece.text);
      pieces.set(piece.key, found);
    }
    return found;
  };
  /** A variant's part: the encoded pieces joined into one buffer between slots (a copy of the
   * bytes; strings are never concatenated here: flattening a long rope is slow). */
  const join = (list: Piece[]): Joined => {
    const out: Joined = [];
    let run: Buffer[] = [];
    const flush = () => {
      if (run.length > 0) out.push(run.length === 1 ? run[0] : Buffer.concat(run));
      run = [];
    };
    for (const piece of list) {
      for (const chunk of encoded(piece)) {
        if (Buffer.isBuffer(chunk)) run.push(chunk);
        else {
          flush();
          out.push(chunk.slot);
        }
      }
    }
    flush();
    return out;
  };

  const variants = new Map<string, { html: Joined; text: Joined }>();
  const variantOf = (recipient: IssueRecipient) => {
    const parts = issuePieces(frozen, recipient);
    if (!parts) return null;
    const key = `${parts.html.map((piece) => piece.key).join(',')}|${parts.text
      .map((piece) => piece.key)
      .join(',')}`;
    let variant = variants.get(key);
    if (variant) {
      variants.delete(key); // most recently used last
    } else {
      variant = { html: join(parts.html), text: join(parts.text) };
      if (variants.size >= VARIANT_CACHE) variants.delete(variants.keys().next().value!);
    }
    variants.set(key, variant);
    return variant;
  };

  return {
    /** Variants built so far that are still cached (for tests). */
    cachedVariants: () => variants.size,

    /**
     * One recipient's message, or null when none of their topics has an item (no mail). The
     * buffer is built when the transport asks for it (`raw`), so an error there (e.g. an
     * address that cannot be written) fails that delivery, not the batch.
     */
    message(recipient: IssueRecipient): RawMail | null {
      const variant = variantOf(recipient);
      if (!variant) return null;
      const messageId = `<${issueDocumentId}.${recipient.subscriberId}@${domain}>`;
      return {
        to: recipient.email,
        messageId,
        raw: (extraHeaders: string) => {
          const values = placeholderValues({ ...recipient, items: null });
          const html: Record<Slot, Buffer> = {
            greeting: Buffer.from(qpPiece(escapeHtml(values.greeting)), 'ascii'),
            preferencesUrl: Buffer.from(qpPiece(escapeHtml(values.preferencesUrl)), 'ascii'),
            unsubscribeUrl: Buffer.from(qpPiece(escapeHtml(values.unsubscribeUrl)), 'ascii'),
          };
          const text: Record<Slot, Buffer> = {
            greeting: Buffer.from(qpPiece(values.greeting), 'ascii'),
            preferencesUrl: Buffer.from(qpPiece(values.preferencesUrl), 'ascii'),
            unsubscribeUrl: Buffer.from(qpPiece(values.unsubscribeUrl), 'ascii'),
          };
          const head =
            rawHeader('Message-ID', messageId) +
            formatMailbox('To', { address: checkAddress(recipient.email) }) +
            rawHeader('Date', dateHeaderValue()) +
            rawHeader('List-Unsubscribe', `<${recipient.unsubscribeUrl}>`) +
            extraHeaders +
            sharedHeaders;
          return Buffer.concat([
            Buffer.from(head, 'ascii'),
            textHead,
            ...variant.text.map((chunk) => (typeof chunk === 'string' ? text[chunk] : chunk)),
            htmlHead,
            ...variant.html.map((chunk) => (typeof chunk === 'string' ? html[chunk] : chunk)),
            end,
          ]);
        },
      };
    },
  };
};

export type IssueMessages = ReturnType<typeof createIssueMessages>;
