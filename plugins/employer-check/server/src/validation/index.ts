/**
 * Request validation (zod through Strapi's validateZodSchema: a failure is Strapi's
 * ValidationError, 400, `details.errors[].path` naming the field). German messages: companies
 * read them next to the form fields.
 */
import { errors, validateZodSchema, z } from '@strapi/utils';
import { MAX_MEASURES } from '../lib/plan';

export interface ActiveQuestion {
  id: string;
  onlyIfTrainsApprentices: boolean;
}

export const submissionSchema = (
  {
    sectors,
    sizeClasses,
    questions,
  }: { sectors: string[]; sizeClasses: string[]; questions: ActiveQuestion[] },
  { partial }: { partial: boolean }
) => {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const profile = z.object({
    sector: z.enum(sectors as [string, ...string[]], {
      error: 'Bitte wählen Sie eine Branche (WZ 2008, A–U).',
    }),
    sizeClass: z.enum(sizeClasses as [string, ...string[]], {
      error: 'Bitte wählen Sie eine Betriebsgröße.',
    }),
    // a documentId of the app's municipalities; anything else cannot be one (NUL in it answered
    // 500 on PostgreSQL, found by the hostile-input suite)
    municipality: z
      .string({ error: 'Diese Kommune ist nicht bekannt.' })
      .regex(/^[A-Za-z0-9]{0,64}$/, { error: 'Diese Kommune ist nicht bekannt.' })
      .optional()
      .nullable(),
    trainsApprentices: z.boolean({ error: 'Bitte geben Sie an, ob Ihr Betrieb ausbildet.' }),
  });
  return z
    .object({
      profile: partial ? profile.optional() : profile,
      answers: z
        .record(
          z.string().max(64),
          z.union(
            [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.null()],
            {
              error: 'Antworten sind 1 bis 5 oder null (keine Angabe).',
            }
          )
        )
        .optional()
        .default({}),
      complete: z.boolean().optional().default(false),
      consentStatistics: z.boolean().optional().default(false),
      questionnaireVersion: z
        .string({ error: 'Unbekannte Version des Fragebogens.' })
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
          error: 'Unbekannte Version des Fragebogens.',
        })
        .optional(),
      // the honeypot: a text field people never see (an object here was stored as a check)
      website: z.string({ error: 'Bitte senden Sie hier nichts.' }).max(500).optional().nullable(),
    })
    .superRefine((value, context) => {
      const trains = value.profile?.trainsApprentices;
      for (const id of Object.keys(value.answers)) {
        const question = byId.get(id);
        if (!question) {
          context.addIssue({
            code: 'custom',
            path: ['answers', id],
            message: 'Diese Frage gibt es im aktuellen Fragebogen nicht.',
          });
        } else if (question.onlyIfTrainsApprentices && trains === false) {
          context.addIssue({
            code: 'custom',
            path: ['answers', id],
            message: 'Diese Frage gilt nur für Ausbildungsbetriebe.',
          });
        }
      }
    });
};

export const validateSubmission = (
  body: unknown,
  context: Parameters<typeof submissionSchema>[0],
  partial: boolean
) => validateZodSchema(submissionSchema(context, { partial }))(body);

/** An empty query value (`?sector=`) means "no filter", as a cleared select sends it. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const DATE_MESSAGE = 'Bitte ein Datum im Format JJJJ-MM-TT angeben.';

/** Filters of the statistics and the export: known sector and size class keys, ISO dates. */
export const statisticsQuerySchema = ({
  sectors,
  sizeClasses,
}: {
  sectors: string[];
  sizeClasses: string[];
}) =>
  z
    .object({
      sector: optional(
        z.enum(sectors as [string, ...string[]], { error: 'Diese Branche gibt es nicht.' })
      ),
      sizeClass: optional(
        z.enum(sizeClasses as [string, ...string[]], {
          error: 'Diese Betriebsgröße gibt es nicht.',
        })
      ),
      municipality: optional(
        z
          .string({ error: 'Bitte genau eine Kommune angeben.' })
          .regex(/^[A-Za-z0-9]{1,64}$/, { error: 'Diese Kommune ist nicht bekannt.' })
      ),
      from: optional(z.iso.date({ error: DATE_MESSAGE })),
      to: optional(z.iso.date({ error: DATE_MESSAGE })),
    })
    .superRefine((value, context) => {
      if (value.from && value.to && value.from > value.to) {
        context.addIssue({
          code: 'custom',
          path: ['to'],
          message: 'Das Ende des Zeitraums liegt vor seinem Anfang.',
        });
      }
    });

export const validateStatisticsQuery = (
  query: unknown,
  context: Parameters<typeof statisticsQuerySchema>[0]
) => validateZodSchema(statisticsQuerySchema(context))(query);

