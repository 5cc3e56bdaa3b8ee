/** Tiny DOM helpers: build elements without innerHTML (text is always set as text). */

type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue>;
export type Child = Node | string | number | null | undefined | false;

const setAttrs = (element: Element, attrs: Attrs) => {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
};

const append = (parent: Node, children: (Child | Child[])[]) => {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
};

export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  setAttrs(element, attrs);
  append(element, children);
  return element;
};

const SVG_NS = 'http://www.w3.org/2000/svg';

export const s = <K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG_NS, tag);
  setAttrs(element, attrs);
  append(element, children);
  return element;
};

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} fehlt`);
  return element as T;
};

/** Moves focus to a heading or box (made focusable with tabindex="-1" when needed). */
export const focusElement = (element: HTMLElement | null) => {
  if (!element) return;
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus();
};

/** German number format (scores are integers, averages may have one decimal). */
export const formatNumber = (value: number) =>
  value.toLocaleString('de-DE', { maximumFractionDigits: 1 });

/** A day in German long form ("3. März 2025"), or null for a missing or broken date. */
export const formatDate = (value: string | null | undefined): string | null => {
  const date = value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return null;
  return date.toLocaleDateString('de-DE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  });
};
