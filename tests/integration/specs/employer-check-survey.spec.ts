/**
 * The employees' survey: started from a completed check, answered anonymously, figures per
 * dimension only from k answers on, the gap to the company's own view, closing, one answer per
 * device (signed cookie), the office's statistics, deletion with the check.
 */
import request from 'supertest';
import { parsePdf } from '../../../plugins/employer-check/server/tests/pdf-text';
import { activeQuestions, type CheckQuestion, weakAnswers } from '../../helpers/employer-check';
import { binaryBody } from '../../helpers/http';
import { getStrapi } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;
const API = '/api/employer-check';
const SURVEY = 'plugin::employer-check.survey';
const RESPONSE = 'plugin::employer-check.survey-response';
const profile = { sector: 'F', sizeClass: 'medium', trainsApprentices: true };

interface SurveyQuestion {
  documentId: string;
  reverse: boolean;
  dimension: { key: string };
}

let questions: CheckQuestion[] = [];
let surveyQuestions: SurveyQuestion[] = [];

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format();
const inDays = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
    new Date(Date.now() + days * 86_400_000)
  );

const completeCheck = async (weak: string[], consentStatistics = false) => {
  const created = await request(server())
    .post(`${API}/submissions`)
    .send({ profile, answers: weakAnswers(questions, weak), complete: true, consentStatistics })
    .expect(201);
  return created.body.token as string;
};

/** Every statement answered `value` (reverse statements mirrored: the same score everywhere). */
const employeeAnswers = (value: number) =>
  Object.fromEntries(
    surveyQuestions.map((question) => [question.documentId, question.reverse ? 6 - value : value])
  );

const respond = (surveyId: string, answers: unknown) =>
  request(server()).post(`${API}/surveys/${surveyId}/responses`).send({ answers });

const resultOf = async (token: string) =>
  (await request(server()).get(`${API}/submissions/${token}`).expect(200)).body.result;

