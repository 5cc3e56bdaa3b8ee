/**
 * Request validation (zod, through Strapi's `validateZodSchema`, so a failure is Strapi's
 * ValidationError: status 400, `details.errors[].path` naming the field). Messages are German
 * because subscribers read them next to the form fields.
 */
import { validateZodSchema, z } from '@strapi/utils';
import { localToUtc } from '../lib/schedule';

export const MESSAGES = {
  email: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
  consent: 'Bitte bestätigen Sie die Einwilligung, damit wir Ihnen den Newsletter senden dürfen.',
  linkConsent:
    'Bitte bestätigen Sie die Einwilligung, damit wir Ihr Ergebnis mit Ihrem Newsletter-Abonnement verknüpfen dürfen.',
  reference:
    'Der Verweis auf Ihr Ergebnis fehlt oder ist ungültig. Bitte öffnen Sie die Ergebnisseite erneut.',
  topicsMissing: 'Bitte wählen Sie mindestens ein Thema.',
  topicUnknown: 'Dieses Thema gibt es nicht.',
  token: 'Der Link ist unvollständig. Bitte öffnen Sie ihn direkt aus der E-Mail.',
  tooLong: (max: number) => `Bitte höchstens ${max} Zeichen eingeben.`,
  text: 'Bitte geben Sie einen Text ein.',
  characters:
    'Dieser Text enthält Steuer- oder ungültige Zeichen. Bitte geben Sie ihn noch einmal ein.',
};

/**
 * Text a person can type: no control characters (NUL, which PostgreSQL refuses, line breaks,
 * escapes), no lone surrogates and no U+FFFD (what is left of bytes that were not UTF-8).
 * Found by the hostile-input suite (tests/faults/scenarios/hostile.js): a name with NUL answered
 * 500 on PostgreSQL and was stored as is on SQLite.
 */
export const isTypedText = (value: string) =>
  // eslint-disable-next-line no-control-regex
  !/[\u0000-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(
    value
  );

export const emailSchema = z
  .string({ error: MESSAGES.email })
  .trim()
  .toLowerCase()
  .max(254, { error: MESSAGES.email })
  .pipe(z.email({ error: MESSAGES.email }));

const optionalText = (max: number) =>
  z
    .string({ error: MESSAGES.text })
    .trim()
    .max(max, { error: MESSAGES.tooLong(max) })
    .refine(isTypedText, { error: MESSAGES.characters })
    .optional()
    .nullable()
    .transform((value) => (value ? value : null));

export const topicsSchema = (keys: string[]) =>
  z
    .array(
      z
        .string({ error: MESSAGES.topicUnknown })
        .refine((key) => keys.includes(key), MESSAGES.topicUnknown),
      {
        error: MESSAGES.topicsMissing,
      }
    )
    .min(1, { error: MESSAGES.topicsMissing })
    .transform((topics) => [...new Set(topics)]);

export const tokenSchema = z
  .string({ error: MESSAGES.token })
  .min(10, { error: MESSAGES.token })
  .max(1024);

export const validateSubscribe = (body: unknown, topicKeys: string[]) =>
  validateZodSchema(
    z.object(
      {
        email: emailSchema,
        name: optionalText(120),
        organisation: optionalText(160),
        topics: topicsSchema(topicKeys),
        consent: z.literal(true, { error: MESSAGES.consent }),
        // the honeypot: a text field people never see
        website: z.string({ error: MESSAGES.text }).max(500).optional().nullable(),
      },
      { error: 'Bitte senden Sie die Anmeldedaten als JSON-Objekt.' }
    )
  )(body);

const referenceSchema = z
  .string({ error: MESSAGES.reference })
  .min(10, { error: MESSAGES.reference })
  .max(256, { error: MESSAGES.reference })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: MESSAGES.reference });

/**
 * Asking for tips that fit a result (personalised section): the address, the newsletter consent
 * and, separately, the consent to link the result. No topics: the link asks for its section.
 */
export const validateLinkRequest = (body: unknown) =>
  validateZodSchema(
    z.object(
      {
        reference: referenceSchema,
        email: emailSchema,
        name: optionalText(120),
        organisation: optionalText(160),
        consent: z.literal(true, { error: MESSAGES.consent }),
        linkConsent: z.literal(true, { error: MESSAGES.linkConsent }),
        website: z.string({ error: MESSAGES.text }).max(500).optional().nullable(),
      },
      { error: 'Bitte senden Sie die Angaben als JSON-Objekt.' }
    )
  )(body);

