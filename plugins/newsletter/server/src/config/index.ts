/**
 * Plugin configuration. Everything county-specific (sender, imprint, URLs, topics, consent text)
 * is set by the app in `config/plugins.ts`; the defaults are generic German texts.
 */
import crypto from 'crypto';
import { z } from '@strapi/utils';
import type { NewsletterItem } from '../mail/issue';

/** Turns one document of the section's content type into what the mail shows. */
export type ItemRenderer = (
  document: Record<string, unknown>,
  context: { publicUrl: string; now: Date }
) => NewsletterItem;

const fn = <T>(what: string) =>
  z.custom<T>((value) => typeof value === 'function', { message: `${what} must be a function` });

/**
 * A newsletter section: which topic it serves, where its items come from (a content type of
 * the app), what is current, and how an item looks. The plugin knows the app's content only
 * through these.
 */
const section = z.object({
  topic: z.string(),
  title: z.string().min(1),
  uid: z.string().regex(/^[a-z]+::[a-z0-9-]+\.[a-z0-9-]+$/),
  populate: z.unknown().optional(),
  /** a Document Service filter for what may still be sent, given the current time */
  current: fn<(now: Date) => Record<string, unknown>>('current').optional(),
  render: fn<ItemRenderer>('render'),
  /** how many items the automatic proposal takes at most */
  maxItems: z.number().int().positive(),
});

export type SectionConfig = z.infer<typeof section>;

/** What the app's personalisation hooks get. */
export interface PersonalisationContext {
  strapi: import('@strapi/strapi').Core.Strapi;
}

/** One field of the editors' preview form ("preview for a chosen profile"). */
export interface PreviewField {
  name: string;
  label: string;
  multiple?: boolean;
  options: { value: string; label: string }[];
}

/**
 * A personalised section: subscribers may link something they hold (e.g. the token of their
 * self-check result) to their subscription, with its own consent and double opt-in; that
 * section then shows the items fitting it best. The app decides what a reference is and how
 * items rank; the plugin keeps the links, their consent, and the choice per recipient.
 */
const personalisation = z.object({
  /** the personalised section's topic */
  topic: z.string(),
  /** what is linked, as people read it (pages, mails, export) */
  label: z.string().min(1),
  consent: z.object({ version: z.string().min(1), text: z.string().min(1) }),
  /** items a linked recipient gets at least (more when the editor chose more) */
  limit: z.number().int().positive(),
  /** how many of the section's documents are compiled into the issue to choose from */
  poolLimit: z.number().int().positive(),
  /** what people hold (e.g. a result token) → the stable key of what it identifies; null when
   * unknown or not usable (e.g. an unfinished check) */
  resolve:
    fn<(reference: string, context: PersonalisationContext) => Promise<string | null>>(
      'personalisation.resolve'
    ),
  /** per key: when it was made (the latest wins per subscriber) and the section's documentIds
   * that fit it, best first; keys that no longer exist are left out */
  profiles: fn<
    (
      keys: string[],
      context: PersonalisationContext
    ) => Promise<Map<string, { at: string; ranked: string[] }>>
  >('personalisation.profiles'),
  /** the editors' preview: a form, and the ranking for the values chosen in it */
  preview: z
    .object({
      fields: fn<(context: PersonalisationContext) => Promise<PreviewField[]>>(
        'personalisation.preview.fields'
      ),
      rank: fn<
        (values: Record<string, string[]>, context: PersonalisationContext) => Promise<string[]>
      >('personalisation.preview.rank'),
    })
    .optional(),
});

export type PersonalisationConfig = z.infer<typeof personalisation>;

const topic = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  description: z.string().optional(),
});

