/**
 * A company's action plan on a completed check: recommended tips taken on as measures, with
 * target dates and done marks (rules in lib/plan.ts). Stored on the check itself, so deleting
 * the check (or the company's series) deletes its plan.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { atomically, ConflictError } from '@bildungsbuero/strapi-server-kit';
import { officeToday } from '../lib/days';
import { applyPlan, storedPlan, type MeasureInput } from '../lib/plan';
import { hashSubmissionToken } from '../lib/tokens';
import { getService } from '../utils/get-service';
import { notFound, SUBMISSION } from './submissions';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Replaces the plan of the check `token` opens; returns the check as `GET` shows it. */
  async update(token: unknown, measures: MeasureInput[]) {
    // 404 for unknown tokens; the current recommendations come with the result
    const view = await getService(strapi, 'submissions').get(token);
    if (view.status !== 'complete' || !view.result) {
      throw new ConflictError('Einen Maßnahmenplan gibt es, sobald der Check abgeschlossen ist.');
    }
    const recommended = view.result.recommendations.map(({ id, title, dimension }) => ({
      id,
      title,
      dimension,
    }));
    await atomically(strapi, async () => {
      const row = (await strapi.db.query(SUBMISSION).findOne({
        where: { tokenHash: hashSubmissionToken(token as string) },
        select: ['id', 'plan'],
      })) as { id: number; plan: unknown } | null;
      if (!row) throw notFound();
      const { plan, issues } = applyPlan(
        measures,
        storedPlan(row.plan),
        recommended,
        officeToday()
      );
      if (issues.length) {
        throw new errors.ValidationError(issues[0].message, {
          // string segments, as Strapi's zod validation gives them
          errors: issues.map(({ path, message }) => ({
            path: path.map(String),
            message,
            name: 'ValidationError',
          })),
        });
      }
      await strapi.db.query(SUBMISSION).update({ where: { id: row.id }, data: { plan } });
    });
    return getService(strapi, 'submissions').get(token);
  },
});
