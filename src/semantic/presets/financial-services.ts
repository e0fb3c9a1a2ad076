import type { SemanticOverlay } from './index.js';

/** Banking: approval and default rates of credit applications. */
export const financialServices: SemanticOverlay = {
  measures: [
    { table: 'loan_applications', timeDimension: 'application_date', name: 'approval_rate', label: 'approval rate', description: 'Percent of credit applications whose decision is Approved.', synonyms: ['approval percentage'], agg: 'avg', expr: "CASE WHEN decision = 'Approved' THEN 100.0 ELSE 0 END", format: 'percent', decimals: 1 },
  ],
  measureSynonyms: { current_balance: ['balances', 'balance'], charge_off_amount: ['charge offs', 'charge-offs', 'credit losses'], fraud_loss: ['fraud losses'], is_defaulted_rate: ['default rate'] },
};