export const configSchema = z.object({
  /** HMAC secret for tokens and suppression hashes; must stay stable (changing it voids links). */
  secret: z.string().min(32, 'newsletter.secret must have at least 32 characters'),
  /** Base URL of this server as subscribers reach it, for links in mails. */
  publicUrl: z.string().url(),
  /** Where people subscribe (linked from error pages); defaults to `${publicUrl}/newsletter/`. */
  subscribePageUrl: z.string().url().optional(),
  privacyUrl: z.string().url().optional(),
  topics: z.array(topic).min(1),
  consent: z.object({ version: z.string().min(1), text: z.string().min(1) }),
  confirmTokenTtlHours: z.number().positive(),
  confirmationResendMinutes: z.number().nonnegative(),
  rateLimit: z.object({ windowSeconds: z.number().positive(), max: z.number().int().positive() }),
  /** subscriber import: the largest request body, whatever its form (CSV, .xlsx, JSON, multipart) */
  import: z.object({ maxBytes: z.number().int().positive() }),
  newsletterName: z.string().min(1),
  sender: z.object({
    name: z.string().min(1),
    email: z.string().email(),
    replyTo: z.string().email().optional(),
  }),
  /** Imprint (Impressum) lines shown in every mail footer. */
  imprint: z.object({
    organisation: z.string().min(1),
    lines: z.array(z.string()),
    url: z.string().url().optional(),
  }),
  transport: z.object({
    /** Without `smtp`, mails are written as .eml files into `mailDir`. */
    smtp: z
      .object({
        host: z.string().min(1),
        port: z.number().int().positive(),
        secure: z.boolean(),
        user: z.string().optional(),
        pass: z.string().optional(),
        maxConnections: z.number().int().positive(),
        /** messages per `rateDeltaMs`; 0 = unlimited */
        rateLimit: z.number().int().nonnegative(),
        rateDeltaMs: z.number().int().positive(),
        connectionTimeoutMs: z.number().int().positive(),
      })
      .nullable(),
    mailDir: z.string().min(1),
  }),
  /** VERP: a mail sent for a delivery or an outbox row has the envelope sender
   * `local+TOKEN@domain` of this address (see `lib/return-path.ts`); null: the sender address */
  returnPath: z.object({
    address: z
      .string()
      .email()
      .refine((value) => !value.split('@')[0].includes('+'), 'must not contain "+"')
      .nullable(),
  }),
  /** DKIM signature of every mail (RSA key, PEM); null: mails are not signed */
  dkim: z
    .object({
      domainName: z.string().min(1),
      keySelector: z.string().regex(/^[a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*$/),
      privateKey: z.string().min(1),
    })
    .nullable(),
  /** The bounce mailbox: non-delivery reports and complaints that come back to the return path */
  bounces: z.object({
    /** IMAP access; null: the mailbox is not read */
    imap: z
      .object({
        host: z.string().min(1),
        port: z.number().int().positive(),
        /** TLS from the first byte (993); false: STARTTLS when the server offers it */
        secure: z.boolean(),
        user: z.string().min(1),
        pass: z.string(),
        folder: z.string().min(1),
        rejectUnauthorized: z.boolean().optional(),
      })
      .nullable(),
    /** node-cron expression in `scheduler.timezone` */
    pollCron: z.string().min(1),
    /** one instance at a time reads the mailbox; its lease lasts this long unless renewed */
    leaseSeconds: z.number().nonnegative(),
    /** messages read per poll at most (the rest comes next time) */
    messagesPerPoll: z.number().int().positive(),
    /** temporary failures within `softBouncePeriodDays` after which an address counts as bounced */
    softBounceLimit: z.number().int().positive(),
    softBouncePeriodDays: z.number().positive(),
  }),
  /** Data minimisation, once a day (see services/retention.ts) */
  retention: z.object({
    enabled: z.boolean(),
    /** node-cron expression in `scheduler.timezone` */
    cron: z.string().min(1),
    /** sign-ups never confirmed are deleted after this many days */
    pendingDays: z.number().positive(),
    /** unsubscribed, bounced and complained addresses become a keyed hash after this many months */
    leftMonths: z.number().int().positive(),
    /** delivery rows and mailbox records are deleted after this many months */
    deliveryMonths: z.number().int().positive(),
  }),
  outbox: z.object({
    pollSeconds: z.number().positive(),
    maxAttempts: z.number().int().positive(),
    retryBaseSeconds: z.number().positive(),
    leaseSeconds: z.number().positive(),
  }),
  sections: z.array(section),
  /** one personalised section, or none */
  personalisation: personalisation.nullable(),
  scheduler: z.object({
    /** the tick that starts due issues and resumes interrupted sends (off in tests) */
    enabled: z.boolean(),
    timezone: z.string().min(1),
    tickCron: z.string().min(1),
  }),
  digest: z.object({
    enabled: z.boolean(),
    /** node-cron expression in `scheduler.timezone`; default: first Tuesday of the month, 08:00 */
    cron: z.string().min(1),
    /** schedule the automatic draft at once; off: editors check and send it */
    autoSend: z.boolean(),
    subject: z.string().min(1),
  }),
  /** the public archive of sent issues (page and Atom feed, see services/archive.ts) */
  archive: z.object({ enabled: z.boolean(), title: z.string().min(1) }),
  /** a mail after each confirmed subscription (outbox kind `welcome`); `text` follows the
   * greeting, paragraphs separated by a blank line */
  welcome: z.object({
    enabled: z.boolean(),
    subject: z.string().min(1),
    text: z.string().min(1),
  }),
  /** items' links in issues go through a redirect that counts clicks per issue and item, with
   * no subscriber identifier (`services/clicks.ts`); off: straight to the targets, nothing counted */
  clickTracking: z.object({ enabled: z.boolean() }),
  dispatch: z.object({
    /** deliveries claimed per batch */
    batchSize: z.number().int().positive(),
    /** "sent" is written after this many accepted messages, or after `flushIntervalMs` */
    flushSize: z.number().int().positive(),
    flushIntervalMs: z.number().int().positive(),
    leaseSeconds: z.number().positive(),
    /** attempts for temporary (4xx) failures */
    maxAttempts: z.number().int().positive(),
    retryBaseSeconds: z.number().positive(),
    /** consecutive failed messages (any cause) after which the issue is paused */
    maxConsecutiveFailures: z.number().int().positive(),
    /** how long SMTP may stay unreachable before the issue is paused */
    unreachablePauseSeconds: z.number().positive(),
    /** a delivery taken over from an expired lease more often than this ends failed */
    maxTakeovers: z.number().int().nonnegative(),
    /** messages with the SMTP server at a time per instance; default: SMTP maxConnections, 4 for
     * .eml files */
    concurrency: z.number().int().positive().nullable(),
    /** graceful stop: how long to wait for messages in flight and their writes */
    stopTimeoutSeconds: z.number().positive(),
  }),
});

export type NewsletterConfig = z.infer<typeof configSchema>;

const isRsaPrivateKey = (pem: string) => {
  try {
    return crypto.createPrivateKey(pem).asymmetricKeyType === 'rsa';
  } catch {
    return false;
  }
};

export default {
  default: {
    secret: '',
    publicUrl: 'http://localhost:1337',
    topics: [
      {
        key: 'offers',
        label: 'Angebote',
        description: 'Ausbildungsplätze, Praktika, Veranstaltungen und Beratung',
      },
      {
        key: 'practice-examples',
        label: 'Praxisbeispiele',
        description: 'Wie andere Kommunen Übergänge und Fachkräftesicherung gestalten',
      },
      {
        key: 'employer-tips',
        label: 'Arbeitgeber-Tipps',
        description: 'Praktische Maßnahmen für attraktive Arbeitgeber',
      },
    ],
    consent: {
      version: '1',
      text:
        'Ich möchte den Newsletter zu den gewählten Themen per E-Mail erhalten. Meine Einwilligung ' +
        'kann ich jederzeit über den Abmeldelink in jeder Ausgabe widerrufen. Hinweise zum ' +
        'Datenschutz habe ich zur Kenntnis genommen.',
    },
    confirmTokenTtlHours: 72,
    confirmationResendMinutes: 10,
    rateLimit: { windowSeconds: 60, max: 20 },
    import: { maxBytes: 5 * 1024 * 1024 },
    newsletterName: 'Newsletter',
    sender: { name: 'Newsletter', email: 'newsletter@example.org' },
    imprint: { organisation: 'Herausgeber', lines: [] },
    transport: { smtp: null, mailDir: '.tmp/mail' },
    returnPath: { address: null },
    dkim: null,
    bounces: {
      imap: null,
      pollCron: '*/5 * * * *',
      leaseSeconds: 300,
      messagesPerPoll: 500,
      softBounceLimit: 3,
      softBouncePeriodDays: 30,
    },
    retention: {
      enabled: true,
      cron: '30 3 * * *',
      pendingDays: 30,
      leftMonths: 12,
      deliveryMonths: 24,
    },
    outbox: { pollSeconds: 30, maxAttempts: 8, retryBaseSeconds: 60, leaseSeconds: 120 },
    sections: [],
    personalisation: null,
    scheduler: { enabled: true, timezone: 'Europe/Berlin', tickCron: '* * * * *' },
    digest: {
      enabled: true,
      cron: '0 8 * * 2#1',
      autoSend: false,
      subject: 'Neuigkeiten aus Ausbildung und Fachkräftesicherung',
    },
    archive: { enabled: true, title: 'Newsletter-Archiv' },
    welcome: {
      enabled: false,
      subject: 'Willkommen! Ihre Anmeldung ist bestätigt',
      text:
        'schön, dass Sie dabei sind! Ab der nächsten Ausgabe erhalten Sie unseren Newsletter zu ' +
        'den Themen, die Sie ausgewählt haben.\n\n' +
        'Ihre Themen können Sie jederzeit ändern, und abbestellen können Sie den Newsletter mit ' +
        'einem Klick. Die Links dazu stehen am Ende dieser E-Mail und in jeder Ausgabe.',
    },
    clickTracking: { enabled: true },
    dispatch: {
      batchSize: 100,
      flushSize: 20,
      flushIntervalMs: 250,
      leaseSeconds: 60,
      maxAttempts: 5,
      retryBaseSeconds: 60,
      maxConsecutiveFailures: 200,
      unreachablePauseSeconds: 600,
      maxTakeovers: 3,
      concurrency: null,
      stopTimeoutSeconds: 10,
    },
  },
  validator(config: unknown) {
    const result = configSchema
      .superRefine((value, context) => {
        const topics = value.topics.map((topic) => topic.key);
        if (
          value.personalisation &&
          !value.sections.some((entry) => entry.topic === value.personalisation?.topic)
        ) {
          context.addIssue({
            code: 'custom',
            path: ['personalisation', 'topic'],
            message: `no section serves topic "${value.personalisation.topic}"`,
          });
        }
        if (value.dkim && !isRsaPrivateKey(value.dkim.privateKey)) {
          context.addIssue({
            code: 'custom',
            path: ['dkim', 'privateKey'],
            message: 'is not an RSA private key in PEM format',
          });
        }
        value.sections.forEach((entry, index) => {
          if (!topics.includes(entry.topic)) {
            context.addIssue({
              code: 'custom',
              path: ['sections', index, 'topic'],
              message: `unknown topic "${entry.topic}" (topics: ${topics.join(', ')})`,
            });
          }
        });
      })
      .safeParse(config);
    if (!result.success) {
      const problems = result.error.issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ');
      throw new Error(`Invalid newsletter plugin config: ${problems}`);
    }
  },
};
