import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startStatusService, type Service } from '../src/app/serve.js';
import { parseServerEnv } from '../src/config/env.js';
import { STAGE_IDS } from '../src/core/stage-ids.js';
import { silentLogger } from '../src/logging/logger.js';
import { EventSequencer } from '../src/notify/phase-event.js';
import { serveSample, serveSite, SITES_DIR, type ServedSite } from '../src/samples/serve-site.js';
import { artifactPath, chromiumMissing, launchChromium } from './helpers/browser.js';
import { tempDir } from './helpers/tmp.js';

const missing = chromiumMissing();
if (missing) console.log(`# SKIP dashboard browser tests: ${missing}`);

const shot = (name: string): string => artifactPath('dashboard', name);

/** What must never run: dialogs, page errors, console errors (CSP violations included). */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return problems;
}

const PAYLOADS = [`<script>alert('x1')</script>`, `<img src=x onerror=alert('x2')>`, `"><svg onload=alert('x3')>`, `javascript:alert('x4')`];

/** A copy of the sample shop whose title, description, name and products carry markup payloads. */
function hostileSite(dir: string): void {
  cpSync(join(SITES_DIR, 'northwind-outfitters'), dir, { recursive: true });
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const index = join(dir, 'index.html');
  let html = readFileSync(index, 'utf8');
  html = html.replace('<title>Northwind Outfitters — Gear for every trail</title>', `<title>${esc(PAYLOADS[0] ?? '')} Northwind Outfitters ${esc(PAYLOADS[1] ?? '')}</title>`);
  html = html.replace('<meta name="description" content="', `<meta name="description" content="${esc(PAYLOADS[1] ?? '')} ${esc(PAYLOADS[2] ?? '')} `);
  html = html.replace('"name": "Northwind Outfitters",', `"name": "Northwind <svg onload=alert('ld')> Outfitters",`);
  writeFileSync(index, html);
  const shop = join(dir, 'shop.html');
  writeFileSync(shop, readFileSync(shop, 'utf8').replaceAll('Tents &amp; shelters', `Tents ${esc(PAYLOADS[1] ?? '')}`).replaceAll('Backpacks</a>', `Backpacks ${esc(PAYLOADS[0] ?? '')}</a>`));
}

/** Prose fields that a stage could fill from page text or a model: each gets the payloads appended. */
const PROSE = new Set(['summary', 'title', 'executiveSummary', 'narrative', 'question', 'insight', 'sql', 'description', 'grain', 'claim', 'quote', 'businessModel', 'products', 'customerSegments', 'regions', 'kpis', 'keyEntities', 'goals', 'role', 'label', 'systemInstruction', 'term', 'definition', 'problem', 'observed', 'synonyms', 'agentName']);

