import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, filter, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

/** Transaction words that name the bill, not the contract (a telecom's bills, an insurer's premiums). */
const BILL_WORDS = /\b(bill|invoice|payment|premium|charge)s?\b/i;
/** Transaction words that name something else than a recurring contract. */
const NOT_A_CONTRACT = /\b(visit|order|sale|check|trade|purchase|appointment|booking|stay|gift|donation)s?\b/i;

/**
 * Subscriptions and recurring revenue: contracts that bill every month. Planted: the premium
 * first offering brings in the most recurring revenue, the last segment and the third
 * offering churn about twice as often, the second offering's invoices are paid late most,
 * and recurring revenue grows.
 */
export const subscriptions: BusinessModule = {
  id: 'subscriptions',
  needs: ['customer', 'offering', 'place'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const place = ctx.ref('place');
    const tx = ctx.word('transaction');
    const contract = ctx.primary && !BILL_WORDS.test(tx.plural) && !NOT_A_CONTRACT.test(tx.plural) ? tx : ctx.extra('subscription', term('subscription', 'subscriptions'));
    // A utility's bills are bills whether or not its contracts lead the demo.
    const bill = BILL_WORDS.test(tx.plural) ? tx : term('invoice', 'invoices');
    const table = ctx.tableName(contract);
    const bills = ctx.tableName(bill);
    const s = snake(contract.singular);
    const key = `${s}_id`;
    const billKey = `${snake(bill.singular)}_id`;
    const seg = ctx.values.segments;
    const off = ctx.values.offerings;
    const churner = seg[seg.length - 1]!;
    const contractsWord = lower(contract.plural);
    const billsWord = lower(bill.plural);
    const offeringsWord = lower(offering.term.plural);
    return {
      tables: [
        {
          name: table,
          description: `${cap(contractsWord)} ${lower(customer.term.plural)} hold with {company}.`,
          grain: `one row per ${lower(contract.singular)}`,
          rowCount: 3000,
          primaryKey: key,
          synonyms: [contractsWord, 'subscriptions', 'contracts', 'memberships', 'plans'],
          columns: [
            col(key, 'INT64', `${cap(contract.singular)} identifier.`, { kind: 'sequence', start: 40001 }),
            col(customer.key, 'INT64', `${cap(customer.term.singular)} who holds it.`, { kind: 'foreignKey', table: customer.table, column: customer.key }),
            col('segment', 'STRING', `Segment of the ${lower(customer.term.singular)}.`, { kind: 'copy', ref: `${customer.key}.segment` }, ['customer segment']),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} subscribed to.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }, ['plan', 'tier']),
            col(place.key, 'INT64', `${cap(place.term.singular)} it belongs to.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('start_date', 'DATE', 'Day it started.', { kind: 'date', from: -1095, to: -1, growth: 0.5, notBefore: `${customer.key}.joined_date` }, ['signup date', 'since']),
            col('monthly_fee', 'NUMERIC', 'Recurring charge per month.', { kind: 'copy', ref: `${offering.key}.base_price` }, ['MRR', 'fee', 'price']),
            col('churned', 'BOOL', 'Whether it has been cancelled.', {
              kind: 'boolean', p: 0.12,
              effects: [{ when: { ref: 'segment', in: [churner] }, p: 0.36 }, { when: { ref: offering.key, in: ['3'] }, p: 0.32 }],
            }, ['cancelled', 'lapsed', 'lost']),
          ],
        },
        {
          name: bills,
          description: `Monthly ${billsWord} for each ${lower(contract.singular)}.`,
          grain: `one row per ${lower(bill.singular)}`,
          rowCount: 24000,
          primaryKey: billKey,
          synonyms: [billsWord, 'invoices', 'bills', 'billing'],
          columns: [
            col(billKey, 'INT64', `${cap(bill.singular)} identifier.`, { kind: 'sequence', start: 9000001 }),
            col(key, 'INT64', `${cap(contract.singular)} billed.`, { kind: 'foreignKey', table, column: key, perParent: { dist: 'poisson', min: 1 } }),
            col('billing_date', 'DATE', 'Day it was issued.', { kind: 'date', after: { ref: `${key}.start_date`, minDays: 0, maxDays: 720 } }, ['billing date', 'date']),
            col('amount', 'NUMERIC', 'Amount billed.', { kind: 'copy', ref: `${key}.monthly_fee` }, ['billed', 'revenue', 'recurring revenue']),
            col('paid_late', 'BOOL', 'Whether it was paid after its due date.', { kind: 'boolean', p: 0.07, effects: [{ when: { ref: `${key}.${offering.key}`, in: ['2'] }, p: 0.24 }] }, ['late', 'overdue']),
          ],
        },
      ],
      questions: [
        {
          id: 'active',
          level: 'simple',
          question: `How many active ${contractsWord} do we have?`,
          insight: `The active base, net of cancellations.`,
          expectedColumns: [`active_${snake(contractsWord)}`, 'churned'],
          insights: [{ kind: 'between', column: `active_${snake(contractsWord)}`, min: 1 }],
          sql: (d) => `SELECT SUM(CASE WHEN churned THEN 0 ELSE 1 END) AS active_${snake(contractsWord)}, SUM(${d.boolToInt('churned')}) AS churned FROM ${d.table(table)}`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${offeringsWord} bring in the most recurring revenue?`,
          insight: `${off[0]} brings in the most recurring revenue: popular and priced highest.`,
          expectedColumns: [offering.name, `active_${snake(contractsWord)}`, 'monthly_revenue'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS active_${snake(contractsWord)}, ROUND(SUM(s.monthly_fee), 2) AS monthly_revenue
FROM ${d.table(table)} s JOIN ${d.table(offering.table)} o ON o.${offering.key} = s.${offering.key}
WHERE NOT s.churned GROUP BY o.${offering.name} ORDER BY monthly_revenue DESC`,
        },
        {
          id: 'trend',
          level: 'intermediate',
          question: `How has monthly billed revenue trended over the last two years?`,
          insight: 'Billed revenue grows month after month as the base grows.',
          expectedColumns: ['month', 'billed'],
          insights: [{ kind: 'trend', column: 'billed', direction: 'up' }],
          sql: (d) => `SELECT ${d.truncMonth('billing_date')} AS month, ROUND(SUM(amount), 2) AS billed
FROM ${d.table(bills)} WHERE ${lastFullMonths(d, 'billing_date')}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'churn_segment',
          level: 'intermediate',
          question: `Which ${lower(customer.term.singular)} segments cancel most often?`,
          insight: `${churner} cancel about twice as often as other segments.`,
          expectedColumns: ['segment', snake(contractsWord), 'churn_pct'],
          insights: [{ kind: 'top', key: 'segment', value: churner }, { kind: 'ratio', key: 'segment', value: churner, column: 'churn_pct', atLeast: 1.6 }],
          sql: (d) => `SELECT segment, COUNT(*) AS ${snake(contractsWord)}, ROUND(100.0 * SUM(${d.boolToInt('churned')}) / COUNT(*), 1) AS churn_pct
FROM ${d.table(table)} GROUP BY segment ORDER BY churn_pct DESC`,
        },
        {
          id: 'late',
          level: 'advanced',
          question: `Which ${offeringsWord} have the most ${billsWord} paid late?`,
          insight: `${off[1]} ${billsWord} are paid late about three times as often as the rest.`,
          expectedColumns: [offering.name, snake(billsWord), 'late_pct'],
          insights: [{ kind: 'top', key: offering.name, value: off[1]! }, { kind: 'ratio', key: offering.name, value: off[1]!, column: 'late_pct', atLeast: 2 }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(billsWord)}, ROUND(100.0 * SUM(${d.boolToInt('i.paid_late')}) / COUNT(*), 1) AS late_pct
FROM ${d.table(bills)} i JOIN ${d.table(table)} s ON s.${key} = i.${key} JOIN ${d.table(offering.table)} o ON o.${offering.key} = s.${offering.key}
GROUP BY o.${offering.name} ORDER BY late_pct DESC`,
        },
        {
          id: 'churn_offering',
          level: 'expert',
          question: `Which ${offeringsWord} lose the largest share of their recurring revenue to cancellations?`,
          insight: `${off[2]} loses about twice the share of its recurring revenue to cancellations that the others do.`,
          expectedColumns: [offering.name, 'monthly_revenue', 'lost_monthly_revenue', 'lost_pct'],
          insights: [{ kind: 'top', key: offering.name, value: off[2]! }, { kind: 'ratio', key: offering.name, value: off[2]!, column: 'lost_pct', atLeast: 1.5, vs: 'average' }],
          sql: (d) => `SELECT o.${offering.name}, ROUND(SUM(s.monthly_fee), 2) AS monthly_revenue, ROUND(SUM(CASE WHEN s.churned THEN s.monthly_fee ELSE 0 END), 2) AS lost_monthly_revenue,
  ROUND(100 * ${d.safeDivide('SUM(CASE WHEN s.churned THEN s.monthly_fee ELSE 0 END)', 'SUM(s.monthly_fee)')}, 1) AS lost_pct
FROM ${d.table(table)} s JOIN ${d.table(offering.table)} o ON o.${offering.key} = s.${offering.key}
GROUP BY o.${offering.name} ORDER BY lost_pct DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(table, `active_${s}`, `active ${contractsWord}`, 'count', '*', { synonyms: [contractsWord, 'subscribers', 'active base'], filters: ['active_only'] }),
          measure(table, 'mrr', 'monthly recurring revenue', 'sum', 'monthly_fee', { synonyms: ['MRR', 'recurring revenue'], filters: ['active_only'], format: 'currency', decimals: 2 }),
          measure(table, `${s}_total`, `${contractsWord} ever started`, 'count', '*', { synonyms: ['signups'], timeDimension: 'start_date' }),
          measure(table, 'churned_count', `cancelled ${contractsWord}`, 'sum', 'CASE WHEN churned THEN 1 ELSE 0 END', { synonyms: ['cancellations', 'churned'] }),
          measure(table, 'churn_rate', 'churn rate', 'ratio', '', { numerator: 'churned_count', denominator: `${s}_total`, format: 'percent', decimals: 1, synonyms: ['cancellation rate', 'attrition'] }),
          measure(bills, 'billed', 'billed revenue', 'sum', 'amount', { synonyms: ['revenue', 'billings', 'invoiced'], format: 'currency', decimals: 2, timeDimension: 'billing_date' }),
        ],
        dimensions: [dimension(table, `${s}_segment`, `${lower(customer.term.singular)} segment`, 'segment', { synonyms: ['segment'], sampleValues: seg })],
        timeDimensions: [timeDimension(table, 'start_date', 'start date', 'start_date', ['signup date']), timeDimension(bills, 'billing_date', `${lower(bill.singular)} date`, 'billing_date', ['billing date'])],
        filters: [filter(table, 'active_only', `active ${contractsWord} only`, 'NOT churned', ['active', 'current'])],
      },
      glossary: [
        { term: 'MRR', definition: `Monthly recurring revenue: the monthly fees of active ${contractsWord}.` },
        { term: 'Churn rate', definition: `Share of ${contractsWord} that have been cancelled.` },
      ],
      kpis: ['MRR', 'Churn rate', 'Late payment rate'],
      persona: { role: 'Head of Growth', goals: ['Grow recurring revenue', 'Cut churn in the riskiest segment', 'Get paid on time'] },
      scene: { title: 'The recurring base', narrative: `{company}'s ${contractsWord}: how many are active, which ${offeringsWord} carry the revenue, and who cancels.` },
    };
  },
};
