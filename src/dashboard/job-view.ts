import { ERROR_CODES, type ErrorCode } from '../core/errors.js';
import { STAGE_IDS, type StageId } from '../core/stage-ids.js';
import type { PhaseEvent } from '../notify/phase-event.js';
import { isTerminal, type JobState, type JobStatus, type StageState } from '../status/job-state.js';
import { formatBytes, formatCount, formatDuration, formatTime } from './format.js';
import { html, safeHref, type SafeHtml } from './html.js';
import { displayName } from './jobs-list-view.js';

export const STAGE_LABELS: Record<StageId, { title: string; what: string }> = {
  research: { title: 'Research', what: 'Reads the website: name, industry, products, evidence' },
  story: { title: 'Story', what: 'Writes the demo story and its golden questions' },
  model: { title: 'Model', what: 'Designs the schema and the golden SQL' },
  data: { title: 'Data', what: 'Generates realistic synthetic tables' },
  provision: { title: 'Provision', what: 'Loads the tables into the warehouse' },
  agent: { title: 'Agent', what: "Builds the data agent's context" },
  validate: { title: 'Validate', what: 'Runs every golden question' },
};

/** What each error code means for the person watching, in plain words. */
export function errorHint(code: ErrorCode): string {
  switch (code) {
    case 'invalid_url':
      return 'The address is not a valid http(s) URL.';
    case 'blocked_address':
      return 'The address points to a private or internal network, which provision does not fetch.';
    case 'dns_failure':
      return 'The site name could not be found.';
    case 'tls_error':
      return "The site's HTTPS certificate could not be verified.";
    case 'connection_failed':
      return 'The site could not be reached.';
    case 'http_error':
      return 'The site answered with an error page.';
    case 'timeout':
      return 'The site took too long to answer.';
    case 'not_html':
      return 'The address is not a web page.';
    case 'too_large':
      return 'A page was too large to read.';
    case 'robots_disallowed':
      return "The site's robots.txt asks crawlers to stay away.";
    case 'empty_content':
      return 'The site had too little readable text to learn from.';
    case 'llm_unavailable':
      return 'The language model could not be reached.';
    case 'llm_invalid_output':
      return 'The language model answered with something unusable.';
    case 'warehouse_error':
      return 'The warehouse refused or failed an operation.';
    case 'agent_error':
      return 'The data agent could not be created or updated.';
    case 'validation_failed':
      return 'Some golden questions did not return sensible answers.';
    case 'cancelled':
      return 'The job was cancelled.';
    case 'internal':
      return 'Something broke inside provision (our bug).';
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

const STATUS_ICONS: Record<JobStatus | StageState['status'], string> = {
  queued: '◷',
  pending: '○',
  running: '◔',
  completed: '✓',
  failed: '✕',
  cancelled: '⊘',
  skipped: '–',
};

/** Status as icon and word, never colour alone. */
export function statusBadge(status: JobStatus | StageState['status']): SafeHtml {
  return html`<span class="badge ${status}"><span aria-hidden="true">${STATUS_ICONS[status]}</span> ${status}</span>`;
}

function errorBlock(error: { code: string; message: string; retryable?: boolean }): SafeHtml {
  const hint = (ERROR_CODES as readonly string[]).includes(error.code) ? errorHint(error.code as ErrorCode) : '';
  return html`<div class="error"><strong><code>${error.code}</code> ${hint}</strong>${error.message !== hint ? html`<p>${error.message}</p>` : ''}${error.retryable ? html`<p class="sub">Retrying could help.</p>` : ''}</div>`;
}

function stageFacts(stage: StageState): SafeHtml[] {
  const m = stage.metrics;
  const facts: SafeHtml[] = [];
  if (stage.durationMs !== undefined) facts.push(html`<span><span class="k">Duration</span> ${formatDuration(stage.durationMs)}</span>`);
  else if (stage.status === 'running' && stage.startedAt) facts.push(html`<span><span class="k">Elapsed</span> <span data-since="${stage.startedAt}">running</span></span>`);
  if (m?.rows !== undefined) facts.push(html`<span><span class="k">Rows</span> ${formatCount(m.rows)}</span>`);
  if (m?.bytes !== undefined) facts.push(html`<span><span class="k">Size</span> ${formatBytes(m.bytes)}</span>`);
  if (m?.llmTokensIn !== undefined || m?.llmTokensOut !== undefined) facts.push(html`<span><span class="k">Tokens</span> ${formatCount(m.llmTokensIn ?? 0)} in / ${formatCount(m.llmTokensOut ?? 0)} out</span>`);
  const out = (typeof stage.output === 'object' && stage.output !== null ? stage.output : {}) as { strategy?: unknown; fallback?: unknown; agentAccuracy?: unknown };
  if (out.strategy === 'llm' || out.strategy === 'heuristic') facts.push(html`<span><span class="k">Strategy</span> ${out.strategy === 'llm' ? 'Claude' : 'heuristic'}</span>`);
  if (typeof out.fallback === 'string') facts.push(html`<span class="sub" title="${out.fallback}">fell back from Claude</span>`);
  if (typeof out.agentAccuracy === 'number') facts.push(html`<span><span class="k">Agent accuracy</span> ${Math.round(out.agentAccuracy * 100)}%</span>`);
  if (stage.resumed) facts.push(html`<span class="sub">resumed from checkpoint</span>`);
  return facts;
}

export function timeline(state: JobState): SafeHtml {
  const byId = new Map(state.stages.map((s) => [s.id, s]));
  return html`<ol class="timeline">
${STAGE_IDS.map((id, i) => {
  const stage = byId.get(id) ?? { id, status: 'pending' as const };
  const label = STAGE_LABELS[id];
  return html`<li class="stage ${stage.status}" data-stage="${id}" data-status="${stage.status}">
  <div class="stage-head"><span class="step" aria-hidden="true">${i + 1}</span><h3>${label.title}</h3>${statusBadge(stage.status)}</div>
  <p class="sub">${label.what}</p>
  ${stage.status === 'running' ? html`<progress max="1" value="${stage.progress ?? 0}" aria-label="${`${label.title} progress`}"></progress>` : ''}
  ${stage.message ? html`<p class="message">${stage.message}</p>` : ''}
  <p class="facts">${stageFacts(stage)}</p>
  ${stage.error ? errorBlock(stage.error) : ''}
</li>`;
})}
</ol>`;
}

function eventLine(e: PhaseEvent): SafeHtml {
  const text = e.error ? `${e.error.code}: ${e.error.message}` : (e.message ?? '');
  return html`<li class="${e.type.replace('.', '-')}${e.error ? ' has-error' : ''}"><time datetime="${e.ts}">${e.ts.slice(11, 23)}</time> <span class="type">${e.type}</span>${e.stage ? html` <span class="stage-id">${e.stage}</span>` : ''} <span class="text">${text}</span></li>`;
}

export function logTail(events: readonly PhaseEvent[]): SafeHtml {
  if (events.length === 0) return html`<p class="note">No events yet.</p>`;
  return html`<ol class="log">${events.map(eventLine)}</ol>`;
}

/** The job's summary line: status, company, URL and the facts of the run. */
export function jobHeader(state: JobState): SafeHtml {
  const href = safeHref(state.url);
  return html`<div class="job-head">
  <div>
    <h1 id="job-title">${displayName(state)}</h1>
    <p class="sub">${href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${state.url ?? ''}</a>` : (state.url ?? '')}</p>
  </div>
  <div id="job-status" data-status="${state.status}">${statusBadge(state.status)}</div>
</div>
<dl class="facts-grid">
  <div><dt>Job id</dt><dd><code>${state.jobId}</code></dd></div>
  <div><dt>Industry</dt><dd>${state.meta.industry ?? '–'}</dd></div>
  <div><dt>Strategy</dt><dd>${state.meta.strategy ?? '–'}</dd></div>
  <div><dt>Warehouse</dt><dd>${state.meta.warehouse ?? '–'}</dd></div>
  <div><dt>Created</dt><dd><time datetime="${state.createdAt}">${formatTime(state.createdAt)}</time></dd></div>
  <div><dt>Duration</dt><dd>${state.durationMs !== undefined ? formatDuration(state.durationMs) : state.startedAt && !isTerminal(state.status) ? html`<span data-since="${state.startedAt}">running</span>` : '–'}</dd></div>
  ${state.attempt > 0 ? html`<div><dt>Attempt</dt><dd>${state.attempt + 1}</dd></div>` : ''}
  ${state.meta.execution ? html`<div><dt>Execution</dt><dd><code>${state.meta.execution}</code></dd></div>` : ''}
</dl>
${state.error ? errorBlock(state.error) : ''}`;
}

/** The parts of the job page that change while it runs, sent whole on every change. */
export interface LiveFragments {
  status: JobStatus;
  terminal: boolean;
  header: string;
  timeline: string;
  log: string;
  /** Changes when a stage completes: the client then reloads the assets. */
  assetsKey: string;
  /** One sentence for screen readers. */
  announce: string;
}

export function liveFragments(state: JobState, events: readonly PhaseEvent[]): LiveFragments {
  const running = state.stages.find((s) => s.status === 'running');
  const done = state.stages.filter((s) => s.status === 'completed').length;
  return {
    status: state.status,
    terminal: isTerminal(state.status),
    header: jobHeader(state).value,
    timeline: timeline(state).value,
    log: logTail(events).value,
    assetsKey: assetsKey(state),
    announce: isTerminal(state.status) ? `Job ${state.status}.` : running ? `${STAGE_LABELS[running.id].title} is running; ${done} of 7 stages done.` : `Job ${state.status}.`,
  };
}

export function assetsKey(state: JobState): string {
  return `${state.status}:${state.stages.map((s) => (s.status === 'completed' ? `${s.id}@${s.endedAt ?? ''}` : '')).join(',')}`;
}
