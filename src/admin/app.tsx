import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // German next to the default English; editors' browsers in German get it automatically,
    // everyone can switch in their profile.
    locales: ['de'],
  },
  bootstrap(_app: StrapiApp) {},
};
