import { formatCell } from './format.js';
import { html, type SafeHtml } from './html.js';

export interface SeriesPoint {
  /** The x label, e.g. `2026-03-01`. */
  label: string;
  value: number;
}

const W = 640;
const H = 240;
const M = { top: 14, right: 16, bottom: 34, left: 64 };

/** 1.2M, 350k, 42: axis labels that fit. */
export function compactNumber(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${+(n / 1e9).toFixed(1)}B`;
  if (a >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return `${+n.toFixed(2)}`;
}

/** Round tick steps (1, 2, 5 x 10^n) from 0 (or the minimum, when negative) to above the maximum. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const lo = Math.min(0, min);
  const span = max - lo || Math.abs(max) || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v < max + step; v += step) ticks.push(+v.toPrecision(12));
  return ticks;
}

/** A line chart of one metric over time as inline SVG. Pure; labels are escaped. */
export function renderLineChart(points: readonly SeriesPoint[], options: { metric: string; label?: string }): SafeHtml {
  if (points.length === 0) return html`<p class="note">No data points to chart.</p>`;
  const values = points.map((p) => p.value);
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const yMin = ticks[0] ?? 0;
  const yMax = ticks.at(-1) ?? 1;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number): number => M.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number): number => M.top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const area = `${line} L${x(points.length - 1).toFixed(1)},${y(yMin).toFixed(1)} L${x(0).toFixed(1)},${y(yMin).toFixed(1)} Z`;
  const every = Math.max(1, Math.ceil(points.length / 6));
  const title = options.label ?? `${options.metric} over time`;
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${`${title}: ${points.length} points from ${points[0]?.label ?? ''} to ${points.at(-1)?.label ?? ''}`}" xmlns="http://www.w3.org/2000/svg">
${ticks.map((t) => html`<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/><text class="axis" x="${M.left - 8}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${compactNumber(t)}</text>`)}
${points.map((p, i) => (i % every === 0 || i === points.length - 1 ? html`<text class="axis" x="${x(i).toFixed(1)}" y="${H - 12}" text-anchor="middle">${p.label}</text>` : ''))}
<path class="area" d="${area}"/>
<path class="line" d="${line}"/>
${points.map((p, i) => html`<circle class="point" cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3"><title>${`${p.label}: ${formatCell(p.value)}`}</title></circle>`)}
</svg>`;
}
