import request from 'supertest';
import { createFullAccessToken, getStrapi } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;

describe('municipality population density', () => {
  let token: string;
  beforeAll(async () => {
    token = await createFullAccessToken('municipality-tests');
  });

  it('is computed from area and population for the seeded Landkreis Verden', async () => {
    const response = await request(server())
      .get('/api/municipalities?filters[name][$eq]=Landkreis Verden')
      .expect(200);
    const [verden] = response.body.data;
    expect(Number(verden.areaKm2)).toBeCloseTo(787.97, 2);
    expect(verden.population).toBe(134645);
    // 134645 / 787.97 = 170.876… → one decimal
    expect(Number(verden.populationDensity)).toBe(170.9);
  });

  it('ignores a hand-typed value and follows later changes of area or population', async () => {
    const created = await request(server())
      .post('/api/municipalities')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: {
          name: 'Testgemeinde Dichte',
          kind: 'gemeinde',
          state: 'niedersachsen',
          areaKm2: 50,
          population: 1234,
          populationDensity: 99999,
        },
      })
      .expect(201);
    const { documentId } = created.body.data;
    expect(Number(created.body.data.populationDensity)).toBe(24.7);

    const updated = await request(server())
      .put(`/api/municipalities/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { population: 2000 } })
      .expect(200);
    expect(Number(updated.body.data.populationDensity)).toBe(40);

    const read = await request(server()).get(`/api/municipalities/${documentId}`).expect(200);
    expect(Number(read.body.data.populationDensity)).toBe(40);

    await request(server())
      .delete(`/api/municipalities/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(204);
  });

  it('comes along when a practice example populates its municipality', async () => {
    const response = await request(server())
      .get('/api/practice-examples?populate[municipality]=true&pagination[pageSize]=1')
      .expect(200);
    const municipality = response.body.data[0].municipality;
    expect(Number(municipality.populationDensity)).toBeGreaterThan(0);
  });
});
