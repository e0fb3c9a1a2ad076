import { z } from 'zod';
import { GENERAL_INDUSTRY, INDUSTRIES, industryById } from '../../taxonomy/industries.js';
import type { CompanyProfile } from '../../domain/profile.js';
import type { StageContext } from '../../pipeline/context.js';
import { modelOf, UNTRUSTED_RULE, untrustedBlock } from '../llm-context.js';
import type { PageSignals } from './extract.js';
import { safeLabel, safeProse, stripControl } from './untrusted.js';

// The nearest taxonomy node: any industry, or the general business; never a closed list of presets.
const INDUSTRY_IDS: [string, ...string[]] = [GENERAL_INDUSTRY.id, ...INDUSTRIES.map((i) => i.id)];

/** What the model answers; the URL, page list and industry label are filled in by code. */
export const ResearchAnswerSchema = z.object({
  name: z.string().min(1).max(80),
  summary: z.string().min(1).max(400).describe('One or two sentences: what the company does and for whom.'),
  industry: z.object({
    label: z.string().min(2).max(80).describe('The industry in your own words, as specific as the site allows ("Artisan chocolatier", "Personal injury law firm").'),
    id: z.enum(INDUSTRY_IDS).describe('The nearest industry of the taxonomy; general_business when none fits.'),
    naics: z.string().regex(/^\d{2,6}$/),
    confidence: z.number().min(0).max(1).describe('How sure the pages make you: below 0.5 when they say little about what the company does.'),
  }),
  businessModel: z.string().max(200),
  products: z.array(z.string().max(60)).max(12).describe('Product lines or services, as the site names them.'),
  customerSegments: z.array(z.string().max(60)).max(8),
  regions: z.array(z.string().max(60)).max(8).describe('Where it sells or operates, most important first.'),
  currency: z.string().regex(/^[A-Z]{3}$/),
  kpis: z.array(z.string().max(60)).min(3).max(8).describe('The metrics its leadership would track.'),
  keyEntities: z.array(z.string().max(40)).max(10).describe('The business objects its data would hold (orders, patients, shipments...).'),
  evidence: z.array(z.object({ claim: z.string().max(80), url: z.string(), quote: z.string().max(300).describe('Copied verbatim from the page text.') })).max(12),
});
export type ResearchAnswer = z.infer<typeof ResearchAnswerSchema>;

const PAGE_CHARS = 5_000;
const TOTAL_CHARS = 24_000;

/** The pages as the model reads them: each one delimited as untrusted, within a budget. */
export function pagesForPrompt(pages: readonly PageSignals[]): string {
  let budget = TOTAL_CHARS;
  const parts: string[] = [];
  for (const page of pages) {
    if (budget <= 0) break;
    const body = [page.title && `Title: ${page.title}`, page.metaDescription && `Description: ${page.metaDescription}`, page.text].filter(Boolean).join('\n');
    const text = stripControl(body).slice(0, Math.min(PAGE_CHARS, budget));
    budget -= text.length;
    parts.push(untrustedBlock(page.url, text));
  }
  return parts.join('\n\n');
}

const normalize = (text: string): string => stripControl(text).toLowerCase().replace(/[“”"'’‘]/g, '').replace(/\s+/g, ' ').trim();

/** Evidence stands only when its quote is really on a crawled page; it then names that page. */
export function verifiedEvidence(evidence: ResearchAnswer['evidence'], pages: readonly PageSignals[]): CompanyProfile['evidence'] {
  const texts = pages.map((p) => ({ url: p.url, text: normalize([p.title, p.metaDescription ?? '', p.text].join(' ')) }));
  return evidence.flatMap((e) => {
    const quote = normalize(e.quote);
    if (quote.length < 8) return [];
    const page = texts.find((p) => p.url === e.url && p.text.includes(quote)) ?? texts.find((p) => p.text.includes(quote));
    return page ? [{ claim: safeProse(e.claim, 80) || 'claim', url: page.url, quote: safeProse(e.quote, 300) }] : [];
  });
}

function labels(values: readonly string[], fallback: readonly string[]): string[] {
  const kept = [...new Set(values.map((v) => safeLabel(v)).filter((v): v is string => v !== undefined))];
  return kept.length > 0 ? kept : [...fallback];
}

/**
 * The profile from the model's answer: every label passes the same untrusted-text rules as
 * the heuristic strategy's, evidence that is not on the pages is dropped, and what the model
 * left empty keeps the heuristic profile's value.
 */
export function assembleProfile(answer: ResearchAnswer, base: CompanyProfile, pages: readonly PageSignals[]): CompanyProfile {
  const industry = industryById(answer.industry.id);
  const openLabel = safeLabel(answer.industry.label, 80, 10);
  const industryEvidence = verifiedEvidence(answer.evidence.filter((e) => /industry/i.test(e.claim)), pages);
  return {
    url: base.url,
    name: safeLabel(answer.name, 80, 10) ?? base.name,
    summary: safeProse(answer.summary, 400) || base.summary,
    industry: industry
      ? {
          id: industry.id,
          // The taxonomy's label, so summaries and dashboards read alike; the model's words beside it.
          label: industry.label,
          naics: answer.industry.naics,
          confidence: answer.industry.confidence,
          sector: industry.sector,
          basis: industry.id === GENERAL_INDUSTRY.id ? 'general' : 'classified',
          evidence: industryEvidence.length > 0 ? industryEvidence : industry.id === base.industry.id ? (base.industry.evidence ?? []) : [],
          ...(base.industry.candidates ? { candidates: base.industry.candidates } : {}),
          ...(openLabel ? { openLabel } : {}),
        }
      : base.industry,
    businessModel: safeProse(answer.businessModel, 200) || base.businessModel,
    products: labels(answer.products, base.products),
    customerSegments: labels(answer.customerSegments, base.customerSegments),
    regions: labels(answer.regions, base.regions),
    currency: answer.currency,
    kpis: labels(answer.kpis, base.kpis),
    keyEntities: labels(answer.keyEntities, base.keyEntities),
    evidence: verifiedEvidence(answer.evidence, pages),
    pages: base.pages,
  };
}

const SYSTEM = [
  'You research a company from its website so that a pre-sales engineer can build a tailored analytics demo for it.',
  UNTRUSTED_RULE,
  'Name the industry in your own words, as specific as the pages allow, and pick the nearest industry of this taxonomy (general_business when none fits or the pages say too little):',
  [...INDUSTRIES, GENERAL_INDUSTRY].map((i) => `${i.id} (${i.label})`).join(', '),
  'Give a NAICS code that fits the company itself, and a confidence that is low when the pages say little about what it does.',
  'Use the names the site uses for products, customer segments and regions. Leave a list empty rather than invent.',
  'For each important claim (name, industry, products, segments, regions, currency) give evidence: the page URL and a short quote copied exactly from that page.',
].join('\n');

/** Asks the model for the profile of the crawled pages. */
export async function askForProfile(ctx: StageContext, base: CompanyProfile, pages: readonly PageSignals[]): Promise<CompanyProfile> {
  const llm = modelOf(ctx, 'research');
  const { value } = await llm.generate({
    stage: 'research',
    system: [{ text: SYSTEM }],
    user: `Profile the company at ${base.url} from these pages.\n\n${pagesForPrompt(pages)}`,
    schema: ResearchAnswerSchema,
    name: 'company_profile',
    description: 'The company profile with evidence quotes.',
    maxTokens: 2_000,
    signal: ctx.signal,
  });
  return assembleProfile(value, base, pages);
}
