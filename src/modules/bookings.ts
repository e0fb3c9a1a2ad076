import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, filter, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

const CHANNELS = ['Website', 'Direct', 'Phone', 'Partner', 'Walk-in'];
// Summer peak: July is the busiest month for stays, visits and events alike.
const SEASON = [0.7, 0.7, 0.8, 0.9, 1.0, 1.2, 2.2, 1.4, 1.0, 0.9, 0.8, 0.9];

/**
 * Bookings, reservations and stays: stays for a hotel, visits for a museum, tickets for a
 * venue. Planted: the first offering earns the most, July is the peak month, partner
 * bookings cancel most, the first segment books the longest, and the second offering is
 * booked furthest ahead.
 */
export const bookings: BusinessModule = {
  id: 'bookings',
  needs: ['customer', 'offering', 'place'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const place = ctx.ref('place');
    const booking = ctx.primary ? ctx.word('transaction') : ctx.extra('booking', term('booking', 'bookings'));
    const unit = ctx.extra('unit', term('night', 'nights'));
    const table = ctx.tableName(booking);
    const b = snake(booking.singular);
    const key = `${b}_id`;
    const seg = ctx.values.segments;
    const off = ctx.values.offerings;
    const bookingsWord = lower(booking.plural);
    const offeringsWord = lower(offering.term.plural);
    const units = snake(unit.plural);
    const live = 'NOT cancelled';
    return {
      tables: [
        {
          name: table,
          description: `${cap(bookingsWord)} made with {company}.`,
          grain: `one row per ${lower(booking.singular)}`,
          rowCount: 14000,
          primaryKey: key,
          synonyms: [bookingsWord, 'bookings', 'reservations'],
          columns: [
            col(key, 'INT64', `${cap(booking.singular)} identifier.`, { kind: 'sequence', start: 700001 }),
            col(customer.key, 'INT64', `${cap(customer.term.singular)} who booked.`, { kind: 'foreignKey', table: customer.table, column: customer.key, distribution: 'zipf', skew: 0.3 }),
            col('segment', 'STRING', `Segment of the ${lower(customer.term.singular)}.`, { kind: 'copy', ref: `${customer.key}.segment` }, ['customer segment']),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} booked.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }),
            col(place.key, 'INT64', `${cap(place.term.singular)} booked at.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('channel', 'STRING', 'Where the booking was made.', { kind: 'category', values: CHANNELS, weights: [0.4, 0.2, 0.1, 0.2, 0.1] }, ['booking channel', 'source']),
            col('start_date', 'DATE', `Day the ${lower(booking.singular)} begins.`, { kind: 'date', from: -760, to: 0, yearly: SEASON, growth: 0.15 }, ['arrival', 'date', 'visit date']),
            col('lead_days', 'INT64', 'Days booked ahead.', { kind: 'number', dist: 'lognormal', mean: 14, sd: 10, min: 0, max: 300, decimals: 0, effects: [{ when: { ref: offering.key, in: ['2'] }, factor: 3 }] }, ['lead time', 'booking window']),
            col('booked_date', 'DATE', 'Day it was booked.', { kind: 'derived', expr: 'start_date - lead_days' }, ['booking date']),
            col(units, 'INT64', `${cap(unit.plural)} booked.`, { kind: 'number', dist: 'poisson', mean: 1.6, min: 1, max: 30, decimals: 0, effects: [{ when: { ref: 'segment', in: [seg[0]!] }, factor: 2.2 }] }, [lower(unit.plural), 'length', 'quantity']),
            col('unit_price', 'NUMERIC', `Price per ${lower(unit.singular)}.`, { kind: 'copy', ref: `${offering.key}.base_price` }, ['rate', 'price']),
            col('total', 'NUMERIC', `${cap(unit.plural)} x price.`, { kind: 'derived', expr: `${units} * unit_price`, money: true }, ['revenue', 'amount', 'booking value']),
            col('cancelled', 'BOOL', 'Whether it was cancelled.', { kind: 'boolean', p: 0.07, effects: [{ when: { ref: 'channel', in: ['Partner'] }, p: 0.22 }] }, ['cancellation']),
          ],
        },
      ],
      questions: [
        {
          id: 'recent',
          level: 'simple',
          question: `How many ${bookingsWord} began in the last 30 days?`,
          insight: `The current run-rate of ${bookingsWord}.`,
          expectedColumns: [snake(bookingsWord)],
          insights: [{ kind: 'between', column: snake(bookingsWord), min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS ${snake(bookingsWord)} FROM ${d.table(table)} WHERE ${live} AND start_date > ${d.daysAgo(30)} AND start_date <= ${d.asOf}`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${offeringsWord} bring in the most revenue?`,
          insight: `${off[0]} brings in the most revenue: booked most and priced highest.`,
          expectedColumns: [offering.name, snake(bookingsWord), 'revenue'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(bookingsWord)}, ROUND(SUM(k.total), 2) AS revenue
FROM ${d.table(table)} k JOIN ${d.table(offering.table)} o ON o.${offering.key} = k.${offering.key}
WHERE NOT k.cancelled GROUP BY o.${offering.name} ORDER BY revenue DESC`,
        },
        {
          id: 'season',
          level: 'intermediate',
          question: 'Which month of the year is our busiest?',
          insight: 'July is the peak: about twice a typical month.',
          expectedColumns: ['month_of_year', snake(bookingsWord)],
          insights: [{ kind: 'top', key: 'month_of_year', value: '7', by: snake(bookingsWord) }],
          // Exactly two of every calendar month, so the window's edges favour none.
          sql: (d) => `SELECT ${d.month('start_date')} AS month_of_year, COUNT(*) AS ${snake(bookingsWord)} FROM ${d.table(table)}
WHERE ${live} AND ${lastFullMonths(d, 'start_date')} GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'cancellations',
          level: 'intermediate',
          question: `Which booking channels have the most cancellations?`,
          insight: 'Partner bookings cancel about three times as often as the others.',
          expectedColumns: ['channel', snake(bookingsWord), 'cancel_pct'],
          insights: [{ kind: 'top', key: 'channel', value: 'Partner' }, { kind: 'ratio', key: 'channel', value: 'Partner', column: 'cancel_pct', atLeast: 2 }],
          sql: (d) => `SELECT channel, COUNT(*) AS ${snake(bookingsWord)}, ROUND(100.0 * SUM(${d.boolToInt('cancelled')}) / COUNT(*), 1) AS cancel_pct
FROM ${d.table(table)} GROUP BY channel ORDER BY cancel_pct DESC`,
        },
        {
          id: 'length',
          level: 'advanced',
          question: `Which ${lower(customer.term.singular)} segments book the most ${lower(unit.plural)} at a time?`,
          insight: `${seg[0]} book about twice as many ${lower(unit.plural)} per ${lower(booking.singular)} as anyone else.`,
          expectedColumns: ['segment', snake(bookingsWord), `avg_${units}`],
          insights: [{ kind: 'top', key: 'segment', value: seg[0]! }, { kind: 'ratio', key: 'segment', value: seg[0]!, column: `avg_${units}`, atLeast: 1.5 }],
          sql: (d) => `SELECT segment, COUNT(*) AS ${snake(bookingsWord)}, ROUND(AVG(${units}), 2) AS avg_${units}
FROM ${d.table(table)} WHERE ${live} GROUP BY segment ORDER BY avg_${units} DESC`,
        },
        {
          id: 'lead_time',
          level: 'expert',
          question: `How far ahead is each ${lower(offering.term.singular)} booked, and what is it worth?`,
          insight: `${off[1]} is booked about three times further ahead than the rest: its demand can be priced early.`,
          expectedColumns: [offering.name, 'avg_lead_days', 'revenue'],
          insights: [{ kind: 'top', key: offering.name, value: off[1]! }, { kind: 'ratio', key: offering.name, value: off[1]!, column: 'avg_lead_days', atLeast: 2 }],
          sql: (d) => `SELECT o.${offering.name}, ROUND(AVG(k.lead_days), 1) AS avg_lead_days, ROUND(SUM(k.total), 2) AS revenue
FROM ${d.table(table)} k JOIN ${d.table(offering.table)} o ON o.${offering.key} = k.${offering.key}
WHERE NOT k.cancelled GROUP BY o.${offering.name} ORDER BY avg_lead_days DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(table, `${b}_count`, `number of ${bookingsWord}`, 'count', '*', { synonyms: [bookingsWord, 'bookings', 'reservations'], filters: ['not_cancelled'], timeDimension: 'start_date' }),
          measure(table, 'revenue', 'revenue', 'sum', 'total', { synonyms: ['booking revenue', 'sales'], filters: ['not_cancelled'], format: 'currency', decimals: 2, timeDimension: 'start_date' }),
          measure(table, units, lower(unit.plural), 'sum', units, { synonyms: ['volume'], filters: ['not_cancelled'], timeDimension: 'start_date' }),
          measure(table, 'avg_lead_days', 'average lead time', 'avg', 'lead_days', { synonyms: ['booking window'], format: 'duration_days', decimals: 1, timeDimension: 'start_date' }),
        ],
        dimensions: [
          dimension(table, 'booking_channel', 'booking channel', 'channel', { synonyms: ['channel', 'source'], sampleValues: CHANNELS }),
          dimension(table, `${b}_segment`, `${lower(customer.term.singular)} segment`, 'segment', { synonyms: ['segment'], sampleValues: seg }),
        ],
        timeDimensions: [timeDimension(table, 'start_date', `${lower(booking.singular)} date`, 'start_date', ['arrival', 'date']), timeDimension(table, 'booked_date', 'booking date', 'booked_date')],
        filters: [filter(table, 'not_cancelled', `cancelled ${bookingsWord} excluded`, 'NOT cancelled', ['valid', 'confirmed'])],
      },
      glossary: [{ term: 'Lead time', definition: `Days between booking and the start of the ${lower(booking.singular)}.` }, { term: 'Cancellation rate', definition: `Share of ${bookingsWord} cancelled.` }],
      kpis: ['Revenue', 'Cancellation rate', 'Lead time'],
      persona: { role: 'Revenue Manager', goals: ['Fill the peak and the shoulder months', 'Cut partner cancellations', `Price the ${offeringsWord} people book early`] },
      scene: { title: 'Demand and the calendar', narrative: `{company}'s ${bookingsWord}: what sells, when the peak comes, who cancels, and how far ahead people plan.` },
    };
  },
};
