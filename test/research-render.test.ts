import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createResearchStage } from '../src/agents/research/index.js';
import { warmPageReader } from '../src/agents/research/page-reader.js';
import { CONFIDENT } from '../src/agents/research/classify-industry.js';
import { parseSitemap } from '../src/agents/research/discover.js';
import { runsScripts } from '../src/agents/research/render-pages.js';
import { parseJobEnv } from '../src/config/env.js';
import { ProvisionError } from '../src/core/errors.js';
import type { CompanyProfile } from '../src/domain/profile.js';
import { GuardedFetcher, type FetchLimits } from '../src/http/guarded-fetcher.js';
import type { PageFetcher } from '../src/http/page-fetcher.js';
import { ChromiumRenderer } from '../src/render/chromium-renderer.js';
import type { PageRenderer } from '../src/render/page-renderer.js';
import type { RenderMode } from '../src/pipeline/job-spec.js';
import { serveSite, type ServedSite } from '../src/samples/serve-site.js';
import { CHROMIUM_PATH, chromiumMissing } from './helpers/browser.js';
import { httpContext } from './helpers/research-context.js';

const JS_SITE = fileURLToPath(new URL('./fixtures/sites-js/lumen-tea/', import.meta.url));
const LIMITS: Partial<FetchLimits> = { connectTimeoutMs: 1_000, responseTimeoutMs: 3_000, retryBaseMs: 20, retryMaxMs: 100 };
/** Only in the rendered page: written by the app's script from its API. */
const RENDERED_ONLY = 'small estates in Japan';
const missing = chromiumMissing();

interface Run {
  ms: number;
  profile?: CompanyProfile;
  error?: ProvisionError;
  warnings: string[];
}

async function research(url: string, options: { http?: PageFetcher; renderer?: PageRenderer; render?: RenderMode; budgetMs?: number; renderTimeoutMs?: number } = {}): Promise<Run> {
  const http = options.http ?? new GuardedFetcher({ allowPrivateNetwork: true, limits: LIMITS });
  const warnings: string[] = [];
  const ctx = { ...httpContext(url, http), warn: (m: string) => void warnings.push(m), ...(options.renderer ? { renderer: options.renderer } : {}) };
  const started = performance.now();
  try {
    const stage = createResearchStage({ budgetMs: options.budgetMs ?? 20_000, ...(options.render ? { render: options.render } : {}), ...(options.renderTimeoutMs ? { renderTimeoutMs: options.renderTimeoutMs } : {}) });
    return { ms: performance.now() - started, profile: await stage.run({ url }, ctx), warnings };
  } catch (err) {
    assert.ok(err instanceof ProvisionError, String(err));
    return { ms: performance.now() - started, error: err, warnings };
  }
}

/** A loopback server that counts every connection and request, for "never reached" checks. */
async function trapServer(): Promise<{ origin: string; connections: () => number; close: () => Promise<void>; server: Server }> {
  let connections = 0;
  const server = createServer((_q, res) => res.end('secret'));
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    server,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

async function routes(table: Record<string, (req: IncomingMessage, res: ServerResponse) => void>): Promise<{ origin: string; hits: Map<string, number>; close: () => Promise<void> }> {
  const hits = new Map<string, number>();
  const held = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const handler = table[path];
    if (handler) return handler(req, res);
    if (path === '/never.js') return void held.add(res);
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((r) => { for (const res of held) res.destroy(); server.closeAllConnections(); server.close(() => r()); }),
  };
}

const page = (title: string, body: string, head = ''): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
const html = (body: string) => (_q: IncomingMessage, res: ServerResponse) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);

