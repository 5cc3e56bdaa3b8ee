/**
 * Reminder mails of the self-check through the newsletter plugin's transport and the real SMTP
 * sink: nothing without a confirmed double opt-in, a measure before its target date, the
 * re-check after a year, once each, one-click unsubscribe that deletes the address, unconfirmed
 * sign-ups deleted after 30 days, everything gone with the check.
 */
import request from 'supertest';
import { activeQuestions, type CheckQuestion, weakAnswers } from '../../helpers/employer-check';
import { getMailSink, getStrapi } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;
const API = '/api/employer-check';
const REMINDER = 'plugin::employer-check.reminder';
const profile = { sector: 'M', sizeClass: 'small', trainsApprentices: false };
const DAY = 86_400_000;

let questions: CheckQuestion[] = [];

const inDays = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
    new Date(Date.now() + days * DAY)
  );

const reminders = () => getStrapi().plugin('employer-check').service('reminders');

/** A completed check with one measure due in five days. */
const checkWithPlan = async () => {
  const created = await request(server())
    .post(`${API}/submissions`)
    .send({
      profile,
      answers: weakAnswers(questions, ['fuehrung', 'verguetung'], { trainsApprentices: false }),
      complete: true,
      consentStatistics: false,
    })
    .expect(201);
  const token = created.body.token as string;
  const tip = created.body.result.recommendations[0];
  await request(server())
    .put(`${API}/submissions/${token}/plan`)
    .send({ measures: [{ tip: tip.id, targetDate: inDays(5) }] })
    .expect(200);
  return { token, tip: tip as { id: string; title: string } };
};

/** The path of a link in a mail, on this test server (mails name the public address). */
const pathOf = (url: string) => new URL(url).pathname;

