import { blocksToHtml, blocksToText, safeUrl } from '../src/blocks';

type Json = Record<string, unknown>;

const BASE = 'https://cms.example';
const text = (value: string, marks: Record<string, boolean> = {}): Json => ({
  type: 'text',
  text: value,
  ...marks,
});
const link = (url: unknown, label: string): Json => ({
  type: 'link',
  url,
  children: [text(label)],
});
const p = (...children: unknown[]): Json => ({ type: 'paragraph', children });
const heading = (level: unknown, label: string): Json => ({
  type: 'heading',
  level,
  children: [text(label)],
});
const item = (...children: unknown[]): Json => ({ type: 'list-item', children });
const list = (format: string, ...children: unknown[]): Json => ({ type: 'list', format, children });
const quote = (...children: unknown[]): Json => ({ type: 'quote', children });
const code = (value: string): Json => ({ type: 'code', children: [text(value)] });
const image = (img: unknown): Json => ({ type: 'image', image: img, children: [text('')] });

const document = [
  heading(1, 'Willkommen'),
  p(
    text('Hallo '),
    text('fett', { bold: true }),
    text(' und '),
    text('kursiv', { italic: true }),
    text(' '),
    text('u', { underline: true }),
    text('s', { strikethrough: true }),
    text('c', { code: true }),
    text('alles', { bold: true, italic: true, underline: true, strikethrough: true, code: true })
  ),
  p(text('Zeile 1\nZeile 2')),
  p(text('Mehr auf '), link('https://example.org/a?x=1&y=2', 'unserer Seite'), text('.')),
  heading(2, 'Termine'),
  heading(4, 'Details'),
  list(
    'unordered',
    item(text('Eins')),
    item(text('Zwei')),
    list('ordered', item(text('a')), item(text('b')))
  ),
  list('ordered', item(text('Erstens')), item(text('Zweitens'))),
  quote(text('Ein Zitat')),
  code('const a = 1 < 2;\nreturn a;'),
  image({ url: '/uploads/bild.png', alternativeText: 'Ein Bild', width: 1104, height: 600 }),
];

