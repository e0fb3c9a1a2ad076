import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createResearchStage } from '../src/agents/research/index.js';
import { warmPageReader } from '../src/agents/research/page-reader.js';
import { ProvisionError, type ErrorCode } from '../src/core/errors.js';
import type { CompanyProfile } from '../src/domain/profile.js';
import { GuardedFetcher, type FetchLimits, type HostResolver } from '../src/http/guarded-fetcher.js';
import { RendererUnavailableError, type PageRenderer } from '../src/render/page-renderer.js';
import { serveSite, type ServedSite } from '../src/samples/serve-site.js';
import { startPathologicalServer, TLS_CERT, type PathologicalServer } from './helpers/pathological-server.js';
import { httpContext } from './helpers/research-context.js';

/** Short limits so every case finishes in a second or two; the product's are 5 s / 15 s / 30 s. */
const LIMITS: Partial<FetchLimits> = { connectTimeoutMs: 1_000, responseTimeoutMs: 1_500, retries: 2, retryBaseMs: 20, retryMaxMs: 100 };
const BUDGET_MS = 4_000;
const SLACK_MS = 700;

/** A resolver for names in tests: no real DNS query is ever made. */
function fakeDns(table: Record<string, string[]>, calls: string[] = []): HostResolver {
  return (hostname) => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (!addresses) return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
}

const failOnDns: HostResolver = (hostname) => Promise.reject(new Error(`unexpected DNS lookup of ${hostname}`));

function fetcher(options: { allowPrivateNetwork?: boolean; limits?: Partial<FetchLimits>; resolve?: HostResolver; ca?: Buffer } = {}): GuardedFetcher {
  return new GuardedFetcher({ allowPrivateNetwork: options.allowPrivateNetwork ?? true, limits: { ...LIMITS, ...options.limits }, resolve: options.resolve ?? failOnDns, ...(options.ca ? { ca: options.ca } : {}) });
}

async function run(url: string, f = fetcher(), budgetMs = BUDGET_MS): Promise<{ ms: number; profile?: CompanyProfile; error?: ProvisionError }> {
  const started = performance.now();
  try {
    const profile = await createResearchStage({ budgetMs }).run({ url }, httpContext(url, f));
    return { ms: performance.now() - started, profile };
  } catch (err) {
    assert.ok(err instanceof ProvisionError, `a classified ProvisionError, got ${String(err)}`);
    return { ms: performance.now() - started, error: err };
  }
}

