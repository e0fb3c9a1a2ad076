import { z } from 'zod';
import { DataValidationError, toProvisionError } from '../../core/errors.js';
import { AgentArtifactSchema, ProvisionedDatasetSchema, ValidationReportSchema, type QueryValidation, type ValidationReport } from '../../domain/artifacts.js';
import { integrityQueries } from '../../data/integrity.js';
import { DataModelSchema, type DataModel } from '../../domain/data-model.js';
import { checkInsight } from './check-insight.js';
import { DemoStorySchema } from '../../domain/story.js';
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
  const problems: string[] = [];
  for (const check of checks) {
    ctx.signal.throwIfAborted();
    const res = await ctx.warehouse.query(dataset, check.sql, { signal: ctx.signal });
    const violations = Number(res.rows[0]?.[0] ?? 0);
    if (violations > 0) problems.push(`${check.what}: ${violations} rows break it`);
  }
  return { checks: checks.length, problems };
}

async function validate({ story, model, dataset }: z.infer<typeof Input>, ctx: StageContext): Promise<ValidationReport> {
  const results: QueryValidation[] = [];
  for (const [i, golden] of model.goldenSql.entries()) {
    ctx.signal.throwIfAborted();
    const question = story.goldenQuestions.find((q) => q.id === golden.questionId)?.question ?? golden.questionId;
    const started = performance.now();
    const result: QueryValidation = { questionId: golden.questionId, question, ok: false, rows: 0, columns: [], preview: [], durationMs: 0 };
    try {
      // Dry run first: a query that does not compile never runs.
      await ctx.warehouse.dryRun(dataset.name, golden.sql);
      const res = await ctx.warehouse.query(dataset.name, golden.sql, { maxRows: 1000, signal: ctx.signal });
      result.rows = res.rows.length;
      result.columns = res.columns;
      result.preview = res.rows.slice(0, 5);
      let problem = judgeResult(res.columns, res.rows, golden.expectedColumns);
      if (!problem && golden.insights?.length) {
        // The answer must not only exist: the story's planted insight must show in it.
        result.insights = golden.insights.map((insight) => checkInsight(insight, res.columns, res.rows));
        const broken = result.insights.filter((c) => !c.holds);
        if (broken.length > 0) problem = `its insight does not hold: ${broken.map((c) => `${c.claim} (observed ${c.observed})`).join('; ')}`;
      }
      if (problem) result.problem = problem;
      else result.ok = true;
    } catch (err) {
      ctx.signal.throwIfAborted();
      result.problem = toProvisionError(err).message;
    }
    result.durationMs = Math.round((performance.now() - started) * 10) / 10;
    results.push(result);
    ctx.progress((i + 1) / model.goldenSql.length, `${golden.questionId}: ${result.ok ? 'ok' : result.problem}`);
  }
  const integrity = await checkLoadedIntegrity(model, dataset.name, ctx);
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
  };
  await ctx.files.write('validation-report.json', JSON.stringify(report, null, 2));
  if (integrity.problems.length > 0) {
    throw new DataValidationError('validation_failed', `The loaded data breaks its integrity: ${integrity.problems.join('; ')}. The report is in validation-report.json.`);
  }
  if (report.failed > 0) {
    const failures = results.filter((r) => !r.ok).map((r) => `${r.questionId} ${r.problem ?? ''}`.trim());
    throw new DataValidationError('validation_failed', `${report.failed} of ${report.total} golden queries failed: ${failures.join('; ')}. The report is in validation-report.json.`);
  }
  return report;
}

export const validateStage: Stage<'validate', z.infer<typeof Input>> = {
  id: 'validate',
  inputSchema: Input,
  outputSchema: ValidationReportSchema,
  input: (earlier) => ({ story: need(earlier, 'story'), model: need(earlier, 'model'), dataset: need(earlier, 'provision'), agent: need(earlier, 'agent') }),
  run: validate,
  report: (r) => ({ output: { total: r.total, passed: r.passed, failed: r.failed, score: r.score } }),
};
