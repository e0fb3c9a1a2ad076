import type { RunSummary } from '../pipeline/summary.js';
import type { JobState } from '../status/job-state.js';

function secs(ms: number | undefined): string {
  return ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`;
}

/** The run summary for a person. */
export function formatSummary(s: RunSummary): string {
  const lines: string[] = [];
  const head = s.status === 'completed' ? '✓ completed' : s.status === 'cancelled' ? '■ cancelled' : '✗ failed';
  lines.push(`${head} in ${secs(s.durationMs)}: job ${s.jobId} (${s.strategy}, ${s.warehouse})`);
  if (s.profile) lines.push(`  company    ${s.profile.name} · ${s.profile.industry}`);
  if (s.dataset) {
    const rows = s.dataset.tables.reduce((n, t) => n + t.rows, 0);
    lines.push(`  dataset    ${s.dataset.name}: ${s.dataset.tables.length} tables, ${rows.toLocaleString('en-US')} rows`);
    lines.push(`             ${s.dataset.location}`);
  }
  if (s.goldenQueries) lines.push(`  golden     ${s.goldenQueries.passed}/${s.goldenQueries.total} queries answer`);
  if (s.claims) lines.push(`  claims     ${s.claims.line}`);
  if (s.agent) {
    const accuracy = s.agent.accuracy === undefined ? '' : ` · answered ${Math.round(s.agent.accuracy * 100)}% of the golden questions correctly`;
    lines.push(`  agent      ${s.agent.remote ?? s.agent.name}${accuracy}`);
    lines.push(`             ask it: provision chat ${s.jobId} "<question>"`);
  }
  if (s.llm) {
    const fellBack = s.stages.filter((st) => st.fallback).map((st) => st.id);
    lines.push(`  claude     ${s.llm.calls} calls, ${s.llm.outputTokens.toLocaleString('en-US')} output tokens, ~$${s.llm.costUsd.toFixed(3)}${fellBack.length ? ` · heuristic fallback in ${fellBack.join(', ')}` : ''}`);
  }
  if (s.error) {
    lines.push(`  error      [${s.error.code}]${s.error.stage ? ` in ${s.error.stage}` : ''}: ${s.error.message}`);
    lines.push(`             ${s.error.retryable ? 'Retrying may help: run the same command with --job-id ' + s.jobId + ' to resume.' : 'Retrying will not help until the cause is fixed.'}`);
  }
  if (s.artifactsDir) lines.push(`  artifacts  ${s.artifactsDir}`);
  return lines.join('\n');
}

/** One job in detail. */
export function formatJob(j: JobState): string {
  const lines = [`${j.jobId}  ${j.status}  ${j.url ?? j.meta.url ?? ''}`];
  if (j.meta.company) lines.push(`  company ${j.meta.company}${j.meta.industry ? ` · ${j.meta.industry}` : ''}`);
  lines.push(`  created ${j.createdAt}  updated ${j.updatedAt}${j.durationMs !== undefined ? `  took ${secs(j.durationMs)}` : ''}`);
  for (const s of j.stages) {
    const mark = { pending: '·', running: '…', completed: '✓', failed: '✗', skipped: '-' }[s.status];
    lines.push(`  ${mark} ${s.id.padEnd(10)} ${s.status.padEnd(9)} ${secs(s.durationMs).padStart(7)}${s.resumed ? '  (resumed)' : ''}${s.error ? `  [${s.error.code}] ${s.error.message}` : ''}`);
  }
  if (j.error && !j.stages.some((s) => s.error)) lines.push(`  error [${j.error.code}] ${j.error.message}`);
  return lines.join('\n');
}

/** Jobs as a table. */
export function formatJobList(jobs: JobState[]): string {
  if (jobs.length === 0) return 'No jobs yet. Start one with `provision demo` or `provision run <url>`.';
  const rows = jobs.map((j) => [j.jobId, j.status, j.meta.company ?? '-', j.meta.industry ?? '-', j.updatedAt.replace('T', ' ').slice(0, 19), secs(j.durationMs)]);
  const header = ['JOB', 'STATUS', 'COMPANY', 'INDUSTRY', 'UPDATED', 'TOOK'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [fmt(header), ...rows.map(fmt)].join('\n');
}