export const validateReference = (reference: unknown) =>
  validateZodSchema(z.object({ reference: referenceSchema }))({ reference }).reference;

export const validateToken = (token: unknown) =>
  validateZodSchema(z.object({ token: tokenSchema }))({ token }).token;

export const validatePreferences = (body: unknown, topicKeys: string[]) =>
  validateZodSchema(
    z.object(
      {
        topics: topicsSchema(topicKeys),
        name: optionalText(120),
        organisation: optionalText(160),
      },
      { error: 'Bitte senden Sie die Einstellungen als JSON-Objekt.' }
    )
  )(body);

/** What an import says about consentAt when it cannot read it. */
export const CONSENT_AT_MESSAGE =
  'Bitte den Zeitpunkt der Einwilligung als Datum angeben, z. B. 2026-01-15T10:00:00Z, 2026-01-15 10:00 oder 15.01.2026 10:00, und nicht in der Zukunft.';

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A consent time as spreadsheets write it: ISO 8601 with `Z` or an offset is taken as it is;
 * without one (`2026-01-15`, `2026-01-15 10:00`) and in German notation (`15.01.2026 10:00`,
 * `15.01.26`, as Excel and LibreOffice export dates in German locales) it is wall-clock time
 * in `timeZone`. Null when it is none of these.
 */
