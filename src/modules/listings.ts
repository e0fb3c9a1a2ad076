import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, filter, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

/**
 * Listings and transactions: properties, vehicles or lots listed for sale, and what sold.
 * Planted: the first offering carries the most sales volume and sells above asking, the
 * last place takes longest to sell, the third offering sells through least, and new
 * listings grow.
 */
export const listings: BusinessModule = {
  id: 'listings',
  needs: ['customer', 'offering', 'staff', 'place'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const member = ctx.ref('staff');
    const place = ctx.ref('place');
    const listing = ctx.extra('listing', term('listing', 'listings'));
    const table = ctx.tableName(listing);
    const l = snake(listing.singular);
    const key = `${l}_id`;
    const off = ctx.values.offerings;
    const places = ctx.values.places;
    const slow = places[places.length - 1]!;
    const listingsWord = lower(listing.plural);
    const offeringsWord = lower(offering.term.plural);
    return {
      tables: [
        {
          name: table,
          description: `${cap(listingsWord)} {company} has marketed, and how they sold.`,
          grain: `one row per ${lower(listing.singular)}`,
          rowCount: 6000,
          primaryKey: key,
          synonyms: [listingsWord, 'listings', 'inventory', 'for sale'],
          columns: [
            col(key, 'INT64', `${cap(listing.singular)} identifier.`, { kind: 'sequence', start: 30001 }),
            col(customer.key, 'INT64', `${cap(customer.term.singular)} who listed it.`, { kind: 'foreignKey', table: customer.table, column: customer.key }),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} listed.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }, ['type', 'category']),
            col(place.key, 'INT64', `${cap(place.term.singular)} it is in.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col(member.key, 'INT64', `${cap(member.term.singular)} handling it.`, { kind: 'foreignKey', table: member.table, column: member.key }),
            col('list_date', 'DATE', 'Day it was listed.', { kind: 'date', from: -760, to: 0, growth: 0.3 }, ['listed on', 'date']),
            col('list_price', 'NUMERIC', 'Asking price.', { kind: 'derived', expr: `${offering.key}.base_price * 3000`, money: true }, ['asking price', 'price']),
            col('days_on_market', 'INT64', 'Days from listing to sale (or to date).', { kind: 'number', dist: 'lognormal', mean: 35, sd: 18, min: 1, max: 720, decimals: 0, effects: [{ when: { ref: place.key, in: [String(places.length)] }, factor: 2.2 }] }, ['DOM', 'time to sell']),
            col('sold', 'BOOL', 'Whether it sold.', { kind: 'boolean', p: 0.72, effects: [{ when: { ref: offering.key, in: ['3'] }, p: 0.42 }] }, ['closed', 'transacted']),
            col('sale_to_list', 'FLOAT64', 'Sale price as a fraction of asking.', { kind: 'number', dist: 'normal', mean: 0.97, sd: 0.02, min: 0.8, max: 1.2, decimals: 3, effects: [{ when: { ref: offering.key, in: ['1'] }, add: 0.05 }] }, ['sale to list ratio']),
            col('sale_price', 'NUMERIC', 'Price achieved (when sold).', { kind: 'derived', expr: 'list_price * sale_to_list', money: true }, ['sold price', 'transaction value']),
          ],
        },
      ],
      questions: [
        {
          id: 'active',
          level: 'simple',
          question: `How many ${listingsWord} are still on the market?`,
          insight: 'The live inventory.',
          expectedColumns: [`active_${snake(listingsWord)}`],
          insights: [{ kind: 'between', column: `active_${snake(listingsWord)}`, min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS active_${snake(listingsWord)} FROM ${d.table(table)} WHERE NOT sold`,
        },
        {
          id: 'volume',
          level: 'simple',
          question: `Which ${offeringsWord} bring in the most sales volume?`,
          insight: `${off[0]} carries the most sales volume.`,
          expectedColumns: [offering.name, 'sales', 'sales_volume'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS sales, ROUND(SUM(x.sale_price), 2) AS sales_volume
FROM ${d.table(table)} x JOIN ${d.table(offering.table)} o ON o.${offering.key} = x.${offering.key}
WHERE x.sold GROUP BY o.${offering.name} ORDER BY sales_volume DESC`,
        },
        {
          id: 'trend',
          level: 'intermediate',
          question: `How many new ${listingsWord} have we taken on each month?`,
          insight: `New ${listingsWord} grow about 30% a year.`,
          expectedColumns: ['month', `new_${snake(listingsWord)}`],
          insights: [{ kind: 'trend', column: `new_${snake(listingsWord)}`, direction: 'up' }],
          sql: (d) => `SELECT ${d.truncMonth('list_date')} AS month, COUNT(*) AS new_${snake(listingsWord)}
FROM ${d.table(table)} WHERE ${lastFullMonths(d, 'list_date')} GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'dom',
          level: 'intermediate',
          question: `Where do ${listingsWord} take longest to sell?`,
          insight: `${slow} takes about twice as long to sell as anywhere else.`,
          expectedColumns: [place.name, 'sales', 'avg_days_on_market'],
          insights: [{ kind: 'top', key: place.name, value: slow }, { kind: 'ratio', key: place.name, value: slow, column: 'avg_days_on_market', atLeast: 1.6 }],
          sql: (d) => `SELECT p.${place.name}, COUNT(*) AS sales, ROUND(AVG(x.days_on_market), 1) AS avg_days_on_market
FROM ${d.table(table)} x JOIN ${d.table(place.table)} p ON p.${place.key} = x.${place.key}
WHERE x.sold GROUP BY p.${place.name} ORDER BY avg_days_on_market DESC`,
        },
        {
          id: 'sell_through',
          level: 'advanced',
          question: `Which ${offeringsWord} sell through least?`,
          insight: `Only about four in ten ${off[2]} sell, against seven in ten of the rest.`,
          expectedColumns: [offering.name, snake(listingsWord), 'sell_through_pct'],
          insights: [{ kind: 'top', key: offering.name, value: off[2]! }, { kind: 'compare', key: offering.name, value: off[0]!, other: off[2]!, column: 'sell_through_pct', atLeast: 1.3 }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(listingsWord)}, ROUND(100.0 * SUM(${d.boolToInt('x.sold')}) / COUNT(*), 1) AS sell_through_pct
FROM ${d.table(table)} x JOIN ${d.table(offering.table)} o ON o.${offering.key} = x.${offering.key}
GROUP BY o.${offering.name} ORDER BY sell_through_pct ASC`,
        },
        {
          id: 'sale_to_list',
          level: 'expert',
          question: `Which ${offeringsWord} sell closest to, or above, the asking price?`,
          insight: `${off[0]} sells above asking on average; the rest sell a few points below.`,
          expectedColumns: [offering.name, 'sales', 'sale_to_list_pct'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }, { kind: 'compare', key: offering.name, value: off[0]!, other: off[1]!, column: 'sale_to_list_pct', atLeast: 1.03 }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS sales, ROUND(100 * AVG(x.sale_to_list), 1) AS sale_to_list_pct
FROM ${d.table(table)} x JOIN ${d.table(offering.table)} o ON o.${offering.key} = x.${offering.key}
WHERE x.sold GROUP BY o.${offering.name} ORDER BY sale_to_list_pct DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(table, `${l}_count`, `number of ${listingsWord}`, 'count', '*', { synonyms: [listingsWord, 'listings'], timeDimension: 'list_date' }),
          measure(table, 'sales', 'sales', 'count', '*', { synonyms: ['closed', 'sold'], filters: ['sold_only'], timeDimension: 'list_date' }),
          measure(table, 'sales_volume', 'sales volume', 'sum', 'sale_price', { synonyms: ['GCI base', 'transaction value'], filters: ['sold_only'], format: 'currency', decimals: 2, timeDimension: 'list_date' }),
          measure(table, 'avg_days_on_market', 'average days on market', 'avg', 'days_on_market', { synonyms: ['DOM', 'time to sell'], filters: ['sold_only'], format: 'duration_days', decimals: 1 }),
        ],
        dimensions: [dimension(table, `${l}_sold`, 'sold', 'sold', { dataType: 'boolean', synonyms: ['closed', 'transacted'] })],
        timeDimensions: [timeDimension(table, 'list_date', `${lower(listing.singular)} date`, 'list_date', ['listed on'])],
        filters: [filter(table, 'sold_only', `sold ${listingsWord} only`, 'sold', ['sold', 'closed'])],
      },
      glossary: [{ term: 'Days on market', definition: `Days from listing to sale.` }, { term: 'Sale-to-list ratio', definition: 'Sale price as a percent of the asking price.' }],
      kpis: ['Sales volume', 'Days on market', 'Sale-to-list ratio', 'Sell-through'],
      persona: { role: 'Head of Sales', goals: ['Grow sales volume', `Cut days on market in ${slow}`, 'Price listings to sell'] },
      scene: { title: 'The market', narrative: `{company}'s ${listingsWord}: what sells, where it sits, and how close to asking it goes.` },
    };
  },
};
