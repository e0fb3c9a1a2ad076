import type { Blueprint } from './blueprint.js';
import { preset } from './preset.js';

const RETAIL_YEARLY = [0.8, 0.7, 0.8, 0.85, 0.9, 0.9, 0.95, 0.95, 0.9, 1.0, 1.45, 1.75];
const RETAIL_WEEKLY = [0.9, 0.88, 0.92, 0.97, 1.1, 1.3, 1.2];
const CHANNELS = ['Paid social', 'Search ads', 'Email', 'Influencer', 'Display'];

/** Retail and e-commerce: catalogue, customers, orders and lines, returns, campaigns. */
export const retail: Blueprint = preset({
  id: 'retail',
  label: 'Retail & e-commerce',
  naics: '454110',
  businessModel: 'B2C retail: sells products online and in stores to consumers',
  defaults: {
    products: ['Apparel', 'Footwear', 'Accessories', 'Home', 'Outdoor', 'Electronics', 'Beauty', 'Kids'],
    customerSegments: ['VIP members', 'Loyalty members', 'Occasional shoppers', 'Bargain hunters'],
    regions: ['Northeast', 'Southeast', 'Midwest', 'Southwest', 'West', 'Canada'],
    kpis: ['Revenue', 'Average order value', 'Gross margin', 'Return rate', 'Repeat purchase rate', 'Return on ad spend'],
    keyEntities: ['Customer', 'Order', 'Product', 'Category', 'Return', 'Campaign', 'Region'],
  },
  persona: {
    name: 'Dana Whitlock',
    role: 'VP of E-commerce & Merchandising',
    goals: ['Grow revenue through the peak season', 'Protect gross margin from over-discounting', 'Cut the return rate', 'Spend marketing budget where it pays back'],
  },
  // Regions, categories, customers, campaigns and orders are the modules' tables in retail's
  // words; the catalogue of SKUs and the returns are retail's own.
  words: { place: { singular: 'region', plural: 'regions' }, offering: { singular: 'category', plural: 'product categories' }, extra: { campaign: { singular: 'campaign', plural: 'marketing campaigns' } } },
  roles: { offering: { table: 'products', key: 'product_id', name: 'product_name', term: { singular: 'product', plural: 'products' } } },
  tables: [
    {
      module: 'locations',
      description: 'Sales regions where {company} sells and ships.',
      synonyms: ['territories', 'markets'],
      columns: ['region_id', { from: 'region_name', fromProfile: 'regions', synonyms: ['region', 'market', 'territory'] }],
    },
    {
      module: 'offerings',
      description: 'Merchandise categories of the {company} catalogue.',
      synonyms: ['departments', 'product lines'],
      columns: [
        'category_id',
        { from: 'category_name', description: 'Name of the merchandise category.', synonyms: ['category', 'department', 'product line'], fromProfile: 'products' },
        { name: 'target_margin_pct', type: 'FLOAT64', description: 'Planned gross margin of the category, percent.', generator: { kind: 'number', dist: 'uniform', min: 32, max: 58, decimals: 1 } },
      ],
    },
    {
      name: 'products',
      description: 'Products (SKUs) sold by {company}.',
      grain: 'one row per product',
      rowCount: 400,
      scaling: 'sublinear',
      primaryKey: 'product_id',
      synonyms: ['items', 'SKUs', 'catalogue'],
      columns: [
        { name: 'product_id', type: 'INT64', description: 'Product identifier.', generator: { kind: 'sequence', start: 1001 } },
        { name: 'category_id', type: 'INT64', description: 'Category of the product.', generator: { kind: 'foreignKey', table: 'product_categories', column: 'category_id' } },
        { name: 'product_style', type: 'STRING', description: 'Style line of the product.', generator: { kind: 'category', values: ['Classic', 'Pro', 'Lite', 'Trail', 'Urban', 'Essential', 'Summit', 'Everyday'] } },
        { name: 'product_name', type: 'STRING', description: 'Display name of the product.', synonyms: ['product', 'item', 'SKU name'], generator: { kind: 'template', template: '{category_id.category_name} {product_style} {product_id}' } },
        {
          name: 'list_price', type: 'NUMERIC', description: 'Current list price in the store currency.', synonyms: ['price', 'retail price'],
          generator: { kind: 'number', dist: 'lognormal', mean: 65, sd: 45, min: 5, max: 900, decimals: 2, effects: [{ when: { ref: 'category_id', in: ['6'] }, factor: 4.5 }, { when: { ref: 'category_id', in: ['5'] }, factor: 1.8 }] },
        },
        { name: 'unit_cost', type: 'NUMERIC', description: 'Landed cost per unit.', synonyms: ['cost', 'COGS per unit'], generator: { kind: 'derived', expr: 'list_price * (1 - category_id.target_margin_pct / 100)', decimals: 2 } },
        { name: 'launch_date', type: 'DATE', description: 'Day the product went on sale.', generator: { kind: 'date', from: -1460, to: -30 } },
        { name: 'is_active', type: 'BOOL', description: 'Whether the product is still sold.', generator: { kind: 'boolean', p: 0.9 } },
      ],
    },
    {
      module: 'customers',
      description: 'Customers who have an account with {company}.',
      rowCount: 6000,
      synonyms: ['shoppers', 'buyers', 'accounts'],
      columns: [
        { from: 'customer_id', generator: { kind: 'sequence', start: 100001 } },
        { from: 'customer_name', name: 'full_name', description: 'Customer name (synthetic).', synonyms: [] },
        { name: 'email', type: 'STRING', description: 'Customer email (synthetic, example domains).', generator: { kind: 'fake', what: 'email' } },
        { from: 'segment', fromProfile: 'customerSegments', generator: { kind: 'category', values: ['VIP members', 'Loyalty members', 'Occasional shoppers', 'Bargain hunters'], weights: [0.08, 0.32, 0.4, 0.2] } },
        { from: 'region_id', generator: { kind: 'foreignKey', table: 'regions', column: 'region_id', distribution: 'zipf', skew: 0.7 } },
        { name: 'acquisition_channel', type: 'STRING', description: 'How the customer first found us.', synonyms: ['source', 'acquisition source'], generator: { kind: 'category', values: ['Organic search', 'Paid social', 'Referral', 'Email', 'Marketplace', 'In store'], weights: [0.3, 0.22, 0.12, 0.1, 0.08, 0.18] } },
        { from: 'joined_date', name: 'signup_date', description: 'Day the customer created an account.', synonyms: ['joined', 'registration date'], generator: { kind: 'date', from: -1825, to: -1, growth: 0.3 } },
      ],
    },
    {
      module: 'campaigns',
      description: 'Marketing campaigns that drive traffic and orders.',
      rowCount: 24,
      synonyms: ['campaigns', 'promotions'],
      columns: [
        'campaign_id',
        // A fixed rotation of channels (row i takes values[i]): every channel runs four or five campaigns in every dataset.
        { from: 'channel', name: 'campaign_channel', synonyms: [], generator: { kind: 'list', values: [...Array.from({ length: 4 }, () => CHANNELS).flat(), 'Paid social', 'Search ads', 'Email', 'Display'] } },
        'campaign_name',
        'start_date',
        // The module's budgets: Display costs three times as much per campaign and brings in no more, the lowest return per dollar.
        'budget',
      ],
    },
    {
      module: 'orders',
      description: 'Customer orders placed online, in the app or in stores.',
      rowCount: 20000,
      synonyms: ['purchases', 'transactions', 'sales'],
      columns: [
        { from: 'order_id', generator: { kind: 'sequence', start: 5000001 } },
        { from: 'customer_id', generator: { kind: 'foreignKey', table: 'customers', column: 'customer_id', distribution: 'zipf', skew: 0.5, weightBy: 'signup_date' } },
        { from: 'segment', name: 'customer_segment', description: 'Segment of the customer when the order was placed.', synonyms: ['segment'] },
        { from: 'order_date', synonyms: ['purchase date', 'date'], generator: { kind: 'date', from: -760, to: 0, weekly: RETAIL_WEEKLY, yearly: RETAIL_YEARLY, growth: 0, notBefore: 'customer_id.signup_date' } },
        { from: 'channel', description: 'Sales channel of the order.', generator: { kind: 'category', values: ['Online', 'Mobile app', 'In store'], weights: [0.45, 0.3, 0.25] } },
        { from: 'status', generator: { kind: 'category', values: ['Delivered', 'Shipped', 'Cancelled'], weights: [0.9, 0.06, 0.04] } },
        // Uniform attribution: a channel's revenue follows how many campaigns it ran, so the planted budget gap is what sets its return per dollar.
        { name: 'campaign_id', type: 'INT64', description: 'Campaign the order is attributed to, if any.', generator: { kind: 'foreignKey', table: 'marketing_campaigns', column: 'campaign_id', distribution: 'uniform', nullRate: 0.55 } },
        { name: 'shipping_fee', type: 'NUMERIC', description: 'Shipping charged on the order.', generator: { kind: 'category', values: ['0', '4.95', '9.95'], weights: [0.6, 0.3, 0.1] } },
      ],
    },
    {
      module: 'orders',
      part: 1,
      name: 'order_items',
      rowCount: 48000,
      synonyms: ['order lines', 'line items', 'basket items'],
      columns: [
        { from: 'line_id', name: 'order_item_id' },
        { from: 'order_id', generator: { kind: 'foreignKey', table: 'orders', column: 'order_id', perParent: { dist: 'poisson', mean: 2.2, min: 1, max: 8 } } },
        { from: 'product_id', generator: { kind: 'foreignKey', table: 'products', column: 'product_id', distribution: 'zipf', skew: 0.5 } },
        // VIP members buy about three and a half times the units per line; everyone buys at least one.
        { from: 'quantity', synonyms: ['units', 'qty'], generator: { kind: 'number', dist: 'poisson', mean: 0.7, min: 0, max: 12, decimals: 0, effects: [{ when: { ref: 'order_id.customer_segment', in: ['VIP members'] }, factor: 3.5, add: 1 }, { when: { ref: 'order_id.customer_segment', in: ['Loyalty members', 'Occasional shoppers', 'Bargain hunters'] }, add: 1 }] } },
        { from: 'unit_price', generator: { kind: 'copy', ref: 'product_id.list_price' } },
        { from: 'discount_pct', generator: { kind: 'number', dist: 'uniform', min: 0, max: 0.12, decimals: 2, effects: [{ when: { ref: 'order_id.customer_segment', in: ['Bargain hunters'] }, factor: 2.6 }] } },
        'line_total',
        { name: 'line_cost', type: 'NUMERIC', description: 'Cost of goods of the line.', synonyms: ['COGS'], generator: { kind: 'derived', expr: 'quantity * product_id.unit_cost', money: true } },
        {
          name: 'is_returned', type: 'BOOL', description: 'Whether the line was returned.', synonyms: ['returned'],
          generator: { kind: 'boolean', p: 0.06, effects: [{ when: { ref: 'product_id.category_id', in: ['2'] }, p: 0.19 }, { when: { ref: 'product_id.category_id', in: ['1'] }, p: 0.11 }] },
        },
      ],
    },
    {
      name: 'returns',
      description: 'Returned orders with reason and refund.',
      grain: 'one row per return',
      rowCount: 1500,
      primaryKey: 'return_id',
      synonyms: ['refunds', 'RMAs'],
      columns: [
        { name: 'return_id', type: 'INT64', description: 'Return identifier.', generator: { kind: 'sequence', start: 90001 } },
        { name: 'order_id', type: 'INT64', description: 'Order that was returned.', generator: { kind: 'foreignKey', table: 'orders', column: 'order_id' } },
        { name: 'return_date', type: 'DATE', description: 'Day the return was received.', generator: { kind: 'date', after: { ref: 'order_id.order_date', minDays: 2, maxDays: 40 } } },
        { name: 'reason', type: 'STRING', description: 'Why the customer returned it.', synonyms: ['return reason'], generator: { kind: 'category', values: ['Wrong size', 'Damaged', 'Not as described', 'Changed mind', 'Late delivery'], weights: [0.38, 0.12, 0.18, 0.24, 0.08] } },
        { name: 'refund_amount', type: 'NUMERIC', description: 'Amount refunded.', synonyms: ['refund'], generator: { kind: 'number', dist: 'lognormal', mean: 70, sd: 50, min: 5, max: 1500, decimals: 2 } },
      ],
    },
  ],
  questions: [
    { module: 'orders', from: 'recent', id: 'q01', question: 'How many orders did {company} receive in the last 30 days?', insight: 'The current order run-rate: the baseline the rest of the story builds on.' },
    {
      id: 'q02', level: 'simple',
      question: 'What was our total revenue over the last 12 months?',
      insight: 'Twelve-month revenue sets the baseline for every other question.',
      expectedColumns: ['revenue'],
      insights: [{ kind: 'between', column: 'revenue', min: 1 }],
      sql: (d) => `SELECT ROUND(SUM(oi.line_total), 2) AS revenue
FROM ${d.table('order_items')} oi JOIN ${d.table('orders')} o ON o.order_id = oi.order_id
WHERE o.status <> 'Cancelled' AND o.order_date > ${d.monthsAgo(12)}`,
    },
    {
      id: 'q03', level: 'simple',
      question: 'Which product categories generate the most revenue?',
      insight: '{products.5} leads on revenue despite fewer units, because its prices are about three times the catalogue average.',
      expectedColumns: ['category_name', 'revenue'],
      insights: [{ kind: 'top', key: 'category_name', value: '{products.5}', by: 'revenue' }, { kind: 'ratio', key: 'category_name', value: '{products.5}', column: 'revenue', atLeast: 1.5, vs: 'average' }],
      sql: (d) => `SELECT c.category_name, ROUND(SUM(oi.line_total), 2) AS revenue
FROM ${d.table('order_items')} oi
JOIN ${d.table('orders')} o ON o.order_id = oi.order_id
JOIN ${d.table('products')} p ON p.product_id = oi.product_id
JOIN ${d.table('product_categories')} c ON c.category_id = p.category_id
WHERE o.status <> 'Cancelled'
GROUP BY c.category_name ORDER BY revenue DESC`,
    },
    // The module's 24 full months: the current, partial month no longer reads as a fall.
    { module: 'orders', from: 'trend', id: 'q04', question: 'How has monthly revenue trended over the last 24 months?', insight: 'Revenue grows close to 30% year over year, with a strong November-December peak each year.' },
    {
      id: 'q05', level: 'intermediate',
      question: 'Which customer segment has the highest average order value?',
      insight: '{customerSegments.0} spend about twice as much per order as any other segment.',
      expectedColumns: ['segment', 'orders', 'avg_order_value'],
      insights: [{ kind: 'top', key: 'segment', value: '{customerSegments.0}' }, { kind: 'ratio', key: 'segment', value: '{customerSegments.0}', column: 'avg_order_value', atLeast: 1.6 }],
      sql: (d) => `WITH order_value AS (
  SELECT o.order_id, o.customer_segment, SUM(oi.line_total) AS value
  FROM ${d.table('orders')} o JOIN ${d.table('order_items')} oi ON oi.order_id = o.order_id
  WHERE o.status <> 'Cancelled'
  GROUP BY o.order_id, o.customer_segment
)
SELECT customer_segment AS segment, COUNT(*) AS orders, ROUND(AVG(value), 2) AS avg_order_value
FROM order_value GROUP BY customer_segment ORDER BY avg_order_value DESC`,
    },
    {
      id: 'q06', level: 'intermediate',
      question: 'What share of revenue comes from each sales channel?',
      insight: 'Online is the largest channel, and the mobile app already brings in close to a third of revenue.',
      expectedColumns: ['channel', 'revenue', 'share_pct'],
      insights: [{ kind: 'top', key: 'channel', value: 'Online', by: 'revenue' }, { kind: 'between', key: 'channel', value: 'Mobile app', column: 'share_pct', min: 24, max: 36 }],
      sql: (d) => `SELECT o.channel, ROUND(SUM(oi.line_total), 2) AS revenue,
  ROUND(100 * SUM(oi.line_total) / SUM(SUM(oi.line_total)) OVER (), 1) AS share_pct
FROM ${d.table('order_items')} oi JOIN ${d.table('orders')} o ON o.order_id = oi.order_id
WHERE o.status <> 'Cancelled'
GROUP BY o.channel ORDER BY revenue DESC`,
    },
    {
      id: 'q07', level: 'intermediate',
      question: 'Which regions have the most customers and the most revenue?',
      insight: 'Revenue concentrates in a few regions: the top regions each bring in about twice as much as the bottom ones.',
      expectedColumns: ['region_name', 'customers', 'revenue'],
      insights: [{ kind: 'trend', column: 'revenue', direction: 'down', atLeast: 1.8 }],
      sql: (d) => `SELECT r.region_name, COUNT(DISTINCT c.customer_id) AS customers, ROUND(SUM(oi.line_total), 2) AS revenue
FROM ${d.table('regions')} r
JOIN ${d.table('customers')} c ON c.region_id = r.region_id
JOIN ${d.table('orders')} o ON o.customer_id = c.customer_id
JOIN ${d.table('order_items')} oi ON oi.order_id = o.order_id
WHERE o.status <> 'Cancelled'
GROUP BY r.region_name ORDER BY revenue DESC`,
    },
    {
      id: 'q08', level: 'advanced',
      question: 'Which product category has the highest return rate?',
      insight: '{products.1} is returned about three times as often as the rest of the catalogue, mostly for sizing.',
      expectedColumns: ['category_name', 'lines_sold', 'lines_returned', 'return_rate_pct'],
      insights: [{ kind: 'top', key: 'category_name', value: '{products.1}' }, { kind: 'ratio', key: 'category_name', value: '{products.1}', column: 'return_rate_pct', atLeast: 2, vs: 'average' }],
      sql: (d) => `SELECT c.category_name, COUNT(*) AS lines_sold, SUM(${d.boolToInt('oi.is_returned')}) AS lines_returned,
  ROUND(100.0 * SUM(${d.boolToInt('oi.is_returned')}) / COUNT(*), 1) AS return_rate_pct
FROM ${d.table('order_items')} oi
JOIN ${d.table('products')} p ON p.product_id = oi.product_id
JOIN ${d.table('product_categories')} c ON c.category_id = p.category_id
GROUP BY c.category_name ORDER BY return_rate_pct DESC`,
    },
    {
      id: 'q09', level: 'advanced',
      question: 'By channel, which marketing campaigns returned the most revenue per dollar of budget?',
      insight: 'Display campaigns cost about two and a half times as much as the others without bringing in more revenue, so Display returns the least per dollar of all channels.',
      expectedColumns: ['campaign_channel', 'budget', 'revenue', 'roas'],
      // Per channel, not per campaign: the claim is about channels, and one lucky campaign must not hide it.
      insights: [{ kind: 'bottom', key: 'campaign_channel', value: 'Display', by: 'roas' }],
      sql: (d) => `WITH spend AS (
  SELECT campaign_channel, SUM(budget) AS budget FROM ${d.table('marketing_campaigns')} GROUP BY campaign_channel
), attributed AS (
  SELECT m.campaign_channel, SUM(oi.line_total) AS revenue
  FROM ${d.table('marketing_campaigns')} m
  JOIN ${d.table('orders')} o ON o.campaign_id = m.campaign_id
  JOIN ${d.table('order_items')} oi ON oi.order_id = o.order_id
  WHERE o.status <> 'Cancelled'
  GROUP BY m.campaign_channel
)
SELECT s.campaign_channel, s.budget, ROUND(COALESCE(a.revenue, 0), 2) AS revenue,
  ROUND(${d.safeDivide('COALESCE(a.revenue, 0)', 's.budget')}, 2) AS roas
FROM spend s LEFT JOIN attributed a ON a.campaign_channel = s.campaign_channel
ORDER BY roas DESC`,
    },
    {
      id: 'q10', level: 'advanced',
      question: 'What are our ten products with the highest gross margin?',
      insight: 'A handful of products earn a disproportionate share of gross margin: the first few of the top ten earn well above the last few. Protect their stock.',
      expectedColumns: ['product_name', 'revenue', 'gross_margin'],
      insights: [{ kind: 'trend', column: 'gross_margin', direction: 'down', atLeast: 1.3 }],
      sql: (d) => `SELECT p.product_name, ROUND(SUM(oi.line_total), 2) AS revenue, ROUND(SUM(oi.line_total - oi.line_cost), 2) AS gross_margin
FROM ${d.table('order_items')} oi
JOIN ${d.table('orders')} o ON o.order_id = oi.order_id
JOIN ${d.table('products')} p ON p.product_id = oi.product_id
WHERE o.status <> 'Cancelled'
GROUP BY p.product_name ORDER BY gross_margin DESC LIMIT 10`,
    },
    {
      id: 'q11', level: 'expert',
      question: 'How do discounts erode margin in each customer segment?',
      insight: '{customerSegments.3} get more than twice the average discount, which cuts their margin well below the other segments.',
      expectedColumns: ['segment', 'avg_discount_pct', 'margin_pct'],
      insights: [{ kind: 'top', key: 'segment', value: '{customerSegments.3}' }, { kind: 'ratio', key: 'segment', value: '{customerSegments.3}', column: 'avg_discount_pct', atLeast: 2 }],
      sql: (d) => `SELECT o.customer_segment AS segment, ROUND(100 * AVG(oi.discount_pct), 1) AS avg_discount_pct,
  ROUND(100 * ${d.safeDivide('SUM(oi.line_total - oi.line_cost)', 'SUM(oi.line_total)')}, 1) AS margin_pct
FROM ${d.table('order_items')} oi JOIN ${d.table('orders')} o ON o.order_id = oi.order_id
WHERE o.status <> 'Cancelled'
GROUP BY o.customer_segment ORDER BY avg_discount_pct DESC`,
    },
    {
      id: 'q12', level: 'expert',
      question: 'What is the repeat purchase rate of each quarterly signup cohort?',
      insight: 'Older cohorts repeat far more often; the newest cohorts have not yet had time to come back.',
      expectedColumns: ['signup_quarter', 'customers', 'repeat_customers', 'repeat_rate_pct'],
      insights: [{ kind: 'trend', column: 'repeat_rate_pct', direction: 'down', atLeast: 2.5 }],
      sql: (d) => `WITH per_customer AS (
  SELECT c.customer_id, ${d.truncQuarter('c.signup_date')} AS signup_quarter, COUNT(o.order_id) AS orders
  FROM ${d.table('customers')} c LEFT JOIN ${d.table('orders')} o ON o.customer_id = c.customer_id AND o.status <> 'Cancelled'
  GROUP BY c.customer_id, signup_quarter
)
SELECT signup_quarter, COUNT(*) AS customers, SUM(CASE WHEN orders >= 2 THEN 1 ELSE 0 END) AS repeat_customers,
  ROUND(100.0 * SUM(CASE WHEN orders >= 2 THEN 1 ELSE 0 END) / COUNT(*), 1) AS repeat_rate_pct
FROM per_customer GROUP BY signup_quarter ORDER BY signup_quarter`,
    },
    {
      id: 'q13', level: 'expert',
      question: 'Which return reasons cost us the most, and how fast are returns coming back?',
      insight: 'Sizing problems drive the largest refunds; returns come back about three weeks after the order, whatever the reason.',
      expectedColumns: ['reason', 'returns', 'refunded', 'avg_days_to_return'],
      insights: [{ kind: 'top', key: 'reason', value: 'Wrong size', by: 'refunded' }, { kind: 'between', column: 'avg_days_to_return', min: 12, max: 30 }],
      sql: (d) => `SELECT r.reason, COUNT(*) AS returns, ROUND(SUM(r.refund_amount), 2) AS refunded,
  ROUND(AVG(${d.dateDiffDays('r.return_date', 'o.order_date')}), 1) AS avg_days_to_return
FROM ${d.table('returns')} r JOIN ${d.table('orders')} o ON o.order_id = r.order_id
GROUP BY r.reason ORDER BY refunded DESC`,
    },
  ],
  glossary: [
    { term: 'Revenue', definition: 'Sum of line_total on orders that were not cancelled.' },
    { term: 'Average order value (AOV)', definition: 'Revenue divided by the number of non-cancelled orders.' },
    { term: 'Gross margin', definition: 'Revenue minus cost of goods (line_total - line_cost).' },
    { term: 'Return rate', definition: 'Share of order lines that were returned.' },
    { term: 'ROAS', definition: 'Return on ad spend: attributed revenue divided by campaign budget.' },
    { term: 'Repeat customer', definition: 'A customer with two or more non-cancelled orders.' },
  ],
  scenes: [
    { title: 'The state of the business', narrative: 'Start with the numbers every {company} leader checks on Monday morning: orders, revenue and where it comes from.', questionIds: ['q01', 'q02', 'q03', 'q06'] },
    { title: 'Growth and seasonality', narrative: 'Zoom out to two years of revenue to see growth and the holiday peak the team has to plan for.', questionIds: ['q04', 'q07'] },
    { title: 'Who buys, and what it costs us', narrative: 'Segments differ sharply in basket size and in how much discount they need; returns quietly eat into margin.', questionIds: ['q05', 'q11', 'q08', 'q13'] },
    { title: 'Where to invest next', narrative: 'Finish with the decisions: which products to protect, which campaigns to fund, and whether new customers come back.', questionIds: ['q10', 'q09', 'q12'] },
  ],
});
