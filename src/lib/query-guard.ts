/**
 * What Strapi's own query validation lets through to the database although it cannot work:
 * `filters[$or]=x` (a group operator without a list), `filters[places][$gt]=abc` (text for a
 * number), `filters[title][$contains]=%00` (NUL, which PostgreSQL refuses), `$contains` on a
 * number, date or JSON column, more than one operator on a relation, `?fields` without a value,
 * `pagination[page]=-5`. Each of these answered 500 (found by the hostile-input suite,
 * tests/faults/scenarios/hostile.js). `checkContentQuery` walks a content-API query against the
 * content type's schema and names the first such problem, so the route can answer 400 instead.
 *
 * Pure: the schema comes in through `getModel`; unit-tested in tests/unit/query-guard.test.ts.
 * Strapi still validates everything else (unknown keys, private fields, sort, populate keys).
 */

export interface AttributeLike {
  type: string;
  target?: string;
  component?: string;
  enum?: string[];
  private?: boolean;
}

export interface ModelLike {
  attributes: Record<string, AttributeLike>;
}

export type ModelLookup = (uid: string) => ModelLike | undefined;

export interface QueryProblem {
  /** the query parameter: filters, populate, fields, pagination, … */
  param: string;
  /** where in it, e.g. ['places', '$gt'] */
  path: string[];
  message: string;
}

const GROUP = new Set(['$and', '$or']);
const COMPARISON = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte']);
const TEXT_OPERATORS = new Set([
  '$eqi',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);
const LIST = new Set(['$in', '$notIn']);
const NULL_CHECKS = new Set(['$null', '$notNull']);
const BOOLEAN_TEXT = new Set(['true', 'false', '1', '0', 't', 'f']);

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const INTEGER_RANGE: Record<string, [bigint, bigint]> = {
  integer: [-2147483648n, 2147483647n],
  biginteger: [-9223372036854775808n, 9223372036854775807n],
};
const NOT_FILTERABLE = new Set(['json', 'blocks', 'dynamiczone', 'password']);
/** Strapi's system fields, present on every content type but not always in `attributes`. */
const SYSTEM_ATTRIBUTES: Record<string, AttributeLike> = {
  id: { type: 'integer' },
  documentId: { type: 'string' },
  createdAt: { type: 'datetime' },
  updatedAt: { type: 'datetime' },
  publishedAt: { type: 'datetime' },
};
/** The largest page, page size or offset anyone can mean (PostgreSQL's int4). */
const MAX_PAGINATION = 2147483647;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class Problem extends Error {
  constructor(
    readonly param: string,
    readonly path: string[],
    message: string
  ) {
    super(message);
  }
}

/** NUL, lone surrogates: text no database column can hold (PostgreSQL refuses NUL). */
export const brokenText = (value: string): string | null => {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
    return 'must be well-formed Unicode text';
  }
  return null;
};

const where = (param: string, path: string[]) => [param, ...path].join('.');

const isCalendarDate = (text: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
};

const isDateTime = (text: string) => {
  if (/^\d{1,13}$/.test(text)) return true; // a timestamp in milliseconds
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text
    );
  if (!match || !isCalendarDate(match[1])) return false;
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map((part) => Number(part ?? 0));
  return hours < 24 && minutes < 60 && seconds < 60;
};

const isTime = (text: string) => {
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/.exec(text);
  return Boolean(
    match && Number(match[1]) < 24 && Number(match[2]) < 60 && Number(match[3] ?? 0) < 60
  );
};