describe('research on a pathological server', () => {
  let s: PathologicalServer;
  before(async () => {
    s = await startPathologicalServer();
    // As a job process does first thing: the budgets time research, not loading jsdom.
    await warmPageReader();
  });
  after(() => s.close());

  /** case → path, expected code, time budget in ms (the limit that bounds it, plus slack). */
  const cases: Array<{ name: string; path: (s: PathologicalServer) => string; code: ErrorCode; budget: number; retryable?: boolean; message?: RegExp }> = [
    { name: '404', path: (x) => `${x.origin}/not-found`, code: 'http_error', budget: 500, retryable: false, message: /HTTP 404.*does not exist/ },
    { name: '500 (retried, then reported)', path: (x) => `${x.origin}/server-error`, code: 'http_error', budget: 800, retryable: true, message: /HTTP 500.*try again later/ },
    { name: 'redirect loop', path: (x) => `${x.origin}/redirect-loop`, code: 'http_error', budget: 500, message: /redirects more than 5 times \(in a loop\)/ },
    { name: 'redirect to a file: URL', path: (x) => `${x.origin}/redirect-file`, code: 'invalid_url', budget: 500 },
    { name: 'binary content', path: (x) => `${x.origin}/binary`, code: 'not_html', budget: 500, message: /application\/octet-stream, not a web page/ },
    { name: 'binary content without a type', path: (x) => `${x.origin}/binary-untyped`, code: 'not_html', budget: 500 },
    { name: 'PDF', path: (x) => `${x.origin}/pdf`, code: 'not_html', budget: 500, message: /application\/pdf/ },
    { name: 'empty body', path: (x) => `${x.origin}/empty`, code: 'empty_content', budget: 500 },
    { name: '60 MB body (5 MB cap while streaming)', path: (x) => `${x.origin}/huge`, code: 'too_large', budget: 3_000, message: /larger than 5 MB/ },
    { name: '60 MB announced in Content-Length', path: (x) => `${x.origin}/huge-declared`, code: 'too_large', budget: 500 },
    { name: 'headers that never come', path: (x) => `${x.origin}/no-headers`, code: 'timeout', budget: 1_500 + SLACK_MS, retryable: true, message: /did not finish answering within 1.5 s/ },
    { name: 'a body that drips one byte every 2 s', path: (x) => `${x.origin}/drip`, code: 'timeout', budget: 1_500 + SLACK_MS, retryable: true },
    { name: 'self-signed TLS', path: (x) => `${x.tlsOrigin}/`, code: 'tls_error', budget: 800, retryable: false, message: /certificate.*self-signed/ },
    { name: 'connection refused (retried, then reported)', path: (x) => `${x.refusedOrigin}/`, code: 'connection_failed', budget: 800, retryable: true, message: /refused/ },
    { name: 'robots.txt denies everything', path: (x) => `${x.denyAllOrigin}/`, code: 'robots_disallowed', budget: 500, retryable: false, message: /provision-bot/ },
    { name: 'robots.txt denies the page', path: (x) => `${x.origin}/private/page`, code: 'robots_disallowed', budget: 500 },
    { name: 'JavaScript shell with nothing usable', path: (x) => `${x.origin}/shell`, code: 'empty_content', budget: 500, message: /JavaScript/ },
    { name: 'redirect to the metadata address', path: (x) => `${x.origin}/redirect-metadata`, code: 'blocked_address', budget: 500, message: /cloud metadata/ },
    { name: 'redirect to the metadata name', path: (x) => `${x.origin}/redirect-metadata-name`, code: 'blocked_address', budget: 500 },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.code}`, async () => {
      const url = c.path(s);
      const { ms, error } = await run(url);
      assert.ok(error, 'fails');
      assert.equal(error.code, c.code, error.message);
      assert.ok(ms <= c.budget, `${c.name} took ${ms.toFixed(0)} ms, budget ${c.budget} ms`);
      if (c.retryable !== undefined) assert.equal(error.retryable, c.retryable);
      if (c.message) assert.match(error.message, c.message);
      // Every message names the address it is about and carries no stack trace.
      assert.ok(error.message.includes(new URL(url).host), error.message);
      assert.doesNotMatch(error.message, /\n\s+at /);
    });
  }

  it('with a browser at hand (render always) every case ends the same way within its budget, and no browser starts before a page was read', async () => {
    let opened = 0;
    const renderer: PageRenderer = { open: () => (opened++, Promise.reject(new RendererUnavailableError('no browser in this test'))) };
    for (const c of cases) {
      opened = 0;
      const url = c.path(s);
      const started = performance.now();
      let error: unknown;
      try {
        await createResearchStage({ budgetMs: BUDGET_MS, render: 'always' }).run({ url }, { ...httpContext(url, fetcher()), renderer });
      } catch (err) {
        error = err;
      }
      const ms = performance.now() - started;
      assert.ok(error instanceof ProvisionError, `${c.name}: ${String(error)}`);
      assert.equal(error.code, c.code, `${c.name}: ${error.message}`);
      assert.ok(ms <= c.budget, `${c.name} took ${ms.toFixed(0)} ms rendered, budget ${c.budget} ms`);
      // Only the shell's page was read (and runs a script): every other case fails before.
      if (!url.endsWith('/shell')) assert.equal(opened, 0, c.name);
    }
  });

  it('retries transient failures a bounded number of times, and permanent ones never', async () => {
    const before500 = s.hits.get('/server-error') ?? 0;
    await run(`${s.origin}/server-error`);
    assert.equal((s.hits.get('/server-error') ?? 0) - before500, 3, 'one attempt and two retries');
    const before404 = s.hits.get('/not-found') ?? 0;
    await run(`${s.origin}/not-found`);
    assert.equal((s.hits.get('/not-found') ?? 0) - before404, 1, 'a 404 is not retried');
    const { profile } = await run(`${s.origin}/flaky`);
    assert.equal(profile?.name, 'Fernhill Bakery', 'a 503 followed by success reads the page');
  });

  it('the home page is never fetched when robots.txt forbids it', () => {
    assert.equal(s.hits.get('deny-all/'), undefined);
    assert.equal(s.hits.get('/private/page'), undefined);
  });

  it('the stage budget bounds the whole crawl', async () => {
    const { ms, error } = await run(`${s.origin}/no-headers`, fetcher({ limits: { responseTimeoutMs: 10_000 } }), 1_000);
    assert.equal(error?.code, 'timeout');
    assert.match(error?.message ?? '', /within 1 s/);
    assert.ok(ms < 1_000 + SLACK_MS, `${ms.toFixed(0)} ms`);
  });

  it('a page that stalls is skipped when the budget runs out; the rest still profiles', async () => {
    const { ms, profile, error } = await run(`${s.origin}/slow-site/`, fetcher({ limits: { responseTimeoutMs: 10_000 } }), 1_500);
    assert.equal(error, undefined);
    assert.equal(profile?.name, 'Brightline Dental');
    // A dental practice is its own industry in the taxonomy (it borrows the healthcare preset).
    assert.equal(profile?.industry.id, 'dental');
    assert.ok(profile?.products.includes('Orthodontics'), profile?.products.join(', '));
    assert.ok(ms < 1_500 + SLACK_MS, `${ms.toFixed(0)} ms`);
  });

  it('a JavaScript shell with meta, Open Graph and JSON-LD degrades to what they say', async () => {
    const { profile, error } = await run(`${s.origin}/rich-shell`);
    assert.equal(error, undefined);
    assert.equal(profile?.name, 'Quillstone');
    assert.equal(profile?.industry.id, 'saas');
    assert.match(profile?.summary ?? '', /bookkeeping and payroll software/);
    assert.equal(profile?.currency, 'CAD', 'the home market (Ontario, Canada) decides without prices');
    assert.deepEqual(profile?.regions, ['Ontario']);
  });

  it('decodes declared charsets (header and <meta http-equiv>) and gzip', async () => {
    const latin = await run(`${s.origin}/latin1`);
    assert.equal(latin.profile?.name, 'Café Rivière');
    assert.equal(latin.profile?.currency, 'EUR');
    const meta = await run(`${s.origin}/meta-charset`);
    assert.equal(meta.profile?.name, 'Crème & Co');
    assert.match(meta.profile?.summary ?? '', /crème brûlée/);
    const gz = await run(`${s.origin}/gzip`);
    assert.equal(gz.profile?.name, 'Fernhill Bakery');
  });

  it('HTTPS works with a trusted certificate; only verification failures are tls_error', async () => {
    const { profile } = await run(`${s.tlsOrigin}/`, fetcher({ ca: TLS_CERT }));
    assert.equal(profile?.name, 'Fernhill Bakery');
  });

  it('page text is untrusted: injection and SQL never become names, labels or instructions', async () => {
    const { profile } = await run(`${s.origin}/injection`);
    assert.ok(profile);
    assert.equal(profile.name, 'Moss Coffee Roasters');
    assert.match(profile.summary, /^Moss Coffee Roasters roasts specialty coffee in Seattle/);
    assert.ok(profile.products.includes('Espresso blends') && profile.products.includes('Single-origin beans'), profile.products.join(', '));
    assert.deepEqual(profile.customerSegments, ['Cafés and restaurants', 'Home brewers']);
    const bad = /drop\s+table|ignore (all )?previous|disregard|system prompt|developer mode|api key|<script|1=1|;\s*--|\$\{|\{\{|environment variables|you are now/i;
    const labels = [profile.name, ...profile.products, ...profile.customerSegments, ...profile.regions, profile.summary];
    for (const text of labels) assert.doesNotMatch(text, bad, text);
    for (const e of profile.evidence) assert.doesNotMatch(`${e.claim} ${e.quote}`, bad, JSON.stringify(e));
    for (const page of profile.pages) assert.doesNotMatch(page.title, bad, page.title);
    assert.equal(profile.pages[0]?.title, 'Moss Coffee Roasters');
    // Labels look like labels: letters, digits, spaces and a little punctuation.
    for (const label of [profile.name, ...profile.products, ...profile.customerSegments]) assert.match(label, /^[\p{L}\p{N}][\p{L}\p{N} &'’.,()/+-]*$/u, label);
    assert.equal(s.hits.get('/private/page'), undefined, 'a link into a disallowed path is not followed');
  });
});

describe('a JavaScript shell whose other pages have text', () => {
  let site: ServedSite;
  before(async () => {
    site = await serveSite(fileURLToPath(new URL('./fixtures/shell-site/', import.meta.url)));
  });
  after(() => site.close());
  it('profiles from the pages the sitemap lists', async () => {
    const { profile, error } = await run(site.url);
    assert.equal(error, undefined);
    assert.equal(profile?.name, 'Pinecrest Outdoor');
    assert.equal(profile?.industry.id, 'retail');
    assert.ok(profile?.products.includes('Sleeping bags'), profile?.products.join(', '));
  });
});

describe('SSRF guard', () => {
  let s: PathologicalServer;
  before(async () => {
    s = await startPathologicalServer();
  });
  after(() => s.close());

  async function refused(url: string, f: GuardedFetcher): Promise<ProvisionError> {
    const started = performance.now();
    const { error } = await run(url, f);
    assert.ok(error, `${url} is refused`);
    assert.ok(performance.now() - started < 300, 'refused at once, not after a timeout');
    return error;
  }

  it('refuses loopback, private and mapped addresses before connecting, unless --allow-private-network', async () => {
    const port = new URL(s.origin).port;
    const strict = fetcher({ allowPrivateNetwork: false });
    const hitsBefore = [...s.hits.values()].reduce((a, b) => a + b, 0);
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '2130706433', '0x7f.0.0.1', '127.1', '0.0.0.0', '10.0.0.8', '192.168.1.20', '172.20.0.1', '100.64.1.1', '[fd12::1]', '[fe80::1]']) {
      const err = await refused(`http://${host}:${port}/ok`, strict);
      assert.equal(err.code, 'blocked_address', host);
      assert.match(err.message, /--allow-private-network/);
      assert.equal(err.retryable, false);
    }
    assert.equal([...s.hits.values()].reduce((a, b) => a + b, 0), hitsBefore, 'no request reached the server');
    assert.equal((await run(`${s.origin}/ok`, fetcher({ allowPrivateNetwork: true }))).profile?.name, 'Fernhill Bakery');
  });

  it('checks every resolved address of a name, and refuses names that resolve to private or metadata addresses', async () => {
    const calls: string[] = [];
    const dns = fakeDns({ 'intranet.example': ['10.0.0.5'], 'mixed.example': ['93.184.216.34', '127.0.0.1'], 'sneaky.example': ['169.254.169.254'], 'v6.example': ['fd00:ec2::254'] }, calls);
    const strict = fetcher({ allowPrivateNetwork: false, resolve: dns });
    assert.equal((await refused('http://intranet.example/', strict)).code, 'blocked_address');
    assert.deepEqual(calls, ['intranet.example'], 'the name was resolved through the guard');
    // Metadata stays refused even with --allow-private-network, by address, name and resolution.
    const open = fetcher({ allowPrivateNetwork: true, resolve: dns });
    for (const url of ['http://sneaky.example/', 'http://[fd00:ec2::254]/', 'http://169.254.169.254/latest/meta-data/', 'http://metadata.google.internal/', 'http://v6.example/']) {
      const err = await refused(url, open);
      assert.equal(err.code, 'blocked_address', url);
      assert.match(err.message, /cloud metadata/);
    }
  });

  it('checks redirects hop by hop, names included', async () => {
    const dns = fakeDns({ 'sneaky.example': ['169.254.169.254'] });
    const err = await refused(`${s.origin}/redirect-sneaky`, fetcher({ allowPrivateNetwork: true, resolve: dns }));
    assert.equal(err.code, 'blocked_address');
    assert.match(err.message, /sneaky\.example/);
  });

  it('connects to the address it checked', async () => {
    const calls: string[] = [];
    const port = new URL(s.origin).port;
    const { profile } = await run(`http://shop.test:${port}/ok`, fetcher({ allowPrivateNetwork: true, resolve: fakeDns({ 'shop.test': ['127.0.0.1'] }, calls) }));
    assert.equal(profile?.name, 'Fernhill Bakery');
    assert.ok(calls.includes('shop.test'));
  });

  it('dns_failure for a name that does not resolve, with advice', async () => {
    const { error, ms } = await run('https://no-such-company.invalid/', fetcher({ resolve: fakeDns({}) }));
    assert.equal(error?.code, 'dns_failure');
    assert.match(error?.message ?? '', /no-such-company\.invalid.*could not be resolved.*Check the spelling/);
    assert.ok(ms < 300);
  });

  it('timeout when a connection cannot be made within the connect limit (retried, bounded)', async () => {
    const stalledDns: HostResolver = () => new Promise(() => undefined);
    const { error, ms } = await run('http://slow-dns.example/', fetcher({ limits: { connectTimeoutMs: 300 }, resolve: stalledDns }));
    assert.equal(error?.code, 'timeout');
    assert.match(error?.message ?? '', /did not accept a connection within 0.3 s/);
    assert.ok(ms < 3 * 300 + 2 * 100 + SLACK_MS, `${ms.toFixed(0)} ms for three attempts`);
  });

  it('invalid_url for anything but an http(s) address', async () => {
    for (const url of ['ftp://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://example.com/', 'http://user:pw@example.com/', 'http://exa mple.com/', 'http://']) {
      const { error } = await run(url, fetcher());
      assert.equal(error?.code, 'invalid_url', url);
    }
  });
});
