// How bin/filmkg.js starts the CLI: from dist/cli.cjs, the whole CLI bundled into one file (scripts/bundle-cli.js),
// compiled with V8's code cache, or from the modules of dist/ when there is no bundle.
//
// Why: a cold command spends much of its time before any work, resolving, reading and compiling a few hundred modules
// (filmkg's own and its libraries'). One file removes the resolving and reading; the code cache removes the compiling,
// as Node 22's module.enableCompileCache() does, which Node 20 lacks. The cache is V8's own data (vm.Script
// cachedData): V8 rejects data made by another V8 version or with other flags, and the file name carries the bundle's
// content hash, so a rebuilt bundle never meets an old cache (V8 itself checks only the source's length). One cache
// per command, written after its first run, holds the functions that command compiled. Caching is an optimisation
// only: a cache that cannot be read or written is ignored. FILMKG_CODE_CACHE=0 turns it off; FILMKG_CODE_CACHE=DIR
// puts it in DIR instead of node_modules/.cache/filmkg (the folder build tools share for such caches: the
// application's node_modules when filmkg is installed in one).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';

const DIST = fileURLToPath(new URL('../', import.meta.url));
const BUNDLE = path.join(DIST, 'cli.cjs');
const BUNDLE_INFO = path.join(DIST, 'cli.json');

/** What scripts/bundle-cli.js records beside the bundle. */
interface BundleInfo {
  readonly sha256: string;
}

type Run = (argv: string[]) => Promise<number>;

function readBundleInfo(): BundleInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(BUNDLE_INFO, 'utf8')) as Partial<BundleInfo>;
    return typeof info.sha256 === 'string' ? { sha256: info.sha256 } : undefined;
  } catch {
    return undefined;
  }
}

/** The folder of the code cache, or undefined when caching is off. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.FILMKG_CODE_CACHE;
  if (setting === '0' || setting === 'false' || setting === 'off') return undefined;
  if (setting) return path.resolve(setting);
  return path.join(nodeModulesOf(path.resolve(DIST, '..')), '.cache', 'filmkg');
}

/**
 * The node_modules folder that holds the package when it is installed (`<app>/node_modules/filmkg`), so the cache
 * sits with the application's other tool caches and not inside the installed package; the package's own
 * node_modules in a clone of the repository.
 */
export function nodeModulesOf(packageRoot: string): string {
  for (let dir = path.dirname(packageRoot); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') return dir;
    if (!path.basename(dir).startsWith('@')) break;
  }
  return path.join(packageRoot, 'node_modules');
}

/** The cache file of one command: bundle hash, Node version, architecture and the command's name in its name. */
export function codeCacheFile(dir: string, sha256: string, command: string | undefined): string {
  const name = /^[a-z][a-z-]{0,30}$/.test(command ?? '') ? command : 'other';
  return path.join(dir, `cli-${sha256.slice(0, 16)}-${process.version}-${process.arch}-${name}.v8`);
}

/**
 * Writes `data` to `file` through a temporary file and a rename, so a reader never sees half a cache, and removes the
 * caches of other bundles (an earlier build's), which nothing will read again.
 */
function writeCache(file: string, data: Buffer, sha256: string): void {
  const dir = path.dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, file);
    const current = `cli-${sha256.slice(0, 16)}-`;
    for (const name of readdirSync(dir)) if (name.startsWith('cli-') && name.endsWith('.v8') && !name.startsWith(current)) rmSync(path.join(dir, name), { force: true });
  } catch {
    // Read-only installation or full disk: run without a cache.
  }
}

/** Loads the bundle's `run`, with the cached code when there is a cache; `save` writes the cache after a first run. */
function loadBundle(info: BundleInfo, command: string | undefined): { run: Run; save: () => void } {
  const source = readFileSync(BUNDLE, 'utf8');
  const dir = codeCacheDir();
  const cacheFile = dir === undefined ? undefined : codeCacheFile(dir, info.sha256, command);
  let cachedData: Buffer | undefined;
  if (cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    ...(cachedData !== undefined ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as { run?: Run } };
  const wrapper = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  wrapper(module.exports, createRequire(BUNDLE), module, BUNDLE, DIST);
  const run = module.exports.run;
  if (typeof run !== 'function') throw new Error(`${BUNDLE} does not export run()`);
  const save = (): void => {
    if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) writeCache(cacheFile, script.createCachedData(), info.sha256);
  };
  return { run, save };
}

/**
 * V8 flags of the command's process. `--no-regexp-tier-up`: a regular expression is compiled once, to machine code,
 * instead of first to bytecode and again to machine code on its second use (V8's default, which saves work for a
 * pattern used once). The readers' patterns (Unicode classes such as `\p{Lu}`, costly to compile) are each used many
 * times, so the command compiles each once: `filmkg extract` 228 → 204 ms, `build` 849 → 800 ms (medians of 9
 * interleaved whole processes with and without the flag; docs/performance.md). What a pattern matches
 * does not change. Set before the bundle is compiled, so its code cache is always made and read under the same flags,
 * and only by the command: filmkg as a library leaves its host's V8 as it is.
 */
export const CLI_V8_FLAGS = ['--no-regexp-tier-up'];

/** Runs the CLI with `argv` and resolves to its exit code. */
export async function launch(argv: string[]): Promise<number> {
  for (const flag of CLI_V8_FLAGS) setFlagsFromString(flag);
  const info = readBundleInfo();
  if (info === undefined) return (await import('./main.js')).run(argv);
  if (argv[0] === 'build') {
    // A build with nothing to do loads a dozen small modules of dist/ and stops, rather than the whole bundle and the
    // build's code cache (6 MB to read). Anything else (a build to run, a usage error) goes to the bundle as usual.
    const [{ runIfUpToDate }, { processIo }] = await Promise.all([import('./build.js'), import('./io.js')]);
    const code = await runIfUpToDate(argv.slice(1), processIo());
    if (code !== undefined) return code;
  }
  const { run, save } = loadBundle(info, argv[0]);
  const code = await run(argv);
  // A usage error (exit 2) may name no command at all ("filmkg bogus"): no cache is kept for it.
  if (code !== 2) save();
  return code;
}
