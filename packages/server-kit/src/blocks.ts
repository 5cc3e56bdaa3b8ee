/**
 * Safe rendering of Strapi 5 "blocks" rich text (the JSON written by the Blocks editor) into
 * HTML (e-mail and web pages; optional inline styles for mail clients) and readable plain text.
 *
 * The input is untrusted editor content typed as `unknown`: only a fixed set of tags and
 * attributes is ever produced, every text and attribute value is HTML-escaped and every URL
 * goes through `safeUrl`. Unknown or malformed nodes are skipped (never thrown on) and nesting
 * is capped at MAX_DEPTH, so hostile or broken documents cannot exhaust the stack.
 */
import { escapeHtml } from './html';

export interface RenderOptions {
  /** absolute base for relative image/link URLs, e.g. 'https://cms.example' (no trailing slash needed) */
  baseUrl?: string;
  /** inline CSS per element for mail clients, optional */
  styles?: Partial<Record<StyleKey, string>>;
  /** max image width in px (images get width/height attributes, scaled to fit; default 552) */
  maxImageWidth?: number;
}

export interface TextOptions {
  /** absolute base for relative link/image URLs */
  baseUrl?: string;
  /** wrap lines at this many characters (default: no wrapping); words are never split */
  width?: number;
}

type StyleKey = 'p' | 'h' | 'a' | 'ul' | 'ol' | 'li' | 'blockquote' | 'pre' | 'img';
type Node = Record<string, unknown>;
interface HtmlContext {
  baseUrl?: string;
  styles: RenderOptions['styles'];
  maxImageWidth: number;
}
interface ListItem {
  inlines: unknown;
  sublists: Node[];
}

