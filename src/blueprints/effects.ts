import type { Effect } from '../domain/data-model.js';

type Field = 'factor' | 'add' | 'p' | 'weights';
/** Values of the referenced column and what each does: a map, or pairs where one entry may name several values. */
type ByValue<X> = Record<string, X> | ReadonlyArray<readonly [string | readonly string[], X]>;

/**
 * A preset's planted effects as data: one effect per value (or group of values) of the
 * referenced column, so a story reads as `{ Business: 3.6, First: 4.6 }` rather than a list of
 * `when` clauses. `by('fare_family', 'factor', { Business: 3.6 })` is
 * `[{ when: { ref: 'fare_family', in: ['Business'] }, factor: 3.6 }]`;
 * `by('channel', 'p', [[['Phone', 'Partner'], 0.2]])` gives both values one effect.
 */
export function by<F extends Field>(ref: string, field: F, values: ByValue<NonNullable<Effect[F]>>): Effect[] {
  const entries: ReadonlyArray<readonly [string | readonly string[], NonNullable<Effect[F]>]> = Array.isArray(values) ? values : Object.entries(values);
  return entries.map(([value, x]) => ({ when: { ref, in: typeof value === 'string' ? [value] : [...value] }, [field]: x }));
}
