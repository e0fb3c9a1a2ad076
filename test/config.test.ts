import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseModels, parseJobEnv, redactedEnv, sizeBytes } from '../src/config/env.js';
import { UsageError } from '../src/cli/exit-status.js';
import { resolveRunOptions } from '../src/cli/run-options.js';
import { newJobId } from '../src/pipeline/job-spec.js';

describe('job environment', () => {
  it('applies defaults and coerces numbers and booleans', () => {
    const env = parseJobEnv({ PROVISION_SCALE: '2.5', CLOUD_RUN_TASK_ATTEMPT: '3', PROVISION_ALLOW_PRIVATE_NETWORK: 'true', UNRELATED: 'x' });
    assert.equal(env.PROVISION_SCALE, 2.5);
    assert.equal(env.CLOUD_RUN_TASK_ATTEMPT, 3);
    assert.equal(env.PROVISION_ALLOW_PRIVATE_NETWORK, true);
    assert.equal(env.PROVISION_STATE_DIR, '.provision');
    assert.equal(env.PROVISION_WAREHOUSE, 'duckdb');
    assert.ok(!('UNRELATED' in env));
  });
  it('reads sizes as DuckDB writes them: MB in powers of ten, MiB in powers of two', () => {
    assert.equal(sizeBytes('1GB'), 1e9);
    assert.equal(sizeBytes('512 MiB'), 512 * 2 ** 20);
    assert.equal(sizeBytes('1.5kb'), 1500);
    assert.equal(parseJobEnv({ PROVISION_MAX_DATA_SIZE: '1GB' }).PROVISION_MAX_DATA_SIZE, 1e9);
    assert.equal(parseJobEnv({}).PROVISION_MAX_DATA_SIZE, undefined);
    assert.throws(() => parseJobEnv({ PROVISION_MAX_DATA_SIZE: 'lots' }));
  });
  it('rejects invalid values', () => {
    assert.throws(() => parseJobEnv({ PROVISION_WAREHOUSE: 'oracle' }));
    assert.throws(() => parseJobEnv({ PROVISION_SCALE: '-1' }));
  });
  it('redacts secrets when printed', () => {
    assert.deepEqual(redactedEnv({ ANTHROPIC_API_KEY: 'sk-1', PROVISION_API_TOKEN: 't', PROVISION_SCALE: 1 }), { ANTHROPIC_API_KEY: '[redacted]', PROVISION_API_TOKEN: '[redacted]', PROVISION_SCALE: 1 });
  });
});

describe('run options', () => {
  it('lets flags win over the environment', () => {
    const env = parseJobEnv({ PROVISION_SCALE: '3', JOB_ID: 'from-env', PROVISION_STATE_DIR: '/tmp/a' });
    const o = resolveRunOptions({ scale: '0.5', 'state-dir': '/tmp/b' }, env);
    assert.equal(o.scale, 0.5);
    assert.equal(o.stateDir, '/tmp/b');
    assert.equal(o.jobId, 'from-env');
    assert.equal(o.strategy, 'heuristic');
  });
  it('names the flag that is wrong', () => {
    const env = parseJobEnv({});
    assert.throws(() => resolveRunOptions({ 'job-id': 'Bad Id!' }, env), (e: Error) => e instanceof UsageError && e.message.startsWith('--job-id'));
    assert.throws(() => resolveRunOptions({ until: 'deploy' }, env), (e: Error) => e instanceof UsageError && e.message.startsWith('--until'));
    assert.throws(() => resolveRunOptions({ strategy: 'llm' }, env), /--strategy llm needs ANTHROPIC_API_KEY/);
    assert.throws(() => resolveRunOptions({ warehouse: 'bigquery' }, env), /--warehouse bigquery needs GOOGLE_CLOUD_PROJECT/);
  });
  it('runs Claude when a key is set, unless told otherwise, and honours --no-fallback', () => {
    const withKey = parseJobEnv({ ANTHROPIC_API_KEY: 'k' });
    assert.equal(resolveRunOptions({}, withKey).strategy, 'llm');
    assert.equal(resolveRunOptions({ strategy: 'heuristic' }, withKey).strategy, 'heuristic');
    assert.equal(resolveRunOptions({}, parseJobEnv({})).strategy, 'heuristic');
    assert.equal(resolveRunOptions({ 'no-fallback': true }, withKey).noFallback, true);
    assert.equal(resolveRunOptions({}, parseJobEnv({ ANTHROPIC_API_KEY: 'k', PROVISION_NO_FALLBACK: '1' })).noFallback, true);
    assert.deepEqual(parseModels('research=claude-x, agent = claude-y'), { research: 'claude-x', agent: 'claude-y' });
    assert.throws(() => parseJobEnv({ PROVISION_LLM_MODELS: 'deploy=claude-x' }));
  });
  it('makes readable job ids', () => {
    assert.match(newJobId('https://www.northwind.example.com/about'), /^northwind-[a-z0-9]{6}$/);
    assert.match(newJobId('http://127.0.0.1:8080/'), /^site-[a-z0-9]{6}$/);
    assert.match(newJobId('http://127.0.0.1/', { slug: 'demo-ledgerly' }), /^demo-ledgerly-[a-z0-9]{6}$/);
  });
});
