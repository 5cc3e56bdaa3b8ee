import config from '../src/config';
import { compileMjml } from '../src/mail/mjml';
import { freezeIssue, issueMjml, personalise, type IssueContent } from '../src/mail/issue';

const settings = {
  ...config.default,
  publicUrl: 'https://cms.example',
  newsletterName: 'Newsletter',
  imprint: {
    organisation: 'Bildungsbüro',
    lines: ['Straße 1', '12345 Ort'],
    url: 'https://cms.example/impressum',
  },
  privacyUrl: 'https://cms.example/datenschutz',
};

const item = (title: string) => ({
  title,
  url: `/angebote/${title.toLowerCase()}`,
  label: 'Praktikum',
  facts: [{ label: 'Ort', value: 'Verden' }],
  summary: `Über ${title}`,
});

const content = (topics: string[]): IssueContent => ({
  subject: 'Ausgabe März',
  preheader: 'Neues',
  intro: [{ type: 'paragraph', children: [{ type: 'text', text: 'Willkommen' }] }],
  webUrl: 'https://cms.example/api/newsletter/issues/abc/web',
  sections: [
    {
      topic: 'offers',
      title: 'Angebote',
      items: topics.includes('offers') ? [item('Tischlerei'), item('Pflege')] : [],
    },
    {
      topic: 'practice-examples',
      title: 'Praxisbeispiele',
      items: topics.includes('practice-examples') ? [item('Verden')] : [],
    },
    {
      topic: 'employer-tips',
      title: 'Tipps',
      items: topics.includes('employer-tips') ? [item('Onboarding')] : [],
    },
  ],
});

const recipient = (topics: string[]) => ({
  topics,
  name: 'Erika <Muster>',
  preferencesUrl: 'https://cms.example/p?token=a&b',
  unsubscribeUrl: 'https://cms.example/u?token=c',
});

const normalise = (html: string) =>
  html.replace(/<!--nl:(begin|end):[a-z-]+-->/g, '').replace(/\s+/g, ' ');

describe('issue rendering', () => {
  const all = ['offers', 'practice-examples', 'employer-tips'];
  let frozen: Awaited<ReturnType<typeof freezeIssue>>;
  beforeAll(async () => {
    frozen = await freezeIssue(settings, content(all));
  });

  it('compiles strict MJML once, with the topics that have items', () => {
    expect(frozen.topics).toEqual(all);
    expect(frozen.itemCount).toBe(4);
    expect(frozen.html).toContain('Neues'); // preheader (mj-preview)
    expect(frozen.html).toContain('Im Browser ansehen');
  });

  it.each([
    [['offers']],
    [['practice-examples', 'employer-tips']],
    [['offers', 'employer-tips']],
    [all],
  ])(
    'cutting sections out of the compiled issue equals compiling only those sections (%j)',
    async (topics) => {
      const cut = personalise(frozen, recipient(topics))!;
      const direct = personalise(await freezeIssue(settings, content(topics)), recipient(topics))!;
      expect(normalise(cut.html)).toBe(normalise(direct.html));
      expect(cut.text).toBe(direct.text);
    }
  );

  it('fills per-recipient values escaped in HTML and as typed in text', () => {
    const mail = personalise(frozen, recipient(['offers']))!;
    expect(mail.html).toContain('Guten Tag Erika &lt;Muster&gt;,');
    expect(mail.html).toContain('href="https://cms.example/p?token=a&amp;b"');
    expect(mail.text).toContain('Guten Tag Erika <Muster>,');
    expect(mail.text).toContain('Themen ändern: https://cms.example/p?token=a&b');
    expect(mail.html).not.toMatch(/%%\w+%%/);
    expect(mail.text).not.toMatch(/%%\w+%%/);
    expect(mail.html).not.toContain('Praxisbeispiele');
    expect(mail.text).not.toContain('PRAXISBEISPIELE');
  });

  it('an anonymous reader (web version, archive) gets no salutation at all', () => {
    const mail = personalise(frozen, { ...recipient(['offers']), anonymous: true })!;
    expect(mail.html).not.toContain('Guten Tag');
    expect(mail.text).not.toContain('Guten Tag');
    expect(mail.html).not.toContain('Erika');
  });

  it('a recipient whose topics have no item gets no mail', async () => {
    const onlyOffers = await freezeIssue(settings, content(['offers']));
    expect(personalise(onlyOffers, recipient(['employer-tips']))).toBeNull();
  });

  it('relative item links become absolute; unsafe ones are dropped', async () => {
    const hostile = await freezeIssue(settings, {
      ...content([]),
      sections: [
        {
          topic: 'offers',
          title: 'A',
          items: [{ title: 'X', url: 'javascript:alert(1)' }, item('Y')],
        },
      ],
    });
    expect(hostile.html).not.toContain('javascript:');
    expect(hostile.html).toContain('href="https://cms.example/angebote/y"');
  });

  it('item links (title and "Mehr erfahren", HTML and text) go through itemLink, once per compile; the other links do not', async () => {
    const seen: string[] = [];
    const linked = await freezeIssue(settings, {
      ...content([]),
      sections: [
        {
          topic: 'offers',
          title: 'Angebote',
          items: [{ ...item('Tischlerei'), id: 'doc1' }, { title: 'Ohne Link' }],
        },
      ],
      itemLink: (url, { section, id }) => {
        seen.push(`${section}:${id}`);
        return `https://cms.example/r/${encodeURIComponent(url)}`;
      },
    });
    const redirect = 'https://cms.example/r/https%3A%2F%2Fcms.example%2Fangebote%2Ftischlerei';
    const first = personalise(linked, recipient(['offers']))!;
    const second = personalise(linked, { ...recipient(['offers']), name: 'Max' })!;
    expect(seen).toEqual(['offers:doc1', 'offers:doc1']);
    expect(first.html.split(`href="${redirect}"`)).toHaveLength(3);
    expect(first.html).not.toContain('href="https://cms.example/angebote/tischlerei"');
    expect(first.text).toContain(`Mehr erfahren: ${redirect}`);
    expect(second.html.split(`href="${redirect}"`)).toHaveLength(3);
    // preferences, unsubscribe, web version, imprint and privacy links stay as they are
    for (const href of [
      'https://cms.example/p?token=a&amp;b',
      'https://cms.example/u?token=c',
      'https://cms.example/api/newsletter/issues/abc/web',
      'https://cms.example/impressum',
      'https://cms.example/datenschutz',
    ]) {
      expect(first.html).toContain(`href="${href}"`);
    }
    expect(first.text).toContain('Newsletter abbestellen: https://cms.example/u?token=c');
  });

  it('the MJML is valid for the strict validator', async () => {
    await expect(compileMjml(issueMjml(settings, content(all)))).resolves.toContain(
      '<!doctype html>'
    );
  });
});

