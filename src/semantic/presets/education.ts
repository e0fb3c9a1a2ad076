import type { SemanticOverlay } from './index.js';

/** Higher education: admissions funnel rates and tuition. */
export const education: SemanticOverlay = {
  measureSynonyms: { admitted_rate: ['admit rate', 'acceptance rate'], net_tuition: ['net tuition', 'tuition revenue', 'revenue'], retained_second_year_rate: ['retention rate', 'second-year retention'] },
};