/** One value compared with an attribute; throws a Problem naming what is expected. */
const checkValue = (
  value: unknown,
  attribute: AttributeLike,
  operator: string,
  param: string,
  path: string[]
) => {
  const fail = (expected: string) => {
    throw new Problem(param, path, `Invalid value for ${where(param, path)}: expected ${expected}`);
  };
  if (value === null) return;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    fail('a single value, not a list or an object');
  }
  const text = String(value);
  const broken = brokenText(text);
  if (broken) throw new Problem(param, path, `Invalid value for ${where(param, path)}: ${broken}`);
  if (TEXT_OPERATORS.has(operator)) {
    if (!TEXT_TYPES.has(attribute.type)) fail(`${operator} only on text fields`);
    return;
  }
  const range = INTEGER_RANGE[attribute.type];
  if (range) {
    if (!/^-?\d{1,20}$/.test(text)) fail('a whole number');
    const number = BigInt(text);
    if (number < range[0] || number > range[1]) fail('a whole number in range');
    return;
  }
  switch (attribute.type) {
    case 'float':
    case 'decimal':
      if (!/^-?\d{1,30}(\.\d{1,30})?$/.test(text) || !Number.isFinite(Number(text))) {
        fail('a number');
      }
      return;
    case 'boolean':
      if (!BOOLEAN_TEXT.has(text.toLowerCase())) fail('true or false');
      return;
    case 'date':
      if (!isCalendarDate(text)) fail('a date (YYYY-MM-DD)');
      return;
    case 'datetime':
    case 'timestamp':
      if (!isDateTime(text)) fail('an ISO 8601 date and time');
      return;
    case 'time':
      if (!isTime(text)) fail('a time (HH:mm:ss)');
      return;
    case 'enumeration':
      if (attribute.enum && !attribute.enum.includes(text)) {
        fail(`one of ${attribute.enum.join(', ')}`);
      }
      return;
    default:
      return;
  }
};

const checkList = (
  value: unknown,
  attribute: AttributeLike,
  operator: string,
  param: string,
  path: string[]
) => {
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) {
    throw new Problem(param, path, `Invalid value for ${where(param, path)}: the list is empty`);
  }
  values.forEach((entry, index) =>
    checkValue(
      entry,
      attribute,
      operator,
      param,
      Array.isArray(value) ? [...path, String(index)] : path
    )
  );
};

/** `filters[<scalar attribute>]=…`: a value, a list of values, or operators. */
const checkAttributeFilter = (
  value: unknown,
  attribute: AttributeLike,
  param: string,
  path: string[]
): void => {
  if (Array.isArray(value)) {
    checkList(value, attribute, '$eq', param, path);
    return;
  }
  if (!isRecord(value)) {
    checkValue(value, attribute, '$eq', param, path);
    return;
  }
  const operators = Object.keys(value);
  if (operators.length === 0) {
    throw new Problem(param, path, `Empty filter at ${where(param, path)}`);
  }
  for (const operator of operators) {
    const operand = value[operator];
    const at = [...path, operator];
    if (operator === '$not') {
      checkAttributeFilter(operand, attribute, param, at);
    } else if (COMPARISON.has(operator) || TEXT_OPERATORS.has(operator)) {
      if (Array.isArray(operand)) checkList(operand, attribute, operator, param, at);
      else checkValue(operand, attribute, operator, param, at);
    } else if (LIST.has(operator)) {
      checkList(operand, attribute, operator, param, at);
    } else if (operator === '$between') {
      if (!Array.isArray(operand) || operand.length !== 2) {
        throw new Problem(param, at, `Invalid value for ${where(param, at)}: expected two values`);
      }
      checkList(operand, attribute, operator, param, at);
    } else if (NULL_CHECKS.has(operator)) {
      if (typeof operand === 'boolean') continue;
      if (typeof operand !== 'string' || !BOOLEAN_TEXT.has(operand.toLowerCase())) {
        throw new Problem(
          param,
          at,
          `Invalid value for ${where(param, at)}: expected true or false`
        );
      }
    } else {
      throw new Problem(param, at, `Invalid operator ${operator} at ${where(param, path)}`);
    }
  }
};

const attributeOf = (model: ModelLike, key: string): AttributeLike | undefined =>
  Object.prototype.hasOwnProperty.call(model.attributes, key)
    ? model.attributes[key]
    : Object.prototype.hasOwnProperty.call(SYSTEM_ATTRIBUTES, key)
      ? SYSTEM_ATTRIBUTES[key]
      : undefined;

/** The model a relation, component or media attribute leads to. */
const targetOf = (attribute: AttributeLike, getModel: ModelLookup): ModelLike | undefined => {
  if (attribute.type === 'relation' && attribute.target) return getModel(attribute.target);
  if (attribute.type === 'component' && attribute.component) return getModel(attribute.component);
  if (attribute.type === 'media') return getModel('plugin::upload.file');
  return undefined;
};

