import { z } from 'zod';
import { DataValidationError, toProvisionError } from '../../core/errors.js';
import { parse, stringify } from 'yaml';
import { AgentArtifactSchema, ProvisionedDatasetSchema, ValidationReportSchema, type AgentArtifact, type AgentContext, type Claim, type QueryValidation, type ValidationReport } from '../../domain/artifacts.js';
import { compareResults } from '../../dataagent/compare-results.js';
import type { DataAgentService } from '../../dataagent/data-agent.js';
import { askForRepair } from './llm.js';
import { combinedIntegrityQuery, integrityQueries, type IntegrityQuery } from '../../data/integrity.js';
import { TaskQueue } from '../../core/task-queue.js';
import { DataModelSchema, type DataModel, type GoldenSql } from '../../domain/data-model.js';
import { checkInsight, type InsightCheck } from './check-insight.js';
import { presentClaim, presentStory } from './present-claims.js';
import { DemoStorySchema, type DemoStory } from '../../domain/story.js';
import type { StageContext } from '../../pipeline/context.js';
import { need, type Stage } from '../../pipeline/stage.js';

const Input = z.object({ story: DemoStorySchema, model: DataModelSchema, dataset: ProvisionedDatasetSchema, agent: AgentArtifactSchema });

/** A result is sensible when it has rows, the expected columns, and not only NULLs and zeros. */
export function judgeResult(columns: string[], rows: unknown[][], expected: string[]): string | undefined {
  if (rows.length === 0) return 'returned no rows';
  if (columns.join(',') !== expected.join(',')) return `returned columns (${columns.join(', ')}) instead of (${expected.join(', ')})`;
  if (rows.every((r) => r.every((v) => v === null || v === 0))) return 'returned only NULLs and zeros';
  return undefined;
}

/** Runs the generator's promises as SQL on the loaded tables: keys, foreign keys, time order. */
async function checkLoadedIntegrity(model: DataModel, dataset: string, ctx: StageContext): Promise<{ checks: number; problems: string[] }> {
  const dialect = ctx.warehouse.dialect(dataset, model.asOf);
  const checks = integrityQueries(model, (t) => dialect.table(t));
  const counts = await countViolations(checks, dataset, ctx);
  const problems: string[] = [];
  for (const [i, check] of checks.entries()) {
    const violations = counts[i] ?? 0;
    if (violations > 0) problems.push(`${check.what}: ${violations} rows break it`);
  }
  return { checks: checks.length, problems };
}

/**
 * Each check's count of violations, in order: all in one query (see combinedIntegrityQuery). If
 * that fails, or does not answer one value per check, the checks run one by one as they did
 * before they were combined, so a failure is the failing check's own.
 */
async function countViolations(checks: readonly IntegrityQuery[], dataset: string, ctx: StageContext): Promise<number[]> {
  if (checks.length === 0) return [];
  ctx.signal.throwIfAborted();
  try {
    const res = await ctx.warehouse.query(dataset, combinedIntegrityQuery(checks), { signal: ctx.signal });
    const [row] = res.rows;
    if (res.rows.length === 1 && row?.length === checks.length) return row.map((v) => Number(v ?? 0));
    ctx.logger.warn('the integrity checks in one query did not answer one value per check; running them one by one', { rows: res.rows.length, columns: res.columns.length, checks: checks.length });
  } catch (err) {
    ctx.signal.throwIfAborted();
    ctx.logger.warn('the integrity checks in one query failed; running them one by one', { error: toProvisionError(err).message });
  }
  const counts: number[] = [];
  for (const check of checks) {
    ctx.signal.throwIfAborted();
    const res = await ctx.warehouse.query(dataset, check.sql, { signal: ctx.signal });
    counts.push(Number(res.rows[0]?.[0] ?? 0));
  }
  return counts;
}

