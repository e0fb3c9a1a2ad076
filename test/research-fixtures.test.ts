import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createResearchStage } from '../src/agents/research/index.js';
import type { CompanyProfile } from '../src/domain/profile.js';
import { GuardedFetcher, USER_AGENT } from '../src/http/guarded-fetcher.js';
import type { PageFetcher } from '../src/http/page-fetcher.js';
import { serveSite, type ServedSite } from '../src/samples/serve-site.js';
import { INDUSTRY_SITES, UNKNOWN_SITES } from './helpers/industry-sites.js';
import { httpContext } from './helpers/research-context.js';
import { SMALL_BUSINESS_SITES } from './helpers/small-business-sites.js';

const SITES_DIR = fileURLToPath(new URL('./fixtures/sites/', import.meta.url));
const research = createResearchStage();

interface Expectation {
  name: string;
  industry: string;
  currency: string;
  products: string[];
  regions: string[];
  segments?: string[];
}

/** What each fixture site must yield. Every blueprint industry, plus a hotel (its own industry in the taxonomy; it borrows the hospitality preset). */
const EXPECTED: Record<string, Expectation> = {
  'harbor-and-pine': { name: 'Harbor & Pine', industry: 'retail', currency: 'USD', products: ['Linen bedding', 'Furniture'], regions: ['Maine', 'Vermont'], segments: ['Home cooks'] },
  tallyform: { name: 'Tallyform', industry: 'saas', currency: 'EUR', products: ['Form builder', 'Approval workflows'], regions: ['Ireland', 'Germany'], segments: ['Operations teams'] },
  'cedar-valley-bank': { name: 'Cedar Valley Bank', industry: 'financial_services', currency: 'USD', products: ['Checking accounts', 'Mortgages'], regions: ['Iowa'], segments: ['Farmers and agribusiness'] },
  'lakeshore-medical': { name: 'Lakeshore Medical Group', industry: 'healthcare', currency: 'USD', products: ['Primary care', 'Cardiology'], regions: ['Illinois'] },
  'aurora-air': { name: 'Aurora Air', industry: 'travel', currency: 'CAD', products: ['Basic Economy', 'Business Class'], regions: ['Canada', 'British Columbia'], segments: ['Business travellers'] },
  'ironbridge-freight': { name: 'Ironbridge Freight', industry: 'logistics', currency: 'USD', products: ['Full truckload', 'Less-than-truckload'], regions: ['Ohio', 'Michigan'], segments: ['Manufacturers'] },
  'westbrook-college': { name: 'Westbrook College London', industry: 'education', currency: 'GBP', products: ['Computer Science', 'Online courses'], regions: ['United Kingdom'], segments: ['International students'] },
  'osteria-fiamma': { name: 'Osteria Fiamma', industry: 'hospitality', currency: 'USD', products: ['Antipasti', 'Wood-fired pizza'], regions: ['Texas'], segments: ['Date nights'] },
  'keystone-precision': { name: 'Keystone Precision Machining', industry: 'manufacturing', currency: 'USD', products: ['CNC milling', 'Swiss turning'], regions: ['Pennsylvania'], segments: ['Medical devices'] },
  'saltmarsh-inn': { name: 'The Saltmarsh Inn', industry: 'hotel', currency: 'USD', products: ['Classic King', 'Loft Suite'], regions: ['South Carolina'], segments: ['Couples'] },
};

/** Counts fetches in flight; a short delay makes overlapping fetches overlap for sure. */
function countingFetcher(inner: GuardedFetcher): PageFetcher & { maxInFlight: number; pages: string[] } {
  let inFlight = 0;
  const out = {
    maxInFlight: 0,
    pages: [] as string[],
    async fetchPage(url: string, options?: { signal?: AbortSignal }) {
      inFlight++;
      out.maxInFlight = Math.max(out.maxInFlight, inFlight);
      out.pages.push(new URL(url).pathname);
      try {
        await new Promise((r) => setTimeout(r, 15));
        return await inner.fetchPage(url, options);
      } finally {
        inFlight--;
      }
    },
    fetchText: (url: string, options?: { signal?: AbortSignal }) => inner.fetchText(url, options),
  };
  return out;
}

