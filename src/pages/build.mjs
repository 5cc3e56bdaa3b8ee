/**
 * Builds the public pages' scripts: every module of src/pages (TypeScript, DOM, ES modules) is
 * type-checked by `tsc --noEmit -p src/pages` first, then transpiled and minified here with
 * esbuild into public/assets/js, one file per module as before (the pages import each other
 * with `.js` paths and `shared/api.js` finds the site root from its own address), each with a
 * source map (`//# sourceMappingURL`) that leads browser developer tools to the TypeScript.
 */
import { build } from 'esbuild';
import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, '../../public/assets/js');

const sources = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [file] : [];
  });

fs.rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: sources(here),
  outbase: here,
  outdir,
  bundle: false,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  sourcesContent: true,
  legalComments: 'none',
  logLevel: 'warning',
});
