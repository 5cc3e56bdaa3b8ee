import request from 'supertest';
import { createFullAccessToken, getStrapi } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;

const validOffer = () => ({
  title: 'Praktikum Testbetrieb',
  offerType: 'praktikum',
  summary: 'Zwei Wochen Einblick in die Werkstatt.',
  occupation: 'Tischler/-in',
  occupationCode: '22342',
  location: { street: 'Am Markt 1', postalCode: '27283', city: 'Verden (Aller)' },
  startDate: '2030-03-01',
  endDate: '2030-03-14',
  places: 2,
  contact: { name: 'Erika Muster', email: 'praktikum@example.org' },
  targetGroups: ['schueler'],
});

const rowCount = async (uid: string) =>
  getStrapi()
    .db.query(uid as never)
    .count();

describe('bad input gets Strapi’s ValidationError naming the field, and stores nothing', () => {
  let token: string;
  beforeAll(async () => {
    token = await createFullAccessToken('validation-tests');
  });

  const post = (path: string, data: unknown) =>
    request(server()).post(path).set('Authorization', `Bearer ${token}`).send({ data });

  it('accepts the valid offer used as the base of the cases below', async () => {
    const response = await post('/api/offers', validOffer()).expect(201);
    await request(server())
      .delete(`/api/offers/${response.body.data.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(204);
  });

  const offerCases: [string, Record<string, unknown>, string[]][] = [
    [
      'postal code of 4 digits',
      { location: { postalCode: '2728', city: 'Verden' } },
      ['location', 'postalCode'],
    ],
    ['postal code with letters', { location: { postalCode: '27a83' } }, ['location', 'postalCode']],
    ['occupationCode of 4 digits', { occupationCode: '2234' }, ['occupationCode']],
    ['occupationCode of 6 digits', { occupationCode: '223420' }, ['occupationCode']],
    ['endDate before startDate', { startDate: '2030-03-14', endDate: '2030-03-01' }, ['endDate']],
    ['places = 0', { places: 0 }, ['places']],
    ['summary of 301 characters', { summary: 'x'.repeat(301) }, ['summary']],
    [
      'malformed contact email',
      { contact: { name: 'A', email: 'keine-adresse' } },
      ['contact', 'email'],
    ],
    ['unknown target group', { targetGroups: ['schueler', 'astronauten'] }, ['targetGroups']],
    ['unknown offer type', { offerType: 'kaffeefahrt' }, ['offerType']],
  ];

  it.each(offerCases)('offer: %s → 400', async (_name, patch, path) => {
    const before = await rowCount('api::offer.offer');
    const response = await post('/api/offers', { ...validOffer(), ...patch }).expect(400);
    expect(response.body.error.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    const paths = response.body.error.details.errors.map((error: { path: string[] }) => error.path);
    expect(paths).toContainEqual(path);
    expect(await rowCount('api::offer.offer')).toBe(before);
  });

  it('an update that moves endDate before the stored startDate → 400, stored offer unchanged', async () => {
    const created = await post('/api/offers', validOffer()).expect(201);
    const { documentId } = created.body.data;
    const response = await request(server())
      .put(`/api/offers/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { endDate: '2030-02-01', title: 'Geänderter Titel' } })
      .expect(400);
    expect(response.body.error.details.errors[0].path).toEqual(['endDate']);
    const stored = await getStrapi()
      .documents('api::offer.offer')
      .findOne({ documentId } as never);
    expect(stored?.endDate).toBe('2030-03-14');
    expect(stored?.title).toBe('Praktikum Testbetrieb');
    await request(server())
      .delete(`/api/offers/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(204);
  });

  it('practice example with an unknown kind of offer → 400', async () => {
    const before = await rowCount('api::practice-example.practice-example');
    const response = await post('/api/practice-examples', {
      title: 'Test',
      lead: 'Kurzer Vorspann',
      kindsOfOffer: ['strukturloesung', 'wunschkonzert'],
    }).expect(400);
    expect(response.body.error.details.errors[0].path).toEqual(['kindsOfOffer']);
    expect(await rowCount('api::practice-example.practice-example')).toBe(before);
  });

  it('employer tip with a size class that does not exist → 400', async () => {
    const response = await post('/api/employer-tips', {
      title: 'Test',
      summary: 'Kurz',
      effort: 'gering',
      cost: 'keine',
      suitedSizeClasses: ['gigantisch'],
    }).expect(400);
    expect(response.body.error.details.errors[0].path).toEqual(['suitedSizeClasses']);
  });

  it('organisation with a postal code of 6 digits and a malformed email → 400 naming both', async () => {
    const response = await post('/api/organisations', {
      name: 'Test GmbH',
      kind: 'betrieb',
      address: { postalCode: '123456' },
      contact: { email: 'a@' },
    }).expect(400);
    const paths = response.body.error.details.errors.map((error: { path: string[] }) => error.path);
    expect(paths).toContainEqual(['address', 'postalCode']);
    expect(paths).toContainEqual(['contact', 'email']);
  });
});
