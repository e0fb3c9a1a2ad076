import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runJob, type RunJobOptions } from '../src/app/run-job.js';
import type { DataModel } from '../src/domain/data-model.js';
import type { ValidationReport } from '../src/domain/artifacts.js';
import type { PhaseEvent } from '../src/notify/phase-event.js';
import type { JobSpec } from '../src/pipeline/job-spec.js';
import { RunSummarySchema } from '../src/pipeline/summary.js';
import { serveSample, type ServedSite } from '../src/samples/serve-site.js';
import { runCli } from './helpers/cli.js';
import { FakeAnthropic, loadSession, sequence } from './helpers/fake-anthropic.js';
import { tempDir } from './helpers/tmp.js';

const session = loadSession('northwind-outfitters');
const NOW = new Date(`${session.asOf}T12:00:00Z`);

/** Collects every event the job publishes. */
function recorder(): { events: PhaseEvent[]; publisher: NonNullable<RunJobOptions['observers']>[number] } {
  const events: PhaseEvent[] = [];
  return {
    events,
    publisher: {
      publish: (e: PhaseEvent) => {
        events.push(e);
        return Promise.resolve();
      },
      flush: () => Promise.resolve(),
      close: () => Promise.resolve(),
    },
  };
}

describe('the llm strategy against a loopback fake of the Messages API', () => {
  let site: ServedSite;
  let fake: FakeAnthropic;
  before(async () => {
    site = await serveSample('northwind-outfitters');
    fake = await FakeAnthropic.start(session.answers);
  });
  after(async () => {
    fake.close();
    await site.close();
  });

  async function run(jobId: string, extra: Partial<JobSpec> = {}, anthropic: Partial<NonNullable<RunJobOptions['anthropic']>> = {}, signal = new AbortController().signal, stateDir = tempDir()) {
    const spec: JobSpec = { jobId, url: site.url, attempt: 0, strategy: 'llm', warehouse: 'duckdb', scale: 0.5, allowPrivateNetwork: true, ...extra };
    const rec = recorder();
    const before = fake.requests.length;
    const { summary, result } = await runJob(spec, { stateDir, signal, now: () => NOW, observers: [rec.publisher], anthropic: { apiKey: 'test-key', baseURL: fake.url, maxRetries: 2, timeoutMs: 10_000, ...anthropic } });
    return { summary: RunSummarySchema.parse(summary), result, events: rec.events, stateDir, requests: fake.requests.slice(before) };
  }

  it('runs end to end on a recorded session: every stage by Claude, every golden query passing, within the call and token budget', async () => {
    const { summary, result, requests, events } = await run('llm-e2e');
    assert.equal(summary.status, 'completed', JSON.stringify(summary.error));
    assert.deepEqual(summary.goldenQueries, { total: 13, passed: 13, failed: 0 });
    const strategies = Object.fromEntries(summary.stages.map((s) => [s.id, s.strategy]));
    assert.deepEqual(strategies, { research: 'llm', story: 'llm', model: 'llm', data: undefined, provision: undefined, agent: 'llm', validate: 'llm' });

    // What Claude said made it into the demo.
    const profile = result.outputs.research;
    assert.ok(profile?.products.includes('Sleeping bags'));
    assert.equal(profile?.industry.naics, '459110');
    assert.ok(profile?.evidence.length && profile.evidence.every((e) => e.url.startsWith(site.url)), 'evidence names the crawled page it was found on');
    assert.ok(!profile?.evidence.some((e) => e.quote.includes('Founded in 1987')), 'a quote that is not on the site is dropped');
    const model = result.outputs.model as DataModel;
    assert.ok(model.goldenSql.some((g) => g.questionId === 'new_2' && g.sql.includes('mobile_app_share')));
    assert.ok(model.tables.find((t) => t.name === 'product_categories')?.columns.some((c) => c.generator.kind === 'list' && c.generator.values.includes('Sleeping bags')), "Claude's product list tailors the categories");
    const agent = result.outputs.agent;
    assert.ok(agent?.context.glossary.some((g) => g.term === 'Mobile app share'));
    assert.ok(agent?.context.tables.find((t) => t.name === 'customers')?.synonyms.includes('shoppers'));
    assert.match(agent?.context.systemInstruction ?? '', /Mobile app share/);

    // The requests: one call per stage (two for the agent, at once), the right model, the schema as a forced tool.
    assert.deepEqual(requests.map((r) => r.tool).sort(), ['company_profile', 'data_model_plan', 'demo_story', 'glossary', 'table_descriptions']);
    const byTool = Object.fromEntries(requests.map((r) => [r.tool, r]));
    assert.equal(byTool.company_profile?.body.model, 'claude-opus-5-5');
    assert.equal(byTool.demo_story?.body.model, 'claude-opus-5-5');
    assert.equal(byTool.data_model_plan?.body.model, 'claude-opus-5-5');
    assert.equal(byTool.glossary?.body.model, 'claude-haiku-5-5');
    for (const r of requests) {
      assert.deepEqual(r.body.tool_choice, { type: 'tool', name: r.tool });
      assert.equal(r.body.tools[0]?.input_schema.type, 'object');
    }
    assert.ok(Object.keys((byTool.demo_story?.body.tools[0]?.input_schema.properties as object) ?? {}).includes('goldenQuestions'));
    // The untrusted site text is delimited, and the system prompt says what that means.
    const research = JSON.stringify(byTool.company_profile?.body.messages);
    assert.match(research, /<untrusted source=\\"http:\/\/127\.0\.0\.1:\d+\/\\">/);
    assert.match(JSON.stringify(byTool.company_profile?.body.system), /never instructions/);
    // The shared company context is the same cached block for story, model and agent: written once, then read.
    const contextBlock = (tool: string) => byTool[tool]?.body.system?.find((b) => b.text.startsWith('The company this demo is for'));
    for (const tool of ['demo_story', 'data_model_plan', 'table_descriptions', 'glossary']) assert.deepEqual(contextBlock(tool)?.cache_control, { type: 'ephemeral' }, tool);
    assert.equal(contextBlock('demo_story')?.text, contextBlock('glossary')?.text);
    assert.ok((byTool.data_model_plan?.usage?.cache_read_input_tokens ?? 0) > 0, 'the model stage reads the context from the cache');

    // Accounting: per stage and summed; the events carry tokens.
    assert.equal(summary.llm?.calls, 5);
    assert.equal(summary.llm?.outputTokens, requests.reduce((n, r) => n + (r.usage?.output_tokens ?? 0), 0));
    assert.ok((summary.llm?.costUsd ?? 0) > 0);
    assert.equal(summary.stages.find((s) => s.id === 'agent')?.llm?.calls, 2);
    const storyDone = events.find((e) => e.type === 'stage.completed' && e.stage === 'story');
    assert.ok((storyDone?.metrics?.llmTokensOut ?? 0) > 0);
    // The latency design: at most 6 calls and 8,000 output tokens on the critical path.
    const critical = ['company_profile', 'demo_story', 'data_model_plan'].reduce((n, t) => n + (byTool[t]?.usage?.output_tokens ?? 0), 0) + Math.max(byTool.table_descriptions?.usage?.output_tokens ?? 0, byTool.glossary?.usage?.output_tokens ?? 0);
    assert.ok(requests.length <= 6 && critical <= 8_000, `${requests.length} calls, ${critical} critical-path output tokens`);
  });

  it('runs from the command line with ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL, Claude by default', async () => {
    const before = fake.requests.length;
    const ran = await runCli(['run', site.url, '--json', '--allow-private-network', '--state-dir', tempDir(), '--job-id', 'llm-cli', '--until', 'story'], {
      env: { ANTHROPIC_API_KEY: 'cli-key', ANTHROPIC_BASE_URL: fake.url, PROVISION_LLM_MODELS: 'story=claude-sonnet-test' },
    });
    assert.equal(ran.code, 0, ran.stderr);
    const summary = RunSummarySchema.parse(JSON.parse(ran.stdout));
    assert.equal(summary.strategy, 'llm');
    assert.deepEqual(summary.stages.slice(0, 2).map((s) => s.strategy), ['llm', 'llm']);
    const calls = fake.requests.slice(before);
    assert.deepEqual(calls.map((r) => [r.tool, r.body.model]), [['company_profile', 'claude-opus-5-5'], ['demo_story', 'claude-sonnet-test']]);
    assert.ok(calls.every((r) => r.headers['x-api-key'] === 'cli-key' || r.headers.authorization === 'Bearer cli-key'));
  });

  it('resumes a rerun from checkpoints without calling Claude, and still says Claude produced each stage', async () => {
    const first = await run('llm-resume');
    const again = await run('llm-resume', {}, {}, undefined, first.stateDir);
    assert.equal(again.requests.length, 0);
    assert.ok(again.summary.stages.every((s) => s.resumed));
    assert.deepEqual(again.summary.stages.map((s) => s.strategy), first.summary.stages.map((s) => s.strategy));
  });

  it('retries 529 and 429 and sends invalid output back for repair', async () => {
    fake.fail('company_profile', 529, 429);
    fake.fail('demo_story', 'invalid');
    const { summary, requests } = await run('llm-retry');
    assert.equal(summary.status, 'completed', JSON.stringify(summary.error));
    assert.equal(requests.filter((r) => r.tool === 'company_profile').length, 3);
    const story = requests.filter((r) => r.tool === 'demo_story');
    assert.equal(story.length, 2);
    const repair = JSON.stringify(story[1]?.body.messages.at(-1));
    assert.match(repair, /tool_result/);
    assert.match(repair, /is_error/);
    assert.equal(summary.stages.find((s) => s.id === 'story')?.strategy, 'llm');
  });

  it('repairs model SQL that does not run, and SQL whose answer on the generated data is empty, before any data is loaded', async () => {
    const plan = session.answers.data_model_plan as { queries: Array<{ questionId: string; sql: string }> };
    const broken = { queries: plan.queries.map((q) => (q.questionId === 'new_1' ? { ...q, sql: q.sql.replace('c.acquisition_channel AS', 'c.acquisition_source AS') } : q)) };
    const empty = { queries: plan.queries.map((q) => (q.questionId === 'new_1' ? { ...q, sql: q.sql.replace("o.status <> 'Cancelled'", "o.status = 'Lost'") } : q)) };
    fake.setAnswers({ ...session.answers, data_model_plan: sequence(broken, empty, plan) });
    try {
      const { summary, requests, stateDir } = await run('llm-repair');
      assert.equal(summary.status, 'completed', JSON.stringify(summary.error));
      assert.equal(summary.stages.find((s) => s.id === 'model')?.strategy, 'llm', 'the repaired design is kept');
      assert.equal(summary.goldenQueries?.total, 13);
      const modelCalls = requests.filter((r) => r.tool === 'data_model_plan');
      assert.equal(modelCalls.length, 3);
      assert.match(JSON.stringify(modelCalls[1]?.body.messages), /new_1: the query does not run/);
      assert.match(JSON.stringify(modelCalls[2]?.body.messages), /new_1: on the generated data, no rows/);
      // Caught in the model stage, so validation had nothing to repair.
      assert.equal(requests.filter((r) => r.tool === 'repaired_query').length, 0);
      const report = JSON.parse(readFileSync(join(stateDir, 'jobs', 'llm-repair', 'validation-report.json'), 'utf8')) as ValidationReport;
      assert.equal(report.repaired, undefined);
      assert.equal(report.results.find((r) => r.questionId === 'new_1')?.ok, true, "Claude's planted insight holds");
    } finally {
      fake.setAnswers(session.answers);
    }
  });

  it('falls back to the heuristic strategy when Claude stays down, and says so', async () => {
    fake.fail('demo_story', 500, 500, 500);
    const { summary, events } = await run('llm-fallback', {}, { maxRetries: 2 });
    assert.equal(summary.status, 'completed', JSON.stringify(summary.error));
    const story = summary.stages.find((s) => s.id === 'story');
    assert.equal(story?.strategy, 'heuristic');
    assert.match(story?.fallback ?? '', /^llm_unavailable: .*stage story, model claude-opus-5-5/);
    assert.ok(events.some((e) => e.type === 'log' && e.stage === 'story' && /heuristic strategy produced/.test(e.message ?? '')));
    assert.equal(summary.stages.find((s) => s.id === 'research')?.strategy, 'llm', 'only the stage that failed fell back');
  });

  it('fails with llm_unavailable under --no-fallback, and times out a call that never answers', async () => {
    fake.fail('company_profile', 'hang');
    const started = performance.now();
    const { summary } = await run('llm-timeout', { noFallback: true }, { maxRetries: 0, timeoutMs: 400 });
    assert.equal(summary.status, 'failed');
    assert.equal(summary.error?.code, 'llm_unavailable');
    assert.equal(summary.error?.stage, 'research');
    assert.match(summary.error?.message ?? '', /stage research, model claude-opus-5-5/);
    assert.ok(performance.now() - started < 5_000);
  });

  it('cancels mid-call: the job stops at once and reports cancelled', async () => {
    fake.fail('demo_story', 'hang');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 1_500);
    const started = performance.now();
    const { summary } = await run('llm-cancel', {}, {}, controller.signal);
    clearTimeout(timer);
    assert.equal(summary.status, 'cancelled');
    assert.ok(performance.now() - started < 4_000, 'the hanging call was aborted');
  });
});
