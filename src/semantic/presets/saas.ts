import type { SemanticOverlay } from './index.js';

const active = { table: 'subscriptions', filters: ['subscriptions_not_canceled'], timeDimension: 'start_date' };

/** SaaS: recurring revenue of subscriptions that are not canceled. */
export const saas: SemanticOverlay = {
  measures: [
    { ...active, name: 'mrr', label: 'MRR', description: 'Monthly recurring revenue: sum of mrr over subscriptions that are not canceled.', synonyms: ['monthly recurring revenue', 'recurring revenue', 'revenue'], agg: 'sum', expr: 'mrr', format: 'currency', decimals: 2 },
    { ...active, name: 'arr', label: 'ARR', description: 'Annual recurring revenue: 12 x MRR.', synonyms: ['annual recurring revenue'], agg: 'sum', expr: '12 * mrr', format: 'currency', decimals: 2 },
  ],
  measureSynonyms: { is_churned_rate: ['churn rate', 'logo churn'], csat_score: ['csat', 'satisfaction', 'customer satisfaction'], amount: ['invoiced', 'billed', 'invoiced amount'] },
};
