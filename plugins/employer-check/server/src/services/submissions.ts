/**
 * What a company does: start a check (draft or complete), continue it, read the result with
 * recommendations and the regional comparison, download the PDF, delete it. Only the token's
 * hash is stored; whoever has the token has the submission. Writes and the answer built from them
 * are one transaction each, so a database failure midway leaves nothing half-written.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { atomically, ConflictError } from '@bildungsbuero/strapi-server-kit';
import type { EmployerCheckConfig } from '../config';
import { renderReport } from '../pdf/report';
import { germanDay, officeToday } from '../lib/days';
import { planView, storedPlan } from '../lib/plan';
import { recommend, type TipCandidate } from '../lib/recommend';
import type { Progress } from '../lib/progress';
import { score, type Answers, type ScoreResult } from '../lib/scoring';
import { createSubmissionToken, hashSubmissionToken, looksLikeToken } from '../lib/tokens';
import { figures, latestPerCompany, type StatisticsRow } from '../lib/statistics';
import { createStampedCache } from '../lib/stamped-cache';
import { contentStamp } from '../queries/content-stamp';
import { DIMENSION, QUESTION, QUESTIONNAIRE, type ActiveQuestionnaire } from './questionnaire';

export const SUBMISSION = 'plugin::employer-check.submission';

export interface SubmissionInput {
  profile?: {
    sector: string;
    sizeClass: string;
    municipality?: string | null;
    trainsApprentices: boolean;
  };
  answers: Record<string, number | null>;
  complete: boolean;
  consentStatistics: boolean;
  questionnaireVersion?: string;
}

interface SubmissionRow {
  id: number;
  documentId: string;
  status: 'draft' | 'complete';
  /** hash of the company token linking a company's checks (services/series.ts), if any */
  companyKeyHash?: string | null;
  questionnaireVersion: string;
  sector: string;
  sizeClass: string;
  municipality: string | null;
  trainsApprentices: boolean;
  answers: Answers | null;
  consentStatistics: boolean;
  completedAt: string | null;
  result: ScoreResult | null;
  /** the action plan (lib/plan.ts), JSON */
  plan?: unknown;
  total: number | string | null;
  createdAt: string;
  updatedAt: string;
}

export const notFound = () => new errors.NotFoundError('Diese Teilnahme gibt es nicht (mehr).');

/**
 * Deletes what hangs on checks that are about to be deleted: their employee surveys with every
 * answer, and their reminders with the address. Called before the checks themselves go, so a
 * failure leaves the checks to be deleted again.
 */
export const deleteDependents = async (strapi: Core.Strapi, documentIds: string[]) => {
  if (!documentIds.length) return;
  const plugin = strapi.plugin('employer-check');
  await plugin.service('surveys').deleteForChecks(documentIds);
  await plugin.service('reminders').deleteForChecks(documentIds);
};

