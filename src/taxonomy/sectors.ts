import type { Sector } from './types.js';

/**
 * Every NAICS 2022 sector. `generalIndustry` is the industry research falls back to when it can
 * tell the sector but not the industry; `fallbackPreset` is the curated demo an industry of the
 * sector borrows until composition builds its own (the nearest way of doing business).
 */
export const SECTORS: readonly Sector[] = [
  { code: '11', label: 'Agriculture, forestry, fishing & hunting', generalIndustry: 'farm', fallbackPreset: 'manufacturing' },
  { code: '21', label: 'Mining, quarrying, and oil & gas extraction', generalIndustry: 'oil_gas', fallbackPreset: 'manufacturing' },
  { code: '22', label: 'Utilities', generalIndustry: 'utility', fallbackPreset: 'saas' },
  { code: '23', label: 'Construction', generalIndustry: 'construction', fallbackPreset: 'manufacturing' },
  { code: '31-33', label: 'Manufacturing', generalIndustry: 'industrial_manufacturing', fallbackPreset: 'manufacturing' },
  { code: '42', label: 'Wholesale trade', generalIndustry: 'wholesale', fallbackPreset: 'logistics' },
  { code: '44-45', label: 'Retail trade', generalIndustry: 'retail', fallbackPreset: 'retail' },
  { code: '48-49', label: 'Transportation & warehousing', generalIndustry: 'logistics', fallbackPreset: 'logistics' },
  { code: '51', label: 'Information', generalIndustry: 'media_publishing', fallbackPreset: 'saas' },
  { code: '52', label: 'Finance & insurance', generalIndustry: 'financial_services', fallbackPreset: 'financial_services' },
  { code: '53', label: 'Real estate, rental & leasing', generalIndustry: 'real_estate', fallbackPreset: 'financial_services' },
  { code: '54', label: 'Professional, scientific & technical services', generalIndustry: 'consulting', fallbackPreset: 'saas' },
  { code: '55', label: 'Management of companies & enterprises', generalIndustry: 'holding_company', fallbackPreset: 'saas' },
  { code: '56', label: 'Administrative, support & waste management services', generalIndustry: 'business_services', fallbackPreset: 'logistics' },
  { code: '61', label: 'Educational services', generalIndustry: 'education', fallbackPreset: 'education' },
  { code: '62', label: 'Health care & social assistance', generalIndustry: 'healthcare', fallbackPreset: 'healthcare' },
  { code: '71', label: 'Arts, entertainment & recreation', generalIndustry: 'live_events', fallbackPreset: 'hospitality' },
  { code: '72', label: 'Accommodation & food services', generalIndustry: 'hospitality', fallbackPreset: 'hospitality' },
  { code: '81', label: 'Other services (except public administration)', generalIndustry: 'nonprofit', fallbackPreset: 'saas' },
  { code: '92', label: 'Public administration', generalIndustry: 'government', fallbackPreset: 'saas' },
];

/**
 * Not a NAICS sector but NAICS's own "nonclassifiable establishments" (99): where the general
 * business sits when research cannot tell the sector either.
 */
export const UNCLASSIFIED_SECTOR: Sector = { code: '99', label: 'Unclassified', generalIndustry: 'general_business', fallbackPreset: 'retail' };

export function sectorById(code: string): Sector | undefined {
  return SECTORS.find((s) => s.code === code) ?? (code === UNCLASSIFIED_SECTOR.code ? UNCLASSIFIED_SECTOR : undefined);
}