/** Every tag and attribute in `html` must be on the whitelist. */
const expectOnlyWhitelistedMarkup = (html: string) => {
  const allowed: Record<string, string[]> = {
    a: ['href', 'target', 'rel', 'style'],
    img: ['src', 'alt', 'width', 'height', 'style'],
  };
  const simple = 'p h2 h3 h4 strong em u s code ul ol li blockquote pre br'.split(' ');
  for (const [, name, attrs] of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
    expect([...simple, 'a', 'img']).toContain(name);
    const attrNames = [...attrs.matchAll(/([a-z-]+)="[^"]*"/gi)].map((m) => m[1]);
    const stripped = attrs.replace(/([a-z-]+)="[^"]*"/gi, '').replace(/[\s/]/g, '');
    expect(stripped).toBe(''); // nothing but name="value" pairs
    for (const attr of attrNames) expect(allowed[name] ?? ['style']).toContain(attr);
  }
};

describe('blocksToHtml', () => {
  it('renders every block type', () => {
    expect(blocksToHtml(document, { baseUrl: BASE }).split('\n')).toEqual([
      '<h2>Willkommen</h2>',
      '<p>Hallo <strong>fett</strong> und <em>kursiv</em> <u>u</u><s>s</s><code>c</code>' +
        '<strong><em><u><s><code>alles</code></s></u></em></strong></p>',
      '<p>Zeile 1<br />Zeile 2</p>',
      '<p>Mehr auf <a href="https://example.org/a?x=1&amp;y=2" target="_blank" rel="noopener">' +
        'unserer Seite</a>.</p>',
      '<h3>Termine</h3>',
      '<h4>Details</h4>',
      '<ul><li>Eins</li><li>Zwei<ol><li>a</li><li>b</li></ol></li></ul>',
      '<ol><li>Erstens</li><li>Zweitens</li></ol>',
      '<blockquote>Ein Zitat</blockquote>',
      '<pre>const a = 1 &lt; 2;',
      'return a;</pre>',
      '<img src="https://cms.example/uploads/bild.png" alt="Ein Bild" width="552" height="300" />',
    ]);
  });

  it('maps heading levels 1 -> h2, 2 -> h3, 3..6 and invalid -> h4', () => {
    const html = blocksToHtml([1, 2, 3, 5, 6, 'x', undefined].map((level) => heading(level, 'T')));
    expect(html.split('\n')).toEqual([
      '<h2>T</h2>',
      '<h3>T</h3>',
      '<h4>T</h4>',
      '<h4>T</h4>',
      '<h4>T</h4>',
      '<h4>T</h4>',
      '<h4>T</h4>',
    ]);
  });

  it('applies (escaped) inline styles per element', () => {
    const styles = {
      p: 'margin:0',
      h: 'color:#123',
      a: 'color:red',
      ul: 'padding:0',
      ol: 'padding:1px',
      li: 'margin:2px',
      blockquote: 'border-left:2px solid',
      pre: 'font-family:monospace',
      img: 'display:block" onload="alert(1)',
    };
    const html = blocksToHtml(document, { baseUrl: BASE, styles });
    expect(html).toContain('<p style="margin:0">Hallo');
    expect(html).toContain('<h2 style="color:#123">Willkommen</h2>');
    expect(html).toContain('<a href="https://example.org/a?x=1&amp;y=2" target="_blank"');
    expect(html).toContain('rel="noopener" style="color:red">unserer Seite</a>');
    expect(html).toContain('<ul style="padding:0"><li style="margin:2px">Eins</li>');
    expect(html).toContain('<ol style="padding:1px"><li style="margin:2px">a</li>');
    expect(html).toContain('<blockquote style="border-left:2px solid">Ein Zitat</blockquote>');
    expect(html).toContain('<pre style="font-family:monospace">const a');
    expect(html).toContain('style="display:block&quot; onload=&quot;alert(1)" />');
    expectOnlyWhitelistedMarkup(html);
  });

  it('omits empty and blank paragraphs, headings, quotes, code and list items', () => {
    const blocks = [
      p(text('')),
      p(text('   ')),
      p(text('\n\n')),
      p(),
      heading(1, ' '),
      quote(text('')),
      code(''),
      list('unordered', item(text(' '))),
      list('ordered'),
    ];
    expect(blocksToHtml(blocks)).toBe('');
    expect(blocksToText(blocks)).toBe('');
  });

  it('uses the URL as link text when a link has no text', () => {
    expect(blocksToHtml([p(link('https://example.org', ''))])).toBe(
      '<p><a href="https://example.org" target="_blank" rel="noopener">https://example.org</a></p>'
    );
  });

  it('renders nested links as text only (no nested <a>)', () => {
    const nested = {
      type: 'link',
      url: 'https://outer.example',
      children: [text('a '), link('https://inner.example', 'b')],
    };
    expect(blocksToHtml([p(nested)])).toBe(
      '<p><a href="https://outer.example" target="_blank" rel="noopener">a b</a></p>'
    );
    expect(blocksToText([p(nested)])).toBe('a b (https://outer.example)');
  });

  it('handles nested lists given inside a list item and a leading nested list', () => {
    const blocks = [
      list('unordered', item(text('x'), list('unordered', item(text('y'))))),
      list('unordered', list('unordered', item(text('z')))),
    ];
    expect(blocksToHtml(blocks)).toBe(
      '<ul><li>x<ul><li>y</li></ul></li></ul>\n<ul><li><ul><li>z</li></ul></li></ul>'
    );
    expect(blocksToText(blocks)).toBe('- x\n  - y\n\n  - z');
  });

  it('strips control characters and normalises CRLF in text', () => {
    expect(blocksToHtml([p(text('a\u0000b\u0007c\r\nd\re'))])).toBe('<p>abc<br />d<br />e</p>');
  });
});

describe('escaping', () => {
  const script = '<script>alert("x")</script>';
  const breakout = `"><img src=x onerror='alert(1)'>`;

  it('escapes script and attribute break-outs in text', () => {
    expect(blocksToHtml([p(text(script))])).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>'
    );
    expect(blocksToHtml([p(text(breakout, { bold: true }))])).toBe(
      '<p><strong>&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;</strong></p>'
    );
    expect(blocksToHtml([heading(1, script), quote(text(breakout)), code(script)])).not.toMatch(
      /<script|<img/
    );
  });

  it('escapes link text, link URLs and image alt/src', () => {
    const html = blocksToHtml(
      [
        p(link('https://example.org/"onmouseover="alert(1)', breakout)),
        p(link('javascript:alert(1)', script)),
        image({ url: "https://img.example/a.png?'x'", alternativeText: breakout }),
      ],
      { baseUrl: BASE }
    );
    expect(html).toBe(
      [
        '<p><a href="https://example.org/&quot;onmouseover=&quot;alert(1)" target="_blank" ' +
          'rel="noopener">&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;</a></p>',
        '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>',
        '<img src="https://img.example/a.png?&#39;x&#39;" ' +
          'alt="&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;" width="552" />',
      ].join('\n')
    );
    expectOnlyWhitelistedMarkup(html);
  });

  it('ignores raw HTML nodes, unknown node types and extra attributes on nodes', () => {
    const html = blocksToHtml([
      { type: 'html', children: [text('<b>raw</b>')], html: '<script>x</script>' },
      { type: 'script', children: [text('alert(1)')] },
      { type: 'paragraph', class: 'x', id: 'y', onclick: 'alert(1)', children: [text('ok')] },
      p({ type: 'html', value: '<script>x</script>' }, { type: 'text', text: 'a', onclick: 'x' }),
      { type: 'image', image: { url: 'https://e.example/i.png', onerror: 'alert(1)', class: 'c' } },
    ]);
    expect(html).toBe(
      '<p>ok</p>\n<p>a</p>\n<img src="https://e.example/i.png" alt="" width="552" />'
    );
  });
});

