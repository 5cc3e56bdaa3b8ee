/**
 * Issue 9: newsletter tips chosen by the company's own self-check result, with consent.
 * Through the public API and a real SMTP sink: consent required, double opt-in of the link,
 * personalised ordering, no repeats across issues, compile once, removal (preferences page,
 * result page, deleted check, unsubscribe), GDPR export.
 */
import request from 'supertest';
import { activeQuestions, type CheckQuestion, weakAnswers } from '../../helpers/employer-check';
import { createAdminToken, getMailSink, getStrapi } from '../../helpers/strapi';
import {
  createSubscribers,
  retireAllSubscribers,
  SUBSCRIBER,
  waitForStatus,
} from '../../helpers/newsletter';

const server = () => getStrapi().server.httpServer;
const LINK = 'plugin::newsletter.link';
const DELIVERY = 'plugin::newsletter.delivery';
const TIP = 'api::employer-tip.employer-tip';

// The plugin's compiled module as Strapi loaded it (same module registry): counts MJML compiles.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mjml = require('../../../plugins/newsletter/dist/server/mail/mjml') as {
  compileCount(): number;
};

let questions: CheckQuestion[] = [];

/** A completed check; returns its token and the result page's recommendations. */
const completedCheck = async (weak: string[], sizeClass = 'small') => {
  const response = await request(server())
    .post('/api/employer-check/submissions')
    .send({
      profile: { sector: 'C', sizeClass, trainsApprentices: true },
      answers: weakAnswers(questions, weak),
      complete: true,
      consentStatistics: false,
    })
    .expect(201);
  return {
    token: response.body.token as string,
    recommendations: response.body.result.recommendations as { id: string; title: string }[],
    weaknesses: response.body.result.weaknesses as string[],
  };
};

const askForTips = (body: Record<string, unknown>) =>
  request(server()).post('/api/newsletter/links').send(body);

const tokenFrom = (url: string) => new URL(url).searchParams.get('token')!;
const confirmUrlIn = (text: string) =>
  /(https?:\/\/\S+\/api\/newsletter\/confirm\?token=\S+)/.exec(text)![1];

const confirmationsTo = (email: string) =>
  getMailSink().mails.filter(
    (entry) => entry.to.includes(email) && entry.header('x-newsletter-mail') === 'confirmation'
  );

/** Confirms like a person: the token from the first confirmation mail to `email` after the
 * `skip` it already had. */
const confirmByMail = async (email: string, skip = 0) => {
  const seen = confirmationsTo(email).slice(0, skip);
  const mail = await getMailSink().waitFor(
    (entry) =>
      entry.to.includes(email) &&
      entry.header('x-newsletter-mail') === 'confirmation' &&
      !seen.includes(entry)
  );
  const response = await request(server())
    .post('/api/newsletter/confirm')
    .send({ token: tokenFrom(confirmUrlIn(mail.text)) })
    .expect(200);
  return { mail, body: response.body as { status: string; linked: number } };
};

const linksOf = async (email: string) => {
  const subscriber = await getStrapi().db.query(SUBSCRIBER).findOne({ where: { email } });
  if (!subscriber) return [];
  return getStrapi()
    .db.query(LINK)
    .findMany({ where: { subscriberId: subscriber.id } });
};

const tipTitles = async () => {
  const tips = (await getStrapi()
    .documents(TIP)
    .findMany({ status: 'published', limit: 500 } as never)) as unknown as {
    documentId: string;
    title: string;
  }[];
  return new Map(tips.map((tip) => [tip.documentId, tip.title]));
};

/** Tip titles in the order they appear in a mail's text part. */
const tipsInMail = (text: string, titles: Map<string, string>) => {
  const section = text.split('TIPPS FÜR ARBEITGEBER')[1] ?? '';
  return [...titles.entries()]
    .map(([id, title]) => ({ id, at: section.indexOf(`\n${title}\n`) }))
    .filter((entry) => entry.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.id);
};

