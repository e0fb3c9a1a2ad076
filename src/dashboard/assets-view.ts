import type { z } from 'zod';
import { AgentArtifactSchema, ProvisionedDatasetSchema, ValidationReportSchema, type QueryValidation } from '../domain/artifacts.js';
import { DataModelSchema, type DataModel } from '../domain/data-model.js';
import { CompanyProfileSchema } from '../domain/profile.js';
import { DemoStorySchema } from '../domain/story.js';
import type { StageId } from '../core/stage-ids.js';
import { isTerminal, type JobState } from '../status/job-state.js';
import { formatCell, formatCount, formatPercent } from './format.js';
import { html, safeHref, type SafeHtml } from './html.js';
import { renderLineChart } from './line-chart.js';
import type { Series } from './metric-series.js';
import { renderSchemaDiagram } from './schema-diagram.js';

/** A stage output read back from the store: parsed, or why it could not be. */
function read<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export interface Assets {
  profile?: z.infer<typeof CompanyProfileSchema>;
  story?: z.infer<typeof DemoStorySchema>;
  model?: DataModel;
  dataset?: z.infer<typeof ProvisionedDatasetSchema>;
  agent?: z.infer<typeof AgentArtifactSchema>;
  validation?: z.infer<typeof ValidationReportSchema>;
}

export function readAssets(artifacts: Partial<Record<StageId, unknown>>): Assets {
  const out: Assets = {};
  const profile = read(CompanyProfileSchema, artifacts.research);
  const story = read(DemoStorySchema, artifacts.story);
  const model = read(DataModelSchema, artifacts.model);
  const dataset = read(ProvisionedDatasetSchema, artifacts.provision);
  const agent = read(AgentArtifactSchema, artifacts.agent);
  const validation = read(ValidationReportSchema, artifacts.validate);
  if (profile) out.profile = profile;
  if (story) out.story = story;
  if (model) out.model = model;
  if (dataset) out.dataset = dataset;
  if (agent) out.agent = agent;
  if (validation) out.validation = validation;
  return out;
}

/** The series for the chart, or the reason there is none. */
export type ChartInput = { series: Series } | { note: string };

function section(id: string, title: string, body: SafeHtml | SafeHtml[]): SafeHtml {
  return html`<section class="card" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>${body}</section>`;
}

function list(items: readonly string[]): SafeHtml {
  return items.length ? html`<ul class="chips">${items.map((i) => html`<li>${i}</li>`)}</ul>` : html`<span class="note">none found</span>`;
}

/** Why research chose the industry, and what else it weighed: shown so a low confidence can be judged. */
function industryEvidence(industry: NonNullable<Assets['profile']>['industry']): SafeHtml {
  const evidence = industry.evidence ?? [];
  const others = (industry.candidates ?? []).filter((c) => c.id !== industry.id);
  if (evidence.length === 0 && others.length === 0) return html``;
  return html`<h3>Why this industry</h3>
<ul class="industry-evidence">${evidence.map((e) => html`<li>${e.claim.replace(/^industry: /, '')}: <q>${e.quote}</q></li>`)}</ul>
${others.length ? html`<p class="note">Also weighed: ${others.map((c) => `${c.label} (${c.score})`).join(', ')}</p>` : ''}`;
}

