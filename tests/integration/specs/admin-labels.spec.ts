import { getStrapi } from '../../helpers/strapi';

describe('editors see German names and labels in the admin', () => {
  it.each([
    ['api::offer.offer', 'Angebot', 'validUntil', 'Gültig bis'],
    [
      'api::municipality.municipality',
      'Kommune',
      'populationDensity',
      'Bevölkerungsdichte (Einw. je km²)',
    ],
    [
      'api::practice-example.practice-example',
      'Praxisbeispiel',
      'kindsOfOffer',
      'Art des Angebotes',
    ],
    ['api::employer-tip.employer-tip', 'Arbeitgeber-Tipp', 'effort', 'Aufwand'],
    ['api::organisation.organisation', 'Organisation', 'sizeClass', 'Betriebsgröße'],
    ['api::field-of-action.field-of-action', 'Handlungsfeld', 'name', 'Name'],
  ])('%s', async (uid, displayName, field, label) => {
    const strapi = getStrapi();
    expect(strapi.contentType(uid as never).info.displayName).toBe(displayName);
    const configuration = await strapi
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration({ uid });
    expect(configuration.metadatas[field].edit.label).toBe(label);
  });

  it('shows the computed population density read-only', async () => {
    const configuration = await getStrapi()
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration({ uid: 'api::municipality.municipality' });
    expect(configuration.metadatas.populationDensity.edit.editable).toBe(false);
  });
});
