/**
 * Generators of malformed requests, one per public route (matched by "METHOD path" as the
 * running server lists its content-API routes). Each case is `{ method, path, headers, body,
 * defect, expect }`:
 * - expect 'refuse': the request has exactly one defect; the answer must be 4xx and store nothing;
 * - expect 'ignore': the route takes no input of this kind (junk query parameters on the
 *   questionnaire): the answer must be the same as for the clean request.
 * Every generator first enumerates its systematic cases (every defect × every payload), then
 * adds seeded random combinations until it has `count` cases.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const {
  TEXT,
  BROKEN_TEXT,
  NON_TEXT,
  INVALID_UTF8,
  random,
  enc,
  jsonWithRawBytes,
  deepJson,
  signToken,
  RAW,
} = require('./hostile-payloads');

const APP_DIR = path.resolve(__dirname, '..', '..', '..');

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };
const jsonCase = (method, route, body, defect, extra = {}) => ({
  method,
  path: route,
  headers: { ...JSON_HEADERS, ...(extra.headers ?? {}) },
  body: Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body),
  defect,
  expect: extra.expect ?? 'refuse',
});
const getCase = (route, defect, extra = {}) => ({
  method: extra.method ?? 'GET',
  path: route,
  headers: { Accept: 'application/json', ...(extra.headers ?? {}) },
  body: extra.body,
  defect,
  expect: extra.expect ?? 'refuse',
});

/** Fills `list` up to `count` with `make(rng, i)`; keeps the systematic cases first. */
const fill = (list, count, seed, make) => {
  const rng = random(seed);
  for (let i = 0; list.length < count; i += 1) list.push(make(rng, i));
  return list;
};