describe('personalised section (pre-rendered item blocks)', () => {
  const tip = (id: string, title: string) => ({ ...item(title), id, label: 'Tipp' });
  const personalContent = (editorTips: string[]): IssueContent => ({
    ...content(['offers']),
    sections: [
      content(['offers']).sections[0],
      {
        topic: 'employer-tips',
        title: 'Tipps',
        personal: true,
        items: editorTips.map((id) => tip(id, `Editor ${id}`)),
        pool: ['t1', 't2', 't3', 'e1'].map((id) => tip(id, `Pool ${id}`)),
      },
    ],
  });
  const titles = (html: string) =>
    [...html.matchAll(/>(Editor|Pool) ([a-z0-9]+)</g)].map((match) => match[2]);

  test('one compile holds every pool item once; recipients get their own items in their order', async () => {
    const frozen = await freezeIssue(settings, personalContent(['e1']));
    expect(frozen.personal).toMatchObject({
      topic: 'employer-tips',
      defaults: ['e1'],
      pool: ['e1', 't1', 't2', 't3'],
    });
    const own = personalise(frozen, {
      ...recipient(['offers', 'employer-tips']),
      items: ['t3', 't1'],
    })!;
    expect(titles(own.html)).toEqual(['t3', 't1']);
    expect(own.html).toContain('Tischlerei');
    expect(own.html).not.toContain('nl:item');
    expect(own.text.indexOf('Pool t3')).toBeLessThan(own.text.indexOf('Pool t1'));
    expect(own.text).not.toContain('Editor e1');

    const plain = personalise(frozen, recipient(['offers', 'employer-tips']))!;
    expect(titles(plain.html)).toEqual(['e1']);
    expect(plain.text).toContain('Editor e1');
    expect(plain.text).not.toContain('Pool t1');
  });

  test('unknown ids are ignored; without the topic the section is left out', async () => {
    const frozen = await freezeIssue(settings, personalContent(['e1']));
    const unknown = personalise(frozen, {
      ...recipient(['employer-tips']),
      items: ['nope', 't2'],
    })!;
    expect(titles(unknown.html)).toEqual(['t2']);
    const noTips = personalise(frozen, { ...recipient(['offers']), items: ['t2'] })!;
    expect(titles(noTips.html)).toEqual([]);
    expect(noTips.text).not.toContain('TIPPS');
  });

  test('without editor tips only recipients with a selection get the section', async () => {
    const frozen = await freezeIssue(settings, personalContent([]));
    expect(frozen.topics).toEqual(['offers']);
    expect(personalise(frozen, recipient(['employer-tips']))).toBeNull();
    const own = personalise(frozen, { ...recipient(['employer-tips']), items: ['t2'] })!;
    expect(titles(own.html)).toEqual(['t2']);
    expect(own.text).toContain('TIPPS');
  });

  test('the structure of the mail stays balanced whatever is chosen', async () => {
    const frozen = await freezeIssue(settings, personalContent(['e1']));
    const count = (html: string, tag: string) =>
      (html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length -
      (html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length;
    for (const items of [[], ['t1'], ['t3', 't2', 't1', 'e1']]) {
      const mail = personalise(frozen, { ...recipient(['offers', 'employer-tips']), items })!;
      for (const tag of ['table', 'tr', 'td', 'div']) expect(count(mail.html, tag)).toBe(0);
    }
  });

  test('pool items link through itemLink too, in HTML and text', async () => {
    const base = personalContent(['e1']);
    const frozen = await freezeIssue(settings, {
      ...base,
      sections: base.sections.map((section) => ({
        ...section,
        pool: section.pool?.map((entry) => ({ ...entry, url: `/tipps/${entry.id}` })),
      })),
      itemLink: (url, { section, id }) => `https://cms.example/r/${section}/${id}`,
    });
    const own = personalise(frozen, { ...recipient(['employer-tips']), items: ['t2'] })!;
    expect(own.html).toContain('href="https://cms.example/r/employer-tips/t2"');
    expect(own.text).toContain('Mehr erfahren: https://cms.example/r/employer-tips/t2');
    expect(own.html).not.toContain('/tipps/');
  });

  test('a personalised item needs a safe id', async () => {
    const bad = personalContent(['e1']);
    bad.sections[1].pool = [{ ...item('X'), id: 'a b-->' }];
    expect(() => issueMjml(settings, bad)).toThrow(/invalid item id/);
  });
});