/** One golden query's run: its judged result, and what its claims measured. */
interface GoldenRun {
  result: Omit<QueryValidation, 'questionId' | 'question' | 'durationMs'>;
  rows: unknown[][];
  /**
   * Why the query itself is wrong (it does not compile or run, returns the wrong columns, or
   * returns nothing): only this goes back for repair. A claim that does not hold is not here.
   */
  error?: string;
  /** The question's insights, checked on the result (when it ran and is sensible). */
  checks?: InsightCheck[];
}

/**
 * Runs one golden query and judges its result: dry run first, so a query that does not compile
 * never runs; both on the warehouse's read-only path. Then its claims are checked on the rows:
 * a claim that does not hold fails the question, but is never an error of the query.
 */
async function runGolden(golden: GoldenSql, sql: string, dataset: string, ctx: StageContext): Promise<GoldenRun> {
  const result: GoldenRun['result'] = { ok: false, rows: 0, columns: [], preview: [] };
  try {
    await ctx.warehouse.dryRun(dataset, sql);
    const res = await ctx.warehouse.query(dataset, sql, { maxRows: 1000, signal: ctx.signal });
    result.rows = res.rows.length;
    result.columns = res.columns;
    result.preview = res.rows.slice(0, 5);
    const error = judgeResult(res.columns, res.rows, golden.expectedColumns);
    if (error) {
      result.problem = error;
      return { result, rows: res.rows, error };
    }
    const checks = (golden.insights ?? []).map((insight) => checkInsight(insight, res.columns, res.rows));
    if (checks.length > 0) result.insights = checks.map(({ claim, holds, observed }) => ({ claim, holds, observed }));
    const broken = checks.filter((c) => !c.holds);
    if (broken.length > 0) result.problem = `its claim does not hold: ${broken.map((c) => `${c.claim} (observed ${c.observed})`).join('; ')}`;
    else result.ok = true;
    return { result, rows: res.rows, checks };
  } catch (err) {
    ctx.signal.throwIfAborted();
    result.problem = toProvisionError(err).message;
    return { result, rows: [], error: result.problem };
  }
}

const REPAIRS = 2;

/** What a piece of work answered, and the milliseconds it took. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** The agent context with repaired golden SQL in its example queries and in the YAML that lists them. Pure. */
export function withRepairedExamples(context: AgentContext, repaired: NonNullable<ValidationReport['repaired']>, story: DemoStory): AgentContext {
  const questionText = new Map(story.goldenQuestions.map((q) => [q.id, q.question]));
  const fixed = new Map(repaired.map((r) => [questionText.get(r.questionId) ?? r.questionId, r.sql]));
  const instruction = parse(context.systemInstruction) as { golden_queries?: Array<{ natural_language_query: string; sql_query: string }> };
  for (const g of instruction.golden_queries ?? []) g.sql_query = fixed.get(g.natural_language_query) ?? g.sql_query;
  return {
    ...context,
    systemInstruction: stringify(instruction, { lineWidth: 0 }),
    exampleQueries: context.exampleQueries.map((e) => ({ ...e, sql: fixed.get(e.question) ?? e.sql })),
  };
}

/**
 * Asks the data agent every golden question that passed, in one conversation, and compares its
 * result with the golden one (row order ignored, floats within tolerance).
 */
