/**
 * The self-check as a programme in a real browser (Debian Chromium + playwright-core): the
 * company's result with the action plan (an error at the field, then saved), the reminder
 * sign-up (errors at the fields, then pending until confirmed), the employees' survey started
 * from the result, an employee answering on the survey page (errors, thanks, a
 * second answer from the same browser refused), the employees' view from k answers on, closing
 * the survey with its key, and the re-check. axe-core finds no violation in any state.
 */
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  hasChromium,
  launchBrowser,
  screenshot,
  serverUrl,
  tabTo,
} from '../../helpers/browser';
import { activeQuestions, weakAnswers } from '../../helpers/employer-check';
import { getStrapi } from '../../helpers/strapi';

const API = '/api/employer-check';
const describeBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn('Browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium).');
}

const inDays = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
    new Date(Date.now() + days * 86_400_000)
  );

describeBrowser('self-check programme pages in Chromium', () => {
  let browser: Browser;
  let base: string;
  let page: Page;

  const expectNoViolations = async (target: Page, state: string) => {
    const violations = await axeViolations(target);
    if (violations.length) console.error(state, JSON.stringify(violations, null, 2));
    expect(violations).toEqual([]);
    await screenshot(target, state);
  };

  beforeAll(async () => {
    base = await serverUrl();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ locale: 'de-DE' });
  });

  afterEach(async () => {
    await page.close();
  });

  it('the company: plan with an error at the field, survey started, employees answer, the gap, closing, re-check', async () => {
    const server = getStrapi().server.httpServer;
    const questions = await activeQuestions();
    const created = await request(server)
      .post(`${API}/submissions`)
      .send({
        profile: { sector: 'G', sizeClass: 'small', trainsApprentices: true },
        answers: weakAnswers(questions, ['verguetung', 'gesundheit']),
        complete: true,
        consentStatistics: false,
      })
      .expect(201);
    const token = created.body.token as string;

    await page.goto(`${base}/selbstcheck/?token=${token}`);
    await page.waitForSelector('#plan-form');
    await expectNoViolations(page, 'programme-result');

    // the plan, by keyboard: take the first tip, a date in the past → the error at the field
    await page.focus('#result-heading');
    await tabTo(page, '#plan-take-0');
    await page.keyboard.press('Space');
    await page.fill('#plan-date-0', inDays(-3));
    await tabTo(page, '#plan-form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#plan-date-0[aria-invalid="true"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-date-0');
    expect(await page.textContent('#plan-date-0-error')).toContain('Vergangenheit');
    await expectNoViolations(page, 'programme-plan-error');

    await page.fill('#plan-date-0', inDays(60));
    await tabTo(page, '#plan-form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('#plan-summary')?.textContent?.includes('1 Maßnahme im Plan')
    );
    expect(await page.textContent('#plan-state-0')).toContain('Offen, Ziel:');
    await expectNoViolations(page, 'programme-plan-saved');

    // reminders: errors at the fields, then the double opt-in starts
    await tabTo(page, '#reminders-email');
    await page.keyboard.type('keine-adresse');
    await tabTo(page, '#reminders-form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reminders-email[aria-invalid="true"]');
    await page.waitForSelector('#reminders-consent[aria-invalid="true"]');
    await expectNoViolations(page, 'programme-reminders-error');
    await page.fill('#reminders-email', `programm-${Date.now()}@betrieb.example`);
    await tabTo(page, '#reminders-consent');
    await page.keyboard.press('Space');
    await tabTo(page, '#reminders-form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reminders-state');
    expect(await page.textContent('#reminders-state')).toContain('bestätigen');
    await expectNoViolations(page, 'programme-reminders-pending');

    // the survey, started by keyboard
    await tabTo(page, '#survey-start button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#survey-link');
    const link = await page.inputValue('#survey-link');
    const manageKey = await page.inputValue('#survey-manage');
    const surveyId = new URL(link).searchParams.get('id')!;
    expect(surveyId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(manageKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await page.textContent('#survey-missing')).toContain('Es fehlen noch 5');
    await expectNoViolations(page, 'programme-survey-started');

    // an employee: nothing chosen → the alert; then answers by keyboard and mouse → thanks
    const employee = await browser.newPage({ locale: 'de-DE' });
    await employee.goto(`${base}/selbstcheck/befragung/?id=${surveyId}`);
    await employee.waitForSelector('#survey-form:not([hidden])');
    await expectNoViolations(employee, 'survey-form');
    await employee.focus('#main');
    await tabTo(employee, '#send');
    await employee.keyboard.press('Enter');
    await employee.waitForSelector('#form-alert .notice-error');
    await expectNoViolations(employee, 'survey-form-error');
    // every statement by keyboard: Tab to the group, the arrow key picks "2"
    const statements = await employee.$$eval('#survey-questions fieldset', (sets) => sets.length);
    await tabTo(employee, '#survey-questions input[type="radio"]');
    for (let i = 0; i < statements; i += 1) {
      await employee.keyboard.press('ArrowRight');
      await employee.keyboard.press('Tab');
    }
    expect(
      await employee.$$eval('#survey-questions input:checked', (inputs) =>
        inputs.map((input) => (input as HTMLInputElement).value)
      )
    ).toEqual(Array(statements).fill('2'));
    await tabTo(employee, '#send');
    await employee.keyboard.press('Enter');
    await employee.waitForSelector('#thanks-heading');
    expect(await employee.textContent('#thanks-heading')).toContain('Vielen Dank');
    await expectNoViolations(employee, 'survey-thanks');

    // the same browser again: refused, and said so
    await employee.goto(`${base}/selbstcheck/befragung/?id=${surveyId}`);
    await employee.waitForSelector('#survey-form:not([hidden])');
    await employee.check('#survey-questions input[type="radio"][value="3"]');
    await employee.click('#send');
    await employee.waitForSelector('#thanks-heading');
    expect(await employee.textContent('#thanks-heading')).toContain('schon geantwortet');
    await expectNoViolations(employee, 'survey-answered-twice');

    // four colleagues answer: the company sees the employees' view next to its own
    const form = (await request(server).get(`${API}/surveys/${surveyId}`).expect(200)).body.data;
    for (let i = 0; i < 4; i += 1)
      await request(server)
        .post(`${API}/surveys/${surveyId}/responses`)
        .send({
          answers: Object.fromEntries(
            form.questions.map((question: { id: string }) => [question.id, 4])
          ),
        })
        .expect(201);
    await page.reload();
    await page.waitForSelector('#gap-table');
    expect(await page.textContent('#survey-state')).toContain('5 Personen');
    expect(await page.textContent('#gap-table')).toMatch(/Beschäftigte/);
    await expectNoViolations(page, 'programme-survey-figures');

    // closing with the key: a wrong key is an error at the field, the right one closes
    await page.fill('#survey-key', 'A'.repeat(32));
    await tabTo(page, '#survey-close button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#survey-key[aria-invalid="true"]');
    await expectNoViolations(page, 'programme-survey-close-error');
    await page.fill('#survey-key', manageKey);
    await tabTo(page, '#survey-close button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('#survey-state')?.textContent?.includes('beendet')
    );
    await expectNoViolations(page, 'programme-survey-closed');

    await employee.goto(`${base}/selbstcheck/befragung/?id=${surveyId}`);
    await employee.waitForSelector('#thanks-heading');
    expect(await employee.textContent('#thanks-heading')).toContain('beendet');
    await expectNoViolations(employee, 'survey-closed');
    await employee.goto(`${base}/selbstcheck/befragung/?id=${'B'.repeat(22)}`);
    await employee.waitForSelector('#form-alert .notice-error');
    await expectNoViolations(employee, 'survey-unknown');
    await employee.close();

    // the re-check: a new check with the profile, the company key shown once
    await tabTo(page, '#recheck');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#company-key');
    expect(await page.inputValue('#company-key')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await expectNoViolations(page, 'programme-recheck');
  });

  it('narrow screens: the result with plan and survey and the employees’ page do not scroll sideways', async () => {
    const server = getStrapi().server.httpServer;
    const questions = await activeQuestions();
    const created = await request(server)
      .post(`${API}/submissions`)
      .send({
        profile: { sector: 'G', sizeClass: 'small', trainsApprentices: true },
        answers: weakAnswers(questions, ['fuehrung']),
        complete: true,
        consentStatistics: false,
      })
      .expect(201);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${base}/selbstcheck/?token=${created.body.token}`);
    await page.waitForSelector('#plan-form');
    // nothing wider than its box (a scrolling table region may be: it scrolls inside itself)
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main, main *')]
        .filter((element) => !element.closest('.table-wrap, .hp, .visually-hidden, input'))
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => `${element.tagName.toLowerCase()}#${element.id}`)
    );
    expect(overflowing).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)
    ).toBe(true);
    await expectNoViolations(page, 'programme-result-narrow');

    // the employees' page on the same phone
    const { surveyId } = (
      await request(server)
        .post(`${API}/submissions/${created.body.token}/surveys`)
        .send({})
        .expect(201)
    ).body;
    await page.goto(`${base}/selbstcheck/befragung/?id=${surveyId}`);
    await page.waitForSelector('#survey-form:not([hidden])');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)
    ).toBe(true);
    await expectNoViolations(page, 'survey-form-narrow');
  });
});
