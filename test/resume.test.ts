import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { datasetNameFor } from '../src/pipeline/job-spec.js';
import { RunSummarySchema, type RunSummary } from '../src/pipeline/summary.js';
import { serveSample, type ServedSite } from '../src/samples/serve-site.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

describe('resuming a job whose inputs changed (the real pipeline, on a sample site)', () => {
  let site: ServedSite;
  const stateDir = tempDir();
  const jobId = 'resume-northwind';
  const run = async (): Promise<RunSummary> => {
    const r = await runCli(['run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', jobId], { timeoutMs: 120_000 });
    assert.equal(r.code, 0, r.stderr);
    return RunSummarySchema.parse(JSON.parse(r.stdout));
  };
  const resumed = (s: RunSummary) => s.stages.map((st) => `${st.id}:${st.resumed === true ? 'resumed' : st.status}`);

  before(async () => {
    site = await serveSample('northwind-outfitters');
    const first = await run();
    assert.equal(first.status, 'completed');
  });
  after(() => site.close());

  it('an unchanged rerun resumes every stage', async () => {
    // The provision stage removed each data file once loaded and verified: only the warehouse holds the rows.
    assert.deepEqual(readdirSync(join(stateDir, 'jobs', jobId, 'data')), []);
    const again = await run();
    assert.deepEqual(resumed(again), ['research', 'story', 'model', 'data', 'provision', 'agent', 'validate'].map((id) => `${id}:resumed`));
  });

  it('a changed research output reruns story through validate, and the demo carries the change', async () => {
    const file = join(stateDir, 'jobs', jobId, 'checkpoints', 'research.json');
    const checkpoint = JSON.parse(readFileSync(file, 'utf8')) as { output: { name: string } };
    checkpoint.output.name = 'Northwind Outfitters Nordic';
    writeFileSync(file, JSON.stringify(checkpoint));
    const changed = await run();
    assert.equal(changed.status, 'completed');
    assert.deepEqual(resumed(changed), ['research:resumed', 'story:completed', 'model:completed', 'data:completed', 'provision:completed', 'agent:completed', 'validate:completed']);
    assert.equal(changed.profile?.name, 'Northwind Outfitters Nordic');
    assert.equal(changed.goldenQueries?.failed, 0);
    const story = JSON.parse(readFileSync(join(stateDir, 'jobs', jobId, 'checkpoints', 'story.json'), 'utf8')) as { output: unknown };
    assert.match(JSON.stringify(story.output), /Northwind Outfitters Nordic/, 'the story was rewritten from the new profile');
  });

  it('with its files removed after loading and its dataset gone, a rerun generates and loads the data again', async () => {
    rmSync(join(stateDir, 'warehouse', `${datasetNameFor(jobId)}.duckdb`));
    const again = await run();
    assert.equal(again.status, 'completed');
    assert.deepEqual(resumed(again), ['research:resumed', 'story:resumed', 'model:resumed', 'data:completed', 'provision:completed', 'agent:completed', 'validate:completed']);
    assert.equal(again.goldenQueries?.failed, 0);
  });
});
