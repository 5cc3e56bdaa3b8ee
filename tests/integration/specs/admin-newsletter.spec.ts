/**
 * The newsletter's admin pages in Chromium (German UI): issues list, "Neue Ausgabe" with the
 * automatic proposal, editing and reordering items, preview (HTML in a sandboxed iframe, plain
 * text), test send into the SMTP sink, scheduling in Europe/Berlin with the date-time picker,
 * sending now to a few subscribers with progress up to "Gesendet", pause and cancel with their
 * confirmation, the subscribers page (counts, search, import of a Windows-1252 CSV file and of
 * an .xlsx workbook with the line-by-line report, export, GDPR erasure),
 * and a read-only editor who sees no controls she may not use.
 * Screenshots: tests/artifacts/admin-newsletter-*.png.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { adminPage, createRestrictedAdmin } from '../../helpers/admin';
import { hasChromium, launchBrowser, screenshot, serverUrl } from '../../helpers/browser';
import {
  ISSUE,
  SUBSCRIBER,
  createSubscribers,
  retireAllSubscribers,
  receivedPerAddress,
} from '../../helpers/newsletter';
import { createAdminToken, getMailSink, getStrapi } from '../../helpers/strapi';
import { localToUtc } from '../../../plugins/newsletter/server/src/lib/schedule';

const describeBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn('Newsletter admin browser tests SKIPPED: /usr/bin/chromium is missing.');
}

const OFFER = 'api::offer.offer';
const TITLE_A = 'Praktikum in der Glasbläserei (Browsertest)';
const TITLE_B = 'Schnuppertag Orgelbau (Browsertest)';
const AUDIENCE = ['ui-leser-1@example.org', 'ui-leser-2@example.org', 'ui-leser-3@example.org'];

/** axe-core (WCAG 2.1 A/AA) on the plugin's part of the page: the admin's own frame is Strapi's. */
const mainViolations = async (page: Page, scope = 'main') => {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = (await page.evaluate(
    (selector) =>
      (
        window as unknown as {
          axe: { run: (context: unknown, options: unknown) => Promise<unknown> };
        }
      ).axe.run(
        { include: [[selector]] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }
      ),
    scope
  )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
};

/** Polls until `check` holds (a page and its iframe cannot be awaited with one locator). */
const until = async (check: () => Promise<boolean>, timeoutMs = 15_000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** Tomorrow in Europe/Berlin: the date as the picker shows it and as the server reads it. */
const tomorrowInBerlin = () => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(new Date(Date.now() + 24 * 3600_000))
      .map((part) => [part.type, part.value])
  );
  return {
    german: `${parts.day}.${parts.month}.${parts.year}`,
    iso: `${parts.year}-${parts.month}-${parts.day}`,
  };
};

