import type { SemanticOverlay } from './index.js';

/** Freight: revenue and margin of shipments, by delivery date. */
export const logistics: SemanticOverlay = {
  measures: [
    { table: 'shipments', timeDimension: 'actual_delivery_date', name: 'margin', label: 'margin', description: 'Revenue minus carrier cost.', synonyms: ['profit', 'gross margin'], agg: 'sum', expr: 'total_revenue - carrier_cost', format: 'currency', decimals: 2 },
  ],
  measureSynonyms: { total_revenue: ['revenue', 'freight revenue', 'sales'], on_time_delivery_rate: ['on-time delivery', 'on time rate', 'otd'], maintenance_cost_12m: ['maintenance cost', 'maintenance'] },
};