export const parseConsentAt = (value: string, timeZone: string): Date | null => {
  const wallClock = (date: string, time = '00:00', seconds = '00') => {
    try {
      return localToUtc(`${date}T${time}:${seconds}`, timeZone);
    } catch {
      return null;
    }
  };
  if (ZONED.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const iso = ISO_LOCAL.exec(value);
  if (iso) return wallClock(iso[1], iso[2], iso[3]);
  const german = GERMAN.exec(value);
  if (german) {
    const [, day, month, year, hour, minute, second] = german;
    const fullYear = year.length === 2 ? `20${year}` : year;
    const date = `${fullYear}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    return wallClock(date, hour ? `${hour.padStart(2, '0')}:${minute}` : undefined, second);
  }
  return null;
};

/** One import row (columns email,name,organisation,topics,consentAt,consentIp). */
export const importRowSchema = (topicKeys: string[], timeZone: string) =>
  z.object({
    email: emailSchema,
    name: optionalText(120),
    organisation: optionalText(160),
    topics: z
      .string()
      .transform((value) =>
        value
          .split(/[;|]/)
          .map((topic) => topic.trim())
          .filter(Boolean)
      )
      .pipe(topicsSchema(topicKeys)),
    consentAt: z
      .string()
      .trim()
      .transform((value, context) => {
        if (!value) return null;
        const date = parseConsentAt(value, timeZone);
        if (!date || date.getTime() > Date.now() + 60_000) {
          context.addIssue({ code: 'custom', message: CONSENT_AT_MESSAGE });
          return z.NEVER;
        }
        return date;
      }),
    consentIp: z
      .string()
      .trim()
      .max(64, { error: 'Die IP-Adresse ist zu lang.' })
      .refine(
        (value) => value === '' || /^[0-9a-fA-F:.]+$/.test(value),
        'Bitte eine IP-Adresse angeben (IPv4 oder IPv6) oder das Feld leer lassen.'
      )
      .transform((value) => value || null),
  });

/** An editor's reason for turning a bounced address back into an active one. */
export const validateReactivation = validateZodSchema(
  z.object({
    reason: z
      .string({ error: 'Bitte geben Sie einen Grund an.' })
      .trim()
      .min(5, { error: 'Bitte geben Sie einen Grund an (mindestens 5 Zeichen).' })
      .max(500, { error: MESSAGES.tooLong(500) })
      .refine(isTypedText, { error: MESSAGES.characters }),
  })
);

export const validateDocumentId = (id: unknown) =>
  validateZodSchema(z.object({ id: z.string().regex(/^[a-z0-9]{10,64}$/, 'invalid id') }))({ id })
    .id;

const items = z.array(
  z.object({
    section: z.string().regex(/^[a-z0-9-]+$/),
    documentId: z.string().regex(/^[a-z0-9]{10,64}$/),
  }),
  { error: 'Beiträge müssen eine Liste aus { section, documentId } sein.' }
);

export const validateIssueCreate = (body: unknown) =>
  validateZodSchema(
    z.object({
      subject: z
        .string({ error: 'Bitte geben Sie einen Betreff ein.' })
        .trim()
        .min(1, 'Bitte geben Sie einen Betreff ein.')
        .max(200),
      preheader: optionalText(200),
      intro: z.array(z.unknown()).optional().nullable(),
      items: items.optional(),
    })
  )(body);

export const validateIssueUpdate = (body: unknown) =>
  validateZodSchema(
    z.object({
      subject: z.string().trim().min(1, 'Bitte geben Sie einen Betreff ein.').max(200).optional(),
      preheader: optionalText(200),
      intro: z.array(z.unknown()).optional().nullable(),
      items: items.optional(),
    })
  )(body);

export const validateTestSend = (body: unknown) =>
  validateZodSchema(
    z.object({
      emails: z
        .array(emailSchema, { error: 'Bitte geben Sie mindestens eine Adresse an.' })
        .min(1, 'Bitte geben Sie mindestens eine Adresse an.')
        .max(10, 'Höchstens 10 Testadressen.'),
      topics: z.array(z.string()).optional(),
    })
  )(body);

export const validatePreviewQuery = (query: unknown, topicKeys: string[]) =>
  validateZodSchema(
    z.object({
      topics: z
        .string()
        .optional()
        .transform((value) =>
          value
            ? value
                .split(',')
                .map((topic) => topic.trim())
                .filter(Boolean)
            : topicKeys
        )
        .pipe(z.array(z.string().refine((key) => topicKeys.includes(key), MESSAGES.topicUnknown))),
      format: z.enum(['html', 'text']).default('html'),
      /** the personalised section for a chosen profile: JSON { field: [values] } */
      profile: z
        .string()
        .max(2000)
        .optional()
        .transform((value, context) => {
          if (!value) return undefined;
          try {
            return JSON.parse(value) as unknown;
          } catch {
            context.addIssue({ code: 'custom', message: 'profile must be JSON' });
            return z.NEVER;
          }
        })
        .pipe(
          z
            .record(
              z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
              z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).max(20)
            )
            .optional()
        ),
    })
  )(query);

/** A query parameter that must be a positive whole number (page numbers, sizes). */
const queryInt = (
  label: string,
  { min, max, fallback }: { min: number; max: number; fallback: number }
) =>
  z
    .string({ error: `${label} muss eine ganze Zahl sein.` })
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === '') return fallback;
      const number = Number(value);
      if (!/^\d+$/.test(value) || number < min || number > max) {
        context.addIssue({
          code: 'custom',
          message: `${label} muss eine ganze Zahl von ${min} bis ${max} sein.`,
        });
        return z.NEVER;
      }
      return number;
    });

const searchText = (max: number) =>
  z
    .string({ error: 'Der Suchtext muss ein einzelner Text sein.' })
    .trim()
    .max(max, { error: MESSAGES.tooLong(max) })
    .optional()
    .transform((value) => value || '');

export const validatePageQuery = (query: unknown) =>
  validateZodSchema(
    z.object({
      page: queryInt('Die Seite', { min: 1, max: 100_000, fallback: 1 }),
      pageSize: queryInt('Die Seitengröße', { min: 1, max: 100, fallback: 25 }),
    })
  )(query);

export const SUBSCRIBER_STATUSES = [
  'pending',
  'active',
  'unsubscribed',
  'bounced',
  'complained',
] as const;

/** GET /subscribers: search by address, optionally by status, page by page. */
export const validateSubscriberQuery = (query: unknown) =>
  validateZodSchema(
    z.object({
      q: searchText(254),
      status: z
        .string({ error: 'Der Status muss ein einzelner Text sein.' })
        .optional()
        .transform((value, context) => {
          if (!value) return undefined;
          if (!(SUBSCRIBER_STATUSES as readonly string[]).includes(value)) {
            context.addIssue({ code: 'custom', message: 'Diesen Status gibt es nicht.' });
            return z.NEVER;
          }
          return value as (typeof SUBSCRIBER_STATUSES)[number];
        }),
      page: queryInt('Die Seite', { min: 1, max: 100_000, fallback: 1 }),
      pageSize: queryInt('Die Seitengröße', { min: 1, max: 100, fallback: 20 }),
    })
  )(query);

/** GET /issues/candidates: documents of one configured section, optionally searched. */
export const validateCandidatesQuery = (query: unknown, sections: string[]) =>
  validateZodSchema(
    z.object({
      section: z
        .string({ error: 'Bitte wählen Sie eine Rubrik.' })
        .refine((value) => sections.includes(value), 'Diese Rubrik gibt es nicht.'),
      q: searchText(100),
    })
  )(query);
