/** Terminal charts of an answer: Unicode bars for a ranking or a time series, and a sparkline. */

const BLOCKS = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A bar of `value / max` of `width` cells, in eighths. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.round((value / max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 ? (BLOCKS[(eighths % 8) - 1] ?? '') : '');
}

/** One character per value, scaled between the smallest and the largest. */
export function sparkline(values: number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => SPARKS[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * (SPARKS.length - 1))] ?? '').join('');
}

function short(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 2 });
}

/**
 * A chart of a result when it is a time series (a date column and a number) or a ranking (a
 * label column and a number); undefined for anything else (one number, wide tables). Pure.
 */
export function chartFor(columns: string[], rows: unknown[][], options: { width?: number; maxBars?: number } = {}): string | undefined {
  if (rows.length < 2 || columns.length < 2) return undefined;
  const width = options.width ?? 40;
  const maxBars = options.maxBars ?? 24;
  const valueAt = columns.findIndex((_, i) => rows.every((r) => isNumber(r[i]) || r[i] === null) && rows.some((r) => isNumber(r[i])));
  const labelAt = columns.findIndex((_, i) => i !== valueAt && rows.every((r) => typeof r[i] === 'string' || r[i] instanceof Date));
  if (valueAt < 0 || labelAt < 0) return undefined;
  const label = (r: unknown[]): string => {
    const v = r[labelAt];
    return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  };
  const values = rows.map((r) => (isNumber(r[valueAt]) ? r[valueAt] : 0));
  const timeSeries = rows.every((r) => ISO_DAY.test(label(r)));
  const shown = rows.slice(0, maxBars);
  const max = Math.max(...values.slice(0, maxBars), 0);
  const labelWidth = Math.min(24, Math.max(...shown.map((r) => label(r).length)));
  const lines = shown.map((r, i) => `${label(r).slice(0, labelWidth).padEnd(labelWidth)}  ${bar(values[i] ?? 0, max, width).padEnd(width)}  ${short(values[i] ?? 0)}`);
  if (rows.length > shown.length) lines.push(`… ${rows.length - shown.length} more`);
  const title = `${columns[valueAt] ?? ''}${timeSeries ? ` by ${columns[labelAt] ?? ''}` : ` by ${columns[labelAt] ?? ''}`}`;
  const spark = timeSeries ? [`${sparkline(values)}  ${label(rows[0] ?? [])} → ${label(rows.at(-1) ?? [])}, ${short(Math.min(...values))} to ${short(Math.max(...values))}`] : [];
  return [title, ...spark, ...lines].join('\n');
}
