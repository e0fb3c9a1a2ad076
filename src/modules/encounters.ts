import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, filter, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

const VISIT_TYPES = ['Routine', 'Follow-up', 'Urgent', 'New problem'];
/** Who pays; the public programme denies about four times as often and pays slowest. */
const PAYERS = ['Private insurer', 'Public programme', 'Self-pay', 'Employer plan'];

/**
 * Patients and encounters: the clinical record of a clinic, practice or care provider, and
 * the claims it sends to whoever pays. Planted: the first offering sees the most patients,
 * the last place keeps patients waiting about twice as long, the third offering's patients
 * come back within 30 days about three times as often, the public programme denies claims
 * about three times as often, and encounters grow.
 */
export const encounters: BusinessModule = {
  id: 'encounters',
  needs: ['customer', 'offering', 'staff', 'place'],
  build(ctx) {
    const patient = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const provider = ctx.ref('staff');
    const place = ctx.ref('place');
    const encounter = ctx.primary ? ctx.word('transaction') : ctx.extra('encounter', term('encounter', 'encounters'));
    const claim = ctx.extra('claim', term('claim', 'claims'));
    // Whose health it is: the patient, or a pet brought by its owner.
    const who = ctx.extra('patient', patient.term);
    const table = ctx.tableName(encounter);
    const claims = ctx.tableName(claim);
    const e = snake(encounter.singular);
    const key = `${e}_id`;
    const c = snake(claim.singular);
    const cKey = `${c}_id`;
    const off = ctx.values.offerings;
    const places = ctx.values.places;
    const lastPlace = places[places.length - 1]!;
    const returning = off[2]!;
    const encountersWord = lower(encounter.plural);
    const claimsWord = lower(claim.plural);
    const whoWord = lower(who.plural);
    const offeringsWord = lower(offering.term.plural);
    const placesWord = lower(place.term.plural);
    return {
      tables: [
        {
          name: table,
          description: `${cap(encountersWord)}: each time a ${lower(who.singular)} was seen, by whom, for what, and what followed.`,
          grain: `one row per ${lower(encounter.singular)}`,
          rowCount: 14000,
          primaryKey: key,
          synonyms: [encountersWord, 'encounters', 'visits', 'consultations', 'cases'],
          columns: [
            col(key, 'INT64', `${cap(encounter.singular)} identifier.`, { kind: 'sequence', start: 3000001 }),
            col(patient.key, 'INT64', `${cap(patient.term.singular)} seen.`, { kind: 'foreignKey', table: patient.table, column: patient.key, distribution: 'zipf', skew: 0.3 }),
            col('segment', 'STRING', `Segment of the ${lower(patient.term.singular)}.`, { kind: 'copy', ref: `${patient.key}.segment` }, ['patient segment']),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} given.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }, ['service line', 'treatment', 'specialty']),
            col(provider.key, 'INT64', `${cap(provider.term.singular)} who saw them.`, { kind: 'foreignKey', table: provider.table, column: provider.key }, ['clinician', 'provider']),
            col(place.key, 'INT64', `${cap(place.term.singular)} where it happened.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('encounter_date', 'DATE', `Day of the ${lower(encounter.singular)}.`, { kind: 'date', from: -760, to: -1, growth: 0.25, notBefore: `${patient.key}.joined_date` }, ['date', 'visit date', 'seen on']),
            col('visit_type', 'STRING', 'Why they came.', { kind: 'category', values: VISIT_TYPES, weights: [0.45, 0.25, 0.15, 0.15] }, ['type', 'reason', 'acuity']),
            col('wait_days', 'INT64', 'Days from asking to being seen.', {
              kind: 'number', dist: 'normal', mean: 6, sd: 2.5, min: 0, max: 60, decimals: 0,
              effects: [{ when: { ref: place.key, in: [String(places.length)] }, add: 6 }],
            }, ['wait', 'waiting time', 'access']),
            col('returned_30d', 'BOOL', 'Whether they came back for the same problem within 30 days.', {
              kind: 'boolean', p: 0.06,
              effects: [{ when: { ref: offering.key, in: ['3'] }, p: 0.19 }],
            }, ['readmitted', 'returned', 'revisit']),
            col('charge', 'NUMERIC', 'Amount charged.', { kind: 'copy', ref: `${offering.key}.base_price` }, ['fee', 'billed', 'price']),
          ],
        },
        {
          name: claims,
          description: `${cap(claimsWord)} sent to whoever pays for each ${lower(encounter.singular)}.`,
          grain: `one row per ${lower(claim.singular)}`,
          rowCount: 12000,
          primaryKey: cKey,
          synonyms: [claimsWord, 'claims', 'bills', 'billing'],
          columns: [
            col(cKey, 'INT64', `${cap(claim.singular)} identifier.`, { kind: 'sequence', start: 6000001 }),
            col(key, 'INT64', `${cap(encounter.singular)} billed.`, { kind: 'foreignKey', table, column: key }),
            col('payer', 'STRING', 'Who pays.', { kind: 'category', values: PAYERS, weights: [0.4, 0.3, 0.15, 0.15] }, ['insurer', 'payor', 'funder']),
            col('submitted_date', 'DATE', 'Day it was sent.', { kind: 'date', after: { ref: `${key}.encounter_date`, minDays: 0, maxDays: 7 } }, ['claim date', 'date']),
            col('billed', 'NUMERIC', 'Amount claimed.', { kind: 'copy', ref: `${key}.charge` }, ['claimed', 'amount']),
            col('denied', 'BOOL', 'Whether the payer refused it.', {
              kind: 'boolean', p: 0.05,
              effects: [{ when: { ref: 'payer', in: ['Public programme'] }, p: 0.2 }],
            }, ['rejected', 'denial']),
            col('days_to_pay', 'INT64', 'Days from sending to payment.', {
              kind: 'number', dist: 'lognormal', mean: 24, sd: 10, min: 1, max: 180, decimals: 0,
              effects: [{ when: { ref: 'payer', in: ['Public programme'] }, factor: 1.7 }],
            }, ['payment time', 'days in A/R']),
          ],
        },
      ],
      questions: [
        {
          id: 'recent',
          level: 'simple',
          question: `How many ${encountersWord} did we have in the last 30 days?`,
          insight: `The current run-rate of ${encountersWord}.`,
          expectedColumns: [snake(encountersWord), snake(whoWord)],
          insights: [{ kind: 'between', column: snake(encountersWord), min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS ${snake(encountersWord)}, COUNT(DISTINCT ${patient.key}) AS ${snake(whoWord)} FROM ${d.table(table)} WHERE encounter_date > ${d.daysAgo(30)} AND encounter_date <= ${d.asOf}`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${offeringsWord} see the most ${whoWord}, and what do they charge?`,
          insight: `${off[0]} charges the most: it is booked often and priced highest.`,
          expectedColumns: [offering.name, snake(encountersWord), 'charges'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]!, by: 'charges' }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(encountersWord)}, ROUND(SUM(x.charge), 2) AS charges
FROM ${d.table(table)} x JOIN ${d.table(offering.table)} o ON o.${offering.key} = x.${offering.key}
GROUP BY o.${offering.name} ORDER BY ${snake(encountersWord)} DESC`,
        },
        {
          id: 'trend',
          level: 'intermediate',
          question: `How have ${encountersWord} trended month by month?`,
          insight: `${cap(encountersWord)} grow about a quarter a year.`,
          expectedColumns: ['month', snake(encountersWord)],
          insights: [{ kind: 'trend', column: snake(encountersWord), direction: 'up' }],
          sql: (d) => `SELECT ${d.truncMonth('encounter_date')} AS month, COUNT(*) AS ${snake(encountersWord)}
FROM ${d.table(table)} WHERE ${lastFullMonths(d, 'encounter_date')}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'waits',
          level: 'intermediate',
          question: `Which ${placesWord} keep ${whoWord} waiting longest?`,
          insight: `${lastPlace} keeps ${whoWord} waiting about twice as long as the others: a capacity problem.`,
          expectedColumns: [place.name, snake(encountersWord), 'avg_wait_days'],
          insights: [{ kind: 'top', key: place.name, value: lastPlace }, { kind: 'ratio', key: place.name, value: lastPlace, column: 'avg_wait_days', atLeast: 1.5 }],
          sql: (d) => `SELECT p.${place.name}, COUNT(*) AS ${snake(encountersWord)}, ROUND(AVG(x.wait_days), 1) AS avg_wait_days
FROM ${d.table(table)} x JOIN ${d.table(place.table)} p ON p.${place.key} = x.${place.key}
GROUP BY p.${place.name} ORDER BY avg_wait_days DESC`,
        },
        {
          id: 'returns',
          level: 'advanced',
          question: `After which ${offeringsWord} do ${whoWord} come back within 30 days most often?`,
          insight: `${returning} brings ${whoWord} back within 30 days about three times as often as anything else: a quality-of-care question.`,
          expectedColumns: [offering.name, snake(encountersWord), 'returned_pct'],
          insights: [{ kind: 'top', key: offering.name, value: returning }, { kind: 'ratio', key: offering.name, value: returning, column: 'returned_pct', atLeast: 2 }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(encountersWord)}, ROUND(100.0 * SUM(${d.boolToInt('x.returned_30d')}) / COUNT(*), 1) AS returned_pct
FROM ${d.table(table)} x JOIN ${d.table(offering.table)} o ON o.${offering.key} = x.${offering.key}
GROUP BY o.${offering.name} ORDER BY returned_pct DESC`,
        },
        {
          id: 'denials',
          level: 'expert',
          question: `Which payers deny the most ${claimsWord}, and how long do they take to pay?`,
          insight: 'The public programme denies about four times as often as other payers and pays slowest: the place to work denials.',
          expectedColumns: ['payer', snake(claimsWord), 'denied_pct', 'avg_days_to_pay', 'denied_amount'],
          insights: [{ kind: 'top', key: 'payer', value: 'Public programme' }, { kind: 'ratio', key: 'payer', value: 'Public programme', column: 'denied_pct', atLeast: 2 }, { kind: 'top', key: 'payer', value: 'Public programme', by: 'avg_days_to_pay' }],
          sql: (d) => `SELECT payer, COUNT(*) AS ${snake(claimsWord)}, ROUND(100.0 * SUM(${d.boolToInt('denied')}) / COUNT(*), 1) AS denied_pct, ROUND(AVG(days_to_pay), 1) AS avg_days_to_pay,
  ROUND(SUM(CASE WHEN denied THEN billed ELSE 0 END), 2) AS denied_amount
FROM ${d.table(claims)} GROUP BY payer ORDER BY denied_pct DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(table, `${e}_count`, `number of ${encountersWord}`, 'count', '*', { synonyms: [encountersWord, 'encounters', 'visits', 'volume'], timeDimension: 'encounter_date' }),
          measure(table, 'patients_seen', `${whoWord} seen`, 'count_distinct', patient.key, { synonyms: ['patients', 'unique patients'], timeDimension: 'encounter_date' }),
          measure(table, 'charges', 'charges', 'sum', 'charge', { synonyms: ['gross charges', 'billed'], format: 'currency', decimals: 2, timeDimension: 'encounter_date' }),
          measure(table, 'avg_wait_days', 'average wait (days)', 'avg', 'wait_days', { synonyms: ['wait time', 'access'], decimals: 1, timeDimension: 'encounter_date' }),
          measure(table, 'returns_30d', 'returns within 30 days', 'sum', 'CASE WHEN returned_30d THEN 1 ELSE 0 END', { synonyms: ['readmissions', 'revisits'], timeDimension: 'encounter_date' }),
          measure(table, 'revisit_rate', '30-day revisit rate', 'ratio', '', { numerator: 'returns_30d', denominator: `${e}_count`, format: 'percent', decimals: 1, synonyms: ['readmission rate'] }),
          measure(claims, `${c}_count`, `number of ${claimsWord}`, 'count', '*', { synonyms: [claimsWord, 'claims'], timeDimension: 'submitted_date' }),
          measure(claims, 'denied_count', `denied ${claimsWord}`, 'sum', 'CASE WHEN denied THEN 1 ELSE 0 END', { synonyms: ['denials', 'rejections'], timeDimension: 'submitted_date' }),
          measure(claims, 'denial_rate', 'denial rate', 'ratio', '', { numerator: 'denied_count', denominator: `${c}_count`, format: 'percent', decimals: 1, synonyms: ['rejection rate'] }),
        ],
        dimensions: [
          dimension(table, 'visit_type', 'visit type', 'visit_type', { synonyms: ['reason', 'acuity'], sampleValues: VISIT_TYPES }),
          dimension(claims, 'payer', 'payer', 'payer', { synonyms: ['insurer', 'payor', 'funder'], sampleValues: PAYERS }),
        ],
        timeDimensions: [timeDimension(table, 'encounter_date', `${lower(encounter.singular)} date`, 'encounter_date', ['visit date', 'date']), timeDimension(claims, 'submitted_date', `${lower(claim.singular)} date`, 'submitted_date')],
        filters: [filter(claims, 'denied_only', `denied ${claimsWord} only`, 'denied', ['denials'])],
      },
      glossary: [
        { term: '30-day revisit rate', definition: `Share of ${encountersWord} after which the ${lower(who.singular)} came back for the same problem within 30 days.` },
        { term: 'Denial rate', definition: `Share of ${claimsWord} the payer refused.` },
      ],
      kpis: [cap(encountersWord), 'Average wait', '30-day revisit rate', 'Denial rate'],
      persona: { role: 'Clinical Operations Director', goals: ['See people sooner', 'Bring fewer back for the same problem', 'Get paid for the care we give'] },
      scene: { title: 'Care and what it earns', narrative: `{company}'s ${encountersWord}: how many ${whoWord} we see, where they wait, who comes back, and which payers hold up the money.` },
    };
  },
};