/** Schema of an app content type and its components, read from src/ (what Strapi loads). */
const readSchema = (apiName) => {
  const file = path.join(APP_DIR, 'src', 'api', apiName, 'content-types', apiName, 'schema.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  const components = {};
  for (const attribute of Object.values(schema.attributes)) {
    if (attribute.type === 'component') {
      const [category, name] = attribute.component.split('.');
      components[attribute.component] = JSON.parse(
        fs.readFileSync(path.join(APP_DIR, 'src', 'components', category, `${name}.json`), 'utf8')
      );
    }
  }
  return { schema, components };
};

const NUMERIC = ['integer', 'biginteger', 'float', 'decimal'];
const TEXTUAL = ['string', 'text', 'uid', 'email', 'richtext'];

/** The query defects of a content type's find (and findOne). */
const contentQueryDefects = (apiName) => {
  const { schema } = readSchema(apiName);
  const entries = Object.entries(schema.attributes);
  const of = (types) => entries.filter(([, a]) => types.includes(a.type)).map(([k]) => k);
  const text = of(TEXTUAL);
  const numeric = [...of(NUMERIC), 'id'];
  const fractional = of(['float', 'decimal']);
  const dates = of(['date', 'datetime']);
  const enums = entries.filter(([, a]) => a.type === 'enumeration').map(([k]) => k);
  const unfilterable = of(['json', 'blocks']);
  const relations = entries.filter(([, a]) => a.type === 'relation').map(([k]) => k);
  const components = of(['component']);
  const draftAndPublish = schema.options?.draftAndPublish === true;
  const defects = [];
  const add = (defect, query) => defects.push({ defect, query });
  // qs drops parameter names that are Object.prototype's own (__proto__, constructor, toString)
  const junkWords = TEXT.filter(
    (word) => !['', '__proto__', 'constructor', 'toString'].includes(word)
  );

  for (const word of junkWords) {
    add('unknown parameter', `${enc(word)}=1`);
    add('unknown parameter', `x${enc(word)}=${enc(word)}`);
    add('filters: unknown field', `filters[${enc(`x${word}`)}][$eq]=1`);
    add('filters: not an object', `filters=${enc(word) || 'x'}`);
    add('filters: $or not a list', `filters[$or]=${enc(word) || 'x'}`);
    add('filters: $and element not an object', `filters[$and][0]=${enc(word) || 'x'}`);
    add('filters: $not not an object', `filters[$not]=${enc(word) || 'x'}`);
    add('sort: unknown field', `sort=${enc(`x${word}`)}`);
    add('sort: bad direction', `sort=${text[0]}:${enc(`x${word}`)}`);
    add('populate: unknown relation', `populate=${enc(`x${word}`)}`);
    add('populate: unknown nested', `populate[${enc(`x${word}`)}]=true`);
    add('fields: unknown field', `fields=${enc(`x${word}`)}`);
    add('fields: unknown field in list', `fields[0]=${enc(`x${word}`)}`);
    add('locale: not a locale', `locale=${enc(`${word}!`)}`);
    add('pagination[page]: not a number', `pagination[page]=${enc(`x${word}`)}`);
    add('pagination[pageSize]: not a number', `pagination[pageSize]=${enc(`x${word}`)}`);
    add('pagination[withCount]: not a boolean', `pagination[withCount]=${enc(`x${word}`)}`);
    add('hasPublishedVersion: not a boolean', `hasPublishedVersion=${enc(`x${word}`)}`);
    if (draftAndPublish)
      add('status: draft or junk (Public role)', `status=${enc(word) || 'draft'}`);
    else add('status: junk', `status=${enc(`x${word}`)}`);
    for (const field of numeric) {
      add(`filters: text for number (${field})`, `filters[${field}][$eq]=${enc(`x${word}`)}`);
      add(`filters: text for number (${field}, $gt)`, `filters[${field}][$gt]=${enc(`x${word}`)}`);
    }
    for (const field of dates) {
      add(`filters: junk for date (${field})`, `filters[${field}][$lt]=${enc(`x${word}`)}`);
    }
    for (const field of enums) {
      add(`filters: unknown value (${field})`, `filters[${field}][$eq]=${enc(`x${word}`)}`);
    }
    for (const field of relations) {
      add(`filters: junk relation id (${field})`, `filters[${field}]=${enc(`x${word}`)}`);
      add(
        `filters: junk relation id (${field}, $in)`,
        `filters[${field}][$in][0]=${enc(`x${word}`)}`
      );
    }
  }
  for (const field of text) {
    for (const broken of ['%00', 'a%00b', '%00%27%20OR%201%3D1']) {
      add(`filters: NUL in text (${field})`, `filters[${field}][$contains]=${broken}`);
      add(`filters: NUL in text (${field}, $eqi)`, `filters[${field}][$eqi]=${broken}`);
      add(`filters: NUL in text (${field}, implicit $eq)`, `filters[${field}]=${broken}`);
    }
    add(`filters: operator on operator (${field})`, `filters[${field}][$eq][$eq]=x`);
    add(`filters: $or inside a field (${field})`, `filters[${field}][$or][0][$eq]=x`);
    add(`filters: unknown operator (${field})`, `filters[${field}][$regex]=.*`);
    add(`filters: unknown operator (${field})`, `filters[${field}][$where]=1`);
    add(`filters: internal operator (${field})`, `filters[${field}][$jsonSupersetOf]=x`);
    add(`filters: $between with one value (${field})`, `filters[${field}][$between]=a`);
    add(
      `filters: $between with three values (${field})`,
      `filters[${field}][$between][0]=a&filters[${field}][$between][1]=b&filters[${field}][$between][2]=c`
    );
    add(`filters: $null not a boolean (${field})`, `filters[${field}][$null]=maybe`);
    add(`filters: $in with an object (${field})`, `filters[${field}][$in][150]=x`);
    add(`filters: $in element an object (${field})`, `filters[${field}][$in][0][a]=x`);
    add(`filters: NUL in key (${field})`, `filters[${field}%00][$eq]=x`);
    add(`sort: NUL (${field})`, `sort=${field}%00`);
  }
  for (const field of numeric) {
    for (const value of [
      '1e400',
      '99999999999999999999',
      '1.5',
      '-',
      'Infinity',
      'NaN',
      '0x10',
      ' 1',
      '1,5',
    ]) {
      // a huge or fractional number is still a number for a decimal field
      if (fractional.includes(field) && ['1.5', '99999999999999999999'].includes(value)) continue;
      add(`filters: bad number (${field})`, `filters[${field}][$eq]=${enc(value)}`);
    }
    add(`filters: text operator on number (${field})`, `filters[${field}][$contains]=1`);
    add(
      `filters: text operator on number (${field}, $startsWith)`,
      `filters[${field}][$startsWith]=1`
    );
    add(
      `filters: $between with text (${field})`,
      `filters[${field}][$between][0]=1&filters[${field}][$between][1]=x`
    );
    add(
      `filters: $in with text (${field})`,
      `filters[${field}][$in][0]=1&filters[${field}][$in][1]=x`
    );
  }
  for (const field of dates) {
    for (const value of [
      '2020-02-30',
      '2020-13-01',
      '99999-01-01',
      '0000-00-00',
      'yesterday',
      '2020-01-01T25:00',
    ]) {
      add(`filters: impossible date (${field})`, `filters[${field}][$eq]=${enc(value)}`);
    }
    add(`filters: text operator on date (${field})`, `filters[${field}][$contains]=2020`);
  }
  for (const field of unfilterable) {
    add(`filters: JSON/blocks field (${field})`, `filters[${field}][$contains]=x`);
    add(`filters: JSON/blocks field (${field}, $eq)`, `filters[${field}][$eq]=x`);
  }
  for (const field of relations) {
    add(
      `filters: two operators on a relation (${field})`,
      `filters[${field}][$eq]=1&filters[${field}][$ne]=2`
    );
    add(
      `filters: operator mixed with field (${field})`,
      `filters[${field}][$eq]=1&filters[${field}][id][$eq]=2`
    );
    add(`filters: unknown field of relation (${field})`, `filters[${field}][nope][$eq]=1`);
    add(`filters: private field of relation (${field})`, `filters[${field}][createdBy][id][$eq]=1`);
    add(`populate: bad nested filters (${field})`, `populate[${field}][filters][$or]=x`);
    add(`populate: NUL in nested filters (${field})`, `populate[${field}][filters][id][$eq]=%00`);
    add(`populate: unknown nested populate (${field})`, `populate[${field}][populate][nope]=true`);
    add(`populate: nested fields without value (${field})`, `populate[${field}][fields]`);
    add(`populate: nested sort junk (${field})`, `populate[${field}][sort]=nope`);
    add(`populate: without value (${field})`, `populate[${field}]`);
  }
  for (const field of components) {
    add(`filters: junk in component (${field})`, `filters[${field}][nope][$eq]=x`);
    add(`filters: NUL in component (${field})`, `filters[${field}][id][$eq]=%00`);
  }
  for (const param of [
    'filters',
    'sort',
    'populate',
    'fields',
    'pagination',
    'locale',
    'status',
    '_q',
    'hasPublishedVersion',
  ]) {
    add(`${param}: without a value`, param);
    add(`${param}: NUL`, `${param}=%00`);
  }
  for (const param of ['locale', '_q', 'hasPublishedVersion'])
    add(`${param}: a list`, `${param}[0]=a&${param}[1]=b`);
  add('_q: NUL in search', '_q=a%00b');
  for (const value of [
    '0',
    '-1',
    '-5',
    '1.5',
    '1e3',
    '2147483648',
    '99999999999999999999',
    ' 2',
    '2 ',
    '0x10',
    '',
  ]) {
    add('pagination[page]: out of range', `pagination[page]=${enc(value)}`);
    add('pagination[pageSize]: out of range', `pagination[pageSize]=${enc(value)}`);
    if (value !== '0') add('pagination[start]: out of range', `pagination[start]=${enc(value)}`);
    if (value !== '-1') add('pagination[limit]: out of range', `pagination[limit]=${enc(value)}`);
  }
  add('pagination: page and start mixed', 'pagination[page]=1&pagination[start]=0');
  add('pagination: page and limit mixed', 'pagination[pageSize]=1&pagination[limit]=1');
  add('pagination: unknown key', 'pagination[offset]=1');
  add('pagination: not an object', 'pagination=10');
  add('pagination: list', 'pagination[0]=1');
  add('fields: object', 'fields[title]=1');
  add('fields: private field', 'fields[0]=createdBy');
  add('populate: private relation', 'populate=createdBy');
  add('populate: private relation (object)', 'populate[updatedBy]=true');
  add('sort: private field', 'sort=createdBy');
  add('sort: object with junk', `sort[0][${text[0]}]=sideways`);
  add('filters: private field', 'filters[createdBy][email][$eq]=a');
  add('filters: password', 'filters[updatedBy][password][$startsWith]=%24');
  add('filters: list of strings', 'filters[0]=a');
  // qs stops at depth 20; the rest becomes one literal key, which is no field
  add('filters: nested 40 deep', `filters${'[$and][0]'.repeat(20)}[${text[0]}][$eq]=x`);
  add('filters: $not 30 deep', `filters${'[$not]'.repeat(30)}[${text[0]}]=x`);
  // more than qs' 100 array entries: an object with numeric keys
  add(
    'filters: $or with 150 entries',
    Array.from({ length: 150 }, (_, i) => `filters[$or][${i + 1}][${text[0]}][$eq]=x`).join('&')
  );
  // over Node's 16 KB header limit: 431, or the connection is dropped while the client still sends
  add(
    'query: 20 KB (over the header limit)',
    `filters[${text[0]}][$eq]=${'x'.repeat(20_000)}&nope=1`
  );
  add('query: 70 KB (over the header limit)', `nope=${'y'.repeat(70_000)}`);
  return { defects, text, numeric, relations, draftAndPublish };
};

const contentFind = ({ apiPath, apiName, count, seed }) => {
  const { defects, text, numeric } = contentQueryDefects(apiName);
  const cases = defects.map(({ defect, query }) => getCase(`${apiPath}?${query}`, defect));
  return fill(cases, count, seed, (rng) => {
    const word = enc(rng.pick(TEXT) || 'x');
    const field = rng.pick([...text, ...numeric]);
    const variants = [
      () =>
        getCase(
          `${apiPath}?filters[${field}][$${rng.pick(['eq', 'in', 'lt'])}][$${rng.pick(['eq', 'ne'])}]=${word}`,
          'random: operator on operator'
        ),
      () =>
        getCase(
          `${apiPath}?pagination[page]=${rng.int(50) - 50}&filters[${field}][$null]=${word}x`,
          'random: negative page'
        ),
      () =>
        getCase(
          `${apiPath}?filters[$or][${rng.int(3)}]=${word}x`,
          'random: $or element not an object'
        ),
      () => getCase(`${apiPath}?filters[${text[0]}][$contains]=${word}%00`, 'random: NUL in text'),
      () =>
        getCase(
          `${apiPath}?sort=${word}x&pagination[pageSize]=${rng.int(10)}`,
          'random: unknown sort field'
        ),
      () =>
        getCase(`${apiPath}?populate[x${word}][filters][$and]=${word}`, 'random: unknown populate'),
      () => getCase(`${apiPath}?fields&filters[${field}]=${word}`, 'random: fields without value'),
      () => getCase(`${apiPath}?${word}x[${rng.int(99)}]=${word}`, 'random: unknown parameter'),
    ];
    return rng.pick(variants)();
  });
};

const contentFindOne = ({ apiPath, apiName, count, seed, documentId }) => {
  const { defects } = contentQueryDefects(apiName);
  const base = apiPath.replace(':id', documentId);
  const cases = [];
  const ids = [
    ...TEXT.filter(Boolean).map((word) => enc(word)),
    '%00',
    'a%00',
    `${documentId}%00`,
    documentId.toUpperCase(),
    `${documentId}x`,
    'x'.repeat(2000),
    '%2e%2e%2f%2e%2e%2fadmin',
    '..%2F..%2Fetc%2Fpasswd',
    '1',
    '-1',
    '0',
    '99999999999999999999',
    ...INVALID_UTF8,
    ...INVALID_UTF8.map((bytes) => `${documentId}${bytes}`),
  ];
  for (const id of ids) cases.push(getCase(apiPath.replace(':id', id), 'id: not a documentId'));
  for (const { defect, query } of defects) {
    // findOne reads no page: pagination that is only contradictory is ignored there
    if (defect.startsWith('pagination: page and')) continue;
    cases.push(getCase(`${base}?${query}`, defect));
  }
  return fill(cases, count, seed, (rng) => {
    const word = enc(rng.pick(TEXT) || 'x');
    return rng.pick([
      () => getCase(apiPath.replace(':id', `${word}${rng.int(1e6)}`), 'random: not a documentId'),
      () =>
        getCase(
          apiPath.replace(':id', `${rng.pick(INVALID_UTF8)}${rng.int(1e6)}`),
          'random: invalid UTF-8 id'
        ),
      () => getCase(`${base}?populate[x${word}]=true`, 'random: unknown populate'),
      () => getCase(`${base}?${word}x=${rng.int(1e6)}`, 'random: unknown parameter'),
      () => getCase(`${base}?fields[${rng.int(3)}]=x${word}`, 'random: unknown field'),
    ])();
  });
};

/** Body defects shared by the JSON routes: not an object, not JSON, too large, wrong type. */
const bodyShapeDefects = (valid) => {
  const text = JSON.stringify(valid);
  return [
    ['body: array', JSON.stringify([valid])],
    ['body: string', JSON.stringify(text)],
    ['body: number', '42'],
    ['body: null', 'null'],
    ['body: true', 'true'],
    ['body: empty', ''],
    ['body: truncated JSON', text.slice(0, -1)],
    ['body: trailing garbage', `${text}}`],
    ['body: single quotes', text.replace(/"/g, "'")],
    ['body: comment', `/*x*/${text}`],
    ['body: NaN literal', `{"nan":NaN,${text.slice(1)}`],
    ['body: unquoted keys', text.replace(/"(\w+)":/g, '$1:')],
    ['body: __proto__ key', `{"__proto__":{"polluted":true},${text.slice(1)}`],
    ['body: nested __proto__', `{"a":{"__proto__":{"polluted":true}},${text.slice(1)}`],
    ['body: 1.1 MB', `{"pad":"${'x'.repeat(1_100_000)}",${text.slice(1)}`],
    ['body: 5000 deep arrays', deepJson(5000)],
    ['body: 5000 deep objects', deepJson(5000, 'object')],
    [
      'body: invalid UTF-8 between the fields',
      Buffer.concat([Buffer.from('{'), Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(1))]),
    ],
    ['body: UTF-16', Buffer.from(`\ufeff${text}`, 'utf16le')],
  ];
};

/** Other content types: each answers 4xx for one of these routes. */
const contentTypeDefects = (valid) => [
  ['content type: text/plain', { 'Content-Type': 'text/plain' }, JSON.stringify(valid)],
  ['content type: xml', { 'Content-Type': 'application/xml' }, '<a><email>x@y.de</email></a>'],
  [
    'content type: form with strings',
    { 'Content-Type': 'application/x-www-form-urlencoded' },
    new URLSearchParams(
      Object.entries(valid).map(([k, v]) => [
        k,
        typeof v === 'object' ? JSON.stringify(v) : String(v),
      ])
    ).toString(),
  ],
  [
    'content type: form nested 30 deep',
    { 'Content-Type': 'application/x-www-form-urlencoded' },
    `a${'[b]'.repeat(30)}=1`,
  ],
  [
    'content type: json but form body',
    { 'Content-Type': 'application/json' },
    'email=a%40b.de&consent=true',
  ],
];

/** A multipart body with a file and text fields (each must answer 4xx and leave no file). */
const multipart = (fields, fileField = 'files') => {
  const boundary = '----hostile' + Math.random().toString(16).slice(2);
  const parts = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
    );
  }
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="a.html"\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>${'z'.repeat(20_000)}\r\n`
  );
  parts.push(`--${boundary}--\r\n`);
  return {
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    body: parts.join(''),
  };
};

const subscribe = ({ apiPath, count, seed, topics }) => {
  let n = 0;
  const valid = () => ({
    email: `hostile-${n++}@unsubscribed.example.org`,
    topics: [topics[0]],
    consent: true,
  });
  const cases = [];
  const add = (defect, body, extra) => cases.push(jsonCase('POST', apiPath, body, defect, extra));
  const emails = [
    ...TEXT,
    ...BROKEN_TEXT.map((text) => `a${text}@example.org`),
    'a@',
    '@b.de',
    'a@b',
    'a@@b.de',
    'a b@c.de',
    '<a@b.de>',
    'a@b.de\r\nBcc: c@d.de',
    'a@b.de,c@d.de',
    'a@b.de;c@d.de',
    '"a"@b.de"',
    `${'a'.repeat(250)}@b.de`,
    `a@${'b'.repeat(250)}.de`,
    'a@[127.0.0.1]x',
    'a@localhost',
    '.a@b.de',
  ];
  for (const email of emails) add('email: invalid', { ...valid(), email });
  for (const value of NON_TEXT) add('email: not a text', { ...valid(), email: value });
  add('email: missing', (({ email: _email, ...rest }) => rest)(valid()));
  for (const value of [
    [],
    ['nope'],
    [''],
    [null],
    [1],
    [[topics[0]]],
    [{ key: topics[0] }],
    topics[0],
    null,
    {},
    { 0: topics[0] },
    [topics[0], 'nope'],
    [...Array(5000).fill(topics[0]), 'nope'],
  ]) {
    add('topics: invalid', { ...valid(), topics: value });
  }
  for (const word of [...TEXT, ...BROKEN_TEXT])
    add('topics: unknown', { ...valid(), topics: [word] });
  add('topics: missing', (({ topics: _topics, ...rest }) => rest)(valid()));
  for (const value of [false, 'true', 1, 0, null, 'yes', [true], {}, ''])
    add('consent: not true', { ...valid(), consent: value });
  add('consent: missing', (({ consent: _consent, ...rest }) => rest)(valid()));
  for (const field of ['name', 'organisation']) {
    for (const text of BROKEN_TEXT) {
      add(`${field}: control character, lone surrogate or U+FFFD`, { ...valid(), [field]: text });
      add(`${field}: broken text in a payload`, {
        ...valid(),
        [field]: `<script>alert(1)</script>${text}`,
      });
    }
    for (const value of NON_TEXT.filter((value) => value !== null))
      add(`${field}: not a text`, { ...valid(), [field]: value });
    add(`${field}: too long`, {
      ...valid(),
      [field]: `<b>${'x'.repeat(field === 'name' ? 120 : 160)}</b>`,
    });
    add(`${field}: 900 KB`, { ...valid(), [field]: 'y'.repeat(900_000) });
    for (const bytes of INVALID_UTF8)
      add(`${field}: invalid UTF-8 bytes`, jsonWithRawBytes({ ...valid(), [field]: RAW }, bytes));
  }
  for (const bytes of INVALID_UTF8)
    add('email: invalid UTF-8 bytes', jsonWithRawBytes({ ...valid(), email: RAW }, bytes));
  for (const value of NON_TEXT.filter((value) => value !== null))
    add('website: not a text', { ...valid(), website: value });
  add('website: 1000 characters', { ...valid(), website: 'w'.repeat(1000) });
  for (const [defect, body] of bodyShapeDefects(valid())) add(defect, body);
  for (const [defect, headers, body] of contentTypeDefects(valid())) add(defect, body, { headers });
  add(
    'duplicate key: consent false wins',
    `{"email":"dup@unsubscribed.example.org","topics":["${topics[0]}"],"consent":true,"consent":false}`
  );
  for (const field of ['files', 'x', 'email']) {
    const { headers, body } = multipart(
      { email: 'multi@unsubscribed.example.org', topics: topics[0], consent: 'true' },
      field
    );
    add(`multipart with a file (field ${field})`, body, { headers });
  }
  return fill(cases, count, seed, (rng) => {
    const body = valid();
    const field = rng.pick(['email', 'topics', 'consent', 'name', 'organisation']);
    const value =
      field === 'name' || field === 'organisation'
        ? `${rng.pick(TEXT)}${rng.pick(BROKEN_TEXT)}${rng.pick(TEXT)}`
        : field === 'consent'
          ? rng.pick([false, 'true', 1, null])
          : field === 'topics'
            ? [rng.pick(TEXT) + rng.pick(BROKEN_TEXT)]
            : `${rng.pick(TEXT)}${rng.int(1000)}`;
    return jsonCase('POST', apiPath, { ...body, [field]: value }, `random: ${field}`);
  });
};

/** Tokens that must be refused: junk, tampered, and signed junk (the test knows the secret). */
const junkTokens = ({ valid, secret }) => {
  const [payload, signature] = valid.split('.');
  const flip = (text, at) =>
    text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return [
    '',
    'a',
    'kurz',
    'x'.repeat(2000),
    flip(valid, valid.length - 1),
    flip(valid, 3),
    `${payload}.${signature}.x`,
    `${payload}.`,
    `.${signature}`,
    `${payload}${signature}`,
    `${payload}.${signature.slice(0, -2)}`,
    valid.toUpperCase(),
    `${valid}%00`,
    `${payload}%00.${signature}`,
    ...TEXT.filter(Boolean).map((word) => `${enc(word)}.${signature}`),
    ...TEXT.filter(Boolean).map((word) => `${payload}.${enc(word)}`),
    ...INVALID_UTF8.map((bytes) => `${payload}${bytes}.${signature}`),
    signToken({ ...claims, s: 'a\u0000b' }, secret),
    signToken({ ...claims, s: '<script>alert(1)</script>' }, secret),
    signToken({ ...claims, s: "' OR '1'='1" }, secret),
    signToken({ ...claims, s: 'x'.repeat(500) }, secret),
    signToken({ ...claims, s: { $ne: null } }, secret),
    signToken({ ...claims, s: ['a'] }, secret),
    signToken({ ...claims, h: 'nope' }, secret),
    signToken({ ...claims, i: '1' }, secret),
    signToken({ ...claims, x: 'never' }, secret),
    signToken({ ...claims, p: 'admin' }, secret),
    signToken([claims], secret),
    signToken('bm90IGpzb24', secret),
    signToken('', secret),
    signToken({ ...claims, s: '\ud800' }, secret),
  ];
};

/** Query and body forms of a token for the token routes. */
const tokenRoute = ({ method, apiPath, count, seed, tokens, form, body: bodyMaker }) => {
  const cases = [];
  for (const token of tokens) {
    const query = `${apiPath}?token=${token.includes('%') || /[^\x21-\x7e]/.test(token) ? token : enc(token)}`;
    if (method === 'GET') {
      cases.push(getCase(query, 'token: junk', { headers: { Accept: 'text/html' } }));
      cases.push(getCase(query, 'token: junk (JSON)'));
    } else {
      cases.push(jsonCase(method, query, bodyMaker ? bodyMaker() : {}, 'token: junk in query'));
      if (form) {
        cases.push({
          method,
          path: query,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
          body: form(token),
          defect: 'token: junk (form post)',
          expect: 'refuse',
        });
      }
      if (!/[^\x21-\x7e]/.test(token)) {
        cases.push(
          jsonCase(
            method,
            apiPath,
            { ...(bodyMaker ? bodyMaker() : {}), token },
            'token: junk in body'
          )
        );
      }
    }
  }
  const shapes = ['token[]=a&token[]=b', 'token[$ne]=x', 'token[0]=x', 'token', 'Token=x', ''];
  for (const shape of shapes) {
    if (method === 'GET') cases.push(getCase(`${apiPath}?${shape}`, 'token: wrong shape'));
    else
      cases.push(
        jsonCase(method, `${apiPath}?${shape}`, bodyMaker ? bodyMaker() : {}, 'token: wrong shape')
      );
  }
  if (method !== 'GET') {
    for (const value of NON_TEXT)
      cases.push(
        jsonCase(
          method,
          apiPath,
          { ...(bodyMaker ? bodyMaker() : {}), token: value },
          'token: not a text'
        )
      );
    for (const [defect, body] of bodyShapeDefects({ token: tokens[4] }))
      cases.push(jsonCase(method, apiPath, body, defect));
  }
  return fill(cases, count, seed, (rng) => {
    const token = `${rng.pick(tokens.slice(4, 10))}${rng.int(1e6)}`;
    if (method === 'GET')
      return getCase(
        `${apiPath}?token=${enc(token)}&${enc(rng.pick(TEXT))}=1`,
        'random: tampered token'
      );
    return jsonCase(
      method,
      `${apiPath}?token=${enc(token)}`,
      bodyMaker ? bodyMaker() : {},
      'random: tampered token'
    );
  });
};

/** PUT/POST /preferences: junk tokens, and a real token with a malformed body (changes nothing). */
const preferences = ({ method, apiPath, count, seed, tokens, manageToken, topics }) => {
  const valid = () => ({ topics: [topics[1]], name: 'Neu' });
  const half = Math.floor(count / 2);
  const cases = tokenRoute({
    method,
    apiPath,
    count: half,
    seed,
    tokens,
    body: valid,
    form: (token) => `token=${enc(token)}&topics=${topics[1]}`,
  });
  const real = `${apiPath}?token=${enc(manageToken)}`;
  const add = (defect, body, extra) =>
    cases.push(jsonCase(method, real, body, `real token, ${defect}`, extra));
  for (const value of [[], ['nope'], [null], [1], topics[0], null, {}, [[topics[0]]]])
    add('topics: invalid', { ...valid(), topics: value });
  for (const word of [...TEXT, ...BROKEN_TEXT])
    add('topics: unknown', { ...valid(), topics: [word] });
  for (const field of ['name', 'organisation']) {
    for (const text of BROKEN_TEXT)
      add(`${field}: broken text`, { ...valid(), [field]: `${text}<b>x</b>` });
    for (const value of NON_TEXT.filter((value) => value !== null))
      add(`${field}: not a text`, { ...valid(), [field]: value });
    add(`${field}: too long`, { ...valid(), [field]: 'z'.repeat(500) });
    for (const bytes of INVALID_UTF8)
      add(`${field}: invalid UTF-8 bytes`, jsonWithRawBytes({ ...valid(), [field]: RAW }, bytes));
  }
  for (const [defect, body] of bodyShapeDefects(valid())) add(defect, body);
  cases.push({
    method,
    path: real,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
    body: 'topics=nope',
    defect: 'real token, form: unknown topic',
    expect: 'refuse',
  });
  return fill(cases, count, seed + 1, (rng) => {
    const field = rng.pick(['topics', 'name', 'organisation']);
    const value =
      field === 'topics'
        ? [`${rng.pick(TEXT)}${rng.int(99)}`]
        : `${rng.pick(TEXT)}${rng.pick(BROKEN_TEXT)}`;
    return jsonCase(method, real, { ...valid(), [field]: value }, `real token, random: ${field}`);
  });
};

const webVersion = ({ apiPath, count, seed, unsentIssueId }) => {
  const cases = [];
  const ids = [
    ...TEXT.filter(Boolean).map(enc),
    unsentIssueId,
    'a'.repeat(24),
    'x'.repeat(65),
    'x'.repeat(5000),
    'ABCDEFGHIJKL',
    '%00',
    `${unsentIssueId}%00`,
    ...INVALID_UTF8,
    '1',
    '..%2F..%2Fadmin',
  ];
  for (const id of ids) {
    cases.push(
      getCase(apiPath.replace(':id', id), 'id: unknown, unsent or no documentId', {
        headers: { Accept: 'text/html' },
      })
    );
  }
  return fill(cases, count, seed, (rng) =>
    getCase(apiPath.replace(':id', `${enc(rng.pick(TEXT))}${rng.int(1e9)}`), 'random: no issue id')
  );
};

/**
 * Click tokens (the path segment of `GET /api/newsletter/r/:token`) that must be refused: junk,
 * a real token tampered with, its signature copied onto other claims, and claims that are no
 * redirect (not http(s), credentials, not canonical, no issue or item) signed with the right key
 * (the test knows the secret). `valid` is a token from the sent issue's mail.
 */
const junkClickTokens = ({ valid, secret }) => {
  const [payload, signature] = valid.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const [issue, item, url] = claims;
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const key = crypto.createHmac('sha256', secret).update('newsletter:click').digest();
  const signed = (encoded) =>
    `${encoded}.${crypto.createHmac('sha256', key).update(encoded).digest().subarray(0, 16).toString('base64url')}`;
  const flip = (text, at) =>
    text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  return [
    'a',
    'kurz',
    'x'.repeat(5000),
    `${'a'.repeat(4100)}.${signature}`,
    flip(valid, valid.length - 1),
    flip(valid, 3),
    `${payload}.${signature}.x`,
    `${payload}.`,
    `.${signature}`,
    `${payload}${signature}`,
    `${payload}.${signature.slice(0, -2)}`,
    valid.toUpperCase(),
    `${valid}%00`,
    `${payload}%00.${signature}`,
    '..%2F..%2Fadmin',
    `${valid}%2F..%2F..%2Fadmin`,
    ...TEXT.filter(Boolean).map((word) => `${enc(word)}.${signature}`),
    ...TEXT.filter(Boolean).map((word) => `${payload}.${enc(word)}`),
    ...INVALID_UTF8.map((bytes) => `${payload}${bytes}.${signature}`),
    ...INVALID_UTF8.map((bytes) => `${valid}${bytes}`),
    // the real signature on other claims
    `${encode([issue + 1, item, url])}.${signature}`,
    `${encode([issue, 'offers:anotherdocumentid000', url])}.${signature}`,
    `${encode([issue, item, 'https://evil.example/'])}.${signature}`,
    `${encode([issue, item, `${url}@evil.example`])}.${signature}`,
    // signed, but no claims of a redirect
    signed(encode([issue, item, 'javascript:alert(1)'])),
    signed(encode([issue, item, 'mailto:a@example.org'])),
    signed(encode([issue, item, '//evil.example/'])),
    signed(encode([issue, item, '/relative'])),
    signed(encode([issue, item, 'https://user:pw@evil.example/'])),
    signed(encode([issue, item, 'https://evil.example/ä'])),
    signed(encode([issue, item, 'https://evil.example/\r\nSet-Cookie: x=1'])),
    signed(encode([issue, item, 'x'.repeat(3000)])),
    signed(encode([String(issue), item, url])),
    signed(encode([0, item, url])),
    signed(encode([-1, item, url])),
    signed(encode([1e20, item, url])),
    signed(encode([1.5, item, url])),
    signed(encode([issue, '<script>alert(1)</script>', url])),
    signed(encode([issue, "' OR '1'='1", url])),
    signed(encode([issue, 'offers:a\u0000b', url])),
    signed(encode([issue, { $ne: null }, url])),
    signed(encode([issue, item])),
    signed(encode([issue, item, url, 'x'])),
    signed(encode({ issue, item, url })),
    signed(encode(null)),
    signed(Buffer.from('not json').toString('base64url')),
  ];
};

/** The counting redirect: every junk token is a 4xx (GET and HEAD), never a redirect or a 5xx. */
const clickRedirect = ({ apiPath, count, seed, tokens }) => {
  const cases = [];
  for (const token of tokens) {
    const route = apiPath.replace(':token', token);
    cases.push(getCase(route, 'token: junk'));
    cases.push(getCase(route, 'token: junk (browser)', { headers: { Accept: 'text/html' } }));
    cases.push(getCase(route, 'token: junk (HEAD)', { method: 'HEAD' }));
  }
  // junk where the target might be looked for: the token is still junk, so still refused
  for (const word of TEXT.filter(Boolean)) {
    cases.push(
      getCase(
        `${apiPath.replace(':token', tokens[4])}?url=${enc(word)}&to=https%3A%2F%2Fevil.example`,
        'token: tampered, target in the query'
      )
    );
  }
  return fill(cases, count, seed, (rng) => {
    const token = `${rng.pick(tokens.slice(4, 12))}${rng.int(1e6)}${rng.pick(['', ...INVALID_UTF8])}`;
    return getCase(apiPath.replace(':token', token), 'random: tampered token', {
      method: rng.pick(['GET', 'HEAD']),
    });
  });
};

/** The questionnaire takes no input: junk query parameters, headers and bodies are ignored. */
const questionnaire = ({ apiPath, count, seed }) => {
  const cases = [];
  for (const word of TEXT) {
    cases.push(
      getCase(`${apiPath}?${enc(word) || 'x'}=${enc(word)}`, 'junk query parameter (ignored)', {
        expect: 'ignore',
      })
    );
    cases.push(
      getCase(`${apiPath}?filters[${enc(word)}][$eq]=%00`, 'filters junk (ignored)', {
        expect: 'ignore',
      })
    );
  }
  for (const [name, value] of [
    ['Accept', 'text/html'],
    ['Accept', '*/*;q=x'],
    ['Accept-Language', 'xx;q=abc'],
    ['Cookie', `a=${'c'.repeat(4000)}`],
    ['X-Forwarded-For', '<script>'],
    ['If-None-Match', '"<script>"'],
    ['Range', 'bytes=9999999-'],
    ['Content-Type', 'application/json'],
  ]) {
    cases.push(
      getCase(apiPath, `header ${name} (ignored)`, { headers: { [name]: value }, expect: 'ignore' })
    );
  }
  cases.push(
    getCase(apiPath, 'body on GET (ignored)', {
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":',
      expect: 'ignore',
    })
  );
  return fill(cases, count, seed, (rng) =>
    getCase(
      `${apiPath}?${enc(rng.pick(TEXT)) || 'x'}${rng.int(1e6)}=${enc(rng.pick(TEXT))}`,
      'random junk query (ignored)',
      { expect: 'ignore' }
    )
  );
};

const submissionBodyDefects = ({ questions, partial }) => {
  const first = questions[0].id;
  const apprenticeOnly = questions.find((question) => question.onlyIfTrainsApprentices)?.id;
  const profile = { sector: 'C', sizeClass: 'small', trainsApprentices: true };
  const valid = () => ({
    profile: { ...profile },
    answers: { [first]: 3 },
    complete: false,
    consentStatistics: true,
  });
  const list = [];
  const add = (defect, body, headers) => list.push({ defect, body, headers });
  if (!partial) {
    for (const value of [undefined, null, [], 'C', 1])
      add('profile: missing or not an object', { ...valid(), profile: value });
  } else {
    for (const value of [null, [], 'C', 1])
      add('profile: not an object', { ...valid(), profile: value });
  }
  for (const value of [...TEXT, ...BROKEN_TEXT, 'c', 'V', null, 1, [], {}])
    add('profile.sector: unknown', { ...valid(), profile: { ...profile, sector: value } });
  for (const value of [...TEXT, ...BROKEN_TEXT, 'Small', null, 1, [], {}])
    add('profile.sizeClass: unknown', { ...valid(), profile: { ...profile, sizeClass: value } });
  for (const value of [
    ...TEXT.filter(Boolean),
    ...BROKEN_TEXT,
    'a'.repeat(24),
    'b'.repeat(65),
    1,
    true,
    [],
    {},
  ]) {
    add('profile.municipality: unknown or not an id', {
      ...valid(),
      profile: { ...profile, municipality: value },
    });
  }
  for (const value of ['true', 1, 0, null, 'ja', [], {}])
    add('profile.trainsApprentices: not a boolean', {
      ...valid(),
      profile: { ...profile, trainsApprentices: value },
    });
  for (const word of [...TEXT, ...BROKEN_TEXT])
    add('answers: unknown question', { ...valid(), answers: { [word]: 3 } });
  for (const value of [0, 6, -1, 2.5, '3', true, [], {}, 1e308, 'null', ''])
    add('answers: value outside 1–5', { ...valid(), answers: { [first]: value } });
  for (const value of [[], 'x', 1, true])
    add('answers: not an object', { ...valid(), answers: value });
  if (apprenticeOnly) {
    add('answers: apprentice question for a company that does not train', {
      ...valid(),
      profile: { ...profile, trainsApprentices: false },
      answers: { [apprenticeOnly]: 4 },
    });
  }
  add('answers: 5000 unknown questions', {
    ...valid(),
    answers: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`q${i}`, 3])),
  });
  for (const field of ['complete', 'consentStatistics']) {
    for (const value of ['true', 1, null, {}, [], 'ja'])
      add(`${field}: not a boolean`, { ...valid(), [field]: value });
  }
  for (const value of [...TEXT.filter(Boolean), ...BROKEN_TEXT, 1, null, {}, '1999-1'])
    add('questionnaireVersion: unknown', { ...valid(), questionnaireVersion: value });
  for (const value of NON_TEXT.filter((value) => value !== null))
    add('website: not a text', { ...valid(), website: value });
  for (const bytes of INVALID_UTF8) {
    add(
      'profile.sector: invalid UTF-8 bytes',
      jsonWithRawBytes({ ...valid(), profile: { ...profile, sector: RAW } }, bytes)
    );
  }
  // a partial update may be empty: bodies that parse to {} are valid there, not malformed
  const empty = [
    'body: empty',
    'body: 5000 deep objects',
    'content type: xml',
    'content type: form nested 30 deep',
  ];
  for (const [defect, body] of bodyShapeDefects(valid()))
    if (!partial || !empty.includes(defect)) add(defect, body);
  add('body: 70 KB', { ...valid(), pad: 'p'.repeat(70_000) });
  for (const [defect, headers, body] of contentTypeDefects(valid()))
    if (!partial || !empty.includes(defect)) add(defect, body, headers);
  const { headers, body } = multipart({ complete: 'true' }, 'x');
  add('multipart with a file', body, headers);
  return { list, valid };
};

const submissionsCreate = ({ method, apiPath, count, seed, questions }) => {
  const { list, valid } = submissionBodyDefects({ questions, partial: false });
  const cases = list.map(({ defect, body, headers }) =>
    jsonCase(method, apiPath, body, defect, { headers })
  );
  return fill(cases, count, seed, (rng) => {
    const body = valid();
    const where = rng.pick(['sector', 'sizeClass', 'municipality', 'answer']);
    if (where === 'answer') body.answers = { [`${rng.pick(TEXT)}${rng.int(1000)}`]: rng.int(7) };
    else body.profile[where] = `${rng.pick(TEXT)}${rng.pick(BROKEN_TEXT)}`;
    return jsonCase(method, apiPath, body, `random: ${where}`);
  });
};

const junkSubmissionTokens = (validToken) => [
  ...TEXT.filter(Boolean).map(enc),
  'a'.repeat(32),
  'x'.repeat(2000),
  `${validToken}x`,
  validToken.slice(0, -1),
  validToken.toUpperCase() === validToken ? validToken.toLowerCase() : validToken.toUpperCase(),
  `${validToken}%00`,
  '%00',
  ...INVALID_UTF8,
  ...INVALID_UTF8.map((bytes) => `${validToken}${bytes}`),
];

/** The action plan: junk tokens answer 404; defective plans on a real check are refused. */
const planByToken = ({ method, apiPath, count, seed, draftToken }) => {
  const cases = [];
  for (const token of junkSubmissionTokens(draftToken))
    cases.push(
      jsonCase(method, apiPath.replace(':token', token), { measures: [] }, 'token: unknown')
    );
  const real = apiPath.replace(':token', draftToken);
  const defects = [
    ['measures is a string', { measures: 'alle' }],
    ['measures is an object', { measures: { tip: 'x' } }],
    ['a measure is null', { measures: [null] }],
    ['a tip with a NUL', { measures: [{ tip: 'abc\u0000' }] }],
    ['a tip that is an object', { measures: [{ tip: { $ne: null } }] }],
    ['a tip of 2000 characters', { measures: [{ tip: 'x'.repeat(2000) }] }],
    ['a date in words', { measures: [{ tip: 'abc', targetDate: 'nächsten Monat' }] }],
    ['an impossible date', { measures: [{ tip: 'abc', targetDate: '2030-02-31' }] }],
    ['a date in the past', { measures: [{ tip: 'abc', targetDate: '2001-01-01' }] }],
    ['done as text', { measures: [{ tip: 'abc', done: 'ja' }] }],
    ['too many measures', { measures: Array.from({ length: 500 }, (_, i) => ({ tip: `t${i}` })) }],
    ['the body is an array', [{ tip: 'abc' }]],
    ['a tip that is not recommended', { measures: [{ tip: 'abc' }] }],
    ['an empty plan on an unfinished check', { measures: [] }],
  ];
  for (const [defect, body] of defects)
    cases.push(jsonCase(method, real, body, `real token, ${defect}`));
  return fill(cases, count, seed, (rng) =>
    jsonCase(
      method,
      real,
      {
        measures: [
          { tip: `${rng.pick(TEXT)}${rng.pick(BROKEN_TEXT)}`, targetDate: rng.pick(TEXT) },
        ],
      },
      'random: tip and date'
    )
  );
};

/** Junk forms of a survey's public id (22 characters). */
const junkSurveyIds = (validId) => [
  ...TEXT.filter(Boolean).map(enc),
  'A'.repeat(22),
  'x'.repeat(2000),
  `${validId}x`,
  validId.slice(0, -1),
  `${validId}%00`,
  'manage',
  ...INVALID_UTF8,
  ...INVALID_UTF8.map((bytes) => `${validId}${bytes}`),
];

/** Starting a survey: junk tokens 404, a draft 409, bad end dates 400, a second survey 409. */
const surveyStart = ({ method, apiPath, count, seed, draftToken, completeToken }) => {
  const cases = [];
  for (const token of junkSubmissionTokens(draftToken))
    cases.push(jsonCase(method, apiPath.replace(':token', token), {}, 'token: unknown'));
  cases.push(jsonCase(method, apiPath.replace(':token', draftToken), {}, 'an unfinished check'));
  const real = apiPath.replace(':token', completeToken);
  const defects = [
    ['a second survey of the same check', {}],
    ['an end date in the past', { endsOn: '2001-01-01' }],
    ['an end date years ahead', { endsOn: '2099-12-31' }],
    ['an end date in words', { endsOn: 'Ende des Monats' }],
    ['an impossible end date', { endsOn: '2030-02-30' }],
    ['an end date that is an object', { endsOn: { $gt: '2000-01-01' } }],
    ['the body is an array', [{ endsOn: null }]],
  ];
  for (const [defect, body] of defects)
    cases.push(jsonCase(method, real, body, `real check, ${defect}`));
  return fill(cases, count, seed, (rng) =>
    jsonCase(
      method,
      real,
      { endsOn: `${rng.pick(TEXT)}${rng.pick(BROKEN_TEXT)}` },
      'random: end date'
    )
  );
};

/** An employee's answers: junk ids and every kind of bad answer are refused, nothing stored. */
const surveyResponses = ({ method, apiPath, count, seed, surveyId, questions }) => {
  const cases = [];
  for (const id of junkSurveyIds(surveyId))
    cases.push(
      jsonCase(method, apiPath.replace(':surveyId', id), { answers: { x: 3 } }, 'survey: unknown')
    );
  const real = apiPath.replace(':surveyId', surveyId);
  const some = questions[0]?.id ?? 'x';
  const defects = [
    ['an answer above the scale', { answers: { [some]: 6 } }],
    ['an answer of zero', { answers: { [some]: 0 } }],
    ['an answer as text', { answers: { [some]: 'gut' } }],
    ['an answer as a fraction', { answers: { [some]: 2.5 } }],
    ['a statement of another questionnaire', { answers: { [`${some}x`]: 3 } }],
    ['only "keine Angabe"', { answers: { [some]: null } }],
    ['no answers', { answers: {} }],
    ['answers as a list', { answers: [3, 4] }],
    ['answers with an operator', { answers: { $where: 3 } }],
    ['a honeypot that is an object', { answers: { [some]: 3, unknown: 1 }, website: { a: 1 } }],
    ['the body is a string', 'alles gut'],
  ];
  for (const [defect, body] of defects)
    cases.push(jsonCase(method, real, body, `real survey, ${defect}`));
  return fill(cases, count, seed, (rng) =>
    jsonCase(
      method,
      real,
      { answers: { [`${rng.pick(TEXT)}${rng.int(1000)}`]: rng.int(7) } },
      'random: statement and value'
    )
  );
};

/** Management by token: junk tokens (and a check token) are 404; the real survey stays open. */
const surveyManage = ({ method, apiPath, count, seed, draftToken }) => {
  const cases = [];
  for (const token of [...junkSubmissionTokens(draftToken), draftToken])
    cases.push(getCase(apiPath.replace(':manageToken', token), 'token: unknown', { method }));
  return fill(cases, count, seed, (rng) =>
    getCase(
      apiPath.replace(':manageToken', `${enc(rng.pick(TEXT))}${rng.int(1e9)}`),
      'random: unknown token',
      { method }
    )
  );
};

/** Reminder sign-up: junk tokens 404, a draft 409, every bad address or consent 400. */
const reminderSignUp = ({ method, apiPath, count, seed, draftToken, completeToken }) => {
  const cases = [];
  const valid = { email: 'hostile@betrieb.example', consent: true };
  for (const token of junkSubmissionTokens(draftToken))
    cases.push(jsonCase(method, apiPath.replace(':token', token), valid, 'token: unknown'));
  cases.push(jsonCase(method, apiPath.replace(':token', draftToken), valid, 'an unfinished check'));
  const real = apiPath.replace(':token', completeToken);
  const defects = [
    ['no consent', { email: 'a@betrieb.example' }],
    ['consent false', { email: 'a@betrieb.example', consent: false }],
    ['consent as text', { email: 'a@betrieb.example', consent: 'true' }],
    ['no address', { consent: true }],
    ['an address without @', { email: 'betrieb.example', consent: true }],
    ['an address with a line break', { email: 'a@b.example\r\nBcc: x@y.example', consent: true }],
    ['an address with a NUL', { email: 'a\u0000@b.example', consent: true }],
    ['an address that is an object', { email: { $ne: null }, consent: true }],
    ['an address of 1000 characters', { email: `${'a'.repeat(990)}@b.example`, consent: true }],
    ['the body is an array', [valid]],
  ];
  for (const [defect, body] of defects)
    cases.push(jsonCase(method, real, body, `real check, ${defect}`));
  return fill(cases, count, seed, (rng) =>
    jsonCase(
      method,
      real,
      { email: `${rng.pick(TEXT)}${rng.pick(BROKEN_TEXT)}`, consent: true },
      'random: address'
    )
  );
};

/** The pages of reminder links: junk and forged keys are 404. */
const reminderKeys = ({ method, apiPath, count, seed }) => {
  const keys = [
    ...TEXT.filter(Boolean).map(enc),
    'abc.defghijklmnopqrstuvwxyzABCDEF123456',
    `${'a'.repeat(24)}.${'b'.repeat(32)}`,
    'x'.repeat(2000),
    '%00',
    ...INVALID_UTF8,
  ];
  const cases = keys.map((key) =>
    method === 'POST'
      ? jsonCase(method, apiPath.replace(':key', key), {}, 'key: unknown or forged')
      : getCase(apiPath.replace(':key', key), 'key: unknown or forged')
  );
  return fill(cases, count, seed, (rng) => {
    const route = apiPath.replace(':key', `${enc(rng.pick(TEXT))}.${rng.int(1e9)}`);
    return method === 'POST'
      ? jsonCase(method, route, {}, 'random: key')
      : getCase(route, 'random: key');
  });
};

/** GET/DELETE/PUT/report of a submission: junk tokens answer 404 (never another's data). */
const submissionByToken = ({ method, apiPath, count, seed, draftToken, questions }) => {
  const cases = [];
  const tokens = junkSubmissionTokens(draftToken);
  const body =
    method === 'PUT' ? submissionBodyDefects({ questions, partial: true }).valid() : undefined;
  for (const token of tokens) {
    const route = apiPath.replace(':token', token);
    cases.push(
      body
        ? jsonCase(method, route, body, 'token: unknown')
        : getCase(route, 'token: unknown', { method })
    );
  }
  if (method === 'PUT') {
    const { list } = submissionBodyDefects({ questions, partial: true });
    const real = apiPath.replace(':token', draftToken);
    for (const { defect, body: bad, headers } of list)
      cases.push(jsonCase(method, real, bad, `real token, ${defect}`, { headers }));
  }
  if (apiPath.endsWith('/recheck')) {
    // a re-check of a draft: 409 (not complete), several times, and nothing created
    for (let i = 0; i < 20; i += 1)
      cases.push(
        getCase(apiPath.replace(':token', draftToken), 're-check of an unfinished check', {
          method,
        })
      );
  }
  if (apiPath.endsWith('/report.pdf')) {
    // the draft's PDF: 409 (not complete), several times
    for (let i = 0; i < 20; i += 1)
      cases.push(getCase(apiPath.replace(':token', draftToken), 'report of an unfinished check'));
  }
  return fill(cases, count, seed, (rng) => {
    const token = `${enc(rng.pick(TEXT))}${rng.int(1e9)}${rng.pick(['', ...INVALID_UTF8])}`;
    const route = apiPath.replace(':token', token);
    return body
      ? jsonCase(method, route, body, 'random: unknown token')
      : getCase(route, 'random: unknown token', { method });
  });
};

/**
 * References (what a company holds: the token of its self-check) that are no completed check:
 * malformed (400) or well-formed but unknown, a draft, a deleted check (404). As raw text; the
 * query routes percent-encode them.
 */
const junkReferences = ({ completeToken, draftToken, deletedToken }) => {
  const swapCase = (text) =>
    [...text].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
  return {
    // well-formed (letters, digits, _ . -, 10–256 characters) but no completed check
    unknown: [
      draftToken,
      deletedToken,
      'a'.repeat(32),
      'A'.repeat(10),
      'x'.repeat(256),
      swapCase(completeToken),
      `${completeToken.slice(0, -1)}${completeToken.endsWith('A') ? 'B' : 'A'}`,
      `${completeToken}x`,
      `${completeToken}.`,
      completeToken.slice(0, -1),
      `${completeToken.slice(0, 16)}..${completeToken.slice(18)}`,
      '1'.repeat(32),
      'null-null-null',
      'undefined.undefined',
    ],
    // junk text: malformed (400), but a few payload words happen to be well-formed (404)
    malformed: [
      ...TEXT,
      ...BROKEN_TEXT,
      ...BROKEN_TEXT.map((text) => `${completeToken}${text}`),
      ...BROKEN_TEXT.map((text) => `${text}${completeToken}`),
      'a',
      'x'.repeat(9),
      'x'.repeat(257),
      'x'.repeat(5000),
      `${completeToken} `,
      ` ${completeToken}`,
      `${completeToken}\n`,
      `${completeToken}/`,
      `${completeToken}/../${completeToken}`,
      `${completeToken}+`,
      `${completeToken}=`,
      `${completeToken}<script>alert(1)</script>`,
      `${completeToken}' OR '1'='1`,
      `${completeToken}%00`,
      `${completeToken}*`,
      '%',
      '*'.repeat(32),
      '_'.repeat(9),
    ],
  };
};

/**
 * POST /links: a company asks for tips fitting its completed self-check. Every case has exactly
 * one defect, most of them next to the reference of a real completed check (so only the defect
 * can be the reason for the refusal); none may store a subscriber or a link.
 */
const linkRequest = ({ apiPath, count, seed, references }) => {
  let n = 0;
  const valid = () => ({
    reference: references.completeToken,
    email: `hostile-link-${n++}@unsubscribed.example.org`,
    consent: true,
    linkConsent: true,
  });
  const cases = [];
  const add = (defect, body, extra) => cases.push(jsonCase('POST', apiPath, body, defect, extra));
  const without = (field) => {
    const { [field]: _omitted, ...rest } = valid();
    return rest;
  };
  const { unknown, malformed } = junkReferences(references);
  for (const reference of unknown)
    add('reference: no completed check (unknown, draft, deleted)', { ...valid(), reference });
  for (const reference of malformed) add('reference: junk text', { ...valid(), reference });
  for (const value of [
    ...NON_TEXT,
    [references.completeToken],
    { token: references.completeToken },
  ])
    add('reference: not a text', { ...valid(), reference: value });
  add('reference: missing', without('reference'));
  for (const bytes of INVALID_UTF8) {
    add('reference: invalid UTF-8 bytes', jsonWithRawBytes({ ...valid(), reference: RAW }, bytes));
    // the real reference with bytes that are no UTF-8 after it
    const [before, after] = JSON.stringify({ ...valid(), reference: RAW }).split(RAW);
    add(
      'reference: real reference, then invalid UTF-8 bytes',
      Buffer.concat([
        Buffer.from(before, 'utf8'),
        Buffer.from(`${references.completeToken}${bytes}`, 'latin1'),
        Buffer.from(after, 'utf8'),
      ])
    );
  }
  cases.push(
    jsonCase(
      'POST',
      `${apiPath}?reference=${enc(references.completeToken)}`,
      without('reference'),
      'reference: in the query, not in the body'
    )
  );
  const emails = [
    ...TEXT,
    ...BROKEN_TEXT.map((text) => `a${text}@example.org`),
    'a@',
    '@b.de',
    'a@b',
    'a@@b.de',
    'a b@c.de',
    '<a@b.de>',
    'a@b.de\r\nBcc: c@d.de',
    'a@b.de,c@d.de',
    'a@b.de;c@d.de',
    '"a"@b.de"',
    `${'a'.repeat(250)}@b.de`,
    `a@${'b'.repeat(250)}.de`,
    'a@[127.0.0.1]x',
    'a@localhost',
    '.a@b.de',
    `<script>alert(1)</script>@example.org`,
    `a@example.org<script>alert(1)</script>`,
  ];
  for (const email of emails) add('email: invalid', { ...valid(), email });
  for (const value of NON_TEXT) add('email: not a text', { ...valid(), email: value });
  add('email: missing', without('email'));
  for (const bytes of INVALID_UTF8)
    add('email: invalid UTF-8 bytes', jsonWithRawBytes({ ...valid(), email: RAW }, bytes));
  for (const field of ['consent', 'linkConsent']) {
    for (const value of [false, 'true', 1, 0, null, 'yes', 'ja', [true], {}, '', { $ne: false }])
      add(`${field}: not true`, { ...valid(), [field]: value });
    add(`${field}: missing`, without(field));
    add(
      `duplicate key: ${field} false wins`,
      `${JSON.stringify(valid()).slice(0, -1)},"${field}":false}`
    );
    add(
      `${field}: only in __proto__`,
      `{"__proto__":{"${field}":true},${JSON.stringify(without(field)).slice(1)}`
    );
  }
  add('both consents: missing', (({ consent: _c, linkConsent: _l, ...rest }) => rest)(valid()));
  for (const field of ['name', 'organisation']) {
    for (const text of BROKEN_TEXT) {
      add(`${field}: control character, lone surrogate or U+FFFD`, { ...valid(), [field]: text });
      add(`${field}: broken text in a payload`, {
        ...valid(),
        [field]: `<script>alert(1)</script>${text}`,
      });
    }
    for (const value of NON_TEXT.filter((value) => value !== null))
      add(`${field}: not a text`, { ...valid(), [field]: value });
    add(`${field}: too long`, {
      ...valid(),
      [field]: `<b>${'x'.repeat(field === 'name' ? 120 : 160)}</b>`,
    });
    add(`${field}: 900 KB`, { ...valid(), [field]: 'y'.repeat(900_000) });
    for (const bytes of INVALID_UTF8)
      add(`${field}: invalid UTF-8 bytes`, jsonWithRawBytes({ ...valid(), [field]: RAW }, bytes));
  }
  for (const value of NON_TEXT.filter((value) => value !== null))
    add('website: not a text', { ...valid(), website: value });
  add('website: 1000 characters', { ...valid(), website: 'w'.repeat(1000) });
  for (const [defect, body] of bodyShapeDefects(valid())) add(defect, body);
  add('body: 5000 references', {
    ...valid(),
    reference: Array.from({ length: 5000 }, () => references.completeToken),
  });
  for (const [defect, headers, body] of contentTypeDefects(valid())) add(defect, body, { headers });
  const form = { ...valid(), consent: 'true', linkConsent: 'true' };
  add('content type: form post', new URLSearchParams(form).toString(), {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
  });
  for (const field of ['files', 'x', 'reference']) {
    const { headers, body } = multipart(form, field);
    add(`multipart with a file (field ${field})`, body, { headers });
  }
  return fill(cases, count, seed, (rng) => {
    const field = rng.pick([
      'reference',
      'email',
      'consent',
      'linkConsent',
      'name',
      'organisation',
    ]);
    const value =
      field === 'name' || field === 'organisation'
        ? `${rng.pick(TEXT)}${rng.pick(BROKEN_TEXT)}${rng.pick(TEXT)}`
        : field === 'consent' || field === 'linkConsent'
          ? rng.pick([false, 'true', 1, null, 'on'])
          : field === 'reference'
            ? `${rng.pick([...TEXT, ...malformed])}${rng.int(1e9)}${rng.pick(BROKEN_TEXT)}`
            : `${rng.pick(TEXT)}${rng.int(1000)}`;
    return jsonCase('POST', apiPath, { ...valid(), [field]: value }, `random: ${field}`);
  });
};

/**
 * GET /links (status) and DELETE /links (removal) by `?reference=`: references that are no
 * completed check (400 malformed, 404 unknown), of the wrong shape, in the wrong place. A valid
 * reference is never sent (GET would answer 200, DELETE would remove the link).
 */
const linkByReference = ({ method, apiPath, count, seed, references }) => {
  const cases = [];
  const add = (query, defect, extra = {}) =>
    cases.push(
      getCase(query === null ? apiPath : `${apiPath}?${query}`, defect, { method, ...extra })
    );
  const { unknown, malformed } = junkReferences(references);
  const token = references.completeToken;
  for (const reference of unknown) {
    add(`reference=${enc(reference)}`, 'reference: no completed check (unknown, draft, deleted)');
  }
  for (const reference of malformed) {
    add(`reference=${enc(reference)}`, 'reference: junk text');
    // the same, asked for as a page
    add(`reference=${enc(reference)}`, 'reference: junk text (Accept: text/html)', {
      headers: { Accept: 'text/html' },
    });
  }
  for (const bytes of INVALID_UTF8) {
    add(`reference=${token}${bytes}`, 'reference: invalid UTF-8 bytes');
    add(`reference=${bytes}${token}`, 'reference: invalid UTF-8 bytes in front');
  }
  for (const shape of [
    `reference[]=${token}`,
    `reference[]=${token}&reference[]=${token}`,
    `reference=${token}&reference=${token}`,
    `reference=${token}&reference=${enc(references.draftToken)}`,
    `reference[0]=${token}`,
    `reference[$ne]=x`,
    `reference[$ne]=`,
    `reference[$gt]=`,
    `reference[toString]=x`,
    `reference[a][b][c]=${token}`,
    `reference${'[a]'.repeat(30)}=x`,
    'reference',
    'reference=',
    `Reference=${token}`,
    `REFERENCE=${token}`,
    `ref=${token}`,
    `token=${token}`,
    `reference%00=${token}`,
    `%00reference=${token}`,
    `reference%20=${token}`,
    '',
  ]) {
    add(shape, 'reference: wrong shape or name');
  }
  add(null, 'reference: none');
  add(null, 'reference: in a JSON body, not in the query', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reference: token }),
  });
  add(null, 'reference: in a form body, not in the query', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `reference=${token}`,
  });
  add(null, 'reference: in a header, not in the query', {
    headers: { 'X-Reference': token, Cookie: `reference=${token}` },
  });
  add(`reference=${'x'.repeat(20_000)}`, 'reference: 20 KB (over the header limit)');
  add(
    `reference=${enc(references.draftToken)}&nope=${'y'.repeat(70_000)}`,
    'query: 70 KB (over the header limit)'
  );
  for (const word of TEXT.filter(Boolean)) {
    // junk next to a reference that is no completed check
    add(
      `reference=${enc(references.draftToken)}&${enc(word)}=${enc(word)}`,
      'reference: a draft, with junk parameters'
    );
  }
  return fill(cases, count, seed, (rng) => {
    const reference = `${rng.pick([...TEXT, ...malformed, ...unknown])}${rng.pick(['', String(rng.int(1e9))])}${rng.pick(['', ...INVALID_UTF8, ...BROKEN_TEXT])}`;
    return getCase(
      `${apiPath}?reference=${enc(reference)}&${enc(rng.pick(TEXT)) || 'x'}=${rng.int(1e6)}`,
      'random: no completed check',
      { method }
    );
  });
};

/**
 * The generator for a route ("METHOD /api/…" as the server lists it), or null: then the route is
 * public without a generator, and the scenario fails (a new public route cannot be forgotten).
 */
const generatorFor = (route, context) => {
  const key = `${route.method} ${route.path}`;
  const content = /^GET \/api\/([a-z-]+)(\/:id)?$/.exec(key);
  if (content && context.contentApis[content[1]]) {
    const apiName = context.contentApis[content[1]];
    return content[2]
      ? (options) =>
          contentFindOne({ ...options, apiName, documentId: context.documentIds[apiName] })
      : (options) => contentFind({ ...options, apiName });
  }
  const n = context.newsletter;
  const e = context.employerCheck;
  const generators = {
    'POST /api/newsletter/subscribe': (o) => subscribe({ ...o, topics: n.topics }),
    'GET /api/newsletter/confirm': (o) =>
      tokenRoute({ ...o, method: 'GET', tokens: n.junkConfirmTokens }),
    'POST /api/newsletter/confirm': (o) =>
      tokenRoute({
        ...o,
        method: 'POST',
        tokens: n.junkConfirmTokens,
        form: (token) => `token=${enc(token)}`,
      }),
    'GET /api/newsletter/preferences': (o) =>
      tokenRoute({ ...o, method: 'GET', tokens: n.junkManageTokens }),
    'PUT /api/newsletter/preferences': (o) =>
      preferences({
        ...o,
        method: 'PUT',
        tokens: n.junkManageTokens,
        manageToken: n.manageToken,
        topics: n.topics,
      }),
    'POST /api/newsletter/preferences': (o) =>
      preferences({
        ...o,
        method: 'POST',
        tokens: n.junkManageTokens,
        manageToken: n.manageToken,
        topics: n.topics,
      }),
    'GET /api/newsletter/unsubscribe': (o) =>
      tokenRoute({ ...o, method: 'GET', tokens: n.junkManageTokens }),
    'POST /api/newsletter/unsubscribe': (o) =>
      tokenRoute({
        ...o,
        method: 'POST',
        tokens: n.junkManageTokens,
        form: () => 'List-Unsubscribe=One-Click',
      }),
    'GET /api/newsletter/issues/:id/web': (o) =>
      webVersion({ ...o, unsentIssueId: n.unsentIssueId }),
    'GET /api/newsletter/r/:token': (o) => clickRedirect({ ...o, tokens: n.junkClickTokens }),
    'POST /api/newsletter/preferences/unlink': (o) =>
      tokenRoute({
        ...o,
        method: 'POST',
        tokens: n.junkManageTokens,
        form: (token) => `token=${enc(token)}`,
      }),
    // the personalised section: takes no input / a completed self-check's token
    'GET /api/newsletter/links/consent': (o) => questionnaire(o),
    'POST /api/newsletter/links': (o) => linkRequest({ ...o, references: n.references }),
    'GET /api/newsletter/links': (o) =>
      linkByReference({ ...o, method: 'GET', references: n.references }),
    'DELETE /api/newsletter/links': (o) =>
      linkByReference({ ...o, method: 'DELETE', references: n.references }),
    'GET /api/employer-check/questionnaire': (o) => questionnaire(o),
    'POST /api/employer-check/submissions': (o) =>
      submissionsCreate({ ...o, method: 'POST', questions: e.questions }),
    'GET /api/employer-check/submissions/:token': (o) =>
      submissionByToken({ ...o, method: 'GET', draftToken: e.draftToken, questions: e.questions }),
    'PUT /api/employer-check/submissions/:token': (o) =>
      submissionByToken({ ...o, method: 'PUT', draftToken: e.draftToken, questions: e.questions }),
    'DELETE /api/employer-check/submissions/:token': (o) =>
      submissionByToken({
        ...o,
        method: 'DELETE',
        draftToken: e.draftToken,
        questions: e.questions,
      }),
    'GET /api/employer-check/submissions/:token/report.pdf': (o) =>
      submissionByToken({ ...o, method: 'GET', draftToken: e.draftToken, questions: e.questions }),
    'POST /api/employer-check/submissions/:token/recheck': (o) =>
      submissionByToken({ ...o, method: 'POST', draftToken: e.draftToken, questions: e.questions }),
    'POST /api/employer-check/submissions/:token/surveys': (o) =>
      surveyStart({
        ...o,
        method: 'POST',
        draftToken: e.draftToken,
        completeToken: e.completeToken,
      }),
    'GET /api/employer-check/surveys/:surveyId': (o) =>
      fill(
        junkSurveyIds(e.surveyId).map((id) =>
          getCase(o.apiPath.replace(':surveyId', id), 'survey: unknown')
        ),
        o.count,
        o.seed,
        (rng) =>
          getCase(
            o.apiPath.replace(':surveyId', `${enc(rng.pick(TEXT))}${rng.int(1e9)}`),
            'random: unknown survey'
          )
      ),
    'POST /api/employer-check/surveys/:surveyId/responses': (o) =>
      surveyResponses({
        ...o,
        method: 'POST',
        surveyId: e.surveyId,
        questions: e.surveyQuestions ?? [],
      }),
    'GET /api/employer-check/surveys/manage/:manageToken': (o) =>
      surveyManage({ ...o, method: 'GET', draftToken: e.draftToken }),
    'POST /api/employer-check/surveys/manage/:manageToken/close': (o) =>
      surveyManage({ ...o, method: 'POST', draftToken: e.draftToken }),
    'POST /api/employer-check/submissions/:token/reminders': (o) =>
      reminderSignUp({
        ...o,
        method: 'POST',
        draftToken: e.draftToken,
        completeToken: e.completeToken,
      }),
    'GET /api/employer-check/reminders/confirm/:key': (o) => reminderKeys({ ...o, method: 'GET' }),
    'POST /api/employer-check/reminders/confirm/:key': (o) =>
      reminderKeys({ ...o, method: 'POST' }),
    'GET /api/employer-check/reminders/unsubscribe/:key': (o) =>
      reminderKeys({ ...o, method: 'GET' }),
    'POST /api/employer-check/reminders/unsubscribe/:key': (o) =>
      reminderKeys({ ...o, method: 'POST' }),
    'PUT /api/employer-check/submissions/:token/plan': (o) =>
      planByToken({ ...o, method: 'PUT', draftToken: e.draftToken }),
    // company tokens: the junk forms of a token, and a check's own token (not a company token)
    'DELETE /api/employer-check/companies/:companyToken': (o) =>
      submissionByToken({
        ...o,
        apiPath: o.apiPath.replace(':companyToken', ':token'),
        method: 'DELETE',
        draftToken: e.draftToken,
        questions: e.questions,
      }).concat([
        getCase(
          o.apiPath.replace(':companyToken', e.draftToken),
          'a check token, not a company token',
          {
            method: 'DELETE',
          }
        ),
      ]),
  };
  return generators[key] ?? null;
};

module.exports = { generatorFor, junkTokens, junkClickTokens, readSchema };
