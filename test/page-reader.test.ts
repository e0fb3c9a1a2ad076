import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractSignals } from '../src/agents/research/extract.js';
import { closePageReader, PageReader, readPage } from '../src/agents/research/page-reader.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pages = ['index.html', 'about.html', 'csa.html'].map((name) => ({
  url: `https://bluestem.example/${name}`,
  html: readFileSync(`${root}test/fixtures/sites/bluestem-farm/${name}`, 'utf8').replaceAll('{{ORIGIN}}', 'https://bluestem.example'),
}));

after(() => closePageReader());

describe('the page reader (research parses pages on a worker thread)', () => {
  it('reads every page exactly as extract.ts does on this thread, pages in flight at once', async () => {
    const read = await Promise.all(pages.map((p) => readPage(p.url, p.html)));
    for (const [i, p] of pages.entries()) assert.deepEqual(read[i], extractSignals(p.url, p.html), p.url);
  });

  it('falls back to this thread when its thread cannot start, or dies, with the same result', async () => {
    const [page] = pages;
    assert.ok(page);
    const expected = extractSignals(page.url, page.html);
    const cannotStart = new PageReader(() => {
      throw new Error('no threads here');
    });
    assert.deepEqual(await cannotStart.read(page.url, page.html), expected);
    // A thread that dies before answering: the page is read here instead, and so are the next.
    const dies = new PageReader(() => new Worker('process.exit(3)', { eval: true }));
    assert.deepEqual(await dies.read(page.url, page.html), expected);
    assert.deepEqual(await dies.read(page.url, page.html), expected);
    await dies.close();
  });

  it('keeps jsdom off the main thread, and an idle thread never keeps a process alive', () => {
    // A separate process, started as the CLI's sources are (through tsx), reading one page.
    const script = `
      import { createRequire } from 'node:module';
      const { readPage } = await import(${JSON.stringify(new URL('../src/agents/research/page-reader.ts', import.meta.url).href)});
      const signals = await readPage('https://x.example/', '<html><head><title>Fernhill Outdoor</title></head><body><h1>Tents</h1></body></html>');
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/node_modules/jsdom/'));
      console.log(JSON.stringify({ title: signals.title, jsdomModulesHere: loaded.length }));
    `;
    // The reader is not closed: the process must end on its own, long before the thread's idle end (60 s).
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: root, timeout: 30_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { title: 'Fernhill Outdoor', jsdomModulesHere: 0 });
  });
});