describe('employer self-check: employee survey', () => {
  beforeAll(async () => {
    questions = await activeQuestions();
    const active = await getStrapi()
      .db.query('plugin::employer-check.survey-questionnaire')
      .findOne({ where: { active: true } });
    surveyQuestions = (await getStrapi()
      .db.query('plugin::employer-check.survey-question')
      .findMany({
        where: { questionnaire: active.id },
        populate: { dimension: true },
      })) as SurveyQuestion[];
  });

  it('the default survey has the 8 dimensions of the check with 3–4 statements each', async () => {
    const byDimension = new Map<string, number>();
    for (const question of surveyQuestions)
      byDimension.set(question.dimension.key, (byDimension.get(question.dimension.key) ?? 0) + 1);
    expect(byDimension.size).toBe(8);
    for (const count of byDimension.values()) {
      expect(count).toBeGreaterThanOrEqual(3);
      expect(count).toBeLessThanOrEqual(4);
    }
  });

  it('starts from a completed check; figures only from k answers on, then the gap per dimension; PDF and deletion', async () => {
    // the company sees itself strong everywhere except leadership
    const token = await completeCheck(['fuehrung']);
    const started = await request(server())
      .post(`${API}/submissions/${token}/surveys`)
      .send({})
      .expect(201);
    expect(started.headers['cache-control']).toBe('no-store');
    const survey = started.body;
    expect(survey).toMatchObject({
      open: true,
      endsOn: inDays(28),
      closedOn: null,
      responses: 0,
      k: 5,
      available: false,
      missing: 5,
      dimensions: null,
    });
    expect(survey.surveyId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(survey.manageToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(survey.link).toMatch(/\/selbstcheck\/befragung\/\?id=/);
    expect(survey.link).toContain(survey.surveyId);
    const stored = JSON.stringify(await getStrapi().db.query(SURVEY).findMany());
    expect(stored).not.toContain(survey.manageToken);

    // a second survey of the same check: 409
    await request(server()).post(`${API}/submissions/${token}/surveys`).send({}).expect(409);

    // what employees see
    const form = (await request(server()).get(`${API}/surveys/${survey.surveyId}`).expect(200)).body
      .data;
    expect(form).toMatchObject({ surveyId: survey.surveyId, open: true, endsOn: inDays(28) });
    expect(form.dimensions).toHaveLength(8);
    expect(form.questions.length).toBe(surveyQuestions.length);
    expect(form.questions[0]).not.toHaveProperty('reverse');
    expect(form.scale).toHaveLength(6);

    // four answers: still nothing but the count, in the result, the management view and the PDF
    for (let i = 0; i < 4; i += 1) {
      const answered = await respond(survey.surveyId, employeeAnswers(2)).expect(201);
      expect(answered.body).toEqual({ surveyId: survey.surveyId, received: true });
    }
    let result = await resultOf(token);
    expect(result.survey).toMatchObject({
      responses: 4,
      available: false,
      missing: 1,
      dimensions: null,
    });
    const managed = await request(server())
      .get(`${API}/surveys/manage/${survey.manageToken}`)
      .expect(200);
    expect(managed.body).toMatchObject({ responses: 4, available: false, dimensions: null });
    const pdfText = async () => {
      const pdf = await request(server())
        .get(`${API}/submissions/${token}/report.pdf`)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      return (await parsePdf(pdf.body as Buffer)).text.replace(/\s+/g, ' ');
    };
    let text = await pdfText();
    expect(text).toContain('Sicht der Beschäftigten');
    expect(text).toContain('es fehlen noch 1');
    expect(text).toContain(survey.link.slice(0, 30));
    expect(text).not.toContain('(Betrieb sieht sich besser)');

    // the fifth answer: means per dimension (2 → 25 points) and the gap to the company's view
    await respond(survey.surveyId, employeeAnswers(2)).expect(201);
    result = await resultOf(token);
    expect(result.survey).toMatchObject({ responses: 5, available: true, missing: 0 });
    const byKey = Object.fromEntries(
      result.survey.dimensions.map((entry: { key: string }) => [entry.key, entry])
    );
    expect(byKey.fuehrung).toMatchObject({
      management: 0,
      employees: 25,
      gap: -25,
      reading: 'employees-higher',
      answered: 5,
    });
    expect(byKey.verguetung).toMatchObject({
      management: 100,
      employees: 25,
      gap: 75,
      reading: 'management-higher',
    });
    text = await pdfText();
    expect(text).toContain('5 Beschäftigte haben geantwortet');
    expect(text).toContain('+75 (Betrieb sieht sich besser)');

    // a sixth answer does not move the figures: they change in steps of k answers
    await respond(survey.surveyId, employeeAnswers(5)).expect(201);
    result = await resultOf(token);
    expect(result.survey.responses).toBe(6);
    expect(
      result.survey.dimensions.find((e: { key: string }) => e.key === 'verguetung')
    ).toMatchObject({ employees: 25 });

    // answers keep the day only: no time, no address
    const rows = await getStrapi()
      .db.query(RESPONSE)
      .findMany({
        where: { surveyPublicId: survey.surveyId },
      });
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.answeredOn).toBe(today());
      expect(new Date(row.createdAt).toISOString()).toBe(`${today()}T00:00:00.000Z`);
      expect(new Date(row.updatedAt).toISOString()).toBe(`${today()}T00:00:00.000Z`);
      expect(Object.keys(row).join(' ')).not.toMatch(/ip|agent|email|name/i);
    }

    // deleting the check deletes the survey and every answer
    await request(server()).delete(`${API}/submissions/${token}`).expect(204);
    expect(
      await getStrapi()
        .db.query(SURVEY)
        .count({ where: { publicId: survey.surveyId } })
    ).toBe(0);
    expect(
      await getStrapi()
        .db.query(RESPONSE)
        .count({ where: { surveyPublicId: survey.surveyId } })
    ).toBe(0);
    await request(server()).get(`${API}/surveys/${survey.surveyId}`).expect(404);
    await request(server()).get(`${API}/surveys/manage/${survey.manageToken}`).expect(404);
  });

  it('one answer per browser: a signed cookie below the survey’s route; a forged one is ignored', async () => {
    const token = await completeCheck([]);
    const { surveyId } = (
      await request(server()).post(`${API}/submissions/${token}/surveys`).send({}).expect(201)
    ).body;
    const agent = request.agent(server());
    const first = await agent
      .post(`${API}/surveys/${surveyId}/responses`)
      .send({ answers: employeeAnswers(4) })
      .expect(201);
    const cookies = ([] as string[]).concat(first.headers['set-cookie'] ?? []);
    const answered = cookies.find((cookie) => cookie.startsWith(`ec_answered_${surveyId}=`));
    expect(answered).toBeDefined();
    expect(answered).toMatch(/httponly/i);
    expect(answered).toMatch(/samesite=strict/i);
    expect(answered).not.toMatch(/path=/i);
    expect(cookies.some((cookie) => cookie.startsWith(`ec_answered_${surveyId}.sig=`))).toBe(true);

    const again = await request(server())
      .post(`${API}/surveys/${surveyId}/responses`)
      .set('Cookie', cookies.map((cookie) => cookie.split(';')[0]).join('; '))
      .send({ answers: employeeAnswers(4) })
      .expect(409);
    expect(again.body.error.message).toContain('schon beantwortet');
    // without the signature the cookie means nothing
    await request(server())
      .post(`${API}/surveys/${surveyId}/responses`)
      .set('Cookie', `ec_answered_${surveyId}=1`)
      .send({ answers: employeeAnswers(4) })
      .expect(201);
    expect(
      await getStrapi()
        .db.query(RESPONSE)
        .count({ where: { surveyPublicId: surveyId } })
    ).toBe(2);
    await request(server()).delete(`${API}/submissions/${token}`).expect(204);
  });

  it('refuses bad answers, unknown and closed surveys, bad end dates, naming the field; unknown tokens are 404', async () => {
    const token = await completeCheck([]);
    const expectField = async (response: request.Response, path: string[]) => {
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual(path);
    };
    // end dates
    await expectField(
      await request(server())
        .post(`${API}/submissions/${token}/surveys`)
        .send({ endsOn: inDays(-1) }),
      ['endsOn']
    );
    await expectField(
      await request(server())
        .post(`${API}/submissions/${token}/surveys`)
        .send({ endsOn: inDays(91) }),
      ['endsOn']
    );
    await expectField(
      await request(server()).post(`${API}/submissions/${token}/surveys`).send({ endsOn: 'bald' }),
      ['endsOn']
    );
    expect(await getStrapi().db.query(SURVEY).count({ where: {} })).toBeGreaterThanOrEqual(0);
    const { surveyId, manageToken } = (
      await request(server())
        .post(`${API}/submissions/${token}/surveys`)
        .send({ endsOn: inDays(7) })
        .expect(201)
    ).body;

    const [first] = surveyQuestions;
    await expectField(await respond(surveyId, { [first.documentId]: 6 }), [
      'answers',
      first.documentId,
    ]);
    await expectField(await respond(surveyId, { [first.documentId]: '4' }), [
      'answers',
      first.documentId,
    ]);
    await expectField(await respond(surveyId, { unbekannt: 3 }), ['answers', 'unbekannt']);
    await expectField(await respond(surveyId, { [first.documentId]: null }), ['answers']);
    await expectField(await respond(surveyId, 'alles gut'), ['answers']);
    await expectField(await respond('AAAAAAAAAAAAAAAAAAAAAA', employeeAnswers(3)), ['surveyId']);
    await expectField(await respond('kurz', employeeAnswers(3)), ['surveyId']);
    expect(
      await getStrapi()
        .db.query(RESPONSE)
        .count({ where: { surveyPublicId: surveyId } })
    ).toBe(0);
    await request(server()).get(`${API}/surveys/AAAAAAAAAAAAAAAAAAAAAA`).expect(404);

    // closed: answers refused, naming the survey; closing again changes nothing
    const closed = await request(server())
      .post(`${API}/surveys/manage/${manageToken}/close`)
      .expect(200);
    expect(closed.body).toMatchObject({ open: false, closedOn: today() });
    await request(server()).post(`${API}/surveys/manage/${manageToken}/close`).expect(200);
    const refused = await respond(surveyId, employeeAnswers(3));
    await expectField(refused, ['surveyId']);
    expect(refused.body.error.message).toContain('beendet');
    expect(
      (await request(server()).get(`${API}/surveys/${surveyId}`).expect(200)).body.data.open
    ).toBe(false);

    // unknown tokens
    await request(server()).get(`${API}/surveys/manage/${token}`).expect(404);
    await request(server()).post(`${API}/surveys/manage/kurz/close`).expect(404);
    await request(server())
      .post(`${API}/submissions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/surveys`)
      .send({})
      .expect(404);
    // an unfinished check has no survey
    const draft = await request(server())
      .post(`${API}/submissions`)
      .send({ profile, answers: {}, complete: false })
      .expect(201);
    await request(server())
      .post(`${API}/submissions/${draft.body.token}/surveys`)
      .send({})
      .expect(409);
    await request(server()).delete(`${API}/submissions/${draft.body.token}`).expect(204);
    await request(server()).delete(`${API}/submissions/${token}`).expect(204);
  });

  it('the office’s statistics add the employees’ view from k companies on; the company token deletes surveys too', async () => {
    const statistics = () =>
      getStrapi().plugin('employer-check').service('statistics').summary({ sector: 'F' });
    const suppressed = { companies: null, responses: null, suppressed: true, dimensions: null };
    // the surveys of the tests above belong to checks without statistics consent
    expect((await statistics()).employees).toEqual(suppressed);
    const tokens: string[] = [];
    for (let company = 0; company < 5; company += 1) {
      const token = await completeCheck([], true);
      tokens.push(token);
      const { surveyId } = (
        await request(server()).post(`${API}/submissions/${token}/surveys`).send({}).expect(201)
      ).body;
      const answers = company < 4 ? 5 : 4;
      for (let i = 0; i < (company < 4 ? 5 : 4); i += 1)
        await respond(surveyId, employeeAnswers(answers)).expect(201);
    }
    // four companies with k answers, one with fewer: suppressed, not even the count shown
    expect((await statistics()).employees).toEqual(suppressed);
    // the fifth company's fifth answer
    const fifth = (await request(server()).get(`${API}/submissions/${tokens[4]}`).expect(200)).body
      .result.survey.surveyId;
    await respond(fifth, employeeAnswers(4)).expect(201);
    const five = (await statistics()).employees;
    expect(five).toMatchObject({ suppressed: false, companies: 5, responses: 25 });
    // four surveys at 100 (all answers 5), one at 75 (all answers 4): each survey weighs the same
    expect(five.dimensions.fuehrung).toBe(95);
    const table = await getStrapi()
      .plugin('employer-check')
      .service('statistics')
      .exportTable({ sector: 'F' });
    const line = table.rows.find((row: unknown[]) => row[0] === 'employees');
    expect(line[2]).toBe('Sicht der Beschäftigten');
    expect(line[3]).toBe(five.companies);

    // a re-check links a series; the company token deletes its checks with their surveys
    const recheck = await request(server())
      .post(`${API}/submissions/${tokens[0]}/recheck`)
      .expect(201);
    await request(server()).delete(`${API}/companies/${recheck.body.companyToken}`).expect(204);
    expect(
      await getStrapi()
        .db.query(SURVEY)
        .count({ where: { publicId: fifth } })
    ).toBe(1);
    for (const token of tokens.slice(1))
      await request(server()).delete(`${API}/submissions/${token}`);
    expect(
      await getStrapi()
        .db.query(SURVEY)
        .count({ where: { publicId: fifth } })
    ).toBe(0);
  });
});