export const QUESTIONNAIRE_MODELS = ['questionnaire', 'dimension', 'question'] as const;

/** Which questionnaire, dimension or question the Content Manager shows (for its warning). */
export const validateUsageQuery = (query: unknown) =>
  validateZodSchema(
    z.object({
      model: z.enum(QUESTIONNAIRE_MODELS, {
        error: 'Erlaubt sind questionnaire, dimension und question.',
      }),
      documentId: z
        .string({ error: 'Bitte eine documentId angeben.' })
        .regex(/^[A-Za-z0-9]{1,64}$/, { error: 'Das ist keine documentId.' }),
    })
  )(query);

/** A new questionnaire version copied from the active one. */
export const validateNewVersion = (body: unknown) => {
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    const message = 'Erwartet wird ein Objekt mit version und title.';
    throw new errors.ValidationError(message, {
      errors: [{ path: ['body'], message, name: 'ValidationError' }],
    });
  }
  return validateZodSchema(
    z.object({
      version: z
        .string({ error: 'Bitte eine Versionsbezeichnung angeben.' })
        .trim()
        .min(1, { error: 'Bitte eine Versionsbezeichnung angeben.' })
        .max(40, { error: 'Höchstens 40 Zeichen.' })
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
          error: 'Nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich, z. B. 2026-2.',
        }),
      title: z
        .string({ error: 'Der Titel ist ein Text.' })
        .trim()
        .min(1, { error: 'Der Titel darf nicht leer sein.' })
        .max(200, { error: 'Höchstens 200 Zeichen.' })
        .optional(),
    })
  )(body ?? {});
};

/** A tip's id as the result lists it (a documentId or the app's key for it). */
const TIP_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The whole action plan as the company saves it (rules beyond the shape: lib/plan.ts). */
export const validatePlan = (body: unknown) =>
  validateZodSchema(
    z.object({
      measures: z
        .array(
          z.object({
            tip: z
              .string({ error: 'Bitte einen Tipp aus den Empfehlungen wählen.' })
              .regex(TIP_ID, { error: 'Bitte einen Tipp aus den Empfehlungen wählen.' }),
            targetDate: z.iso
              .date({ error: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' })
              .nullable()
              .optional(),
            done: z.boolean({ error: 'Erledigt ist ja oder nein.' }).optional(),
          }),
          { error: 'Erwartet wird eine Liste von Maßnahmen.' }
        )
        .max(MAX_MEASURES, { error: `Höchstens ${MAX_MEASURES} Maßnahmen.` }),
    })
  )(body ?? {});

/** A new employee survey: an optional end date (the service checks its range). */
export const validateSurveyStart = (body: unknown) =>
  validateZodSchema(
    z.object({
      endsOn: z.iso
        .date({ error: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' })
        .nullable()
        .optional(),
    })
  )(body ?? {});

const ANSWER = z.union(
  [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.null()],
  { error: 'Antworten sind 1 bis 5 oder null (keine Angabe).' }
);

/** One employee's answers: only the survey's questions, 1–5 or null, at least one given. */
export const validateSurveyResponse = (body: unknown, questionIds: string[]) => {
  const known = new Set(questionIds);
  return validateZodSchema(
    z
      .object({
        answers: z.record(z.string().max(64), ANSWER, {
          error: 'Erwartet werden Antworten je Aussage.',
        }),
        // the honeypot: people never see it
        website: z
          .string({ error: 'Bitte senden Sie hier nichts.' })
          .max(500)
          .optional()
          .nullable(),
      })
      .superRefine((value, context) => {
        for (const id of Object.keys(value.answers)) {
          if (!known.has(id))
            context.addIssue({
              code: 'custom',
              path: ['answers', id],
              message: 'Diese Aussage gehört nicht zu dieser Befragung.',
            });
        }
        if (!Object.values(value.answers).some((answer) => answer !== null))
          context.addIssue({
            code: 'custom',
            path: ['answers'],
            message: 'Bitte bewerten Sie mindestens eine Aussage.',
          });
      })
  )(body ?? {});
};

/** A sign-up for reminder mails: an address and the explicit consent. */
export const validateReminderSignUp = (body: unknown) =>
  validateZodSchema(
    z.object({
      email: z
        .string({ error: 'Bitte geben Sie Ihre E-Mail-Adresse an.' })
        .trim()
        .max(254, { error: 'Die E-Mail-Adresse ist zu lang.' })
        .pipe(z.email({ error: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' })),
      consent: z.literal(true, {
        error: 'Bitte bestätigen Sie, dass wir Sie per E-Mail erinnern dürfen.',
      }),
    })
  )(body ?? {});
