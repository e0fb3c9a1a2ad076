import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

// Terms start in September and January: September is the intake peak.
const INTAKE = [1.6, 0.6, 0.5, 0.5, 0.5, 0.6, 0.6, 1.0, 3.0, 0.8, 0.6, 0.5];

/**
 * Enrolments and courses: a school's enrolments in its programs, a training company's
 * learners on its courses. Planted: the first offering draws the most enrolments, September
 * is the intake peak, the last segment completes least, the flagship place earns the most
 * tuition, and learners taught by juniors score lower.
 */
export const enrolments: BusinessModule = {
  id: 'enrolments',
  needs: ['customer', 'offering', 'staff', 'place'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const member = ctx.ref('staff');
    const place = ctx.ref('place');
    // Who is taught: a school's students, a daycare's children; the customer who pays otherwise.
    const taught = ctx.extra('student', customer.term);
    const enrolment = ctx.primary ? ctx.word('transaction') : ctx.extra('enrolment', term('enrolment', 'enrolments'));
    const table = ctx.tableName(enrolment);
    const e = snake(enrolment.singular);
    const key = `${e}_id`;
    const seg = ctx.values.segments;
    const off = ctx.values.offerings;
    const places = ctx.values.places;
    const strugglers = seg[seg.length - 1]!;
    const enrolmentsWord = lower(enrolment.plural);
    const offeringsWord = lower(offering.term.plural);
    return {
      tables: [
        {
          name: table,
          description: `${cap(enrolmentsWord)} at {company}.`,
          grain: `one row per ${lower(enrolment.singular)}`,
          rowCount: 9000,
          primaryKey: key,
          synonyms: [enrolmentsWord, 'enrolments', 'enrollments', 'registrations'],
          columns: [
            col(key, 'INT64', `${cap(enrolment.singular)} identifier.`, { kind: 'sequence', start: 100001 }),
            col(customer.key, 'INT64', `${cap(customer.term.singular)} enrolled.`, { kind: 'foreignKey', table: customer.table, column: customer.key }),
            col('segment', 'STRING', `Segment of the ${lower(customer.term.singular)}.`, { kind: 'copy', ref: `${customer.key}.segment` }, ['customer segment']),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} enrolled in.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }, ['course', 'program']),
            col(member.key, 'INT64', `${cap(member.term.singular)} who teaches it.`, { kind: 'foreignKey', table: member.table, column: member.key }),
            col(place.key, 'INT64', `${cap(place.term.singular)} where it is taught.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('enrol_date', 'DATE', 'Day of enrolment.', { kind: 'date', from: -760, to: 0, yearly: INTAKE, growth: 0.2 }, ['enrolment date', 'start', 'intake']),
            col('fee', 'NUMERIC', 'Tuition or fee charged.', { kind: 'copy', ref: `${offering.key}.base_price` }, ['tuition', 'price', 'revenue']),
            col('completed', 'BOOL', 'Whether it was completed.', { kind: 'boolean', p: 0.82, effects: [{ when: { ref: 'segment', in: [strugglers] }, p: 0.5 }] }, ['completion', 'graduated', 'passed']),
            col('score', 'FLOAT64', 'Final score out of 100.', {
              kind: 'number', dist: 'normal', mean: 76, sd: 8, min: 0, max: 100, decimals: 1, nullRate: 0.2,
              effects: [{ when: { ref: `${member.key}.level`, in: ['Junior'] }, add: -9 }],
            }, ['grade', 'result', 'mark']),
          ],
        },
      ],
      questions: [
        {
          id: 'recent',
          level: 'simple',
          question: `How many ${enrolmentsWord} did we take in the last 12 months?`,
          insight: `A year of ${enrolmentsWord}: the baseline.`,
          expectedColumns: [snake(enrolmentsWord)],
          insights: [{ kind: 'between', column: snake(enrolmentsWord), min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS ${snake(enrolmentsWord)} FROM ${d.table(table)} WHERE enrol_date > ${d.monthsAgo(12)} AND enrol_date <= ${d.asOf}`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${offeringsWord} have the most ${enrolmentsWord}?`,
          insight: `${off[0]} draws the most ${enrolmentsWord} by far.`,
          expectedColumns: [offering.name, snake(enrolmentsWord), 'tuition'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]!, by: snake(enrolmentsWord) }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(enrolmentsWord)}, ROUND(SUM(x.fee), 2) AS tuition
FROM ${d.table(table)} x JOIN ${d.table(offering.table)} o ON o.${offering.key} = x.${offering.key}
GROUP BY o.${offering.name} ORDER BY ${snake(enrolmentsWord)} DESC`,
        },
        {
          id: 'intake',
          level: 'intermediate',
          question: 'In which month of the year do most people enrol?',
          insight: 'September is the intake peak, with a second, smaller one in January.',
          expectedColumns: ['month_of_year', snake(enrolmentsWord)],
          insights: [{ kind: 'top', key: 'month_of_year', value: '9', by: snake(enrolmentsWord) }],
          // Exactly two of every calendar month, so the window's edges favour none.
          sql: (d) => `SELECT ${d.month('enrol_date')} AS month_of_year, COUNT(*) AS ${snake(enrolmentsWord)} FROM ${d.table(table)}
WHERE ${lastFullMonths(d, 'enrol_date')} GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'completion',
          level: 'intermediate',
          question: `Which ${lower(customer.term.singular)} segments complete least often?`,
          insight: `Only about half of ${strugglers} complete, against more than 80% of the others.`,
          expectedColumns: ['segment', snake(enrolmentsWord), 'completion_pct'],
          insights: [{ kind: 'top', key: 'segment', value: strugglers }, { kind: 'compare', key: 'segment', value: seg[0]!, other: strugglers, column: 'completion_pct', atLeast: 1.3 }],
          sql: (d) => `SELECT segment, COUNT(*) AS ${snake(enrolmentsWord)}, ROUND(100.0 * SUM(${d.boolToInt('completed')}) / COUNT(*), 1) AS completion_pct
FROM ${d.table(table)} GROUP BY segment ORDER BY completion_pct ASC`,
        },
        {
          id: 'by_place',
          level: 'advanced',
          question: `Which ${lower(place.term.plural)} bring in the most tuition?`,
          insight: `${places[0]} brings in the most tuition.`,
          expectedColumns: [place.name, snake(enrolmentsWord), 'tuition'],
          insights: [{ kind: 'top', key: place.name, value: places[0]! }],
          sql: (d) => `SELECT p.${place.name}, COUNT(*) AS ${snake(enrolmentsWord)}, ROUND(SUM(x.fee), 2) AS tuition
FROM ${d.table(table)} x JOIN ${d.table(place.table)} p ON p.${place.key} = x.${place.key}
GROUP BY p.${place.name} ORDER BY tuition DESC`,
        },
        {
          id: 'scores',
          level: 'expert',
          question: `How do scores differ by the seniority of the ${lower(member.term.singular)}?`,
          insight: `${cap(taught.plural)} taught by junior ${lower(member.term.plural)} score about nine points lower.`,
          expectedColumns: ['level', 'scored', 'avg_score'],
          insights: [{ kind: 'compare', key: 'level', value: 'Senior', other: 'Junior', column: 'avg_score', atLeast: 1.06 }],
          sql: (d) => `SELECT s.level, COUNT(x.score) AS scored, ROUND(AVG(x.score), 1) AS avg_score
FROM ${d.table(table)} x JOIN ${d.table(member.table)} s ON s.${member.key} = x.${member.key}
GROUP BY s.level ORDER BY avg_score DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(table, `${e}_count`, `number of ${enrolmentsWord}`, 'count', '*', { synonyms: [enrolmentsWord, 'enrolments', 'registrations'], timeDimension: 'enrol_date' }),
          measure(table, 'tuition', 'tuition', 'sum', 'fee', { synonyms: ['fees', 'revenue'], format: 'currency', decimals: 2, timeDimension: 'enrol_date' }),
          measure(table, 'completions', 'completions', 'sum', 'CASE WHEN completed THEN 1 ELSE 0 END', { synonyms: ['graduates', 'passes'], timeDimension: 'enrol_date' }),
          measure(table, 'completion_rate', 'completion rate', 'ratio', '', { numerator: 'completions', denominator: `${e}_count`, format: 'percent', decimals: 1 }),
          measure(table, 'avg_score', 'average score', 'avg', 'score', { synonyms: ['grade', 'results'], decimals: 1, timeDimension: 'enrol_date' }),
        ],
        dimensions: [dimension(table, `${e}_segment`, `${lower(customer.term.singular)} segment`, 'segment', { synonyms: ['segment'], sampleValues: seg })],
        timeDimensions: [timeDimension(table, 'enrol_date', `${lower(enrolment.singular)} date`, 'enrol_date', ['intake', 'start'])],
      },
      glossary: [{ term: 'Completion rate', definition: `Share of ${enrolmentsWord} completed.` }],
      kpis: [cap(enrolmentsWord), 'Completion rate', 'Average score'],
      persona: { role: 'Director of Admissions', goals: ['Fill every intake', `Help every ${lower(customer.term.singular)} complete`, 'Raise results'] },
      scene: { title: 'Intake and outcomes', narrative: `{company}'s ${enrolmentsWord}: which ${offeringsWord} draw people, when they enrol, and who completes.` },
    };
  },
};
