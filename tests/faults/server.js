#!/usr/bin/env node
/**
 * One real Strapi process for the fault suite, started by tests/faults/run.js with `fork()`.
 * Everything comes from the environment the parent sets (database, SMTP sink, scheduler, dispatch
 * knobs); the app must already be compiled (run.js compiles once, so parallel or restarted
 * processes never write into dist/ at the same time). The process listens on HOST/PORT (PORT=0: a
 * free port) and tells the parent its port over IPC.
 *
 * Instrumentation only (nothing in the product changes): it counts the mails its newsletter
 * mailer handed to SMTP successfully, and answers `{ type: 'stats' }` with those counts.
 */
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..', '..');

const main = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({
    appDir: APP_DIR,
    distDir: path.join(APP_DIR, 'dist'),
    autoReload: false,
  }).load();

  const stats = { accepted: 0, failed: 0, issueMails: 0 };
  const mailer = strapi.plugin('newsletter').service('mailer');
  const send = mailer.send.bind(mailer);
  mailer.send = async (mail) => {
    try {
      const result = await send(mail);
      stats.accepted += 1;
      // issue mails arrive as raw MIME messages (`raw()`); single mails carry their headers
      if (typeof mail.raw === 'function' || mail.headers?.['X-Newsletter-Issue']) {
        stats.issueMails += 1;
      }
      return result;
    } catch (error) {
      stats.failed += 1;
      throw error;
    }
  };

  await strapi.listen();
  const { port } = strapi.server.httpServer.address();
  process.on('message', (message) => {
    if (message?.type === 'stats') process.send({ type: 'stats', id: message.id, stats });
    if (message?.type === 'stop') {
      strapi
        .destroy()
        .catch(() => undefined)
        .finally(() => process.exit(0));
    }
  });
  process.send({ type: 'ready', port, pid: process.pid });
};

main().catch((error) => {
  console.error(String(error?.stack ?? error).slice(0, 4000));
  process.exit(1);
});
