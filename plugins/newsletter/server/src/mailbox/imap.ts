/**
 * One pass over the bounce mailbox over IMAP (imapflow): every message not yet marked done is
 * handed to `handle` (which records it and applies its effect in the database), and only then
 * marked on the server with the keyword `NewsletterDone`, and `\Seen`, or `\Flagged` (left unread)
 * when a person should look at it (not matched, not understood). A message whose effect was committed but
 * whose flag was lost (crash, connection dropped) is found recorded next time and only flagged.
 */
import { ImapFlow } from 'imapflow';

export const DONE_KEYWORD = 'NewsletterDone';

export interface MailboxSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 993); false: plain, upgraded with STARTTLS when offered */
  secure: boolean;
  user: string;
  pass: string;
  folder: string;
  /** verify the server's certificate (default true) */
  rejectUnauthorized?: boolean;
}

export interface PassHandlers {
  /** which of the keys are recorded already */
  recorded(keys: string[]): Promise<Set<string>>;
  /** records the message and applies it; returns whether a person should look at it */
  handle(key: string, source: Buffer): Promise<{ flagForPerson: boolean }>;
  /** asked before each message; false stops the pass (e.g. the lease could not be renewed) */
  proceed(): Promise<boolean>;
}

export interface PassResult {
  /** messages found not marked done */
  found: number;
  /** handed to `handle` */
  handled: number;
  /** recorded before, only marked now */
  remarked: number;
  /** stopped early because `proceed` said no */
  stopped: boolean;
}

/** The key of a message: it identifies the message for good (RFC 3501: UIDVALIDITY + UID). */
export const messageKey = (settings: MailboxSettings, uidValidity: bigint | number, uid: number) =>
  `${settings.user}@${settings.host}:${settings.port}/${settings.folder}/${uidValidity}/${uid}`.slice(
    0,
    255
  );

export const runMailboxPass = async (
  settings: MailboxSettings,
  handlers: PassHandlers,
  { limit = 500 }: { limit?: number } = {}
): Promise<PassResult> => {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.pass },
    tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
    logger: false,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
  // a dropped connection is reported by the failing command; without a listener it would crash
  client.on('error', () => undefined);
  const result: PassResult = { found: 0, handled: 0, remarked: 0, stopped: false };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(settings.folder);
    try {
      const mailbox = client.mailbox;
      const uidValidity = mailbox ? mailbox.uidValidity : BigInt(0);
      const found = await client.search({ unKeyword: DONE_KEYWORD }, { uid: true });
      const uids = (Array.isArray(found) ? found : []).sort((a, b) => a - b).slice(0, limit);
      result.found = uids.length;
      const keyOf = (uid: number) => messageKey(settings, uidValidity, uid);
      const recorded = await handlers.recorded(uids.map(keyOf));
      for (const uid of uids) {
        if (!(await handlers.proceed())) {
          result.stopped = true;
          break;
        }
        const key = keyOf(uid);
        // for a person: flagged and left unread; otherwise read
        let flags = [DONE_KEYWORD, '\\Seen'];
        if (recorded.has(key)) {
          result.remarked += 1;
        } else {
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue; // expunged meanwhile
          const { flagForPerson } = await handlers.handle(key, message.source);
          if (flagForPerson) flags = [DONE_KEYWORD, '\\Flagged'];
          result.handled += 1;
        }
        await client.messageFlagsAdd(String(uid), flags, { uid: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return result;
};
