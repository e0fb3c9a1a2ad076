import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { batchJobId, parseUrlList, taskShare } from '../src/cli/batch.js';
import { RunSummarySchema, type RunSummary } from '../src/pipeline/summary.js';
import { serveSample, type ServedSite } from '../src/samples/serve-site.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

describe('batch splitting', () => {
  it('reads URL lists and gives each task every n-th entry', () => {
    const urls = parseUrlList('# companies\nhttps://a.example\n\nhttps://b.example, https://c.example\nhttps://d.example # last\n');
    assert.deepEqual(urls, ['https://a.example', 'https://b.example', 'https://c.example', 'https://d.example']);
    assert.deepEqual(taskShare(urls, 0, 3).map((s) => s.position), [0, 3]);
    assert.deepEqual(taskShare(urls, 1, 3).map((s) => s.position), [1]);
    assert.deepEqual(taskShare(urls, 2, 3).map((s) => s.position), [2]);
    const all = [0, 1, 2].flatMap((i) => taskShare(urls, i, 3).map((s) => s.item)).sort();
    assert.deepEqual(all, [...urls].sort(), 'every URL runs exactly once across the tasks');
    assert.throws(() => taskShare(urls, 3, 3), RangeError);
  });
  it('derives job ids that are stable across attempts and distinct across entries and executions', () => {
    const a = batchJobId('https://a.example/', 0, { execution: 'exec-1' });
    assert.equal(batchJobId('https://a.example/', 0, { execution: 'exec-1' }), a);
    assert.notEqual(batchJobId('https://a.example/', 1, { execution: 'exec-1' }), a);
    assert.notEqual(batchJobId('https://a.example/', 0, { execution: 'exec-2' }), a);
    assert.equal(batchJobId('https://a.example/', 4, { prefix: 'nightly' }), 'nightly-4');
  });
});

describe('the job binary inside a Cloud Run task', () => {
  let site: ServedSite;
  before(async () => (site = await serveSample('northwind-outfitters')));
  after(() => site.close());
  const cloud = { CLOUD_RUN_EXECUTION: 'provision-abc12', CLOUD_RUN_TASK_COUNT: '2', PROVISION_LOG: 'stderr' };

  it('runs its share of the batch, labels its logs, and a retried attempt resumes from the checkpoints', async () => {
    const stateDir = tempDir();
    const list = join(stateDir, 'urls.txt');
    writeFileSync(list, `${site.url}\nhttp://127.0.0.1:9/\n${site.url}?second\n`);
    const args = ['run', '--urls-file', list, '--json', '--allow-private-network', '--state-dir', stateDir, '--until', 'story'];
    const first = await runCli(args, { env: { ...cloud, CLOUD_RUN_TASK_INDEX: '0', CLOUD_RUN_TASK_ATTEMPT: '0' } });
    const out = JSON.parse(first.stdout) as { taskIndex: number; taskCount: number; jobs: RunSummary[] };
    assert.deepEqual([out.taskIndex, out.taskCount], [0, 2]);
    assert.deepEqual(out.jobs.map((j) => j.url), [site.url, `${site.url}?second`], 'task 0 of 2 runs entries 0 and 2');
    assert.ok(out.jobs.every((j) => RunSummarySchema.parse(j).status === 'completed'));
    assert.equal(first.code, 0);
    const line = first.stderr.split('\n').find((l) => l.includes('logging.googleapis.com/labels'));
    assert.ok(line, 'log lines carry Cloud Logging labels');
    const labels = (JSON.parse(line) as Record<string, Record<string, string>>)['logging.googleapis.com/labels'];
    assert.equal(labels?.execution, 'provision-abc12');
    assert.equal(labels?.taskIndex, '0');

    const retry = await runCli(args, { env: { ...cloud, CLOUD_RUN_TASK_INDEX: '0', CLOUD_RUN_TASK_ATTEMPT: '1' } });
    const again = JSON.parse(retry.stdout) as { jobs: RunSummary[] };
    assert.deepEqual(again.jobs.map((j) => j.jobId), out.jobs.map((j) => j.jobId), 'same job ids on the next attempt');
    assert.ok(again.jobs.every((j) => j.stages.slice(0, 2).every((s) => s.resumed === true)), 'the attempt resumed instead of recomputing');
  });

  it('exits 0 after reporting a failure a retry cannot fix, and 1 for one it could', async () => {
    const notFound = await runCli(['run', `${site.url}missing`, '--json', '--allow-private-network', '--state-dir', tempDir()], { env: cloud });
    assert.equal(notFound.code, 0);
    assert.equal((JSON.parse(notFound.stdout) as RunSummary).error?.code, 'http_error');
    const refused = await runCli(['run', 'http://127.0.0.1:9/', '--json', '--allow-private-network', '--state-dir', tempDir()], { env: cloud });
    assert.equal(refused.code, 1);
    const onLaptop = await runCli(['run', `${site.url}missing`, '--json', '--allow-private-network', '--state-dir', tempDir()]);
    assert.equal(onLaptop.code, 2, 'on the command line, the same failure exits 2');
  });

  it('fails the data stage before its files outgrow PROVISION_MAX_DATA_SIZE, with nothing left behind and no retry', async () => {
    const stateDir = tempDir();
    const run = await runCli(['run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'too-big-1'], { env: { ...cloud, PROVISION_MAX_DATA_SIZE: '1MB' } });
    const summary = RunSummarySchema.parse(JSON.parse(run.stdout));
    assert.equal(summary.status, 'failed');
    assert.equal(summary.error?.code, 'too_large');
    assert.equal(summary.error?.retryable, false);
    assert.equal(summary.stages.find((s) => s.status === 'failed')?.id, 'data');
    assert.match(summary.error?.message ?? '', /more than the 1 MiB this job may write at once; .*Lower the scale \(about [\d.]+ fits\) or raise PROVISION_MAX_DATA_SIZE/);
    assert.equal(run.code, 0, 'a retry would write the same bytes: Cloud Run must not retry');
    const data = join(stateDir, 'jobs', 'too-big-1', 'data');
    assert.deepEqual(existsSync(data) ? readdirSync(data) : [], []);
  });
});
