/**
 * A company's checks over time: the re-check from a completed check (profile taken over,
 * answers empty), the change per dimension and the trend in the result, and deleting every
 * check by the company token.
 */
import request from 'supertest';
import { parsePdf } from '../../../plugins/employer-check/server/tests/pdf-text';
import { activeQuestions, type CheckQuestion, weakAnswers } from '../../helpers/employer-check';
import { binaryBody } from '../../helpers/http';
import { getStrapi } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;
const SUBMISSION = 'plugin::employer-check.submission';
const API = '/api/employer-check';

let questions: CheckQuestion[] = [];
const profile = { sector: 'G', sizeClass: 'medium', trainsApprentices: true };

const completeCheck = async (weak: string[]) => {
  const created = await request(server())
    .post(`${API}/submissions`)
    .send({
      profile,
      answers: weakAnswers(questions, weak),
      complete: true,
      consentStatistics: false,
    })
    .expect(201);
  return created.body.token as string;
};

interface Change {
  key: string;
  score: number | null;
  previousScore: number | null;
  delta: number | null;
  direction: string | null;
}

describe('employer self-check: re-check over time', () => {
  beforeAll(async () => {
    questions = await activeQuestions();
  });

  it('a check alone has no comparison and a trend of one', async () => {
    const token = await completeCheck(['fuehrung']);
    const result = (await request(server()).get(`${API}/submissions/${token}`).expect(200)).body
      .result;
    expect(result.comparison).toBeNull();
    expect(result.trend).toHaveLength(1);
    expect(result.trend[0]).toMatchObject({ current: true, total: result.total });
  });

  it('re-checks: profile taken over, answers empty, the change and the trend in the result; the company token deletes them all', async () => {
    const first = await completeCheck(['fuehrung', 'verguetung']);
    const before = await getStrapi().db.query(SUBMISSION).count();

    const recheck = await request(server()).post(`${API}/submissions/${first}/recheck`).expect(201);
    expect(recheck.headers['cache-control']).toBe('no-store');
    expect(recheck.body).toMatchObject({ status: 'draft', answers: {}, profile });
    expect(recheck.body.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(recheck.body.companyToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(recheck.body.token).not.toBe(first);
    expect(await getStrapi().db.query(SUBMISSION).count()).toBe(before + 1);
    // only hashes are stored
    const stored = JSON.stringify(await getStrapi().db.query(SUBMISSION).findMany());
    expect(stored).not.toContain(recheck.body.companyToken);

    // the second check: leadership better, pay still weak, onboarding now weak
    const second = recheck.body.token as string;
    const done = await request(server())
      .put(`${API}/submissions/${second}`)
      .send({
        answers: weakAnswers(questions, ['verguetung', 'onboarding']),
        complete: true,
        consentStatistics: false,
      })
      .expect(200);
    const { comparison, trend } = done.body.result;
    const byKey = Object.fromEntries(
      (comparison.dimensions as Change[]).map((entry) => [entry.key, entry])
    );
    expect(byKey.fuehrung).toMatchObject({
      previousScore: 0,
      score: 100,
      delta: 100,
      direction: 'up',
    });
    expect(byKey.verguetung).toMatchObject({
      previousScore: 0,
      score: 0,
      delta: 0,
      direction: 'same',
    });
    expect(byKey.onboarding).toMatchObject({
      previousScore: 100,
      score: 0,
      delta: -100,
      direction: 'down',
    });
    expect(comparison.previousCompletedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(comparison.totalDelta).toBeCloseTo(comparison.total - comparison.previousTotal, 0);
    expect(trend.map((point: { current: boolean }) => point.current)).toEqual([false, true]);
    expect(trend[0].scores.fuehrung).toBe(0);
    expect(trend[1].scores.fuehrung).toBe(100);

    // the PDF report shows the comparison with the earlier check's date
    const pdf = await request(server())
      .get(`${API}/submissions/${second}/report.pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const text = (await parsePdf(pdf.body as Buffer)).text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Veränderung seit dem Check vom \d{2}\.\d{2}\.\d{4}/);

    // the first check's result: no earlier check, but the series' trend
    const firstResult = (await request(server()).get(`${API}/submissions/${first}`).expect(200))
      .body.result;
    expect(firstResult.comparison).toBeNull();
    expect(firstResult.trend.map((point: { current: boolean }) => point.current)).toEqual([
      true,
      false,
    ]);

    // a third check from the second: same series, no new company token
    const third = await request(server()).post(`${API}/submissions/${second}/recheck`).expect(201);
    expect(third.body.companyToken).toBeUndefined();

    // the company token deletes every check of the series, drafts included
    await request(server()).delete(`${API}/companies/${recheck.body.companyToken}`).expect(204);
    for (const token of [first, second, third.body.token])
      await request(server()).get(`${API}/submissions/${token}`).expect(404);
    await request(server()).delete(`${API}/companies/${recheck.body.companyToken}`).expect(404);
    expect(await getStrapi().db.query(SUBMISSION).count()).toBe(before - 1);
  });

  it('a company that re-checked counts once in the statistics and the regional comparison', async () => {
    const rare = { sector: 'U', sizeClass: 'large', trainsApprentices: true };
    const check = async () =>
      (
        await request(server())
          .post(`${API}/submissions`)
          .send({
            profile: rare,
            answers: weakAnswers(questions, ['fuehrung']),
            complete: true,
            consentStatistics: true,
          })
          .expect(201)
      ).body.token as string;
    const tokens = [await check(), await check(), await check(), await check()];
    const first = await check();
    const again = (await request(server()).post(`${API}/submissions/${first}/recheck`).expect(201))
      .body;
    // 4 companies and a fifth one twice: 6 checks, 5 companies (k = 5)
    const second = await request(server())
      .put(`${API}/submissions/${again.token}`)
      .send({ answers: weakAnswers(questions, []), complete: true, consentStatistics: true })
      .expect(200);
    const summary = await getStrapi()
      .plugin('employer-check')
      .service('statistics')
      .summary({ sector: 'U', sizeClass: 'large' });
    expect(summary.overall).toMatchObject({ suppressed: false, count: 5 });
    expect(second.body.result.regionalAverage).toMatchObject({ available: true, count: 5 });
    for (const token of tokens) await request(server()).delete(`${API}/submissions/${token}`);
    await request(server()).delete(`${API}/companies/${again.companyToken}`).expect(204);
  });

  it('a draft cannot be re-checked (409); unknown tokens are 404; nothing is stored', async () => {
    const draft = await request(server())
      .post(`${API}/submissions`)
      .send({ profile, answers: {}, complete: false })
      .expect(201);
    const before = await getStrapi().db.query(SUBMISSION).count();
    const refused = await request(server())
      .post(`${API}/submissions/${draft.body.token}/recheck`)
      .expect(409);
    expect(refused.body.error.message).toContain('abgeschlossen');
    await request(server())
      .post(`${API}/submissions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/recheck`)
      .expect(404);
    await request(server()).post(`${API}/submissions/kurz/recheck`).expect(404);
    // a check token is not a company token
    await request(server()).delete(`${API}/companies/${draft.body.token}`).expect(404);
    await request(server()).delete(`${API}/companies/kurz`).expect(404);
    expect(await getStrapi().db.query(SUBMISSION).count()).toBe(before);
    await request(server()).delete(`${API}/submissions/${draft.body.token}`).expect(204);
  });
});
