/**
 * The one integration entry point: Strapi boots once for the whole run (booting per test file
 * would cost seconds each), then every spec module registers its tests against it.
 */
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

beforeAll(async () => {
  await setupStrapi();
});

afterAll(async () => {
  await teardownStrapi();
});

import './specs/seed.spec';
import './specs/admin-register.spec';
import './specs/public-access.spec';
import './specs/deployment.spec';
import './specs/offers-current.spec';
import './specs/read-cache.spec';
import './specs/municipality.spec';
import './specs/validation.spec';
import './specs/admin-labels.spec';
import './specs/newsletter-subscribe.spec';
import './specs/newsletter-tokens.spec';
import './specs/newsletter-delivery.spec';
import './specs/newsletter-admin.spec';
import './specs/newsletter-import.spec';
import './specs/newsletter-send.spec';
import './specs/newsletter-clicks.spec';
import './specs/newsletter-archive.spec';
import './specs/newsletter-durability.spec';
import './specs/newsletter-bounces.spec';
import './specs/newsletter-editor.spec';
import './specs/newsletter-admin-ui-api.spec';
import './specs/employer-check.spec';
import './specs/employer-check-recheck.spec';
import './specs/employer-check-plan.spec';
import './specs/employer-check-survey.spec';
import './specs/employer-check-reminders.spec';
import './specs/newsletter-personal-tips.spec';
import './specs/pages.spec';
import './specs/selbstcheck-programme.spec';
import './specs/pages-personal-tips.spec';
import './specs/content-pages.spec';
import './specs/admin-employer-check.spec';
import './specs/admin-newsletter.spec';
import './specs/admin-personal-tips.spec';
import './specs/admin-permissions.spec';
import './specs/hostile-input.spec';
import './specs/demo-seed.spec';
// last: it deletes, with a clock moved years ahead, what earlier specs left behind
import './specs/newsletter-retention.spec';
