import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { buildBundle, bundleDir, sourceDigest } from '../bin/bundle.js';
import { BIN } from './helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'provision-bundle-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('the CLI bundle (bin/bundle.js)', () => {
  it('is named by its sources: an edit, a new file or a removed one gives a new bundle; nothing else does', () => {
    const src = join(work, 'src');
    mkdirSync(join(src, 'cli'), { recursive: true });
    writeFileSync(join(src, 'cli', 'main.ts'), 'export const a = 1;\n');
    writeFileSync(join(src, 'b.ts'), 'export const b = 2;\n');
    const first = sourceDigest(src);
    assert.equal(sourceDigest(src), first, 'the same tree, the same name');
    // The same size, only a later modification time (an edit that swaps one character).
    const later = new Date(Date.now() + 5000);
    utimesSync(join(src, 'b.ts'), later, later);
    const edited = sourceDigest(src);
    assert.notEqual(edited, first);
    writeFileSync(join(src, 'c.ts'), '');
    const added = sourceDigest(src);
    assert.notEqual(added, edited);
    rmSync(join(src, 'c.ts'));
    assert.equal(sourceDigest(src), edited, 'removing the new file names the tree as before it');
  });

  it("keeps each source's own import.meta.url, wherever the bundle is written", async () => {
    const src = join(work, 'meta', 'src', 'deep');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'main.ts'), "export const here: string = new URL('./data/', import.meta.url).href;\nexport const chunk = import.meta.bundleUrl;\nexport const plain = 'import.meta';\n");
    const dir = await buildBundle({ entries: { main: join(src, 'main.ts') }, dir: join(work, 'out', 'elsewhere', 'cli-test') });
    assert.ok(existsSync(join(dir, 'main.js')));
    const bundled = (await import(pathToFileURL(join(dir, 'main.js')).href)) as { here: string; chunk: string; plain: string };
    assert.equal(bundled.here, pathToFileURL(join(src, 'data')).href + '/');
    assert.equal(bundled.chunk, pathToFileURL(join(dir, 'main.js')).href, "import.meta.bundleUrl is the chunk's own");
    assert.equal(bundled.plain, 'import.meta');
    // A second build of the same sources finds the first and writes nothing.
    assert.equal(await buildBundle({ entries: { main: join(src, 'main.ts') }, dir }), dir);
  });

  it('the entry runs the bundle of the current sources, and the sources through tsx when told to', () => {
    const run = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^provision \d+\.\d+\.\d+/);
    assert.ok(existsSync(join(bundleDir(), 'main.js')), 'the bundle of the sources as they are exists after a run');
    const viaTsx = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8', env: { ...process.env, PROVISION_BUNDLE: 'off' } });
    assert.equal(viaTsx.status, 0, viaTsx.stderr);
    assert.equal(viaTsx.stdout, run.stdout);
  });

  it("a bundled module's stack trace names its TypeScript source and line, as tsx's does", async () => {
    const src = join(work, 'trace', 'src');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'main.ts'), "const pad: number = 1;\nexport function fail(): never {\n  throw new Error('from line 3');\n}\nexport const x = pad;\n");
    const dir = await buildBundle({ entries: { main: join(src, 'main.ts') }, dir: join(work, 'trace', 'out', 'cli-trace') });
    const script = `const { fail } = await import(${JSON.stringify(pathToFileURL(join(dir, 'main.js')).href)}); try { fail(); } catch (e) { console.log(e.stack); }`;
    const run = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /from line 3\n\s+at fail \(.*src\/main\.ts:3:\d+\)/);
  });
});
