import type { SemanticOverlay } from './index.js';

const sales = { table: 'order_items', filters: ['orders_not_cancelled'], timeDimension: 'order_date' };

/** Retail: revenue, margin and order value over orders that were not cancelled. */
export const retail: SemanticOverlay = {
  measures: [
    { ...sales, name: 'revenue', label: 'revenue', description: 'Sum of line_total on orders that were not cancelled.', synonyms: ['sales', 'turnover', 'takings', 'sell', 'sold', 'line total'], agg: 'sum', expr: 'line_total', format: 'currency', decimals: 2 },
    { ...sales, name: 'gross_margin', label: 'gross margin', description: 'Revenue minus cost of goods (line_total - line_cost).', synonyms: ['margin', 'gross profit', 'profit'], agg: 'sum', expr: 'line_total - line_cost', format: 'currency', decimals: 2 },
    { table: 'orders', filters: ['orders_not_cancelled'], timeDimension: 'order_date', name: 'valid_orders', label: 'orders (not cancelled)', description: 'Orders that were not cancelled.', synonyms: [], agg: 'count', expr: '*', format: 'number' },
    { ...sales, name: 'average_order_value', label: 'average order value', description: 'Revenue divided by the number of non-cancelled orders.', synonyms: ['aov', 'basket size', 'order value', 'average basket'], agg: 'ratio', expr: '', numerator: 'revenue', denominator: 'valid_orders', format: 'currency', decimals: 2 },
  ],
  measureSynonyms: { is_returned_rate: ['return rate', 'returns rate', 'rate of returns'], quantity: ['units sold', 'items sold'] },
};