const checkFilters = (
  node: unknown,
  model: ModelLike,
  getModel: ModelLookup,
  param: string,
  path: string[]
): void => {
  if (Array.isArray(node)) {
    node.forEach((entry, index) =>
      checkFilters(entry, model, getModel, param, [...path, String(index)])
    );
    return;
  }
  if (!isRecord(node)) {
    throw new Problem(param, path, `${where(param, path)} must be an object`);
  }
  for (const [key, value] of Object.entries(node)) {
    const at = [...path, key];
    if (GROUP.has(key)) {
      if (!Array.isArray(value) || value.length === 0) {
        throw new Problem(param, at, `${where(param, at)} must be a non-empty list of filters`);
      }
      value.forEach((entry, index) =>
        checkFilters(entry, model, getModel, param, [...at, String(index)])
      );
      continue;
    }
    if (key === '$not') {
      checkFilters(value, model, getModel, param, at);
      continue;
    }
    if (key.startsWith('$')) {
      throw new Problem(param, at, `Invalid operator ${key} at ${where(param, path)}`);
    }
    const attribute = attributeOf(model, key);
    if (!attribute || attribute.private) {
      throw new Problem(param, at, `Invalid key ${key}`);
    }
    if (NOT_FILTERABLE.has(attribute.type)) {
      throw new Problem(param, at, `${key} cannot be filtered on`);
    }
    const target = targetOf(attribute, getModel);
    if (['relation', 'component', 'media'].includes(attribute.type)) {
      if (!target) throw new Problem(param, at, `${key} cannot be filtered on`);
      checkRelationFilter(value, target, getModel, param, at);
      continue;
    }
    checkAttributeFilter(value, attribute, param, at);
  }
};

/**
 * `filters[<relation>]=…`: either conditions on the related entry's fields, or operators on its
 * id (`filters[municipality][$eq]=3`, `filters[municipality]=3`), as Strapi's query engine reads it.
 */
const checkRelationFilter = (
  value: unknown,
  target: ModelLike,
  getModel: ModelLookup,
  param: string,
  path: string[]
) => {
  const id = SYSTEM_ATTRIBUTES.id;
  if (!isRecord(value)) {
    if (Array.isArray(value)) checkList(value, id, '$eq', param, path);
    else checkValue(value, id, '$eq', param, path);
    return;
  }
  const keys = Object.keys(value);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0 || operators.every((key) => GROUP.has(key) || key === '$not')) {
    checkFilters(value, target, getModel, param, path);
    return;
  }
  if (operators.length !== keys.length || operators.length > 1) {
    throw new Problem(
      param,
      path,
      `${where(param, path)}: use either one operator on the id or conditions on fields`
    );
  }
  checkAttributeFilter(value, id, param, path);
};

/** `populate`: nested `filters` and `populate` of related entries are checked like the top. */
const checkPopulate = (
  node: unknown,
  model: ModelLike,
  getModel: ModelLookup,
  path: string[]
): void => {
  if (node === null) {
    throw new Problem('populate', path, `${where('populate', path)} needs a value`);
  }
  if (typeof node === 'string' || typeof node === 'boolean') return;
  if (Array.isArray(node)) {
    node.forEach((entry, index) => {
      if (typeof entry !== 'string') {
        throw new Problem(
          'populate',
          [...path, String(index)],
          `${where('populate', [...path, String(index)])} must be a field name`
        );
      }
    });
    return;
  }
  if (!isRecord(node)) return; // Strapi answers 400 itself
  for (const [key, value] of Object.entries(node)) {
    if (!isRecord(value)) {
      if (value === null) {
        throw new Problem('populate', [...path, key], `populate.${key} needs a value`);
      }
      continue;
    }
    const attribute = attributeOf(model, key);
    const target = attribute && targetOf(attribute, getModel);
    if (!target) continue; // unknown or not a relation: Strapi's own validation answers 400
    if ('filters' in value) {
      if (value.filters === null) {
        throw new Problem('populate', [...path, key, 'filters'], 'filters needs a value');
      }
      checkFilters(value.filters, target, getModel, 'populate', [...path, key, 'filters']);
    }
    if ('fields' in value) checkFields(value.fields, 'populate', [...path, key, 'fields']);
    if ('populate' in value)
      checkPopulate(value.populate, target, getModel, [...path, key, 'populate']);
  }
};

const checkFields = (value: unknown, param: string, path: string[]) => {
  const ok =
    typeof value === 'string' ||
    (Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'string'));
  if (!ok) {
    throw new Problem(param, path, `${where(param, path)} must be a field name or a list of them`);
  }
};

const PAGINATION_KEYS: Record<string, (text: string) => boolean> = {
  page: (text) => /^\d{1,10}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_PAGINATION,
  pageSize: (text) =>
    /^\d{1,10}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_PAGINATION,
  start: (text) => /^\d{1,10}$/.test(text) && Number(text) <= MAX_PAGINATION,
  limit: (text) =>
    text === '-1' ||
    (/^\d{1,10}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_PAGINATION),
  withCount: (text) => BOOLEAN_TEXT.has(text.toLowerCase()),
};

