/**
 * The one mail transport every mail of the plugin goes through.
 *
 * - SMTP (nodemailer, pooled, rate-limited) when `smtp` is configured;
 * - otherwise each message is written as an `.eml` file into `mailDir`, and the path is logged,
 *   so a new installation loses no mail and needs no mail server.
 *
 * Issue mails come as raw messages (`RawMail`, built by `mail/issue-mime.ts` from the issue's
 * encoded pieces) and are handed to nodemailer as `raw` with an explicit envelope; single mails
 * (confirmation, welcome, outbox) are `ComposedMail`s that nodemailer builds.
 *
 * Both sign every message with DKIM when `dkim` is configured (nodemailer signs raw messages
 * too), and give a mail that names its
 * delivery or outbox row the VERP envelope sender of `returnPath` (bounces come back to it) and
 * the header `X-Bounce-Ref` (complaint reports often quote only the original headers).
 */
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import nodemailer from 'nodemailer';
import type { NewsletterConfig } from '../config';
import { rawHeader } from './mime';
import {
  returnPathAddress,
  returnPathMailbox,
  returnPathToken,
  type ReturnPathRef,
} from '../lib/return-path';

/** A mail nodemailer builds from its parts (confirmation, welcome, outbox mails). */
export interface ComposedMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  messageId?: string;
  /** what the mail is sent for: an issue's delivery row or an outbox row (VERP return path) */
  returnPath?: ReturnPathRef;
}

/** A message that is already MIME (an issue's mail, `mail/issue-mime.ts`). */
export interface RawMail {
  to: string;
  messageId: string;
  /**
   * The whole message (CRLF line ends). `extraHeaders` are header lines the transport adds
   * (`X-Bounce-Ref`), each ending with CRLF, to be written into the header block.
   */
  raw: (extraHeaders: string) => Buffer;
  /** what the mail is sent for (VERP return path) */
  returnPath?: ReturnPathRef;
}

/** Anything the transport sends. */
export type OutgoingMail = ComposedMail | RawMail;

export const isRawMail = (mail: OutgoingMail): mail is RawMail =>
  typeof (mail as RawMail).raw === 'function';

export interface SentMail {
  messageId: string;
  /** the .eml file, with the file transport */
  file?: string;
  /** the SMTP envelope sender (MAIL FROM) */
  envelopeFrom?: string;
}

const envelopeFrom = (info: { envelope?: { from?: string | false } }) =>
  info.envelope?.from || undefined;

export interface MailTransport {
  readonly kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

/** Headers the DKIM signature covers (those present in a message): nodemailer's default list
 * without the Resent-* fields, plus List-Unsubscribe-Post, which nodemailer leaves out and RFC
 * 8058 one-click unsubscribe requires to be signed. */
export const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Content-ID',
  'Content-Description',
  'In-Reply-To',
  'References',
  'List-Id',
  'List-Help',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
  'List-Subscribe',
  'List-Post',
  'List-Owner',
  'List-Archive',
].join(':');

export type TransportConfig = Pick<NewsletterConfig, 'transport' | 'sender'> &
  Partial<Pick<NewsletterConfig, 'secret' | 'returnPath' | 'dkim'>>;

export const createTransport = (
  config: TransportConfig,
  { appRoot, log }: { appRoot: string; log: (message: string) => void }
): MailTransport => {
  const { smtp, mailDir } = config.transport;
  const from = { name: config.sender.name, address: config.sender.email };
  const replyTo = config.sender.replyTo;
  const domain = config.sender.email.split('@')[1] ?? 'localhost';
  const bounceMailbox = config.returnPath?.address
    ? returnPathMailbox(config.returnPath.address)
    : null;
  if (bounceMailbox && !config.secret) {
    throw new Error('newsletter: the VERP return path needs the secret to sign its tokens');
  }
  const dkim = config.dkim ? { ...config.dkim, headerFieldNames: DKIM_SIGNED_HEADERS } : undefined;

  const verpOf = (mail: OutgoingMail) =>
    bounceMailbox && mail.returnPath
      ? {
          token: returnPathToken(mail.returnPath, config.secret!),
          address: returnPathAddress(mail.returnPath, bounceMailbox, config.secret!),
        }
      : null;

  const message = (mail: OutgoingMail) => {
    const verp = verpOf(mail);
    if (isRawMail(mail)) {
      return {
        raw: mail.raw(verp ? rawHeader('X-Bounce-Ref', verp.token) : ''),
        envelope: { from: verp ? verp.address : config.sender.email, to: [mail.to] },
        messageId: mail.messageId,
      };
    }
    return {
      from,
      replyTo,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: verp ? { ...mail.headers, 'X-Bounce-Ref': verp.token } : mail.headers,
      messageId: mail.messageId ?? `<${crypto.randomUUID()}@${domain}>`,
      ...(verp ? { envelope: { from: verp.address, to: mail.to } } : {}),
    };
  };

  if (smtp) {
    const transporter = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
      pool: true,
      maxConnections: smtp.maxConnections,
      ...(smtp.rateLimit > 0 ? { rateLimit: smtp.rateLimit, rateDelta: smtp.rateDeltaMs } : {}),
      connectionTimeout: smtp.connectionTimeoutMs,
      greetingTimeout: smtp.connectionTimeoutMs,
      socketTimeout: smtp.connectionTimeoutMs * 3,
      dkim,
    });
    return {
      kind: 'smtp',
      async send(mail) {
        const data = message(mail);
        const info = await transporter.sendMail(data);
        return {
          // a raw message's id is the one it carries (nodemailer does not read it from raw)
          messageId: isRawMail(mail) ? data.messageId : (info.messageId ?? data.messageId),
          envelopeFrom: envelopeFrom(info),
        };
      },
      close: () => transporter.close(),
    };
  }

  const directory = path.resolve(appRoot, mailDir);
  const streamer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
    dkim,
  });
  return {
    kind: 'file',
    async send(mail) {
      const data = message(mail);
      const info = await streamer.sendMail(data);
      fs.mkdirSync(directory, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, '_');
      const file = path.join(
        directory,
        `${stamp}-${safeTo}-${crypto.randomBytes(3).toString('hex')}.eml`
      );
      fs.writeFileSync(file, info.message as Buffer);
      log(`Mail to ${mail.to} written to ${file} (no SMTP_HOST configured)`);
      return { messageId: data.messageId, file, envelopeFrom: envelopeFrom(info) };
    },
    close: () => undefined,
  };
};
