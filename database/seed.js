#!/usr/bin/env node
/**
 * `npm run seed`: compiles the app, loads Strapi (without starting the HTTP server) and adds the
 * demo content that is not there yet. Safe to run any number of times.
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

(async () => {
  const appContext = await compileStrapi();
  const strapi = await createStrapi(appContext).load();
  try {
    const { seed, formatReport } = require(path.join(appContext.distDir, 'src', 'seed'));
    const report = await seed(strapi);
    console.log(`Seed finished: ${formatReport(report)}`);
  } finally {
    await strapi.destroy();
  }
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
