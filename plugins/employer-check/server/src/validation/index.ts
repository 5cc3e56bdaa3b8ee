/**
 * Request validation (zod through Strapi's validateZodSchema: a failure is Strapi's
 * ValidationError, 400, `details.errors[].path` naming the field). German messages: companies
 * read them next to the form fields.
 */
import { validateZodSchema, z } from '@strapi/utils';

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
    municipality: z.string().max(64).optional().nullable(),
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
      questionnaireVersion: z.string().max(40).optional(),
      website: z.unknown().optional(),
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

export const validateStatisticsQuery = (query: unknown) =>
  validateZodSchema(
    z.object({
      sector: z
        .string()
        .regex(/^[A-U]$/)
        .optional(),
      sizeClass: z.string().max(20).optional(),
      municipality: z.string().max(64).optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
    })
  )(query);
