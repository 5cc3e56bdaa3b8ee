/**
 * A company's checks over time. From a completed check the company starts a re-check (the
 * profile taken over, the answers empty); its result then shows the change since the previous
 * check and the trend over all of them.
 *
 * The checks of one company are linked by a company token: 192 random bits, handed out once
 * with the company's first re-check; only its SHA-256 hash is stored on each check of the
 * series (`companyKeyHash`, private). A check token opens one check and lets the company start
 * the next; the company token deletes the whole series. Nothing else links the checks: no
 * account, no personal data.
 */
import type { Core } from '@strapi/strapi';
import { atomically, ConflictError } from '@bildungsbuero/strapi-server-kit';
import { compareResults, progressOf, type CheckInSeries, type Progress } from '../lib/progress';
import type { ScoreResult } from '../lib/scoring';
import { createSubmissionToken, hashSubmissionToken, looksLikeToken } from '../lib/tokens';
import { deleteDependents, notFound, notifyDeleted, SUBMISSION } from './submissions';

interface SeriesRow {
  id: number;
  documentId: string;
  status: 'draft' | 'complete';
  companyKeyHash: string | null;
  sector: string;
  sizeClass: string;
  municipality: string | null;
  trainsApprentices: boolean;
  completedAt: string | null;
  result: ScoreResult | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(SUBMISSION);
  const submissions = () => strapi.plugin('employer-check').service('submissions');

  const byToken = async (token: unknown): Promise<SeriesRow> => {
    if (!looksLikeToken(token)) throw notFound();
    const row = (await rows().findOne({
      where: { tokenHash: hashSubmissionToken(token) },
    })) as SeriesRow | null;
    if (!row) throw notFound();
    return row;
  };

  return {
    /**
     * A new draft check with the profile of the completed check `token` opens, in the same
     * series. Returns the new check (with its token) and, when this starts the series, the
     * company token.
     */
    async recheck(token: unknown) {
      const { version } = await submissions().activeQuestionnaire();
      const next = createSubmissionToken();
      const { companyToken } = await atomically(strapi, async () => {
        const source = await byToken(token);
        if (source.status !== 'complete') {
          throw new ConflictError(
            'Ein neuer Check kann beginnen, sobald dieser Check abgeschlossen ist.'
          );
        }
        let issued: string | null = null;
        let companyKeyHash = source.companyKeyHash;
        if (!companyKeyHash) {
          issued = createSubmissionToken();
          companyKeyHash = hashSubmissionToken(issued);
          await rows().update({ where: { id: source.id }, data: { companyKeyHash } });
        }
        await rows().create({
          data: {
            tokenHash: hashSubmissionToken(next),
            companyKeyHash,
            status: 'draft',
            questionnaireVersion: version,
            sector: source.sector,
            sizeClass: source.sizeClass,
            municipality: source.municipality,
            trainsApprentices: source.trainsApprentices,
            answers: {},
            consentStatistics: false,
          },
        });
        return { companyToken: issued };
      });
      const view = await submissions().get(next);
      return { token: next, ...(companyToken ? { companyToken } : {}), ...view };
    },

    /**
     * For a completed check: the comparison with the check of the same series completed before
     * it (null for the first or a check alone) and the trend over the series' completed checks.
     */
    async progressFor(
      row: { id: number; completedAt: string | null; companyKeyHash?: string | null },
      result: ScoreResult
    ): Promise<Progress> {
      const self: CheckInSeries = {
        id: row.id,
        completedAt: row.completedAt ?? new Date(),
        result,
      };
      const series: CheckInSeries[] = row.companyKeyHash
        ? (
            (await rows().findMany({
              where: { companyKeyHash: row.companyKeyHash, status: 'complete' },
              select: ['id', 'completedAt', 'result'],
            })) as SeriesRow[]
          )
            .filter((check) => check.id !== row.id && check.result && check.completedAt)
            .map<CheckInSeries>((check) => ({
              id: check.id,
              completedAt: check.completedAt!,
              result: check.result!,
            }))
            .concat(self)
        : [self];
      const { previous, trend } = progressOf(row.id, series);
      return { comparison: previous ? compareResults(previous, result) : null, trend };
    },

    /** Deletes every check of the series `companyToken` belongs to; 404 when there is none. */
    async removeCompany(companyToken: unknown) {
      if (!looksLikeToken(companyToken)) throw notFound();
      const companyKeyHash = hashSubmissionToken(companyToken);
      const members = (await rows().findMany({
        where: { companyKeyHash },
        select: ['id', 'documentId'],
      })) as Pick<SeriesRow, 'id' | 'documentId'>[];
      if (members.length === 0) throw notFound();
      // the surveys and their answers first: a failure here leaves the checks to try again
      await deleteDependents(
        strapi,
        members.map((member) => member.documentId)
      );
      await rows().deleteMany({ where: { companyKeyHash } });
      await notifyDeleted(
        strapi,
        members.map((member) => member.documentId)
      );
      return { deleted: members.length };
    },
  };
};
