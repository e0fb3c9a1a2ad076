import type { GeneratorSpec } from '../domain/data-model.js';
import { monthOfDay, SpecError } from './cells.js';
import { WeightedPicker, type Rng } from './prng.js';

export type DateSpec = Extract<GeneratorSpec, { kind: 'date' | 'timestamp' }>;

export interface DaySampler {
  /** A day of the window. */
  pick(rng: Rng): number;
  /** A day of the window on or after `floor`, with the window's shape (the conditional distribution). */
  pickFrom(rng: Rng, floor: number): number;
  to: number;
}

/** Day picker for a window shaped by weekly and yearly seasonality and growth. */
export function daySampler(spec: DateSpec, asOfDay: number, growth: number): DaySampler {
  const from = asOfDay + (spec.from ?? -365);
  const to = asOfDay + (spec.to ?? 0);
  if (to < from) throw new SpecError(`Date window ends (${spec.to}) before it starts (${spec.from}).`);
  const span = to - from + 1;
  const weekly = spec.weekly ?? [1, 1, 1, 1, 1, 1, 1];
  const yearly = spec.yearly ?? [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
  const weights = new Array<number>(span);
  const cdf = new Float64Array(span);
  let sum = 0;
  for (let d = 0; d < span; d++) {
    const day = from + d;
    const dow = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; Monday = 0
    const w = (weekly[dow] ?? 1) * (yearly[monthOfDay(day)] ?? 1) * Math.pow(1 + growth, d / 365.25);
    weights[d] = w;
    sum += w;
    cdf[d] = sum;
  }
  const picker = new WeightedPicker(weights);
  return {
    to,
    pick: (rng) => from + picker.pick(rng),
    pickFrom: (rng, floor) => {
      const k = Math.max(0, Math.min(span - 1, floor - from));
      const lo = k === 0 ? 0 : (cdf[k - 1] as number);
      const x = lo + rng.next() * (sum - lo);
      let a = k;
      let b = span - 1;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if ((cdf[mid] as number) > x) b = mid;
        else a = mid + 1;
      }
      return from + a;
    },
  };
}

export function annualGrowth(g: { growth?: number | undefined; quarterlyGrowth?: number | undefined }): number {
  return g.quarterlyGrowth !== undefined ? Math.pow(1 + g.quarterlyGrowth, 4) - 1 : (g.growth ?? 0);
}
