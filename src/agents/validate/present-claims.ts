import type { Claim } from '../../domain/artifacts.js';
import type { Insight } from '../../domain/data-model.js';
import type { DemoStory } from '../../domain/story.js';
import type { Figure, InsightCheck, Measure } from './check-insight.js';

/**
 * Turns what validation measured into the words a presenter says: every number quoted is a
 * cell of a golden query's result on the loaded data (ratios aside), formatted by what its
 * column holds. Pure.
 */

/** Words for a result column: `avg_order_value` → `average order value`. */
export function columnLabel(column: string): string {
  return column
    .replace(/_pct(_of_|$)/, ' %$1')
    .split('_')
    .filter((w) => w !== '')
    .map((w) => ({ avg: 'average', pct: '%', pts: 'points', n: 'number', num: 'number', per: 'per', arpa: 'ARPA', mrr: 'MRR', arr: 'ARR', roas: 'ROAS', csat: 'CSAT', sla: 'SLA', lms: 'LMS', dti: 'DTI', dfw: 'DFW', ota: 'OTA' })[w] ?? w)
    .join(' ')
    .replace(/ % of /, ' % of ')
    .trim();
}

/** What a column's numbers are, from its name: percent points, percentages, money, or plain. */
export function unitOf(column: string): 'percent' | 'points' | 'money' | 'multiple' | 'number' {
  if (/(^|_)pct(_|$)|percent/.test(column)) return 'percent';
  if (/(^|_)pts$/.test(column)) return 'points';
  if (/^roas$|(^|_)relative_risk$/.test(column)) return 'multiple';
  if (/(revenue|mrr|(^|_)arr$|arpa|budget|cost|amount|balance|(^|_)check$|(^|_)claim$|fare|charges|commission|sales|tuition|order_value|losses|savings|billed|reimbursement|total_deposits|(^|_)margin$|refunded|contribution$|premium)/.test(column)) return 'money';
  return 'number';
}

const plain = (v: number, digits = 2): string => v.toLocaleString('en-US', { maximumFractionDigits: digits });

/** A result cell as a person reads it: `$1,240`, `12.5%`, `3.2x`, `1,204`. */
export function formatFigure(column: string, value: number, currency = 'USD'): string {
  if (!Number.isFinite(value)) return String(value);
  switch (unitOf(column)) {
    case 'percent':
      return `${plain(value, 1)}%`;
    case 'points':
      return `${plain(value, 1)} points`;
    case 'multiple':
      return `${plain(value, 2)}x`;
    case 'money': {
      // Large sums read better whole; small ones keep the currency's minor unit.
      const whole = Math.abs(value) >= 1000;
      try {
        return new Intl.NumberFormat('en-US', { style: 'currency', currency, ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) }).format(value);
      } catch {
        return `${plain(value)} ${currency}`;
      }
    }
    case 'number':
      return plain(value);
  }
}

const times = (ratio: number | undefined): string => (ratio === undefined || !Number.isFinite(ratio) ? 'far more than' : `${plain(ratio, 1)}x`);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A row's label as a person reads it: a month of the year by its name ("9" is September). */
export function rowLabel(key: string | undefined, row: string): string {
  const month = key !== undefined && /(^|_)month_of_year$/.test(key) && /^(1[0-2]|[1-9])$/.test(row) ? MONTHS[Number(row) - 1] : undefined;
  return month ?? row;
}

/** One measured finding as a sentence with its figures. Pure. */
export function renderMeasure(measure: Measure, insight: Insight, currency = 'USD'): string {
  const f = (x: Figure): string => formatFigure(x.column, x.value, currency);
  const named = (x: Figure | undefined): Figure | undefined => (x && x.row !== undefined ? { ...x, row: rowLabel(measure.key, x.row) } : x);
  const m: Measure = { ...measure, subject: named(measure.subject), other: named(measure.other) };
  const label = columnLabel(m.column);
  const s = m.subject;
  switch (m.kind) {
    case 'ratio':
      if (!s) break;
      if (m.average !== undefined) return `${s.row}: ${label} ${f(s)}, ${times(m.ratio)} the average of the others.`;
      return `${s.row}: ${label} ${f(s)}, ${times(m.ratio)} the next highest${m.other ? ` (${m.other.row}, ${f(m.other)})` : ''}.`;
    case 'compare':
      if (!s || !m.other) break;
      return `${s.row}: ${label} ${f(s)}, ${times(m.ratio)} ${m.other.row} (${f(m.other)}).`;
    case 'top':
    case 'bottom': {
      if (!s) break;
      const position = m.rank?.position ?? 'highest';
      if (insight.kind === 'top' && insight.by === undefined) return `${s.row} comes first: ${label} ${f(s)}.`;
      const next = m.other ? `; next: ${m.other.row}, ${f(m.other)}` : '';
      return `${s.row} has the ${position} ${label}: ${f(s)}, of ${m.rank?.of ?? 1}${next}.`;
    }
    case 'trend': {
      if (!m.first || !m.last) break;
      const rising = m.last.value >= m.first.value;
      return `${label[0]?.toUpperCase() ?? ''}${label.slice(1)} ${rising ? 'rises' : 'falls'} from ${f(m.first)} (${m.first.row}) to ${f(m.last)} (${m.last.row}).`;
    }
    case 'between': {
      const values = m.values ?? [];
      if (values.length === 0) break;
      if (values.length === 1 && values[0]) return `${values[0].row ? `${values[0].row}: ` : ''}${label} ${f(values[0])}.`;
      const shown = values.slice(0, 5).map((x) => `${x.row} ${f(x)}`);
      return `${label[0]?.toUpperCase() ?? ''}${label.slice(1)}: ${shown.join(', ')}${values.length > 5 ? `, and ${values.length - 5} more` : ''}.`;
    }
  }
  return '';
}