describe('newsletter tips from the self-check result (with consent)', () => {
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  let titles: Map<string, string>;
  let editorTips: string[];

  beforeAll(async () => {
    admin = await createAdminToken();
    await retireAllSubscribers();
    questions = await activeQuestions();
    titles = await tipTitles();
    // The editor's selection: two tips that do not serve "gesundheit".
    const tips = (await getStrapi()
      .documents(TIP)
      .findMany({
        status: 'published',
        populate: { checkDimensions: { fields: ['key'] } },
        sort: 'title:asc',
        limit: 500,
      } as never)) as unknown as { documentId: string; checkDimensions: { key: string }[] }[];
    editorTips = tips
      .filter((tip) => !tip.checkDimensions.some((dimension) => dimension.key === 'gesundheit'))
      .slice(0, 2)
      .map((tip) => tip.documentId);
    expect(editorTips).toHaveLength(2);
  });

  describe('asking for tips: consent and double opt-in', () => {
    it('serves the consent texts the form shows', async () => {
      const response = await request(server()).get('/api/newsletter/links/consent').expect(200);
      expect(response.body.data.linkConsent.text).toMatch(/Selbstcheck/);
      expect(response.body.data.newsletterConsent.text).toMatch(/Newsletter/);
      expect(response.body.data.linkConsent.text).not.toBe(
        response.body.data.newsletterConsent.text
      );
    });

    it('without the link consent (or the newsletter consent) nothing is stored: 400 naming the field', async () => {
      const { token } = await completedCheck(['gesundheit']);
      const linksBefore = await getStrapi().db.query(LINK).count();
      const subscribersBefore = await getStrapi().db.query(SUBSCRIBER).count();
      for (const [body, field] of [
        [{ consent: true }, 'linkConsent'],
        [{ consent: true, linkConsent: false }, 'linkConsent'],
        [{ linkConsent: true }, 'consent'],
        [{ consent: true, linkConsent: 'true' }, 'linkConsent'],
      ] as const) {
        const response = await askForTips({
          reference: token,
          email: 'ohne.einwilligung@betrieb.example',
          ...body,
        }).expect(400);
        expect(response.body.error.name).toBe('ValidationError');
        expect(
          response.body.error.details.errors.map((error: { path: string[] }) => error.path[0])
        ).toContain(field);
      }
      expect(await getStrapi().db.query(LINK).count()).toBe(linksBefore);
      expect(await getStrapi().db.query(SUBSCRIBER).count()).toBe(subscribersBefore);
    });

    it('refuses unknown and unfinished checks (404 naming reference)', async () => {
      const unknown = await askForTips({
        reference: 'A'.repeat(32),
        email: 'x@betrieb.example',
        consent: true,
        linkConsent: true,
      }).expect(404);
      expect(unknown.body.error.details.errors[0].path).toEqual(['reference']);
      const draft = await request(server())
        .post('/api/employer-check/submissions')
        .send({
          profile: { sector: 'C', sizeClass: 'small', trainsApprentices: true },
          answers: {},
          complete: false,
          consentStatistics: false,
        })
        .expect(201);
      await askForTips({
        reference: draft.body.token,
        email: 'x@betrieb.example',
        consent: true,
        linkConsent: true,
      }).expect(404);
      await request(server()).get('/api/newsletter/links?reference=x').expect(400);
    });

    it('a new address: pending subscriber and link; the one confirmation activates both', async () => {
      const { token } = await completedCheck(['gesundheit']);
      const email = 'personal.neu@betrieb.example';
      const answer = await askForTips({
        reference: token,
        email,
        name: 'Gesa Beispiel',
        consent: true,
        linkConsent: true,
      }).expect(202);
      expect(answer.body.status).toBe('accepted');
      const [pending] = await linksOf(email);
      expect(pending).toMatchObject({ status: 'pending', consentVersion: '1' });
      expect(pending.consentAt).toBeTruthy();
      const status = await request(server())
        .get(`/api/newsletter/links?reference=${token}`)
        .expect(200);
      expect(status.body.data.linked).toBe('pending');

      const { mail, body } = await confirmByMail(email);
      expect(mail.subject).toMatch(/Anmeldung/);
      expect(mail.text).toMatch(/Selbstcheck/);
      expect(body).toMatchObject({ status: 'active', linked: 1 });
      const [active] = await linksOf(email);
      expect(active).toMatchObject({ status: 'active' });
      expect(active.confirmedAt).toBeTruthy();
      const subscriber = await getStrapi().db.query(SUBSCRIBER).findOne({ where: { email } });
      expect(subscriber.topics).toEqual(['employer-tips']);
      expect(subscriber.history.map((event: { event: string }) => event.event)).toEqual(
        expect.arrayContaining([
          'subscribe-requested',
          'link-requested',
          'confirmed',
          'link-confirmed',
        ])
      );
      const linked = await request(server())
        .get(`/api/newsletter/links?reference=${token}`)
        .expect(200);
      expect(linked.body.data.linked).toBe('active');
    });

    it('an active subscriber: a link of its own needs its own confirmation; the topic comes with it', async () => {
      const email = 'personal.aktiv@betrieb.example';
      await createSubscribers([{ email, topics: ['offers'] }]);
      const { token } = await completedCheck(['ausbildung']);
      await askForTips({ reference: token, email, consent: true, linkConsent: true }).expect(202);
      expect((await linksOf(email))[0].status).toBe('pending');
      const mail = await getMailSink().waitFor(
        (entry) => entry.to.includes(email) && entry.header('x-newsletter-mail') === 'confirmation'
      );
      expect(mail.subject).toMatch(/Verknüpfung/);
      // the page behind the mail's link says what is confirmed
      const page = await request(server())
        .get(new URL(confirmUrlIn(mail.text)).pathname + new URL(confirmUrlIn(mail.text)).search)
        .expect(200);
      expect(page.text).toContain('Verknüpfung bestätigen');
      const { body } = await confirmByMail(email);
      expect(body.linked).toBe(1);
      const subscriber = await getStrapi().db.query(SUBSCRIBER).findOne({ where: { email } });
      expect(subscriber.topics).toEqual(['offers', 'employer-tips']);
      expect((await linksOf(email))[0].status).toBe('active');
      // Asking again for the same result changes nothing and sends nothing.
      const before = getMailSink().to(email).length;
      await askForTips({ reference: token, email, consent: true, linkConsent: true }).expect(202);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(getMailSink().to(email).length).toBe(before);
    });
  });

  it('a link asked for again right after a confirmation mail: its mail waits for the resend interval, never dropped', async () => {
    const email = 'personal.wieder@betrieb.example';
    const { token } = await completedCheck(['onboarding']);
    await askForTips({ reference: token, email, consent: true, linkConsent: true }).expect(202);
    await confirmByMail(email);
    await request(server()).delete(`/api/newsletter/links?reference=${token}`).expect(200);
    const mailsBefore = getMailSink().to(email).length;
    const again = await askForTips({ reference: token, email, consent: true, linkConsent: true });
    expect(again.status).toBe(202);
    expect(again.body.message).toMatch(/Bestätigungslink/);
    expect((await linksOf(email))[0].status).toBe('pending');
    const subscriber = await getStrapi().db.query(SUBSCRIBER).findOne({ where: { email } });
    const waiting = await getStrapi()
      .db.query('plugin::newsletter.outbox-mail')
      .findMany({ where: { subscriberDocumentId: subscriber.documentId, status: 'queued' } });
    expect(waiting).toHaveLength(1);
    expect(new Date(waiting[0].nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    // a third request within the interval queues nothing more
    await askForTips({ reference: token, email, consent: true, linkConsent: true }).expect(202);
    expect(
      await getStrapi()
        .db.query('plugin::newsletter.outbox-mail')
        .count({ where: { subscriberDocumentId: subscriber.documentId, status: 'queued' } })
    ).toBe(1);
    expect(getMailSink().to(email).length).toBe(mailsBefore);
    // the interval is over: the mail goes out and confirms the link
    await getStrapi()
      .db.query('plugin::newsletter.outbox-mail')
      .updateMany({ where: { id: waiting[0].id }, data: { nextAttemptAt: new Date() } });
    getStrapi().plugin('newsletter').service('outbox').kick();
    const { mail, body } = await confirmByMail(email, 1);
    expect(mail.subject).toMatch(/Verknüpfung/);
    expect(body.linked).toBe(1);
    expect((await linksOf(email))[0].status).toBe('active');
  });

  describe('sending: personalised tips', () => {
    const linkedEmail = 'tipps.gesundheit@betrieb.example';
    const plainEmail = 'tipps.redaktion@betrieb.example';
    let check: Awaited<ReturnType<typeof completedCheck>>;

    const sendIssue = async (
      subject: string,
      extra: { section: string; documentId: string }[] = []
    ) => {
      const created = await request(server())
        .post('/newsletter/issues')
        .set(auth())
        .send({
          subject,
          items: [
            ...editorTips.map((documentId) => ({ section: 'employer-tips', documentId })),
            ...extra,
          ],
        })
        .expect(201);
      const id = created.body.data.documentId as string;
      const before = mjml.compileCount();
      await request(server()).post(`/newsletter/issues/${id}/send`).set(auth()).expect(202);
      const issue = await waitForStatus(id, ['sent']);
      return { id, issue, compiles: mjml.compileCount() - before };
    };

    const mailOf = (email: string, issueId: string) =>
      getMailSink()
        .to(email)
        .find((mail) => mail.header('x-newsletter-issue') === issueId)!;

    beforeAll(async () => {
      await retireAllSubscribers();
      check = await completedCheck(['gesundheit']);
      expect(check.weaknesses[0]).toBe('gesundheit');
      await askForTips({
        reference: check.token,
        email: linkedEmail,
        consent: true,
        linkConsent: true,
      }).expect(202);
      await confirmByMail(linkedEmail);
      await createSubscribers([{ email: plainEmail, topics: ['employer-tips'] }]);
    });

    // Later specs count linked recipients: this block's subscribers leave the audience.
    afterAll(async () => {
      await retireAllSubscribers();
    });

    it('the editor sees how many recipients get personalised tips, and previews a profile', async () => {
      const created = await request(server())
        .post('/newsletter/issues')
        .set(auth())
        .send({
          subject: 'Vorschau persönlich',
          items: editorTips.map((documentId) => ({ section: 'employer-tips', documentId })),
        })
        .expect(201);
      const id = created.body.data.documentId;
      const info = await request(server())
        .get(`/newsletter/issues/${id}/personalisation`)
        .set(auth())
        .expect(200);
      expect(info.body.data).toMatchObject({
        enabled: true,
        topic: 'employer-tips',
        recipients: 1,
        exact: false,
      });
      expect(info.body.data.fields.map((field: { name: string }) => field.name)).toEqual([
        'weakest',
        'band',
        'sizeClass',
      ]);
      const profile = encodeURIComponent(
        JSON.stringify({ weakest: ['gesundheit'], band: ['rot'], sizeClass: ['small'] })
      );
      const preview = await request(server())
        .get(`/newsletter/issues/${id}/preview?topics=employer-tips&format=text&profile=${profile}`)
        .set(auth())
        .expect(200);
      const shown = tipsInMail(preview.body.data.body, titles);
      expect(shown.slice(0, 2)).toEqual(check.recommendations.slice(0, 2).map((tip) => tip.id));
      expect(preview.body.data.personalItems).toEqual(shown);
      const plain = await request(server())
        .get(`/newsletter/issues/${id}/preview?topics=employer-tips&format=text`)
        .set(auth())
        .expect(200);
      expect(tipsInMail(plain.body.data.body, titles)).toEqual(editorTips);
      await request(server())
        .get(`/newsletter/issues/${id}/preview?profile=${encodeURIComponent('{"weakest":"x"}')}`)
        .set(auth())
        .expect(400);
      await request(server()).post(`/newsletter/issues/${id}/cancel`).set(auth()).expect(200);
    });

    it("linked: the fitting tips first (the result page's order), compiled once; others: the editor's", async () => {
      const { id, issue, compiles } = await sendIssue('Tipps im Januar');
      expect(compiles).toBe(1);
      expect(issue.personalised).toBe(1);
      const linked = tipsInMail(mailOf(linkedEmail, id).text, titles);
      const expected = check.recommendations.map((tip) => tip.id);
      expect(linked.slice(0, Math.min(3, expected.length))).toEqual(
        expected.slice(0, Math.min(3, expected.length))
      );
      expect(linked.length).toBeGreaterThanOrEqual(3);
      // The HTML carries the same tips in the same order, without markers.
      const html = mailOf(linkedEmail, id).html;
      const positions = linked.map((tipId) => html.indexOf(titles.get(tipId)!));
      expect(positions.every((position) => position > 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(html).not.toContain('nl:item');
      expect(tipsInMail(mailOf(plainEmail, id).text, titles)).toEqual(editorTips);

      const { overview } = await request(server())
        .get(`/newsletter/issues/${id}/personalisation`)
        .set(auth())
        .then((response) => ({ overview: response.body.data }));
      expect(overview).toMatchObject({ recipients: 1, exact: true });
      const deliveries = await getStrapi()
        .db.query(DELIVERY)
        .findMany({ where: { issueId: issue.id } });
      expect(
        deliveries.filter((delivery: { personalItems: unknown }) => delivery.personalItems)
      ).toHaveLength(1);
    });

    it('the next issue does not repeat tips the company already received', async () => {
      const first = await getStrapi()
        .db.query(DELIVERY)
        .findOne({ where: { email: linkedEmail, status: 'sent' }, orderBy: { id: 'desc' } });
      const received = new Set<string>(first.personalItems);
      const { id } = await sendIssue('Tipps im Februar');
      const second = tipsInMail(mailOf(linkedEmail, id).text, titles);
      expect(second.length).toBeGreaterThan(0);
      expect(second.filter((tipId) => received.has(tipId))).toEqual([]);
      // still the fitting ones first: the next of the result page's order
      const fitting = (await getStrapi()
        .plugin('employer-check')
        .service('submissions')
        .rankedTips([(await linksOf(linkedEmail))[0].key])) as Map<string, { ranked: string[] }>;
      const ranked = [...fitting.values()][0].ranked.filter((tipId) => !received.has(tipId));
      expect(second.slice(0, Math.min(ranked.length, 3))).toEqual(ranked.slice(0, 3));
    });

    it('two linked checks: the latest completed one counts; the other sections stay as for everyone', async () => {
      const email = 'tipps.zwei.checks@betrieb.example';
      const plain = 'tipps.angebote@betrieb.example';
      await createSubscribers([
        { email, topics: ['offers', 'employer-tips'] },
        { email: plain, topics: ['offers', 'employer-tips'] },
      ]);
      const older = await completedCheck(['gesundheit']);
      const newer = await completedCheck(['ausbildung']);
      const submissions = getStrapi().plugin('employer-check').service('submissions');
      const subscriber = await getStrapi().db.query(SUBSCRIBER).findOne({ where: { email } });
      // the link flow itself is tested above; here both links are stored active directly, the
      // newer check's first (so "the last link wins" would pick the older one)
      for (const check of [newer, older]) {
        await getStrapi()
          .db.query(LINK)
          .create({
            data: {
              subscriberId: subscriber.id,
              subscriberDocumentId: subscriber.documentId,
              key: await submissions.completedKey(check.token),
              status: 'active',
              consentVersion: '1',
              consentAt: new Date(),
              confirmedAt: new Date(),
            },
          });
      }
      const proposal = await request(server())
        .get('/newsletter/issues/proposal?since=2000-01-01T00:00:00.000Z')
        .set(auth())
        .expect(200);
      const offers = (proposal.body.data as { section: string; documentId: string }[])
        .filter((item) => item.section === 'offers')
        .slice(0, 2)
        .map(({ section, documentId }) => ({ section, documentId }));
      expect(offers).toHaveLength(2);
      const { id } = await sendIssue('Tipps im März', offers);
      const tips = tipsInMail(mailOf(email, id).text, titles);
      expect(tips[0]).toBe(newer.recommendations[0].id);
      expect(tips[0]).not.toBe(older.recommendations[0].id);
      const offersPart = (text: string) =>
        text.slice(text.indexOf('AKTUELLE ANGEBOTE'), text.indexOf('TIPPS FÜR ARBEITGEBER'));
      expect(offersPart(mailOf(email, id).text).length).toBeGreaterThan(100);
      expect(offersPart(mailOf(email, id).text)).toBe(offersPart(mailOf(plain, id).text));
      expect(tipsInMail(mailOf(plain, id).text, titles)).toEqual(editorTips);
    });
  });

  describe('removing the link', () => {
    const link = async (email: string, weak: string[]) => {
      const check = await completedCheck(weak);
      await askForTips({ reference: check.token, email, consent: true, linkConsent: true }).expect(
        202
      );
      await confirmByMail(email);
      expect((await linksOf(email))[0].status).toBe('active');
      return check;
    };
    const manageToken = async (email: string) => {
      const subscriber = await getStrapi().db.query(SUBSCRIBER).findOne({ where: { email } });
      const urls = getStrapi().plugin('newsletter').service('tokens').manageUrls(subscriber);
      return { subscriber, token: tokenFrom(urls.preferencesUrl) };
    };

    it('from the preferences page (form post), and the JSON shows it before', async () => {
      const email = 'entfernen.einstellungen@betrieb.example';
      await link(email, ['fuehrung']);
      const { token } = await manageToken(email);
      const json = await request(server())
        .get(`/api/newsletter/preferences?token=${encodeURIComponent(token)}`)
        .set('Accept', 'application/json')
        .expect(200);
      expect(json.body.links).toEqual([expect.objectContaining({ status: 'active' })]);
      const page = await request(server())
        .get(`/api/newsletter/preferences?token=${encodeURIComponent(token)}`)
        .set('Accept', 'text/html')
        .expect(200);
      expect(page.text).toContain('Persönliche Tipps');
      expect(page.text).toContain('/api/newsletter/preferences/unlink');
      const done = await request(server())
        .post('/api/newsletter/preferences/unlink')
        .type('form')
        .send({ token })
        .expect(200);
      expect(done.text).toContain('Die Verknüpfung ist gelöst');
      expect(await linksOf(email)).toEqual([]);
      const subscriber = await getStrapi().db.query(SUBSCRIBER).findOne({ where: { email } });
      expect(subscriber.status).toBe('active');
      expect(subscriber.history.at(-1)).toMatchObject({
        event: 'link-removed',
        via: 'preferences',
      });
    });

    it('from the result page (whoever holds the check)', async () => {
      const email = 'entfernen.ergebnis@betrieb.example';
      const check = await link(email, ['verguetung']);
      const removed = await request(server())
        .delete(`/api/newsletter/links?reference=${check.token}`)
        .expect(200);
      expect(removed.body.data.removed).toBe(1);
      expect(await linksOf(email)).toEqual([]);
      const status = await request(server())
        .get(`/api/newsletter/links?reference=${check.token}`)
        .expect(200);
      expect(status.body.data.linked).toBe('none');
    });

    it('deleting the check removes its links (by the company, and by retention)', async () => {
      const email = 'entfernen.check@betrieb.example';
      const check = await link(email, ['entwicklung']);
      await request(server()).delete(`/api/employer-check/submissions/${check.token}`).expect(204);
      expect(await linksOf(email)).toEqual([]);

      const old = await link('entfernen.aufbewahrung@betrieb.example', ['entwicklung']);
      const key = (await linksOf('entfernen.aufbewahrung@betrieb.example'))[0].key;
      await getStrapi()
        .db.query('plugin::employer-check.submission')
        .updateMany({ where: { documentId: key }, data: { completedAt: new Date('2020-01-01') } });
      const purged = await getStrapi().plugin('employer-check').service('retention').purge();
      expect(purged.completed).toBeGreaterThanOrEqual(1);
      expect(await linksOf('entfernen.aufbewahrung@betrieb.example')).toEqual([]);
      expect(old.token).toBeTruthy();
    });

    it('unsubscribing removes it', async () => {
      const email = 'entfernen.abmelden@betrieb.example';
      await link(email, ['vereinbarkeit']);
      const { token } = await manageToken(email);
      await request(server()).post('/api/newsletter/unsubscribe').send({ token }).expect(200);
      expect(await linksOf(email)).toEqual([]);
    });

    it('a subscriber deleted in the Content Manager takes its links along', async () => {
      const email = 'entfernen.redaktion@betrieb.example';
      await link(email, ['fuehrung']);
      const { subscriber } = await manageToken(email);
      await getStrapi()
        .documents(SUBSCRIBER as never)
        .delete({ documentId: subscriber.documentId } as never);
      expect(
        await getStrapi()
          .db.query(LINK)
          .count({ where: { subscriberId: subscriber.id } })
      ).toBe(0);
    });

    it('the GDPR export shows the link with its consent; erasure deletes it', async () => {
      const email = 'auskunft@betrieb.example';
      await link(email, ['onboarding']);
      const { subscriber } = await manageToken(email);
      const exported = await request(server())
        .get(`/newsletter/subscribers/${subscriber.documentId}/data`)
        .set(auth())
        .expect(200);
      const data = exported.body.data ?? exported.body;
      expect(data.links).toEqual([
        expect.objectContaining({
          what: 'das Ergebnis Ihres Arbeitgeber-Selbstchecks',
          status: 'active',
          consentVersion: '1',
          consentText: expect.stringMatching(/Selbstcheck/),
          consentAt: expect.any(String),
          confirmedAt: expect.any(String),
        }),
      ]);
      await request(server())
        .delete(`/newsletter/subscribers/${subscriber.documentId}`)
        .set(auth())
        .expect(200);
      expect(
        await getStrapi()
          .db.query(LINK)
          .count({ where: { subscriberId: subscriber.id } })
      ).toBe(0);
    });
  });
});
