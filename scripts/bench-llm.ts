// Benchmark: the llm strategy's calls and tokens per stage, replayed from a recorded session
// against a loopback fake of the Messages API, and the wall time those tokens imply.
// Usage: npm run bench:llm [-- --session northwind-outfitters --tokens-per-second 60]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runJob } from '../src/app/run-job.js';
import { serveSample, type SampleSite } from '../src/samples/serve-site.js';
import { FakeAnthropic, loadSession } from '../test/helpers/fake-anthropic.js';

const { values } = parseArgs({ options: { session: { type: 'string', default: 'northwind-outfitters' }, 'tokens-per-second': { type: 'string', default: '60' } } });
const session = loadSession(values.session);
const tps = Number(values['tokens-per-second']);
const site = await serveSample(session.site as SampleSite);
const fake = await FakeAnthropic.start(session.answers);
const stateDir = mkdtempSync(join(tmpdir(), 'provision-bench-llm-'));
try {
  const started = performance.now();
  const { summary } = await runJob(
    { jobId: 'bench-llm', url: site.url, attempt: 0, strategy: 'llm', warehouse: 'duckdb', scale: 1, allowPrivateNetwork: true },
    { stateDir, signal: new AbortController().signal, now: () => new Date(`${session.asOf}T12:00:00Z`), anthropic: { apiKey: 'bench', baseURL: fake.url } },
  );
  const wall = performance.now() - started;
  console.log(`llm strategy benchmark: session ${values.session} (${session.provenance.split('.')[0]}), ${tps} output tokens/s assumed`);
  console.log(`job ${summary.status}; golden queries ${summary.goldenQueries?.passed}/${summary.goldenQueries?.total}; pipeline wall time against the instant fake ${wall.toFixed(0)} ms\n`);
  console.log('stage       strategy   calls   input   cached   output   implied');
  // Calls within a stage that run at once (the agent's) cost the longest of them, not the sum.
  const byStage = new Map<string, number[]>();
  for (const r of fake.requests) {
    const stage = { company_profile: 'research', demo_story: 'story', data_model_plan: 'model', table_descriptions: 'agent', glossary: 'agent', repaired_query: 'validate' }[r.tool] ?? r.tool;
    byStage.set(stage, [...(byStage.get(stage) ?? []), r.usage?.output_tokens ?? 0]);
  }
  let critical = 0;
  for (const s of summary.stages) {
    const llm = s.llm;
    const outs = byStage.get(s.id) ?? [];
    const path = s.id === 'agent' ? Math.max(0, ...outs) : outs.reduce((a, b) => a + b, 0);
    critical += path;
    console.log(
      `${s.id.padEnd(11)} ${(s.strategy ?? '-').padEnd(9)} ${String(llm?.calls ?? 0).padStart(6)} ${String(llm?.inputTokens ?? 0).padStart(7)} ${String((llm?.cacheReadTokens ?? 0) + (llm?.cacheWriteTokens ?? 0)).padStart(8)} ${String(llm?.outputTokens ?? 0).padStart(8)} ${`${(path / tps).toFixed(1)} s`.padStart(9)}`,
    );
  }
  const total = summary.llm;
  console.log(`\ntotal: ${total?.calls ?? 0} calls, ${total?.inputTokens ?? 0} input + ${(total?.cacheReadTokens ?? 0) + (total?.cacheWriteTokens ?? 0)} cached input tokens, ${total?.outputTokens ?? 0} output tokens, estimated $${total?.costUsd.toFixed(4) ?? 0}`);
  console.log(`critical path: ${critical} output tokens → ${(critical / tps).toFixed(1)} s of generation at ${tps} tokens/s (targets: at most 6 calls and 8,000 output tokens)`);
} finally {
  fake.close();
  await site.close();
  rmSync(stateDir, { recursive: true, force: true });
}
