import { z } from 'zod';
import { WarehouseKindSchema } from '../domain/data-model.js';
import { fnv1a } from '../data/prng.js';

export const STRATEGIES = ['heuristic', 'llm'] as const;
export const StrategySchema = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof StrategySchema>;

/** Job ids key files, documents and datasets: lowercase, digits and dashes. */
export const JobIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,62}$/, 'a job id is 3-63 characters of lowercase letters, digits and dashes, starting with a letter or digit');

/** What one job is asked to do. Everything a stage may depend on is here. */
export const JobSpecSchema = z.object({
  jobId: JobIdSchema,
  url: z.string().url(),
  /** Which attempt this is (Cloud Run task attempt; 0 locally). */
  attempt: z.number().int().nonnegative(),
  strategy: StrategySchema,
  warehouse: WarehouseKindSchema,
  scale: z.number().positive().max(1000),
  allowPrivateNetwork: z.boolean(),
  /** Where to POST a signed notice when the job ends (optional). */
  callbackUrl: z.string().url().optional(),
  /** With the llm strategy: fail a stage whose model calls fail for good instead of falling back to the heuristic strategy. */
  noFallback: z.boolean().optional(),
  /** When the crawler renders a page in headless Chromium (`--render`). */
  render: z.enum(['auto', 'always', 'never']).optional(),
});
export type JobSpec = z.infer<typeof JobSpecSchema>;

/** The dataset name derives from the job id alone: the same job always lands in the same dataset. */
export function datasetNameFor(jobId: string): string {
  return `provision_${jobId.replace(/[^a-z0-9]/g, '_')}`;
}

/** The data seed derives from the job id alone: the same job always generates the same rows. */
export function seedFor(jobId: string): number {
  return fnv1a(`seed:${jobId}`);
}

/** Options that change what stages produce; a checkpoint made under others is not reused. */
export function optionsFingerprint(spec: JobSpec): string {
  return [spec.url, spec.strategy, spec.warehouse, spec.scale].join('|');
}

/** A new job id: a readable slug (of the host, unless given) plus a random suffix. */
export function newJobId(url: string, options: { slug?: string; suffix?: string; random?: () => number } = {}): string {
  const random = options.random ?? Math.random;
  let host = 'job';
  try {
    const hostname = new URL(url).hostname.replace(/^www\./, '');
    // An IP address makes a poor slug.
    host = /^[\d.:[\]]+$/.test(hostname) ? 'site' : hostname;
  } catch {
    // Invalid URLs are reported by whoever validates the URL; the id only needs to be valid.
  }
  const slug =
    (options.slug ?? host.split('.')[0] ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24) || 'job';
  const suffix = options.suffix ?? Array.from({ length: 6 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)]).join('');
  return `${slug}-${suffix}`;
}
