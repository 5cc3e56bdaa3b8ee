import request from 'supertest';
import { parsePdf } from '../../../plugins/employer-check/server/tests/pdf-text';
import { activeQuestions, type CheckQuestion, weakAnswers } from '../../helpers/employer-check';
import { binaryBody } from '../../helpers/http';
import { createAdminToken, getStrapi } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;
const SUBMISSION = 'plugin::employer-check.submission';

interface Question {
  id: string;
  dimension: string;
  onlyIfTrainsApprentices: boolean;
}

let questionnaire: {
  version: string;
  questions: Question[];
  dimensions: { key: string; name: string }[];
};

let questions: CheckQuestion[] = [];
const answersFor = (weak: string[], options: { trainsApprentices?: boolean } = {}) =>
  weakAnswers(questions, weak, options);

const submit = (body: Record<string, unknown>) =>
  request(server()).post('/api/employer-check/submissions').send(body);
const profile = { sector: 'C', sizeClass: 'small', trainsApprentices: true };

describe('employer self-check', () => {
  beforeAll(async () => {
    const response = await request(server()).get('/api/employer-check/questionnaire').expect(200);
    questionnaire = response.body.data;
    questions = await activeQuestions();
  });

  it('serves the active questionnaire: 8 dimensions, ≥ 36 questions, conditions and the scale', () => {
    expect(questionnaire.dimensions.map((dimension) => dimension.key)).toEqual([
      'fuehrung',
      'verguetung',
      'vereinbarkeit',
      'entwicklung',
      'ausbildung',
      'gesundheit',
      'arbeitgebermarke',
      'onboarding',
    ]);
    expect(questionnaire.questions.length).toBeGreaterThanOrEqual(36);
    expect(questionnaire.questions.some((question) => question.onlyIfTrainsApprentices)).toBe(true);
    const data = questionnaire as unknown as {
      scale: { label: string }[];
      questions: Record<string, unknown>[];
    };
    expect(data.scale.map((entry) => entry.label)).toContain('weiß nicht / keine Angabe');
    expect(data.questions[0]).not.toHaveProperty('reverse');
  });

  it('every dimension has demo tips linked to it', async () => {
    const tips = (await getStrapi()
      .documents('api::employer-tip.employer-tip')
      .findMany({
        status: 'published',
        populate: { checkDimensions: { fields: ['key'] } },
        limit: 100,
      } as never)) as unknown as {
      checkDimensions: { key: string }[];
    }[];
    const served = new Set(
      tips.flatMap((tip) => tip.checkDimensions.map((dimension) => dimension.key))
    );
    for (const dimension of questionnaire.dimensions) expect(served).toContain(dimension.key);
  });

  it('a draft can be saved and resumed, then completed and scored', async () => {
    const all = answersFor(['ausbildung', 'onboarding']);
    const ids = Object.keys(all);
    const firstHalf = Object.fromEntries(ids.slice(0, 10).map((id) => [id, all[id]]));
    const created = await submit({
      profile,
      answers: firstHalf,
      complete: false,
      consentStatistics: true,
      website: '',
    }).expect(201);
    expect(created.body.status).toBe('draft');
    expect(created.body.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(created.body.result).toBeUndefined();
    const token = created.body.token;

    // only a hash is stored
    const stored = await getStrapi().db.query(SUBMISSION).findMany();
    expect(JSON.stringify(stored)).not.toContain(token);

    const resumed = await request(server())
      .get(`/api/employer-check/submissions/${token}`)
      .expect(200);
    expect(resumed.body.answers).toEqual(firstHalf);

    const rest = Object.fromEntries(ids.slice(10).map((id) => [id, all[id]]));
    const done = await request(server())
      .put(`/api/employer-check/submissions/${token}`)
      .send({ answers: rest, complete: true, consentStatistics: true })
      .expect(200);
    expect(done.body.status).toBe('complete');
    const result = done.body.result;
    const byKey = Object.fromEntries(result.dimensions.map((d: { key: string }) => [d.key, d]));
    expect(byKey.ausbildung).toMatchObject({ score: 0, band: 'rot' });
    expect(byKey.fuehrung).toMatchObject({ score: 100, band: 'gruen' });
    expect(result.weaknesses.slice(0, 2).sort()).toEqual(['ausbildung', 'onboarding']);
    expect(result.regionalAverage.available).toBe(false);

    // recommendations: tips linked to the weak dimensions, suited to the size, low effort first
    expect(result.recommendations.length).toBeGreaterThan(0);
    const efforts = result.recommendations.map((tip: { effort: string }) =>
      ['gering', 'mittel', 'hoch'].indexOf(tip.effort)
    );
    expect([...efforts].sort()).toEqual(efforts);
    for (const tip of result.recommendations) {
      expect(['ausbildung', 'onboarding', result.weaknesses[2]]).toContain(tip.dimension);
      const stored = await getStrapi()
        .documents('api::employer-tip.employer-tip')
        .findOne({
          documentId: tip.id,
          status: 'published',
          populate: ['checkDimensions'],
        } as never);
      const sizes = (stored as unknown as { suitedSizeClasses: string[] }).suitedSizeClasses ?? [];
      expect(sizes.length === 0 || sizes.includes('small')).toBe(true);
    }
  });

  it('the PDF report is a valid PDF with the top field for action and a tip title', async () => {
    const created = await submit({
      profile,
      answers: answersFor(['gesundheit']),
      complete: true,
      consentStatistics: false,
    }).expect(201);
    const response = await request(server())
      .get(`/api/employer-check/submissions/${created.body.token}/report.pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await parsePdf(pdf)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Gesundheit & Arbeitsumfeld');
    expect(text).toContain(created.body.result.recommendations[0].title.slice(0, 20));
    const draft = await submit({ profile, answers: {}, complete: false }).expect(201);
    await request(server())
      .get(`/api/employer-check/submissions/${draft.body.token}/report.pdf`)
      .expect(409);
  });

  it('the regional average appears only with at least k consenting submissions of the same sector and size', async () => {
    const peers = async (count: number, consent: boolean, sector = 'F') => {
      for (let i = 0; i < count; i += 1) {
        await submit({
          profile: { ...profile, sector },
          answers: answersFor(['verguetung']),
          complete: true,
          consentStatistics: consent,
        }).expect(201);
      }
    };
    await peers(4, true);
    await peers(3, false); // no consent: never counted
    const fifth = await submit({
      profile: { ...profile, sector: 'F' },
      answers: answersFor([]),
      complete: true,
      consentStatistics: true,
    }).expect(201);
    expect(fifth.body.result.regionalAverage).toMatchObject({ available: true, count: 5 });
    const other = await submit({
      profile: { ...profile, sector: 'F', sizeClass: 'medium' },
      answers: answersFor([]),
      complete: true,
      consentStatistics: true,
    }).expect(201);
    expect(other.body.result.regionalAverage.available).toBe(false);
    expect(other.body.result.regionalAverage.count).toBeUndefined();
  });

  it.each([
    [
      'unknown question id',
      () => ({ profile, answers: { doesnotexist000000000000: 3 } }),
      ['answers', 'doesnotexist000000000000'],
    ],
    [
      'value 6',
      () => ({ profile, answers: { [questionnaire.questions[0].id]: 6 } }),
      ['answers', 'QID'],
    ],
    [
      'value 0',
      () => ({ profile, answers: { [questionnaire.questions[0].id]: 0 } }),
      ['answers', 'QID'],
    ],
    [
      'value "3" as text',
      () => ({ profile, answers: { [questionnaire.questions[0].id]: '3' } }),
      ['answers', 'QID'],
    ],
    [
      'missing sector',
      () => ({ profile: { sizeClass: 'small', trainsApprentices: false }, answers: {} }),
      ['profile', 'sector'],
    ],
    [
      'unknown sector',
      () => ({ profile: { ...profile, sector: 'Z' }, answers: {} }),
      ['profile', 'sector'],
    ],
    [
      'unknown size class',
      () => ({ profile: { ...profile, sizeClass: 'riesig' }, answers: {} }),
      ['profile', 'sizeClass'],
    ],
    ['missing profile', () => ({ answers: {} }), ['profile']],
    [
      'answer to a question only for training companies',
      () => ({
        profile: { ...profile, trainsApprentices: false },
        answers: {
          [questionnaire.questions.find((question) => question.onlyIfTrainsApprentices)!.id]: 4,
        },
      }),
      ['answers', 'CONDITIONAL'],
    ],
    [
      'unknown municipality',
      () => ({ profile: { ...profile, municipality: 'abcdefghijabcdefghij1234' }, answers: {} }),
      ['profile', 'municipality'],
    ],
    [
      'thousands of made-up answers',
      () => ({
        profile,
        answers: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`q${i}`, 3])),
      }),
      ['answers', 'q0'],
    ],
  ])('400 for %s, nothing stored', async (_case, body, path) => {
    const before = await getStrapi().db.query(SUBMISSION).count();
    const payload = body() as { answers: Record<string, unknown> };
    const response = await submit(payload).expect(400);
    expect(response.body.error.name).toBe('ValidationError');
    const expected = path.map((part) =>
      part === 'QID'
        ? questionnaire.questions[0].id
        : part === 'CONDITIONAL'
          ? Object.keys(payload.answers)[0]
          : part
    );
    expect(
      response.body.error.details.errors.map((error: { path: string[] }) => error.path)
    ).toContainEqual(expected);
    expect(await getStrapi().db.query(SUBMISSION).count()).toBe(before);
  });

  it('a body too large for a self-check → 400 naming the body', async () => {
    const response = await request(server())
      .post('/api/employer-check/submissions')
      .set('Content-Type', 'application/json')
      .send(
        `{"profile":{"sector":"C","sizeClass":"small","trainsApprentices":true},"answers":{},"pad":"${'x'.repeat(200_000)}"}`
      )
      .expect(400);
    expect(response.body.error.details.errors[0].path).toEqual(['body']);
  });

  it('a body over Strapi’s body limit is refused with 413', async () => {
    const response = await request(server())
      .post('/api/employer-check/submissions')
      .set('Content-Type', 'application/json')
      .send(
        `{"profile":{"sector":"C","sizeClass":"small","trainsApprentices":true},"answers":{},"pad":"${'x'.repeat(2_000_000)}"}`
      );
    expect(response.status).toBe(413);
  });

  it('unknown or malformed tokens → 404; a company can delete its submission', async () => {
    await request(server())
      .get('/api/employer-check/submissions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
      .expect(404);
    await request(server()).get('/api/employer-check/submissions/kurz').expect(404);
    await request(server())
      .put('/api/employer-check/submissions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
      .send({ answers: {} })
      .expect(404);
    const created = await submit({ profile, answers: {}, complete: false }).expect(201);
    await request(server())
      .delete(`/api/employer-check/submissions/${created.body.token}`)
      .expect(204);
    await request(server())
      .get(`/api/employer-check/submissions/${created.body.token}`)
      .expect(404);
    await request(server())
      .delete(`/api/employer-check/submissions/${created.body.token}`)
      .expect(404);
  });

  it('a filled honeypot looks accepted and stores nothing', async () => {
    const before = await getStrapi().db.query(SUBMISSION).count();
    const response = await submit({
      profile,
      answers: {},
      complete: false,
      website: 'http://spam.example',
    }).expect(201);
    expect(response.body.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await getStrapi().db.query(SUBMISSION).count()).toBe(before);
    await request(server())
      .get(`/api/employer-check/submissions/${response.body.token}`)
      .expect(404);
  });

  it('statistics for editors: admin only, groups smaller than k suppressed, anonymous CSV', async () => {
    await request(server()).get('/employer-check/statistics').expect(401);
    const admin = await createAdminToken();
    const response = await request(server())
      .get('/employer-check/statistics')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const data = response.body.data;
    expect(data.k).toBe(5);
    expect(data.overall.suppressed).toBe(false);
    // F (6) reaches k, C (1) does not; showing F would reveal C as overall − F, so F is hidden too
    expect(data.overall.count).toBe(7);
    const sectorF = data.bySector.find((group: { key: string }) => group.key === 'F');
    expect(sectorF).toMatchObject({ suppressed: true, count: null });
    const sectorC = data.bySector.find((group: { key: string }) => group.key === 'C');
    expect(sectorC).toMatchObject({ suppressed: true, count: null, total: null, dimensions: null });
    const filtered = await request(server())
      .get('/employer-check/statistics?sector=F&sizeClass=small')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(filtered.body.data.overall).toMatchObject({ suppressed: false, count: 5 });
    await request(server())
      .get('/employer-check/statistics?sector=ZZ')
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);
    await request(server())
      .get('/employer-check/statistics?from=gestern')
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);

    const csv = await request(server())
      .get('/employer-check/statistics/export')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    // aggregated and suppressed like the page: one line overall, one per group, none per company
    expect(lines[0].startsWith('group,key,label,count,total,')).toBe(true);
    expect(lines[0].endsWith(',note')).toBe(true);
    expect(lines[1].startsWith('overall,,Alle,7,')).toBe(true);
    const groupLines = lines.slice(2).map((line) => line.split(','));
    expect(new Set(groupLines.map((cells) => cells[0]))).toEqual(
      new Set(['sector', 'sizeClass', 'month', 'employees'])
    );
    const lineC = groupLines.find((cells) => cells[0] === 'sector' && cells[1] === 'C')!;
    expect(lineC[3]).toBe('');
    expect(lineC[lineC.length - 1]).toBe('zu wenige Teilnahmen');
    // the employees' view: no company with a survey here, so suppressed without a count
    const employeesLine = groupLines.find((cells) => cells[0] === 'employees')!;
    expect(employeesLine[3]).toBe('');
    expect(employeesLine[employeesLine.length - 1]).toBe('zu wenige Teilnahmen');
    expect(csv.text).not.toMatch(/token|[A-Za-z0-9_-]{32}/);
  });

  it('retention deletes old completed submissions and stale drafts', async () => {
    const strapi = getStrapi();
    const retention = strapi.plugin('employer-check').service('retention');
    const future = new Date();
    future.setUTCMonth(future.getUTCMonth() + 25);
    const before = await strapi.db.query(SUBMISSION).count();
    const result = await retention.purge(future);
    expect(result.completed + result.drafts).toBe(before);
    expect(await strapi.db.query(SUBMISSION).count()).toBe(0);
  });

  it('a submission of an outdated questionnaire version → 409 with a clear message', async () => {
    const strapi = getStrapi();
    const created = await submit({ profile, answers: {}, complete: false }).expect(201);
    const stale = await submit({ profile, answers: {}, questionnaireVersion: '1999-1' }).expect(
      409
    );
    expect(stale.body.error.message).toContain('aktualisiert');
    await strapi.documents('plugin::employer-check.questionnaire' as never).create({
      data: { title: 'Neue Fassung', version: '2027-1', active: true },
    } as never);
    const active = await strapi.db
      .query('plugin::employer-check.questionnaire')
      .findMany({ where: { active: true } });
    expect(active.map((row: { version: string }) => row.version)).toEqual(['2027-1']);
    const response = await request(server())
      .put(`/api/employer-check/submissions/${created.body.token}`)
      .send({ answers: {} })
      .expect(409);
    expect(response.body.error.message).toContain('Version');

    // back to the default questionnaire for the specs that follow (activating it deactivates the other)
    const original = await strapi.db
      .query('plugin::employer-check.questionnaire')
      .findOne({ where: { version: questionnaire.version } });
    await strapi.documents('plugin::employer-check.questionnaire' as never).update({
      documentId: original.documentId,
      data: { active: true },
    } as never);
    const activeAgain = await strapi.db
      .query('plugin::employer-check.questionnaire')
      .findMany({ where: { active: true } });
    expect(activeAgain.map((row: { version: string }) => row.version)).toEqual([
      questionnaire.version,
    ]);
  });

  it('a complete submission costs at most 8 SQL statements; edits of tips are seen at once', async () => {
    const knex = getStrapi().db.connection;
    const statements: string[] = [];
    const onQuery = (query: { sql: string }) => statements.push(query.sql);
    const body = {
      profile,
      answers: answersFor(['ausbildung']),
      complete: true,
      consentStatistics: false,
    };
    await submit(body).expect(201); // fills the caches
    knex.on('query', onQuery);
    try {
      await submit(body).expect(201);
    } finally {
      knex.removeListener('query', onQuery);
    }
    console.log(`complete self-check submission: ${statements.length} SQL statements`);
    expect(statements.length).toBeLessThanOrEqual(8);

    // a renamed tip shows in the next result (the stamp sees the edit)
    const first = await submit(body).expect(201);
    const tip = first.body.result.recommendations[0] as { id: string; title: string };
    const tips = getStrapi().documents('api::employer-tip.employer-tip');
    await tips.update({ documentId: tip.id, data: { title: `${tip.title} (neu)` } } as never);
    await tips.publish({ documentId: tip.id } as never);
    try {
      const next = await submit(body).expect(201);
      expect(next.body.result.recommendations[0].title).toBe(`${tip.title} (neu)`);
    } finally {
      await tips.update({ documentId: tip.id, data: { title: tip.title } } as never);
      await tips.publish({ documentId: tip.id } as never);
    }
    const after = await submit(body).expect(201);
    expect(after.body.result.recommendations[0].title).toBe(tip.title);
  });

  it('public routes are rate-limited per IP (429 past the configured requests a minute)', async () => {
    const strapi = getStrapi();
    const before = strapi.config.get('plugin::employer-check.rateLimit.max');
    strapi.config.set('plugin::employer-check.rateLimit.max', 60);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 65; i += 1) {
        // the limit counts per IP and route, whatever the token in the path: another token each
        // time is no way around it.
        const token = `B${String(i).padStart(31, 'B')}`;
        const response = await request(server()).delete(`/api/employer-check/submissions/${token}`);
        statuses.push(response.status);
        if (response.status === 429) expect(response.headers['retry-after']).toBeTruthy();
      }
      expect(statuses.filter((status) => status === 404).length).toBeLessThanOrEqual(60);
      expect(statuses).toContain(429);
    } finally {
      strapi.config.set('plugin::employer-check.rateLimit.max', before);
    }
  });
});
