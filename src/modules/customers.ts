import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, leadWeights, lower, measure, snake, timeDimension } from '../compose/parts.js';

/** Who the business serves is an organisation rather than a person: its names are company names. */
const ORGANISATIONS = /\b(b2b|business(es)?|compan(y|ies)|enterprises?|wholesale|distributors?|retailers?|organi[sz]ations?|firms?|accounts?|brands?|advertisers?|institutions?|agenc(y|ies)|municipalit(y|ies)|utilit(y|ies))\b/i;

/**
 * Customers, clients, donors, members, guests, patients: whoever the business serves, with
 * the company's own segments and places. Most of them sit in the second segment, the
 * first place has the most of them (both planted and checked).
 */
export const customers: BusinessModule = {
  id: 'customers',
  needs: ['place'],
  build(ctx) {
    const customer = ctx.word('customer');
    const c = snake(customer.singular);
    const table = ctx.tableName(customer);
    const place = ctx.ref('place');
    const ref = { table, key: `${c}_id`, name: `${c}_name`, term: customer };
    const segments = ctx.values.segments;
    const organisations = ORGANISATIONS.test(`${ctx.industry.businessModel} ${customer.plural}`);
    const many = lower(customer.plural);
    return {
      tables: [
        {
          name: table,
          description: `${cap(customer.plural)} of {company}.`,
          grain: `one row per ${lower(customer.singular)}`,
          rowCount: 1500,
          scaling: 'sublinear',
          primaryKey: ref.key,
          synonyms: [many, 'customers', 'accounts'],
          columns: [
            col(ref.key, 'INT64', `${customer.singular} identifier.`, { kind: 'sequence', start: 10001 }),
            col(ref.name, 'STRING', `Name of the ${lower(customer.singular)} (synthetic).`, { kind: 'fake', what: organisations ? 'company' : 'person' }, [lower(customer.singular), 'name']),
            col('segment', 'STRING', `Segment of the ${lower(customer.singular)}.`, { kind: 'category', values: segments, weights: leadWeights(segments.length, 1) }, ['segment', 'customer segment', 'tier', 'type']),
            col(place.key, 'INT64', `Home ${lower(place.term.singular)} of the ${lower(customer.singular)}.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('joined_date', 'DATE', `Day the ${lower(customer.singular)} first came to {company}.`, { kind: 'date', from: -1825, to: -30, growth: 0.25 }, ['since', 'signup date', 'first seen']),
          ],
        },
      ],
      provides: { role: 'customer', ref },
      questions: [
        {
          id: 'segments',
          level: 'simple',
          question: `How many ${many} do we have in each segment?`,
          insight: `${segments[1]} is the largest group of ${many}, about twice the size of any other segment.`,
          expectedColumns: ['segment', snake(many)],
          insights: [
            { kind: 'top', key: 'segment', value: segments[1]! },
            { kind: 'ratio', key: 'segment', value: segments[1]!, column: snake(many), atLeast: 1.3 },
          ],
          sql: (d) => `SELECT segment, COUNT(*) AS ${snake(many)} FROM ${d.table(table)} GROUP BY segment ORDER BY ${snake(many)} DESC`,
        },
        {
          id: 'places',
          level: 'simple',
          question: `Which ${lower(place.term.plural)} have the most ${many}?`,
          insight: `${ctx.values.places[0]} is home to the most ${many}.`,
          expectedColumns: [place.name, snake(many)],
          insights: [{ kind: 'top', key: place.name, value: ctx.values.places[0]! }],
          sql: (d) => `SELECT p.${place.name}, COUNT(*) AS ${snake(many)}
FROM ${d.table(table)} c JOIN ${d.table(place.table)} p ON p.${place.key} = c.${place.key}
GROUP BY p.${place.name} ORDER BY ${snake(many)} DESC`,
        },
      ],
      semantic: {
        measures: [measure(table, `${c}_count`, `number of ${many}`, 'count_distinct', ref.key, { synonyms: [`${many}`, 'customers', 'how many customers'], timeDimension: `${c}_joined` })],
        dimensions: [dimension(table, `${c}_segment`, 'segment', 'segment', { synonyms: ['customer segment', 'tier', 'type'], sampleValues: segments })],
        timeDimensions: [timeDimension(table, `${c}_joined`, `${lower(customer.singular)} since`, 'joined_date', ['signup date', 'joined'])],
      },
      glossary: [{ term: cap(customer.singular), definition: `A ${lower(customer.singular)} of {company}; segments: ${segments.join(', ')}.` }],
    };
  },
};