function profileSection(p: NonNullable<Assets['profile']>): SafeHtml {
  return section(
    'profile',
    'Company profile',
    html`<p class="lead">${p.summary}</p>
<dl class="facts-grid">
  <div><dt>Name</dt><dd>${p.name}</dd></div>
  <div><dt>Industry</dt><dd>${p.industry.label}${p.industry.openLabel ? html` <span class="sub">(${p.industry.openLabel})</span>` : ''} <span class="sub">NAICS ${p.industry.naics} · ${formatPercent(p.industry.confidence)} confident${p.industry.basis === 'sector' ? ' · sector only' : p.industry.basis === 'general' ? ' · industry unknown' : ''}</span></dd></div>
  <div><dt>Business model</dt><dd>${p.businessModel}</dd></div>
  <div><dt>Currency</dt><dd>${p.currency}</dd></div>
</dl>
<h3>Products</h3>${list(p.products)}
<h3>Customer segments</h3>${list(p.customerSegments)}
<h3>Regions</h3>${list(p.regions)}
<h3>KPIs</h3>${list(p.kpis)}
${industryEvidence(p.industry)}
<details><summary>Evidence (${p.evidence.length})</summary>
<div class="table-wrap"><table class="evidence"><thead><tr><th scope="col">Claim</th><th scope="col">Quote</th><th scope="col">Page</th></tr></thead><tbody>
${p.evidence.map((e) => {
  const href = safeHref(e.url);
  return html`<tr><td>${e.claim}</td><td><q>${e.quote}</q></td><td>${href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${new URL(href).pathname}</a>` : e.url}</td></tr>`;
})}
</tbody></table></div></details>
<details><summary>Pages read (${p.pages.length})</summary><ul>${p.pages.map((pg) => {
      const href = safeHref(pg.url);
      return html`<li>${href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${pg.title || pg.url}</a>` : pg.title}</li>`;
    })}</ul></details>`,
  );
}

