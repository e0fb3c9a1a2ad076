import type { JobState, JobStatus } from '../status/job-state.js';
import type { JobListFilter, JobPage } from '../status/status-store.js';
import { formatDuration, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { statusBadge } from './job-view.js';

export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled'];
const PAGE_SIZES = [10, 25, 50, 100] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The list filters as the form shows them (dates as `YYYY-MM-DD`). */
export interface ListQuery {
  status?: JobStatus;
  company?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

export function parseListQuery(params: URLSearchParams): ListQuery {
  const status = params.get('status') ?? '';
  const company = (params.get('company') ?? '').trim().slice(0, 200);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const limit = Number(params.get('limit'));
  const cursor = params.get('cursor') ?? '';
  return {
    ...(JOB_STATUSES.includes(status as JobStatus) ? { status: status as JobStatus } : {}),
    ...(company ? { company } : {}),
    ...(DATE.test(from) ? { from } : {}),
    ...(DATE.test(to) ? { to } : {}),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : 25,
    ...(cursor && cursor.length < 400 ? { cursor } : {}),
  };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function storeFilter(q: ListQuery): JobListFilter {
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.company ? { company: q.company } : {}),
    ...(q.from ? { since: q.from } : {}),
    // The form's "to" day is inclusive.
    ...(q.to ? { until: nextDay(q.to) } : {}),
    limit: q.limit,
    ...(q.cursor ? { cursor: q.cursor } : {}),
  };
}

/** Whether a changed job belongs in a list with these filters (for live updates). */
export function matchesQuery(state: JobState, q: ListQuery): boolean {
  if (q.status && state.status !== q.status) return false;
  if (q.company && !(state.meta.company ?? '').toLowerCase().includes(q.company.toLowerCase())) return false;
  if (q.from && state.createdAt < q.from) return false;
  if (q.to && state.createdAt >= nextDay(q.to)) return false;
  return true;
}

export function queryString(q: Partial<ListQuery>): string {
  const p = new URLSearchParams();
  if (q.status) p.set('status', q.status);
  if (q.company) p.set('company', q.company);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.limit && q.limit !== 25) p.set('limit', String(q.limit));
  if (q.cursor) p.set('cursor', q.cursor);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function displayName(state: Pick<JobState, 'meta' | 'url' | 'jobId'>): string {
  if (state.meta.company) return state.meta.company;
  const url = state.url ?? state.meta.url;
  if (url) {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  }
  return state.jobId;
}

export function jobRow(state: JobState): SafeHtml {
  const running = Boolean(state.startedAt && !state.endedAt);
  return html`<tr id="job-${state.jobId}" data-job-id="${state.jobId}" data-status="${state.status}">
<td>${statusBadge(state.status)}</td>
<td class="company"><a href="/jobs/${encodeURIComponent(state.jobId)}/view">${displayName(state)}</a><span class="sub">${state.jobId}</span></td>
<td data-label="Industry">${state.meta.industry ?? '–'}</td>
<td data-label="Strategy">${state.meta.strategy ?? '–'}</td>
<td data-label="Warehouse">${state.meta.warehouse ?? '–'}</td>
<td data-label="Started"><time datetime="${state.startedAt ?? state.createdAt}">${formatTime(state.startedAt ?? state.createdAt)}</time></td>
<td class="num" data-label="Duration"${running ? html` data-since="${state.startedAt ?? ''}"` : ''}>${state.durationMs !== undefined ? formatDuration(state.durationMs) : running ? 'running' : '–'}</td>
</tr>`;
}

export function jobsListBody(q: ListQuery, result: JobPage): SafeHtml {
  const sel = (v: string | undefined, want: string): SafeHtml | '' => (v === want ? html` selected` : '');
  const filtered = Boolean(q.status || q.company || q.from || q.to);
  return html`<div class="page-head">
  <h1>Jobs</h1>
  <a class="button primary" href="/new">New job</a>
</div>
<form class="filters" method="get" action="/" aria-label="Filter jobs">
  <div class="field"><label for="f-status">Status</label>
    <select id="f-status" name="status">
      <option value="">Any</option>
      ${JOB_STATUSES.map((s) => html`<option value="${s}"${sel(q.status, s)}>${s}</option>`)}
    </select></div>
  <div class="field grow"><label for="f-company">Company</label><input id="f-company" name="company" type="search" value="${q.company ?? ''}" placeholder="Name contains…" autocomplete="off"></div>
  <div class="field"><label for="f-from">From</label><input id="f-from" name="from" type="date" value="${q.from ?? ''}"></div>
  <div class="field"><label for="f-to">To</label><input id="f-to" name="to" type="date" value="${q.to ?? ''}"></div>
  <div class="field"><label for="f-limit">Per page</label>
    <select id="f-limit" name="limit">${PAGE_SIZES.map((n) => html`<option value="${n}"${sel(String(q.limit), String(n))}>${n}</option>`)}</select></div>
  <div class="field actions"><button type="submit">Apply</button>${filtered ? html`<a href="/">Clear</a>` : ''}</div>
</form>
<p id="live-status" class="live" role="status" aria-live="polite"></p>
<div class="table-wrap">
<table class="jobs" aria-describedby="jobs-caption">
  <caption id="jobs-caption">${filtered ? 'Jobs matching the filters' : 'All jobs'}, most recently updated first${q.cursor ? ' (continued)' : ''}.</caption>
  <thead><tr><th scope="col">Status</th><th scope="col">Company</th><th scope="col">Industry</th><th scope="col">Strategy</th><th scope="col">Warehouse</th><th scope="col">Started</th><th scope="col">Duration</th></tr></thead>
  <tbody id="job-rows" data-first-page="${q.cursor ? 'false' : 'true'}" data-limit="${q.limit}">
  ${result.jobs.map(jobRow)}
  ${result.jobs.length === 0 ? html`<tr class="empty"><td colspan="7">${filtered ? 'No jobs match these filters.' : html`No jobs yet. <a href="/new">Start one</a>.`}</td></tr>` : ''}
  </tbody>
</table>
</div>
<nav class="pager" aria-label="Pages">
  ${q.cursor ? html`<a href="/${queryString({ ...q, cursor: undefined })}">First page</a>` : ''}
  ${result.nextCursor ? html`<a rel="next" href="/${queryString({ ...q, cursor: result.nextCursor })}">Next page</a>` : ''}
</nav>`;
}
