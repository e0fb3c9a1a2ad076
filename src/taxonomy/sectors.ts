import type { Sector } from './types.js';

/**
 * Every NAICS 2022 sector. `generalIndustry` is the industry research falls back to when it can
 * tell the sector but not the industry.
 */
export const SECTORS: readonly Sector[] = [
  { code: '11', label: 'Agriculture, forestry, fishing & hunting', generalIndustry: 'farm' },
  { code: '21', label: 'Mining, quarrying, and oil & gas extraction', generalIndustry: 'oil_gas' },
  { code: '22', label: 'Utilities', generalIndustry: 'utility' },
  { code: '23', label: 'Construction', generalIndustry: 'construction' },
  { code: '31-33', label: 'Manufacturing', generalIndustry: 'industrial_manufacturing' },
  { code: '42', label: 'Wholesale trade', generalIndustry: 'wholesale' },
  { code: '44-45', label: 'Retail trade', generalIndustry: 'retail' },
  { code: '48-49', label: 'Transportation & warehousing', generalIndustry: 'logistics' },
  { code: '51', label: 'Information', generalIndustry: 'media_publishing' },
  { code: '52', label: 'Finance & insurance', generalIndustry: 'financial_services' },
  { code: '53', label: 'Real estate, rental & leasing', generalIndustry: 'real_estate' },
  { code: '54', label: 'Professional, scientific & technical services', generalIndustry: 'consulting' },
  { code: '55', label: 'Management of companies & enterprises', generalIndustry: 'holding_company' },
  { code: '56', label: 'Administrative, support & waste management services', generalIndustry: 'business_services' },
  { code: '61', label: 'Educational services', generalIndustry: 'education' },
  { code: '62', label: 'Health care & social assistance', generalIndustry: 'healthcare' },
  { code: '71', label: 'Arts, entertainment & recreation', generalIndustry: 'live_events' },
  { code: '72', label: 'Accommodation & food services', generalIndustry: 'hospitality' },
  { code: '81', label: 'Other services (except public administration)', generalIndustry: 'nonprofit' },
  { code: '92', label: 'Public administration', generalIndustry: 'government' },
];

/**
 * Not a NAICS sector but NAICS's own "nonclassifiable establishments" (99): where the general
 * business sits when research cannot tell the sector either.
 */
export const UNCLASSIFIED_SECTOR: Sector = { code: '99', label: 'Unclassified', generalIndustry: 'general_business' };

export function sectorById(code: string): Sector | undefined {
  return SECTORS.find((s) => s.code === code) ?? (code === UNCLASSIFIED_SECTOR.code ? UNCLASSIFIED_SECTOR : undefined);
}
