import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInsight } from '../src/agents/validate/check-insight.js';
import { presentClaim, renderMeasure, rowLabel } from '../src/agents/validate/present-claims.js';
import type { Insight } from '../src/domain/data-model.js';

/** The sentence a claim is presented with, for one insight on one result. */
function sentence(insight: Insight, columns: string[], rows: unknown[][]): string {
  const check = checkInsight(insight, columns, rows);
  assert.ok(check.holds, check.observed);
  return renderMeasure(check.measure ?? assert.fail('no measure'), insight);
}

describe('the figures a presented claim quotes', () => {
  it('"comes first" quotes the column the rows are ordered by, not the first number of the row', () => {
    const top: Insight = { kind: 'top', key: 'program', value: 'Infant care' };
    // Ordered by revenue (descending); the count of agreements is not in order.
    const rows = [['Infant care', 120, 9800], ['Preschool', 150, 7100], ['Toddler program', 90, 5200]];
    assert.equal(sentence(top, ['program', 'active_agreements', 'monthly_revenue'], rows), 'Infant care comes first: monthly revenue $9,800.');
    // When the first number is the order, it is the one quoted.
    const byCount = [['Infant care', 150, 7100], ['Preschool', 120, 9800], ['Toddler program', 90, 5200]];
    assert.equal(sentence(top, ['program', 'active_agreements', 'monthly_revenue'], byCount), 'Infant care comes first: active agreements 150.');
    // Ascending ("complete least often"): the column that never falls.
    const least = [['Part-time', 1228, 51.2], ['Full-time', 2100, 81.4], ['Sibling', 800, 84]];
    assert.equal(sentence({ kind: 'top', key: 'segment', value: 'Part-time' }, ['segment', 'enrolments', 'completion_pct'], least), 'Part-time comes first: completion % 51.2%.');
    // One row: nothing to tell the order by, so the first number.
    assert.equal(sentence(top, ['program', 'active_agreements', 'monthly_revenue'], [['Infant care', 120, 9800]]), 'Infant care comes first: active agreements 120.');
  });

  it('a month of the year is named, other labels are left as they are', () => {
    assert.equal(rowLabel('month_of_year', '9'), 'September');
    assert.equal(rowLabel('month_of_year', '13'), '13');
    assert.equal(rowLabel('segment', '9'), '9');
    const peak: Insight = { kind: 'top', key: 'month_of_year', value: '9', by: 'enrolments' };
    const rows = Array.from({ length: 12 }, (_, i) => [i + 1, i === 8 ? 2520 : i === 0 ? 1235 : 400]);
    assert.equal(sentence(peak, ['month_of_year', 'enrolments'], rows), 'September has the highest enrolments: 2,520, of 12; next: January, 1,235.');
  });

  it('the row a claim names among tied figures is the same whatever order the warehouse returned them in', () => {
    // Two segments tie for second place; DuckDB's threads decide which comes back first.
    const columns = ['segment', 'churn_pct'];
    const tied = [['Startups', 12], ['Agencies', 6], ['Retailers', 6], ['Enterprise', 3]];
    const swapped = [tied[0], tied[2], tied[1], tied[3]] as unknown[][];
    const top: Insight = { kind: 'top', key: 'segment', value: 'Startups', by: 'churn_pct' };
    assert.equal(sentence(top, columns, tied), sentence(top, columns, swapped));
    assert.match(sentence(top, columns, swapped), /next: Agencies/);
    const ratio: Insight = { kind: 'ratio', key: 'segment', value: 'Startups', column: 'churn_pct', atLeast: 1.5 };
    assert.equal(sentence(ratio, columns, tied), sentence(ratio, columns, swapped));
    assert.match(sentence(ratio, columns, swapped), /\(Agencies, /);
    // The lowest: ties at the bottom are named the same way.
    const bottom: Insight = { kind: 'bottom', key: 'segment', value: 'Enterprise', by: 'churn_pct' };
    assert.equal(sentence(bottom, columns, tied), sentence(bottom, columns, swapped));
    // A tie for first with the claimed row: it holds (jointly first) in either order, and the
    // tie is shown, the other row being next with the same figure.
    const joint = [['Harbor', 38.5], ['Old Town', 38.5], ['Midtown', 20]];
    const oldTown: Insight = { kind: 'top', key: 'location', value: 'Old Town', by: 'turnover_pct' };
    for (const rows of [joint, [joint[1], joint[0], joint[2]] as unknown[][]]) {
      assert.equal(sentence(oldTown, ['location', 'turnover_pct'], rows), 'Old Town has the highest turnover %: 38.5%, of 3; next: Harbor, 38.5%.');
    }
  });

  it('a claim does not say a figure twice: a sentence another one repeats with more is left out', () => {
    const columns = ['segment', 'agreements', 'churn_pct'];
    const rows = [['Part-time', 451, 36.6], ['Sibling', 300, 15], ['Full-time', 900, 9]];
    const insights: Insight[] = [{ kind: 'top', key: 'segment', value: 'Part-time' }, { kind: 'ratio', key: 'segment', value: 'Part-time', column: 'churn_pct', atLeast: 2 }];
    const claim = presentClaim('q10', 'Part-time families cancel most', insights, insights.map((i) => checkInsight(i, columns, rows)));
    assert.ok(claim.holds);
    assert.equal(claim.presented, 'Part-time: churn % 36.6%, 2.4x the next highest (Sibling, 15%).');
    // The same figure and a ratio to the average (not a figure of the result): the longer sentence says more.
    const avg: Insight[] = [{ kind: 'top', key: 'segment', value: 'Part-time' }, { kind: 'ratio', key: 'segment', value: 'Part-time', column: 'churn_pct', atLeast: 2, vs: 'average' }];
    assert.equal(presentClaim('q10', '', avg, avg.map((i) => checkInsight(i, columns, rows))).presented, 'Part-time: churn % 36.6%, 3.1x the average of the others.');
    // Figures that differ are both said.
    const other: Insight[] = [{ kind: 'top', key: 'segment', value: 'Part-time' }, { kind: 'between', key: 'segment', value: 'Full-time', column: 'churn_pct', max: 10 }];
    assert.equal(presentClaim('q10', '', other, other.map((i) => checkInsight(i, columns, rows))).presented, 'Part-time comes first: churn % 36.6%. Full-time: churn % 9%.');
  });
});
