#!/usr/bin/env node
// The CLI's sources as one bundle, so a process starts without tsx's loader thread.
//
// Under tsx, every one of the CLI's ~220 TypeScript modules is resolved and loaded through
// Node's off-thread loader hooks, a round trip each: about 0.5 s of every `provision` process
// (measured with `npm run bench`). esbuild (tsx's own compiler) bundles them once into a few
// ES modules, one chunk per lazily loaded command, with the npm packages left as imports.
//
// The bundle is never stale: its directory is named by a digest of every file under src/ (path,
// size, modification time), so an edited, added or removed source gives a new name and the
// entry rebuilds it (about 0.2 s) or, where the tree is read-only, runs the sources through
// tsx as before. `npm ci` builds it (the `prepare` script), the Docker image at build time.
//
//   node bin/bundle.js          build the bundle for the current sources (if missing)
//   PROVISION_BUNDLE=off        run the sources through tsx instead (the entry's escape hatch)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const ENTRY = join(SRC, 'cli', 'main.ts');
// The CLI, and each worker thread's own entry (found through `import.meta.bundleUrl`).
const ENTRIES = { main: ENTRY, 'page-reader-worker': join(SRC, 'agents', 'research', 'page-reader-worker.ts') };
export const BUILD_DIR = join(ROOT, '.build');
// This file's own text is part of every bundle's name: a bundle built with other options is
// never taken for one built with these.
const SELF = readFileSync(fileURLToPath(import.meta.url), 'utf8');
// Bundles of other sources are removed once they are this old (a running process may still
// load a lazy chunk of its own bundle).
const KEEP_OLD_MS = 24 * 3600_000;

/** Every file under `dir`, as [path relative to `root`, size, mtime] lines. */
function listing(root, dir = root, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listing(root, path, out);
    else if (entry.isFile()) {
      const s = statSync(path);
      out.push(`${relative(root, path).split(sep).join('/')}\t${s.size}\t${s.mtimeMs}`);
    }
  }
  return out;
}

/** A digest of the tree under `srcDir`: every file's path, size and modification time. */
export function sourceDigest(srcDir = SRC) {
  return createHash('sha256').update(`${SELF}\n${listing(srcDir).sort().join('\n')}`).digest('hex').slice(0, 16);
}

/** The bundle directory for the sources as they are now (it may not exist yet). */
export function bundleDir() {
  return join(BUILD_DIR, `cli-${sourceDigest()}`);
}

/**
 * `import.meta.url` of a bundled module is its chunk's, not its source's. Each source's own
 * (used to find the dashboard's static files, the sample sites, package.json and bin/) is
 * rewritten relative to the chunk, so the bundle still finds them, and moves with the tree.
 * `import.meta.bundleUrl` (src/types/import-meta.d.ts), undefined under tsx, becomes the
 * chunk's own URL: how a module finds a worker's bundled entry.
 */
function ownImportMetaUrl(outdir) {
  return {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.')) return { contents: source, loader: 'ts' };
        const rel = relative(outdir, args.path).split(sep).join('/');
        const contents = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`).replaceAll('import.meta.bundleUrl', 'import.meta.url');
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Builds the bundle of `entries` (name: source) into `dir`, unless its `main.js` is there.
 * Atomic: the bundle is written aside and renamed into place, so another process building the
 * same one meanwhile is harmless, and no process ever loads half a bundle.
 */
export async function buildBundle({ entries = ENTRIES, dir = bundleDir() } = {}) {
  if (existsSync(join(dir, 'main.js'))) return dir;
  const { build } = await import('esbuild');
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    await build({
      entryPoints: entries,
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      // Error classes name themselves after their class (`new.target.name`).
      keepNames: true,
      sourcemap: 'linked',
      sourcesContent: false,
      tsconfig: join(ROOT, 'tsconfig.json'),
      logLevel: 'silent',
      plugins: [ownImportMetaUrl(dir)],
    });
    try {
      renameSync(tmp, dir);
    } catch (err) {
      // Another process finished the same bundle first: theirs is identical.
      if (!existsSync(join(dir, 'main.js'))) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  removeOld(dir);
  return dir;
}

function removeOld(keep) {
  for (const name of readdirSync(dirname(keep))) {
    const path = join(dirname(keep), name);
    if (path === keep) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

/**
 * The CLI's `main`: from the bundle of the current sources, built first if missing; from the
 * sources through tsx when bundles are switched off or cannot be built here (a read-only tree,
 * no esbuild). A failure inside the CLI's own modules is never retried the other way.
 */
export async function loadMain() {
  let dir;
  if (process.env.PROVISION_BUNDLE !== 'off') {
    try {
      dir = await buildBundle();
    } catch {
      dir = undefined;
    }
  }
  if (dir) {
    // As tsx does: stack traces name the TypeScript sources and lines.
    process.setSourceMapsEnabled(true);
    return (await import(pathToFileURL(join(dir, 'main.js')).href)).main;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(ENTRY)) {
    // The Docker image's dependency stage installs before the sources are copied in.
    console.log('bin/bundle.js: no sources (src/cli/main.ts), nothing to bundle');
  } else {
    const started = performance.now();
    const dir = await buildBundle();
    console.log(`bin/bundle.js: ${relative(ROOT, dir)} (${Math.round(performance.now() - started)} ms)`);
  }
}
