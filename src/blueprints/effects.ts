import type { Effect } from '../domain/data-model.js';

/**
 * A preset's planted effects as data: one effect per value of the referenced column, so a
 * story reads as `{ Business: 3.6, First: 4.6 }` rather than a list of `when` clauses.
 * `by('fare_family', 'factor', { Business: 3.6 })` is
 * `[{ when: { ref: 'fare_family', in: ['Business'] }, factor: 3.6 }]`.
 */
export function by<F extends 'factor' | 'add' | 'p' | 'weights'>(ref: string, field: F, values: Record<string, NonNullable<Effect[F]>>): Effect[] {
  return Object.entries(values).map(([value, x]) => ({ when: { ref, in: [value] }, [field]: x }));
}
