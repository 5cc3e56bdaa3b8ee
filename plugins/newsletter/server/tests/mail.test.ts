import config from '../src/config';
import { renderConfirmation } from '../src/mail/confirmation';
import { compileCount, compileMjml } from '../src/mail/mjml';
import { renderPage } from '../src/pages/render';

const settings = {
  ...config.default,
  newsletterName: 'Newsletter <Test>',
  imprint: {
    organisation: 'Kreis & Co',
    lines: ['Straße 1', '12345 Ort'],
    url: 'https://example.org/impressum',
  },
  privacyUrl: 'https://example.org/datenschutz',
};

describe('confirmation mail', () => {
  it('renders HTML from strict MJML with escaped values and a real text part', async () => {
    const mail = await renderConfirmation(settings, {
      name: '<img src=x onerror=alert(1)>',
      topics: ['offers', 'employer-tips'],
      confirmUrl: 'https://cms.example/api/newsletter/confirm?token=a.b&x="y"',
    });
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung: Newsletter <Test>');
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain(
      'href="https://cms.example/api/newsletter/confirm?token=a.b&amp;x=&quot;y&quot;"'
    );
    expect(mail.html).toContain('Kreis &amp; Co');
    expect(mail.html).not.toMatch(/%%\w+%%/);
    expect(mail.text).toContain('Gewählte Themen: Angebote, Arbeitgeber-Tipps');
    expect(mail.text).toContain('https://cms.example/api/newsletter/confirm?token=a.b&x="y"');
    // written as text, not the HTML copied (a subscriber's own name stays as typed)
    expect(mail.text).not.toMatch(/<(a|p|div|table|mj-)[\s>]/i);
    expect(mail.text).toContain('Guten Tag <img src=x onerror=alert(1)>,');
  });

  it('mentions a link asked for with the subscription, and confirms only the link for an active subscriber', async () => {
    const label = 'das Ergebnis <Ihres> Selbstchecks';
    const both = await renderConfirmation(settings, {
      topics: ['employer-tips'],
      confirmUrl: 'https://a/c',
      link: { label, only: false },
    });
    expect(both.subject).toMatch(/Anmeldung/);
    expect(both.html).toContain('das Ergebnis &lt;Ihres&gt; Selbstchecks');
    expect(both.text).toContain(label);
    expect(both.html).toContain('Anmeldung bestätigen');
    const only = await renderConfirmation(settings, {
      topics: ['employer-tips'],
      confirmUrl: 'https://a/c',
      link: { label, only: true },
    });
    expect(only.subject).toBe('Bitte bestätigen Sie die Verknüpfung: Newsletter <Test>');
    expect(only.html).toContain('Verknüpfung bestätigen');
    expect(only.html).not.toContain('Anmeldung bestätigen');
    expect(only.text).toContain('bereits');
    expect(only.html).not.toMatch(/%%\w+%%/);
  });

  it('compiles the template once, not per mail', async () => {
    await renderConfirmation(settings, { topics: ['offers'], confirmUrl: 'https://a' });
    const before = compileCount();
    for (let i = 0; i < 5; i += 1) {
      await renderConfirmation(settings, {
        name: `Leser ${i}`,
        topics: ['offers'],
        confirmUrl: `https://a/${i}`,
      });
    }
    expect(compileCount()).toBe(before);
  });

  it('invalid MJML fails loudly', async () => {
    await expect(compileMjml('<mjml><mj-body><mj-unknown /></mj-body></mjml>')).rejects.toThrow();
  });
});

describe('pages', () => {
  it('are German, escape everything, and post with a button', () => {
    const html = renderPage({
      title: 'Abmelden <jetzt>',
      paragraphs: ['"quote" & <b>'],
      form: { action: '/x?token=a&b', button: 'Los', fields: { token: '"><script>' } },
    });
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Abmelden &lt;jetzt&gt;');
    expect(html).toContain('&quot;quote&quot; &amp; &lt;b&gt;');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(html).not.toContain('<script');
    expect(html).toContain('<button type="submit">Los</button>');
  });
});
