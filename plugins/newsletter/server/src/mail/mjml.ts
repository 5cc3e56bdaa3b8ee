/**
 * MJML → HTML, strict: invalid MJML throws instead of producing a broken mail. Templates are
 * compiled once and cached; per-mail values are substituted into the compiled HTML afterwards.
 */
import mjml2html from 'mjml';

const cache = new Map<string, Promise<string>>();
let compiles = 0;

export const compileMjml = async (source: string): Promise<string> => {
  compiles += 1;
  const result = await mjml2html(source, { validationLevel: 'strict', keepComments: false });
  return result.html;
};

/** Compiles `source` once per distinct text. */
export const compileCached = (source: string): Promise<string> => {
  let compiled = cache.get(source);
  if (!compiled) {
    compiled = compileMjml(source);
    compiled.catch(() => cache.delete(source));
    cache.set(source, compiled);
  }
  return compiled;
};

/** How many MJML compiles this process did (tests assert compile-once properties). */
export const compileCount = (): number => compiles;