describe('rendering pages that scripts write', () => {
  let site: ServedSite;
  before(async () => {
    // As a job process does first thing: research's budget times research, not loading jsdom.
    await warmPageReader();
    site = await serveSite(JS_SITE);
  });
  after(() => site.close());

  it('reads a script-built site in Chromium: the profile has its text', async (t) => {
    if (missing) return t.skip(`chromium not installed: ${missing}`);
    const fetcher = new GuardedFetcher({ allowPrivateNetwork: true, limits: LIMITS });
    const run = await research(site.url, { http: fetcher, renderer: new ChromiumRenderer({ fetcher, executablePath: CHROMIUM_PATH }) });
    fetcher.close();
    assert.equal(run.error, undefined, run.error?.message);
    // No warning: neither from rendering nor from the classifier, which reads the rendered shop as
    // surely as it would the same pages served as HTML.
    assert.deepEqual(run.warnings, []);
    assert.equal(run.profile?.name, 'Lumen Tea Company');
    assert.equal(run.profile?.industry.id, 'retail');
    assert.ok((run.profile?.industry.confidence ?? 0) >= CONFIDENT, `confidence ${run.profile?.industry.confidence}`);
    assert.ok(JSON.stringify(run.profile).includes(RENDERED_ONLY), 'rendered text reached the profile');
    assert.ok(run.profile?.pages.some((p) => p.url.endsWith('/about.html')), 'the app\'s navigation was followed');
  });

  it('without Chromium (PROVISION_CHROMIUM at a missing file) goes on with the static read and a warning', async () => {
    const fetcher = new GuardedFetcher({ allowPrivateNetwork: true, limits: LIMITS });
    const run = await research(site.url, { http: fetcher, renderer: new ChromiumRenderer({ fetcher, executablePath: '/nonexistent/chromium' }) });
    fetcher.close();
    assert.equal(run.error, undefined, run.error?.message);
    assert.equal(run.profile?.name, 'Lumen Tea Company', 'from the meta tags');
    assert.ok(!JSON.stringify(run.profile).includes(RENDERED_ONLY));
    // One warning about Chromium; with only the meta tags read, research is also unsure of the industry and says so.
    const rendering = run.warnings.filter((w) => !/^Industry unknown/.test(w));
    assert.equal(rendering.length, 1, run.warnings.join('\n'));
    assert.match(rendering[0] ?? '', /Chromium was not found at \/nonexistent\/chromium.*goes on with the pages as served/);
  });

  it('render mode never does not start a browser; PROVISION_RENDER and PROVISION_CHROMIUM parse', async () => {
    const opened: string[] = [];
    const renderer: PageRenderer = { open: () => { opened.push('open'); return Promise.reject(new Error('unexpected')); } };
    const run = await research(site.url, { renderer, render: 'never' });
    assert.equal(run.profile?.name, 'Lumen Tea Company');
    assert.deepEqual(opened, []);
    assert.equal(parseJobEnv({}).PROVISION_RENDER, 'auto');
    assert.equal(parseJobEnv({ PROVISION_RENDER: 'always', PROVISION_CHROMIUM: '/usr/bin/chromium' }).PROVISION_CHROMIUM, '/usr/bin/chromium');
    assert.throws(() => parseJobEnv({ PROVISION_RENDER: 'sometimes' }));
  });
});

describe('which pages are rendered', () => {
  it('only a page that runs a script can say more in a browser: JSON-LD is data, a module or an inline handler runs', () => {
    assert.equal(runsScripts('<html><head><script type="application/ld+json">{"@type":"Store"}</script></head><body><p>Hi</p></body></html>'), false);
    assert.equal(runsScripts('<p>No scripts at all</p><template><script>x()</script>'.replace('<script>x()</script>', '')), false);
    assert.equal(runsScripts('<script type="application/json" id="__NEXT_DATA__">{}</script><script type=text/template>x</script>'), false);
    for (const html of ['<script src="/app.js" defer></script>', '<script>go()</script>', '<script type="module" src="/m.js"></script>', "<script type='text/javascript'>go()</script>", '<SCRIPT TYPE="application/javascript; charset=utf-8">go()</SCRIPT>', '<body onload="go()">']) {
      assert.equal(runsScripts(html), true, html);
    }
  });

  it('render mode always starts no browser for a site whose pages run no script', async () => {
    const opened: string[] = [];
    const renderer: PageRenderer = { open: () => { opened.push('open'); return Promise.reject(new Error('unexpected')); } };
    const s = await routes({
      '/': html(page('Brookfield Pottery', '<nav><a href="/about">About</a></nav><h1>Brookfield Pottery</h1><p>Hand-thrown stoneware from Asheville, North Carolina: mugs, bowls and plates for everyday use, glazed in small batches.</p>', '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Store","name":"Brookfield Pottery"}</script>')),
      '/about': html(page('About | Brookfield Pottery', '<h1>About us</h1><p>Brookfield Pottery makes hand-thrown stoneware mugs, bowls and plates in our studio in Asheville, North Carolina.</p>')),
    });
    try {
      const run = await research(`${s.origin}/`, { renderer, render: 'always' });
      assert.equal(run.error, undefined, run.error?.message);
      assert.equal(run.profile?.name, 'Brookfield Pottery');
      assert.deepEqual(opened, []);
      assert.ok(!run.warnings.some((w) => /Chromium|script/.test(w)), run.warnings.join('\n'));
    } finally {
      await s.close();
    }
  });
});