describe('safeUrl and unsafe links/images', () => {
  const unsafe: unknown[] = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    ' javascript:alert(1)',
    '\n\njavascript:alert(1)',
    '\u0001javascript:alert(1)',
    '\u200bjavascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript://example.org/%0aalert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:image/png;base64,AAAA',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/x',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example\\x',
    'https:/evil.example',
    'https:evil.example',
    'https://',
    'https://exa mple.org',
    'https://example.org/a b',
    'https://example.org/\u0000',
    'https://example.org/\u007f',
    'mailto:',
    'tel:',
    'relative/path.png',
    '#anchor',
    '?q=1',
    '',
    '   ',
    null,
    undefined,
    42,
    {},
    ['https://example.org'],
  ];

  it.each(unsafe.map((url) => [JSON.stringify(url) ?? String(url), url]))(
    'refuses %s',
    (_name, url) => {
      expect(safeUrl(url, BASE)).toBeNull();
      expect(blocksToHtml([p(link(url, 'Klick'))], { baseUrl: BASE })).toBe('<p>Klick</p>');
      expect(blocksToText([p(link(url, 'Klick'))], { baseUrl: BASE })).toBe('Klick');
      expect(blocksToHtml([image({ url, alternativeText: 'Alt' })], { baseUrl: BASE })).toBe('');
      expect(blocksToText([image({ url, alternativeText: 'Alt' })], { baseUrl: BASE })).toBe('');
    }
  );

  it('allows http(s), mailto and tel URLs (trimmed)', () => {
    expect(safeUrl('https://example.org')).toBe('https://example.org');
    expect(safeUrl('HTTP://EXAMPLE.ORG/Pfad?x=1#top')).toBe('HTTP://EXAMPLE.ORG/Pfad?x=1#top');
    expect(safeUrl('  https://example.org/a \n')).toBe('https://example.org/a');
    expect(safeUrl('https://example.org?x')).toBe('https://example.org?x');
    expect(safeUrl('mailto:info@example.org?subject=Hallo')).toBe(
      'mailto:info@example.org?subject=Hallo'
    );
    expect(safeUrl('tel:+49301234567')).toBe('tel:+49301234567');
  });

  it('prefixes root-relative URLs with baseUrl, and refuses them without a safe baseUrl', () => {
    expect(safeUrl('/uploads/a.png', BASE)).toBe('https://cms.example/uploads/a.png');
    expect(safeUrl('/uploads/a.png', 'https://cms.example/')).toBe(
      'https://cms.example/uploads/a.png'
    );
    expect(safeUrl('/a', ' https://cms.example/sub// ')).toBe('https://cms.example/sub/a');
    expect(safeUrl('/uploads/a.png')).toBeNull();
    expect(safeUrl('/uploads/a.png', '')).toBeNull();
    expect(safeUrl('/a', 'javascript:alert(1)//')).toBeNull();
    expect(safeUrl('/a', '//evil.example')).toBeNull();
    expect(safeUrl('/a', 'cms.example')).toBeNull();
    expect(safeUrl('/a', 'https://cms example')).toBeNull();
    expect(safeUrl('/a', 'https://cms.example?x=1')).toBeNull();

    const blocks = [
      p(link('/angebote', 'Angebote')),
      image({ url: '/uploads/x.png', alternativeText: 'X' }),
    ];
    expect(blocksToHtml(blocks, { baseUrl: BASE })).toBe(
      '<p><a href="https://cms.example/angebote" target="_blank" rel="noopener">Angebote</a></p>' +
        '\n<img src="https://cms.example/uploads/x.png" alt="X" width="552" />'
    );
    expect(blocksToHtml(blocks)).toBe('<p>Angebote</p>');
    expect(blocksToText(blocks, { baseUrl: BASE })).toBe(
      'Angebote (https://cms.example/angebote)\n\n[Bild: X]'
    );
    expect(blocksToText(blocks)).toBe('Angebote');
  });
});

