import type { BusinessModule } from '../compose/module.js';
import { col, dimension, filter, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

const CHANNELS = ['Referral', 'Email', 'Paid search', 'Social media', 'Events', 'Display'];

/**
 * Marketing campaigns and the responses they bring: referrals convert best, display costs
 * the most per conversion (both planted and checked).
 */
export const campaigns: BusinessModule = {
  id: 'campaigns',
  needs: ['customer'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const campaign = ctx.extra('campaign', term('marketing campaign', 'marketing campaigns'));
    const response = ctx.extra('lead', term('campaign response', 'campaign responses'));
    const table = ctx.tableName(campaign);
    const responses = ctx.tableName(response);
    const k = `${snake(campaign.singular)}_id`;
    const ref = { table, key: k, name: 'campaign_name', term: campaign };
    const who = lower(customer.term.plural);
    return {
      tables: [
        {
          name: table,
          description: `Marketing ${lower(campaign.plural)} run by {company}.`,
          grain: `one row per ${lower(campaign.singular)}`,
          rowCount: CHANNELS.length,
          scales: false,
          primaryKey: k,
          synonyms: ['campaigns', 'promotions', 'marketing'],
          columns: [
            col(k, 'INT64', 'Campaign identifier.', { kind: 'sequence' }),
            col('channel', 'STRING', 'Marketing channel.', { kind: 'list', values: CHANNELS }, ['marketing channel', 'source']),
            col('campaign_name', 'STRING', 'Campaign name.', { kind: 'template', template: `{channel} ${lower(campaign.singular)} #{${k}}` }, ['campaign']),
            col('start_date', 'DATE', 'First day of the campaign.', { kind: 'date', from: -700, to: -20 }),
            col('budget', 'NUMERIC', 'Campaign spend.', { kind: 'number', dist: 'uniform', min: 6000, max: 9000, decimals: 0, effects: [{ when: { ref: 'channel', in: ['Display'] }, factor: 3 }] }, ['spend', 'cost']),
          ],
        },
        {
          name: responses,
          description: `People who responded to a ${lower(campaign.singular)}, and whether they became ${who}.`,
          grain: `one row per ${lower(response.singular)}`,
          rowCount: 4000,
          primaryKey: 'response_id',
          synonyms: ['leads', 'responses', 'enquiries'],
          columns: [
            col('response_id', 'INT64', 'Response identifier.', { kind: 'sequence' }),
            col(k, 'INT64', 'Campaign responded to.', { kind: 'foreignKey', table, column: k }),
            col(customer.key, 'INT64', `The ${lower(customer.term.singular)} who responded.`, { kind: 'foreignKey', table: customer.table, column: customer.key }),
            col('response_date', 'DATE', 'Day of the response.', { kind: 'date', after: { ref: `${k}.start_date`, minDays: 0, maxDays: 60 } }),
            col('converted', 'BOOL', `Whether the response turned into business.`, {
              kind: 'boolean', p: 0.11,
              effects: [{ when: { ref: `${k}.channel`, in: ['Referral'] }, p: 0.42 }, { when: { ref: `${k}.channel`, in: ['Display'] }, p: 0.05 }],
            }, ['conversion', 'won']),
          ],
        },
      ],
      provides: { role: 'campaign', ref },
      questions: [
        {
          id: 'conversion',
          level: 'intermediate',
          question: 'Which marketing channels convert best?',
          insight: 'Referrals convert about three times as often as any paid channel.',
          expectedColumns: ['channel', 'responses', 'conversions', 'conversion_pct'],
          insights: [{ kind: 'top', key: 'channel', value: 'Referral' }, { kind: 'ratio', key: 'channel', value: 'Referral', column: 'conversion_pct', atLeast: 2 }],
          sql: (d) => `SELECT m.channel, COUNT(*) AS responses, SUM(${d.boolToInt('r.converted')}) AS conversions,
  ROUND(100.0 * SUM(${d.boolToInt('r.converted')}) / COUNT(*), 1) AS conversion_pct
FROM ${d.table(responses)} r JOIN ${d.table(table)} m ON m.${k} = r.${k}
GROUP BY m.channel ORDER BY conversion_pct DESC`,
        },
        {
          id: 'cost',
          level: 'advanced',
          question: `What does it cost us to win a new ${lower(customer.term.singular)} through each channel?`,
          insight: 'Display costs the most per conversion: the biggest budgets and the weakest conversion.',
          expectedColumns: ['channel', 'budget', 'conversions', 'cost_per_conversion'],
          insights: [{ kind: 'top', key: 'channel', value: 'Display' }, { kind: 'ratio', key: 'channel', value: 'Display', column: 'cost_per_conversion', atLeast: 2 }],
          sql: (d) => `WITH spend AS (SELECT channel, SUM(budget) AS budget FROM ${d.table(table)} GROUP BY channel),
won AS (SELECT m.channel, SUM(${d.boolToInt('r.converted')}) AS conversions FROM ${d.table(responses)} r JOIN ${d.table(table)} m ON m.${k} = r.${k} GROUP BY m.channel)
SELECT s.channel, s.budget, w.conversions, ROUND(${d.safeDivide('s.budget', 'w.conversions')}, 2) AS cost_per_conversion
FROM spend s JOIN won w ON w.channel = s.channel ORDER BY cost_per_conversion DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(responses, 'responses', 'campaign responses', 'count', '*', { synonyms: ['leads', 'enquiries'], timeDimension: 'response_date' }),
          measure(responses, 'conversions', 'conversions', 'sum', `CASE WHEN converted THEN 1 ELSE 0 END`, { synonyms: ['converted leads', 'wins'], timeDimension: 'response_date' }),
          measure(responses, 'conversion_rate', 'conversion rate', 'ratio', '', { numerator: 'conversions', denominator: 'responses', format: 'percent', decimals: 1 }),
          measure(table, 'campaign_budget', 'campaign budget', 'sum', 'budget', { synonyms: ['marketing spend', 'spend'], format: 'currency' }),
        ],
        dimensions: [dimension(table, 'channel', 'marketing channel', 'channel', { synonyms: ['channel', 'source'], sampleValues: CHANNELS }), dimension(table, 'campaign_name', lower(campaign.singular), 'campaign_name')],
        timeDimensions: [timeDimension(responses, 'response_date', 'response date', 'response_date', ['lead date'])],
        filters: [filter(responses, 'converted_only', 'converted responses', 'converted', ['won', 'converted'])],
      },
      glossary: [{ term: 'Conversion rate', definition: `Share of campaign responses that became ${who}.` }, { term: 'Cost per conversion', definition: 'Campaign budget divided by the responses that converted.' }],
      kpis: ['Conversion rate', 'Cost per conversion'],
    };
  },
};
