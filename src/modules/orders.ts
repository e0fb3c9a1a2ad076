import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, filter, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

/**
 * Catalogue and orders: a business that sells its offerings in transactions of one or more
 * lines (a brewery's orders from distributors, a roaster's wholesale orders, a shop's sales).
 * Also the general composition when research cannot tell the industry. Planted: the premium
 * first offering leads revenue, the first segment buys about three times as much per order,
 * the last segment gets the deepest discounts, the flagship place sells the most, and
 * revenue grows year on year.
 */
export const orders: BusinessModule = {
  id: 'orders',
  needs: ['customer', 'offering', 'place'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const place = ctx.ref('place');
    const order = ctx.primary ? ctx.word('transaction') : ctx.extra('order', term('order', 'orders'));
    const o = snake(order.singular);
    const table = ctx.tableName(order);
    const lines = ctx.tableName(term(`${order.singular} line`, `${order.singular} lines`));
    const key = `${o}_id`;
    const seg = ctx.values.segments;
    const off = ctx.values.offerings;
    const ordersWord = lower(order.plural);
    const offeringsWord = lower(offering.term.plural);
    const placesWord = lower(place.term.plural);
    const revenue = (alias: string): string => `SUM(${alias}.line_total)`;
    const valid = `o.status <> 'Cancelled'`;
    return {
      tables: [
        {
          name: table,
          description: `${cap(order.plural)} placed with {company}.`,
          grain: `one row per ${lower(order.singular)}`,
          rowCount: 12000,
          primaryKey: key,
          synonyms: [ordersWord, 'orders', 'sales', 'purchases', 'transactions'],
          columns: [
            col(key, 'INT64', `${cap(order.singular)} identifier.`, { kind: 'sequence', start: 300001 }),
            col(customer.key, 'INT64', `${cap(customer.term.singular)} who placed it.`, { kind: 'foreignKey', table: customer.table, column: customer.key, distribution: 'zipf', skew: 0.4, weightBy: 'joined_date' }),
            col('segment', 'STRING', `Segment of the ${lower(customer.term.singular)}.`, { kind: 'copy', ref: `${customer.key}.segment` }, ['customer segment']),
            col(place.key, 'INT64', `${cap(place.term.singular)} that took it.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('order_date', 'DATE', `Day the ${lower(order.singular)} was placed.`, { kind: 'date', from: -760, to: 0, growth: 0.35, notBefore: `${customer.key}.joined_date` }, ['date', 'purchase date']),
            col('channel', 'STRING', 'How it was placed.', { kind: 'category', values: ['Direct', 'Online', 'Phone', 'Partner'], weights: [0.4, 0.35, 0.1, 0.15] }, ['sales channel']),
            col('status', 'STRING', 'Fulfilment status.', { kind: 'category', values: ['Completed', 'In progress', 'Cancelled'], weights: [0.9, 0.05, 0.05] }),
          ],
        },
        {
          name: lines,
          description: `Lines of each ${lower(order.singular)}: what, how many, at what price.`,
          grain: `one row per ${lower(order.singular)} line`,
          rowCount: 28000,
          primaryKey: 'line_id',
          synonyms: ['line items', 'order lines', 'items'],
          columns: [
            col('line_id', 'INT64', 'Line identifier.', { kind: 'sequence' }),
            col(key, 'INT64', `${cap(order.singular)} the line belongs to.`, { kind: 'foreignKey', table, column: key, perParent: { dist: 'poisson', min: 1, max: 8 } }),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} sold.`, { kind: 'foreignKey', table: offering.table, column: offering.key }),
            col('quantity', 'INT64', 'Units on the line.', {
              kind: 'number', dist: 'poisson', mean: 1.5, min: 1, max: 60, decimals: 0,
              effects: [{ when: { ref: `${key}.segment`, in: [seg[0]!] }, factor: 3 }],
            }, ['units', 'qty', 'volume']),
            col('unit_price', 'NUMERIC', 'Price per unit before discount.', { kind: 'copy', ref: `${offering.key}.base_price` }, ['price']),
            col('discount_pct', 'FLOAT64', 'Discount as a fraction (0.1 = 10%).', {
              kind: 'number', dist: 'uniform', min: 0, max: 0.1, decimals: 3,
              effects: [{ when: { ref: `${key}.segment`, in: [seg[seg.length - 1]!] }, factor: 2.8 }],
            }, ['discount', 'markdown']),
            col('line_total', 'NUMERIC', 'Revenue of the line: quantity x unit price x (1 - discount).', { kind: 'derived', expr: 'quantity * unit_price * (1 - discount_pct)', money: true }, ['revenue', 'sales', 'amount']),
          ],
        },
      ],
      questions: [
        {
          id: 'recent',
          level: 'simple',
          question: `How many ${ordersWord} did we take in the last 30 days?`,
          insight: `The current run-rate of ${ordersWord}.`,
          expectedColumns: [snake(ordersWord)],
          insights: [{ kind: 'between', column: snake(ordersWord), min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS ${snake(ordersWord)} FROM ${d.table(table)} WHERE order_date > ${d.daysAgo(30)} AND order_date <= ${d.asOf}`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${offeringsWord} bring in the most revenue?`,
          insight: `${off[0]} leads revenue: it sells at about two and a half times the price of the rest.`,
          expectedColumns: [offering.name, 'units', 'revenue'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }],
          sql: (d) => `SELECT f.${offering.name}, SUM(l.quantity) AS units, ROUND(${revenue('l')}, 2) AS revenue
FROM ${d.table(lines)} l JOIN ${d.table(table)} o ON o.${key} = l.${key} JOIN ${d.table(offering.table)} f ON f.${offering.key} = l.${offering.key}
WHERE ${valid} GROUP BY f.${offering.name} ORDER BY revenue DESC`,
        },
        {
          id: 'trend',
          level: 'intermediate',
          question: 'How has monthly revenue trended over the last two years?',
          insight: 'Revenue grows about a third year on year.',
          expectedColumns: ['month', 'revenue'],
          insights: [{ kind: 'trend', column: 'revenue', direction: 'up' }],
          sql: (d) => `SELECT ${d.truncMonth('o.order_date')} AS month, ROUND(${revenue('l')}, 2) AS revenue
FROM ${d.table(lines)} l JOIN ${d.table(table)} o ON o.${key} = l.${key}
WHERE ${valid} AND ${lastFullMonths(d, 'o.order_date')}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'aov',
          level: 'intermediate',
          question: `Which ${lower(customer.term.singular)} segment spends the most per ${lower(order.singular)}?`,
          insight: `${seg[0]} spend about three times as much per ${lower(order.singular)} as other segments.`,
          expectedColumns: ['segment', snake(ordersWord), 'avg_value'],
          insights: [{ kind: 'top', key: 'segment', value: seg[0]! }, { kind: 'ratio', key: 'segment', value: seg[0]!, column: 'avg_value', atLeast: 1.8 }],
          sql: (d) => `WITH v AS (
  SELECT o.${key}, o.segment, ${revenue('l')} AS value
  FROM ${d.table(table)} o JOIN ${d.table(lines)} l ON l.${key} = o.${key}
  WHERE ${valid} GROUP BY o.${key}, o.segment
)
SELECT segment, COUNT(*) AS ${snake(ordersWord)}, ROUND(AVG(value), 2) AS avg_value FROM v GROUP BY segment ORDER BY avg_value DESC`,
        },
        {
          id: 'by_place',
          level: 'advanced',
          question: `Which ${placesWord} bring in the most revenue, and from how many ${lower(customer.term.plural)}?`,
          insight: `${ctx.values.places[0]} brings in the most revenue.`,
          expectedColumns: [place.name, snake(lower(customer.term.plural)), 'revenue'],
          insights: [{ kind: 'top', key: place.name, value: ctx.values.places[0]! }],
          sql: (d) => `SELECT p.${place.name}, COUNT(DISTINCT o.${customer.key}) AS ${snake(lower(customer.term.plural))}, ROUND(${revenue('l')}, 2) AS revenue
FROM ${d.table(lines)} l JOIN ${d.table(table)} o ON o.${key} = l.${key} JOIN ${d.table(place.table)} p ON p.${place.key} = o.${place.key}
WHERE ${valid} GROUP BY p.${place.name} ORDER BY revenue DESC`,
        },
        {
          id: 'discounts',
          level: 'expert',
          question: `How much discount does each ${lower(customer.term.singular)} segment get, and what does it cost us?`,
          insight: `${seg[seg.length - 1]} get close to three times the average discount of the others.`,
          expectedColumns: ['segment', 'avg_discount_pct', 'discount_given'],
          insights: [{ kind: 'top', key: 'segment', value: seg[seg.length - 1]! }, { kind: 'ratio', key: 'segment', value: seg[seg.length - 1]!, column: 'avg_discount_pct', atLeast: 2 }],
          sql: (d) => `SELECT o.segment, ROUND(100 * AVG(l.discount_pct), 1) AS avg_discount_pct, ROUND(SUM(l.quantity * l.unit_price * l.discount_pct), 2) AS discount_given
FROM ${d.table(lines)} l JOIN ${d.table(table)} o ON o.${key} = l.${key}
WHERE ${valid} GROUP BY o.segment ORDER BY avg_discount_pct DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(table, `${o}_count`, `number of ${ordersWord}`, 'count', '*', { synonyms: [ordersWord, 'orders'], filters: ['not_cancelled'], timeDimension: 'order_date' }),
          measure(lines, 'revenue', 'revenue', 'sum', 'line_total', { synonyms: ['sales', 'turnover'], filters: ['not_cancelled'], format: 'currency', decimals: 2, timeDimension: 'order_date' }),
          measure(lines, 'units', 'units sold', 'sum', 'quantity', { synonyms: ['volume', 'quantity'], filters: ['not_cancelled'], timeDimension: 'order_date' }),
          // Average order value: this module's own revenue over its non-cancelled orders (named apart, so a
          // second module's "revenue" in the same composition never stands in for it).
          measure(lines, `${o}_revenue`, `${lower(order.singular)} revenue`, 'sum', 'line_total', { filters: ['not_cancelled'], format: 'currency', decimals: 2, timeDimension: 'order_date' }),
          measure(lines, 'average_order_value', `average ${lower(order.singular)} value`, 'ratio', '', { numerator: `${o}_revenue`, denominator: `${o}_count`, synonyms: ['aov', 'average order value', 'basket size', `${lower(order.singular)} value`], format: 'currency', decimals: 2 }),
          measure(lines, 'avg_discount', 'average discount', 'avg', 'discount_pct', { synonyms: ['discount'], format: 'percent', decimals: 3 }),
        ],
        dimensions: [
          dimension(table, `${o}_segment`, `${lower(customer.term.singular)} segment`, 'segment', { synonyms: ['segment'], sampleValues: seg }),
          dimension(table, `${o}_channel`, 'sales channel', 'channel', { synonyms: ['channel'], sampleValues: ['Direct', 'Online', 'Phone', 'Partner'] }),
          dimension(table, `${o}_status`, 'status', 'status', { sampleValues: ['Completed', 'In progress', 'Cancelled'] }),
        ],
        timeDimensions: [timeDimension(table, 'order_date', `${lower(order.singular)} date`, 'order_date', ['date', 'purchase date'])],
        filters: [filter(table, 'not_cancelled', `cancelled ${ordersWord} excluded`, "status <> 'Cancelled'", ['valid', 'completed'])],
      },
      glossary: [
        { term: 'Revenue', definition: `Sum of line totals on ${ordersWord} that were not cancelled.` },
        { term: `Average ${lower(order.singular)} value`, definition: `Revenue divided by the number of non-cancelled ${ordersWord}.` },
      ],
      kpis: ['Revenue', `Average ${lower(order.singular)} value`, 'Discount rate'],
      persona: { role: 'Head of Sales', goals: [`Grow revenue from ${offeringsWord}`, 'Protect margin from discounting', `Win more of the best ${lower(customer.term.plural)}`] },
      scene: { title: 'What sells, and to whom', narrative: `{company}'s ${ordersWord}: the run-rate, the ${offeringsWord} that lead, the ${lower(customer.term.plural)} worth the most, and where discounts leak.` },
    };
  },
};
