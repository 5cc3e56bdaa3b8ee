/**
 * Plugin configuration: thresholds, k for anonymity, retention, labels, and where the app keeps
 * its employer tips and municipalities (the plugin knows app content only through this).
 */
import { z } from '@strapi/utils';

export const SECTORS: Record<string, string> = {
  A: 'Land- und Forstwirtschaft, Fischerei',
  B: 'Bergbau und Gewinnung von Steinen und Erden',
  C: 'Verarbeitendes Gewerbe',
  D: 'Energieversorgung',
  E: 'Wasserversorgung, Abwasser- und Abfallentsorgung',
  F: 'Baugewerbe',
  G: 'Handel; Instandhaltung und Reparatur von Kraftfahrzeugen',
  H: 'Verkehr und Lagerei',
  I: 'Gastgewerbe',
  J: 'Information und Kommunikation',
  K: 'Finanz- und Versicherungsdienstleistungen',
  L: 'Grundstücks- und Wohnungswesen',
  M: 'Freiberufliche, wissenschaftliche und technische Dienstleistungen',
  N: 'Sonstige wirtschaftliche Dienstleistungen',
  O: 'Öffentliche Verwaltung, Verteidigung, Sozialversicherung',
  P: 'Erziehung und Unterricht',
  Q: 'Gesundheits- und Sozialwesen',
  R: 'Kunst, Unterhaltung und Erholung',
  S: 'Sonstige Dienstleistungen',
  T: 'Private Haushalte',
  U: 'Exterritoriale Organisationen',
};

export const SIZE_CLASSES: Record<string, string> = {
  micro: '1–9 Beschäftigte',
  small: '10–49 Beschäftigte',
  medium: '50–249 Beschäftigte',
  large: '250 und mehr Beschäftigte',
};

const configSchema = z.object({
  /** smallest group whose figures may be shown */
  k: z.number().int().min(2),
  thresholds: z.object({ red: z.number().min(0).max(100), green: z.number().min(0).max(100) }),
  bandLabels: z.object({ rot: z.string(), gelb: z.string(), gruen: z.string() }),
  retention: z.object({
    enabled: z.boolean(),
    completedMonths: z.number().int().positive(),
    draftDays: z.number().int().positive(),
    /** node-cron expression for the daily purge */
    cron: z.string(),
    timezone: z.string(),
  }),
  recommendationsLimit: z.number().int().positive(),
  /** public routes: requests per minute per IP and route (the plugin's limiter) */
  rateLimit: z.object({ max: z.number().int().positive() }),
  /** where the app keeps its employer tips, and which fields carry what */
  tips: z
    .object({
      uid: z.string(),
      dimensionsField: z.string(),
      bandsField: z.string(),
      sizeClassesField: z.string(),
      url: z
        .custom<(tip: Record<string, unknown>) => string | null>(
          (value) => typeof value === 'function'
        )
        .optional(),
    })
    .nullable(),
  /** the app's municipalities (profile.municipality is one of their documentIds) */
  municipalities: z.object({ uid: z.string(), labelField: z.string() }).nullable(),
  sectors: z.record(z.string(), z.string()),
  sizeClasses: z.record(z.string(), z.string()),
  report: z.object({ title: z.string(), publisher: z.string(), footerNote: z.string().optional() }),
  /** seed the default German questionnaire when there is none */
  seedDefaultQuestionnaire: z.boolean(),
  /** reminder mails (double opt-in); off without `send` and `publicUrl` */
  reminders: z.object({
    enabled: z.boolean(),
    /** sends one mail; the app passes its mail transport (e.g. the newsletter plugin's) */
    send: z
      .custom<
        (
          mail: {
            to: string;
            subject: string;
            html: string;
            text: string;
            headers?: Record<string, string>;
          },
          context: { strapi: import('@strapi/strapi').Core.Strapi }
        ) => Promise<unknown>
      >((value) => typeof value === 'function')
      .nullable(),
    /** the server's public address (links in mails lead to its API routes) */
    publicUrl: z.string().url().nullable(),
    /** the result page of a check token; null: the mail names no link */
    resultLink: z
      .custom<(token: string) => string>((value) => typeof value === 'function')
      .nullable(),
    /** signs the mails ("Viele Grüße, …") */
    sender: z.string(),
    /** a measure is due this many days before its target date */
    daysBefore: z.number().int().min(0).max(60),
    /** the re-check is due this many months after a check */
    recheckMonths: z.number().int().min(1).max(60),
    /** unconfirmed sign-ups are deleted after this many days */
    pendingDays: z.number().int().positive(),
    /** node-cron expression of the daily run */
    cron: z.string(),
    timezone: z.string(),
  }),
  /** the anonymous employee survey */
  survey: z.object({
    /** employees' figures only from k responses on (and refreshed in steps of k) */
    k: z.number().int().min(2),
    /** how long a survey runs when the company gives no end date */
    defaultDays: z.number().int().positive(),
    /** the latest end date a company may choose, in days from today */
    maxDays: z.number().int().positive(),
    /** the page employees open, for a survey's public id; null: the API gives only the id */
    link: z.custom<(surveyId: string) => string>((value) => typeof value === 'function').nullable(),
  }),
  /** called with the documentIds of deleted submissions (by their company or by retention) */
  onDeleted: z
    .custom<
      (
        documentIds: string[],
        context: { strapi: import('@strapi/strapi').Core.Strapi }
      ) => Promise<void>
    >((value) => typeof value === 'function')
    .optional(),
});

export type EmployerCheckConfig = z.infer<typeof configSchema>;

export default {
  default: {
    k: 5,
    thresholds: { red: 50, green: 75 },
    bandLabels: { rot: 'Handlungsbedarf', gelb: 'Ausbaufähig', gruen: 'Stark' },
    retention: {
      enabled: true,
      completedMonths: 24,
      draftDays: 30,
      cron: '30 3 * * *',
      timezone: 'Europe/Berlin',
    },
    recommendationsLimit: 6,
    rateLimit: { max: 60 },
    tips: null,
    municipalities: null,
    sectors: SECTORS,
    sizeClasses: SIZE_CLASSES,
    report: {
      title: 'Selbstcheck Arbeitgeberattraktivität',
      publisher: 'Fachkräfteoffensive',
      footerNote:
        'Ihre Angaben sind anonym. Ohne Ihre Zustimmung fließen sie nicht in die regionale Statistik ein.',
    },
    seedDefaultQuestionnaire: true,
    survey: { k: 5, defaultDays: 28, maxDays: 90, link: null },
    reminders: {
      enabled: true,
      send: null,
      publicUrl: null,
      resultLink: null,
      sender: 'Ihre Fachkräfteoffensive',
      daysBefore: 7,
      recheckMonths: 12,
      pendingDays: 30,
      cron: '0 8 * * *',
      timezone: 'Europe/Berlin',
    },
  },
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      const problems = result.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      throw new Error(`Invalid employer-check plugin config: ${problems}`);
    }
    if (result.data.thresholds.red > result.data.thresholds.green) {
      throw new Error(
        'Invalid employer-check plugin config: thresholds.red must not exceed thresholds.green'
      );
    }
  },
};