describeBrowser('newsletter admin pages in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let issueId = '';
  const offers: { documentId: string }[] = [];

  const issueRow = () =>
    getStrapi()
      .db.query(ISSUE)
      .findOne({ where: { documentId: issueId } });
  const sendingCard = () => page.getByRole('region', { name: 'Versand', exact: true });
  /** A screenshot of the whole page (the admin scrolls inside its layout, so grow the window). */
  const capture = async (name: string, height = 1000) => {
    await page.setViewportSize({ width: 1400, height });
    await screenshot(page, name);
    await page.setViewportSize({ width: 1400, height: 1000 });
  };
  const openIssue = async (documentId: string) => {
    await page.goto(`${base}/admin/plugins/newsletter/issues/${documentId}`);
    await sendingCard().waitFor({ timeout: 30_000 });
  };

  beforeAll(async () => {
    base = await serverUrl();
    // New content after the issues other specs sent: this is what the proposal picks up.
    for (const title of [TITLE_A, TITLE_B]) {
      offers.push(
        (await getStrapi()
          .documents(OFFER)
          .create({
            data: { title, summary: `Kurzbeschreibung: ${title}`, offerType: 'praktikum' },
            status: 'published',
          } as never)) as unknown as { documentId: string }
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    browser = await launchBrowser();
    page = await adminPage(browser);
  });

  afterAll(async () => {
    getMailSink().rejectRecipients(null);
    await browser?.close();
    for (const { documentId } of offers) {
      await getStrapi()
        .documents(OFFER)
        .delete({ documentId } as never);
    }
    await getStrapi()
      .db.query(SUBSCRIBER)
      .deleteMany({ where: { email: { $startsWith: 'ui-' } } });
  });

  it('lists the issues and creates one with the automatic proposal', async () => {
    await page.goto(`${base}/admin/plugins/newsletter`);
    await page.waitForURL(/\/admin\/plugins\/newsletter\/issues$/);
    await page.getByRole('heading', { name: 'Ausgaben', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Neue Ausgabe' }).first().waitFor();
    expect(await mainViolations(page)).toEqual([]);
    await capture('admin-newsletter-issues');

    await page.getByRole('button', { name: 'Neue Ausgabe' }).first().click();
    await page.waitForURL(/\/issues\/[a-z0-9]{10,}$/);
    issueId = page.url().split('/').pop()!;
    await sendingCard().waitFor();
    const offersList = page.getByRole('list', { name: 'Beiträge: Aktuelle Angebote' });
    // newest first in the proposal
    await offersList.getByText(TITLE_B, { exact: true }).waitFor();
    await offersList.getByText(TITLE_A, { exact: true }).waitFor();
    expect((await issueRow()).status).toBe('draft');
    // published last, so first in the proposal (others may follow, depending on earlier specs)
    expect((await issueRow()).items.slice(0, 2)).toEqual([
      { section: 'offers', documentId: offers[1].documentId },
      { section: 'offers', documentId: offers[0].documentId },
    ]);
  });

  it('edits subject and order, shows a server error at the field, and saves', async () => {
    const subject = page.getByLabel('Betreff');
    await subject.fill('');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte geben Sie einen Betreff ein.').first().waitFor();

    await subject.fill('Browsertest-Ausgabe');
    await page.getByLabel('Vorschautext').fill('Neues aus der Werkstatt');
    await page.getByRole('button', { name: `„${TITLE_A}“ nach oben` }).click();
    // the focus stays on the moved item's button (keyboard users keep their place)
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toMatch(/Glasbläserei.*nach oben/);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Ausgabe gespeichert.').first().waitFor();
    const saved = await issueRow();
    expect(saved.subject).toBe('Browsertest-Ausgabe');
    expect(saved.preheader).toBe('Neues aus der Werkstatt');
    expect(saved.items.slice(0, 2)).toEqual([
      { section: 'offers', documentId: offers[0].documentId },
      { section: 'offers', documentId: offers[1].documentId },
    ]);
  });

  it('previews the issue as HTML in a sandboxed frame and as plain text, per topic', async () => {
    const frame = page.frameLocator('iframe[title="Vorschau der Ausgabe"]');
    await frame.getByText(TITLE_A).first().waitFor();
    expect(await page.locator('iframe[title="Vorschau der Ausgabe"]').getAttribute('sandbox')).toBe(
      ''
    );
    expect(await mainViolations(page)).toEqual([]);
    await capture('admin-newsletter-issue', 2600);

    // A reader of practice examples only does not get the offers section.
    await page.getByRole('checkbox', { name: 'Angebote' }).click();
    await page.getByRole('checkbox', { name: 'Arbeitgeber-Tipps' }).click();
    await until(
      async () =>
        (await page.getByText('Für diese Themen enthält die Ausgabe keine Beiträge').count()) > 0 ||
        ((await frame.getByText('Praxisbeispiele aus anderen Kommunen').count()) > 0 &&
          (await frame.getByText(TITLE_A).count()) === 0)
    );
    expect(await frame.getByText(TITLE_A).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Angebote' }).click();

    await page.getByRole('tab', { name: 'Nur Text' }).click();
    const text = page.getByLabel('Textfassung der Ausgabe');
    await text.getByText(TITLE_A).first().waitFor();
    expect(await text.innerText()).toContain('Browsertest-Ausgabe');
    await page.getByRole('tab', { name: 'HTML' }).click();
  });

  it('sends a test to typed-in addresses and names a refused address', async () => {
    const field = page.getByLabel('Testadressen');
    await field.fill('redaktion-test@example.org, kaputt');
    await page.getByRole('button', { name: 'Testversand', exact: true }).click();
    await page.getByText('kaputt: Bitte geben Sie eine gültige E-Mail-Adresse an.').waitFor();

    await field.fill('redaktion-test@example.org\nzweite-test@example.org');
    await page.getByRole('button', { name: 'Testversand', exact: true }).click();
    const results = page.getByRole('list', { name: 'Ergebnis des Testversands' });
    await results.getByText('zweite-test@example.org').waitFor();
    expect(await results.getByText('gesendet', { exact: true }).count()).toBe(2);
    const mail = await getMailSink().waitFor(
      (m) => m.to.includes('zweite-test@example.org') && m.subject.startsWith('[TEST]')
    );
    expect(mail.subject).toBe('[TEST] Browsertest-Ausgabe');
    expect(mail.html).toContain(TITLE_A);
  });

  it('schedules with the date-time picker in Europe/Berlin', async () => {
    const { german, iso } = tomorrowInBerlin();
    await page.getByText('Zeit in Europe/Berlin').waitFor();
    const date = page.getByRole('combobox', { name: 'Datum' });
    await date.click();
    await date.fill(german);
    await date.press('Enter');
    const time = page.getByRole('combobox', { name: 'Uhrzeit' });
    await time.click();
    await time.fill('08:00');
    await time.press('Enter');
    await page.getByRole('button', { name: 'Planen', exact: true }).click();
    await sendingCard().getByText(`Geplant für ${german}, 08:00`).waitFor();
    await page.getByText('Geplant', { exact: true }).first().waitFor();
    const scheduled = await issueRow();
    expect(scheduled.status).toBe('scheduled');
    expect(new Date(scheduled.scheduledAt).toISOString()).toBe(
      localToUtc(`${iso}T08:00`, 'Europe/Berlin').toISOString()
    );
    await capture('admin-newsletter-scheduled', 1400);

    await page.goto(`${base}/admin/plugins/newsletter/issues`);
    const row = page.locator(`tr[data-issue="${issueId}"]`);
    await row.getByText('Geplant', { exact: true }).waitFor();
    await row.getByText(`Geplant für ${german}, 08:00`).waitFor();
  });

  it('sends now after a confirmation and follows the progress to "Gesendet"', async () => {
    await retireAllSubscribers();
    await createSubscribers(AUDIENCE.map((email) => ({ email, topics: ['offers'] })));
    await openIssue(issueId);
    await page.getByRole('button', { name: 'Jetzt senden' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Das lässt sich nicht rückgängig machen.', { exact: false }).waitFor();
    await capture('admin-newsletter-confirm-send');
    await dialog.getByRole('button', { name: 'Ja, jetzt senden' }).click();
    await sendingCard().getByText('Gesendet', { exact: true }).waitFor({ timeout: 60_000 });
    await sendingCard()
      .getByText('3 gesendet, 0 fehlgeschlagen, 0 übersprungen', { exact: false })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Speichern' }).count()).toBe(0);
    await capture('admin-newsletter-sent', 1400);

    const counts = receivedPerAddress(getMailSink().mails, issueId);
    expect(AUDIENCE.map((email) => counts.get(email))).toEqual([1, 1, 1]);
    expect((await issueRow()).status).toBe('sent');

    await page.goto(`${base}/admin/plugins/newsletter/issues`);
    const row = page.locator(`tr[data-issue="${issueId}"]`);
    await row.getByText('Gesendet', { exact: true }).waitFor();
    expect((await row.locator('td').nth(4).innerText()).trim()).toBe('3');
  });

  it('shows what the sent issue achieved: figures, clicks per item as a chart, CSV', async () => {
    // two readers click the first item's link in their mail (counted per link, nobody named)
    const mail = getMailSink().mails.find(
      (entry) => entry.to.includes(AUDIENCE[0]) && entry.html.includes('/newsletter/r/')
    )!;
    const link = /href="([^"]*\/newsletter\/r\/[^"]+)"/.exec(mail.html)![1].replace(/&amp;/g, '&');
    const path = new URL(link).pathname;
    for (let i = 0; i < 2; i += 1)
      await request(getStrapi().server.httpServer).get(path).expect(302);
    await getStrapi()
      .db.query(ISSUE)
      .update({ where: { documentId: issueId }, data: { hardBounces: 1, unsubscribes: 1 } });

    await openIssue(issueId);
    await page.getByRole('link', { name: 'Bericht ansehen' }).click();
    const clicks = page.getByRole('region', { name: 'Klicks je Beitrag' });
    await clicks.waitFor({ timeout: 30_000 });
    await clicks.getByText('2 Klicks', { exact: true }).first().waitFor();
    for (const label of [
      'Empfänger',
      'Gesendet',
      'Unzustellbar (dauerhaft)',
      'Abmeldungen über diese Ausgabe',
    ]) {
      await page.getByText(label, { exact: true }).first().waitFor();
    }
    await page
      .getByRole('region', { name: 'Bounce-Postfach' })
      .getByText('Kein Bounce-Postfach eingerichtet', { exact: false })
      .waitFor();
    expect(await mainViolations(page)).toEqual([]);
    await capture('admin-newsletter-report', 1300);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Als CSV herunterladen' }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file!, 'utf8');
    expect(csv).toContain('Gesendet,3');
    expect(csv).toContain('Unzustellbar (dauerhaft),1');
    expect(csv).toMatch(/Rubrik,Beitrag,Dokument,Klicks\r\n/);
    expect(csv).toMatch(/,2\r\n/);
  });

  it('pauses a send that cannot get through and cancels it after a confirmation', async () => {
    getMailSink().rejectRecipients((address) => (AUDIENCE.includes(address) ? 451 : null));
    const created = await request(getStrapi().server.httpServer)
      .post('/newsletter/issues')
      .set('Authorization', `Bearer ${await createAdminToken()}`)
      .send({
        subject: 'Browsertest: wird abgebrochen',
        items: [{ section: 'offers', documentId: offers[0].documentId }],
      })
      .expect(201);
    const documentId = created.body.data.documentId as string;
    await openIssue(documentId);
    await page.getByRole('button', { name: 'Jetzt senden' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, jetzt senden' }).click();
    await sendingCard().getByText('Wird gesendet', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Anhalten' }).click();
    await sendingCard().getByText('Angehalten', { exact: true }).waitFor();
    await sendingCard()
      .getByText('Von einer Redakteurin oder einem Redakteur angehalten.')
      .waitFor();
    await page.getByRole('button', { name: 'Fortsetzen' }).waitFor();
    await capture('admin-newsletter-paused', 1200);

    await page.getByRole('button', { name: 'Versand abbrechen' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Ja, Versand abbrechen' })
      .click();
    await sendingCard().getByText('Abgebrochen', { exact: true }).waitFor();
    expect((await getStrapi().db.query(ISSUE).findOne({ where: { documentId } })).status).toBe(
      'cancelled'
    );
    getMailSink().rejectRecipients(null);
  });

  it('subscribers: counts, search, CSV import with its report, export and GDPR erasure', async () => {
    const stats = await getStrapi().plugin('newsletter').service('subscribers').stats();
    await page.goto(`${base}/admin/plugins/newsletter/subscribers`);
    await page.getByRole('group', { name: `Aktiv: ${stats.byStatus.active}` }).waitFor();
    await page.getByRole('group', { name: `Gesamt: ${stats.total}` }).waitFor();
    const offersActive = stats.byTopic.find((topic: { key: string }) => topic.key === 'offers');
    await page.getByRole('group', { name: `Angebote: ${offersActive.active}` }).waitFor();

    await page.getByRole('searchbox', { name: 'Nach E-Mail-Adresse suchen' }).fill('ui-leser-2');
    await page.waitForURL(/_q=ui-leser-2/);
    await page
      .locator('tbody tr')
      .first()
      .getByText('ui-leser-2@example.org', { exact: true })
      .waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await mainViolations(page)).toEqual([]);
    await capture('admin-newsletter-subscribers', 1200);

    // a file as Excel on a German Windows saves it: Windows-1252, semicolons, CRLF; with an
    // invalid address, a repeated one and a quote that is never closed
    await page.getByRole('button', { name: 'Importieren (CSV, Excel)' }).click();
    const dialog = page.getByRole('dialog');
    const excelCsv = Buffer.from(
      [
        'email;name;organisation;topics;consentAt',
        'ui-import@example.org;Ida Import;Bäckerei Größe;offers|employer-tips;15.01.2026 10:00',
        'kein-at-zeichen;Falsch;;offers;',
        'ui-import@example.org;Doppelt;;offers;15.01.2026',
        '"ui-offen@example.org;Offenes Anführungszeichen;;offers;',
        'ui-weiss@example.org;Lukas Weiß;Weiß & Söhne;practice-examples;02.03.2026 08:30',
      ].join('\r\n') + '\r\n',
      'latin1'
    );
    const fileInput = dialog.getByLabel('Datei (CSV oder Excel .xlsx)');
    await fileInput.setInputFiles({
      name: 'abonnenten-excel.csv',
      mimeType: 'text/csv',
      buffer: excelCsv,
    });
    await dialog
      .getByText(
        'abonnenten-excel.csv: CSV, Windows-1252 (ANSI), Trennzeichen Semikolon, 5 Datenzeilen',
        { exact: false }
      )
      .waitFor();
    await dialog.getByRole('button', { name: 'Importieren', exact: true }).click();
    await dialog.getByText('Ergebnis des Imports').waitFor();
    await dialog
      .getByText('Erkannt: CSV, Windows-1252 (ANSI), Trennzeichen Semikolon', { exact: true })
      .waitFor();
    expect(await mainViolations(page, '[role="dialog"]')).toEqual([]);
    // the counts: 5 data lines = 2 new + 1 skipped + 2 not taken
    const summary = (await dialog.getByLabel('Zusammenfassung').innerText()).replace(/\s+/g, ' ');
    expect(summary).toBe(
      'Datenzeilen 5 Neu, aktiv 2 Neu, Bestätigung angefragt 0 Wieder aufgenommen 0 Übersprungen 1 Fehlerhaft 2'
    );
    const errors = dialog.getByRole('grid', { name: 'Fehlerhafte Zeilen' });
    await errors.getByText('Bitte geben Sie eine gültige E-Mail-Adresse an.').waitFor();
    const cells = async (table: typeof errors) =>
      Promise.all(
        (await table.locator('tbody tr').all()).map(async (row) =>
          (await row.locator('td').allInnerTexts()).map((text) => text.trim())
        )
      );
    expect(await cells(errors)).toEqual([
      ['3', 'email', 'Bitte geben Sie eine gültige E-Mail-Adresse an.'],
      [
        '5',
        'ganze Zeile',
        'Ein Anführungszeichen wird in dieser Zeile geöffnet und nicht geschlossen. Die Zeile wurde nicht übernommen; ab der nächsten Zeile wird weitergelesen.',
      ],
    ]);
    const skipped = dialog.getByRole('grid', { name: 'Übersprungene Zeilen' });
    expect(await cells(skipped)).toEqual([
      ['4', 'ui-import@example.org', 'Adresse steht bereits in Zeile 2 dieser Datei.'],
    ]);
    await capture('admin-newsletter-import', 1400);
    expect(
      await getStrapi()
        .db.query(SUBSCRIBER)
        .findOne({ where: { email: 'ui-weiss@example.org' } })
    ).toMatchObject({ status: 'active', name: 'Lukas Weiß', organisation: 'Weiß & Söhne' });

    // then a workbook: sent as it is, read on the server
    await dialog.getByRole('button', { name: 'Andere Datei' }).click();
    await fileInput.setInputFiles(
      path.resolve(__dirname, '../../../plugins/newsletter/server/tests/fixtures/subscribers.xlsx')
    );
    await dialog.getByText(/subscribers\.xlsx: Excel-Arbeitsmappe \(\d+ KB\)/).waitFor();
    await dialog.getByRole('button', { name: 'Importieren', exact: true }).click();
    await dialog
      .getByText('Erkannt: Excel-Arbeitsmappe (.xlsx), Tabellenblatt „Abonnenten“', {
        exact: true,
      })
      .waitFor();
    expect(await cells(errors)).toEqual([
      ['6', 'email', 'Bitte geben Sie eine gültige E-Mail-Adresse an.'],
    ]);
    await capture('admin-newsletter-import-xlsx', 1200);
    await dialog.getByRole('button', { name: 'Schließen' }).last().click();
    expect(
      await getStrapi()
        .db.query(SUBSCRIBER)
        .findOne({ where: { email: 'ui-import@example.org' } })
    ).toMatchObject({ status: 'active', name: 'Ida Import', organisation: 'Bäckerei Größe' });
    expect(
      await getStrapi()
        .db.query(SUBSCRIBER)
        .findOne({ where: { email: 'ui-offen@example.org' } })
    ).toBeNull();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV exportieren' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^newsletter-abonnenten-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^email,name,organisation,topics,status/);
    expect(csv).toContain('ui-import@example.org,Ida Import,Bäckerei Größe');

    // GDPR: erase one address after a confirmation
    await page.getByRole('searchbox', { name: 'Nach E-Mail-Adresse suchen' }).fill('ui-import');
    await page
      .locator('tbody tr')
      .first()
      .getByText('ui-import@example.org', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'ui-import@example.org löschen (DSGVO)' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Ja, endgültig löschen' })
      .click();
    await page.getByText('ui-import@example.org wurde gelöscht.').first().waitFor();
    await page.getByText('Keine Adresse passt zur Suche.').waitFor();
    expect(
      await getStrapi()
        .db.query(SUBSCRIBER)
        .findOne({ where: { email: 'ui-import@example.org' } })
    ).toBeNull();
  });

  it('shows a read-only editor no controls she may not use', async () => {
    const credentials = await createRestrictedAdmin({
      email: 'nl-nur-lesen@bildungsbuero.example',
      actions: ['plugin::newsletter.issues.read'],
    });
    const readOnly = await adminPage(browser, credentials);
    await readOnly.goto(`${base}/admin/plugins/newsletter/issues`);
    await readOnly.locator(`tr[data-issue="${issueId}"]`).waitFor();
    expect(await readOnly.getByRole('button', { name: 'Neue Ausgabe' }).count()).toBe(0);
    expect(await readOnly.getByRole('link', { name: 'Abonnenten' }).count()).toBe(0);
    await readOnly.goto(`${base}/admin/plugins/newsletter/issues/${issueId}`);
    await readOnly.getByRole('region', { name: 'Versand', exact: true }).waitFor();
    for (const name of [
      'Speichern',
      'Jetzt senden',
      'Planen',
      'Testversand',
      'Beitrag hinzufügen',
    ]) {
      expect([name, await readOnly.getByRole('button', { name, exact: true }).count()]).toEqual([
        name,
        0,
      ]);
    }
    expect(await readOnly.locator('iframe').count()).toBe(0);
    await readOnly.setViewportSize({ width: 1400, height: 1200 });
    await screenshot(readOnly, 'admin-newsletter-read-only');
    await readOnly.context().close();
  });
});
