#!/usr/bin/env node
/**
 * `npm run demo`: compiles the app, loads Strapi (without starting the HTTP server) and adds the
 * demo activity that is not there yet (newsletter subscribers and issues with their report data,
 * completed self-checks; src/seed/demo). Safe to run any number of times. Refused with
 * NODE_ENV=production (exit code 1).
 *
 * `npm run demo:remove` (`--remove`): deletes exactly the demo activity and the rows that belong
 * to it; the demo content (`npm run seed`) and everything else stays.
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const remove = process.argv.includes('--remove');
const REFUSAL = 'The demo activity is for development only: refused because NODE_ENV=production.';

(async () => {
  if (!remove && process.env.NODE_ENV === 'production') {
    throw new Error(REFUSAL);
  }
  // this script adds or removes it, not the start of an empty database
  process.env.SEED_DEMO_ACTIVITY = 'false';
  const appContext = await compileStrapi();
  const strapi = await createStrapi(appContext).load();
  try {
    const demo = require(path.join(appContext.distDir, 'src', 'seed', 'demo'));
    if (remove) {
      const removal = await demo.removeDemoActivity(strapi);
      console.log(`Demo activity removed: ${demo.formatDemoRemoval(removal)}`);
    } else {
      const report = await demo.seedDemoActivity(strapi);
      console.log(`Demo activity: ${demo.formatDemoReport(report)}`);
    }
  } finally {
    await strapi.destroy();
  }
  process.exit(0);
})().catch((error) => {
  console.error(error instanceof Error && error.message === REFUSAL ? error.message : error);
  process.exit(1);
});