function preview(result: QueryValidation | undefined): SafeHtml {
  if (!result) return html`<p class="note">Not validated yet.</p>`;
  const status = result.ok ? html`<span class="badge completed"><span aria-hidden="true">✓</span> passed</span>` : html`<span class="badge failed"><span aria-hidden="true">✕</span> failed</span>`;
  return html`<p>${status} <span class="sub">${formatCount(result.rows)} row${result.rows === 1 ? '' : 's'} in ${Math.round(result.durationMs)} ms</span></p>
${result.problem ? html`<p class="error">${result.problem}</p>` : ''}
${result.columns.length ? html`<div class="table-wrap"><table class="preview"><thead><tr>${result.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${result.preview.map((row) => html`<tr>${row.map((v) => html`<td>${formatCell(v)}</td>`)}</tr>`)}</tbody></table></div>` : ''}
${result.insights?.length ? html`<ul class="insights">${result.insights.map((i) => html`<li>${i.holds ? '✓' : '✕'} ${i.claim} <span class="sub">(${i.observed})</span></li>`)}</ul>` : ''}`;
}

function storySection(story: NonNullable<Assets['story']>, model: DataModel | undefined, validation: Assets['validation']): SafeHtml {
  const sqlFor = new Map((model?.goldenSql ?? []).map((g) => [g.questionId, g.sql]));
  const resultFor = new Map((validation?.results ?? []).map((r) => [r.questionId, r]));
  const claimFor = new Map((validation?.claims ?? []).map((c) => [c.questionId, c]));
  // After validation the story is presented with the measured figures, never the template's words.
  if (validation?.story) story = validation.story;
  return section(
    'story',
    'Demo story',
    html`<h3 class="story-title">${story.title}</h3>
<p class="lead">${story.executiveSummary}</p>
<p><strong>Persona:</strong> ${story.persona.name}, ${story.persona.role}</p>
<ul>${story.persona.goals.map((g) => html`<li>${g}</li>`)}</ul>
<h3>Scenes</h3>
<ol class="scenes">${story.scenes.map((s) => html`<li><strong>${s.title}</strong>: ${s.narrative} <span class="sub">(${s.questionIds.join(', ')})</span></li>`)}</ol>
<h3>Golden questions (${story.goldenQuestions.length})</h3>
<ol class="golden">
${story.goldenQuestions.map((q) => {
  const sql = sqlFor.get(q.id);
  const result = resultFor.get(q.id);
  return html`<li id="q-${q.id}"><details>
<summary><span class="level ${q.level}">${q.level}</span> ${q.question} ${result ? (result.ok ? html`<span class="ok" aria-label="passed">✓</span>` : html`<span class="bad" aria-label="failed">✕</span>`) : ''}</summary>
<p><strong>Insight:</strong> ${q.insight}</p>
${claimFor.get(q.id)?.flagged ? html`<p class="error">The story claimed: ${claimFor.get(q.id)?.claim ?? ''}. The data does not bear it out; the insight above is what was measured.</p>` : ''}
${sql ? html`<pre class="sql"><code>${sql}</code></pre>` : html`<p class="note">No SQL yet.</p>`}
${preview(result)}
</details></li>`;
})}
</ol>`,
  );
}

function schemaSection(model: DataModel): SafeHtml {
  return section(
    'schema',
    'Schema',
    html`<p class="sub">${model.tables.length} tables, ${model.tables.reduce((n, t) => n + t.foreignKeys.length, 0)} relationships, ${model.dialect} dialect, data as of ${model.asOf}.</p>
<div class="diagram">${renderSchemaDiagram(model)}</div>
<details><summary>Tables and columns</summary>
${model.tables.map(
  (t) => html`<h3>${t.name}</h3><p class="sub">${t.description} Grain: ${t.grain}.</p>
<div class="table-wrap"><table class="columns"><thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>
${t.columns.map((c) => html`<tr><td><code>${c.name}</code>${c.name === t.primaryKey ? ' (key)' : ''}</td><td>${c.type}</td><td>${c.description}</td></tr>`)}
</tbody></table></div>`,
)}
</details>`,
  );
}

function dataSection(dataset: NonNullable<Assets['dataset']>, chart: ChartInput): SafeHtml {
  const total = dataset.tables.reduce((n, t) => n + t.rows, 0);
  const max = Math.max(...dataset.tables.map((t) => t.rows), 1);
  return section(
    'data',
    'Data',
    html`<p class="sub">Dataset <code>${dataset.name}</code> in ${dataset.warehouse}: ${formatCount(total)} rows in ${dataset.tables.length} tables.</p>
<div class="table-wrap"><table class="rows"><thead><tr><th scope="col">Table</th><th scope="col" class="num">Rows</th><th scope="col"><span class="visually-hidden">Share</span></th></tr></thead><tbody>
${dataset.tables.map((t) => html`<tr><td><code>${t.name}</code></td><td class="num">${formatCount(t.rows)}</td><td class="bar-cell"><meter min="0" max="${max}" value="${t.rows}" aria-label="${`${t.name} rows`}">${t.rows}</meter></td></tr>`)}
</tbody></table></div>
<h3>${'series' in chart ? `${chart.series.metric} over time` : 'A key metric over time'}</h3>
${'series' in chart
  ? html`<figure class="chart-figure">${renderLineChart(chart.series.points, { metric: chart.series.metric })}<figcaption>${chart.series.question}</figcaption></figure>
<details><summary>Chart data</summary><div class="table-wrap"><table class="preview"><thead><tr><th scope="col">Period</th><th scope="col" class="num">${chart.series.metric}</th></tr></thead><tbody>${chart.series.points.map((p) => html`<tr><td>${p.label}</td><td class="num">${formatCell(p.value)}</td></tr>`)}</tbody></table></div></details>`
  : html`<p class="note">${chart.note}</p>`}`,
  );
}

/** `project.dataset` → the dataset in the BigQuery console. */
export function bigQueryConsoleUrl(location: string): string | undefined {
  const m = /^([a-z][a-z0-9-]{4,61}[a-z0-9])[.:]([A-Za-z0-9_]{1,1024})$/.exec(location);
  if (!m) return undefined;
  const [, project = '', dataset = ''] = m;
  return `https://console.cloud.google.com/bigquery?project=${encodeURIComponent(project)}&ws=!1m4!1m3!3m2!1s${encodeURIComponent(project)}!2s${encodeURIComponent(dataset)}`;
}

function agentSection(jobId: string, agent: NonNullable<Assets['agent']>, dataset: Assets['dataset']): SafeHtml {
  const ctx = agent.context;
  const project = dataset?.warehouse === 'bigquery' ? dataset.location.split(/[.:]/)[0] : undefined;
  return section(
    'agent',
    'Data agent',
    html`<p><strong>${ctx.agentName}</strong> <span class="sub">${ctx.tables.length} tables described, ${ctx.relationships.length} relationships, ${ctx.glossary.length} glossary terms, ${ctx.exampleQueries.length} example queries.</span></p>
${agent.remoteAgent ? html`<p>Remote agent: <code>${agent.remoteAgent}</code>${project ? html` · <a href="${`https://console.cloud.google.com/bigquery?project=${encodeURIComponent(project)}`}" rel="noopener noreferrer" target="_blank">Open in the Google Cloud console</a>` : ''}</p>` : ''}
<p class="actions"><a class="button" href="/jobs/${encodeURIComponent(jobId)}/agent.yaml" download>Download agent context (YAML)</a></p>
<details><summary>System instruction (YAML)</summary><pre class="yaml"><code>${ctx.systemInstruction}</code></pre></details>`,
  );
}

function validationSection(v: NonNullable<Assets['validation']>): SafeHtml {
  return section(
    'validation',
    'Validation',
    html`<p class="score"><meter min="0" max="1" low="0.6" high="0.9" optimum="1" value="${v.score}" aria-labelledby="score-label">${formatPercent(v.score)}</meter>
<span id="score-label"><strong>${formatPercent(v.score)}</strong> score: ${v.passed} of ${v.total} golden questions passed${v.failed ? `, ${v.failed} failed` : ''}.</span></p>
${v.insights ? html`<p>Planted insights that held: ${v.insights.held} of ${v.insights.total}.</p>` : ''}
${v.claims?.length ? html`<h3>Claims, checked on the data (${v.claims.filter((c) => c.holds).length} of ${v.claims.length} hold)</h3>
<ul class="claims">${v.claims.map((c) => html`<li class="${c.holds ? 'ok' : 'bad'}">${c.holds ? '✓' : '✕'} <strong>${c.questionId}</strong> ${c.claim}<br><span class="sub">Measured: ${c.measured}</span>${c.flagged ? html` <span class="error">(reworded in the story)</span>` : ''}</li>`)}</ul>` : ''}
${v.integrity ? html`<p>Data integrity: ${v.integrity.checks} checks, ${v.integrity.problems.length ? html`problems: <ul>${v.integrity.problems.map((p) => html`<li>${p}</li>`)}</ul>` : 'no problems.'}</p>` : ''}
<p class="sub">Agent accuracy: not measured in this build (no remote data agent was asked the golden questions).</p>`,
  );
}

/** Everything the job produced so far, section by section; missing stages are simply absent. */
export function assetsBody(state: JobState, assets: Assets, chart: ChartInput): SafeHtml {
  const parts: SafeHtml[] = [];
  const bq = assets.dataset?.warehouse === 'bigquery' ? bigQueryConsoleUrl(assets.dataset.location) : undefined;
  const chat = `provision chat ${state.jobId}`;
  parts.push(html`<div class="toolbar" role="group" aria-label="Demo actions">
  ${assets.dataset ? html`<span class="chat-cmd"><code id="chat-command">${chat}</code> <button type="button" data-copy="${chat}" aria-describedby="chat-command">Copy chat command</button></span>` : ''}
  ${assets.agent ? html`<a class="button" href="/jobs/${encodeURIComponent(state.jobId)}/agent.yaml" download>Agent YAML</a>` : ''}
  ${bq ? html`<a class="button" href="${bq}" rel="noopener noreferrer" target="_blank">Open dataset in BigQuery</a>` : ''}
  <span class="copy-status" role="status" aria-live="polite"></span>
</div>`);
  if (assets.validation) parts.push(validationSection(assets.validation));
  if (assets.profile) parts.push(profileSection(assets.profile));
  if (assets.story) parts.push(storySection(assets.story, assets.model, assets.validation));
  if (assets.model) parts.push(schemaSection(assets.model));
  if (assets.dataset) parts.push(dataSection(assets.dataset, chart));
  if (assets.agent) parts.push(agentSection(state.jobId, assets.agent, assets.dataset));
  if (parts.length === 1) parts.push(html`<p class="note">${isTerminal(state.status) ? 'This job ended before it produced any assets.' : "The demo's assets appear here as the stages complete."}</p>`);
  return html`${parts}`;
}
