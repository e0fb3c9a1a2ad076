import type { Blueprint } from './blueprint.js';
import { preset } from './preset.js';

/** B2B deals close at the end of each quarter. */
const BOOKINGS_YEARLY = [0.85, 0.9, 1.45, 0.85, 0.9, 1.45, 0.8, 0.85, 1.45, 0.9, 0.95, 1.6];
/** Business software is used on weekdays. */
const WORKWEEK = [1.15, 1.2, 1.2, 1.1, 0.9, 0.22, 0.18];

/** B2B SaaS: accounts on plans, product subscriptions with seats and MRR, usage, invoices, support. */
export const saas: Blueprint = preset({
  // Regions, products, accounts, subscriptions with their invoices, and support tickets are the modules' tables in SaaS words;
  // plans and usage events are its own.
  id: 'saas',
  label: 'B2B SaaS & software subscriptions',
  naics: '511210',
  businessModel: 'B2B software-as-a-service: sells per-seat subscriptions to business customers on monthly or annual contracts',
  defaults: {
    products: ['Core Platform', 'Analytics', 'Automation', 'Integrations', 'Security & Compliance', 'AI Assistant'],
    customerSegments: ['Enterprise', 'Mid-Market', 'SMB', 'Startup'],
    regions: ['North America', 'Europe', 'UK & Ireland', 'Asia-Pacific', 'Latin America'],
    kpis: ['MRR', 'ARR', 'Net new MRR', 'Logo churn rate', 'ARPA', 'Seat utilisation', 'Failed payment rate', 'SLA attainment'],
    keyEntities: ['Account', 'Plan', 'Product', 'Subscription', 'Seat', 'Usage event', 'Invoice', 'Support ticket'],
  },
  persona: {
    name: 'Priya Raman',
    role: 'VP of Revenue Operations',
    goals: [
      'Grow net new MRR quarter after quarter',
      'Cut logo churn in the small-business segments',
      'Stop losing revenue to failed card payments',
      'Keep every plan inside its support SLA',
    ],
  },
  // Products, not plans, are what a subscription buys: plans price the account.
  words: { offering: { singular: 'product', plural: 'products' } },
  tables: [
    {
      module: 'locations',
      description: 'Sales regions where {company} sells and supports customers.',
      synonyms: ['territories', 'geos', 'markets'],
      columns: [
        'region_id',
        { from: 'region_name', description: 'Name of the sales region.', synonyms: ['region', 'geo', 'territory', 'market'], fromProfile: 'regions' },
        {
          name: 'sales_reps', type: 'INT64', description: 'Quota-carrying account executives covering the region.', synonyms: ['account executives', 'sales headcount'],
          generator: { kind: 'number', dist: 'uniform', min: 5, max: 7, decimals: 0, effects: [{ when: { ref: 'region_name', in: ['North America'] }, factor: 4 }] },
        },
      ],
    },
    {
      name: 'plans',
      description: 'Pricing plans (editions) of {company}: price level, support tier and first-response SLA.',
      grain: 'one row per plan',
      rowCount: 4,
      scales: false,
      primaryKey: 'plan_id',
      synonyms: ['pricing plans', 'editions', 'tiers', 'packages'],
      columns: [
        { name: 'plan_id', type: 'INT64', description: 'Plan identifier.', generator: { kind: 'sequence' } },
        { name: 'plan_name', type: 'STRING', description: 'Name of the plan.', synonyms: ['plan', 'edition', 'tier', 'package'], generator: { kind: 'list', values: ['Starter', 'Professional', 'Business', 'Enterprise'] } },
        {
          name: 'seat_price_multiplier', type: 'FLOAT64', description: 'Per-seat price of the plan relative to the Professional list price (1.0).', synonyms: ['price index', 'plan uplift'],
          generator: {
            kind: 'number', dist: 'uniform', min: 1, max: 1, decimals: 2,
            effects: [{ when: { ref: 'plan_id', in: ['1'] }, factor: 0.6 }, { when: { ref: 'plan_id', in: ['3'] }, factor: 1.5 }, { when: { ref: 'plan_id', in: ['4'] }, factor: 2.2 }],
          },
        },
        { name: 'support_tier', type: 'STRING', description: 'Support included with the plan.', synonyms: ['support level'], generator: { kind: 'list', values: ['Email support', 'Email & chat', 'Priority support', 'Dedicated success manager'] } },
        { name: 'first_response_sla_hours', type: 'INT64', description: 'Contractual time to first response on a support ticket, in hours.', synonyms: ['SLA', 'response SLA', 'support SLA'], generator: { kind: 'list', values: ['48', '24', '8', '2'] } },
        {
          name: 'typical_mix_pct', type: 'FLOAT64', description: 'Share of new accounts that usually choose the plan (pricing-page benchmark), percent.', synonyms: ['plan mix'],
          generator: {
            kind: 'number', dist: 'uniform', min: 10, max: 10, decimals: 1,
            effects: [{ when: { ref: 'plan_id', in: ['1', '2'] }, factor: 3.5 }, { when: { ref: 'plan_id', in: ['3'] }, factor: 2 }],
          },
        },
      ],
    },
    {
      module: 'offerings',
      description: 'Products and add-on modules {company} sells by subscription.',
      synonyms: ['modules', 'add-ons', 'product lines', 'SKUs'],
      columns: [
        'product_id',
        { from: 'product_name', description: 'Name of the product or module.', synonyms: ['product', 'module', 'add-on'], fromProfile: 'products' },
        { name: 'product_type', type: 'STRING', description: 'Whether the product is the core platform or an add-on.', generator: { kind: 'list', values: ['Core', 'Add-on', 'Add-on', 'Add-on', 'Add-on', 'Add-on'] } },
        {
          from: 'base_price', name: 'base_price_per_seat', description: 'Monthly list price per seat on the Professional plan.', synonyms: ['list price', 'seat price'],
          generator: {
            kind: 'number', dist: 'uniform', min: 8, max: 14, decimals: 2,
            effects: [{ when: { ref: 'product_name', in: ['Core Platform'] }, factor: 3.4 }, { when: { ref: 'product_name', in: ['Security & Compliance'] }, factor: 1.6 }, { when: { ref: 'product_name', in: ['AI Assistant'] }, factor: 1.9 }],
          },
        },
        {
          name: 'target_attach_rate_pct', type: 'FLOAT64', description: 'Planned share of accounts that buy the product, percent.', synonyms: ['attach rate'],
          generator: { kind: 'number', dist: 'uniform', min: 16, max: 26, decimals: 1, effects: [{ when: { ref: 'product_name', in: ['Core Platform'] }, factor: 3.6 }] },
        },
      ],
    },
    {
      module: 'customers',
      description: 'Companies with a {company} workspace: paying customers, former customers, and free workspaces that never bought. An account\'s customer-since date is the start_date of its first subscription.',
      grain: 'one row per customer account',
      rowCount: 2500,
      synonyms: ['customers', 'companies', 'logos', 'tenants', 'workspaces'],
      columns: [
        'account_id',
        { from: 'account_name', description: 'Company name of the customer (synthetic).', synonyms: ['customer', 'company', 'logo'] },
        { name: 'plan_id', type: 'INT64', description: 'Pricing plan of the account.', synonyms: ['plan'], generator: { kind: 'foreignKey', table: 'plans', column: 'plan_id', weightBy: 'typical_mix_pct' } },
        {
          from: 'segment', description: 'Customer segment by company size and go-to-market motion.', synonyms: ['customer segment', 'market segment', 'tier'], fromProfile: 'customerSegments',
          generator: {
            kind: 'category', values: ['Enterprise', 'Mid-Market', 'SMB', 'Startup'], weights: [0.14, 0.24, 0.38, 0.24],
            effects: [
              { when: { ref: 'plan_id', in: ['1'] }, weights: [0, 0.05, 0.5, 0.45] },
              { when: { ref: 'plan_id', in: ['2'] }, weights: [0.03, 0.3, 0.45, 0.22] },
              { when: { ref: 'plan_id', in: ['3'] }, weights: [0.25, 0.5, 0.2, 0.05] },
              { when: { ref: 'plan_id', in: ['4'] }, weights: [0.8, 0.17, 0.03, 0] },
            ],
          },
        },
        { from: 'region_id', description: 'Sales region of the account.', generator: { kind: 'foreignKey', table: 'regions', column: 'region_id', weightBy: 'sales_reps' } },
        { name: 'industry', type: 'STRING', description: 'Industry of the customer company.', synonyms: ['vertical', 'customer industry'], generator: { kind: 'category', values: ['Software & internet', 'Financial services', 'Healthcare', 'Retail & e-commerce', 'Manufacturing', 'Professional services', 'Education', 'Media'], weights: [0.24, 0.12, 0.1, 0.12, 0.1, 0.16, 0.08, 0.08] } },
        {
          name: 'employee_count', type: 'INT64', description: 'Number of employees at the customer company.', synonyms: ['company size', 'headcount'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 60, sd: 50, min: 2, max: 250000, decimals: 0,
            effects: [{ when: { ref: 'segment', in: ['Enterprise'] }, factor: 40 }, { when: { ref: 'segment', in: ['Mid-Market'] }, factor: 6 }, { when: { ref: 'segment', in: ['Startup'] }, factor: 0.35 }],
          },
        },
        {
          name: 'acquisition_channel', type: 'STRING', description: 'How the account was won.', synonyms: ['source', 'lead source', 'channel'],
          generator: {
            kind: 'category', values: ['Self-serve trial', 'Inbound demo request', 'Outbound sales', 'Partner referral'], weights: [0.45, 0.25, 0.15, 0.15],
            effects: [{ when: { ref: 'segment', in: ['Enterprise'] }, weights: [0.05, 0.3, 0.45, 0.2] }, { when: { ref: 'segment', in: ['Mid-Market'] }, weights: [0.2, 0.4, 0.25, 0.15] }],
          },
        },
      ],
    },
    {
      module: 'subscriptions',
      description: 'Product subscriptions of each account: seats, price, contract term, MRR and cancellation.',
      grain: 'one row per subscription (an account subscribing to one product)',
      rowCount: 4500,
      synonyms: ['contracts', 'licenses', 'deals', 'MRR'],
      columns: [
        'subscription_id',
        'account_id',
        { from: 'segment', name: 'account_segment', synonyms: ['segment', 'customer segment'] },
        { name: 'plan_id', type: 'INT64', description: 'Plan of the account (copied from accounts.plan_id; joins to plans.plan_id).', synonyms: ['plan'], generator: { kind: 'copy', ref: 'account_id.plan_id' } },
        { from: 'product_id', synonyms: [], generator: { kind: 'foreignKey', table: 'products', column: 'product_id', weightBy: 'target_attach_rate_pct' } },
        {
          name: 'contract_term', type: 'STRING', description: 'Commitment and billing interval of the subscription.', synonyms: ['billing cycle', 'term', 'billing frequency'],
          generator: {
            kind: 'category', values: ['Monthly', 'Annual'], weights: [0.4, 0.6],
            effects: [
              { when: { ref: 'account_segment', in: ['Enterprise'] }, weights: [0.04, 0.96] },
              { when: { ref: 'account_segment', in: ['Mid-Market'] }, weights: [0.2, 0.8] },
              { when: { ref: 'account_segment', in: ['SMB'] }, weights: [0.6, 0.4] },
              { when: { ref: 'account_segment', in: ['Startup'] }, weights: [0.55, 0.45] },
            ],
          },
        },
        { name: 'billing_interval_months', type: 'INT64', description: 'Months covered by each invoice: 1 for monthly, 12 for annual contracts.', generator: { kind: 'number', dist: 'uniform', min: 1, max: 1, decimals: 0, effects: [{ when: { ref: 'contract_term', in: ['Annual'] }, factor: 12 }] } },
        {
          name: 'seats', type: 'INT64', description: 'Licensed seats (users) purchased.', synonyms: ['licenses', 'users purchased', 'seat count'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 12, sd: 9, min: 1, max: 5000, decimals: 0,
            effects: [{ when: { ref: 'account_segment', in: ['Enterprise'] }, factor: 14 }, { when: { ref: 'account_segment', in: ['Mid-Market'] }, factor: 3.5 }, { when: { ref: 'account_segment', in: ['Startup'] }, factor: 0.6 }],
          },
        },
        {
          name: 'price_per_seat', type: 'NUMERIC', description: 'Monthly list price per seat: product base price times the plan multiplier.', synonyms: ['seat price', 'unit price'],
          generator: {
            kind: 'derived', expr: 'product_id.base_price_per_seat', decimals: 2,
            effects: [{ when: { ref: 'account_id.plan_id', in: ['1'] }, factor: 0.6 }, { when: { ref: 'account_id.plan_id', in: ['3'] }, factor: 1.5 }, { when: { ref: 'account_id.plan_id', in: ['4'] }, factor: 2.2 }],
          },
        },
        {
          name: 'discount_pct', type: 'FLOAT64', description: 'Contract discount as a fraction (0.15 = 15%).', synonyms: ['discount'],
          generator: {
            kind: 'number', dist: 'uniform', min: 0, max: 0.1, decimals: 3,
            effects: [{ when: { ref: 'contract_term', in: ['Annual'] }, add: 0.08 }, { when: { ref: 'account_segment', in: ['Enterprise'] }, add: 0.07 }],
          },
        },
        { from: 'monthly_fee', name: 'mrr', description: 'Monthly recurring revenue of the subscription: seats x price per seat x (1 - discount). For canceled subscriptions, the MRR lost at cancellation.', synonyms: ['monthly recurring revenue', 'revenue', 'MRR'], generator: { kind: 'derived', expr: 'seats * price_per_seat * (1 - discount_pct)', decimals: 2 } },
        {
          name: 'payment_method', type: 'STRING', description: 'How the subscription is paid.', synonyms: ['payment type'],
          generator: {
            kind: 'category', values: ['Credit card', 'ACH debit', 'Wire transfer'], weights: [0.6, 0.3, 0.1],
            effects: [
              { when: { ref: 'account_segment', in: ['Enterprise'] }, weights: [0.08, 0.37, 0.55] },
              { when: { ref: 'account_segment', in: ['Mid-Market'] }, weights: [0.35, 0.45, 0.2] },
              { when: { ref: 'account_segment', in: ['SMB'] }, weights: [0.78, 0.2, 0.02] },
              { when: { ref: 'account_segment', in: ['Startup'] }, weights: [0.85, 0.14, 0.01] },
            ],
          },
        },
        // Bookings close at quarter end; accounts have no joined date of their own (their first subscription is it).
        { from: 'start_date', description: 'Day the subscription started (booking date).', synonyms: ['booking date', 'start', 'close date'], generator: { kind: 'date', from: -1100, to: -1, yearly: BOOKINGS_YEARLY, growth: 0.45 } },
        {
          from: 'churned', name: 'is_churned', description: 'Whether the subscription has been canceled.', synonyms: ['churned', 'canceled', 'lost'],
          generator: {
            kind: 'boolean', p: 0.1,
            effects: [{ when: { ref: 'contract_term', in: ['Monthly'] }, p: 0.38 }, { when: { ref: 'account_segment', in: ['Enterprise'] }, p: 0.04 }],
          },
        },
        { name: 'status', type: 'STRING', description: 'Current status of the subscription.', synonyms: ['subscription status'], generator: { kind: 'category', values: ['Active', 'Canceled'], weights: [1, 0], effects: [{ when: { ref: 'is_churned', in: ['true'] }, weights: [0, 1] }] } },
        {
          name: 'seat_utilisation_pct', type: 'FLOAT64', description: 'Share of purchased seats active in the last 30 days, percent (for canceled subscriptions, the 30 days before cancellation).', synonyms: ['seat utilization', 'license utilisation', 'adoption'],
          generator: { kind: 'number', dist: 'normal', mean: 74, sd: 17, min: 5, max: 100, decimals: 1, effects: [{ when: { ref: 'is_churned', in: ['true'] }, factor: 0.5 }] },
        },
        { name: 'active_users', type: 'INT64', description: 'Users active in the last 30 days (0 once canceled).', synonyms: ['monthly active users', 'MAU', 'active seats'], generator: { kind: 'derived', expr: 'seats * seat_utilisation_pct / 100 * (1 - is_churned)', decimals: 0 } },
        { name: 'last_changed_date', type: 'DATE', description: 'Day the subscription last changed (renewal, seat or plan change, or cancellation).', synonyms: ['updated date', 'last modified'], generator: { kind: 'date', from: -1100, to: 0, notBefore: 'start_date' } },
        { name: 'canceled_date', type: 'DATE', description: 'Day the subscription was canceled; NULL while active.', synonyms: ['churn date', 'cancellation date', 'end date'], generator: { kind: 'derived', expr: 'last_changed_date / is_churned' } },
        { name: 'invoices_per_year', type: 'INT64', description: 'Invoices issued per year at the current billing interval (12 monthly, 1 annual; 0 once canceled).', generator: { kind: 'derived', expr: '12 / billing_interval_months * (1 - is_churned)', decimals: 0 } },
      ],
    },
    {
      name: 'usage_events',
      description: 'Product usage events of active subscriptions over the last 90 days.',
      grain: 'one row per tracked product event',
      rowCount: 30000,
      primaryKey: 'event_id',
      synonyms: ['product usage', 'activity', 'events', 'telemetry'],
      columns: [
        { name: 'event_id', type: 'INT64', description: 'Event identifier.', generator: { kind: 'sequence', start: 1 } },
        { name: 'subscription_id', type: 'INT64', description: 'Subscription the event belongs to.', generator: { kind: 'foreignKey', table: 'subscriptions', column: 'subscription_id', weightBy: 'active_users' } },
        { name: 'account_id', type: 'INT64', description: 'Account of the user (joins to accounts.account_id).', generator: { kind: 'copy', ref: 'subscription_id.account_id' } },
        { name: 'product_id', type: 'INT64', description: 'Product used (joins to products.product_id).', generator: { kind: 'copy', ref: 'subscription_id.product_id' } },
        {
          name: 'feature', type: 'STRING', description: 'Product feature the event was recorded in.', synonyms: ['feature name', 'capability', 'module feature'],
          generator: {
            kind: 'category', values: ['Dashboards', 'Workflow builder', 'Reports', 'Admin console', 'Automation rules', 'Data connectors', 'Audit log', 'AI copilot', 'API'],
            effects: [
              { when: { ref: 'subscription_id.product_id', in: ['1'] }, weights: [0.45, 0.2, 0.12, 0.08, 0, 0, 0, 0, 0.15] },
              { when: { ref: 'subscription_id.product_id', in: ['2'] }, weights: [0.45, 0, 0.45, 0, 0, 0, 0, 0, 0.1] },
              { when: { ref: 'subscription_id.product_id', in: ['3'] }, weights: [0, 0.2, 0, 0, 0.7, 0, 0, 0, 0.1] },
              { when: { ref: 'subscription_id.product_id', in: ['4'] }, weights: [0, 0, 0, 0, 0, 0.6, 0, 0, 0.4] },
              { when: { ref: 'subscription_id.product_id', in: ['5'] }, weights: [0, 0, 0, 0.4, 0, 0, 0.6, 0, 0] },
              { when: { ref: 'subscription_id.product_id', in: ['6'] }, weights: [0, 0, 0, 0, 0, 0, 0, 0.9, 0.1] },
            ],
          },
        },
        { name: 'client', type: 'STRING', description: 'Client the event came from.', synonyms: ['platform', 'device'], generator: { kind: 'category', values: ['Web app', 'Desktop app', 'Mobile app', 'API'], weights: [0.62, 0.14, 0.16, 0.08] } },
        { name: 'user_role', type: 'STRING', description: 'Role of the user who triggered the event.', synonyms: ['role'], generator: { kind: 'category', values: ['Admin', 'Editor', 'Viewer'], weights: [0.12, 0.48, 0.4] } },
        { name: 'event_ts', type: 'TIMESTAMP', description: 'When the event happened.', synonyms: ['event time', 'timestamp', 'date'], generator: { kind: 'timestamp', from: -89, to: 0, weekly: WORKWEEK, growth: 0.3, notBefore: 'subscription_id.start_date' } },
        { name: 'duration_seconds', type: 'INT64', description: 'Time spent in the feature during the event, seconds.', synonyms: ['time spent', 'session length'], generator: { kind: 'number', dist: 'lognormal', mean: 240, sd: 300, min: 1, max: 14400, decimals: 0 } },
      ],
    },
    {
      module: 'subscriptions',
      part: 1,
      description: 'Invoices issued to active subscriptions over the last 12 months and how they were collected.',
      rowCount: 14000,
      synonyms: ['bills', 'billing', 'charges', 'payments'],
      columns: [
        'invoice_id',
        // Canceled subscriptions are no longer invoiced; annual contracts are invoiced once a year for twelve months.
        { from: 'subscription_id', generator: { kind: 'foreignKey', table: 'subscriptions', column: 'subscription_id', weightBy: 'invoices_per_year' } },
        { name: 'account_id', type: 'INT64', description: 'Account invoiced (joins to accounts.account_id).', generator: { kind: 'copy', ref: 'subscription_id.account_id' } },
        { from: 'billing_date', name: 'invoice_date', description: 'Day the invoice was issued.', generator: { kind: 'date', from: -364, to: 0, growth: 0.3, notBefore: 'subscription_id.start_date' } },
        { from: 'amount', description: 'Invoiced amount: MRR times the months covered.', synonyms: ['invoice amount', 'billed amount', 'billings'], generator: { kind: 'derived', expr: 'subscription_id.mrr * subscription_id.billing_interval_months', decimals: 2 } },
        { name: 'payment_method', type: 'STRING', description: 'Payment method charged.', synonyms: ['payment type'], generator: { kind: 'copy', ref: 'subscription_id.payment_method' } },
        {
          name: 'payment_status', type: 'STRING', description: 'Collection outcome: paid on the first attempt, paid after dunning retries, or failed.', synonyms: ['status', 'collection status'],
          generator: {
            kind: 'category', values: ['Paid', 'Paid after retry', 'Failed'], weights: [0.96, 0.03, 0.01],
            effects: [
              { when: { ref: 'payment_method', in: ['Credit card'] }, weights: [0.82, 0.08, 0.1] },
              { when: { ref: 'payment_method', in: ['ACH debit'] }, weights: [0.955, 0.025, 0.02] },
            ],
          },
        },
        { name: 'days_to_collect', type: 'INT64', description: 'Days from invoice to cash collected (for failed invoices, days until written off).', synonyms: ['days to pay', 'DSO'], generator: { kind: 'number', dist: 'lognormal', mean: 6, sd: 6, min: 0, max: 120, decimals: 0, effects: [{ when: { ref: 'payment_method', in: ['Wire transfer'] }, factor: 5 }, { when: { ref: 'payment_method', in: ['ACH debit'] }, factor: 2.5 }, { when: { ref: 'payment_status', in: ['Paid after retry', 'Failed'] }, add: 14 }] } },
      ],
    },
    {
      module: 'support',
      description: 'Support tickets raised by users of active subscriptions over the last 12 months.',
      rowCount: 6000,
      synonyms: ['tickets', 'cases', 'support requests', 'helpdesk'],
      columns: [
        { from: 'request_id', name: 'ticket_id', description: 'Ticket identifier.' },
        { name: 'subscription_id', type: 'INT64', description: 'Subscription the ticket is about.', generator: { kind: 'foreignKey', table: 'subscriptions', column: 'subscription_id', weightBy: 'active_users' } },
        { from: 'account_id', generator: { kind: 'copy', ref: 'subscription_id.account_id' } },
        { name: 'plan_id', type: 'INT64', description: 'Plan of the account when the ticket was raised (joins to plans.plan_id).', synonyms: ['plan'], generator: { kind: 'copy', ref: 'subscription_id.plan_id' } },
        { name: 'created_at', type: 'TIMESTAMP', description: 'When the ticket was opened.', synonyms: ['opened', 'created date', 'date'], generator: { kind: 'timestamp', from: -364, to: 0, weekly: WORKWEEK, growth: 0.25, notBefore: 'subscription_id.start_date' } },
        { name: 'channel', type: 'STRING', description: 'Channel the ticket came in through.', synonyms: ['support channel'], generator: { kind: 'category', values: ['Email', 'Chat', 'In-app', 'Phone'], weights: [0.4, 0.3, 0.2, 0.1] } },
        {
          from: 'category', synonyms: ['ticket category', 'issue type', 'topic'],
          generator: {
            kind: 'category', values: ['How-to question', 'Bug', 'Integration issue', 'Billing', 'Performance', 'Feature request'], weights: [0.34, 0.2, 0.12, 0.12, 0.08, 0.14],
            effects: [{ when: { ref: 'subscription_id.product_id', in: ['4'] }, weights: [0.15, 0.15, 0.5, 0.06, 0.06, 0.08] }],
          },
        },
        { name: 'priority', type: 'STRING', description: 'Priority set by the support agent.', generator: { kind: 'category', values: ['Low', 'Normal', 'High', 'Urgent'], weights: [0.25, 0.5, 0.18, 0.07] } },
        {
          name: 'first_response_hours', type: 'FLOAT64', description: 'Hours from ticket creation to the first agent response.', synonyms: ['response time', 'time to first response', 'FRT'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 9, sd: 7, min: 0.1, max: 400, decimals: 1,
            effects: [{ when: { ref: 'subscription_id.plan_id', in: ['1'] }, factor: 2 }, { when: { ref: 'subscription_id.plan_id', in: ['4'] }, factor: 0.12 }],
          },
        },
        {
          from: 'resolution_hours', synonyms: ['time to resolve', 'resolution time', 'TTR'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 26, sd: 30, min: 0.5, max: 2000, decimals: 1,
            effects: [{ when: { ref: 'category', in: ['Integration issue'] }, factor: 2.8 }, { when: { ref: 'category', in: ['Bug', 'Performance'] }, factor: 1.6 }],
          },
        },
        {
          from: 'satisfaction', name: 'csat_score', description: 'Customer satisfaction rating 1-5 from the post-ticket survey; NULL when not answered.', synonyms: ['CSAT', 'satisfaction'],
          generator: {
            kind: 'number', dist: 'normal', mean: 4.45, sd: 0.7, min: 1, max: 5, decimals: 0, nullRate: 0.45,
            effects: [{ when: { ref: 'category', in: ['Integration issue'] }, add: -1.3 }, { when: { ref: 'category', in: ['Bug', 'Performance'] }, add: -0.5 }],
          },
        },
      ],
    },
  ],
  questions: [
    {
      id: 'q01', level: 'simple',
      question: 'What is our current MRR and ARR, and how many paying accounts do we have?',
      insight: 'The size of the recurring-revenue book today: the baseline for every growth and churn number that follows.',
      expectedColumns: ['active_accounts', 'active_subscriptions', 'mrr', 'arr'],
      insights: [{ kind: 'between', column: 'active_accounts', min: 1 }, { kind: 'between', column: 'mrr', min: 1 }],
      sql: (d) => `SELECT COUNT(DISTINCT account_id) AS active_accounts, COUNT(*) AS active_subscriptions,
  ROUND(SUM(mrr), 2) AS mrr, ROUND(12 * SUM(mrr), 2) AS arr
FROM ${d.table('subscriptions')} WHERE status = 'Active'`,
    },
    {
      id: 'q02', level: 'simple',
      question: 'Which products bring in the most MRR?',
      insight: '{products.0} brings in the most MRR, several times as much as any add-on.',
      expectedColumns: ['product_name', 'active_subscriptions', 'mrr', 'share_pct'],
      insights: [{ kind: 'top', key: 'product_name', value: '{products.0}', by: 'mrr' }, { kind: 'ratio', key: 'product_name', value: '{products.0}', column: 'mrr', atLeast: 2.4 }],
      sql: (d) => `SELECT p.product_name, COUNT(*) AS active_subscriptions, ROUND(SUM(s.mrr), 2) AS mrr,
  ROUND(100.0 * SUM(s.mrr) / SUM(SUM(s.mrr)) OVER (), 1) AS share_pct
FROM ${d.table('subscriptions')} s JOIN ${d.table('products')} p ON p.product_id = s.product_id
WHERE s.status = 'Active'
GROUP BY p.product_name ORDER BY mrr DESC`,
    },
    {
      id: 'q03', level: 'simple',
      question: 'How are our paying accounts and MRR spread across regions?',
      insight: '{regions.0} is by far the largest market: it has more than twice the paying accounts and more than twice the MRR of any other region.',
      expectedColumns: ['region_name', 'active_accounts', 'mrr'],
      insights: [{ kind: 'top', key: 'region_name', value: '{regions.0}', by: 'active_accounts' }, { kind: 'ratio', key: 'region_name', value: '{regions.0}', column: 'active_accounts', atLeast: 2 }, { kind: 'ratio', key: 'region_name', value: '{regions.0}', column: 'mrr', atLeast: 2 }],
      sql: (d) => `SELECT r.region_name, COUNT(DISTINCT a.account_id) AS active_accounts, ROUND(SUM(s.mrr), 2) AS mrr
FROM ${d.table('subscriptions')} s
JOIN ${d.table('accounts')} a ON a.account_id = s.account_id
JOIN ${d.table('regions')} r ON r.region_id = a.region_id
WHERE s.status = 'Active'
GROUP BY r.region_name ORDER BY mrr DESC`,
    },
    {
      id: 'q04', level: 'intermediate',
      question: 'How have new bookings trended month by month over the last 24 months?',
      insight: 'New bookings grow: the latest months book clearly more new subscriptions than the first months of the window.',
      expectedColumns: ['month', 'new_subscriptions', 'new_mrr'],
      insights: [{ kind: 'trend', column: 'new_subscriptions', direction: 'up', atLeast: 1.1 }],
      sql: (d) => `SELECT ${d.truncMonth('start_date')} AS month, COUNT(*) AS new_subscriptions, ROUND(SUM(mrr), 2) AS new_mrr
FROM ${d.table('subscriptions')}
WHERE start_date >= ${d.truncMonth(d.monthsAgo(23))}
GROUP BY 1 ORDER BY 1`,
    },
    {
      id: 'q05', level: 'intermediate',
      question: 'What is the average revenue per account (ARPA) in each customer segment?',
      insight: '{customerSegments.0} accounts are worth more than ten times as much MRR as {customerSegments.2} or {customerSegments.3} accounts.',
      expectedColumns: ['segment', 'active_accounts', 'mrr', 'arpa'],
      insights: [{ kind: 'top', key: 'segment', value: '{customerSegments.0}' }, { kind: 'compare', key: 'segment', value: '{customerSegments.0}', other: '{customerSegments.2}', column: 'arpa', atLeast: 10 }],
      sql: (d) => `WITH per_account AS (
  SELECT s.account_id, s.account_segment, SUM(s.mrr) AS mrr
  FROM ${d.table('subscriptions')} s WHERE s.status = 'Active'
  GROUP BY s.account_id, s.account_segment
)
SELECT account_segment AS segment, COUNT(*) AS active_accounts, ROUND(SUM(mrr), 2) AS mrr, ROUND(AVG(mrr), 2) AS arpa
FROM per_account GROUP BY account_segment ORDER BY arpa DESC`,
    },
    {
      id: 'q06', level: 'intermediate',
      question: 'Which kinds of support tickets take longest to resolve, and how happy are customers with them?',
      insight: 'Integration issues take about twice as long to resolve as a typical ticket and get the lowest CSAT.',
      expectedColumns: ['category', 'tickets', 'median_resolution_hours', 'avg_csat'],
      insights: [{ kind: 'top', key: 'category', value: 'Integration issue', by: 'median_resolution_hours' }, { kind: 'ratio', key: 'category', value: 'Integration issue', column: 'median_resolution_hours', atLeast: 1.6, vs: 'average' }, { kind: 'bottom', key: 'category', value: 'Integration issue', by: 'avg_csat' }],
      sql: (d) => `SELECT category, COUNT(*) AS tickets, ROUND(${d.median('resolution_hours')}, 1) AS median_resolution_hours,
  ROUND(AVG(csat_score), 2) AS avg_csat
FROM ${d.table('support_tickets')}
GROUP BY category ORDER BY median_resolution_hours DESC`,
    },
    {
      id: 'q07', level: 'intermediate',
      question: 'Which product features are used the most over the last 30 days, and by how many accounts?',
      insight: 'Dashboards is by far the most-used feature, well ahead of any other; add-on features such as the audit log and automation rules reach only a fraction of its use, which leaves room for adoption.',
      expectedColumns: ['feature', 'events', 'active_accounts', 'share_pct'],
      insights: [{ kind: 'top', key: 'feature', value: 'Dashboards', by: 'events' }, { kind: 'ratio', key: 'feature', value: 'Dashboards', column: 'events', atLeast: 1.2 }],
      sql: (d) => `SELECT feature, COUNT(*) AS events, COUNT(DISTINCT account_id) AS active_accounts,
  ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 1) AS share_pct
FROM ${d.table('usage_events')}
WHERE ${d.toDate('event_ts')} > ${d.daysAgo(30)}
GROUP BY feature ORDER BY events DESC`,
    },
    {
      id: 'q08', level: 'advanced',
      question: 'What is our logo churn rate over the last 12 months in each customer segment?',
      insight: '{customerSegments.2} and {customerSegments.3} subscriptions churn several times as often as {customerSegments.0} ones.',
      expectedColumns: ['segment', 'subscriptions_at_start', 'churned', 'churn_rate_pct'],
      insights: [{ kind: 'compare', key: 'segment', value: '{customerSegments.2}', other: '{customerSegments.0}', column: 'churn_rate_pct', atLeast: 1.4 }],
      sql: (d) => `SELECT account_segment AS segment, COUNT(*) AS subscriptions_at_start,
  SUM(CASE WHEN canceled_date IS NOT NULL THEN 1 ELSE 0 END) AS churned,
  ROUND(100.0 * SUM(CASE WHEN canceled_date IS NOT NULL THEN 1 ELSE 0 END) / COUNT(*), 1) AS churn_rate_pct
FROM ${d.table('subscriptions')}
WHERE start_date < ${d.monthsAgo(12)} AND (canceled_date IS NULL OR canceled_date >= ${d.monthsAgo(12)})
GROUP BY account_segment ORDER BY churn_rate_pct DESC`,
    },
    {
      id: 'q09', level: 'advanced',
      question: 'Do monthly contracts churn more than annual ones, and how much MRR have we lost on each?',
      insight: 'Monthly subscriptions churn about four times as often as annual ones; moving customers to annual terms is the biggest churn lever.',
      expectedColumns: ['contract_term', 'subscriptions', 'churned', 'churn_rate_pct', 'churned_mrr'],
      insights: [{ kind: 'compare', key: 'contract_term', value: 'Monthly', other: 'Annual', column: 'churn_rate_pct', atLeast: 2.5 }],
      sql: (d) => `SELECT contract_term, COUNT(*) AS subscriptions, SUM(${d.boolToInt('is_churned')}) AS churned,
  ROUND(100.0 * SUM(${d.boolToInt('is_churned')}) / COUNT(*), 1) AS churn_rate_pct,
  ROUND(SUM(CASE WHEN is_churned THEN mrr ELSE 0 END), 2) AS churned_mrr
FROM ${d.table('subscriptions')}
GROUP BY contract_term ORDER BY churn_rate_pct DESC`,
    },
    {
      id: 'q10', level: 'advanced',
      question: 'Which payment methods fail most often, and how much have we failed to collect in the last 12 months?',
      insight: 'Credit cards fail about five times as often as ACH debit and far more often than wire, and account for the vast majority of failed invoices: involuntary churn waiting to happen.',
      expectedColumns: ['payment_method', 'invoices', 'failed_invoices', 'failed_rate_pct', 'failed_amount'],
      insights: [{ kind: 'top', key: 'payment_method', value: 'Credit card' }, { kind: 'compare', key: 'payment_method', value: 'Credit card', other: 'ACH debit', column: 'failed_rate_pct', atLeast: 3 }],
      sql: (d) => `SELECT payment_method, COUNT(*) AS invoices,
  SUM(CASE WHEN payment_status = 'Failed' THEN 1 ELSE 0 END) AS failed_invoices,
  ROUND(100.0 * SUM(CASE WHEN payment_status = 'Failed' THEN 1 ELSE 0 END) / COUNT(*), 1) AS failed_rate_pct,
  ROUND(SUM(CASE WHEN payment_status = 'Failed' THEN amount ELSE 0 END), 2) AS failed_amount
FROM ${d.table('invoices')}
WHERE invoice_date > ${d.daysAgo(365)}
GROUP BY payment_method ORDER BY failed_rate_pct DESC`,
    },
    {
      id: 'q11', level: 'advanced',
      question: 'Are we meeting the first-response SLA on every plan?',
      insight: 'Business-plan customers wait about as long as Professional ones, so their 8-hour first-response SLA is met less often than on any other plan.',
      expectedColumns: ['plan_name', 'sla_hours', 'tickets', 'median_first_response_hours', 'sla_met_pct'],
      insights: [{ kind: 'bottom', key: 'plan_name', value: 'Business', by: 'sla_met_pct' }],
      sql: (d) => `SELECT p.plan_name, p.first_response_sla_hours AS sla_hours, COUNT(*) AS tickets,
  ROUND(${d.median('t.first_response_hours')}, 1) AS median_first_response_hours,
  ROUND(100.0 * SUM(CASE WHEN t.first_response_hours <= p.first_response_sla_hours THEN 1 ELSE 0 END) / COUNT(*), 1) AS sla_met_pct
FROM ${d.table('support_tickets')} t JOIN ${d.table('plans')} p ON p.plan_id = t.plan_id
GROUP BY p.plan_name, p.first_response_sla_hours ORDER BY sla_met_pct`,
    },
    {
      id: 'q12', level: 'expert',
      question: 'How has our MRR moved month by month over the last two years: opening MRR, new MRR and churned MRR?',
      insight: 'Opening MRR roughly doubles or more over two years and new MRR outruns churned MRR, but churned MRR grows even faster as the book grows and claws back a growing share of each month\'s bookings.',
      expectedColumns: ['month', 'opening_mrr', 'new_mrr', 'churned_mrr', 'net_new_mrr'],
      insights: [{ kind: 'trend', column: 'opening_mrr', direction: 'up', atLeast: 1.9 }, { kind: 'trend', column: 'churned_mrr', direction: 'up', atLeast: 3 }],
      sql: (d) => `WITH months AS (
  SELECT DISTINCT ${d.truncMonth('start_date')} AS month
  FROM ${d.table('subscriptions')} WHERE start_date >= ${d.truncMonth(d.monthsAgo(23))}
)
SELECT m.month,
  ROUND(SUM(CASE WHEN s.start_date < m.month AND (s.canceled_date IS NULL OR s.canceled_date >= m.month) THEN s.mrr ELSE 0 END), 2) AS opening_mrr,
  ROUND(SUM(CASE WHEN ${d.truncMonth('s.start_date')} = m.month THEN s.mrr ELSE 0 END), 2) AS new_mrr,
  ROUND(SUM(CASE WHEN s.canceled_date IS NOT NULL AND ${d.truncMonth('s.canceled_date')} = m.month THEN s.mrr ELSE 0 END), 2) AS churned_mrr,
  ROUND(SUM(CASE WHEN ${d.truncMonth('s.start_date')} = m.month THEN s.mrr ELSE 0 END)
    - SUM(CASE WHEN s.canceled_date IS NOT NULL AND ${d.truncMonth('s.canceled_date')} = m.month THEN s.mrr ELSE 0 END), 2) AS net_new_mrr
FROM months m CROSS JOIN ${d.table('subscriptions')} s
GROUP BY m.month ORDER BY m.month`,
    },
    {
      id: 'q13', level: 'expert',
      question: 'Does seat utilisation predict churn?',
      insight: 'Subscriptions using fewer than 40% of their seats have mostly churned, while those above 70% almost never do: utilisation is the clearest early-warning signal.',
      expectedColumns: ['utilisation_band', 'subscriptions', 'churned', 'churn_rate_pct', 'churned_mrr'],
      insights: [{ kind: 'compare', key: 'utilisation_band', value: '1. Under 40%', other: '2. 40-70%', column: 'churn_rate_pct', atLeast: 2 }],
      sql: (d) => `WITH banded AS (
  SELECT CASE WHEN seat_utilisation_pct < 40 THEN '1. Under 40%'
              WHEN seat_utilisation_pct < 70 THEN '2. 40-70%'
              ELSE '3. 70% and over' END AS utilisation_band,
         is_churned, mrr
  FROM ${d.table('subscriptions')}
)
SELECT utilisation_band, COUNT(*) AS subscriptions, SUM(${d.boolToInt('is_churned')}) AS churned,
  ROUND(100.0 * SUM(${d.boolToInt('is_churned')}) / COUNT(*), 1) AS churn_rate_pct,
  ROUND(SUM(CASE WHEN is_churned THEN mrr ELSE 0 END), 2) AS churned_mrr
FROM banded GROUP BY utilisation_band ORDER BY utilisation_band`,
    },
    {
      id: 'q14', level: 'expert',
      question: 'Which active subscriptions show both warning signs, low seat utilisation and failed payments, and how much MRR is at stake?',
      insight: 'Active subscriptions that use under half their seats and have had a payment fail in the last year: ranked by MRR they are the call list for customer success and billing.',
      expectedColumns: ['account_name', 'segment', 'product_name', 'payment_method', 'mrr', 'seat_utilisation_pct', 'failed_payments', 'flagged_subscriptions', 'flagged_mrr'],
      insights: [{ kind: 'between', column: 'seat_utilisation_pct', min: 0, max: 50 }, { kind: 'between', column: 'failed_payments', min: 1 }],
      sql: (d) => `WITH failed AS (
  SELECT subscription_id, COUNT(*) AS failed_payments
  FROM ${d.table('invoices')} WHERE payment_status = 'Failed' AND invoice_date > ${d.daysAgo(365)}
  GROUP BY subscription_id
)
SELECT a.account_name, s.account_segment AS segment, p.product_name, s.payment_method, s.mrr, s.seat_utilisation_pct,
  f.failed_payments, COUNT(*) OVER () AS flagged_subscriptions, ROUND(SUM(s.mrr) OVER (), 2) AS flagged_mrr
FROM ${d.table('subscriptions')} s
JOIN failed f ON f.subscription_id = s.subscription_id
JOIN ${d.table('accounts')} a ON a.account_id = s.account_id
JOIN ${d.table('products')} p ON p.product_id = s.product_id
WHERE s.status = 'Active' AND s.seat_utilisation_pct < 50
ORDER BY s.mrr DESC LIMIT 15`,
    },
  ],
  glossary: [
    { term: 'MRR', definition: 'Monthly recurring revenue: sum of mrr over subscriptions whose status is Active.' },
    { term: 'ARR', definition: 'Annual recurring revenue: 12 x MRR.' },
    { term: 'ARPA', definition: 'Average revenue per account: MRR of active subscriptions per paying account.' },
    { term: 'Logo churn rate (12 months)', definition: 'Share of subscriptions active 12 months ago (started before then, not yet canceled) that were canceled since.' },
    { term: 'Churned MRR', definition: 'The mrr of subscriptions canceled in the period.' },
    { term: 'Net new MRR', definition: 'New MRR from subscriptions started in the period minus churned MRR.' },
    { term: 'Seat utilisation', definition: 'seat_utilisation_pct: share of purchased seats active in the last 30 days (before cancellation for canceled subscriptions).' },
    { term: 'SLA met', definition: 'A ticket whose first_response_hours is within the first_response_sla_hours of the account\'s plan.' },
  ],
  scenes: [
    { title: 'The recurring-revenue book', narrative: 'Start where the board starts: how much recurring revenue {company} has today, which products and regions it comes from, and what each segment is worth.', questionIds: ['q01', 'q02', 'q03', 'q05'] },
    { title: 'Growth engine', narrative: 'Two years of bookings show growth and the end-of-quarter rhythm; the MRR bridge shows how much of it churn gives back.', questionIds: ['q04', 'q12'] },
    { title: 'Where churn comes from', narrative: 'Churn is not spread evenly: segment, contract term and seat utilisation separate the accounts that stay from the ones that leave.', questionIds: ['q08', 'q09', 'q13'] },
    { title: 'Product and customer experience', narrative: 'What customers actually use, which support issues hurt satisfaction, and whether each plan gets the response time it pays for.', questionIds: ['q07', 'q06', 'q11'] },
    { title: 'Protecting revenue', narrative: 'Finish with action: failed card payments to recover and a call list of at-risk accounts for customer success.', questionIds: ['q10', 'q14'] },
  ],
});
