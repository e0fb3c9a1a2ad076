import type { BusinessModule } from '../compose/module.js';
import { col, dimension, lower, measure, term, timeDimension } from '../compose/parts.js';

const CATEGORIES = ['Billing', 'Scheduling', 'Quality concern', 'Account change', 'General enquiry'];

/**
 * Requests for help: quality concerns take longest to resolve, and volume grows with the
 * business (both planted and checked).
 */
export const support: BusinessModule = {
  id: 'support',
  needs: ['customer', 'offering'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const request = ctx.extra('ticket', term('support request', 'support requests'));
    const table = ctx.tableName(request);
    const k = 'request_id';
    const many = lower(request.plural);
    return {
      tables: [
        {
          name: table,
          description: `${many[0]!.toUpperCase()}${many.slice(1)} raised by ${lower(customer.term.plural)}.`,
          grain: `one row per ${lower(request.singular)}`,
          rowCount: 3000,
          primaryKey: k,
          synonyms: ['tickets', 'cases', 'complaints', 'requests'],
          columns: [
            col(k, 'INT64', 'Request identifier.', { kind: 'sequence', start: 70001 }),
            col(customer.key, 'INT64', `${customer.term.singular} who raised it.`, { kind: 'foreignKey', table: customer.table, column: customer.key, distribution: 'zipf', skew: 0.4 }),
            col(offering.key, 'INT64', `${offering.term.singular} it concerns.`, { kind: 'foreignKey', table: offering.table, column: offering.key }),
            col('opened_date', 'DATE', 'Day the request was raised.', { kind: 'date', from: -730, to: 0, growth: 0.5 }, ['raised', 'date']),
            col('category', 'STRING', 'What the request is about.', { kind: 'category', values: CATEGORIES, weights: [0.25, 0.2, 0.15, 0.15, 0.25] }, ['type', 'reason']),
            col('resolution_hours', 'FLOAT64', 'Hours from raised to resolved.', { kind: 'number', dist: 'lognormal', mean: 20, sd: 10, min: 1, max: 400, decimals: 1, effects: [{ when: { ref: 'category', in: ['Quality concern'] }, factor: 3 }] }, ['time to resolve', 'resolution time']),
            col('satisfaction', 'INT64', 'Satisfaction score the requester gave, 1 to 5.', { kind: 'number', dist: 'normal', mean: 4.2, sd: 0.7, min: 1, max: 5, decimals: 0, nullRate: 0.3, effects: [{ when: { ref: 'category', in: ['Quality concern'] }, add: -1.2 }] }, ['CSAT', 'rating']),
          ],
        },
      ],
      questions: [
        {
          id: 'resolution',
          level: 'intermediate',
          question: `Which kinds of ${many} take longest to resolve, and how satisfied are ${lower(customer.term.plural)} afterwards?`,
          insight: 'Quality concerns take about three times as long to resolve as anything else, and leave the lowest satisfaction.',
          expectedColumns: ['category', 'requests', 'avg_resolution_hours', 'avg_satisfaction'],
          insights: [{ kind: 'top', key: 'category', value: 'Quality concern' }, { kind: 'ratio', key: 'category', value: 'Quality concern', column: 'avg_resolution_hours', atLeast: 2 }],
          sql: (d) => `SELECT category, COUNT(*) AS requests, ROUND(AVG(resolution_hours), 1) AS avg_resolution_hours, ROUND(AVG(satisfaction), 2) AS avg_satisfaction
FROM ${d.table(table)} GROUP BY category ORDER BY avg_resolution_hours DESC`,
        },
        {
          id: 'volume',
          level: 'advanced',
          question: `How has the number of ${many} changed quarter by quarter?`,
          insight: `${many[0]!.toUpperCase()}${many.slice(1)} grow with the business, about 50% a year.`,
          expectedColumns: ['quarter', 'requests'],
          insights: [{ kind: 'trend', column: 'requests', direction: 'up', atLeast: 1.2 }],
          sql: (d) => `SELECT ${d.truncQuarter('opened_date')} AS quarter, COUNT(*) AS requests
FROM ${d.table(table)} WHERE opened_date >= ${d.truncQuarter(d.monthsAgo(21))} AND opened_date < ${d.truncQuarter(d.asOf)}
GROUP BY 1 ORDER BY 1`,
        },
      ],
      semantic: {
        measures: [
          measure(table, 'requests', many, 'count', '*', { synonyms: ['tickets', 'cases', 'complaints'], timeDimension: 'opened_date' }),
          measure(table, 'avg_resolution_hours', 'average resolution time', 'avg', 'resolution_hours', { synonyms: ['time to resolve'], format: 'duration_hours', decimals: 1, timeDimension: 'opened_date' }),
          measure(table, 'avg_satisfaction', 'average satisfaction', 'avg', 'satisfaction', { synonyms: ['CSAT', 'rating'], decimals: 2, timeDimension: 'opened_date' }),
        ],
        dimensions: [dimension(table, 'request_category', 'request category', 'category', { synonyms: ['ticket type', 'reason'], sampleValues: CATEGORIES })],
        timeDimensions: [timeDimension(table, 'opened_date', 'date raised', 'opened_date', ['ticket date'])],
      },
      glossary: [{ term: 'Resolution time', definition: `Hours from a ${lower(request.singular)} being raised to being resolved.` }],
      kpis: ['Resolution time', 'Satisfaction'],
    };
  },
};