/** Every figure a claim quotes: the cells behind its sentence. */
export function figuresOf(m: Measure | undefined): Figure[] {
  if (!m) return [];
  const out = [m.subject, m.other, m.first, m.last, ...(m.kind === 'between' ? (m.values ?? []).slice(0, 5) : [])].filter((x): x is Figure => x !== undefined);
  return out.filter((x, i) => out.findIndex((y) => y.row === x.row && y.column === x.column && y.value === x.value) === i);
}

/**
 * One question's claim as the report shows it: the story's words, whether the data bears them
 * out, and the measured sentence that replaces them in the presented story.
 */
export function presentClaim(questionId: string, claim: string, insights: readonly Insight[], checks: readonly InsightCheck[], currency = 'USD'): Claim {
  const holds = checks.length > 0 && checks.every((c) => c.holds);
  const said = checks.map((c, i) => {
    const insight = insights[i];
    const text = c.measure && insight ? renderMeasure(c.measure, insight, currency) : '';
    return { text: text || `The result shows ${c.observed}.`, figures: figuresOf(c.measure) };
  });
  // A sentence whose every figure another sentence quotes, with more figures or more words, says
  // nothing new ("X comes first: churn 36.6%" beside "X: churn 36.6%, 2.4x the next highest").
  const same = (a: Figure, b: Figure): boolean => a.row === b.row && a.column === b.column && a.value === b.value;
  const saysMore = (o: (typeof said)[number], s: (typeof said)[number]): boolean =>
    o.figures.length > s.figures.length || (o.figures.length === s.figures.length && o.text.length > s.text.length);
  const sentences = said
    .filter((s, i) => !(s.figures.length > 0 && said.some((o, j) => j !== i && saysMore(o, s) && s.figures.every((x) => o.figures.some((y) => same(x, y))))))
    .map((s) => s.text);
  const measured = sentences.join(' ');
  return {
    questionId,
    claim,
    check: checks.map((c) => c.claim).join('; '),
    holds,
    measured,
    values: checks.flatMap((c) => figuresOf(c.measure)).map((x) => ({ ...(x.row !== undefined ? { row: x.row } : {}), column: x.column, value: x.value })),
    // A claim the data contradicts is not repeated: the presenter says what was measured instead.
    presented: holds ? measured : `Reworded from the data (the story claimed otherwise): ${measured}`,
    ...(holds ? {} : { flagged: true }),
  };
}

/**
 * The story as presented after validation: each question's insight is its measured sentence,
 * each scene closes with the figures of its questions, and the executive summary quotes the
 * headline ones. Questions without a measured claim keep their words. Pure.
 */
export function presentStory(story: DemoStory, claims: readonly Claim[]): DemoStory {
  const byId = new Map(claims.map((c) => [c.questionId, c]));
  const headline = story.goldenQuestions
    .map((q) => byId.get(q.id))
    .filter((c): c is Claim => c !== undefined && c.holds)
    .slice(0, 3)
    .map((c) => c.measured);
  return {
    ...story,
    executiveSummary: headline.length ? `${story.executiveSummary} Measured on the loaded data: ${headline.join(' ')}` : story.executiveSummary,
    scenes: story.scenes.map((s) => {
      const figures = s.questionIds.map((id) => byId.get(id)?.presented).filter((x): x is string => x !== undefined);
      return figures.length ? { ...s, narrative: `${s.narrative} In the data: ${figures.join(' ')}` } : s;
    }),
    goldenQuestions: story.goldenQuestions.map((q) => {
      const c = byId.get(q.id);
      return c ? { ...q, insight: c.presented } : q;
    }),
  };
}
