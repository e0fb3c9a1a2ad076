import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, filter, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

const CLAIM_TYPES = ['Property damage', 'Theft', 'Injury', 'Liability', 'Weather'];

/**
 * Policies and claims: an insurer's policies in force and the claims against them.
 * Planted: the first line brings in the most premium, the second line's claims cost about
 * two and a half times as much (its loss ratio leads), the last segment lapses most,
 * liability claims take longest to settle, and claims grow with the book.
 */
export const policies: BusinessModule = {
  id: 'policies',
  needs: ['customer', 'offering', 'staff', 'place'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const member = ctx.ref('staff');
    const place = ctx.ref('place');
    // An insurer whose offerings are "policies" keeps that word for its product lines.
    const policy = lower(offering.term.singular) === 'policy' ? term('policy contract', 'policy contracts') : ctx.extra('policy', term('policy', 'policies'));
    const claim = ctx.extra('claim', term('claim', 'claims'));
    const table = ctx.tableName(policy);
    const claims = ctx.tableName(claim);
    const p = snake(policy.singular);
    const key = `${p}_id`;
    const seg = ctx.values.segments;
    const off = ctx.values.offerings;
    const lapser = seg[seg.length - 1]!;
    const policiesWord = lower(policy.plural);
    const claimsWord = lower(claim.plural);
    const linesWord = lower(offering.term.plural);
    return {
      tables: [
        {
          name: table,
          description: `${cap(policiesWord)} written by {company}.`,
          grain: `one row per ${lower(policy.singular)}`,
          rowCount: 4000,
          primaryKey: key,
          synonyms: [policiesWord, 'policies', 'contracts', 'book of business'],
          columns: [
            col(key, 'INT64', `${cap(policy.singular)} identifier.`, { kind: 'sequence', start: 5000001 }),
            col(customer.key, 'INT64', `${cap(customer.term.singular)} insured.`, { kind: 'foreignKey', table: customer.table, column: customer.key }),
            col('segment', 'STRING', `Segment of the ${lower(customer.term.singular)}.`, { kind: 'copy', ref: `${customer.key}.segment` }, ['customer segment']),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} written.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }, ['line', 'product']),
            col(member.key, 'INT64', `${cap(member.term.singular)} who wrote it.`, { kind: 'foreignKey', table: member.table, column: member.key }),
            col(place.key, 'INT64', `${cap(place.term.singular)} it was written in.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('start_date', 'DATE', 'Day cover started.', { kind: 'date', from: -1095, to: -30, growth: 0.35 }, ['inception', 'effective date']),
            col('annual_premium', 'NUMERIC', 'Premium per year.', { kind: 'derived', expr: `${offering.key}.base_price * 10`, money: true }, ['premium', 'written premium']),
            col('lapsed', 'BOOL', 'Whether the cover lapsed or was cancelled.', { kind: 'boolean', p: 0.1, effects: [{ when: { ref: 'segment', in: [lapser] }, p: 0.32 }] }, ['cancelled', 'not renewed']),
          ],
        },
        {
          name: claims,
          description: `${cap(claimsWord)} made against ${policiesWord}.`,
          grain: `one row per ${lower(claim.singular)}`,
          rowCount: 3000,
          primaryKey: 'claim_id',
          synonyms: [claimsWord, 'claims', 'losses'],
          columns: [
            col('claim_id', 'INT64', `${cap(claim.singular)} identifier.`, { kind: 'sequence', start: 90001 }),
            col(key, 'INT64', `${cap(policy.singular)} claimed on.`, { kind: 'foreignKey', table, column: key }),
            col('claim_date', 'DATE', 'Day it was reported.', { kind: 'date', after: { ref: `${key}.start_date`, minDays: 10, maxDays: 700 } }, ['loss date', 'date']),
            col('claim_type', 'STRING', 'What happened.', { kind: 'category', values: CLAIM_TYPES }, ['peril', 'cause', 'type']),
            col('amount', 'NUMERIC', 'Amount paid or reserved.', {
              kind: 'number', dist: 'lognormal', mean: 800, sd: 500, min: 50, max: 200000, decimals: 2,
              effects: [{ when: { ref: `${key}.${offering.key}`, in: ['2'] }, factor: 2.5 }],
            }, ['claim cost', 'loss', 'paid']),
            col('days_to_settle', 'INT64', 'Days from report to settlement.', { kind: 'number', dist: 'lognormal', mean: 25, sd: 12, min: 1, max: 900, decimals: 0, effects: [{ when: { ref: 'claim_type', in: ['Liability'] }, factor: 3 }] }, ['settlement time', 'cycle time']),
          ],
        },
      ],
      questions: [
        {
          id: 'in_force',
          level: 'simple',
          question: `How many ${policiesWord} are in force?`,
          insight: 'The book in force, net of lapses.',
          expectedColumns: ['in_force', 'annual_premium'],
          insights: [{ kind: 'between', column: 'in_force', min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS in_force, ROUND(SUM(annual_premium), 2) AS annual_premium FROM ${d.table(table)} WHERE NOT lapsed`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${linesWord} bring in the most premium?`,
          insight: `${off[0]} brings in the most premium.`,
          expectedColumns: [offering.name, snake(policiesWord), 'annual_premium'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(policiesWord)}, ROUND(SUM(x.annual_premium), 2) AS annual_premium
FROM ${d.table(table)} x JOIN ${d.table(offering.table)} o ON o.${offering.key} = x.${offering.key}
WHERE NOT x.lapsed GROUP BY o.${offering.name} ORDER BY annual_premium DESC`,
        },
        {
          id: 'claims_trend',
          level: 'intermediate',
          question: `How many ${claimsWord} have we had each quarter?`,
          insight: `${cap(claimsWord)} grow with the book.`,
          expectedColumns: ['quarter', snake(claimsWord)],
          insights: [{ kind: 'trend', column: snake(claimsWord), direction: 'up' }],
          sql: (d) => `SELECT ${d.truncQuarter('claim_date')} AS quarter, COUNT(*) AS ${snake(claimsWord)}
FROM ${d.table(claims)} WHERE claim_date >= ${d.truncQuarter(d.monthsAgo(24))} AND claim_date < ${d.truncQuarter(d.asOf)}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'lapse',
          level: 'intermediate',
          question: `Which ${lower(customer.term.singular)} segments let their cover lapse most?`,
          insight: `${lapser} lapse about three times as often as the others.`,
          expectedColumns: ['segment', snake(policiesWord), 'lapse_pct'],
          insights: [{ kind: 'top', key: 'segment', value: lapser }, { kind: 'ratio', key: 'segment', value: lapser, column: 'lapse_pct', atLeast: 2 }],
          sql: (d) => `SELECT segment, COUNT(*) AS ${snake(policiesWord)}, ROUND(100.0 * SUM(${d.boolToInt('lapsed')}) / COUNT(*), 1) AS lapse_pct
FROM ${d.table(table)} GROUP BY segment ORDER BY lapse_pct DESC`,
        },
        {
          id: 'settle',
          level: 'advanced',
          question: `Which kinds of ${claimsWord} take longest to settle?`,
          insight: 'Liability claims take about three times as long to settle as the others.',
          expectedColumns: ['claim_type', snake(claimsWord), 'avg_days_to_settle'],
          insights: [{ kind: 'top', key: 'claim_type', value: 'Liability' }, { kind: 'ratio', key: 'claim_type', value: 'Liability', column: 'avg_days_to_settle', atLeast: 2 }],
          sql: (d) => `SELECT claim_type, COUNT(*) AS ${snake(claimsWord)}, ROUND(AVG(days_to_settle), 1) AS avg_days_to_settle
FROM ${d.table(claims)} GROUP BY claim_type ORDER BY avg_days_to_settle DESC`,
        },
        {
          id: 'loss_ratio',
          level: 'expert',
          question: `What is the loss ratio of each ${lower(offering.term.singular)}?`,
          insight: `${off[1]} has by far the highest loss ratio: its claims cost about two and a half times as much.`,
          expectedColumns: [offering.name, 'premium', 'claims_cost', 'loss_ratio_pct'],
          insights: [{ kind: 'top', key: offering.name, value: off[1]! }, { kind: 'ratio', key: offering.name, value: off[1]!, column: 'loss_ratio_pct', atLeast: 1.5, vs: 'average' }],
          sql: (d) => `WITH premium AS (
  SELECT ${offering.key}, SUM(annual_premium) AS premium FROM ${d.table(table)} GROUP BY ${offering.key}
), cost AS (
  SELECT x.${offering.key}, SUM(c.amount) AS claims_cost FROM ${d.table(claims)} c JOIN ${d.table(table)} x ON x.${key} = c.${key} GROUP BY x.${offering.key}
)
SELECT o.${offering.name}, ROUND(p.premium, 2) AS premium, ROUND(COALESCE(c.claims_cost, 0), 2) AS claims_cost,
  ROUND(100 * ${d.safeDivide('COALESCE(c.claims_cost, 0)', 'p.premium')}, 1) AS loss_ratio_pct
FROM premium p JOIN ${d.table(offering.table)} o ON o.${offering.key} = p.${offering.key} LEFT JOIN cost c ON c.${offering.key} = p.${offering.key}
ORDER BY loss_ratio_pct DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(table, 'in_force', `${policiesWord} in force`, 'count', '*', { synonyms: [policiesWord, 'policies', 'book'], filters: ['in_force_only'] }),
          measure(table, 'written_premium', 'annual premium', 'sum', 'annual_premium', { synonyms: ['premium', 'GWP', 'written premium'], format: 'currency', decimals: 2, timeDimension: 'start_date' }),
          measure(claims, 'claim_count', `number of ${claimsWord}`, 'count', '*', { synonyms: [claimsWord, 'claims'], timeDimension: 'claim_date' }),
          measure(claims, 'claims_cost', 'claims cost', 'sum', 'amount', { synonyms: ['losses', 'incurred'], format: 'currency', decimals: 2, timeDimension: 'claim_date' }),
          measure(claims, 'avg_days_to_settle', 'average days to settle', 'avg', 'days_to_settle', { synonyms: ['settlement time'], format: 'duration_days', decimals: 1, timeDimension: 'claim_date' }),
        ],
        dimensions: [dimension(claims, 'claim_type', 'claim type', 'claim_type', { synonyms: ['peril', 'cause'], sampleValues: CLAIM_TYPES }), dimension(table, `${p}_segment`, `${lower(customer.term.singular)} segment`, 'segment', { synonyms: ['segment'], sampleValues: seg })],
        timeDimensions: [timeDimension(table, 'start_date', 'inception date', 'start_date', ['effective date']), timeDimension(claims, 'claim_date', `${lower(claim.singular)} date`, 'claim_date', ['loss date'])],
        filters: [filter(table, 'in_force_only', `${policiesWord} in force`, 'NOT lapsed', ['active', 'in force'])],
      },
      glossary: [{ term: 'Loss ratio', definition: `Claims cost as a percent of premium.` }, { term: 'Lapse rate', definition: `Share of ${policiesWord} that lapsed or were cancelled.` }],
      kpis: ['Written premium', 'Loss ratio', 'Lapse rate', 'Days to settle'],
      persona: { role: 'Chief Underwriting Officer', goals: ['Grow premium profitably', 'Bring the worst loss ratio down', 'Keep good customers renewing'] },
      scene: { title: 'The book and its losses', narrative: `{company}'s ${policiesWord} and ${claimsWord}: where premium comes from, which lines lose money, and who lapses.` },
    };
  },
};
