import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { researchStage } from '../src/agents/research/index.js';
import { isAllowed, parseRobots } from '../src/agents/research/robots.js';
import { ProvisionError } from '../src/core/errors.js';
import { blockedReason } from '../src/http/address-guard.js';
import { GuardedFetcher, parseTargetUrl } from '../src/http/guarded-fetcher.js';
import { serveSample, type ServedSite } from '../src/samples/serve-site.js';
import { httpContext } from './helpers/research-context.js';

async function research(url: string, fetcher = new GuardedFetcher({ allowPrivateNetwork: true })) {
  return researchStage.run({ url }, httpContext(url, fetcher));
}

async function failure(promise: Promise<unknown>): Promise<ProvisionError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ProvisionError, `a ProvisionError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a failure');
}

describe('research on the bundled sample sites', () => {
  let northwind: ServedSite;
  let ledgerly: ServedSite;
  before(async () => {
    northwind = await serveSample('northwind-outfitters');
    ledgerly = await serveSample('ledgerly');
  });
  after(async () => {
    await northwind.close();
    await ledgerly.close();
  });

  it('profiles the outdoor retailer', async () => {
    const p = await research(northwind.url);
    assert.equal(p.name, 'Northwind Outfitters');
    assert.equal(p.industry.id, 'retail');
    assert.equal(p.currency, 'USD');
    assert.ok(p.products.includes('Backpacks') && p.products.includes('Climbing gear'), p.products.join(', '));
    assert.ok(p.customerSegments.includes('Weekend hikers'), p.customerSegments.join(', '));
    // States and provinces are the level with enough regions; the home state (Colorado, from the address) leads.
    assert.equal(p.regions[0], 'Colorado', p.regions.join(', '));
    assert.ok(p.regions.includes('Ontario') && !p.regions.includes('United States'), p.regions.join(', '));
    assert.ok(p.summary.length > 40);
    assert.ok(p.pages.length >= 3, 'reads more than the home page');
    assert.ok(p.evidence.some((e) => e.claim.startsWith('industry')));
  });

  it('profiles the SaaS company', async () => {
    const p = await research(ledgerly.url);
    assert.equal(p.name, 'Ledgerly');
    assert.equal(p.industry.id, 'saas');
    assert.ok(p.products.includes('Invoices'), p.products.join(', '));
    assert.deepEqual(p.regions.slice(0, 3), ['North America', 'EMEA', 'APAC'], 'macro-regions, home market first');
    assert.deepEqual(p.customerSegments, ['Small businesses (SMB)', 'Mid-market companies', 'Enterprises']);
  });
});

describe('research failures are classified', () => {
  let base = '';
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    '/robots.txt': (_req, res) => res.writeHead(404).end(),
    '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>no</h1>'),
    '/pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><body>${'x'.repeat(300_000)}</body></html>`);
    },
    '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
    '/shell': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head></head><body><div id="root"></div></body></html>'),
    '/slow': () => undefined,
  };
  const server = createServer((req, res) => (routes[req.url ?? ''] ?? ((_q, r: ServerResponse) => r.writeHead(404).end()))(req, res));
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('http_error for a 404, not retryable', async () => {
    const err = await failure(research(`${base}/missing`));
    assert.equal(err.code, 'http_error');
    assert.equal(err.retryable, false);
    assert.match(err.message, /404/);
  });
  it('not_html for a PDF', async () => assert.equal((await failure(research(`${base}/pdf`))).code, 'not_html'));
  it('too_large past the size cap, enforced while streaming', async () => {
    const err = await failure(research(`${base}/huge`, new GuardedFetcher({ allowPrivateNetwork: true, limits: { maxBytes: 100_000 } })));
    assert.equal(err.code, 'too_large');
  });
  it('http_error after too many redirects', async () => assert.match((await failure(research(`${base}/loop`))).message, /redirects more than 5/));
  it('timeout when the server never answers', async () => {
    const err = await failure(research(`${base}/slow`, new GuardedFetcher({ allowPrivateNetwork: true, limits: { responseTimeoutMs: 300 } })));
    assert.equal(err.code, 'timeout');
    assert.equal(err.retryable, true);
  });
  it('connection_failed when nothing listens', async () => {
    const err = await failure(research('http://127.0.0.1:9/'));
    assert.equal(err.code, 'connection_failed');
  });
  it('empty_content for a JavaScript shell with nothing usable', async () => assert.equal((await failure(research(`${base}/shell`))).code, 'empty_content'));
  it('blocked_address for loopback unless private networks are allowed', async () => {
    const err = await failure(research(`${base}/missing`, new GuardedFetcher({ allowPrivateNetwork: false })));
    assert.equal(err.code, 'blocked_address');
    assert.match(err.message, /--allow-private-network/);
  });
  it('blocked_address for the metadata service by address and by name', async () => {
    const strict = new GuardedFetcher({ allowPrivateNetwork: false });
    assert.equal((await failure(strict.fetchPage('http://169.254.169.254/latest/meta-data/'))).code, 'blocked_address');
    assert.equal((await failure(strict.fetchPage('http://metadata.google.internal/computeMetadata/v1/'))).code, 'blocked_address');
  });
  it('robots_disallowed when robots.txt forbids the home page', async () => {
    routes['/robots.txt'] = (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: provision-bot\nDisallow: /\n');
    try {
      assert.equal((await failure(research(`${base}/missing`))).code, 'robots_disallowed');
    } finally {
      routes['/robots.txt'] = (_req, res) => res.writeHead(404).end();
    }
  });
  it('http_error when robots.txt itself fails with a server error: nothing is read (RFC 9309)', async () => {
    let pages = 0;
    routes['/robots.txt'] = (_req, res) => res.writeHead(503).end();
    routes['/fine'] = (_req, res) => {
      pages++;
      res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Fine</title><p>fine</p>');
    };
    try {
      const err = await failure(research(`${base}/fine`, new GuardedFetcher({ allowPrivateNetwork: true, limits: { retryBaseMs: 10 } })));
      assert.equal(err.code, 'http_error');
      assert.equal(err.retryable, true);
      assert.match(err.message, /robots\.txt answered HTTP 503/);
      assert.equal(pages, 0);
    } finally {
      routes['/robots.txt'] = (_req, res) => res.writeHead(404).end();
    }
  });
  it('invalid_url for other schemes and credentials', () => {
    assert.throws(() => parseTargetUrl('ftp://example.com/'), (e: ProvisionError) => e.code === 'invalid_url');
    assert.throws(() => parseTargetUrl('http://user:pw@example.com/'), (e: ProvisionError) => e.code === 'invalid_url');
    assert.throws(() => parseTargetUrl('http://exa mple.com/'), (e: ProvisionError) => e.code === 'invalid_url');
    assert.equal(parseTargetUrl('example.com').href, 'https://example.com/');
  });
});

describe('address guard', () => {
  const blocked = ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'fd00:ec2::254'];
  const open = ['8.8.8.8', '93.184.216.34', '2606:4700::1111', '1.1.1.1'];
  for (const ip of blocked) it(`refuses ${ip}`, () => assert.ok(blockedReason(ip)));
  for (const ip of open) it(`allows ${ip}`, () => assert.equal(blockedReason(ip), undefined));
});

describe('robots.txt', () => {
  const text = 'User-agent: *\nDisallow: /private\nAllow: /private/ok\n\nUser-agent: provision-bot\nDisallow: /no-bots\nSitemap: https://example.com/sitemap.xml\n';
  it('uses our group when it exists, the longest rule wins', () => {
    const rules = parseRobots(text, 'provision-bot');
    assert.equal(isAllowed(rules, '/no-bots/page'), false);
    assert.equal(isAllowed(rules, '/private'), true, 'the * group does not apply when ours exists');
    assert.deepEqual(rules.sitemaps, ['https://example.com/sitemap.xml']);
    const star = parseRobots(text, 'otherbot');
    assert.equal(isAllowed(star, '/private/x'), false);
    assert.equal(isAllowed(star, '/private/ok/1'), true);
  });
});
