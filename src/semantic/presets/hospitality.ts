import type { SemanticOverlay } from './index.js';

const sales = { table: 'check_lines', timeDimension: 'check_date' };

/** Restaurants: net sales, food cost and the average check. */
export const hospitality: SemanticOverlay = {
  measures: [
    { ...sales, name: 'net_sales', label: 'net sales', description: 'Sum of check line totals (quantity x menu price), before tips and platform commissions.', synonyms: ['sales', 'revenue', 'takings', 'sell', 'sold'], agg: 'sum', expr: 'line_total', format: 'currency', decimals: 2 },
    { table: 'checks', timeDimension: 'check_date', name: 'check_count', label: 'checks', description: 'Checks served.', synonyms: [], agg: 'count', expr: '*', format: 'number' },
    { ...sales, name: 'average_check', label: 'average check', description: 'Net sales divided by the number of checks.', synonyms: ['average check size', 'average spend per check'], agg: 'ratio', expr: '', numerator: 'net_sales', denominator: 'check_count', format: 'currency', decimals: 2 },
  ],
  measureSynonyms: { tip_amount: ['tip', 'tips'], labour_cost: ['labor cost', 'labour'] },
};
