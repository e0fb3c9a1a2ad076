import { createHash } from 'node:crypto';
import { newJobId } from '../pipeline/job-spec.js';

/** Splits a URL list (newlines or commas; `#` comments and blank lines ignored). */
export function parseUrlList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l.length > 0);
}

/** The entries of `items` that task `index` of `count` runs: every count-th, starting at index. */
export function taskShare<T>(items: readonly T[], index: number, count: number): Array<{ item: T; position: number }> {
  if (count < 1 || index < 0 || index >= count) throw new RangeError(`task ${index} of ${count} does not exist`);
  return items.flatMap((item, position) => (position % count === index ? [{ item, position }] : []));
}

/**
 * A batch entry's job id: stable across attempts of the same execution (so a retried task
 * resumes its checkpoints), distinct across entries and executions.
 */
export function batchJobId(url: string, position: number, options: { prefix?: string; execution?: string }): string {
  if (options.prefix) return `${options.prefix}-${position}`;
  const suffix = createHash('sha256').update(`${options.execution ?? 'batch'}|${position}|${url}`).digest('hex').slice(0, 8);
  return newJobId(url, { suffix });
}