describe('the address guard in the browser', () => {
  it('refuses loopback, private and metadata requests a page makes (route interception): the trap never sees a connection', async (t) => {
    if (missing) return t.skip(`chromium not installed: ${missing}`);
    const trap = await trapServer();
    const refused: string[] = [];
    const fetcher = new GuardedFetcher({ allowPrivateNetwork: false, limits: LIMITS });
    const session = await new ChromiumRenderer({ fetcher, executablePath: CHROMIUM_PATH, onRefused: (url) => refused.push(url) }).open();
    try {
      const port = new URL(trap.origin).port;
      const doc = `<script>fetch('${trap.origin}/x').catch(()=>0);fetch('http://localhost:${port}/by-name').catch(()=>0);fetch('http://[::1]:${port}/v6').catch(()=>0);fetch('http://10.0.0.1/private').catch(()=>0);fetch('http://192.168.1.1/router').catch(()=>0);fetch('http://169.254.169.254/latest/meta-data/').catch(()=>0);fetch('http://metadata.google.internal/').catch(()=>0)</script><script src="${trap.origin}/s.js"></script><iframe src="${trap.origin}/frame"></iframe><p>done</p>`;
      await session.render(`data:text/html,${encodeURIComponent(doc)}`, { timeoutMs: 5_000 });
    } finally {
      await session.close();
      fetcher.close();
      await trap.close();
    }
    assert.equal(trap.connections(), 0, 'no connection reached the loopback server');
    const port = new URL(trap.origin).port;
    for (const url of [`${trap.origin}/x`, `http://localhost:${port}/by-name`, `http://[::1]:${port}/v6`, 'http://10.0.0.1/private', 'http://192.168.1.1/router', 'http://169.254.169.254/latest/meta-data/', 'http://metadata.google.internal/', `${trap.origin}/s.js`, `${trap.origin}/frame`]) {
      assert.ok(refused.includes(url), `${url} refused; refused: ${refused.join(', ')}`);
    }
  });

  it('checks each redirect hop of a page\'s requests, and refuses metadata even with --allow-private-network', async (t) => {
    if (missing) return t.skip(`chromium not installed: ${missing}`);
    const s = await routes({
      '/': html(page('Redirects', `<p id="out">waiting</p><script>fetch('/hop').then(r=>r.text()).then(t=>out.textContent=t).catch(()=>out.textContent='refused')</script>`)),
      '/hop': (_q, res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    });
    const refused: string[] = [];
    const fetcher = new GuardedFetcher({ allowPrivateNetwork: true, limits: LIMITS });
    const session = await new ChromiumRenderer({ fetcher, executablePath: CHROMIUM_PATH, onRefused: (url, why) => refused.push(`${url}: ${why}`) }).open();
    try {
      const rendered = await session.render(`${s.origin}/`, { timeoutMs: 5_000 });
      assert.match(rendered.html, /<p id="out">refused<\/p>/);
      assert.equal(refused.length, 1, refused.join('\n'));
      assert.match(refused[0] ?? '', /\/hop: .*redirects to http:\/\/169\.254\.169\.254\/latest\/meta-data\/, which leads to a cloud metadata service/);
      assert.equal(s.hits.get('/hop'), 1);
    } finally {
      await session.close();
      fetcher.close();
      await s.close();
    }
  });

  it('a page that never finishes loading is cut at the time limit; research keeps the static read', async (t) => {
    if (missing) return t.skip(`chromium not installed: ${missing}`);
    const s = await routes({
      '/': html(page('Stalls', '<div id="root"></div><p>Hollow Oak Furniture</p>', '<meta property="og:site_name" content="Hollow Oak Furniture"><meta name="description" content="Hollow Oak Furniture makes solid oak tables and chairs in Vermont."><script src="/never.js"></script>')),
    });
    const fetcher = new GuardedFetcher({ allowPrivateNetwork: true, limits: LIMITS });
    const renderer = new ChromiumRenderer({ fetcher, executablePath: CHROMIUM_PATH });
    try {
      const session = await renderer.open();
      const started = performance.now();
      // Cut either way: the stalled request is abandoned at the limit (and the DOM so far read), or
      // the render itself gives up at the limit.
      await session.render(`${s.origin}/`, { timeoutMs: 3_000 }).catch((err: Error) => assert.match(err.message, /did not render within 3 s|Timeout 3000ms/));
      const ms = performance.now() - started;
      await session.close();
      assert.ok(ms < 3_000 + 1_000, `cut after ${ms.toFixed(0)} ms`);
      assert.ok((s.hits.get('/never.js') ?? 0) <= 1, 'a stalled script is never asked for twice');
      const run = await research(`${s.origin}/`, { http: fetcher, renderer, renderTimeoutMs: 1_500, budgetMs: 25_000 });
      assert.equal(run.error, undefined, run.error?.message);
      assert.equal(run.profile?.name, 'Hollow Oak Furniture');
    } finally {
      fetcher.close();
      await s.close();
    }
  });
});

describe('sitemaps and links', () => {
  const about = page('About us | Brookfield Pottery', '<h1>About Brookfield Pottery</h1><p>Brookfield Pottery makes hand-thrown stoneware mugs, bowls and plates in our studio in Asheville, North Carolina, and sells them online and at craft fairs across the Southeast.</p>');
  const home = (links: string) => page('Brookfield Pottery', `<nav>${links}</nav><h1>Brookfield Pottery</h1><p>Hand-thrown stoneware from Asheville, North Carolina: mugs, bowls and plates for everyday use, glazed in small batches and shipped across the United States.</p>`);

  it('reads a sitemap index whose child is a gzipped sitemap', async () => {
    let origin = '';
    const s = await routes({
      '/': html(home('')),
      '/robots.txt': (_q, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(`User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap_index.xml\n`),
      '/sitemap_index.xml': (_q, res) => void res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/sitemap-pages.xml.gz</loc></sitemap></sitemapindex>`),
      '/sitemap-pages.xml.gz': (_q, res) => void res.writeHead(200, { 'content-type': 'application/x-gzip' }).end(gzipSync(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc><![CDATA[${origin}/our-story]]></loc></url></urlset>`)),
      '/our-story': html(about),
    });
    origin = s.origin;
    try {
      const run = await research(`${s.origin}/`);
      assert.equal(run.error, undefined, run.error?.message);
      assert.equal(s.hits.get('/sitemap-pages.xml.gz'), 1);
      assert.equal(s.hits.get('/our-story'), 1, 'the page only the gzipped sitemap lists was read');
      assert.ok(run.profile?.pages.some((p) => p.url.endsWith('/our-story')));
    } finally {
      await s.close();
    }
  });

  it('stops following links after three pages in a row do not exist', async () => {
    const links = Array.from({ length: 40 }, (_, i) => `<a href="/about-${i}">About ${i}</a> <a href="/products-${i}">Products ${i}</a>`).join(' ');
    const s = await routes({ '/': html(home(links)), '/robots.txt': (_q, res) => void res.writeHead(404).end() });
    try {
      const stage = createResearchStage({ concurrency: 1 });
      const profile = await stage.run({ url: `${s.origin}/` }, httpContext(`${s.origin}/`, new GuardedFetcher({ allowPrivateNetwork: true, limits: LIMITS })));
      assert.equal(profile.name, 'Brookfield Pottery');
      const missed = [...s.hits.entries()].filter(([path]) => /^\/(about|products)-/.test(path)).length;
      assert.equal(missed, 3, `${missed} missing pages asked for`);
    } finally {
      await s.close();
    }
  });

  it('reads the home page\'s web manifest: a shell\'s name and description are there', async () => {
    const s = await routes({
      '/': html(page('Loading…', '<div id="root"></div>', '<link rel="manifest" href="/site.webmanifest">')),
      '/site.webmanifest': (_q, res) => void res.writeHead(200, { 'content-type': 'application/manifest+json' }).end(JSON.stringify({ name: 'Fernhill Outdoor Supply', short_name: 'Fernhill', description: 'Fernhill Outdoor Supply sells tents, packs and trail shoes online, shipped free on orders over USD 75.', start_url: '/' })),
    });
    try {
      const run = await research(`${s.origin}/`, { render: 'never' });
      assert.equal(run.error, undefined, run.error?.message);
      assert.equal(s.hits.get('/site.webmanifest'), 1);
      assert.equal(run.profile?.name, 'Fernhill Outdoor Supply');
      assert.match(run.profile?.summary ?? '', /^Fernhill Outdoor Supply sells tents/);
      assert.equal(run.profile?.industry.id, 'retail');
    } finally {
      await s.close();
    }
  });

  it('parses sitemaps with a real XML parser: namespaces, CDATA, entities, garbage', () => {
    const xml = '<?xml version="1.0"?><sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"><sm:url><sm:loc>https://a.example/x?a=1&amp;b=2</sm:loc></sm:url><sm:url><sm:loc><![CDATA[https://a.example/y]]></sm:loc><sm:lastmod>2026-01-01</sm:lastmod></sm:url></sm:urlset>';
    assert.deepEqual(parseSitemap(xml), { pages: ['https://a.example/x?a=1&b=2', 'https://a.example/y'], sitemaps: [] });
    assert.deepEqual(parseSitemap('<html><body>Not a sitemap</body></html>'), { pages: [], sitemaps: [] });
    assert.deepEqual(parseSitemap('<urlset><url><loc>https://a.example/z'), { pages: [], sitemaps: [] });
  });
});