/** An artifact with payloads appended to its prose (names the schemas constrain stay valid). */
function poison(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return PROSE.has(key) ? `${value} ${PAYLOADS.join(' ')}` : value;
  if (Array.isArray(value)) return value.map((v) => poison(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  return value;
}

describe('dashboard in a real browser', { skip: missing ?? false, timeout: 120_000 }, () => {
  let service: Service;
  let browser: Browser;
  let site: ServedSite;
  let hostile: ServedSite;
  let silent: Server;
  let silentUrl = '';
  let jobId = '';
  // Made while the suite is declared, so they live until it ends.
  const stateDir = missing ? '' : tempDir();
  const hostileDir = missing ? '' : join(tempDir(), 'site');

  before(async () => {
    hostileSite(hostileDir);
    [site, hostile, browser] = await Promise.all([serveSample('northwind-outfitters'), serveSite(hostileDir), launchChromium()]);
    // A site that never answers keeps its job in `research` until it is cancelled.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    service = await startStatusService({
      env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: stateDir, PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_RECONCILE_MS: '0', PROVISION_LOCAL_CONCURRENCY: '3' }),
      logger: silentLogger,
      sweepMs: 0,
    });
  });
  after(async () => {
    await browser?.close();
    await service?.close();
    silent?.closeAllConnections();
    silent?.close();
    await Promise.all([site?.close(), hostile?.close()]);
  });

  it('starts a job from the form and watches all seven stages complete live', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const problems = watch(page);
    await page.goto(`${service.url}/new`);
    await page.getByLabel('Website URL').fill(site.url);
    await page.getByLabel('Scale').fill('0.3');
    await page.getByRole('button', { name: 'Start job' }).click();
    await page.waitForURL(/\/jobs\/[^/]+\/view$/);
    jobId = decodeURIComponent(/\/jobs\/([^/]+)\/view$/.exec(page.url())?.[1] ?? '');
    // Marks this document: a reload would lose it, so the updates below arrived live.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    const completedAtStart = await page.locator('.stage[data-status="completed"]').count();
    assert.ok(completedAtStart < 7, 'the job page opened before the job ended');
    await page.locator('.stage[data-stage="research"][data-status="running"], .stage[data-stage="research"][data-status="completed"]').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: shot('job-running.png') });
    await page.locator('#job-status[data-status="completed"]').waitFor({ timeout: 40_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true, 'no reload');
    for (const id of STAGE_IDS) assert.equal(await page.locator(`.stage[data-stage="${id}"]`).getAttribute('data-status'), 'completed', id);
    assert.match((await page.locator('.stage[data-stage="data"] .facts').textContent()) ?? '', /Rows\s+[\d,]+/);
    assert.ok((await page.locator('#log li').count()) > 7, 'the log tail shows the events');
    assert.equal(await page.locator('#cancel-job').isDisabled(), true, 'a finished job cannot be cancelled');
    await page.locator('#validation').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: shot('job-completed.png') });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows the assets, downloads the agent YAML, copies the chat command and runs the job again', async () => {
    assert.ok(jobId, 'needs the job of the previous test');
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: service.url });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${service.url}/jobs/${jobId}/view`);
    await assert.doesNotReject(page.locator('#profile h2').waitFor());
    assert.equal(await page.locator('#profile').getByText('Northwind Outfitters', { exact: true }).count() > 0, true);
    assert.ok((await page.locator('#profile table.evidence a[href^="http://127.0.0.1"]').count()) > 0, 'evidence links');
    const questions = page.locator('#story ol.golden > li');
    assert.ok((await questions.count()) >= 10);
    await questions.first().locator('summary').click();
    assert.match((await questions.first().locator('pre.sql').textContent()) ?? '', /SELECT/i);
    assert.ok((await questions.first().locator('table.preview tbody tr').count()) > 0, 'a result preview');
    assert.ok((await page.locator('#schema svg.schema g.table').count()) >= 6, 'schema boxes');
    assert.ok((await page.locator('#schema svg.schema path.edge').count()) >= 5, 'relationships');
    assert.ok((await page.locator('#data svg.chart circle.point').count()) >= 6, 'a chart over time from the DuckDB file');
    assert.match((await page.locator('#validation').textContent()) ?? '', /100% score|\d+(\.\d)?% score/);
    await page.screenshot({ path: shot('job-assets.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#agent a[download]').click()]);
    assert.match(download.suggestedFilename(), /\.yaml$/);
    const yaml = readFileSync((await download.path()) ?? '', 'utf8');
    assert.match(yaml, /^system_instruction:/);

    await page.getByRole('button', { name: 'Copy chat command' }).click();
    await page.locator('.copy-status', { hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `provision chat ${jobId}`);

    // Run again: a new job for the same site and options, opened at once.
    await page.getByRole('button', { name: 'Run again' }).click();
    await page.waitForURL((u) => /\/jobs\/[^/]+\/view$/.test(u.pathname) && !u.pathname.includes(jobId));
    assert.equal(await page.locator('#job-header a[href]').first().getAttribute('href'), site.url);
    await page.locator('.stage[data-stage="research"]').waitFor();
    assert.deepEqual(problems, []);
    await context.close();

    // A phone: everything fits the width (wide things scroll inside their own boxes).
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const small = await phone.newPage();
    await small.goto(`${service.url}/jobs/${jobId}/view`);
    await small.locator('#validation').waitFor();
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
    await small.screenshot({ path: shot('job-phone.png') });
    await small.goto(`${service.url}/`);
    await small.screenshot({ path: shot('jobs-phone.png') });
    await phone.close();
  });

  it('lists jobs live and cancels a running job from its page with the keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 800 } });
    const problems = watch(page);
    await page.goto(`${service.url}/`);
    await page.locator(`#job-${jobId}`).waitFor();
    // A job started elsewhere appears without a reload.
    const res = await fetch(`${service.url}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: silentUrl }) });
    const stuck = ((await res.json()) as { jobId: string }).jobId;
    await page.locator(`#job-${stuck}`).waitFor({ timeout: 10_000 });
    await page.locator(`#job-${stuck}[data-status="running"]`).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: shot('jobs-list.png') });

    // Filters: only completed jobs.
    await page.getByLabel('Status').selectOption('completed');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/status=completed/);
    assert.equal(await page.locator(`#job-${stuck}`).count(), 0);
    assert.equal(await page.locator(`#job-${jobId}`).count(), 1);

    await page.goto(`${service.url}/jobs/${stuck}/view`);
    await page.locator('.stage[data-stage="research"][data-status="running"]').waitFor();
    await page.locator('#cancel-job').focus();
    await page.keyboard.press('Enter');
    await page.locator('#job-status[data-status="cancelled"]').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.stage[data-stage="research"]').getAttribute('data-status'), 'failed');
    assert.match((await page.locator('.stage[data-stage="research"] .error').textContent()) ?? '', /cancelled/);
    assert.equal(await page.locator('#cancel-job').isDisabled(), true);
    await page.screenshot({ path: shot('job-cancelled.png') });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('never runs or echoes markup from a hostile site or hostile artifacts', async () => {
    // 1. A real job over a site whose title, description, name and products carry payloads.
    const res = await fetch(`${service.url}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: hostile.url, options: { scale: 0.2 } }) });
    const hostileJob = ((await res.json()) as { jobId: string }).jobId;
    // 2. A job whose every stored string carries payloads (as if a stage let them through).
    const artifacts = await service.store.artifacts(jobId);
    const poisoned = 'poisoned-job-1';
    const seq = new EventSequencer(poisoned, 0);
    await service.store.apply(seq.next({ type: 'job.queued', output: { url: `http://127.0.0.1:9/${PAYLOADS[0] ?? ''}`, company: `Evil ${PAYLOADS.join(' ')}`, industry: PAYLOADS[1], strategy: 'heuristic', warehouse: 'duckdb' } }));
    await service.store.apply(seq.next({ type: 'job.started' }));
    for (const id of STAGE_IDS) {
      await service.store.apply(seq.next({ type: 'stage.started', stage: id, message: PAYLOADS[2] }));
      await service.store.apply(seq.next({ type: 'stage.completed', stage: id, metrics: { durationMs: 5 }, output: { note: PAYLOADS[0], artifact: poison(artifacts[id]) } }));
    }
    await service.store.apply(seq.next({ type: 'job.failed', error: { code: 'internal', message: `boom ${PAYLOADS.join(' ')}`, retryable: false } }));

    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const problems = watch(page);
    await page.goto(`${service.url}/jobs/${hostileJob}/view`);
    await page.locator('#job-status[data-status="completed"], #job-status[data-status="failed"]').waitFor({ timeout: 40_000 });
    await page.screenshot({ path: shot('xss-site-job.png'), fullPage: true });
    await page.locator('#profile').waitFor({ timeout: 10_000 });
    await page.goto(`${service.url}/jobs/${poisoned}/view`);
    await page.locator('#story').waitFor();
    await page.locator('#schema svg.schema').waitFor();
    await page.locator('#story details').first().locator('summary').click();
    await page.screenshot({ path: shot('xss-poisoned-job.png'), fullPage: true });
    assert.ok((await page.locator('#job-title').textContent())?.includes(`<script>alert('x1')</script>`), 'the payload shows as text');
    await page.goto(`${service.url}/`);
    await page.locator(`#job-${poisoned}`).waitFor();

    for (const path of ['/', `/jobs/${hostileJob}/view`, `/jobs/${poisoned}/view`, `/jobs/${poisoned}/assets`]) {
      const text = await (await fetch(`${service.url}${path}`)).text();
      for (const needle of ['<script>alert', '<img src=x', '<svg onload', 'href="javascript:']) assert.ok(!text.includes(needle), `${path} contains ${needle}`);
      assert.equal((text.match(/<script/g) ?? []).length, path.endsWith('/assets') ? 0 : 1, `${path}: only our own script tag`);
    }
    for (const path of [`/jobs/${hostileJob}/view`, `/jobs/${poisoned}/view`]) {
      await page.goto(`${service.url}${path}`);
      const handlers = await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)));
      assert.deepEqual(handlers, [], `${path}: no event-handler attributes in the DOM`);
      assert.equal(await page.locator('img, iframe, object, embed').count(), 0);
      assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
});