describe('malformed input', () => {
  const inputs: unknown[] = [
    null,
    undefined,
    'string',
    42,
    true,
    {},
    { type: 'paragraph', children: [text('not an array')] },
    [],
    [{}],
    [null, undefined, 1, 'x', [], [p(text('in array'))], true],
    [{ type: 'paragraph', children: 'x' }],
    [{ type: 'paragraph', children: null }],
    [{ type: 'paragraph', children: [null, 1, 'x', [], {}, { type: 'text' }] }],
    [{ type: 'paragraph', children: [{ type: 'text', text: 42 }] }],
    [{ type: 'paragraph', children: [{ type: 'text', text: { toString: () => '<b>' } }] }],
    [{ type: 'paragraph', children: [{ type: 'link', url: 42, children: 'x' }] }],
    [{ type: 'heading' }],
    [{ type: 'heading', level: { x: 1 }, children: {} }],
    [{ type: 'list' }],
    [{ type: 'list', format: 42, children: [null, 'x', { type: 'list-item' }, { type: 'list' }] }],
    [{ type: 'list', children: [{ type: 'list-item', children: 'text' }] }],
    [{ type: 'quote', children: 5 }],
    [{ type: 'code', children: [{ type: 'code', children: [] }] }],
    [{ type: 'image' }],
    [{ type: 'image', image: 'x' }],
    [{ type: 'image', image: null }],
    [{ type: 'image', image: { url: 42, width: 'big', height: -1, alternativeText: 7 } }],
    [{ type: 'link', url: 'https://e.example', children: [text('top-level link')] }],
    [{ type: 'text', text: 'top-level text' }],
  ];

  it.each(inputs.map((input, i) => [i, input]))(
    'input #%s never throws and renders nothing',
    (_i, input) => {
      expect(() => blocksToHtml(input)).not.toThrow();
      expect(() => blocksToText(input)).not.toThrow();
      expect(blocksToHtml(input)).toBe('');
      expect(blocksToText(input)).toBe('');
    }
  );

  it('keeps the valid siblings of malformed nodes', () => {
    const blocks = [null, { type: 'paragraph', children: 'x' }, p(text('ok')), 7, { type: '?' }];
    expect(blocksToHtml(blocks)).toBe('<p>ok</p>');
    expect(blocksToText(blocks)).toBe('ok');
  });

  it('tolerates odd options', () => {
    const odd = { baseUrl: 42, styles: 'color:red', maxImageWidth: -5 } as unknown as object;
    expect(blocksToHtml(document, odd)).toContain('<p>Zeile 1<br />Zeile 2</p>');
    expect(blocksToHtml([p(text('x'))], null as unknown as undefined)).toBe('<p>x</p>');
    expect(blocksToText([p(text('x'))], null as unknown as undefined)).toBe('x');
    expect(blocksToText([p(text('a b c'))], { width: Number.NaN })).toBe('a b c');
  });

  it('caps list nesting (1000 levels) without throwing', () => {
    let deep: Json = list('unordered', item(text('tief')));
    for (let i = 0; i < 1000; i += 1) deep = list('unordered', item(text(`L${i}`)), deep);
    const html = blocksToHtml([deep]);
    expect(html.startsWith('<ul><li>L999<ul><li>L998')).toBe(true);
    expect(html.match(/<ul>/g)).toHaveLength(10);
    expect(html).not.toContain('tief');
    const plain = blocksToText([deep]);
    expect(plain.split('\n')).toHaveLength(10);
    expect(plain.split('\n')[9]).toBe(`${'  '.repeat(9)}- L990`);
  });

  it('caps link nesting and survives cyclic structures', () => {
    let deep: Json = text('innen');
    for (let i = 0; i < 1000; i += 1)
      deep = { type: 'link', url: 'https://e.example', children: [deep] };
    expect(() => blocksToHtml([p(deep)])).not.toThrow();
    expect(blocksToHtml([p(deep)])).toBe(
      '<p><a href="https://e.example" target="_blank" rel="noopener">https://e.example</a></p>'
    );
    expect(blocksToText([p(deep)])).toBe('https://e.example');

    const cyclic: Json = { type: 'list', format: 'unordered', children: [item(text('x'))] };
    (cyclic.children as unknown[]).push(cyclic);
    const cyclicLink: Json = { type: 'link', url: 'https://e.example', children: [text('y')] };
    (cyclicLink.children as unknown[]).push(cyclicLink);
    expect(() => blocksToHtml([cyclic, p(cyclicLink)])).not.toThrow();
    expect(() => blocksToText([cyclic, p(cyclicLink)])).not.toThrow();
  });
});