async function measureAgent(agent: AgentArtifact, answered: Array<{ golden: GoldenSql; question: string; columns: string[]; rows: unknown[][] }>, ctx: StageContext): Promise<NonNullable<ValidationReport['agent']>> {
  const agents = ctx.agents as DataAgentService;
  const name = agent.remoteAgent ?? agent.context.agentName;
  const conversation = await agents.converse(agent.context.agentName, { signal: ctx.signal });
  const results: NonNullable<ValidationReport['agent']>['results'] = [];
  for (const [i, a] of answered.entries()) {
    ctx.signal.throwIfAborted();
    try {
      const answer = await conversation.ask(a.question, { signal: ctx.signal });
      const verdict = answer.unanswered ? { match: false, reason: `the agent did not answer: ${answer.text}` } : compareResults({ columns: a.columns, rows: a.rows }, answer);
      results.push({ questionId: a.golden.questionId, matched: verdict.match, ...(verdict.reason ? { reason: verdict.reason } : {}), ...(answer.sql ? { sql: answer.sql } : {}) });
    } catch (err) {
      ctx.signal.throwIfAborted();
      results.push({ questionId: a.golden.questionId, matched: false, reason: toProvisionError(err).message });
    }
    ctx.progress(0.9 + (0.1 * (i + 1)) / answered.length, `agent: ${a.golden.questionId} ${results.at(-1)?.matched ? 'matched' : 'did not match'}`);
  }
  const matched = results.filter((r) => r.matched).length;
  return { name, asked: results.length, matched, accuracy: results.length ? matched / results.length : 0, results };
}

