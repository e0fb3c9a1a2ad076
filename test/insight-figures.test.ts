import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInsight } from '../src/agents/validate/check-insight.js';
import { renderMeasure, rowLabel } from '../src/agents/validate/present-claims.js';
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
});
