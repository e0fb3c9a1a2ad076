import type { Blueprint } from './blueprint.js';
import { by } from './effects.js';
import { preset } from './preset.js';

/** New accounts peak in January and in tax-refund season. */
const OPENINGS_YEARLY = [1.75, 1.0, 1.45, 1.45, 0.95, 0.85, 0.85, 0.9, 0.95, 0.9, 0.85, 0.8];
/** Card spending peaks on Fridays and Saturdays. */
const SPENDING_WEEKLY = [0.9, 0.92, 0.95, 1.0, 1.2, 1.25, 0.8];
/** Loan demand rises in spring and summer (cars, homes). */
const LENDING_YEARLY = [0.8, 0.85, 1.05, 1.15, 1.2, 1.2, 1.1, 1.05, 0.95, 0.9, 0.85, 0.8];

/** Retail banking and fintech: customers, deposit and credit accounts, transactions, fraud alerts, lending. */
export const financialServices: Blueprint = preset({
  // Regions, products, customers, accounts and transactions are the locations, offerings, customers and usage modules'
  // tables in banking's words (the usage module's metered units and records: accounts and their transactions);
  // branches, fraud alerts and loan applications are its own.
  words: { place: { singular: 'region', plural: 'regions' }, offering: { singular: 'product', plural: 'products' }, extra: { unit: { singular: 'account', plural: 'accounts' } } },
  id: 'financial_services',
  label: 'Financial services & banking',
  naics: '522110',
  businessModel: 'Retail bank / fintech: takes deposits and lends to consumers and small businesses, earning the spread plus card and account fees',
  defaults: {
    products: ['Checking', 'Savings', 'Credit Card', 'Personal Loan', 'Auto Loan', 'Mortgage', 'Certificate of Deposit'],
    customerSegments: ['Private Banking', 'Mass Affluent', 'Small Business', 'Mass Market'],
    regions: ['Metro Area', 'Northern Region', 'Southern Region', 'Eastern Region', 'Western Region'],
    kpis: ['Total deposits', 'Loans outstanding', 'Approval rate', 'Default rate', 'Charge-off rate', 'Fraud losses', 'False positive rate', 'Account closure rate'],
    keyEntities: ['Customer', 'Account', 'Product', 'Branch', 'Transaction', 'Fraud alert', 'Loan application'],
  },
  persona: {
    name: 'Marcus Bell',
    role: 'Chief Consumer Banking Officer',
    goals: [
      'Grow core deposits and deepen customer relationships',
      'Keep credit losses inside the risk appetite',
      'Cut fraud losses without blocking good customers',
      'Move customers to digital banking to lower attrition',
    ],
  },
  tables: [
    {
      module: 'locations',
      description: 'Market regions where {company} operates branches.',
      synonyms: ['markets', 'territories', 'footprint'],
      columns: [
        'region_id',
        { from: 'region_name', description: 'Name of the market region.', synonyms: ['region', 'market'], fromProfile: 'regions' },
        {
          name: 'households_k', type: 'INT64', description: 'Households in the region, thousands (market size).', synonyms: ['market size', 'population'],
          generator: { kind: 'number', dist: 'uniform', min: 180, max: 260, decimals: 0, effects: [{ when: { ref: 'region_name', in: ['Metro Area'] }, factor: 4 }] },
        },
      ],
    },
    {
      name: 'branches',
      description: 'Branches of {company}.',
      grain: 'one row per branch',
      rowCount: 40,
      scales: false,
      primaryKey: 'branch_id',
      synonyms: ['locations', 'offices', 'banking centers'],
      columns: [
        { name: 'branch_id', type: 'INT64', description: 'Branch identifier.', generator: { kind: 'sequence', start: 101 } },
        { name: 'region_id', type: 'INT64', description: 'Region of the branch.', generator: { kind: 'foreignKey', table: 'regions', column: 'region_id', weightBy: 'households_k' } },
        { name: 'city', type: 'STRING', description: 'City of the branch.', generator: { kind: 'fake', what: 'city' } },
        { name: 'branch_name', type: 'STRING', description: 'Name of the branch.', synonyms: ['branch', 'location'], generator: { kind: 'template', template: '{city} #{branch_id}' } },
        { name: 'branch_type', type: 'STRING', description: 'Format of the branch.', synonyms: ['format'], generator: { kind: 'category', values: ['Full-service', 'Express', 'In-store'], weights: [0.6, 0.25, 0.15] } },
        {
          name: 'staff_count', type: 'INT64', description: 'Bankers and tellers working at the branch.', synonyms: ['headcount', 'FTEs'],
          generator: {
            kind: 'number', dist: 'uniform', min: 6, max: 12, decimals: 0,
            effects: [{ when: { ref: 'branch_type', in: ['Full-service'] }, factor: 1.6 }, { when: { ref: 'region_id.region_name', in: ['Metro Area'] }, factor: 1.3 }],
          },
        },
      ],
    },
    {
      module: 'offerings',
      description: 'Deposit, card and lending products {company} offers, with their rates.',
      synonyms: ['product lines', 'offerings', 'account types'],
      columns: [
        'product_id',
        { from: 'product_name', description: 'Name of the product.', synonyms: ['product', 'account type'], fromProfile: 'products' },
        { name: 'product_family', type: 'STRING', description: 'Deposit (money customers keep with us), Card (revolving credit) or Lending (installment loans).', synonyms: ['family', 'line of business', 'asset or liability'], generator: { kind: 'list', values: ['Deposit', 'Deposit', 'Card', 'Lending', 'Lending', 'Lending', 'Deposit'] } },
        {
          name: 'rate_pct', type: 'FLOAT64', description: 'Headline rate: APY paid on deposit products, APR charged on card and lending products, percent.', synonyms: ['interest rate', 'APY', 'APR'],
          generator: { kind: 'number', dist: 'uniform', min: 1, max: 1, decimals: 2, effects: by('product_name', 'factor', { Checking: 0.05, Savings: 3.8, 'Credit Card': 23.9, 'Personal Loan': 12.5, 'Auto Loan': 7.4, Mortgage: 6.6, 'Certificate of Deposit': 4.2 }) },
        },
        { name: 'monthly_fee', type: 'NUMERIC', description: 'Monthly maintenance fee (waivable).', synonyms: ['fee', 'maintenance fee'], generator: { kind: 'list', values: ['12', '5', '0', '0', '0', '0', '0'] } },
        {
          name: 'target_account_mix_pct', type: 'FLOAT64', description: 'Planned share of new accounts for the product, percent.', synonyms: ['account mix'],
          generator: { kind: 'number', dist: 'uniform', min: 5, max: 5, decimals: 1, effects: by('product_name', 'factor', { Checking: 7.6, Savings: 4.4, 'Credit Card': 3.6, 'Auto Loan': 1.2, 'Certificate of Deposit': 1.2 }) },
        },
        {
          name: 'target_origination_mix_pct', type: 'FLOAT64', description: 'Planned share of credit applications for the product, percent (0 for deposit products).', synonyms: ['origination mix'],
          generator: {
            kind: 'number', dist: 'uniform', min: 10, max: 10, decimals: 1,
            effects: [{ when: { ref: 'product_family', in: ['Deposit'] }, factor: 0.0000001 }, ...by('product_name', 'factor', { 'Credit Card': 4, 'Personal Loan': 2.5, 'Auto Loan': 2, Mortgage: 1.5 })],
          },
        },
        {
          name: 'loss_given_default_pct', type: 'FLOAT64', description: 'Share of a defaulted balance that is lost after recoveries and collateral, percent (0 for deposit products).', synonyms: ['LGD', 'loss severity'],
          generator: {
            kind: 'number', dist: 'uniform', min: 50, max: 50, decimals: 1,
            effects: [{ when: { ref: 'product_family', in: ['Deposit'] }, factor: 0.0000001 }, ...by('product_name', 'factor', { 'Credit Card': 1.7, 'Personal Loan': 1.6, 'Auto Loan': 0.7, Mortgage: 0.3 })],
          },
        },
      ],
    },
    {
      module: 'customers',
      description: 'Individuals and small businesses who bank with {company}.',
      rowCount: 6000,
      synonyms: ['clients', 'members', 'account holders', 'households'],
      columns: [
        { from: 'customer_id', generator: { kind: 'sequence', start: 1000001 } },
        { from: 'customer_name', name: 'full_name', description: 'Customer name (synthetic).', synonyms: [], generator: { kind: 'fake', what: 'person' } },
        {
          from: 'segment', description: 'Customer segment by wealth and relationship type.', synonyms: ['customer segment', 'tier', 'relationship tier'], fromProfile: 'customerSegments',
          generator: { kind: 'category', values: ['Private Banking', 'Mass Affluent', 'Small Business', 'Mass Market'], weights: [0.04, 0.18, 0.12, 0.66] },
        },
        // The module's home place, at the branch level of the bank's network.
        { from: 'region_id', name: 'home_branch_id', description: 'Branch the customer is assigned to.', synonyms: ['branch', 'home branch'], generator: { kind: 'foreignKey', table: 'branches', column: 'branch_id', weightBy: 'staff_count' } },
        {
          name: 'age', type: 'INT64', description: 'Age of the customer (of the owner for small businesses), years.',
          generator: { kind: 'number', dist: 'normal', mean: 43, sd: 15, min: 18, max: 92, decimals: 0, effects: [{ when: { ref: 'segment', in: ['Private Banking'] }, add: 12 }] },
        },
        {
          name: 'annual_income', type: 'NUMERIC', description: 'Stated annual income (revenue for small businesses).', synonyms: ['income', 'salary'],
          generator: { kind: 'number', dist: 'lognormal', mean: 62000, sd: 38000, min: 8000, max: 20000000, decimals: 0, effects: by('segment', 'factor', { 'Private Banking': 6, 'Mass Affluent': 2.2, 'Small Business': 4 }) },
        },
        {
          name: 'risk_tier', type: 'STRING', description: 'Credit risk tier from the bureau score at the last review.', synonyms: ['credit tier', 'risk grade', 'credit band'],
          generator: {
            kind: 'category', values: ['Prime', 'Near-prime', 'Subprime'], weights: [0.55, 0.28, 0.17],
            effects: by('segment', 'weights', { 'Private Banking': [0.95, 0.05, 0], 'Mass Affluent': [0.8, 0.17, 0.03], 'Small Business': [0.6, 0.3, 0.1] }),
          },
        },
        {
          name: 'credit_score', type: 'INT64', description: 'Bureau credit score (300-850) at the last review.', synonyms: ['FICO', 'credit rating', 'bureau score'],
          generator: { kind: 'number', dist: 'normal', mean: 745, sd: 30, min: 680, max: 850, decimals: 0, effects: by('risk_tier', 'add', { 'Near-prime': -85, Subprime: -165 }) },
        },
        {
          name: 'is_digital_active', type: 'BOOL', description: 'Whether the customer logged in to online or mobile banking in the last 90 days.', synonyms: ['digital', 'mobile user', 'online banking user'],
          generator: { kind: 'boolean', p: 0.62, effects: by('segment', 'p', { 'Private Banking': 0.45, 'Small Business': 0.7 }) },
        },
        { name: 'acquisition_channel', type: 'STRING', description: 'How the customer first came to the bank.', synonyms: ['source', 'onboarding channel'], generator: { kind: 'category', values: ['Branch', 'Online', 'Mobile app', 'Referral', 'Employer program'], weights: [0.38, 0.22, 0.2, 0.12, 0.08] } },
        { from: 'joined_date', name: 'customer_since', description: 'Day the customer relationship began.', synonyms: ['onboarding date', 'join date', 'tenure start'], generator: { kind: 'date', from: -5000, to: -1, growth: 0.05 } },
      ],
    },
    {
      // The usage module's metered units and their records: a bank's accounts and their transactions.
      module: 'usage',
      description: 'Deposit, card and loan accounts held by customers, with balances and status.',
      rowCount: 10000,
      scaling: 'linear',
      synonyms: ['deposit accounts', 'loans', 'cards', 'relationships', 'book'],
      columns: [
        { from: 'account_id', generator: { kind: 'sequence', start: 40000001 } },
        { from: 'customer_id', description: 'Customer who owns the account.', generator: { kind: 'foreignKey', table: 'customers', column: 'customer_id', distribution: 'zipf', skew: 0.3 } },
        { from: 'segment', name: 'customer_segment', description: 'Segment of the owner (copied from customers.segment).', synonyms: ['segment'] },
        { from: 'product_id', description: 'Product of the account.', synonyms: [], generator: { kind: 'foreignKey', table: 'products', column: 'product_id', weightBy: 'target_account_mix_pct' } },
        { name: 'product_family', type: 'STRING', description: 'Deposit, Card or Lending (copied from products.product_family).', synonyms: ['family'], generator: { kind: 'copy', ref: 'product_id.product_family' } },
        {
          from: 'activated_date', name: 'opened_date', description: 'Day the account was opened.', synonyms: ['open date', 'origination date'],
          generator: { kind: 'date', from: -1825, to: -1, yearly: OPENINGS_YEARLY, growth: -0.25, notBefore: 'customer_id.customer_since' },
        },
        {
          name: 'opened_channel', type: 'STRING', description: 'Channel the account was opened through.', synonyms: ['channel', 'origination channel'],
          generator: { kind: 'category', values: ['Branch', 'Online', 'Mobile app', 'Call center'], weights: [0.6, 0.15, 0.1, 0.15], effects: by('customer_id.is_digital_active', 'weights', { true: [0.25, 0.3, 0.4, 0.05] }) },
        },
        { from: 'unit_rate', name: 'interest_rate_pct', type: 'FLOAT64', description: 'Rate on the account: APY for deposits, APR for cards and loans, percent.', synonyms: ['rate', 'APY', 'APR'], generator: { kind: 'copy', ref: 'product_id.rate_pct' } },
        {
          name: 'is_closed', type: 'BOOL', description: 'Whether the customer has closed the account (paid-off loans stay open until maturity).', synonyms: ['closed', 'attrited'],
          generator: { kind: 'boolean', p: 0.1, effects: by('customer_id.is_digital_active', 'p', { true: 0.06, false: 0.21 }) },
        },
        { name: 'status', type: 'STRING', description: 'Open or Closed.', synonyms: ['account status'], generator: { kind: 'category', values: ['Open', 'Closed'], weights: [1, 0], effects: [{ when: { ref: 'is_closed', in: ['true'] }, weights: [0, 1] }] } },
        {
          name: 'current_balance', type: 'NUMERIC', description: 'Current ledger balance: money on deposit for deposit accounts, amount owed for cards and loans; 0 once closed.', synonyms: ['balance', 'outstanding', 'deposits', 'principal outstanding'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 5200, sd: 8500, min: 0, max: 50000000, decimals: 2,
            effects: [
              ...by('product_id', 'factor', { 1: 2.5, 2: 4.5, 3: 0.55, 4: 2, 5: 4, 6: 26, 7: 10 }),
              ...by('customer_segment', 'factor', { 'Private Banking': 9, 'Mass Affluent': 3, 'Small Business': 1.5 }),
              { when: { ref: 'is_closed', in: ['true'] }, factor: 0.0000000001 },
            ],
          },
        },
        {
          name: 'avg_monthly_transactions', type: 'FLOAT64', description: 'Average customer transactions per month over the last 90 days (0 once closed).', synonyms: ['activity', 'transaction frequency'],
          generator: {
            kind: 'number', dist: 'uniform', min: 18, max: 40, decimals: 1,
            effects: [
              ...by('product_id', 'factor', [['2', 0.12], ['3', 0.75], [['4', '5', '6'], 0.04], ['7', 0.01]]),
              { when: { ref: 'is_closed', in: ['true'] }, factor: 0.0000000001 },
            ],
          },
        },
        { name: 'last_changed_date', type: 'DATE', description: 'Day the account record last changed (limit, rate or ownership change, or closure).', synonyms: ['updated date', 'last modified'], generator: { kind: 'date', from: -1825, to: 0, notBefore: 'opened_date' } },
        { name: 'closed_date', type: 'DATE', description: 'Day the account was closed; NULL while open.', synonyms: ['close date', 'attrition date'], generator: { kind: 'derived', expr: 'last_changed_date / is_closed' } },
      ],
    },
    {
      module: 'usage',
      part: 1,
      description: 'Customer transactions on open accounts over the last 120 days: card payments, transfers, ATM, ACH, wires and deposits.',
      rowCount: 45000,
      synonyms: ['payments', 'activity', 'postings', 'card swipes'],
      columns: [
        { from: 'transaction_id', generator: { kind: 'sequence', start: 900000001 } },
        { from: 'account_id', description: 'Account the transaction posted to.', generator: { kind: 'foreignKey', table: 'accounts', column: 'account_id', weightBy: 'avg_monthly_transactions' } },
        { name: 'customer_id', type: 'INT64', description: 'Owner of the account (joins to customers.customer_id).', generator: { kind: 'copy', ref: 'account_id.customer_id' } },
        {
          name: 'channel', type: 'STRING', description: 'How the transaction was made.', synonyms: ['transaction channel', 'payment channel', 'rail'],
          generator: {
            kind: 'category', values: ['Card - in store', 'Card - online', 'ACH', 'ATM', 'P2P transfer', 'Internal transfer', 'Mobile check deposit', 'Branch teller', 'Wire'],
            weights: [0.3, 0.17, 0.19, 0.08, 0.1, 0.05, 0.05, 0.04, 0.02],
            effects: by('account_id.product_id', 'weights', [[['2', '7'], [0, 0, 0.35, 0.05, 0, 0.5, 0.05, 0.05, 0]], ['3', [0.6, 0.4, 0, 0, 0, 0, 0, 0, 0]], [['4', '5', '6'], [0, 0, 0.85, 0, 0, 0.1, 0, 0.05, 0]]]),
          },
        },
        {
          name: 'merchant_category', type: 'STRING', description: 'Merchant category of card transactions; "Non-merchant" for transfers, ATM, ACH and deposits.', synonyms: ['MCC', 'merchant type', 'spend category'],
          generator: {
            kind: 'category', values: ['Groceries', 'Restaurants', 'Fuel', 'Online retail', 'Travel', 'Electronics', 'Utilities & bills', 'Non-merchant'],
            weights: [0.24, 0.2, 0.12, 0.18, 0.07, 0.06, 0.13, 0],
            effects: [{ when: { ref: 'channel', in: ['ACH', 'ATM', 'P2P transfer', 'Internal transfer', 'Mobile check deposit', 'Branch teller', 'Wire'] }, weights: [0, 0, 0, 0, 0, 0, 0, 1] }],
          },
        },
        {
          name: 'direction', type: 'STRING', description: 'Debit (money out) or Credit (money in).', synonyms: ['debit or credit'],
          generator: { kind: 'category', values: ['Debit', 'Credit'], weights: [0.8, 0.2], effects: [{ when: { ref: 'channel', in: ['Mobile check deposit'] }, weights: [0, 1] }, { when: { ref: 'channel', in: ['ACH', 'Internal transfer', 'Branch teller', 'Wire'] }, weights: [0.55, 0.45] }] },
        },
        {
          from: 'charge', name: 'amount', description: 'Transaction amount in the account currency.', synonyms: ['value', 'transaction amount'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 70, sd: 90, min: 0.5, max: 2000000, decimals: 2,
            effects: [
              ...by('channel', 'factor', [['Wire', 60], [['ACH', 'Internal transfer', 'Mobile check deposit'], 7], ['Branch teller', 6], [['ATM', 'P2P transfer'], 1.6]]),
              { when: { ref: 'merchant_category', in: ['Travel', 'Electronics'] }, factor: 4 },
            ],
          },
        },
        { from: 'usage_date', name: 'transaction_ts', type: 'TIMESTAMP', description: 'When the transaction was authorised.', synonyms: ['transaction time', 'posted at', 'date'], generator: { kind: 'timestamp', from: -119, to: 0, weekly: SPENDING_WEEKLY, growth: 0.15, notBefore: 'account_id.opened_date' } },
        {
          name: 'fraud_risk_score', type: 'FLOAT64', description: 'Real-time fraud model score, 0-100 (higher is riskier).', synonyms: ['risk score', 'fraud score'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 4, sd: 4, min: 0.1, max: 100, decimals: 1,
            effects: [{ when: { ref: 'channel', in: ['Card - online'] }, factor: 6 }, { when: { ref: 'channel', in: ['P2P transfer', 'Wire'] }, factor: 3 }, { when: { ref: 'merchant_category', in: ['Electronics', 'Travel'] }, factor: 1.8 }],
          },
        },
      ],
    },
    {
      name: 'fraud_alerts',
      description: 'Alerts raised by the fraud rules on transactions, with the analyst\'s disposition and any loss.',
      grain: 'one row per alert (one transaction can trigger several rules)',
      rowCount: 1500,
      primaryKey: 'alert_id',
      synonyms: ['fraud cases', 'alerts', 'fraud flags', 'suspicious activity'],
      columns: [
        { name: 'alert_id', type: 'INT64', description: 'Alert identifier.', generator: { kind: 'sequence', start: 5001 } },
        { name: 'transaction_id', type: 'INT64', description: 'Transaction that triggered the alert.', generator: { kind: 'foreignKey', table: 'transactions', column: 'transaction_id', weightBy: 'fraud_risk_score' } },
        { name: 'account_id', type: 'INT64', description: 'Account of the transaction (joins to accounts.account_id).', generator: { kind: 'copy', ref: 'transaction_id.account_id' } },
        { name: 'alert_ts', type: 'TIMESTAMP', description: 'When the alert was raised.', synonyms: ['alert time', 'date'], generator: { kind: 'timestamp', after: { ref: 'transaction_id.transaction_ts', minDays: 0, maxDays: 0.02 } } },
        {
          name: 'rule_triggered', type: 'STRING', description: 'Fraud rule that raised the alert.', synonyms: ['rule', 'alert type', 'detection rule'],
          generator: {
            kind: 'category', values: ['Card testing', 'New device', 'Geo mismatch', 'Velocity', 'High amount', 'Mule pattern'],
            weights: [0.05, 0.1, 0.2, 0.3, 0.25, 0.1],
            effects: by('transaction_id.channel', 'weights', [['Card - online', [0.3, 0.28, 0.12, 0.2, 0.1, 0]], ['Card - in store', [0, 0, 0.35, 0.4, 0.25, 0]], [['P2P transfer', 'Wire'], [0, 0.2, 0.05, 0.2, 0.25, 0.3]]]),
          },
        },
        {
          name: 'is_confirmed_fraud', type: 'BOOL', description: 'Whether the analyst confirmed fraud (false = false positive).', synonyms: ['confirmed', 'true positive', 'fraud'],
          generator: { kind: 'boolean', p: 0.15, effects: by('rule_triggered', 'p', [['Card testing', 0.62], [['New device', 'Mule pattern'], 0.4], ['Geo mismatch', 0.18], [['Velocity', 'High amount'], 0.06]]) },
        },
        { name: 'disposition', type: 'STRING', description: 'Outcome of the analyst review.', synonyms: ['outcome', 'resolution'], generator: { kind: 'category', values: ['False positive', 'Confirmed fraud'], weights: [1, 0], effects: [{ when: { ref: 'is_confirmed_fraud', in: ['true'] }, weights: [0, 1] }] } },
        {
          name: 'resolution_hours', type: 'FLOAT64', description: 'Hours from alert to analyst decision.', synonyms: ['time to resolve', 'handling time'],
          generator: { kind: 'number', dist: 'lognormal', mean: 6, sd: 6, min: 0.1, max: 240, decimals: 1, effects: [{ when: { ref: 'rule_triggered', in: ['Velocity', 'High amount'] }, factor: 1.8 }, { when: { ref: 'rule_triggered', in: ['Mule pattern'] }, factor: 3 }] },
        },
        { name: 'fraud_loss', type: 'NUMERIC', description: 'Amount lost to confirmed fraud (0 for false positives).', synonyms: ['loss', 'fraud losses', 'write-off'], generator: { kind: 'derived', expr: 'transaction_id.amount * is_confirmed_fraud', decimals: 2 } },
      ],
    },
    {
      name: 'loan_applications',
      description: 'Credit applications (cards and loans) with the decision and, for booked loans, whether they defaulted.',
      grain: 'one row per credit application',
      rowCount: 5000,
      primaryKey: 'application_id',
      synonyms: ['credit applications', 'originations', 'loan pipeline', 'underwriting'],
      columns: [
        { name: 'application_id', type: 'INT64', description: 'Application identifier.', generator: { kind: 'sequence', start: 70000001 } },
        { name: 'customer_id', type: 'INT64', description: 'Applicant.', generator: { kind: 'foreignKey', table: 'customers', column: 'customer_id' } },
        { name: 'customer_segment', type: 'STRING', description: 'Segment of the applicant (copied from customers.segment).', synonyms: ['segment'], generator: { kind: 'copy', ref: 'customer_id.segment' } },
        { name: 'risk_tier', type: 'STRING', description: 'Risk tier of the applicant at application (Prime, Near-prime, Subprime).', synonyms: ['credit tier', 'risk grade'], generator: { kind: 'copy', ref: 'customer_id.risk_tier' } },
        { name: 'credit_score', type: 'INT64', description: 'Bureau score at application.', synonyms: ['FICO', 'score'], generator: { kind: 'copy', ref: 'customer_id.credit_score' } },
        { name: 'product_id', type: 'INT64', description: 'Card or loan product applied for.', generator: { kind: 'foreignKey', table: 'products', column: 'product_id', weightBy: 'target_origination_mix_pct' } },
        {
          name: 'application_channel', type: 'STRING', description: 'Channel the application came through.', synonyms: ['channel', 'origination channel'],
          generator: {
            kind: 'category', values: ['Branch', 'Online', 'Mobile app', 'Broker/dealer'], weights: [0.32, 0.34, 0.29, 0.05],
            effects: [{ when: { ref: 'risk_tier', in: ['Subprime'] }, weights: [0.06, 0.08, 0.06, 0.8] }, { when: { ref: 'risk_tier', in: ['Near-prime'] }, weights: [0.19, 0.2, 0.16, 0.45] }],
          },
        },
        { name: 'application_date', type: 'DATE', description: 'Day the application was submitted.', synonyms: ['applied on', 'date'], generator: { kind: 'date', from: -900, to: -1, yearly: LENDING_YEARLY, growth: 0.12, notBefore: 'customer_id.customer_since' } },
        {
          name: 'requested_amount', type: 'NUMERIC', description: 'Amount (or credit line) requested.', synonyms: ['loan amount', 'amount', 'credit line'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 6000, sd: 4000, min: 500, max: 5000000, decimals: 0,
            effects: by('product_id', 'factor', { 4: 2.5, 5: 5, 6: 55 }),
          },
        },
        {
          name: 'debt_to_income_pct', type: 'FLOAT64', description: 'Monthly debt payments as a share of monthly income, percent (DTI).', synonyms: ['DTI', 'debt to income'],
          generator: { kind: 'number', dist: 'normal', mean: 27, sd: 7, min: 3, max: 75, decimals: 1, effects: [{ when: { ref: 'risk_tier', in: ['Near-prime'] }, add: 8 }, { when: { ref: 'risk_tier', in: ['Subprime'] }, add: 17 }] },
        },
        {
          name: 'decision', type: 'STRING', description: 'Underwriting outcome.', synonyms: ['status', 'outcome', 'approved or declined'],
          generator: {
            kind: 'category', values: ['Approved', 'Declined', 'Withdrawn'], weights: [0.86, 0.09, 0.05],
            effects: [{ when: { ref: 'risk_tier', in: ['Near-prime'] }, weights: [0.64, 0.28, 0.08] }, { when: { ref: 'risk_tier', in: ['Subprime'] }, weights: [0.36, 0.56, 0.08] }],
          },
        },
        {
          name: 'decision_hours', type: 'FLOAT64', description: 'Hours from submission to decision.', synonyms: ['time to decision', 'turnaround time', 'TAT'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 36, sd: 30, min: 0.05, max: 720, decimals: 2,
            effects: [{ when: { ref: 'application_channel', in: ['Online', 'Mobile app'] }, factor: 0.015 }, { when: { ref: 'application_channel', in: ['Broker/dealer'] }, factor: 0.5 }, { when: { ref: 'product_id', in: ['6'] }, factor: 8 }],
          },
        },
        {
          name: 'interest_rate_pct', type: 'FLOAT64', description: 'APR offered: product rate plus a risk-based margin, percent.', synonyms: ['APR', 'rate'],
          generator: { kind: 'derived', expr: 'product_id.rate_pct', decimals: 2, effects: [{ when: { ref: 'risk_tier', in: ['Near-prime'] }, add: 3 }, { when: { ref: 'risk_tier', in: ['Subprime'] }, add: 7.5 }] },
        },
        {
          name: 'is_defaulted', type: 'BOOL', description: 'Whether the booked loan has defaulted (90+ days past due or charged off); always false if not approved.', synonyms: ['defaulted', 'default', 'charged off'],
          generator: { kind: 'boolean', p: 0.02, effects: [{ when: { ref: 'decision', in: ['Declined', 'Withdrawn'] }, p: 0 }, ...by('risk_tier', 'p', { Subprime: 0.2, 'Near-prime': 0.075 })] },
        },
        { name: 'charge_off_amount', type: 'NUMERIC', description: 'Amount charged off on a defaulted loan after recoveries: requested amount x loss given default (0 if not defaulted).', synonyms: ['charge-offs', 'credit losses', 'write-offs', 'net loss'], generator: { kind: 'derived', expr: 'requested_amount * product_id.loss_given_default_pct / 100 * is_defaulted', decimals: 2 } },
      ],
    },
  ],
  questions: [
    {
      id: 'q01', level: 'simple',
      question: 'How big is our book today: open accounts, customers and balances for deposits, cards and loans?',
      insight: 'Customer deposits are the largest balance and the most widely held accounts, and fund the whole loan book.',
      expectedColumns: ['product_family', 'open_accounts', 'customers', 'total_balance'],
      insights: [{ kind: 'top', key: 'product_family', value: 'Deposit', by: 'total_balance' }, { kind: 'top', key: 'product_family', value: 'Deposit', by: 'open_accounts' }],
      sql: (d) => `SELECT product_family, COUNT(*) AS open_accounts, COUNT(DISTINCT customer_id) AS customers, ROUND(SUM(current_balance), 2) AS total_balance
FROM ${d.table('accounts')} WHERE status = 'Open'
GROUP BY product_family ORDER BY total_balance DESC`,
    },
    {
      id: 'q02', level: 'simple',
      question: 'Which products have the most open accounts and the largest balances?',
      insight: '{products.0} is by far the most widely held product, while {products.5} carries the largest balance per account.',
      expectedColumns: ['product_name', 'product_family', 'open_accounts', 'total_balance', 'avg_balance'],
      insights: [{ kind: 'top', key: 'product_name', value: '{products.0}', by: 'open_accounts' }, { kind: 'ratio', key: 'product_name', value: '{products.0}', column: 'open_accounts', atLeast: 1.4 }, { kind: 'top', key: 'product_name', value: '{products.5}', by: 'avg_balance' }],
      sql: (d) => `SELECT p.product_name, p.product_family, COUNT(*) AS open_accounts, ROUND(SUM(a.current_balance), 2) AS total_balance,
  ROUND(AVG(a.current_balance), 2) AS avg_balance
FROM ${d.table('accounts')} a JOIN ${d.table('products')} p ON p.product_id = a.product_id
WHERE a.status = 'Open'
GROUP BY p.product_name, p.product_family ORDER BY total_balance DESC`,
    },
    {
      id: 'q03', level: 'simple',
      question: 'Which regions have the most customers and deposits?',
      insight: '{regions.0} is the core market: it has the most branches, well over one and a half times the customers of any other region, and the most deposits.',
      expectedColumns: ['region_name', 'branches', 'customers', 'deposits'],
      insights: [{ kind: 'top', key: 'region_name', value: '{regions.0}', by: 'customers' }, { kind: 'ratio', key: 'region_name', value: '{regions.0}', column: 'customers', atLeast: 1.6 }, { kind: 'top', key: 'region_name', value: '{regions.0}', by: 'deposits' }],
      sql: (d) => `WITH dep AS (
  SELECT customer_id, SUM(current_balance) AS deposits
  FROM ${d.table('accounts')} WHERE status = 'Open' AND product_family = 'Deposit'
  GROUP BY customer_id
)
SELECT r.region_name, COUNT(DISTINCT b.branch_id) AS branches, COUNT(DISTINCT c.customer_id) AS customers,
  ROUND(SUM(COALESCE(dep.deposits, 0)), 2) AS deposits
FROM ${d.table('regions')} r
JOIN ${d.table('branches')} b ON b.region_id = r.region_id
LEFT JOIN ${d.table('customers')} c ON c.home_branch_id = b.branch_id
LEFT JOIN dep ON dep.customer_id = c.customer_id
GROUP BY r.region_name ORDER BY deposits DESC`,
    },
    {
      id: 'q04', level: 'intermediate',
      question: 'How many new accounts have we opened each month over the last 24 months, and how many of them online or in the app?',
      insight: 'Openings jump every January and stay high through tax-refund season before easing off in summer; every month a large share of new accounts, typically around half, is opened online or in the app.',
      expectedColumns: ['month', 'accounts_opened', 'digital_share_pct'],
      insights: [{ kind: 'between', column: 'digital_share_pct', min: 15, max: 85 }],
      sql: (d) => `SELECT ${d.truncMonth('opened_date')} AS month, COUNT(*) AS accounts_opened,
  ROUND(100.0 * SUM(CASE WHEN opened_channel IN ('Online', 'Mobile app') THEN 1 ELSE 0 END) / COUNT(*), 1) AS digital_share_pct
FROM ${d.table('accounts')}
WHERE opened_date >= ${d.truncMonth(d.monthsAgo(23))}
GROUP BY 1 ORDER BY 1`,
    },
    {
      id: 'q05', level: 'intermediate',
      question: 'How do deposit balances and relationship depth differ by customer segment?',
      insight: '{customerSegments.0} clients are the fewest but hold many times the deposits per customer of {customerSegments.3} customers, so a small group of clients funds a large part of the balance sheet.',
      expectedColumns: ['segment', 'customers', 'avg_open_accounts', 'total_deposits', 'avg_deposits_per_customer'],
      insights: [{ kind: 'top', key: 'segment', value: '{customerSegments.0}', by: 'avg_deposits_per_customer' }, { kind: 'compare', key: 'segment', value: '{customerSegments.0}', other: '{customerSegments.3}', column: 'avg_deposits_per_customer', atLeast: 3 }, { kind: 'bottom', key: 'segment', value: '{customerSegments.0}', by: 'customers' }],
      sql: (d) => `WITH per_customer AS (
  SELECT c.customer_id, c.segment,
    SUM(CASE WHEN a.status = 'Open' THEN 1 ELSE 0 END) AS open_accounts,
    SUM(CASE WHEN a.status = 'Open' AND a.product_family = 'Deposit' THEN a.current_balance ELSE 0 END) AS deposits
  FROM ${d.table('customers')} c JOIN ${d.table('accounts')} a ON a.customer_id = c.customer_id
  GROUP BY c.customer_id, c.segment
)
SELECT segment, COUNT(*) AS customers, ROUND(AVG(open_accounts), 2) AS avg_open_accounts,
  ROUND(SUM(deposits), 2) AS total_deposits, ROUND(AVG(deposits), 2) AS avg_deposits_per_customer
FROM per_customer GROUP BY segment ORDER BY avg_deposits_per_customer DESC`,
    },
    {
      id: 'q06', level: 'intermediate',
      question: 'How do our customers transact: which channels carry the most transactions and the most money over the last 90 days?',
      insight: 'In-store card payments are the most frequent transactions, but wires move by far the largest amount per transaction, several times any other channel.',
      expectedColumns: ['channel', 'transactions', 'share_of_transactions_pct', 'total_amount', 'avg_amount'],
      insights: [{ kind: 'top', key: 'channel', value: 'Card - in store', by: 'transactions' }, { kind: 'top', key: 'channel', value: 'Wire', by: 'avg_amount' }, { kind: 'ratio', key: 'channel', value: 'Wire', column: 'avg_amount', atLeast: 5 }],
      sql: (d) => `SELECT channel, COUNT(*) AS transactions,
  ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 1) AS share_of_transactions_pct,
  ROUND(SUM(amount), 2) AS total_amount, ROUND(AVG(amount), 2) AS avg_amount
FROM ${d.table('transactions')}
WHERE ${d.toDate('transaction_ts')} > ${d.daysAgo(90)}
GROUP BY channel ORDER BY transactions DESC`,
    },
    {
      id: 'q07', level: 'intermediate',
      question: 'How quickly do we decide credit applications in each channel, and what share do we approve?',
      insight: 'Online and mobile applications are decided in under an hour versus more than a day in branches; broker/dealer applications have the lowest approval rate.',
      expectedColumns: ['application_channel', 'applications', 'approval_rate_pct', 'median_decision_hours'],
      insights: [{ kind: 'top', key: 'application_channel', value: 'Branch', by: 'median_decision_hours' }, { kind: 'bottom', key: 'application_channel', value: 'Broker/dealer', by: 'approval_rate_pct' }, { kind: 'between', key: 'application_channel', value: 'Online', column: 'median_decision_hours', max: 1 }],
      sql: (d) => `SELECT application_channel, COUNT(*) AS applications,
  ROUND(100.0 * SUM(CASE WHEN decision = 'Approved' THEN 1 ELSE 0 END) / COUNT(*), 1) AS approval_rate_pct,
  ROUND(${d.median('decision_hours')}, 2) AS median_decision_hours
FROM ${d.table('loan_applications')}
GROUP BY application_channel ORDER BY median_decision_hours`,
    },
    {
      id: 'q08', level: 'advanced',
      question: 'How do default rates and charge-offs on booked loans differ by risk tier?',
      insight: 'Subprime loans default around ten times as often as prime ones and produce a share of charge-offs far above their small share of approvals.',
      expectedColumns: ['risk_tier', 'approved_loans', 'defaults', 'default_rate_pct', 'charge_offs'],
      insights: [{ kind: 'compare', key: 'risk_tier', value: 'Subprime', other: 'Prime', column: 'default_rate_pct', atLeast: 4 }],
      sql: (d) => `SELECT risk_tier, COUNT(*) AS approved_loans, SUM(${d.boolToInt('is_defaulted')}) AS defaults,
  ROUND(100.0 * SUM(${d.boolToInt('is_defaulted')}) / COUNT(*), 1) AS default_rate_pct,
  ROUND(SUM(charge_off_amount), 2) AS charge_offs
FROM ${d.table('loan_applications')}
WHERE decision = 'Approved'
GROUP BY risk_tier ORDER BY default_rate_pct DESC`,
    },
    {
      id: 'q09', level: 'advanced',
      question: 'Which transaction channels generate our fraud alerts, and how many of them are real fraud?',
      insight: 'Online card payments (card-not-present) raise over half of all alerts and most of the confirmed fraud; in-store card alerts are overwhelmingly false positives.',
      expectedColumns: ['channel', 'alerts', 'confirmed_fraud', 'confirmation_rate_pct', 'fraud_losses'],
      insights: [{ kind: 'top', key: 'channel', value: 'Card - online' }],
      sql: (d) => `SELECT t.channel, COUNT(*) AS alerts, SUM(${d.boolToInt('f.is_confirmed_fraud')}) AS confirmed_fraud,
  ROUND(100.0 * SUM(${d.boolToInt('f.is_confirmed_fraud')}) / COUNT(*), 1) AS confirmation_rate_pct,
  ROUND(SUM(f.fraud_loss), 2) AS fraud_losses
FROM ${d.table('fraud_alerts')} f JOIN ${d.table('transactions')} t ON t.transaction_id = f.transaction_id
GROUP BY t.channel ORDER BY alerts DESC`,
    },
    {
      id: 'q10', level: 'advanced',
      question: 'Which fraud rules produce the most false positives, and how much analyst time do they take?',
      insight: 'The velocity rule is wrong most of the time yet consumes the most analyst hours, while card-testing alerts are the most often real: tuning velocity frees the most analyst time.',
      expectedColumns: ['rule_triggered', 'alerts', 'false_positive_rate_pct', 'avg_resolution_hours', 'analyst_hours'],
      insights: [{ kind: 'top', key: 'rule_triggered', value: 'Velocity', by: 'analyst_hours' }, { kind: 'bottom', key: 'rule_triggered', value: 'Card testing', by: 'false_positive_rate_pct' }, { kind: 'between', key: 'rule_triggered', value: 'Velocity', column: 'false_positive_rate_pct', min: 80 }],
      sql: (d) => `SELECT rule_triggered, COUNT(*) AS alerts,
  ROUND(100.0 * SUM(CASE WHEN is_confirmed_fraud THEN 0 ELSE 1 END) / COUNT(*), 1) AS false_positive_rate_pct,
  ROUND(AVG(resolution_hours), 1) AS avg_resolution_hours, ROUND(SUM(resolution_hours), 0) AS analyst_hours
FROM ${d.table('fraud_alerts')}
GROUP BY rule_triggered ORDER BY false_positive_rate_pct DESC`,
    },
    {
      id: 'q11', level: 'advanced',
      question: 'Are customers who bank digitally less likely to close their accounts?',
      insight: 'Accounts of customers who are not active in online or mobile banking are closed more than three times as often as those of digitally active customers.',
      expectedColumns: ['digital_active', 'customers', 'accounts', 'closed_accounts', 'closure_rate_pct'],
      insights: [{ kind: 'compare', key: 'digital_active', value: 'Not digital', other: 'Digitally active', column: 'closure_rate_pct', atLeast: 2 }],
      sql: (d) => `SELECT CASE WHEN c.is_digital_active THEN 'Digitally active' ELSE 'Not digital' END AS digital_active,
  COUNT(DISTINCT c.customer_id) AS customers, COUNT(*) AS accounts,
  SUM(CASE WHEN a.status = 'Closed' THEN 1 ELSE 0 END) AS closed_accounts,
  ROUND(100.0 * SUM(CASE WHEN a.status = 'Closed' THEN 1 ELSE 0 END) / COUNT(*), 1) AS closure_rate_pct
FROM ${d.table('accounts')} a JOIN ${d.table('customers')} c ON c.customer_id = a.customer_id
GROUP BY CASE WHEN c.is_digital_active THEN 'Digitally active' ELSE 'Not digital' END
ORDER BY closure_rate_pct DESC`,
    },
    {
      id: 'q12', level: 'expert',
      question: 'How concentrated are our deposits: what share do the top 1%, 5% and 10% of depositors hold?',
      insight: 'The largest depositors are mostly {customerSegments.0} or {customerSegments.1} clients, several times their share among the other 90% of depositors: losing a few of them would move the funding base.',
      expectedColumns: ['depositor_band', 'customers', 'deposits', 'share_of_deposits_pct', 'private_or_affluent_pct'],
      insights: [{ kind: 'bottom', key: 'depositor_band', value: '4. Other 90%', by: 'private_or_affluent_pct' }, { kind: 'compare', key: 'depositor_band', value: '1. Top 1%', other: '4. Other 90%', column: 'private_or_affluent_pct', atLeast: 2.5 }],
      sql: (d) => `WITH dep AS (
  SELECT a.customer_id, c.segment, SUM(a.current_balance) AS deposits
  FROM ${d.table('accounts')} a JOIN ${d.table('customers')} c ON c.customer_id = a.customer_id
  WHERE a.status = 'Open' AND a.product_family = 'Deposit'
  GROUP BY a.customer_id, c.segment
),
ranked AS (
  SELECT customer_id, segment, deposits, NTILE(100) OVER (ORDER BY deposits DESC) AS pct
  FROM dep
),
seg_rank AS (
  SELECT segment, ROW_NUMBER() OVER (ORDER BY AVG(deposits) DESC) AS seg_pos FROM dep GROUP BY segment
)
SELECT CASE WHEN r.pct = 1 THEN '1. Top 1%' WHEN r.pct <= 5 THEN '2. Next 4%' WHEN r.pct <= 10 THEN '3. Next 5%' ELSE '4. Other 90%' END AS depositor_band,
  COUNT(*) AS customers, ROUND(SUM(r.deposits), 2) AS deposits,
  ROUND(100.0 * SUM(r.deposits) / SUM(SUM(r.deposits)) OVER (), 1) AS share_of_deposits_pct,
  ROUND(100.0 * SUM(CASE WHEN s.seg_pos <= 2 THEN 1 ELSE 0 END) / COUNT(*), 1) AS private_or_affluent_pct
FROM ranked r JOIN seg_rank s ON s.segment = r.segment
GROUP BY 1 ORDER BY 1`,
    },
    {
      id: 'q13', level: 'expert',
      question: 'Does debt-to-income at application predict which booked loans default?',
      insight: 'Loans booked at a DTI of 40% or more default several times as often as loans under 30% and produce a share of charge-offs well above their share of loans: a tighter DTI cap would cut losses.',
      expectedColumns: ['dti_band', 'approved_loans', 'default_rate_pct', 'charge_offs', 'avg_credit_score'],
      insights: [{ kind: 'trend', column: 'default_rate_pct', direction: 'up', atLeast: 2 }],
      sql: (d) => `SELECT CASE WHEN debt_to_income_pct < 30 THEN '1. Under 30%' WHEN debt_to_income_pct < 40 THEN '2. 30-40%' ELSE '3. 40% and over' END AS dti_band,
  COUNT(*) AS approved_loans,
  ROUND(100.0 * SUM(${d.boolToInt('is_defaulted')}) / COUNT(*), 1) AS default_rate_pct,
  ROUND(SUM(charge_off_amount), 2) AS charge_offs, ROUND(AVG(credit_score), 0) AS avg_credit_score
FROM ${d.table('loan_applications')}
WHERE decision = 'Approved'
GROUP BY 1 ORDER BY 1`,
    },
    {
      id: 'q14', level: 'expert',
      question: 'Which origination channel brings the riskiest credit, and what does it cost us in charge-offs per dollar lent?',
      insight: 'Broker/dealer loans come from visibly weaker credit profiles, default at roughly three times the rate of branch or digital loans and lose the most per dollar lent.',
      expectedColumns: ['application_channel', 'approved_loans', 'avg_credit_score', 'default_rate_pct', 'charge_off_rate_pct'],
      insights: [{ kind: 'top', key: 'application_channel', value: 'Broker/dealer' }],
      sql: (d) => `SELECT application_channel, COUNT(*) AS approved_loans, ROUND(AVG(credit_score), 0) AS avg_credit_score,
  ROUND(100.0 * SUM(${d.boolToInt('is_defaulted')}) / COUNT(*), 1) AS default_rate_pct,
  ROUND(100.0 * ${d.safeDivide('SUM(charge_off_amount)', 'SUM(requested_amount)')}, 2) AS charge_off_rate_pct
FROM ${d.table('loan_applications')}
WHERE decision = 'Approved'
GROUP BY application_channel ORDER BY default_rate_pct DESC`,
    },
  ],
  glossary: [
    { term: 'Deposits', definition: 'Sum of current_balance of open accounts whose product_family is Deposit.' },
    { term: 'Loans outstanding', definition: 'Sum of current_balance of open Card and Lending accounts.' },
    { term: 'Approval rate', definition: 'Share of credit applications whose decision is Approved.' },
    { term: 'Default rate', definition: 'Share of approved applications with is_defaulted = true (90+ days past due or charged off).' },
    { term: 'Charge-off rate', definition: 'charge_off_amount divided by the requested amount of approved loans.' },
    { term: 'DTI', definition: 'Debt-to-income: monthly debt payments as a percent of monthly income at application (debt_to_income_pct).' },
    { term: 'False positive rate', definition: 'Share of fraud alerts that the analyst did not confirm as fraud.' },
    { term: 'Closure rate', definition: 'Share of accounts whose status is Closed.' },
  ],
  scenes: [
    { title: 'The balance sheet at a glance', narrative: 'Start with what {company} holds today: deposits, cards and loans by product, and where the customers are.', questionIds: ['q01', 'q02', 'q03'] },
    { title: 'Growing and keeping relationships', narrative: 'New accounts follow a clear seasonal rhythm, a small group of wealthy clients funds the bank, and digital engagement is what keeps customers from leaving.', questionIds: ['q04', 'q05', 'q12', 'q11'] },
    { title: 'Payments and fraud', narrative: 'How customers move money, where fraud alerts come from, and which rules waste the most analyst time.', questionIds: ['q06', 'q09', 'q10'] },
    { title: 'Credit quality', narrative: 'From application speed to defaults: which tiers, debt loads and channels drive {company}\'s credit losses.', questionIds: ['q07', 'q08', 'q13', 'q14'] },
  ],
});
