import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, lower, measure, snake } from '../compose/parts.js';

/** Seniority levels; modules plant effects on them (juniors bill less of their time). */
export const STAFF_LEVELS = ['Junior', 'Mid-level', 'Senior', 'Principal'] as const;

/** The people who do the work: attorneys, brewers, consultants, stylists, nurses. */
export const staff: BusinessModule = {
  id: 'staff',
  needs: ['place'],
  build(ctx) {
    const member = ctx.word('staff');
    const s = snake(member.singular);
    const table = ctx.tableName(member);
    const place = ctx.ref('place');
    const ref = { table, key: `${s}_id`, name: 'full_name', term: member };
    const many = lower(member.plural);
    return {
      tables: [
        {
          name: table,
          description: `${cap(member.plural)} of {company}.`,
          grain: `one row per ${lower(member.singular)}`,
          rowCount: 80,
          scaling: 'sublinear',
          primaryKey: ref.key,
          synonyms: [many, 'staff', 'employees', 'team'],
          columns: [
            col(ref.key, 'INT64', `${member.singular} identifier.`, { kind: 'sequence', start: 501 }),
            col('full_name', 'STRING', `Name of the ${lower(member.singular)} (synthetic).`, { kind: 'fake', what: 'person' }, ['name', lower(member.singular)]),
            col('level', 'STRING', 'Seniority level.', { kind: 'category', values: [...STAFF_LEVELS], weights: [0.35, 0.3, 0.25, 0.1] }, ['seniority', 'grade', 'title']),
            col(place.key, 'INT64', `${place.term.singular} the ${lower(member.singular)} works from.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('hire_date', 'DATE', `Day the ${lower(member.singular)} joined.`, { kind: 'date', from: -3650, to: -30 }, ['start date', 'joined']),
            col('hourly_rate', 'NUMERIC', 'Standard hourly rate charged or costed for this person.', {
              kind: 'number', dist: 'normal', mean: 90, sd: 12, min: 40, max: 200, decimals: 2,
              effects: [{ when: { ref: 'level', in: ['Senior'] }, factor: 1.8 }, { when: { ref: 'level', in: ['Principal'] }, factor: 2.6 }, { when: { ref: 'level', in: ['Mid-level'] }, factor: 1.3 }],
            }, ['rate', 'bill rate', 'cost rate']),
          ],
        },
      ],
      provides: { role: 'staff', ref },
      questions: [
        {
          id: 'headcount',
          level: 'simple',
          question: `How many ${many} work at each ${lower(place.term.singular)}?`,
          insight: `${ctx.values.places[0]} has the largest team.`,
          expectedColumns: [place.name, snake(many)],
          insights: [{ kind: 'top', key: place.name, value: ctx.values.places[0]! }],
          sql: (d) => `SELECT p.${place.name}, COUNT(*) AS ${snake(many)}
FROM ${d.table(table)} s JOIN ${d.table(place.table)} p ON p.${place.key} = s.${place.key}
GROUP BY p.${place.name} ORDER BY ${snake(many)} DESC`,
        },
      ],
      semantic: {
        measures: [measure(table, `${s}_headcount`, `number of ${many}`, 'count_distinct', ref.key, { synonyms: ['headcount', 'staff', many] })],
        dimensions: [dimension(table, `${s}_level`, 'seniority level', 'level', { synonyms: ['seniority', 'grade'], sampleValues: [...STAFF_LEVELS] })],
      },
      glossary: [{ term: cap(member.singular), definition: `A member of {company}'s team; levels: ${STAFF_LEVELS.join(', ')}.` }],
    };
  },
};
