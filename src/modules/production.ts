import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

const CHECKS = ['Visual', 'Measurement', 'Lab test', 'Packaging'];

/**
 * Production batches and quality: brews for a brewery, roasts for a roaster, lots for a
 * chemicals maker. Planted: the first offering is made most often, the last place yields
 * least, the third offering fails quality checks most, and output grows year on year.
 */
export const production: BusinessModule = {
  id: 'production',
  needs: ['offering', 'place'],
  build(ctx) {
    const offering = ctx.ref('offering');
    const place = ctx.ref('place');
    const batch = ctx.extra('batch', term('batch', 'batches'));
    const check = ctx.extra('inspection', term('quality check', 'quality checks'));
    const unit = ctx.extra('unit', term('unit', 'units')).plural.toLowerCase();
    const b = snake(batch.singular);
    const table = ctx.tableName(batch);
    const checks = ctx.tableName(check);
    const key = `${b}_id`;
    const off = ctx.values.offerings;
    const places = ctx.values.places;
    const lastPlace = places[places.length - 1]!;
    const batchesWord = lower(batch.plural);
    const offeringsWord = lower(offering.term.plural);
    const placesWord = lower(place.term.plural);
    // The third offering fails most; with three offerings that is the last one.
    const fragile = off[2]!;
    return {
      tables: [
        {
          name: table,
          description: `${cap(batch.plural)} {company} produces.`,
          grain: `one row per ${lower(batch.singular)}`,
          rowCount: 5000,
          primaryKey: key,
          synonyms: [batchesWord, 'batches', 'production runs', 'lots'],
          columns: [
            col(key, 'INT64', `${cap(batch.singular)} identifier.`, { kind: 'sequence', start: 1001 }),
            // The first offering is the flagship: it is made three times as often as the next.
            col(offering.key, 'INT64', `${cap(offering.term.singular)} produced.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }),
            col(place.key, 'INT64', `${cap(place.term.singular)} where it was made.`, { kind: 'foreignKey', table: place.table, column: place.key }),
            col('production_date', 'DATE', `Day the ${lower(batch.singular)} was made.`, { kind: 'date', from: -760, to: 0, growth: 0.3 }, ['date', 'made on']),
            col('planned_quantity', 'FLOAT64', `Planned output, in ${unit}.`, { kind: 'number', dist: 'normal', mean: 1000, sd: 150, min: 300, max: 2000, decimals: 0 }, ['planned', 'target']),
            col('yield_pct', 'FLOAT64', 'Output as a percent of plan.', {
              kind: 'number', dist: 'normal', mean: 95, sd: 2, min: 70, max: 100, decimals: 1,
              effects: [{ when: { ref: place.key, in: [String(places.length)] }, add: -9 }],
            }, ['yield', 'efficiency']),
            col('output_quantity', 'FLOAT64', `Actual output, in ${unit}.`, { kind: 'derived', expr: 'planned_quantity * yield_pct / 100', decimals: 1 }, ['output', 'volume', 'produced']),
          ],
        },
        {
          name: checks,
          description: `Quality checks on each ${lower(batch.singular)}.`,
          grain: `one row per ${lower(check.singular)}`,
          rowCount: 15000,
          primaryKey: 'check_id',
          synonyms: ['inspections', 'QC', 'quality control', 'tests'],
          columns: [
            col('check_id', 'INT64', 'Check identifier.', { kind: 'sequence' }),
            col(key, 'INT64', `${cap(batch.singular)} checked.`, { kind: 'foreignKey', table, column: key, perParent: { dist: 'poisson', min: 1, max: 8 } }),
            col('check_date', 'DATE', 'Day of the check.', { kind: 'date', after: { ref: `${key}.production_date`, minDays: 0, maxDays: 4 } }),
            col('check_type', 'STRING', 'Kind of check.', { kind: 'category', values: CHECKS }, ['test', 'inspection type']),
            col('passed', 'BOOL', 'Whether the check passed.', { kind: 'boolean', p: 0.96, effects: [{ when: { ref: `${key}.${offering.key}`, in: ['3'] }, p: 0.8 }] }, ['pass', 'ok']),
          ],
        },
      ],
      questions: [
        {
          id: 'recent',
          level: 'simple',
          question: `How many ${batchesWord} did we make in the last 90 days?`,
          insight: `The production run-rate.`,
          expectedColumns: [snake(batchesWord)],
          insights: [{ kind: 'between', column: snake(batchesWord), min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS ${snake(batchesWord)} FROM ${d.table(table)} WHERE production_date > ${d.daysAgo(90)} AND production_date <= ${d.asOf}`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${offeringsWord} did we produce most of in the last 12 months?`,
          insight: `${off[0]} is the flagship: it accounts for far more output than any other.`,
          expectedColumns: [offering.name, snake(batchesWord), 'output'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(batchesWord)}, ROUND(SUM(b.output_quantity), 0) AS output
FROM ${d.table(table)} b JOIN ${d.table(offering.table)} o ON o.${offering.key} = b.${offering.key}
WHERE b.production_date > ${d.monthsAgo(12)} GROUP BY o.${offering.name} ORDER BY output DESC`,
        },
        {
          id: 'yield',
          level: 'intermediate',
          question: `Which ${placesWord} have the lowest yield?`,
          insight: `${lastPlace} yields about nine points below the others.`,
          expectedColumns: [place.name, snake(batchesWord), 'avg_yield_pct'],
          insights: [{ kind: 'top', key: place.name, value: lastPlace }, { kind: 'compare', key: place.name, value: places[0]!, other: lastPlace, column: 'avg_yield_pct', atLeast: 1.05 }],
          sql: (d) => `SELECT p.${place.name}, COUNT(*) AS ${snake(batchesWord)}, ROUND(AVG(b.yield_pct), 1) AS avg_yield_pct
FROM ${d.table(table)} b JOIN ${d.table(place.table)} p ON p.${place.key} = b.${place.key}
GROUP BY p.${place.name} ORDER BY avg_yield_pct ASC`,
        },
        {
          id: 'trend',
          level: 'intermediate',
          question: 'How has monthly output trended over the last two years?',
          insight: 'Output grows about 30% a year.',
          expectedColumns: ['month', 'output'],
          insights: [{ kind: 'trend', column: 'output', direction: 'up' }],
          sql: (d) => `SELECT ${d.truncMonth('production_date')} AS month, ROUND(SUM(output_quantity), 0) AS output
FROM ${d.table(table)} WHERE ${lastFullMonths(d, 'production_date')}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'quality',
          level: 'advanced',
          question: `Which ${offeringsWord} fail quality checks most often?`,
          insight: `${fragile} fails about one check in five, several times the rate of everything else.`,
          expectedColumns: [offering.name, 'checks', 'failed', 'fail_rate_pct'],
          insights: [{ kind: 'top', key: offering.name, value: fragile }, { kind: 'ratio', key: offering.name, value: fragile, column: 'fail_rate_pct', atLeast: 2.5, vs: 'average' }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS checks, SUM(CASE WHEN c.passed THEN 0 ELSE 1 END) AS failed,
  ROUND(100.0 * SUM(CASE WHEN c.passed THEN 0 ELSE 1 END) / COUNT(*), 1) AS fail_rate_pct
FROM ${d.table(checks)} c JOIN ${d.table(table)} b ON b.${key} = c.${key} JOIN ${d.table(offering.table)} o ON o.${offering.key} = b.${offering.key}
GROUP BY o.${offering.name} ORDER BY fail_rate_pct DESC`,
        },
        {
          id: 'shortfall',
          level: 'expert',
          question: `How much output does each ${lower(place.term.singular)} lose against plan?`,
          insight: `${lastPlace} loses more than twice the share of planned output the others lose.`,
          expectedColumns: [place.name, 'planned', 'output', 'lost_pct'],
          insights: [{ kind: 'top', key: place.name, value: lastPlace, by: 'lost_pct' }, { kind: 'ratio', key: place.name, value: lastPlace, column: 'lost_pct', atLeast: 2, vs: 'average' }],
          sql: (d) => `SELECT p.${place.name}, ROUND(SUM(b.planned_quantity), 0) AS planned, ROUND(SUM(b.output_quantity), 0) AS output,
  ROUND(100 * ${d.safeDivide('SUM(b.planned_quantity) - SUM(b.output_quantity)', 'SUM(b.planned_quantity)')}, 1) AS lost_pct
FROM ${d.table(table)} b JOIN ${d.table(place.table)} p ON p.${place.key} = b.${place.key}
GROUP BY p.${place.name} ORDER BY lost_pct DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(table, `${b}_count`, `number of ${batchesWord}`, 'count', '*', { synonyms: [batchesWord, 'batches', 'runs'], timeDimension: 'production_date' }),
          measure(table, 'output', `output (${unit})`, 'sum', 'output_quantity', { synonyms: ['volume', 'production', 'produced'], timeDimension: 'production_date' }),
          measure(table, 'avg_yield', 'average yield', 'avg', 'yield_pct', { synonyms: ['yield', 'efficiency'], format: 'percent', decimals: 1, timeDimension: 'production_date' }),
          measure(checks, 'checks', 'quality checks', 'count', '*', { synonyms: ['inspections', 'tests'], timeDimension: 'check_date' }),
          measure(checks, 'failed_checks', 'failed checks', 'sum', 'CASE WHEN passed THEN 0 ELSE 1 END', { synonyms: ['failures', 'defects'], timeDimension: 'check_date' }),
          measure(checks, 'fail_rate', 'fail rate', 'ratio', '', { numerator: 'failed_checks', denominator: 'checks', format: 'percent', decimals: 1, synonyms: ['defect rate', 'scrap rate'] }),
        ],
        dimensions: [dimension(checks, 'check_type', 'check type', 'check_type', { synonyms: ['test', 'inspection'], sampleValues: CHECKS })],
        timeDimensions: [timeDimension(table, 'production_date', 'production date', 'production_date', ['made on']), timeDimension(checks, 'check_date', 'check date', 'check_date')],
      },
      glossary: [
        { term: 'Yield', definition: 'Actual output as a percent of planned output.' },
        { term: 'Fail rate', definition: `Share of quality checks that did not pass.` },
      ],
      kpis: ['Output', 'Yield', 'Fail rate'],
      persona: { role: 'Head of Production', goals: ['Raise yield at every site', 'Cut quality failures', `Keep up with demand for the flagship ${lower(offering.term.singular)}`] },
      scene: { title: `How we make it`, narrative: `{company}'s ${batchesWord}: what we make most, where yield leaks, and which ${offeringsWord} fail quality checks.` },
    };
  },
};