const MAX_DEPTH = 10;
const DEFAULT_MAX_IMAGE_WIDTH = 552;
// Text marks, innermost first: <strong><em><u><s><code>text</code></s></u></em></strong>
const MARKS: ReadonlyArray<[string, string]> = [
  ['code', 'code'],
  ['strikethrough', 's'],
  ['underline', 'u'],
  ['italic', 'em'],
  ['bold', 'strong'],
];
// Control characters (C0 except \t and \n, DEL) are dropped from text.
// eslint-disable-next-line no-control-regex
const TEXT_CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
// Whitespace, control, zero-width/bidi characters and backslashes are never valid inside a URL.
// eslint-disable-next-line no-control-regex
const UNSAFE_URL_CHARS = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060\ufeff\\]/;
const ABSOLUTE_URL = /^(?:https?:\/\/[^/?#]+(?:[/?#].*)?|mailto:.+|tel:.+)$/i;
const BASE_URL = /^https?:\/\/[^/?#]+(?:\/[^?#]*)?$/i;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const nodes = (value: unknown): Node[] => (Array.isArray(value) ? value.filter(isNode) : []);
const cleanText = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replace(TEXT_CONTROL_CHARS, '') : '';

/**
 * Returns a URL that is safe for href/src, or null. Allowed: absolute http(s), mailto and tel
 * URLs, and root-relative paths ('/uploads/x.png') which get `baseUrl` (http(s) only) prepended.
 */
export const safeUrl = (url: unknown, baseUrl?: string): string | null => {
  if (typeof url !== 'string') return null;
  const value = url.trim();
  if (!value || UNSAFE_URL_CHARS.test(value)) return null;
  if (ABSOLUTE_URL.test(value)) return value;
  // Only a single leading slash: '//host' would be protocol-relative.
  if (!/^\/(?!\/)/.test(value)) return null;
  const base = typeof baseUrl === 'string' ? baseUrl.trim().replace(/\/+$/, '') : '';
  if (!BASE_URL.test(base) || UNSAFE_URL_CHARS.test(base)) return null;
  return base + value;
};

/** Plain text of inline nodes; links become `text (url)`, nested links only their text. */
const inlineText = (children: unknown, baseUrl: string | undefined, depth = 0): string =>
  nodes(children)
    .map((node) => {
      if (node.type === 'text') return cleanText(node.text);
      if (node.type !== 'link' || depth >= MAX_DEPTH) return '';
      const text = inlineText(node.children, baseUrl, depth + 1);
      const url = depth === 0 ? safeUrl(node.url, baseUrl) : null;
      if (!url) return text;
      return !text.trim() || text.trim() === url ? url : `${text} (${url})`;
    })
    .join('');

const isBlank = (children: unknown, baseUrl: string | undefined): boolean =>
  !inlineText(children, baseUrl).trim();

/** Normalises a list's children: nested lists (siblings or inside an item) attach to an item. */
const listItems = (list: Node): ListItem[] => {
  const items: ListItem[] = [];
  for (const child of nodes(list.children)) {
    if (child.type === 'list-item') {
      const sublists = nodes(child.children).filter((c) => c.type === 'list');
      items.push({ inlines: child.children, sublists });
    } else if (child.type === 'list') {
      if (items.length) items[items.length - 1].sublists.push(child);
      else items.push({ inlines: [], sublists: [child] });
    }
  }
  return items;
};

// ---------------------------------------------------------------------------------------------
// HTML

const styleAttr = (ctx: HtmlContext, key: StyleKey): string => {
  const style = ctx.styles?.[key];
  return typeof style === 'string' && style.trim() ? ` style="${escapeHtml(style.trim())}"` : '';
};

const inlineHtml = (children: unknown, ctx: HtmlContext, depth = 0): string =>
  nodes(children)
    .map((node) => {
      if (node.type === 'text') {
        let html = escapeHtml(cleanText(node.text)).replace(/\n/g, '<br />');
        if (!html) return '';
        for (const [mark, tag] of MARKS) if (node[mark] === true) html = `<${tag}>${html}</${tag}>`;
        return html;
      }
      if (node.type !== 'link' || depth >= MAX_DEPTH) return '';
      const inner = inlineHtml(node.children, ctx, depth + 1);
      const href = depth === 0 ? safeUrl(node.url, ctx.baseUrl) : null; // no nested <a>
      if (!href) return inner;
      const attrs = `href="${escapeHtml(href)}" target="_blank" rel="noopener"${styleAttr(ctx, 'a')}`;
      return `<a ${attrs}>${inner.trim() ? inner : escapeHtml(href)}</a>`;
    })
    .join('');

const positive = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;

const imageHtml = (image: unknown, ctx: HtmlContext): string => {
  if (!isNode(image)) return '';
  const src = safeUrl(image.url, ctx.baseUrl);
  if (!src) return '';
  const max = ctx.maxImageWidth;
  const width = positive(image.width);
  const height = positive(image.height);
  const scale = width && width > max ? max / width : 1;
  const size =
    width && height
      ? ` width="${Math.round(width * scale)}" height="${Math.max(1, Math.round(height * scale))}"`
      : ` width="${width ? Math.round(width * scale) : max}"`;
  const alt = escapeHtml(cleanText(image.alternativeText));
  return `<img src="${escapeHtml(src)}" alt="${alt}"${size}${styleAttr(ctx, 'img')} />`;
};

const listHtml = (list: Node, ctx: HtmlContext, depth: number): string => {
  if (depth >= MAX_DEPTH) return '';
  const items = listItems(list)
    .map((item) => {
      const text = isBlank(item.inlines, ctx.baseUrl) ? '' : inlineHtml(item.inlines, ctx);
      const nested = item.sublists.map((sub) => listHtml(sub, ctx, depth + 1)).join('');
      return text || nested ? `<li${styleAttr(ctx, 'li')}>${text}${nested}</li>` : '';
    })
    .join('');
  const tag = list.format === 'ordered' ? 'ol' : 'ul';
  return items ? `<${tag}${styleAttr(ctx, tag)}>${items}</${tag}>` : '';
};

const blockHtml = (node: Node, ctx: HtmlContext): string => {
  if (node.type === 'list') return listHtml(node, ctx, 0);
  if (node.type === 'image') return imageHtml(node.image, ctx);
  if (isBlank(node.children, ctx.baseUrl)) return '';
  switch (node.type) {
    case 'paragraph':
      return `<p${styleAttr(ctx, 'p')}>${inlineHtml(node.children, ctx)}</p>`;
    case 'heading': {
      // The mail layout owns <h1>: level 1 -> h2, 2 -> h3, anything else -> h4.
      const tag = node.level === 1 ? 'h2' : node.level === 2 ? 'h3' : 'h4';
      return `<${tag}${styleAttr(ctx, 'h')}>${inlineHtml(node.children, ctx)}</${tag}>`;
    }
    case 'quote':
      return `<blockquote${styleAttr(ctx, 'blockquote')}>${inlineHtml(node.children, ctx)}</blockquote>`;
    case 'code':
      return `<pre${styleAttr(ctx, 'pre')}>${escapeHtml(inlineText(node.children, ctx.baseUrl))}</pre>`;
    default:
      return '';
  }
};

/** Renders blocks content as e-mail HTML (one block per line). Never throws. */
export const blocksToHtml = (blocks: unknown, options?: RenderOptions): string => {
  const ctx: HtmlContext = {
    baseUrl: options?.baseUrl,
    styles: isNode(options?.styles) ? options.styles : undefined,
    maxImageWidth: Math.max(
      1,
      Math.round(positive(options?.maxImageWidth) ?? DEFAULT_MAX_IMAGE_WIDTH)
    ),
  };
  return nodes(blocks)
    .map((node) => blockHtml(node, ctx))
    .filter(Boolean)
    .join('\n');
};

// ---------------------------------------------------------------------------------------------
// Plain text

/** Greedy word wrap of each line; long words (URLs) are never broken. */
const wrap = (text: string, width: number | undefined): string => {
  if (!width || !Number.isFinite(width)) return text;
  const limit = Math.max(20, Math.floor(width));
  const wrapLine = (line: string): string => {
    const out: string[] = [];
    let current = '';
    for (const word of line.split(' ')) {
      if (current && `${current} ${word}`.length > limit) {
        out.push(current.trimEnd());
        current = word;
      } else current = current ? `${current} ${word}` : word;
    }
    return [...out, current].join('\n');
  };
  return text.split('\n').map(wrapLine).join('\n');
};

const narrower = (width: number | undefined, by: number): number | undefined =>
  width ? width - by : undefined;

const listText = (list: Node, opts: TextOptions, depth: number): string => {
  if (depth >= MAX_DEPTH) return '';
  const indent = '  '.repeat(depth);
  let number = 0;
  return listItems(list)
    .map((item) => {
      const text = inlineText(item.inlines, opts.baseUrl).trim();
      const lines = item.sublists.map((sub) => listText(sub, opts, depth + 1)).filter(Boolean);
      if (text) {
        const marker = list.format === 'ordered' ? `${(number += 1)}. ` : '- ';
        const hanging = `\n${indent}${' '.repeat(marker.length)}`;
        const body = wrap(text, narrower(opts.width, indent.length + marker.length));
        lines.unshift(indent + marker + body.replace(/\n/g, hanging));
      }
      return lines.join('\n');
    })
    .filter(Boolean)
    .join('\n');
};

const blockText = (node: Node, opts: TextOptions): string => {
  if (node.type === 'list') return listText(node, opts, 0);
  if (node.type === 'image') {
    const image = isNode(node.image) ? node.image : {};
    const alt = cleanText(image.alternativeText).replace(/\s+/g, ' ').trim();
    return alt && safeUrl(image.url, opts.baseUrl) ? `[Bild: ${alt}]` : '';
  }
  const text = inlineText(node.children, opts.baseUrl);
  if (!text.trim()) return '';
  switch (node.type) {
    case 'paragraph':
      return wrap(text.trim(), opts.width);
    case 'heading': {
      const title = text.replace(/\s+/g, ' ').trim();
      return `${title}\n${(node.level === 1 ? '=' : '-').repeat([...title].length)}`;
    }
    case 'quote':
      return wrap(text.trim(), narrower(opts.width, 2)).replace(/^/gm, '> ');
    case 'code':
      return text.replace(/^\n+|\s+$/g, '');
    default:
      return '';
  }
};

/** Renders blocks content as readable plain text (for the text/plain mail part). Never throws. */
export const blocksToText = (blocks: unknown, options?: TextOptions): string =>
  nodes(blocks)
    .map((node) => blockText(node, options ?? {}))
    .filter(Boolean)
    .join('\n\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
