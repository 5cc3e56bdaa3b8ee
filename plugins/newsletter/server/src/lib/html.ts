import { escapeHtml } from '@bildungsbuero/strapi-server-kit';

export { escapeHtml };

/**
 * Replaces `%%name%%` placeholders. Values are HTML-escaped unless `escape` is false (plain
 * text parts). Unknown placeholders are left alone so mistakes are visible in tests.
 */
export const fillPlaceholders = (
  template: string,
  values: Record<string, string | number | null | undefined>,
  { escape = true }: { escape?: boolean } = {}
): string =>
  template.replace(/%%([a-zA-Z0-9_]+)%%/g, (match, name: string) =>
    name in values ? (escape ? escapeHtml(values[name]) : String(values[name] ?? '')) : match
  );
