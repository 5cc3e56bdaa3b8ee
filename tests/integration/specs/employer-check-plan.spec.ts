/**
 * The action plan: recommended tips taken on as measures, target dates, done marks; in the
 * result and the PDF; bad plans refused with the field named and nothing stored.
 */
import request from 'supertest';
import { parsePdf } from '../../../plugins/employer-check/server/tests/pdf-text';
import { activeQuestions, type CheckQuestion, weakAnswers } from '../../helpers/employer-check';
import { binaryBody } from '../../helpers/http';
import { getStrapi } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;
const API = '/api/employer-check';
const profile = { sector: 'C', sizeClass: 'small', trainsApprentices: true };

let questions: CheckQuestion[] = [];

interface Recommendation {
  id: string;
  title: string;
  dimension: string;
}

const inDays = (days: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(date);
};

const completeCheck = async () => {
  const created = await request(server())
    .post(`${API}/submissions`)
    .send({
      profile,
      answers: weakAnswers(questions, ['fuehrung', 'verguetung', 'gesundheit']),
      complete: true,
      consentStatistics: false,
    })
    .expect(201);
  return {
    token: created.body.token as string,
    recommendations: created.body.result.recommendations as Recommendation[],
  };
};

const putPlan = (token: string, body: unknown) =>
  request(server())
    .put(`${API}/submissions/${token}/plan`)
    .send(body as object);

const storedPlan = async (token: string) =>
  (await request(server()).get(`${API}/submissions/${token}`).expect(200)).body.result.plan;

describe('employer self-check: action plan', () => {
  beforeAll(async () => {
    questions = await activeQuestions();
  });

  it('a completed check starts with an empty plan; recommended tips become measures with dates and done marks', async () => {
    const { token, recommendations } = await completeCheck();
    expect(recommendations.length).toBeGreaterThanOrEqual(2);
    expect(await storedPlan(token)).toEqual({ measures: [], done: 0, open: 0, overdue: 0 });

    const [first, second] = recommendations;
    const saved = await putPlan(token, {
      measures: [
        { tip: first.id, targetDate: inDays(60) },
        { tip: second.id, done: true },
      ],
    }).expect(200);
    expect(saved.headers['cache-control']).toBe('no-store');
    const plan = saved.body.result.plan;
    expect(plan).toMatchObject({ done: 1, open: 1, overdue: 0 });
    expect(plan.measures).toEqual([
      {
        tip: first.id,
        title: first.title,
        dimension: first.dimension,
        targetDate: inDays(60),
        done: false,
        doneOn: null,
        overdue: false,
      },
      {
        tip: second.id,
        title: second.title,
        dimension: second.dimension,
        targetDate: null,
        done: true,
        doneOn: inDays(0),
        overdue: false,
      },
    ]);
    expect(await storedPlan(token)).toEqual(plan);

    // the PDF report carries the plan
    const pdf = await request(server())
      .get(`${API}/submissions/${token}/report.pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const text = (await parsePdf(pdf.body as Buffer)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Ihr Maßnahmenplan');
    expect(text).toContain(first.title.slice(0, 20));
    expect(text).toContain(inDays(60).split('-').reverse().join('.'));
    expect(text).toContain('1 von 2 Maßnahmen erledigt.');

    // an empty list clears the plan
    await putPlan(token, { measures: [] }).expect(200);
    expect((await storedPlan(token)).measures).toEqual([]);
  });

  it('refuses tips that are not recommended, dates in the past and malformed plans, naming the field; nothing is stored', async () => {
    const { token, recommendations } = await completeCheck();
    await putPlan(token, { measures: [{ tip: recommendations[0].id }] }).expect(200);
    const before = await storedPlan(token);

    const refusals: [unknown, string[]][] = [
      [{ measures: [{ tip: 'keinEmpfohlenerTipp' }] }, ['measures', '0', 'tip']],
      [
        { measures: [{ tip: recommendations[0].id, targetDate: inDays(-1) }] },
        ['measures', '0', 'targetDate'],
      ],
      [
        { measures: [{ tip: recommendations[0].id }, { tip: recommendations[0].id }] },
        ['measures', '1', 'tip'],
      ],
      [
        { measures: [{ tip: recommendations[0].id, targetDate: '2027-02-30' }] },
        ['measures', '0', 'targetDate'],
      ],
      [{ measures: [{ tip: recommendations[0].id, done: 'ja' }] }, ['measures', '0', 'done']],
      [{ measures: 'alle' }, ['measures']],
      [{}, ['measures']],
    ];
    for (const [body, path] of refusals) {
      const response = await putPlan(token, body).expect(400);
      expect(response.body.error.name).toBe('ValidationError');
      expect(response.body.error.details.errors[0].path).toEqual(path);
    }
    expect(await storedPlan(token)).toEqual(before);
  });

  it('unknown tokens are 404 and an unfinished check has no plan (409)', async () => {
    await putPlan('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { measures: [] }).expect(404);
    await putPlan('kurz', { measures: [] }).expect(404);
    const draft = await request(server())
      .post(`${API}/submissions`)
      .send({ profile, answers: {}, complete: false })
      .expect(201);
    const refused = await putPlan(draft.body.token, { measures: [] }).expect(409);
    expect(refused.body.error.message).toContain('abgeschlossen');
    await request(server()).delete(`${API}/submissions/${draft.body.token}`).expect(204);
  });
});
