import { z } from 'zod';

export const EvidenceSchema = z.object({
  /** What the quote supports, e.g. "industry" or "product: Trail tents". */
  claim: z.string(),
  url: z.string(),
  quote: z.string(),
});

/** Output of `research`: what we learned about the company, with evidence. */
export const CompanyProfileSchema = z.object({
  url: z.string(),
  name: z.string().min(1),
  summary: z.string(),
  industry: z.object({
    /** Taxonomy industry id (src/taxonomy), e.g. `retail`, `law_firm`, `general_business`. */
    id: z.string(),
    /** The taxonomy's label for it. */
    label: z.string(),
    naics: z.string(),
    /** 0..1, calibrated: at or above the research threshold the industry is right on our fixtures. */
    confidence: z.number().min(0).max(1),
    /** NAICS sector code of the industry ("31-33"). */
    sector: z.string().optional(),
    /** How it was reached: found; only its sector was clear; or neither (the general business). */
    basis: z.enum(['classified', 'sector', 'general']).optional(),
    /** The matches that decided it (phrases and where they appear, schema.org types). */
    evidence: z.array(EvidenceSchema).optional(),
    /** The strongest candidates with their evidence scores, best first (shown when research is unsure). */
    candidates: z.array(z.object({ id: z.string(), label: z.string(), score: z.number() })).optional(),
    /** The model's own words for the industry (llm strategy), beside the nearest taxonomy node. */
    openLabel: z.string().optional(),
  }),
  businessModel: z.string(),
  products: z.array(z.string()),
  customerSegments: z.array(z.string()),
  regions: z.array(z.string()),
  currency: z.string().length(3),
  kpis: z.array(z.string()),
  keyEntities: z.array(z.string()),
  evidence: z.array(EvidenceSchema),
  pages: z.array(z.object({ url: z.string(), title: z.string() })),
});
export type CompanyProfile = z.infer<typeof CompanyProfileSchema>;
