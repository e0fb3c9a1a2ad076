import type { SemanticOverlay } from './index.js';

/** Healthcare: access and revenue-cycle rates. */
export const healthcare: SemanticOverlay = {
  measures: [
    { table: 'appointments', timeDimension: 'appointment_date', name: 'no_show_rate', label: 'no-show rate', description: "Percent of scheduled appointments with appointment_status = 'No-show'.", synonyms: ['no show rate', 'dna rate'], agg: 'avg', expr: "CASE WHEN appointment_status = 'No-show' THEN 100.0 ELSE 0 END", format: 'percent', decimals: 1 },
  ],
  measureSynonyms: { billed_amount: ['gross charges', 'charges', 'billed'], readmitted_within_30_days_rate: ['readmission rate', '30-day readmission rate'] },
};
