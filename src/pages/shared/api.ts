/**
 * Talking to the CMS from the public pages: JSON requests and Strapi's error body turned into
 * per-field German messages. Import with the .js extension (the pages load ES modules).
 *
 * Nothing here assumes the site sits at `/` or that the REST API is at `/api`: the site's root is
 * found from this module's own address (the scripts live at `<root>/assets/js/…`, so the pages
 * work under a proxy's path prefix such as `/bildung/`), and the REST prefix comes from
 * `<root>/site-config.json`, which the CMS serves from its own configuration.
 */

/** The site's root, e.g. `https://www.landkreis.example/bildung/`. */
export const siteRoot = new URL('../../../', import.meta.url);

const loadRestPrefix = async (): Promise<string> => {
  try {
    const response = await fetch(new URL('site-config.json', siteRoot));
    const config = response.ok ? ((await response.json()) as { restPrefix?: unknown }) : {};
    return typeof config.restPrefix === 'string' ? config.restPrefix : '/api';
  } catch {
    return '/api';
  }
};

// Top-level await: every page script that imports this module starts once the prefix is known.
const restPrefix = (await loadRestPrefix()).replace(/^\/+|\/+$/g, '');

/** The address of a REST route, e.g. `apiUrl('/newsletter/subscribe')`. */
export const apiUrl = (route: string) =>
  new URL(`${restPrefix ? `${restPrefix}/` : ''}${route.replace(/^\/+/, '')}`, siteRoot).toString();

/** The address of a page or file of the site, e.g. `siteUrl('datenschutz/')`. */
export const siteUrl = (path: string) => new URL(path.replace(/^\/+/, ''), siteRoot).toString();

export interface FieldErrors {
  /** dot-joined path (e.g. "email", "profile.sector", "answers.abc123") → message */
  fields: Record<string, string>;
  /** a message for the whole form (no field), e.g. rate limit or server trouble */
  general: string | null;
  status: number;
}

export class ApiError extends Error {
  constructor(readonly details: FieldErrors) {
    super(details.general ?? Object.values(details.fields)[0] ?? 'Fehler');
  }
}

const GENERAL: Record<number, string> = {
  404: 'Nicht gefunden. Bitte prüfen Sie den Link.',
  409: 'Das geht gerade nicht (der Stand hat sich geändert). Bitte laden Sie die Seite neu.',
  413: 'Die Anfrage ist zu groß.',
  429: 'Zu viele Anfragen. Bitte warten Sie eine Minute und versuchen Sie es erneut.',
};

export const toFieldErrors = (status: number, body: unknown): FieldErrors => {
  const error = (
    body as {
      error?: { message?: string; details?: { errors?: { path?: unknown[]; message?: string }[] } };
    }
  )?.error;
  const fields: Record<string, string> = {};
  for (const item of error?.details?.errors ?? []) {
    const path = (item.path ?? []).map(String).join('.');
    if (path && !fields[path]) fields[path] = item.message ?? 'Bitte prüfen Sie diese Angabe.';
  }
  const general =
    Object.keys(fields).length > 0
      ? null
      : ((error?.message && status < 500 ? error.message : null) ??
        GENERAL[status] ??
        'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.');
  return { fields, general, status };
};

/** A JSON request to a REST route (`route` below the REST prefix, e.g. `/newsletter/subscribe`). */
export const api = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(apiUrl(route), {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      fields: {},
      general: 'Keine Verbindung. Bitte prüfen Sie Ihre Internetverbindung.',
      status: 0,
    });
  }
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) throw new ApiError(toFieldErrors(response.status, json));
  return json as T;
};

/** Shows a message under a field (aria-describedby, aria-invalid) or removes it. */
export const setFieldError = (input: HTMLElement, message: string | null) => {
  const id = `${input.id || input.getAttribute('name')}-error`;
  let node = document.getElementById(id);
  if (!message) {
    node?.remove();
    input.removeAttribute('aria-invalid');
    const describedBy = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((part) => part && part !== id);
    if (describedBy.length) input.setAttribute('aria-describedby', describedBy.join(' '));
    else input.removeAttribute('aria-describedby');
    return;
  }
  if (!node) {
    node = document.createElement('p');
    node.id = id;
    node.className = 'field-error';
    (input.closest('fieldset, .field') ?? input).insertAdjacentElement('beforeend', node);
  }
  node.textContent = message;
  input.setAttribute('aria-invalid', 'true');
  const describedBy = new Set(
    (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  );
  describedBy.add(id);
  input.setAttribute('aria-describedby', [...describedBy].join(' '));
};

/**
 * Shows each message of `fields` at its input (the first path segment names the field, so
 * "topics.1" belongs to "topics"; one message per field). Returns the first input with a message,
 * in the order of `inputs`, and the messages no input takes (for an alert).
 */
export const showFieldErrors = (
  fields: Record<string, string>,
  inputs: Record<string, HTMLElement | null>
): { first: HTMLElement | null; rest: string[] } => {
  const shown = new Set<string>();
  const rest: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const name = path.split('.')[0];
    const input = Object.prototype.hasOwnProperty.call(inputs, name) ? inputs[name] : null;
    if (input) {
      if (!shown.has(name)) setFieldError(input, message);
      shown.add(name);
    } else if (!rest.includes(message)) rest.push(message);
  }
  const first = Object.keys(inputs).find((name) => shown.has(name));
  return { first: first ? inputs[first] : null, rest };
};

export const escapeHtml = (value: unknown): string =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