describe('research on the fixture sites', () => {
  const all = readdirSync(SITES_DIR).sort();
  // The sites of industries without a preset (research-industries.test.ts) and of small local
  // businesses (research-offerings-places.test.ts) have their own tests.
  const sites = all.filter((s) => !(s in INDUSTRY_SITES) && !(s in SMALL_BUSINESS_SITES) && !UNKNOWN_SITES.includes(s));
  const served = new Map<string, ServedSite>();
  const requests = new Map<string, IncomingMessage[]>();
  before(async () => {
    for (const site of sites) {
      const s = await serveSite(`${SITES_DIR}${site}`);
      const seen: IncomingMessage[] = [];
      s.server.on('request', (req: IncomingMessage) => seen.push(req));
      served.set(site, s);
      requests.set(site, seen);
    }
  });
  after(async () => {
    for (const s of served.values()) await s.close();
  });

  it('has at least ten sites covering every blueprint industry', () => {
    assert.ok(sites.length >= 10, sites.join(', '));
    assert.deepEqual(new Set(Object.values(EXPECTED).map((e) => e.industry)), new Set(['retail', 'saas', 'financial_services', 'healthcare', 'travel', 'logistics', 'education', 'hospitality', 'manufacturing', 'hotel']));
    assert.deepEqual(sites, Object.keys(EXPECTED).sort());
    assert.deepEqual(all, [...sites, ...Object.keys(INDUSTRY_SITES), ...Object.keys(SMALL_BUSINESS_SITES), ...UNKNOWN_SITES].sort(), 'every fixture site is checked by one test or another');
  });

  for (const [site, want] of Object.entries(EXPECTED)) {
    it(`${site}: ${want.name}, ${want.industry}`, async (t) => {
      const s = served.get(site) as ServedSite;
      const fetcher = countingFetcher(new GuardedFetcher({ allowPrivateNetwork: true }));
      const started = performance.now();
      const p: CompanyProfile = await research.run({ url: s.url }, httpContext(s.url, fetcher));
      const ms = performance.now() - started;
      assert.equal(p.name, want.name);
      assert.equal(p.industry.id, want.industry, JSON.stringify(p.evidence.filter((e) => e.claim.startsWith('industry'))));
      assert.ok(p.industry.confidence >= 0.6, `confidence ${p.industry.confidence}`);
      assert.equal(p.currency, want.currency);
      for (const product of want.products) assert.ok(p.products.includes(product), `${product} in ${p.products.join(', ')}`);
      for (const region of want.regions) assert.ok(p.regions.includes(region), `${region} in ${p.regions.join(', ')}`);
      for (const segment of want.segments ?? []) assert.ok(p.customerSegments.includes(segment), `${segment} in ${p.customerSegments.join(', ')}`);
      assert.ok(p.summary.length >= 40 && p.summary.length <= 301, p.summary);
      assert.ok(p.kpis.length > 0 && p.keyEntities.length > 0, 'KPIs and entities from the blueprint');
      // Evidence: a page URL and a quote for the name, the summary and the industry.
      for (const claim of ['name', 'summary', 'industry']) {
        const e = p.evidence.find((x) => x.claim.startsWith(claim));
        assert.ok(e && e.url.startsWith(s.url.replace(/\/$/, '')) && e.quote.length > 0, `evidence for ${claim}`);
      }
      // Polite: home page first, at most 8 more pages, at most 4 at a time.
      assert.equal(fetcher.pages[0], '/');
      assert.ok(p.pages.length >= 4 && p.pages.length <= 9, `${p.pages.length} pages`);
      assert.ok(fetcher.maxInFlight <= 4, `max in flight ${fetcher.maxInFlight}`);
      // How fast is `npm run bench:research`'s figure (target: median under 1.5 s a site); a wall-clock
      // assertion here failed on a loaded 2-core machine (1.9 s for the first, cold site) and proved nothing.
      t.diagnostic(`${site} took ${ms.toFixed(0)} ms`);
    });
  }

  it('reads robots.txt first, honours it for provision-bot and says who it is', () => {
    const seen = requests.get('tallyform') ?? [];
    assert.equal(seen[0]?.url, '/robots.txt');
    const paths = seen.map((r) => r.url ?? '');
    assert.ok(paths.includes('/sitemap.xml'), 'reads the sitemap');
    assert.ok(paths.includes('/pricing.html'), 'finds a page listed only in the sitemap');
    assert.ok(!paths.some((p) => p.startsWith('/internal/')), 'never fetches a page disallowed for provision-bot');
    assert.ok(!paths.some((p) => /login|signup|\/de\//.test(p)), `skips log-in pages and translations: ${paths.join(' ')}`);
    for (const r of seen) assert.equal(r.headers['user-agent'], USER_AGENT);
    assert.match(USER_AGENT, /^provision-bot\/[\d.]+ \(\+https?:\/\//);
  });

  it('follows a sitemap index named in robots.txt', () => {
    const paths = (requests.get('aurora-air') ?? []).map((r) => r.url ?? '');
    assert.ok(paths.includes('/sitemap_index.xml') && paths.includes('/sitemap-pages.xml'), paths.join(' '));
    assert.ok(paths.includes('/aurora-rewards.html'), 'a page found only through the index');
  });
});
