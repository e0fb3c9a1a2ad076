import type { BusinessModule } from '../compose/module.js';
import type { BlueprintTable } from '../blueprints/blueprint.js';
import { cap, col, dimension, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

const GIFT_WORDS = /\b(donations?|gifts?|contributions?|pledges?|memberships?|offerings?|tithes?|grants?)\b/i;
const DONOR_TYPES = ['Individuals', 'Major donors', 'Businesses', 'Foundations'];
const CHANNELS = ['Online', 'Direct mail', 'Events', 'Monthly giving', 'In person'];
// Year-end giving: December is the peak month, as in most fundraising calendars.
const GIVING_YEARLY = [0.8, 0.75, 0.85, 0.85, 0.9, 0.85, 0.8, 0.8, 0.9, 1.0, 1.3, 2.6];

/**
 * Memberships, donors and donations. When the industry's donors are not the people it
 * serves (a food bank gives to neighbours, takes from donors), donors get their own table.
 * Planted: the first programme attracts the most, major donors give about ten times the
 * average gift, December is the peak month, the donor base grows, and the top tenth of
 * donors gives the larger part of the income.
 */
export const donations: BusinessModule = {
  id: 'donations',
  needs: ['customer', 'offering', 'place'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const place = ctx.ref('place');
    const donorTerm = ctx.extra('donor', customer.term);
    const ownDonors = lower(donorTerm.singular) !== lower(customer.term.singular);
    // The transaction word names the gift only where it is one (a church's gifts, a charity's donations), not a museum's visits.
    const tx = ctx.word('transaction');
    const gift = ctx.extra('gift', ctx.primary && GIFT_WORDS.test(tx.plural) ? tx : term('donation', 'donations'));
    const donorsTable = ownDonors ? ctx.tableName(donorTerm) : customer.table;
    const donorKey = ownDonors ? `${snake(donorTerm.singular)}_id` : customer.key;
    const table = ctx.tableName(gift);
    const g = snake(gift.singular);
    const key = `${g}_id`;
    const off = ctx.values.offerings;
    const giftsWord = lower(gift.plural);
    const donorsWord = lower(donorTerm.plural);
    const donorTables: BlueprintTable[] = ownDonors
      ? [
          {
            name: donorsTable,
            description: `${cap(donorTerm.plural)} who give to {company}.`,
            grain: `one row per ${lower(donorTerm.singular)}`,
            rowCount: 2000,
            scaling: 'sublinear',
            primaryKey: donorKey,
            synonyms: [donorsWord, 'donors', 'givers', 'funders'],
            columns: [
              col(donorKey, 'INT64', `${cap(donorTerm.singular)} identifier.`, { kind: 'sequence', start: 50001 }),
              col('donor_name', 'STRING', 'Name (synthetic).', { kind: 'fake', what: 'person' }, ['name']),
              col('donor_type', 'STRING', 'Kind of giver.', { kind: 'category', values: DONOR_TYPES, weights: [0.6, 0.1, 0.15, 0.15] }, ['donor type', 'type']),
              col('joined_date', 'DATE', 'Day the giver was first recorded.', { kind: 'date', from: -1825, to: -1, growth: 0.4 }, ['first gift', 'since']),
            ],
          },
        ]
      : [];
    // Without a donor table of its own, the giver's segment plays the donor type.
    const typeColumn = ownDonors ? 'donor_type' : 'segment';
    const types = ownDonors ? DONOR_TYPES : ctx.values.segments;
    const major = ownDonors ? 'Major donors' : types[0]!;
    return {
      tables: [
        ...donorTables,
        {
          name: table,
          description: `${cap(giftsWord)} to {company}.`,
          grain: `one row per ${lower(gift.singular)}`,
          rowCount: 15000,
          primaryKey: key,
          synonyms: [giftsWord, 'donations', 'gifts', 'contributions'],
          columns: [
            col(key, 'INT64', `${cap(gift.singular)} identifier.`, { kind: 'sequence', start: 800001 }),
            col(donorKey, 'INT64', `${cap(donorTerm.singular)} who gave.`, { kind: 'foreignKey', table: donorsTable, column: donorKey, distribution: 'zipf', skew: 0.4 }),
            col(typeColumn, 'STRING', 'Kind of giver at the time of the gift.', { kind: 'copy', ref: `${donorKey}.${typeColumn}` }, ['donor type']),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} the gift supports.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }, ['designation', 'fund']),
            col(place.key, 'INT64', `${cap(place.term.singular)} that received it.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('gift_date', 'DATE', 'Day of the gift.', { kind: 'date', from: -1095, to: 0, yearly: GIVING_YEARLY, growth: 0.15 }, ['date', 'donation date']),
            col('channel', 'STRING', 'How the gift came in.', { kind: 'category', values: CHANNELS, weights: [0.4, 0.15, 0.12, 0.23, 0.1] }, ['giving channel', 'source']),
            col('amount', 'NUMERIC', 'Amount given.', {
              kind: 'number', dist: 'lognormal', mean: 90, sd: 60, min: 5, max: 250000, decimals: 2,
              effects: [{ when: { ref: typeColumn, in: [major] }, factor: 12 }],
            }, ['gift amount', 'donation', 'value']),
          ],
        },
      ],
      questions: [
        {
          id: 'total',
          level: 'simple',
          question: `How much did we raise in ${giftsWord} over the last 12 months?`,
          insight: 'Twelve months of giving: the baseline for the rest of the story.',
          expectedColumns: [snake(giftsWord), 'raised'],
          insights: [{ kind: 'between', column: 'raised', min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS ${snake(giftsWord)}, ROUND(SUM(amount), 2) AS raised FROM ${d.table(table)} WHERE gift_date > ${d.monthsAgo(12)} AND gift_date <= ${d.asOf}`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${lower(offering.term.plural)} attract the most ${giftsWord}?`,
          insight: `${off[0]} draws the most gifts of all.`,
          expectedColumns: [offering.name, snake(giftsWord), 'raised'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]!, by: snake(giftsWord) }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(giftsWord)}, ROUND(SUM(g.amount), 2) AS raised
FROM ${d.table(table)} g JOIN ${d.table(offering.table)} o ON o.${offering.key} = g.${offering.key}
GROUP BY o.${offering.name} ORDER BY ${snake(giftsWord)} DESC`,
        },
        {
          id: 'avg_gift',
          level: 'intermediate',
          question: `Which kinds of ${donorsWord} give the most per gift?`,
          insight: `${major} give about ten times the average gift of everyone else.`,
          expectedColumns: [typeColumn, snake(giftsWord), 'avg_gift'],
          insights: [{ kind: 'top', key: typeColumn, value: major }, { kind: 'ratio', key: typeColumn, value: major, column: 'avg_gift', atLeast: 4 }],
          sql: (d) => `SELECT ${typeColumn}, COUNT(*) AS ${snake(giftsWord)}, ROUND(AVG(amount), 2) AS avg_gift FROM ${d.table(table)} GROUP BY ${typeColumn} ORDER BY avg_gift DESC`,
        },
        {
          id: 'season',
          level: 'intermediate',
          question: 'In which month of the year do people give the most?',
          insight: 'December, with year-end giving, brings in about twice a typical month.',
          expectedColumns: ['month_of_year', snake(giftsWord)],
          insights: [{ kind: 'top', key: 'month_of_year', value: '12', by: snake(giftsWord) }],
          // Exactly two of every calendar month, so no month is favoured by where the window starts.
          sql: (d) => `SELECT ${d.month('gift_date')} AS month_of_year, COUNT(*) AS ${snake(giftsWord)} FROM ${d.table(table)}
WHERE ${lastFullMonths(d, 'gift_date')} GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'channels',
          level: 'advanced',
          question: `Through which channels do ${giftsWord} come in, and how large is the average gift in each?`,
          insight: 'Online brings in the most gifts; monthly giving is the next biggest stream.',
          expectedColumns: ['channel', snake(giftsWord), 'avg_gift'],
          insights: [{ kind: 'top', key: 'channel', value: 'Online', by: snake(giftsWord) }],
          sql: (d) => `SELECT channel, COUNT(*) AS ${snake(giftsWord)}, ROUND(AVG(amount), 2) AS avg_gift FROM ${d.table(table)} GROUP BY channel ORDER BY ${snake(giftsWord)} DESC`,
        },
        {
          id: 'new_donors',
          level: 'advanced',
          question: `How many new ${donorsWord} did we gain each quarter?`,
          insight: `The ${donorsWord} base keeps growing quarter after quarter.`,
          expectedColumns: ['quarter', `new_${snake(donorsWord)}`],
          insights: [{ kind: 'trend', column: `new_${snake(donorsWord)}`, direction: 'up' }],
          sql: (d) => `SELECT ${d.truncQuarter('joined_date')} AS quarter, COUNT(*) AS new_${snake(donorsWord)}
FROM ${d.table(donorsTable)} WHERE joined_date >= ${d.truncQuarter(d.monthsAgo(24))} AND joined_date < ${d.truncQuarter(d.asOf)}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'concentration',
          level: 'expert',
          question: `What share of the last 12 months' income came from our top tenth of ${donorsWord}?`,
          insight: `The top tenth of ${donorsWord} gives more than half of all income: losing a few of them would hurt.`,
          expectedColumns: ['top_tenth_share_pct', snake(donorsWord)],
          insights: [{ kind: 'between', column: 'top_tenth_share_pct', min: 40, max: 100 }],
          sql: (d) => `WITH per_donor AS (
  SELECT ${donorKey}, SUM(amount) AS given FROM ${d.table(table)} WHERE gift_date > ${d.monthsAgo(12)} GROUP BY ${donorKey}
), ranked AS (
  SELECT given, NTILE(10) OVER (ORDER BY given DESC) AS tenth FROM per_donor
)
SELECT ROUND(100 * SUM(CASE WHEN tenth = 1 THEN given ELSE 0 END) / SUM(given), 1) AS top_tenth_share_pct, COUNT(*) AS ${snake(donorsWord)} FROM ranked`,
        },
      ],
      semantic: {
        measures: [
          measure(table, 'raised', 'amount raised', 'sum', 'amount', { synonyms: ['donations', 'income', 'giving', 'funds raised'], format: 'currency', decimals: 2, timeDimension: 'gift_date' }),
          measure(table, `${g}_count`, `number of ${giftsWord}`, 'count', '*', { synonyms: ['gifts', giftsWord], timeDimension: 'gift_date' }),
          measure(table, 'avg_gift', 'average gift', 'avg', 'amount', { synonyms: ['average donation'], format: 'currency', decimals: 2, timeDimension: 'gift_date' }),
          measure(table, 'active_donors', `${donorsWord} who gave`, 'count_distinct', donorKey, { synonyms: ['donors', 'givers'], timeDimension: 'gift_date' }),
        ],
        dimensions: [
          dimension(table, 'giving_channel', 'giving channel', 'channel', { synonyms: ['channel', 'source'], sampleValues: CHANNELS }),
          dimension(table, 'donor_type', 'donor type', typeColumn, { synonyms: ['type of donor', 'segment'], sampleValues: types }),
        ],
        timeDimensions: [timeDimension(table, 'gift_date', `${lower(gift.singular)} date`, 'gift_date', ['donation date'])],
      },
      glossary: [
        { term: 'Amount raised', definition: `Sum of ${giftsWord}.` },
        { term: 'Average gift', definition: `Amount raised divided by the number of ${giftsWord}.` },
      ],
      kpis: ['Amount raised', 'Average gift', 'Donor growth'],
      persona: { role: 'Director of Development', goals: ['Grow income year on year', `Keep and upgrade ${donorsWord}`, `Fund every ${lower(offering.term.singular)}`] },
      scene: { title: 'Who gives, and when', narrative: `{company}'s ${giftsWord}: how much comes in, for which ${lower(offering.term.plural)}, from whom and in which season.` },
    };
  },
};
