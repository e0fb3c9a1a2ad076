import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, filter, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

/**
 * Projects, engagements and billable time: matters for a law firm, engagements for an
 * agency, jobs for a builder. Planted: the first offering earns the most, the first
 * segment spends the most per customer, the second offering runs longest, juniors bill the
 * smallest share of their hours, and work grows year on year.
 */
export const projects: BusinessModule = {
  id: 'projects',
  needs: ['customer', 'offering', 'staff', 'place'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const member = ctx.ref('staff');
    const place = ctx.ref('place');
    const project = ctx.primary ? ctx.word('transaction') : ctx.extra('project', term('project', 'projects'));
    const entry = ctx.extra('time', term('time entry', 'time entries'));
    const revenueWord = ctx.extra('revenue', term('revenue', 'revenue')).singular.toLowerCase();
    const p = snake(project.singular);
    const table = ctx.tableName(project);
    const entries = ctx.tableName(entry);
    const key = `${p}_id`;
    const seg = ctx.values.segments;
    const off = ctx.values.offerings;
    const projectsWord = lower(project.plural);
    const customersWord = lower(customer.term.plural);
    const offeringsWord = lower(offering.term.plural);
    const staffWord = lower(member.term.plural);
    const billable = (e: string): string => `CASE WHEN ${e}.billable THEN ${e}.amount ELSE 0 END`;
    return {
      tables: [
        {
          name: table,
          description: `${cap(project.plural)} {company} takes on for its ${customersWord}.`,
          grain: `one row per ${lower(project.singular)}`,
          rowCount: 2500,
          primaryKey: key,
          synonyms: [projectsWord, 'projects', 'engagements', 'jobs'],
          columns: [
            col(key, 'INT64', `${cap(project.singular)} identifier.`, { kind: 'sequence', start: 20001 }),
            col(customer.key, 'INT64', `${cap(customer.term.singular)} the work is for.`, { kind: 'foreignKey', table: customer.table, column: customer.key, distribution: 'zipf', skew: 0.5 }),
            col('segment', 'STRING', `Segment of the ${lower(customer.term.singular)}.`, { kind: 'copy', ref: `${customer.key}.segment` }, ['customer segment']),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} of the work.`, { kind: 'foreignKey', table: offering.table, column: offering.key }),
            col(member.key, 'INT64', `${cap(member.term.singular)} who leads it.`, { kind: 'foreignKey', table: member.table, column: member.key }),
            col(place.key, 'INT64', `${cap(place.term.singular)} that runs it.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }),
            col('opened_date', 'DATE', `Day the ${lower(project.singular)} was opened.`, { kind: 'date', from: -1095, to: 0, growth: 0.4 }, ['start date', 'opened']),
            col('duration_days', 'INT64', `Days from opening to close (planned, for work still open).`, {
              kind: 'number', dist: 'lognormal', mean: 60, sd: 25, min: 5, max: 720, decimals: 0,
              effects: [{ when: { ref: offering.key, in: ['2'] }, factor: 2.5 }],
            }, ['duration', 'length', 'cycle time']),
          ],
        },
        {
          name: entries,
          description: `Hours recorded against ${projectsWord}, billable or not.`,
          grain: `one row per ${lower(entry.singular)}`,
          rowCount: 20000,
          primaryKey: 'entry_id',
          synonyms: ['timesheets', 'time entries', 'hours', 'billable hours'],
          columns: [
            col('entry_id', 'INT64', 'Entry identifier.', { kind: 'sequence' }),
            col(key, 'INT64', `${cap(project.singular)} the hours were spent on.`, { kind: 'foreignKey', table, column: key, perParent: { dist: 'poisson', min: 1 } }),
            col(member.key, 'INT64', `${cap(member.term.singular)} who did the work.`, { kind: 'foreignKey', table: member.table, column: member.key }),
            col('work_date', 'DATE', 'Day the work was done.', { kind: 'date', after: { ref: `${key}.opened_date`, minDays: 0, maxDays: 90 } }, ['date']),
            col('hours', 'FLOAT64', 'Hours recorded.', {
              kind: 'number', dist: 'normal', mean: 3.5, sd: 1.2, min: 0.25, max: 10, decimals: 2,
              effects: [{ when: { ref: `${key}.segment`, in: [seg[0]!] }, factor: 2.2 }, { when: { ref: `${key}.${offering.key}`, in: ['1'] }, factor: 2 }],
            }, ['time', 'hours worked']),
            col('billable', 'BOOL', 'Whether the hours are billed to the client.', { kind: 'boolean', p: 0.86, effects: [{ when: { ref: `${member.key}.level`, in: ['Junior'] }, p: 0.55 }] }, ['chargeable']),
            col('rate', 'NUMERIC', 'Hourly rate of the person who did the work.', { kind: 'copy', ref: `${member.key}.hourly_rate` }, ['hourly rate', 'bill rate']),
            col('amount', 'NUMERIC', 'Hours x rate: the value of the work.', { kind: 'derived', expr: 'hours * rate', money: true }, ['value', revenueWord, 'fees']),
          ],
        },
      ],
      questions: [
        {
          id: 'opened',
          level: 'simple',
          question: `How many new ${projectsWord} did we open in the last 12 months?`,
          insight: `The run-rate of new ${projectsWord}: the baseline for the rest of the story.`,
          expectedColumns: [`new_${snake(projectsWord)}`],
          insights: [{ kind: 'between', column: `new_${snake(projectsWord)}`, min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS new_${snake(projectsWord)} FROM ${d.table(table)} WHERE opened_date > ${d.monthsAgo(12)} AND opened_date <= ${d.asOf}`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${offeringsWord} bring in the most ${revenueWord}?`,
          insight: `${off[0]} brings in the most ${revenueWord}: its ${projectsWord} take about twice the hours.`,
          expectedColumns: [offering.name, 'billable_hours', 'revenue'],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }],
          sql: (d) => `SELECT o.${offering.name}, ROUND(SUM(CASE WHEN t.billable THEN t.hours ELSE 0 END), 1) AS billable_hours, ROUND(SUM(${billable('t')}), 2) AS revenue
FROM ${d.table(entries)} t JOIN ${d.table(table)} p ON p.${key} = t.${key} JOIN ${d.table(offering.table)} o ON o.${offering.key} = p.${offering.key}
GROUP BY o.${offering.name} ORDER BY revenue DESC`,
        },
        {
          id: 'hours_trend',
          level: 'intermediate',
          question: `How have billable hours trended month by month over the last two years?`,
          insight: `Billable hours grow steadily, about 40% a year, as more ${projectsWord} come in.`,
          expectedColumns: ['month', 'billable_hours'],
          insights: [{ kind: 'trend', column: 'billable_hours', direction: 'up' }],
          sql: (d) => `SELECT ${d.truncMonth('work_date')} AS month, ROUND(SUM(hours), 1) AS billable_hours
FROM ${d.table(entries)} WHERE billable AND ${lastFullMonths(d, 'work_date')}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'by_segment',
          level: 'intermediate',
          question: `Which ${lower(customer.term.singular)} segments bring in the most ${revenueWord} per ${lower(customer.term.singular)}?`,
          insight: `${seg[0]} bring in about twice as much ${revenueWord} per ${lower(customer.term.singular)} as any other segment.`,
          expectedColumns: ['segment', snake(customersWord), 'revenue', 'revenue_per_customer'],
          insights: [{ kind: 'top', key: 'segment', value: seg[0]! }, { kind: 'ratio', key: 'segment', value: seg[0]!, column: 'revenue_per_customer', atLeast: 1.5 }],
          sql: (d) => `SELECT p.segment, COUNT(DISTINCT p.${customer.key}) AS ${snake(customersWord)}, ROUND(SUM(${billable('t')}), 2) AS revenue,
  ROUND(${d.safeDivide(`SUM(${billable('t')})`, `COUNT(DISTINCT p.${customer.key})`)}, 2) AS revenue_per_customer
FROM ${d.table(entries)} t JOIN ${d.table(table)} p ON p.${key} = t.${key}
GROUP BY p.segment ORDER BY revenue_per_customer DESC`,
        },
        {
          id: 'utilisation',
          level: 'advanced',
          question: `What share of their hours do ${staffWord} bill, by seniority?`,
          insight: `Junior ${staffWord} bill only about half their hours, against more than 80% for everyone else.`,
          expectedColumns: ['level', 'hours', 'billable_pct'],
          insights: [{ kind: 'compare', key: 'level', value: 'Senior', other: 'Junior', column: 'billable_pct', atLeast: 1.3 }],
          sql: (d) => `SELECT s.level, ROUND(SUM(t.hours), 1) AS hours, ROUND(100 * ${d.safeDivide('SUM(CASE WHEN t.billable THEN t.hours ELSE 0 END)', 'SUM(t.hours)')}, 1) AS billable_pct
FROM ${d.table(entries)} t JOIN ${d.table(member.table)} s ON s.${member.key} = t.${member.key}
GROUP BY s.level ORDER BY billable_pct DESC`,
        },
        {
          id: 'duration',
          level: 'advanced',
          question: `Which ${offeringsWord} take longest from opening to close?`,
          insight: `${off[1]} ${projectsWord} run about two and a half times as long as the others.`,
          expectedColumns: [offering.name, snake(projectsWord), 'avg_duration_days'],
          insights: [{ kind: 'top', key: offering.name, value: off[1]! }, { kind: 'ratio', key: offering.name, value: off[1]!, column: 'avg_duration_days', atLeast: 1.7 }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(projectsWord)}, ROUND(AVG(p.duration_days), 1) AS avg_duration_days
FROM ${d.table(table)} p JOIN ${d.table(offering.table)} o ON o.${offering.key} = p.${offering.key}
GROUP BY o.${offering.name} ORDER BY avg_duration_days DESC`,
        },
        {
          id: 'write_off',
          level: 'expert',
          question: `How much of each seniority level's time goes unbilled, and what is it worth at their rates?`,
          insight: `Junior ${staffWord} leave the most hours unbilled; that time is the cheapest place to win back ${revenueWord}.`,
          expectedColumns: ['level', 'unbilled_hours', 'unbilled_value'],
          insights: [{ kind: 'top', key: 'level', value: 'Junior', by: 'unbilled_hours' }],
          sql: (d) => `SELECT s.level, ROUND(SUM(CASE WHEN t.billable THEN 0 ELSE t.hours END), 1) AS unbilled_hours, ROUND(SUM(CASE WHEN t.billable THEN 0 ELSE t.amount END), 2) AS unbilled_value
FROM ${d.table(entries)} t JOIN ${d.table(member.table)} s ON s.${member.key} = t.${member.key}
GROUP BY s.level ORDER BY unbilled_value DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(table, `${p}_count`, `number of ${projectsWord}`, 'count', '*', { synonyms: [projectsWord, `new ${projectsWord}`], timeDimension: 'opened_date' }),
          measure(table, 'avg_duration_days', `average ${lower(project.singular)} duration`, 'avg', 'duration_days', { synonyms: ['cycle time', 'how long'], format: 'duration_days', decimals: 1, timeDimension: 'opened_date' }),
          measure(entries, 'hours', 'hours recorded', 'sum', 'hours', { synonyms: ['time', 'hours worked'], format: 'duration_hours', decimals: 1, timeDimension: 'work_date' }),
          measure(entries, 'billable_hours', 'billable hours', 'sum', 'hours', { synonyms: ['billed hours', 'chargeable hours'], filters: ['billable_only'], format: 'duration_hours', decimals: 1, timeDimension: 'work_date' }),
          measure(entries, 'revenue', revenueWord, 'sum', 'amount', { synonyms: ['revenue', 'fees', 'billings', 'billed value'], filters: ['billable_only'], format: 'currency', decimals: 2, timeDimension: 'work_date' }),
          measure(entries, 'utilisation', 'billable share of hours', 'ratio', '', { synonyms: ['utilisation', 'utilization', 'billable rate'], numerator: 'billable_hours', denominator: 'hours', format: 'percent', decimals: 1 }),
        ],
        dimensions: [dimension(table, `${p}_segment`, `${lower(customer.term.singular)} segment`, 'segment', { synonyms: ['segment'], sampleValues: seg })],
        timeDimensions: [timeDimension(table, 'opened_date', `${lower(project.singular)} opened`, 'opened_date', ['start date']), timeDimension(entries, 'work_date', 'work date', 'work_date', ['date worked'])],
        filters: [filter(entries, 'billable_only', 'billable hours only', 'billable', ['billable', 'chargeable'])],
      },
      glossary: [
        { term: 'Billable hours', definition: `Hours recorded against ${projectsWord} and billed to the ${lower(customer.term.singular)}.` },
        { term: cap(revenueWord), definition: 'Billable hours x the hourly rate of the person who worked them.' },
        { term: 'Utilisation', definition: 'Billable hours as a share of all hours recorded.' },
      ],
      kpis: ['Billable hours', 'Utilisation', cap(revenueWord), `${cap(project.singular)} duration`],
      persona: { role: 'Managing Director', goals: [`Grow ${revenueWord} from the most valuable ${offeringsWord}`, 'Lift utilisation across the team', `Deliver ${projectsWord} on time`] },
      scene: { title: `Where the ${revenueWord} comes from`, narrative: `Start with {company}'s ${projectsWord}: how many come in, which ${offeringsWord} earn the most, and which ${customersWord} are worth the most.` },
    };
  },
};
