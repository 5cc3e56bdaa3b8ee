/**
 * The one mail transport every mail of the plugin goes through.
 *
 * - SMTP (nodemailer, pooled, rate-limited) when `smtp` is configured;
 * - otherwise each message is written as an `.eml` file into `mailDir`, and the path is logged,
 *   so a new installation loses no mail and needs no mail server.
 */
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import nodemailer from 'nodemailer';
import type { NewsletterConfig } from '../config';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  messageId?: string;
}

export interface SentMail {
  messageId: string;
  /** the .eml file, with the file transport */
  file?: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

export const createTransport = (
  config: Pick<NewsletterConfig, 'transport' | 'sender'>,
  { appRoot, log }: { appRoot: string; log: (message: string) => void }
): MailTransport => {
  const { smtp, mailDir } = config.transport;
  const from = { name: config.sender.name, address: config.sender.email };
  const replyTo = config.sender.replyTo;
  const domain = config.sender.email.split('@')[1] ?? 'localhost';

  const message = (mail: OutgoingMail) => ({
    from,
    replyTo,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: mail.headers,
    messageId: mail.messageId ?? `<${crypto.randomUUID()}@${domain}>`,
  });

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
    });
    return {
      kind: 'smtp',
      async send(mail) {
        const data = message(mail);
        const info = await transporter.sendMail(data);
        return { messageId: info.messageId ?? data.messageId };
      },
      close: () => transporter.close(),
    };
  }

  const directory = path.resolve(appRoot, mailDir);
  const streamer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
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
      return { messageId: data.messageId, file };
    },
    close: () => undefined,
  };
};