describe('images', () => {
  const render = (img: Json, maxImageWidth?: number) =>
    blocksToHtml([image({ url: 'https://e.example/i.png', ...img })], { maxImageWidth });

  it('scales down proportionally to maxImageWidth', () => {
    expect(render({ width: 1104, height: 600 })).toContain('width="552" height="300"');
    expect(render({ width: 1000, height: 333 }, 200)).toContain('width="200" height="67"');
    expect(render({ width: 5000, height: 1 })).toContain('width="552" height="1"');
  });

  it('keeps smaller images at their natural size (no upscaling)', () => {
    expect(render({ width: 300, height: 200 })).toContain('width="300" height="200"');
    expect(render({ width: 552, height: 100 })).toContain('width="552" height="100"');
  });

  it('uses width=maxImageWidth and no height when dimensions are missing or invalid', () => {
    for (const dims of [{}, { height: 300 }, { width: '800', height: '600' }, { width: 0 }]) {
      const html = render(dims);
      expect(html).toContain(' width="552"');
      expect(html).not.toContain('height=');
    }
    expect(render({ width: 800 })).toBe('<img src="https://e.example/i.png" alt="" width="552" />');
    expect(render({ width: 120 })).toContain(' width="120"');
    expect(render({}, 300)).toContain(' width="300"');
  });
});