/** Tells the app which submissions were deleted (config `onDeleted`), e.g. to drop links. */
export const notifyDeleted = async (strapi: Core.Strapi, documentIds: string[]) => {
  const onDeleted = (strapi.config.get('plugin::employer-check') as EmployerCheckConfig).onDeleted;
  if (!onDeleted || documentIds.length === 0) return;
  try {
    await onDeleted(documentIds, { strapi });
  } catch (error) {
    strapi.log.error(
      `[employer-check] onDeleted failed: ${error instanceof Error ? error.message : String(error)}`
    );
  }
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::employer-check') as EmployerCheckConfig;
  const plugin = () => strapi.plugin('employer-check');
  const rows = () => strapi.db.query(SUBMISSION);

  /**
   * What every request reads, the active questionnaire and the tip candidates, is kept while
   * the tables they come from are unchanged: one stamp query per request instead of reading
   * them again (queries/content-stamp.ts says what the stamp sees).
   */
  const questionnaires = createStampedCache<ActiveQuestionnaire | null>();
  const tipLists = createStampedCache<TipCandidate[]>();
  interface Snapshot {
    questionnaire: ActiveQuestionnaire;
    tips: TipCandidate[];
  }
  const snapshot = async (): Promise<Snapshot> => {
    const tips = config().tips;
    const stamp = await contentStamp(strapi, {
      questionnaire: QUESTIONNAIRE,
      tables: [QUESTION, DIMENSION, ...(tips ? [tips.uid] : [])],
    });
    const [questionnaire, candidates] = await Promise.all([
      questionnaires.get(stamp, () => plugin().service('questionnaire').active()),
      tipLists.get(stamp, loadTipCandidates),
    ]);
    if (!questionnaire) throw new errors.NotFoundError('Es ist kein Fragebogen aktiv.');
    return { questionnaire, tips: candidates };
  };
  const activeQuestionnaire = async (): Promise<ActiveQuestionnaire> =>
    (await snapshot()).questionnaire;
  const tipCandidates = async (): Promise<TipCandidate[]> => (await snapshot()).tips;

  const find = async (token: unknown): Promise<SubmissionRow> => {
    if (!looksLikeToken(token)) throw notFound();
    const row = (await rows().findOne({
      where: { tokenHash: hashSubmissionToken(token) },
    })) as SubmissionRow | null;
    if (!row) throw notFound();
    return row;
  };

  const checkMunicipality = async (municipality: string | null | undefined) => {
    const settings = config().municipalities;
    if (!municipality || !settings) return;
    const exists = await strapi.db
      .query(settings.uid as never)
      .count({ where: { documentId: municipality } });
    if (!exists) {
      const message = 'Diese Kommune ist nicht bekannt.';
      throw new errors.ValidationError(message, {
        errors: [{ path: ['profile', 'municipality'], message, name: 'ValidationError' }],
      });
    }
  };

  const scoreFor = (
    questionnaire: ActiveQuestionnaire,
    row: Pick<SubmissionRow, 'answers' | 'trainsApprentices'>
  ) =>
    score(
      {
        questions: questionnaire.questions,
        dimensions: questionnaire.dimensions,
        answers: row.answers ?? {},
        trainsApprentices: row.trainsApprentices,
      },
      config().thresholds
    );

  async function loadTipCandidates(): Promise<TipCandidate[]> {
    const tips = config().tips;
    if (!tips) return [];
    const documents = (await strapi.documents(tips.uid as never).findMany({
      status: 'published',
      populate: { [tips.dimensionsField]: { fields: ['key'] } },
      limit: 500,
    } as never)) as unknown as Record<string, unknown>[];
    return documents.map((tip) => ({
      id: tip.documentId as string,
      title: String(tip.title ?? ''),
      summary: String(tip.summary ?? ''),
      effort: String(tip.effort ?? ''),
      dimensions: ((tip[tips.dimensionsField] as { key: string }[] | null) ?? []).map(
        (dimension) => dimension.key
      ),
      bands: Array.isArray(tip[tips.bandsField])
        ? (tip[tips.bandsField] as TipCandidate['bands'])
        : [],
      sizeClasses: Array.isArray(tip[tips.sizeClassesField])
        ? (tip[tips.sizeClassesField] as string[])
        : [],
      url: tips.url ? tips.url(tip) : null,
    }));
  }

  /** Mean scores of completed, consenting submissions of the same sector and size class (≥ k). */
  const regionalAverage = async (row: SubmissionRow, dimensionKeys: string[]) => {
    const peers = (await rows().findMany({
      where: {
        status: 'complete',
        consentStatistics: true,
        sector: row.sector,
        sizeClass: row.sizeClass,
        questionnaireVersion: row.questionnaireVersion,
      },
      select: [
        'result',
        'total',
        'sector',
        'sizeClass',
        'municipality',
        'completedAt',
        'companyKeyHash',
      ],
    })) as SubmissionRow[];
    // a company that re-checked counts once, with its latest check
    const group = figures(latestPerCompany(peers).map(toStatisticsRow), dimensionKeys, config().k);
    return group.suppressed
      ? {
          available: false,
          reason: 'Zu wenige Teilnahmen dieser Branche und Betriebsgröße für einen Vergleich.',
        }
      : { available: true, count: group.count, total: group.total, dimensions: group.dimensions };
  };

  /**
   * The result of a completed check. `fresh`: the check was completed by this very request, so
   * nothing can hang on it yet (a survey or reminders need a completed check): two queries less.
   */
  const resultOf = async (row: SubmissionRow, known?: Snapshot, fresh = false) => {
    const { questionnaire, tips } = known ?? (await snapshot());
    const result = row.result ?? scoreFor(questionnaire, row);
    const recommendations = recommend(tips, result, row.sizeClass, config().recommendationsLimit);
    const dimensionKeys = result.dimensions.map((dimension) => dimension.key);
    return {
      ...result,
      bandLabels: config().bandLabels,
      thresholds: config().thresholds,
      recommendations: recommendations.map(({ id, title, summary, effort, dimension, url }) => ({
        id,
        title,
        summary,
        effort,
        dimension,
        url: url ?? null,
      })),
      regionalAverage: await regionalAverage(row, dimensionKeys),
      // whether the company asked for reminder mails (and confirmed)
      reminders: fresh
        ? { available: plugin().service('reminders').available(), status: 'none' }
        : await plugin().service('reminders').statusFor(row.documentId),
      // the employees' survey: its state, and figures per dimension from k responses on
      survey: fresh ? null : await plugin().service('surveys').forCheck(row.documentId, result),
      // the measures the company took on, with overdue marks
      plan: planView(storedPlan(row.plan), officeToday()),
      // the change since the company's previous check and the trend over its checks
      ...((await plugin().service('series').progressFor(row, result)) as Progress),
    };
  };

  const publicView = async (
    token: string | null,
    row: SubmissionRow,
    known?: Snapshot,
    fresh = false
  ) => ({
    ...(token ? { token } : {}),
    status: row.status,
    questionnaireVersion: row.questionnaireVersion,
    profile: {
      sector: row.sector,
      sizeClass: row.sizeClass,
      municipality: row.municipality,
      trainsApprentices: row.trainsApprentices,
    },
    answers: row.answers ?? {},
    consentStatistics: row.consentStatistics,
    completedAt: row.completedAt,
    ...(row.status === 'complete' ? { result: await resultOf(row, known, fresh) } : {}),
  });

  const completionData = (
    questionnaire: ActiveQuestionnaire,
    row: Pick<SubmissionRow, 'answers' | 'trainsApprentices'>
  ) => {
    const result = scoreFor(questionnaire, row);
    return { status: 'complete', completedAt: new Date(), result, total: result.total };
  };

  return {
    activeQuestionnaire,

    /** A draft or a completed check; a filled honeypot looks the same and stores nothing. */
    async create(input: SubmissionInput, { honeypot }: { honeypot: boolean }) {
      const known = await snapshot();
      const { questionnaire } = known;
      if (input.questionnaireVersion && input.questionnaireVersion !== questionnaire.version) {
        throw new ConflictError(
          `Der Fragebogen wurde inzwischen aktualisiert (Version ${questionnaire.version}). Bitte laden Sie die Seite neu und beginnen Sie den Check erneut.`
        );
      }
      const token = createSubmissionToken();
      if (honeypot) return { token, status: input.complete ? 'complete' : 'draft' };
      const profile = input.profile!;
      // One transaction up to the answer: if the database fails before the company has its
      // token, nothing stays behind (no orphan that would count in the statistics).
      return atomically(strapi, async () => {
        await checkMunicipality(profile.municipality);
        const base = {
          tokenHash: hashSubmissionToken(token),
          questionnaireVersion: questionnaire.version,
          sector: profile.sector,
          sizeClass: profile.sizeClass,
          municipality: profile.municipality ?? null,
          trainsApprentices: profile.trainsApprentices,
          answers: input.answers,
          consentStatistics: input.consentStatistics,
        };
        const data = input.complete
          ? { ...base, ...completionData(questionnaire, base) }
          : { ...base, status: 'draft' };
        const created = (await rows().create({ data })) as SubmissionRow;
        return publicView(token, created, known, true);
      });
    },

    /** Continues a check: more answers, changed profile, or completion (which scores it). */
    async update(token: unknown, input: SubmissionInput) {
      // read before the transaction: the stamp query runs on the connection pool, not in it
      const known = await snapshot();
      const { questionnaire } = known;
      return atomically(strapi, async () => {
        const row = await find(token);
        if (row.questionnaireVersion !== questionnaire.version) {
          throw new ConflictError(
            `Diese Teilnahme gehört zu Version ${row.questionnaireVersion} des Fragebogens; aktiv ist Version ${questionnaire.version}. Bitte beginnen Sie einen neuen Check.`
          );
        }
        const profile = input.profile;
        if (profile) await checkMunicipality(profile.municipality);
        const trainsApprentices = profile?.trainsApprentices ?? row.trainsApprentices;
        const answers: Answers = { ...(row.answers ?? {}), ...input.answers };
        if (!trainsApprentices) {
          // Answers to questions that no longer apply are dropped, not kept silently.
          for (const question of questionnaire.questions) {
            if (question.onlyIfTrainsApprentices) delete answers[question.id];
          }
        }
        const base = {
          ...(profile
            ? {
                sector: profile.sector,
                sizeClass: profile.sizeClass,
                municipality: profile.municipality ?? null,
                trainsApprentices: profile.trainsApprentices,
              }
            : {}),
          answers,
          consentStatistics: input.consentStatistics,
        };
        const complete = input.complete || row.status === 'complete';
        const data = complete
          ? { ...base, ...completionData(questionnaire, { answers, trainsApprentices }) }
          : base;
        const updated = (await rows().update({ where: { id: row.id }, data })) as SubmissionRow;
        return publicView(null, updated, known, row.status === 'draft');
      });
    },

    async get(token: unknown) {
      return publicView(null, await find(token));
    },

    async remove(token: unknown) {
      const row = await find(token);
      await deleteDependents(strapi, [row.documentId]);
      await rows().delete({ where: { id: row.id } });
      await notifyDeleted(strapi, [row.documentId]);
    },

    /**
     * The stable key (documentId) of the completed check a token opens, or null (unknown
     * token, or not completed yet). For the app, e.g. to link a result to something else.
     */
    async completedKey(token: unknown): Promise<string | null> {
      if (!looksLikeToken(token)) return null;
      const row = (await rows().findOne({
        where: { tokenHash: hashSubmissionToken(token), status: 'complete' },
        select: ['documentId'],
      })) as Pick<SubmissionRow, 'documentId'> | null;
      return row?.documentId ?? null;
    },

    /**
     * For completed checks by key: when each was completed and every fitting tip, best first
     * (the result page's rules: dimension, band, size class, effort; no limit). Keys of checks
     * that no longer exist are left out.
     */
    async rankedTips(keys: string[]): Promise<Map<string, { at: string; ranked: string[] }>> {
      const ranked = new Map<string, { at: string; ranked: string[] }>();
      if (keys.length === 0) return ranked;
      const candidates = await tipCandidates();
      for (let start = 0; start < keys.length; start += 500) {
        const found = (await rows().findMany({
          where: { documentId: { $in: keys.slice(start, start + 500) }, status: 'complete' },
          select: ['documentId', 'sizeClass', 'result', 'completedAt'],
        })) as Pick<SubmissionRow, 'documentId' | 'sizeClass' | 'result' | 'completedAt'>[];
        for (const row of found) {
          if (!row.result) continue;
          ranked.set(row.documentId, {
            at: row.completedAt ? new Date(row.completedAt).toISOString() : '',
            ranked: recommend(candidates, row.result, row.sizeClass, Infinity).map((tip) => tip.id),
          });
        }
      }
      return ranked;
    },

    /** The fields of a made-up profile (e.g. for editors' previews), with German labels. */
    async profileFields() {
      const questionnaire = await activeQuestionnaire();
      const settings = config();
      return [
        {
          name: 'weakest',
          label: 'Schwächste Handlungsfelder (schwächstes zuerst)',
          multiple: true,
          options: questionnaire.dimensions.map((dimension) => ({
            value: dimension.key,
            label: dimension.name,
          })),
        },
        {
          name: 'band',
          label: 'Ampel dieser Handlungsfelder',
          options: (['rot', 'gelb'] as const).map((band) => ({
            value: band,
            label: settings.bandLabels[band],
          })),
        },
        {
          name: 'sizeClass',
          label: 'Betriebsgröße',
          options: Object.entries(settings.sizeClasses).map(([value, label]) => ({ value, label })),
        },
      ];
    },

    /** Fitting tips for a made-up profile (fields of `profileFields`), best first. */
    async rankedTipsForProfile(values: Record<string, string[]>): Promise<string[]> {
      const questionnaire = await activeQuestionnaire();
      const known = new Set(questionnaire.dimensions.map((dimension) => dimension.key));
      const weakest = (values.weakest ?? []).filter((key) => known.has(key)).slice(0, 3);
      const band = (['rot', 'gelb'] as const).find((entry) => entry === values.band?.[0]) ?? 'rot';
      const result = {
        weaknesses: weakest,
        dimensions: questionnaire.dimensions.map((dimension) => ({
          key: dimension.key,
          band: weakest.includes(dimension.key) ? band : ('gruen' as const),
        })),
      } as unknown as Pick<ScoreResult, 'dimensions' | 'weaknesses'>;
      // Without a size class, tips for any size fit.
      const sizeClass = values.sizeClass?.[0];
      const candidates = (await tipCandidates()).map((tip) =>
        sizeClass ? tip : { ...tip, sizeClasses: [] }
      );
      return recommend(candidates, result, sizeClass ?? '', Infinity).map((tip) => tip.id);
    },

    async report(token: unknown): Promise<Buffer> {
      const row = await find(token);
      if (row.status !== 'complete')
        throw new ConflictError(
          'Der Bericht steht zur Verfügung, sobald der Check abgeschlossen ist.'
        );
      const result = await resultOf(row);
      const name = (key: string) =>
        result.dimensions.find((dimension) => dimension.key === key)?.name ?? key;
      const settings = config();
      let municipality: string | null = null;
      if (row.municipality && settings.municipalities) {
        const found = await strapi.db
          .query(settings.municipalities.uid as never)
          .findOne({ where: { documentId: row.municipality } });
        municipality = (found?.[settings.municipalities.labelField] as string) ?? null;
      }
      return renderReport({
        title: settings.report.title,
        publisher: settings.report.publisher,
        date: row.completedAt ? new Date(row.completedAt) : new Date(),
        profile: {
          sector: settings.sectors[row.sector]
            ? `${row.sector} – ${settings.sectors[row.sector]}`
            : row.sector,
          sizeClass: settings.sizeClasses[row.sizeClass] ?? row.sizeClass,
          municipality,
          trainsApprentices: row.trainsApprentices,
        },
        total: result.total,
        dimensions: result.dimensions.map(({ key, name: dimensionName, score: value, band }) => ({
          key,
          name: dimensionName,
          score: value,
          band,
        })),
        strengths: result.strengths.map(name),
        fieldsForAction: result.weaknesses.map(name),
        tips: result.recommendations.map((tip) => ({
          title: tip.title,
          summary: tip.summary,
          effort: (['gering', 'mittel', 'hoch'].includes(tip.effort) ? tip.effort : 'mittel') as
            'gering' | 'mittel' | 'hoch',
          dimension: name(tip.dimension),
          url: tip.url,
        })),
        bandLabels: settings.bandLabels,
        footerNote: settings.report.footerNote,
        plan: result.plan.measures.map((measure) => ({
          title: measure.title,
          dimension: measure.dimension ? name(measure.dimension) : '',
          targetDate: measure.targetDate ? germanDay(measure.targetDate) : null,
          done: measure.done,
          overdue: measure.overdue,
        })),
        // the employees' figures only as far as k allows (the survey service never gives more)
        survey: result.survey
          ? {
              link: result.survey.link,
              open: result.survey.open,
              endsOn: germanDay(result.survey.endsOn),
              responses: result.survey.responses,
              k: result.survey.k,
              missing: result.survey.missing,
              dimensions:
                result.survey.dimensions?.map(
                  (entry: {
                    name: string;
                    management: number | null;
                    employees: number | null;
                    band: 'rot' | 'gelb' | 'gruen' | null;
                    gap: number | null;
                  }) => ({
                    name: entry.name,
                    management: entry.management,
                    employees: entry.employees,
                    band: entry.band,
                    gap: entry.gap,
                  })
                ) ?? null,
            }
          : null,
        comparison: result.comparison
          ? {
              ...result.comparison,
              previousDate: germanDay(result.comparison.previousCompletedOn),
            }
          : null,
      });
    },
  };
};

export const toStatisticsRow = (
  row: Pick<
    SubmissionRow,
    'sector' | 'sizeClass' | 'municipality' | 'completedAt' | 'result' | 'total'
  >
): StatisticsRow => ({
  sector: row.sector,
  sizeClass: row.sizeClass,
  municipality: row.municipality,
  month: row.completedAt ? new Date(row.completedAt).toISOString().slice(0, 7) : '',
  total: row.total === null || row.total === undefined ? null : Number(row.total),
  scores: Object.fromEntries(
    (row.result?.dimensions ?? []).map((dimension) => [dimension.key, dimension.score])
  ),
});
