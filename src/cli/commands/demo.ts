import { parseJobEnv } from '../../config/env.js';
import { SAMPLE_SITES, serveSample, type SampleSite } from '../../samples/serve-site.js';
import { UsageError } from '../exit-status.js';
import type { CliIO } from '../io.js';
import { parseCommand } from '../program.js';
import { resolveRunOptions, type RunFlagValues } from '../run-options.js';
import { executeRun } from './run.js';

export async function demoCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand('demo', args, io);
  if ('exit' in parsed) return parsed.exit;
  if (parsed.positionals.length > 0) throw new UsageError(`demo takes no URL (it serves its own sample site); got ${parsed.positionals.join(' ')}.`);
  const values = parsed.values as RunFlagValues & { site?: string };
  const site = (values.site ?? 'northwind-outfitters') as SampleSite;
  if (!SAMPLE_SITES.includes(site)) throw new UsageError(`--site must be one of ${SAMPLE_SITES.join(', ')}.`);
  // The sample site is served on loopback, so the crawler must be allowed there.
  const options = resolveRunOptions({ ...values, 'allow-private-network': true }, parseJobEnv(io.env));
  const served = await serveSample(site);
  try {
    if (!options.json) io.stderr.write(`Serving the sample site "${site}" at ${served.url}\n`);
    const { code, summary } = await executeRun(served.url, options, io, { logFields: { demoSite: site }, jobSlug: `demo-${site.split('-')[0] ?? 'site'}` });
    if (!options.json) {
      io.stdout.write(`\nNext: provision status ${summary.jobId}, or provision serve and open the dashboard.\n`);
    }
    return code;
  } finally {
    await served.close();
  }
}