async function validate({ story, model, dataset, agent }: z.infer<typeof Input>, ctx: StageContext): Promise<ValidationReport> {
  const results: QueryValidation[] = [];
  const answered: Array<{ golden: GoldenSql; question: string; columns: string[]; rows: unknown[][] }> = [];
  const repaired: NonNullable<ValidationReport['repaired']> = [];
  const claims: Claim[] = [];
  const queryErrors: string[] = [];
  const canRepair = ctx.job.strategy === 'llm' && ctx.llm !== undefined;
  ctx.trace.strategy = canRepair ? 'llm' : 'heuristic';
  // Every golden query's first run, then the integrity checks, start at once as far as the
  // warehouse runs queries side by side. Results are taken, repaired and reported in question
  // order, so the report, the claims, the warnings and the progress read as if one ran after
  // another, and a repair asks the model in that order too.
  const queue = new TaskQueue(ctx.warehouse.queryConcurrency ?? 1);
  const firstRuns = model.goldenSql.map((golden) => ({
    golden,
    run: queue.add(() => {
      ctx.signal.throwIfAborted();
      return timed(() => runGolden(golden, golden.sql, dataset.name, ctx));
    }),
  }));
  const checkingIntegrity = queue.add(() => checkLoadedIntegrity(model, dataset.name, ctx));
  let integrity: Awaited<typeof checkingIntegrity>;
  try {
    for (const [i, { golden, run: first }] of firstRuns.entries()) {
      ctx.signal.throwIfAborted();
      const asked = story.goldenQuestions.find((q) => q.id === golden.questionId);
      const question = asked?.question ?? golden.questionId;
      let sql = golden.sql;
      let { value: run, ms } = await first;
      // The llm strategy repairs a query that is wrong in a bounded loop, judging each attempt
      // again. Only errors go back: a claim that does not hold is the data's answer, and bending the
      // SQL towards it would make the demo say what the data does not. A repaired query takes the
      // next free place in the queue, ahead of the first runs still waiting.
      for (let attempt = 1; canRepair && run.error !== undefined && attempt <= REPAIRS; attempt++) {
        const started = performance.now();
        try {
          const candidate = await askForRepair(ctx, model, question, golden, sql, run.error);
          const next = await queue.addFirst(() => runGolden(golden, candidate, dataset.name, ctx));
          sql = candidate;
          run = next;
          if (next.error === undefined) repaired.push({ questionId: golden.questionId, sql, attempts: attempt });
        } catch (err) {
          ctx.signal.throwIfAborted();
          ctx.warn(`Could not repair ${golden.questionId}: ${toProvisionError(err).message}`);
          break;
        } finally {
          ms += performance.now() - started;
        }
      }
      const result: QueryValidation = { questionId: golden.questionId, question, ...run.result, durationMs: Math.round(ms * 10) / 10 };
      results.push(result);
      if (run.error !== undefined) queryErrors.push(`${golden.questionId} ${run.error}`);
      else answered.push({ golden: { ...golden, sql }, question, columns: result.columns, rows: run.rows });
      if (run.checks && run.checks.length > 0) {
        const claim = presentClaim(golden.questionId, asked?.insight ?? golden.questionId, golden.insights ?? [], run.checks, model.currency ?? 'USD');
        claims.push(claim);
        if (!claim.holds) ctx.warn(`${golden.questionId}: the claim "${claim.claim}" does not hold on the data; the story says instead: ${claim.measured}`);
      }
      ctx.progress((0.9 * (i + 1)) / model.goldenSql.length, `${golden.questionId}: ${result.ok ? 'ok' : result.problem}`);
    }
    integrity = await checkingIntegrity;
  } catch (err) {
    // Cancelled or failed: start nothing more, and end only once the queries in flight have
    // (a cancel interrupts them), so none runs on into the warehouse's close.
    await queue.stop();
    throw err;
  }
  const passed = results.filter((r) => r.ok).length;
  const insights = results.flatMap((r) => r.insights ?? []);
  const report: ValidationReport = {
    total: results.length,
    passed,
    failed: results.length - passed,
    score: results.length ? passed / results.length : 0,
    results,
    insights: { total: insights.length, held: insights.filter((c) => c.holds).length },
    integrity,
    ...(repaired.length ? { repaired } : {}),
    claims,
    story: presentStory(story, claims),
  };
  // Repaired SQL is what answers now: the agent's context (its example queries and the YAML that
  // lists them) is rewritten and republished before anyone asks it anything.
  if (repaired.length > 0) {
    const context = withRepairedExamples(agent.context, repaired, story);
    await ctx.files.write('agent/system-instruction.yaml', context.systemInstruction);
    await ctx.files.write('agent/agent-context.json', JSON.stringify(context, null, 2));
    if (ctx.agents && agent.remoteAgent) await ctx.agents.publish(agent.context.agentName, context, dataset, { signal: ctx.signal });
  }
  // The local agent answers golden questions from the golden SQL itself, so asking it proves
  // nothing; a CAPI agent writes its own SQL, and that is what its accuracy measures.
  if (ctx.agents?.kind === 'capi' && agent.remoteAgent && integrity.problems.length === 0 && queryErrors.length === 0) {
    report.agent = await measureAgent(agent, answered, ctx);
    ctx.progress(1, `the data agent matched ${report.agent.matched} of ${report.agent.asked} golden answers (${Math.round(report.agent.accuracy * 100)}%)`);
  }
  await ctx.files.write('validation-report.json', JSON.stringify(report, null, 2));
  await ctx.files.write('story-presented.json', JSON.stringify(report.story, null, 2));
  if (integrity.problems.length > 0) {
    throw new DataValidationError('validation_failed', `The loaded data breaks its integrity: ${integrity.problems.join('; ')}. The report is in validation-report.json.`);
  }
  // A query that cannot answer fails the job. A claim the data does not bear out does not: the
  // question counts as failed, and the story presents the measured figure instead, flagged.
  if (queryErrors.length > 0) {
    throw new DataValidationError('validation_failed', `${queryErrors.length} of ${report.total} golden queries failed: ${queryErrors.join('; ')}. The report is in validation-report.json.`);
  }
  return report;
}

export const validateStage: Stage<'validate', z.infer<typeof Input>> = {
  id: 'validate',
  inputSchema: Input,
  outputSchema: ValidationReportSchema,
  input: (earlier) => ({ story: need(earlier, 'story'), model: need(earlier, 'model'), dataset: need(earlier, 'provision'), agent: need(earlier, 'agent') }),
  run: validate,
  report: (r) => ({
    output: {
      total: r.total,
      passed: r.passed,
      failed: r.failed,
      score: r.score,
      ...(r.repaired ? { repaired: r.repaired.length } : {}),
      ...(r.claims ? { claims: r.claims.length, claimsHeld: r.claims.filter((c) => c.holds).length } : {}),
      ...(r.agent ? { agentAccuracy: r.agent.accuracy, agentMatched: r.agent.matched, agentAsked: r.agent.asked } : {}),
    },
  }),
};
