/**
 * A strict XML parse for tests (saxes, a dependency of exceljs): throws on anything not
 * well-formed, and gives a small element tree with namespace URIs.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** local name */
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export const parseXml = (xml: string): XmlElement => {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local,
      uri: tag.uri,
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value])
      ),
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  return root;
};

/** The direct children named `name`. */
export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((child) => child.name === name);

/** The single direct child named `name` (throws when there is none or more than one). */
export const child = (element: XmlElement, name: string): XmlElement => {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}>`);
  return found[0];
};

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/**
 * The RFC 4287 rules a reader relies on: atom:feed with exactly one id, title and updated, a
 * self and an alternate link, an author; each entry with exactly one id, title, updated and an
 * alternate link; ids are absolute IRIs, dates RFC 3339. Returns the entries.
 */
export const checkAtomFeed = (xml: string) => {
  const feed = parseXml(xml);
  const problems: string[] = [];
  const iri = /^[a-z][a-z0-9+.-]*:\S+$/i;
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  const exactlyOne = (element: XmlElement, name: string) => {
    const count = childrenNamed(element, name).length;
    if (count !== 1) problems.push(`<${element.name}> has ${count} <${name}>`);
  };
  if (feed.name !== 'feed' || feed.uri !== ATOM_NS) problems.push('root is not atom:feed');
  for (const name of ['id', 'title', 'updated']) exactlyOne(feed, name);
  const links = (element: XmlElement) =>
    childrenNamed(element, 'link').map((link) => link.attributes);
  const rels = links(feed).map((link) => link.rel ?? 'alternate');
  if (!rels.includes('self')) problems.push('feed has no rel="self" link');
  if (!rels.includes('alternate')) problems.push('feed has no rel="alternate" link');
  const entries = childrenNamed(feed, 'entry');
  if (childrenNamed(feed, 'author').length === 0) {
    if (entries.some((entry) => childrenNamed(entry, 'author').length === 0))
      problems.push('no author for the feed or an entry');
  }
  for (const element of [feed, ...entries]) {
    const id = childrenNamed(element, 'id')[0]?.text ?? '';
    if (!iri.test(id)) problems.push(`id "${id}" is not an absolute IRI`);
    const updated = childrenNamed(element, 'updated')[0]?.text ?? '';
    if (!rfc3339.test(updated)) problems.push(`updated "${updated}" is not RFC 3339`);
    for (const link of links(element)) {
      if (!/^https?:\/\//.test(link.href ?? '')) problems.push(`link "${link.href}" not absolute`);
    }
  }
  for (const entry of entries) {
    for (const name of ['id', 'title', 'updated']) exactlyOne(entry, name);
    if (!links(entry).some((link) => (link.rel ?? 'alternate') === 'alternate'))
      problems.push('entry without an alternate link');
  }
  const ids = entries.map((entry) => childrenNamed(entry, 'id')[0]?.text);
  if (new Set(ids).size !== ids.length) problems.push('entry ids are not unique');
  if (problems.length) throw new Error(`Atom feed not valid:\n${problems.join('\n')}`);
  return {
    feed,
    entries: entries.map((entry) => ({
      id: child(entry, 'id').text,
      title: child(entry, 'title').text,
      updated: child(entry, 'updated').text,
      href:
        childrenNamed(entry, 'link').find(
          (link) => (link.attributes.rel ?? 'alternate') === 'alternate'
        )?.attributes.href ?? '',
    })),
  };
};