const linkIn = (text: string, pattern: RegExp) => {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link ${pattern} in: ${text}`);
  return match[0];
};

describe('employer self-check: reminder mails', () => {
  beforeAll(async () => {
    questions = await activeQuestions();
  });

  it('sends nothing before the double opt-in; then a measure before its date and the re-check after a year, each once; one click unsubscribes', async () => {
    const { token, tip } = await checkWithPlan();
    const email = `reminder-${Date.now()}@betrieb.example`;
    let result = (await request(server()).get(`${API}/submissions/${token}`).expect(200)).body
      .result;
    expect(result.reminders).toEqual({ available: true, status: 'none' });

    const signedUp = await request(server())
      .post(`${API}/submissions/${token}/reminders`)
      .send({ email, consent: true })
      .expect(201);
    expect(signedUp.body).toEqual({ status: 'pending' });
    const confirmation = await getMailSink().waitFor((mail) => mail.to.includes(email));
    expect(confirmation.subject).toContain('bestätigen');
    const confirmUrl = linkIn(confirmation.text, /https?:\/\/\S+\/reminders\/confirm\/\S+/);

    // not confirmed: the daily run sends nothing to this address
    const before = getMailSink().to(email).length;
    await reminders().run(new Date());
    expect(getMailSink().to(email)).toHaveLength(before);

    // the link only shows a page (a scanner opening it confirms nothing); the button confirms
    const shown = await request(server()).get(pathOf(confirmUrl)).expect(200);
    expect(shown.headers['content-type']).toContain('text/html');
    expect(shown.text).toContain('<form method="post"');
    expect((await getStrapi().db.query(REMINDER).findOne({ where: { email } })).status).toBe(
      'pending'
    );
    const confirmed = await request(server()).post(pathOf(confirmUrl)).expect(200);
    expect(confirmed.text).toContain('Erinnerungen bestätigt');
    expect(confirmed.text).toContain(`/selbstcheck/?token=${token}`);
    result = (await request(server()).get(`${API}/submissions/${token}`).expect(200)).body.result;
    expect(result.reminders.status).toBe('active');

    // today: the measure is due (five days ahead, reminded from seven days before)
    let run = await reminders().run(new Date());
    expect(run.sent).toBeGreaterThanOrEqual(1);
    const reminder = await getMailSink().waitFor(
      (mail) => mail.to.includes(email) && mail.subject.includes('Maßnahmenplan')
    );
    expect(reminder.text).toContain(tip.title);
    expect(reminder.text).toContain(inDays(5).split('-').reverse().join('.'));
    expect(reminder.text).toContain(`/selbstcheck/?token=${token}`);
    const unsubscribeUrl = /^<(.+)>$/.exec(reminder.header('list-unsubscribe') ?? '')?.[1];
    expect(unsubscribeUrl).toMatch(/\/reminders\/unsubscribe\//);
    expect(reminder.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // again today: already sent
    const count = getMailSink().to(email).length;
    await reminders().run(new Date());
    expect(getMailSink().to(email)).toHaveLength(count);

    // a year and a month later: the re-check is due (the measure's date has passed)
    run = await reminders().run(new Date(Date.now() + 395 * DAY));
    const recheck = await getMailSink().waitFor(
      (mail) => mail.to.includes(email) && mail.subject.includes('neuen Selbstcheck')
    );
    expect(recheck.text).not.toContain(tip.title);
    await reminders().run(new Date(Date.now() + 396 * DAY));
    expect(getMailSink().to(email)).toHaveLength(count + 1);

    // one-click unsubscribe (RFC 8058): the address is deleted at once
    await request(server())
      .post(pathOf(unsubscribeUrl!))
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(await getStrapi().db.query(REMINDER).count({ where: { email } })).toBe(0);
    result = (await request(server()).get(`${API}/submissions/${token}`).expect(200)).body.result;
    expect(result.reminders.status).toBe('none');
    await request(server()).get(pathOf(unsubscribeUrl!)).expect(404);
    await request(server()).post(pathOf(confirmUrl)).expect(404);
    await request(server()).delete(`${API}/submissions/${token}`).expect(204);
  });

  it('refuses bad sign-ups naming the field; unknown and forged keys are 404; nothing stored when the mail cannot go', async () => {
    const { token } = await checkWithPlan();
    const count = await getStrapi().db.query(REMINDER).count();
    const expectField = async (body: unknown, path: string) => {
      const response = await request(server())
        .post(`${API}/submissions/${token}/reminders`)
        .send(body as object)
        .expect(400);
      expect(response.body.error.details.errors[0].path).toEqual([path]);
    };
    await expectField({ email: 'keine-adresse', consent: true }, 'email');
    await expectField({ consent: true }, 'email');
    await expectField({ email: 'a@betrieb.example', consent: false }, 'consent');
    await expectField({ email: 'a@betrieb.example' }, 'consent');
    await request(server())
      .post(`${API}/submissions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/reminders`)
      .send({ email: 'a@betrieb.example', consent: true })
      .expect(404);
    const draft = await request(server())
      .post(`${API}/submissions`)
      .send({ profile, answers: {}, complete: false })
      .expect(201);
    await request(server())
      .post(`${API}/submissions/${draft.body.token}/reminders`)
      .send({ email: 'a@betrieb.example', consent: true })
      .expect(409);
    for (const key of ['x', 'abc.defghijklmnopqrstuvwxyzABCDEF123456', '%00'])
      for (const kind of ['confirm', 'unsubscribe']) {
        await request(server()).get(`${API}/reminders/${kind}/${key}`).expect(404);
        await request(server()).post(`${API}/reminders/${kind}/${key}`).expect(404);
      }
    expect(await getStrapi().db.query(REMINDER).count()).toBe(count);

    // the relay refuses the address: 503, and the sign-up is not kept
    getMailSink().rejectRecipients((address) => (address.startsWith('refused') ? 550 : null));
    try {
      const refused = await request(server())
        .post(`${API}/submissions/${token}/reminders`)
        .send({ email: 'refused@betrieb.example', consent: true })
        .expect(503);
      expect(refused.body.error.message).toContain('Bestätigungsmail');
    } finally {
      getMailSink().rejectRecipients(null);
    }
    expect(await getStrapi().db.query(REMINDER).count()).toBe(count);
    await request(server()).delete(`${API}/submissions/${draft.body.token}`).expect(204);
    await request(server()).delete(`${API}/submissions/${token}`).expect(204);
  });

  it('unconfirmed sign-ups go after 30 days; deleting the check deletes the reminder', async () => {
    const first = await checkWithPlan();
    const second = await checkWithPlan();
    const pending = `pending-${Date.now()}@betrieb.example`;
    const kept = `kept-${Date.now()}@betrieb.example`;
    for (const [token, email] of [
      [first.token, pending],
      [second.token, kept],
    ])
      await request(server())
        .post(`${API}/submissions/${token}/reminders`)
        .send({ email, consent: true })
        .expect(201);
    const run = await reminders().run(new Date(Date.now() + 31 * DAY));
    expect(run.purged).toBeGreaterThanOrEqual(2);
    expect(
      await getStrapi()
        .db.query(REMINDER)
        .count({ where: { email: pending } })
    ).toBe(0);

    await request(server())
      .post(`${API}/submissions/${second.token}/reminders`)
      .send({ email: kept, consent: true })
      .expect(201);
    expect(
      await getStrapi()
        .db.query(REMINDER)
        .count({ where: { email: kept } })
    ).toBe(1);
    await request(server()).delete(`${API}/submissions/${second.token}`).expect(204);
    expect(
      await getStrapi()
        .db.query(REMINDER)
        .count({ where: { email: kept } })
    ).toBe(0);
    await request(server()).delete(`${API}/submissions/${first.token}`).expect(204);
  });
});