const checkPagination = (value: unknown) => {
  if (!isRecord(value)) {
    throw new Problem('pagination', [], 'pagination must be an object, e.g. pagination[page]=2');
  }
  for (const [key, entry] of Object.entries(value)) {
    const check = PAGINATION_KEYS[key];
    if (!check) throw new Problem('pagination', [key], `Invalid key ${key} in pagination`);
    const text = typeof entry === 'number' || typeof entry === 'boolean' ? String(entry) : entry;
    if (typeof text !== 'string' || !check(text)) {
      throw new Problem(
        'pagination',
        [key],
        `Invalid value for pagination.${key}: expected ${
          key === 'withCount'
            ? 'true or false'
            : key === 'start'
              ? 'a whole number ≥ 0'
              : 'a whole number ≥ 1'
        }`
      );
    }
  }
};

/** Every string in the query, keys included: no NUL, no lone surrogates. */
const checkText = (value: unknown, param: string, path: string[]): void => {
  if (typeof value === 'string') {
    const broken = brokenText(value);
    if (broken)
      throw new Problem(param, path, `Invalid value for ${where(param, path)}: ${broken}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((entry, index) => checkText(entry, param, [...path, String(index)]));
    return;
  }
  if (isRecord(value)) {
    for (const [key, entry] of Object.entries(value)) {
      const broken = brokenText(key);
      if (broken) throw new Problem(param, path, `Invalid key in ${where(param, path)}: ${broken}`);
      checkText(entry, param, [...path, key]);
    }
  }
};

/** Parameters whose value is a single text. */
const SINGLE_TEXT = ['locale', 'status', 'hasPublishedVersion', '_q'];

/**
 * The first problem of a content-API query (`ctx.query` as Strapi parsed it) against a content
 * type, or null when the query may go to Strapi's own validation and the database.
 */
export const checkContentQuery = (
  query: Record<string, unknown>,
  model: ModelLike,
  getModel: ModelLookup
): QueryProblem | null => {
  try {
    for (const [param, value] of Object.entries(query)) {
      const broken = brokenText(param);
      if (broken) throw new Problem(param, [], `Invalid query parameter: ${broken}`);
      checkText(value, param, []);
      if (value === null || value === undefined) {
        throw new Problem(param, [], `The query parameter ${param} needs a value`);
      }
      if (param === 'filters') checkFilters(value, model, getModel, 'filters', []);
      else if (param === 'populate') checkPopulate(value, model, getModel, []);
      else if (param === 'fields') checkFields(value, 'fields', []);
      else if (param === 'pagination') checkPagination(value);
      else if (SINGLE_TEXT.includes(param) && typeof value !== 'string') {
        throw new Problem(param, [], `The query parameter ${param} must be a single value`);
      }
    }
    return null;
  } catch (error) {
    if (error instanceof Problem) {
      return { param: error.param, path: error.path, message: error.message };
    }
    throw error;
  }
};

/** A documentId as Strapi makes them (24 lowercase letters and digits); anything else is 404. */
export const isDocumentId = (value: unknown): boolean =>
  typeof value === 'string' && /^[a-z0-9]{1,64}$/.test(value);

/**
 * Whether a database error on a read was caused by a value from the query (the safety net behind
 * `checkContentQuery`): PostgreSQL SQLSTATE class 22 (data exception: invalid input syntax,
 * out of range, NUL in text) and 42883/42804 (no operator for these types); SQLite refusing to
 * bind an object; Strapi's query engine refusing a malformed where clause.
 */
export const isQueryValueError = (error: unknown): boolean => {
  let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const code = typeof current.code === 'string' ? current.code : '';
    const message = typeof current.message === 'string' ? current.message : '';
    if (/^22[0-9A-Z]{3}$/.test(code) || code === '42883' || code === '42804') return true;
    if (
      /SQLite3 can only bind|^Where must be|^Operator \$\w+ must be an array|^Expected a valid Number|^Only one operator key|^Operator and non-operator keys|^You cannot filter on|^Undefined attribute level operator|^Only \$and, \$or and \$not/.test(
        message
      )
    ) {
      return true;
    }
    current = current.cause as typeof current;
  }
  return false;
};
