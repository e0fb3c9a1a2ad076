import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, filter, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

/** Transaction words that name the bill, not the metered event: those stay with the bills. */
const BILL_WORDS = /\b(bill|invoice|payment|premium|charge|subscription|licen[cs]e|contract)s?\b/i;

/**
 * Metered usage: meters and their readings for a utility, lines and data sessions for a
 * telecom, seats and usage events for software, accounts and trades for a broker. Planted:
 * the premium first offering bills the most and is used about 80% more heavily per record (a
 * competing plant on another offering could outbill it), the first segment uses about three
 * times as much per metered unit, the last place has
 * about four times the share of flagged records, and usage grows.
 */
export const usage: BusinessModule = {
  id: 'usage',
  needs: ['customer', 'offering', 'place'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const place = ctx.ref('place');
    const tx = ctx.word('transaction');
    const unit = ctx.extra('unit', term('meter', 'meters'));
    const event = ctx.extra('event', ctx.primary && !BILL_WORDS.test(tx.plural) ? tx : term('usage record', 'usage records'));
    const units = ctx.tableName(unit);
    const table = ctx.tableName(event);
    const u = snake(unit.singular);
    const unitKey = `${u}_id`;
    const e = snake(event.singular);
    const key = `${e}_id`;
    const seg = ctx.values.segments;
    const off = ctx.values.offerings;
    const places = ctx.values.places;
    const lastPlace = places[places.length - 1]!;
    const unitsWord = lower(unit.plural);
    const eventsWord = lower(event.plural);
    const offeringsWord = lower(offering.term.plural);
    const placesWord = lower(place.term.plural);
    const customerWord = lower(customer.term.singular);
    return {
      tables: [
        {
          name: units,
          description: `${cap(unitsWord)} {company} meters, one per ${lower(unit.singular)} a ${customerWord} holds.`,
          grain: `one row per ${lower(unit.singular)}`,
          rowCount: 3000,
          scaling: 'sublinear',
          primaryKey: unitKey,
          synonyms: [unitsWord, 'meters', 'connections', 'metered units'],
          columns: [
            col(unitKey, 'INT64', `${cap(unit.singular)} identifier.`, { kind: 'sequence', start: 200001 }),
            col(customer.key, 'INT64', `${cap(customer.term.singular)} who holds it.`, { kind: 'foreignKey', table: customer.table, column: customer.key }),
            col('segment', 'STRING', `Segment of the ${customerWord}.`, { kind: 'copy', ref: `${customer.key}.segment` }, ['customer segment']),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} it is billed on.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }, ['plan', 'tariff', 'rate']),
            col(place.key, 'INT64', `${cap(place.term.singular)} where it is.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('activated_date', 'DATE', 'Day it was switched on.', { kind: 'date', from: -1460, to: -30, growth: 0.3, notBefore: `${customer.key}.joined_date` }, ['installed', 'since', 'connected']),
            col('unit_rate', 'NUMERIC', 'Price per unit of usage.', { kind: 'derived', expr: `${offering.key}.base_price / 400`, decimals: 4 }, ['rate', 'price per unit']),
          ],
        },
        {
          name: table,
          description: `${cap(eventsWord)}: how much each ${lower(unit.singular)} used, and what it was billed.`,
          grain: `one row per ${lower(event.singular)}`,
          rowCount: 36000,
          primaryKey: key,
          synonyms: [eventsWord, 'usage', 'consumption', 'readings', 'usage records'],
          columns: [
            col(key, 'INT64', `${cap(event.singular)} identifier.`, { kind: 'sequence', start: 5000001 }),
            col(unitKey, 'INT64', `${cap(unit.singular)} it was recorded on.`, { kind: 'foreignKey', table: units, column: unitKey, perParent: { dist: 'poisson', min: 1 } }),
            col('segment', 'STRING', `Segment of the ${customerWord}.`, { kind: 'copy', ref: `${unitKey}.segment` }, ['customer segment']),
            col('usage_date', 'DATE', 'Day of the usage.', { kind: 'date', from: -760, to: 0, growth: 0.4, notBefore: `${unitKey}.activated_date` }, ['date', 'read date', 'period']),
            col('quantity', 'FLOAT64', 'Amount used.', {
              kind: 'number', dist: 'lognormal', mean: 300, sd: 120, min: 1, max: 20000, decimals: 1,
              effects: [{ when: { ref: 'segment', in: [seg[0]!] }, factor: 3 }, { when: { ref: `${unitKey}.${offering.key}`, in: ['1'] }, factor: 1.8 }],
            }, ['usage', 'consumption', 'volume', 'amount used']),
            col('charge', 'NUMERIC', 'Amount billed for it: quantity x rate.', { kind: 'derived', expr: `quantity * ${unitKey}.unit_rate`, money: true }, ['revenue', 'billed', 'amount']),
            col('flagged', 'BOOL', 'Estimated, dropped or failed: the record needs attention.', {
              kind: 'boolean', p: 0.04,
              effects: [{ when: { ref: `${unitKey}.${place.key}`, in: [String(places.length)] }, p: 0.17 }],
            }, ['estimated', 'exception', 'error', 'failed']),
          ],
        },
      ],
      questions: [
        {
          id: 'active',
          level: 'simple',
          question: `How many ${unitsWord} recorded usage in the last 30 days?`,
          insight: `The active base of ${unitsWord}.`,
          expectedColumns: [`active_${snake(unitsWord)}`],
          insights: [{ kind: 'between', column: `active_${snake(unitsWord)}`, min: 1 }],
          sql: (d) => `SELECT COUNT(DISTINCT ${unitKey}) AS active_${snake(unitsWord)} FROM ${d.table(table)} WHERE usage_date > ${d.daysAgo(30)} AND usage_date <= ${d.asOf}`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${offeringsWord} bill the most usage?`,
          insight: `${off[0]} bills the most: the most ${unitsWord} at the highest rate.`,
          expectedColumns: [offering.name, snake(unitsWord), 'billed'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(DISTINCT m.${unitKey}) AS ${snake(unitsWord)}, ROUND(SUM(r.charge), 2) AS billed
FROM ${d.table(table)} r JOIN ${d.table(units)} m ON m.${unitKey} = r.${unitKey} JOIN ${d.table(offering.table)} o ON o.${offering.key} = m.${offering.key}
GROUP BY o.${offering.name} ORDER BY billed DESC`,
        },
        {
          id: 'trend',
          level: 'intermediate',
          question: `How has total usage trended month by month?`,
          insight: 'Usage grows about 40% a year as the base grows.',
          expectedColumns: ['month', 'total_usage'],
          insights: [{ kind: 'trend', column: 'total_usage', direction: 'up' }],
          sql: (d) => `SELECT ${d.truncMonth('usage_date')} AS month, ROUND(SUM(quantity), 0) AS total_usage
FROM ${d.table(table)} WHERE ${lastFullMonths(d, 'usage_date')}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'flagged',
          level: 'intermediate',
          question: `Which ${placesWord} have the most flagged ${eventsWord}?`,
          insight: `${lastPlace} flags about four times the share of ${eventsWord} the others do: a metering problem to fix there.`,
          expectedColumns: [place.name, snake(eventsWord), 'flagged_pct'],
          insights: [{ kind: 'top', key: place.name, value: lastPlace }, { kind: 'ratio', key: place.name, value: lastPlace, column: 'flagged_pct', atLeast: 2 }],
          sql: (d) => `SELECT p.${place.name}, COUNT(*) AS ${snake(eventsWord)}, ROUND(100.0 * SUM(${d.boolToInt('r.flagged')}) / COUNT(*), 1) AS flagged_pct
FROM ${d.table(table)} r JOIN ${d.table(units)} m ON m.${unitKey} = r.${unitKey} JOIN ${d.table(place.table)} p ON p.${place.key} = m.${place.key}
GROUP BY p.${place.name} ORDER BY flagged_pct DESC`,
        },
        {
          id: 'intensity',
          level: 'advanced',
          question: `Which ${offeringsWord} are used most heavily per ${lower(event.singular)}?`,
          insight: `${off[0]} is used about 80% more heavily per ${lower(event.singular)} than the others: its ${lower(customer.term.plural)} are the heaviest users.`,
          expectedColumns: [offering.name, snake(eventsWord), 'avg_quantity'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }, { kind: 'ratio', key: offering.name, value: off[0]!, column: 'avg_quantity', atLeast: 1.4 }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(eventsWord)}, ROUND(AVG(r.quantity), 1) AS avg_quantity
FROM ${d.table(table)} r JOIN ${d.table(units)} m ON m.${unitKey} = r.${unitKey} JOIN ${d.table(offering.table)} o ON o.${offering.key} = m.${offering.key}
GROUP BY o.${offering.name} ORDER BY avg_quantity DESC`,
        },
        {
          id: 'per_unit',
          level: 'expert',
          question: `Which ${customerWord} segments bring in the most per ${lower(unit.singular)}?`,
          insight: `${seg[0]} use about three times as much per ${lower(unit.singular)}, so each of their ${unitsWord} bills about three times as much.`,
          expectedColumns: ['segment', snake(unitsWord), 'billed', 'billed_per_unit'],
          insights: [{ kind: 'top', key: 'segment', value: seg[0]! }, { kind: 'ratio', key: 'segment', value: seg[0]!, column: 'billed_per_unit', atLeast: 1.8 }],
          sql: (d) => `SELECT segment, COUNT(DISTINCT ${unitKey}) AS ${snake(unitsWord)}, ROUND(SUM(charge), 2) AS billed,
  ROUND(${d.safeDivide('SUM(charge)', `COUNT(DISTINCT ${unitKey})`)}, 2) AS billed_per_unit
FROM ${d.table(table)} GROUP BY segment ORDER BY billed_per_unit DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(units, `${u}_count`, `number of ${unitsWord}`, 'count_distinct', unitKey, { synonyms: [unitsWord, 'meters', 'connections'] }),
          measure(table, `${e}_count`, `number of ${eventsWord}`, 'count', '*', { synonyms: [eventsWord, 'records', 'readings'], timeDimension: 'usage_date' }),
          measure(table, 'total_usage', 'total usage', 'sum', 'quantity', { synonyms: ['usage', 'consumption', 'volume'], timeDimension: 'usage_date' }),
          measure(table, 'usage_billed', 'usage billed', 'sum', 'charge', { synonyms: ['billed', 'usage revenue', 'charges'], format: 'currency', decimals: 2, timeDimension: 'usage_date' }),
          measure(table, 'flagged_count', `flagged ${eventsWord}`, 'sum', 'CASE WHEN flagged THEN 1 ELSE 0 END', { synonyms: ['estimated', 'exceptions'], timeDimension: 'usage_date' }),
          measure(table, 'flagged_rate', 'flagged rate', 'ratio', '', { numerator: 'flagged_count', denominator: `${e}_count`, format: 'percent', decimals: 1, synonyms: ['exception rate', 'estimate rate'] }),
        ],
        dimensions: [dimension(table, `${e}_segment`, `${customerWord} segment`, 'segment', { synonyms: ['segment'], sampleValues: seg })],
        timeDimensions: [timeDimension(table, 'usage_date', 'usage date', 'usage_date', ['read date', 'period']), timeDimension(units, 'activated_date', `${lower(unit.singular)} activation date`, 'activated_date', ['installed'])],
        filters: [filter(table, 'flagged_only', `flagged ${eventsWord} only`, 'flagged', ['estimated', 'exceptions'])],
      },
      glossary: [
        { term: cap(unit.singular), definition: `A metered ${lower(unit.singular)} a ${customerWord} holds; usage is recorded against it.` },
        { term: 'Flagged rate', definition: `Share of ${eventsWord} that were estimated, dropped or failed.` },
      ],
      kpis: ['Usage', 'Usage billed', `Billed per ${lower(unit.singular)}`, 'Flagged rate'],
      persona: { role: 'Head of Network Operations', goals: ['Grow usage on the premium offerings', 'Fix metering where records fail', `Know which ${lower(customer.term.plural)} use the most`] },
      scene: { title: 'What gets used', narrative: `{company}'s ${unitsWord} and their ${eventsWord}: how much is used, who uses most, and where the records need attention.` },
    };
  },
};
