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
    /** Blueprint id, e.g. `retail`. */
    id: z.string(),
    label: z.string(),
    naics: z.string(),
    confidence: z.number().min(0).max(1),
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
