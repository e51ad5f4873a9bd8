/**
 * Compiles the CLI (cli/, sim/, scenarios/, analysis/ and the packages they use) into build/cli/ with
 * esbuild, so that `r2p-sim` starts from one JavaScript file instead of compiling TypeScript at
 * every start. `npm ci` builds it (the `prepare` script); the bin (cli/r2p-sim.mjs) rebuilds it
 * when any file the build read is newer than the build, so an edited checkout never runs stale
 * code.
 *
 * `node cli/build.mjs` builds now.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT_DIR = join(ROOT, 'build', 'cli');
export const ENTRY = join(OUT_DIR, 'r2p-sim.mjs');
/** The project files the last build read (esbuild's metafile), kept beside it. */
const INPUTS_FILE = join(OUT_DIR, 'inputs.json');
const LOCK_FILES = ['package.json', 'package-lock.json'].map((f) => join(ROOT, f));

/**
 * True when the build is missing or older than any file it was built from (every project
 * source the bundle read, as recorded at build time, and the package files).
 */
export function isStale() {
  const built = statSync(ENTRY, { throwIfNoEntry: false });
  if (!built) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS_FILE, 'utf8'));
  } catch {
    return true;
  }
  for (const f of [...inputs.map((i) => join(ROOT, i)), ...LOCK_FILES]) {
    const s = statSync(f, { throwIfNoEntry: false });
    if (!s || s.mtimeMs > built.mtimeMs) return true;
  }
  return false;
}

export async function build() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { 'r2p-sim': 'cli/main.ts', 'workers/summary-worker': 'cli/workers/summary-task.ts' },
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Prefer packages' ES module builds (jsonc-parser's UMD build requires files by path).
    mainFields: ['module', 'main'],
    // piscina starts its own worker file by path, so it stays a package import.
    external: ['piscina'],
    // Bundled CommonJS packages call require() for Node built-ins and read __filename.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        "import { dirname as __pathDirname } from 'node:path';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        'const __dirname = __pathDirname(__filename);',
      ].join(' '),
    },
    minify: true,
    sourcemap: 'linked',
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  // Each file is written whole and renamed into place: a CLI started meanwhile sees the old
  // file or the new one, never half of one.
  for (const f of result.outputFiles) {
    mkdirSync(dirname(f.path), { recursive: true });
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  writeFileSync(INPUTS_FILE, `${JSON.stringify(inputs.sort(), null, 1)}\n`);
}

/** The compiled entry, built first if it is missing or stale; null when esbuild is not installed. */
export async function ensureBuilt() {
  if (!isStale()) return ENTRY;
  try {
    await build();
  } catch (e) {
    if (e?.code === 'ERR_MODULE_NOT_FOUND') return null;
    throw e;
  }
  return ENTRY;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await build();
