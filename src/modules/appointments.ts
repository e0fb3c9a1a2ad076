import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, filter, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

const STATUSES = ['Completed', 'Cancelled', 'No-show'];

/**
 * Appointments, visits and classes: jobs for a tradesperson, visits for a vet, appointments
 * for a salon. Planted: the first offering earns the most, the last segment fails to show
 * up about three times as often, the second offering takes about twice as long, juniors
 * get lower ratings, and visits grow.
 */
export const appointments: BusinessModule = {
  id: 'appointments',
  needs: ['customer', 'offering', 'staff', 'place'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const member = ctx.ref('staff');
    const place = ctx.ref('place');
    const visit = ctx.primary ? ctx.word('transaction') : ctx.extra('visit', term('appointment', 'appointments'));
    const table = ctx.tableName(visit);
    const v = snake(visit.singular);
    const key = `${v}_id`;
    const seg = ctx.values.segments;
    const off = ctx.values.offerings;
    const flaky = seg[seg.length - 1]!;
    const visitsWord = lower(visit.plural);
    const offeringsWord = lower(offering.term.plural);
    const done = `status = 'Completed'`;
    return {
      tables: [
        {
          name: table,
          description: `${cap(visitsWord)} booked with {company}.`,
          grain: `one row per ${lower(visit.singular)}`,
          rowCount: 15000,
          primaryKey: key,
          synonyms: [visitsWord, 'appointments', 'visits', 'sessions', 'jobs'],
          columns: [
            col(key, 'INT64', `${cap(visit.singular)} identifier.`, { kind: 'sequence', start: 600001 }),
            col(customer.key, 'INT64', `${cap(customer.term.singular)} served.`, { kind: 'foreignKey', table: customer.table, column: customer.key, distribution: 'zipf', skew: 0.3 }),
            col('segment', 'STRING', `Segment of the ${lower(customer.term.singular)}.`, { kind: 'copy', ref: `${customer.key}.segment` }, ['customer segment']),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} delivered.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }, ['service', 'treatment']),
            col(member.key, 'INT64', `${cap(member.term.singular)} who served.`, { kind: 'foreignKey', table: member.table, column: member.key }),
            col(place.key, 'INT64', `${cap(place.term.singular)} where it took place.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('visit_date', 'DATE', `Day of the ${lower(visit.singular)}.`, { kind: 'date', from: -760, to: 0, growth: 0.3 }, ['date', 'appointment date']),
            col('lead_days', 'INT64', 'Days between booking and the visit.', { kind: 'number', dist: 'lognormal', mean: 9, sd: 8, min: 0, max: 120, decimals: 0 }, ['lead time']),
            col('booked_date', 'DATE', 'Day it was booked.', { kind: 'derived', expr: 'visit_date - lead_days' }, ['booking date']),
            col('status', 'STRING', 'What happened.', {
              kind: 'category', values: STATUSES, weights: [0.88, 0.07, 0.05],
              effects: [{ when: { ref: 'segment', in: [flaky] }, weights: [0.68, 0.1, 0.22] }],
            }, ['outcome', 'attended']),
            col('duration_minutes', 'INT64', 'Length in minutes.', { kind: 'number', dist: 'normal', mean: 45, sd: 10, min: 10, max: 300, decimals: 0, effects: [{ when: { ref: offering.key, in: ['2'] }, factor: 2 }] }, ['duration', 'length']),
            col('price', 'NUMERIC', 'Amount charged.', { kind: 'copy', ref: `${offering.key}.base_price` }, ['revenue', 'fee', 'charge']),
            col('rating', 'INT64', 'Rating the customer gave, 1 to 5.', {
              kind: 'number', dist: 'normal', mean: 4.5, sd: 0.5, min: 1, max: 5, decimals: 0, nullRate: 0.4,
              effects: [{ when: { ref: `${member.key}.level`, in: ['Junior'] }, add: -0.9 }],
            }, ['satisfaction', 'review score']),
          ],
        },
      ],
      questions: [
        {
          id: 'recent',
          level: 'simple',
          question: `How many ${visitsWord} did we complete in the last 30 days?`,
          insight: `The current run-rate of ${visitsWord}.`,
          expectedColumns: [`completed_${snake(visitsWord)}`],
          insights: [{ kind: 'between', column: `completed_${snake(visitsWord)}`, min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS completed_${snake(visitsWord)} FROM ${d.table(table)} WHERE ${done} AND visit_date > ${d.daysAgo(30)} AND visit_date <= ${d.asOf}`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${offeringsWord} bring in the most revenue?`,
          insight: `${off[0]} brings in the most revenue: booked often and priced highest.`,
          expectedColumns: [offering.name, snake(visitsWord), 'revenue'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(visitsWord)}, ROUND(SUM(a.price), 2) AS revenue
FROM ${d.table(table)} a JOIN ${d.table(offering.table)} o ON o.${offering.key} = a.${offering.key}
WHERE a.${done} GROUP BY o.${offering.name} ORDER BY revenue DESC`,
        },
        {
          id: 'trend',
          level: 'intermediate',
          question: `How have completed ${visitsWord} trended month by month?`,
          insight: `${cap(visitsWord)} grow about 30% a year.`,
          expectedColumns: ['month', snake(visitsWord)],
          insights: [{ kind: 'trend', column: snake(visitsWord), direction: 'up' }],
          sql: (d) => `SELECT ${d.truncMonth('visit_date')} AS month, COUNT(*) AS ${snake(visitsWord)}
FROM ${d.table(table)} WHERE ${done} AND ${lastFullMonths(d, 'visit_date')}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'no_shows',
          level: 'intermediate',
          question: `Which ${lower(customer.term.singular)} segments miss the most ${visitsWord}?`,
          insight: `${flaky} fail to show up about four times as often as the others.`,
          expectedColumns: ['segment', snake(visitsWord), 'no_show_pct'],
          insights: [{ kind: 'top', key: 'segment', value: flaky }, { kind: 'ratio', key: 'segment', value: flaky, column: 'no_show_pct', atLeast: 2 }],
          sql: (d) => `SELECT segment, COUNT(*) AS ${snake(visitsWord)}, ROUND(100.0 * SUM(CASE WHEN status = 'No-show' THEN 1 ELSE 0 END) / COUNT(*), 1) AS no_show_pct
FROM ${d.table(table)} GROUP BY segment ORDER BY no_show_pct DESC`,
        },
        {
          id: 'duration',
          level: 'advanced',
          question: `Which ${offeringsWord} take the longest?`,
          insight: `${off[1]} takes about twice as long as anything else: it ties up the most time.`,
          expectedColumns: [offering.name, 'avg_minutes', 'hours_booked'],
          insights: [{ kind: 'top', key: offering.name, value: off[1]! }, { kind: 'ratio', key: offering.name, value: off[1]!, column: 'avg_minutes', atLeast: 1.6 }],
          sql: (d) => `SELECT o.${offering.name}, ROUND(AVG(a.duration_minutes), 1) AS avg_minutes, ROUND(SUM(a.duration_minutes) / 60.0, 1) AS hours_booked
FROM ${d.table(table)} a JOIN ${d.table(offering.table)} o ON o.${offering.key} = a.${offering.key}
WHERE a.${done} GROUP BY o.${offering.name} ORDER BY avg_minutes DESC`,
        },
        {
          id: 'ratings',
          level: 'expert',
          question: `How do ratings differ by the seniority of the ${lower(member.term.singular)} who served?`,
          insight: `Junior ${lower(member.term.plural)} are rated clearly lower than senior ones: a coaching opportunity.`,
          expectedColumns: ['level', 'rated', 'avg_rating'],
          insights: [{ kind: 'compare', key: 'level', value: 'Senior', other: 'Junior', column: 'avg_rating', atLeast: 1.08 }],
          sql: (d) => `SELECT s.level, COUNT(a.rating) AS rated, ROUND(AVG(a.rating), 2) AS avg_rating
FROM ${d.table(table)} a JOIN ${d.table(member.table)} s ON s.${member.key} = a.${member.key}
WHERE a.${done} GROUP BY s.level ORDER BY avg_rating DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(table, `${v}_count`, `number of ${visitsWord}`, 'count', '*', { synonyms: [visitsWord, 'appointments', 'visits'], timeDimension: 'visit_date' }),
          measure(table, 'completed', `completed ${visitsWord}`, 'count', '*', { synonyms: ['attended'], filters: ['completed_only'], timeDimension: 'visit_date' }),
          measure(table, 'revenue', 'revenue', 'sum', 'price', { synonyms: ['sales', 'takings', 'income'], filters: ['completed_only'], format: 'currency', decimals: 2, timeDimension: 'visit_date' }),
          measure(table, 'no_shows', 'no-shows', 'sum', "CASE WHEN status = 'No-show' THEN 1 ELSE 0 END", { synonyms: ['missed'], timeDimension: 'visit_date' }),
          measure(table, 'no_show_rate', 'no-show rate', 'ratio', '', { numerator: 'no_shows', denominator: `${v}_count`, format: 'percent', decimals: 1 }),
          measure(table, 'avg_rating', 'average rating', 'avg', 'rating', { synonyms: ['satisfaction'], decimals: 2, timeDimension: 'visit_date' }),
        ],
        dimensions: [
          dimension(table, `${v}_status`, 'status', 'status', { sampleValues: STATUSES }),
          dimension(table, `${v}_segment`, `${lower(customer.term.singular)} segment`, 'segment', { synonyms: ['segment'], sampleValues: seg }),
        ],
        timeDimensions: [timeDimension(table, 'visit_date', `${lower(visit.singular)} date`, 'visit_date', ['date']), timeDimension(table, 'booked_date', 'booking date', 'booked_date')],
        filters: [filter(table, 'completed_only', `completed ${visitsWord} only`, done, ['completed', 'attended'])],
      },
      glossary: [{ term: 'No-show rate', definition: `Share of booked ${visitsWord} the ${lower(customer.term.singular)} did not attend.` }],
      kpis: ['Completed visits', 'No-show rate', 'Average rating'],
      persona: { role: 'Operations Manager', goals: ['Fill the calendar', 'Cut no-shows', 'Keep ratings high'] },
      scene: { title: 'The calendar', narrative: `{company}'s ${visitsWord}: how busy we are, what earns the most, who misses their slot, and how people rate us.` },
    };
  },
};
