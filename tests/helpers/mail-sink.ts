/**
 * A real SMTP server on loopback for tests: accepts (or, on demand, rejects) messages and keeps
 * them parsed, so tests read mails as a subscriber's mail program would.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  raw: string;
  parsed: ParsedMail;
  subject: string;
  html: string;
  text: string;
  header(name: string): string | undefined;
}

export interface MailSink {
  port: number;
  mails: ReceivedMail[];
  /** Resolves with the first (already received or arriving) mail matching `predicate`. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  to(address: string): ReceivedMail[];
  /** Answers every RCPT for matching addresses with this SMTP code (e.g. 550), or stops it. */
  rejectRecipients(predicate: ((address: string) => number | null) | null): void;
  stop(): Promise<void>;
  /** Starts again on the same port after `stop()`. */
  start(): Promise<void>;
  clear(): void;
}

export const startMailSink = async (port = 0): Promise<MailSink> => {
  const mails: ReceivedMail[] = [];
  const waiters: {
    predicate: (mail: ReceivedMail) => boolean;
    resolve: (mail: ReceivedMail) => void;
  }[] = [];
  let rejecter: ((address: string) => number | null) | null = null;
  let server: SMTPServer;
  let boundPort = port;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const code = rejecter?.(address.address) ?? null;
        if (code) {
          // Enhanced status codes as real servers send them (RFC 3463).
          const text =
            code === 550
              ? '5.1.1 Mailbox does not exist'
              : code >= 500
                ? '5.7.1 Message rejected'
                : '4.3.0 Temporary failure, try again later';
          const error = new Error(text) as Error & { responseCode: number };
          error.responseCode = code;
          callback(error);
          return;
        }
        callback();
      },
      onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const parsed = await simpleParser(raw);
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            raw,
            parsed,
            subject: parsed.subject ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            text: parsed.text ?? '',
            // The raw header value as sent (mailparser turns some headers into objects).
            header: (name) => {
              const line = parsed.headerLines.find((header) => header.key === name.toLowerCase());
              return line
                ? line.line
                    .slice(line.line.indexOf(':') + 1)
                    .replace(/\r?\n[ \t]+/g, ' ')
                    .trim()
                : undefined;
            },
          };
          mails.push(mail);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(mail)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(mail);
            }
          }
          callback();
        });
      },
    });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = create();
      server.on('error', () => undefined);
      server.listen(boundPort, '127.0.0.1', () => {
        const address = server.server.address();
        if (address && typeof address === 'object') boundPort = address.port;
        resolve();
      });
      server.server.once('error', reject);
    });

  await listen();

  return {
    get port() {
      return boundPort;
    },
    mails,
    waitFor(predicate, timeoutMs = 10_000) {
      const found = mails.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
            reject(new Error(`No matching mail within ${timeoutMs} ms (${mails.length} received)`));
          }
        }, timeoutMs).unref();
      });
    },
    to: (address) => mails.filter((mail) => mail.to.includes(address)),
    rejectRecipients(predicate) {
      rejecter = predicate;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: listen,
    clear: () => {
      mails.length = 0;
    },
  };
};
