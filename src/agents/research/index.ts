import { RemoteServiceError } from '../../core/errors.js';
import { CompanyProfileSchema, type CompanyProfile } from '../../domain/profile.js';
import { parseTargetUrl } from '../../http/guarded-fetcher.js';
import type { StageContext } from '../../pipeline/context.js';
import type { Stage } from '../../pipeline/stage.js';
import { z } from 'zod';
import { withStrategies } from '../strategy.js';
import { buildProfile, hasUsableContent, industryWarning } from './build-profile.js';
import { crawlSite, DEFAULT_CRAWL, type CrawlOptions, type CrawlResult } from './crawl.js';
import { askForProfile } from './llm.js';

export { ROBOTS_AGENT } from './crawl.js';

// One crawl per stage run: when the llm strategy falls back, the heuristic one reads the same pages.
const crawls = new WeakMap<StageContext, Promise<CrawlResult>>();

async function crawlUsable(rawUrl: string, ctx: StageContext, options: CrawlOptions): Promise<CrawlResult> {
  const url = parseTargetUrl(rawUrl);
  const crawl = await crawlSite(url, ctx, { ...options, render: ctx.job.render ?? options.render });
  if (!hasUsableContent(crawl.pages)) {
    throw new RemoteServiceError(
      'empty_content',
      `${crawl.home} has no readable text, no description and no structured data (it is probably built entirely with JavaScript), and no other page of the site could be read. Try a page of the site that has text, such as its About page.`,
    );
  }
  ctx.progress(0.8, `read ${crawl.pages.length} pages`);
  return crawl;
}

function crawlOnce(rawUrl: string, ctx: StageContext, options: CrawlOptions): Promise<CrawlResult> {
  let crawl = crawls.get(ctx);
  if (!crawl) crawls.set(ctx, (crawl = crawlUsable(rawUrl, ctx, options)));
  return crawl;
}

async function research(rawUrl: string, ctx: StageContext, options: CrawlOptions): Promise<CompanyProfile> {
  const crawl = await crawlOnce(rawUrl, ctx, options);
  return warnIfUnsure(buildProfile(crawl.home, crawl.pages), ctx);
}

/** A profile research is unsure of says so where the user looks, not only in its numbers. */
function warnIfUnsure(profile: CompanyProfile, ctx: StageContext): CompanyProfile {
  const warning = industryWarning(profile.industry);
  if (warning) ctx.warn(warning);
  return profile;
}

async function researchWithModel(rawUrl: string, ctx: StageContext, options: CrawlOptions): Promise<CompanyProfile> {
  const crawl = await crawlOnce(rawUrl, ctx, options);
  return warnIfUnsure(await askForProfile(ctx, buildProfile(crawl.home, crawl.pages), crawl.pages), ctx);
}

/** The research stage with its crawl limits; tests shorten them. */
export function createResearchStage(options: Partial<CrawlOptions> = {}): Stage<'research', { url: string }> {
  const crawl = { ...DEFAULT_CRAWL, ...options };
  const heuristic: Stage<'research', { url: string }> = {
    id: 'research',
    inputSchema: z.object({ url: z.string() }),
    outputSchema: CompanyProfileSchema,
    input: (_earlier, job) => ({ url: job.url }),
    run: (input, ctx) => research(input.url, ctx, crawl),
    report: (p) => ({
      output: {
        company: p.name,
        industry: p.industry.label,
        industryId: p.industry.id,
        confidence: p.industry.confidence,
        evidence: (p.industry.evidence ?? []).slice(0, 3).map((e) => e.claim.replace(/^industry: /, '')),
        ...(p.industry.basis && p.industry.basis !== 'classified' ? { basis: p.industry.basis } : {}),
        pages: p.pages.length,
        products: p.products.slice(0, 5),
      },
    }),
  };
  return withStrategies(heuristic, (input, ctx) => researchWithModel(input.url, ctx, crawl));
}

export const researchStage = createResearchStage();
