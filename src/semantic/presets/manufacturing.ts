import type { SemanticOverlay } from './index.js';

const orders = { table: 'distributor_orders', timeDimension: 'order_date' };

/** Precision parts: order value and margin of distributor orders, yield and scrap of work orders. */
export const manufacturing: SemanticOverlay = {
  measures: [
    { ...orders, name: 'order_value', label: 'order value', description: 'Sum of line_amount on distributor order lines, by order date.', synonyms: ['revenue', 'sales', 'bookings', 'line amount'], agg: 'sum', expr: 'line_amount', format: 'currency', decimals: 2 },
    { ...orders, name: 'gross_margin', label: 'gross margin', description: 'Order value minus the standard cost of the parts (line_amount - line_cost).', synonyms: ['margin', 'gross profit'], agg: 'sum', expr: 'line_amount - line_cost', format: 'currency', decimals: 2 },
  ],
  measureSynonyms: { qty_scrapped: ['scrapped parts', 'scrap'], qty_good: ['good parts'], duration_hours: ['downtime hours', 'downtime'], po_amount: ['po spend', 'purchase spend'] },
};