describe('blocksToText', () => {
  it('renders a readable plain-text version of every block type', () => {
    expect(blocksToText(document, { baseUrl: BASE })).toBe(
      [
        'Willkommen',
        '==========',
        '',
        'Hallo fett und kursiv uscalles',
        '',
        'Zeile 1',
        'Zeile 2',
        '',
        'Mehr auf unserer Seite (https://example.org/a?x=1&y=2).',
        '',
        'Termine',
        '-------',
        '',
        'Details',
        '-------',
        '',
        '- Eins',
        '- Zwei',
        '  1. a',
        '  2. b',
        '',
        '1. Erstens',
        '2. Zweitens',
        '',
        '> Ein Zitat',
        '',
        'const a = 1 < 2;',
        'return a;',
        '',
        '[Bild: Ein Bild]',
      ].join('\n')
    );
  });

  it('does not escape or mark up text', () => {
    expect(blocksToText([p(text('<b>&"\'</b>', { bold: true, italic: true }))])).toBe(
      '<b>&"\'</b>'
    );
  });

  it('underlines headings with the same length (code points, multi-line collapsed)', () => {
    expect(blocksToText([heading(1, 'Über uns'), heading(3, 'Zwei\nZeilen')])).toBe(
      'Über uns\n========\n\nZwei Zeilen\n-----------'
    );
  });

  it('renders links as "text (url)" or just the url when they are equal', () => {
    expect(
      blocksToText([
        p(link('https://example.org', 'https://example.org')),
        p(link('https://example.org', ' ')),
        p(link('mailto:a@example.org', 'Schreiben Sie uns')),
        p(link('javascript:alert(1)', 'böse')),
      ])
    ).toBe(
      'https://example.org\n\nhttps://example.org\n\nSchreiben Sie uns (mailto:a@example.org)\n\nböse'
    );
  });

  it('indents nested lists by two spaces per level and numbers ordered lists', () => {
    const blocks = [
      list(
        'ordered',
        item(text('eins')),
        item(text('zwei\nmehr')),
        list('unordered', item(text('a')), list('ordered', item(text('tief')))),
        item(text('drei'))
      ),
    ];
    expect(blocksToText(blocks)).toBe('1. eins\n2. zwei\n   mehr\n  - a\n    1. tief\n3. drei');
  });

  it('prefixes every quote line and omits images without alt', () => {
    expect(
      blocksToText([
        quote(text('eins\n\nzwei')),
        image({ url: 'https://e.example/i.png', alternativeText: '' }),
        image({ url: 'https://e.example/i.png' }),
        image({ url: 'https://e.example/i.png', alternativeText: ' Ein\nFoto ' }),
      ])
    ).toBe('> eins\n>\n> zwei\n\n[Bild: Ein Foto]');
  });

  it('collapses 3+ newlines, drops blank paragraphs and trims the result', () => {
    expect(blocksToText([p(text('\n\n  ')), p(text('a\n\n\n\nb  ')), p(), p(text('c'))])).toBe(
      'a\n\nb\n\nc'
    );
  });

  it('optionally wraps long lines at word boundaries without breaking URLs', () => {
    const words = 'Das ist ein ziemlich langer Satz fuer den Newsletter';
    expect(blocksToText([p(text(words))], { width: 20 })).toBe(
      'Das ist ein ziemlich\nlanger Satz fuer den\nNewsletter'
    );
    const url = 'https://example.org/ein/sehr/langer/pfad/der/nicht/umbricht';
    expect(blocksToText([p(text(`Siehe ${url}`))], { width: 20 })).toBe(`Siehe\n${url}`);
    expect(blocksToText([quote(text(words))], { width: 22 })).toBe(
      '> Das ist ein ziemlich\n> langer Satz fuer den\n> Newsletter'
    );
    expect(blocksToText([list('unordered', item(text(words)))], { width: 22 })).toBe(
      '- Das ist ein ziemlich\n  langer Satz fuer den\n  Newsletter'
    );
    expect(blocksToText([p(text(words))])).toBe(words);
  });
});
