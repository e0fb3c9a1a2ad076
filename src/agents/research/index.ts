import { BLUEPRINTS } from '../../blueprints/index.js';
import { RemoteServiceError, UserInputError } from '../../core/errors.js';
import { CompanyProfileSchema, type CompanyProfile } from '../../domain/profile.js';
import type { StageContext } from '../../pipeline/context.js';
import type { Stage } from '../../pipeline/stage.js';
import { z } from 'zod';
import { buildProfile } from './build-profile.js';
import { extractSignals, type PageSignals } from './extract.js';
import { isAllowed, parseRobots } from './robots.js';

export const ROBOTS_AGENT = 'provision-bot';
/** Pages read besides the home page. */
const MAX_EXTRA_PAGES = 5;
const INFORMATIVE_PATH = /(about|product|shop|store|solution|service|pricing|plan|customer|industr|menu|location|program|course|platform|feature|who-we|company)/i;

/** Same-site links worth reading, most informative first. */
export function choosePages(home: PageSignals, max: number): string[] {
  const origin = new URL(home.url).origin;
  const seen = new Set<string>([home.url.replace(/#.*$/, '')]);
  const chosen: Array<{ url: string; score: number }> = [];
  for (const link of home.links) {
    let u: URL;
    try {
      u = new URL(link.href);
    } catch {
      continue;
    }
    u.hash = '';
    if (u.origin !== origin || seen.has(u.href) || /\.(pdf|jpe?g|png|gif|svg|zip|xml|txt)$/i.test(u.pathname)) continue;
    seen.add(u.href);
    const score = (INFORMATIVE_PATH.test(u.pathname) ? 2 : 0) + (INFORMATIVE_PATH.test(link.text) ? 1 : 0);
    if (score > 0) chosen.push({ url: u.href, score });
  }
  return chosen.sort((a, b) => b.score - a.score).slice(0, max).map((c) => c.url);
}

async function research(url: string, ctx: StageContext): Promise<CompanyProfile> {
  const home = new URL(url);
  const robotsText = ctx.http.fetchText ? await ctx.http.fetchText(new URL('/robots.txt', home).href, { signal: ctx.signal }) : undefined;
  const robots = parseRobots(robotsText ?? '', ROBOTS_AGENT);
  if (!isAllowed(robots, home.pathname)) {
    throw new UserInputError('robots_disallowed', `${url} asks robots like ${ROBOTS_AGENT} not to read it (robots.txt). provision respects that; use the llm strategy with notes about the company, or ask the company for a page that is allowed.`);
  }
  ctx.progress(0.1, 'fetching the home page');
  const homePage = await ctx.http.fetchPage(url, { signal: ctx.signal });
  const pages: PageSignals[] = [extractSignals(homePage.url, homePage.html)];
  const extra = choosePages(pages[0] as PageSignals, MAX_EXTRA_PAGES).filter((u) => isAllowed(robots, new URL(u).pathname));
  ctx.progress(0.3, `reading ${extra.length} more pages`);
  const results = await Promise.allSettled(extra.map((u) => ctx.http.fetchPage(u, { signal: ctx.signal })));
  ctx.signal.throwIfAborted();
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') pages.push(extractSignals(r.value.url, r.value.html));
    else ctx.logger.warn('skipped a page that could not be read', { url: extra[i], reason: (r.reason as Error).message });
  });
  const words = pages.reduce((n, p) => n + p.text.split(' ').length, 0);
  if (words < 20 && !pages[0]?.metaDescription && !pages[0]?.title) {
    throw new RemoteServiceError('empty_content', `${url} has no readable text (it may be built entirely with JavaScript). Try a page of the site that has text, such as its About page.`);
  }
  ctx.progress(0.8, `read ${pages.length} pages`);
  return buildProfile(homePage.url, pages, BLUEPRINTS);
}

export const researchStage: Stage<'research', { url: string }> = {
  id: 'research',
  inputSchema: z.object({ url: z.string() }),
  outputSchema: CompanyProfileSchema,
  input: (_earlier, job) => ({ url: job.url }),
  run: (input, ctx) => research(input.url, ctx),
  report: (p) => ({ output: { company: p.name, industry: p.industry.label, pages: p.pages.length, products: p.products.slice(0, 5) } }),
};
