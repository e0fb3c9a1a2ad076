import type { CompanyProfile } from '../../src/domain/profile.js';
import { industryById } from '../../src/taxonomy/industries.js';

/** A company as research would describe it: its own offerings, segments and places. */
export function companyProfile(industryId: string, name: string, own: { products: string[]; segments: string[]; regions: string[] }): CompanyProfile {
  const industry = industryById(industryId);
  if (!industry) throw new Error(`no industry ${industryId}`);
  return {
    url: 'http://127.0.0.1/',
    name,
    summary: `${name} is a ${industry.label.toLowerCase()} business.`,
    industry: { id: industry.id, label: industry.label, naics: industry.naics, confidence: 0.9 },
    businessModel: industry.businessModel,
    products: own.products,
    customerSegments: own.segments,
    regions: own.regions,
    currency: 'USD',
    kpis: [...industry.kpis],
    keyEntities: [],
    evidence: [],
    pages: [],
  };
}

