import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isTerminal, type JobState } from '../status/job-state.js';
import type { StatusStore } from '../status/status-store.js';
import type { Logger } from '../logging/logger.js';
import type { Route } from '../server/http-server.js';
import { assetsBody, readAssets, type Assets, type ChartInput } from './assets-view.js';
import { acceptTokenQuery, hasToken } from './auth.js';
import { html, type SafeHtml } from './html.js';
import { jobHeader, liveFragments, logTail, timeline, assetsKey } from './job-view.js';
import { displayName, jobRow, jobsListBody, matchesQuery, parseListQuery, storeFilter } from './jobs-list-view.js';
import { page, sendHtml, sendText } from './layout.js';
import { isSingleSelect, pickTimeSeriesQuery, readSeries, SeriesCache } from './metric-series.js';
import { newJobBody, notFoundBody, tokenBody } from './pages.js';
import { coalesce, openEventStream } from './sse.js';

export interface DashboardDeps {
  store: StatusStore;
  /** When set, pages need it once (`?token=` or the form) and keep it in a cookie; the page's script sends it as a bearer token. */
  apiToken?: string;
  logger?: Logger;
  /** When set, the chart only opens DuckDB files inside this directory. */
  warehouseDir?: string;
  /** Log lines shown on the job page (default 60). */
  logLines?: number;
}

const STATIC_DIR = new URL('./static/', import.meta.url);
const STATIC: Record<string, { file: string; type: string }> = {
  'app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  'app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  'icon.svg': { file: 'icon.svg', type: 'image/svg+xml' },
};

function query(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://x').searchParams;
}

/**
 * The status dashboard, served next to the trigger API by `provision serve`: the jobs list,
 * the new-job form, each job's live page with its assets, and their Server-Sent Events
 * streams. Pages are rendered on the server from the status store; a small script of ours
 * (`/assets/app.js`) calls the JSON API and applies the streamed updates.
 */
export function dashboardRoutes(deps: DashboardDeps): Route[] {
  const { store } = deps;
  const logLines = deps.logLines ?? 60;
  const series = new SeriesCache();
  const statics = new Map(Object.entries(STATIC).map(([name, s]) => [name, { body: readFileSync(new URL(s.file, STATIC_DIR)), type: s.type }]));
  const warn = (what: string) => (err: unknown) => deps.logger?.warn(`dashboard: ${what}: ${(err as Error).message}`);

  /** Pages: the token from the cookie or `?token=`, or a form asking for it. */
  const pageRoute = (handler: (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => Promise<void>): Route['handler'] => async (req, res, _body, params) => {
    if (acceptTokenQuery(req, res, deps.apiToken)) return;
    if (!hasToken(req, deps.apiToken)) {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      return sendHtml(res, 401, page({ title: 'API token needed', page: 'token' }, tokenBody(path, query(req).has('token'))));
    }
    await handler(req, res, params);
  };
  /** Streams, fragments and downloads: the cookie or a bearer token, else 401. */
  const dataRoute = (handler: (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => Promise<void>): Route['handler'] => async (req, res, _body, params) => {
    if (!hasToken(req, deps.apiToken)) return sendText(res, 401, 'text/plain; charset=utf-8', 'A valid API token is required.\n', { 'www-authenticate': 'Bearer' });
    await handler(req, res, params);
  };
  const shell = (title: string, pageName: string, nav: 'jobs' | 'new' | undefined, data: Record<string, string> = {}) => ({
    title,
    page: pageName,
    ...(nav ? { nav } : {}),
    ...(deps.apiToken ? { apiToken: deps.apiToken } : {}),
    data,
  });

  async function chartFor(state: JobState, assets: Assets): Promise<ChartInput> {
    const { dataset, model } = assets;
    if (!dataset || !model) return { note: 'The chart appears once the data is loaded.' };
    if (dataset.warehouse !== 'duckdb') return { note: 'The chart reads DuckDB datasets; open this BigQuery dataset in the console to explore it.' };
    const golden = pickTimeSeriesQuery(model);
    if (!golden || !isSingleSelect(golden.sql)) return { note: 'None of the golden questions is a time series, so there is no chart.' };
    // The running job holds the DuckDB file until it ends.
    if (!isTerminal(state.status)) return { note: 'The chart appears when the job finishes.' };
    const question = assets.story?.goldenQuestions.find((q) => q.id === golden.questionId)?.question ?? golden.questionId;
    const provisioned = state.stages.find((s) => s.id === 'provision')?.endedAt ?? '';
    try {
      const s = await series.get(`${state.jobId}|${dataset.location}|${provisioned}|${golden.questionId}`, async () => ({
        question,
        ...(await readSeries(dataset.location, golden.sql, deps.warehouseDir ? { allowedDir: deps.warehouseDir } : {})),
      }));
      return { series: s };
    } catch (err) {
      warn(`chart for ${state.jobId}`)(err);
      return { note: `The chart could not be drawn: ${(err as Error).message}.` };
    }
  }

  async function assetsHtml(state: JobState): Promise<SafeHtml> {
    const assets = readAssets(await store.artifacts(state.jobId));
    return assetsBody(state, assets, await chartFor(state, assets));
  }

  const list = pageRoute(async (req, res) => {
    const q = parseListQuery(query(req));
    const result = await store.list(storeFilter(q));
    const stream = new URLSearchParams();
    if (q.status) stream.set('status', q.status);
    if (q.company) stream.set('company', q.company);
    if (q.from) stream.set('from', q.from);
    if (q.to) stream.set('to', q.to);
    sendHtml(res, 200, page(shell('Jobs', 'jobs', 'jobs', { stream: `/stream${stream.size ? `?${stream.toString()}` : ''}` }), jobsListBody(q, result)));
  });

  const newJob = pageRoute(async (req, res) => {
    const q = query(req);
    const get = (k: string): Record<string, string> => (q.get(k) ? { [k]: q.get(k) ?? '' } : {});
    sendHtml(res, 200, page(shell('New job', 'new', 'new'), newJobBody({ ...get('url'), ...get('strategy'), ...get('warehouse'), ...get('scale') })));
    return Promise.resolve();
  });

  const jobPage = pageRoute(async (_req, res, params) => {
    const jobId = params.id ?? '';
    const state = await store.get(jobId);
    if (!state) return sendHtml(res, 404, page(shell('Not found', 'missing', undefined), notFoundBody(`There is no job ${jobId}.`)));
    const [events, queued, assets] = await Promise.all([store.events(jobId, { limit: logLines }), store.events(jobId, { types: ['job.queued'], limit: 1 }), assetsHtml(state)]);
    const options = (queued[0]?.output ?? {}) as Record<string, unknown>;
    const terminal = isTerminal(state.status);
    const body = html`<div id="job-header">${jobHeader(state)}</div>
<div class="job-actions" role="group" aria-label="Job actions">
  <button type="button" id="cancel-job" class="danger" data-job-id="${jobId}"${terminal ? html` disabled` : ''}>Cancel job</button>
  <button type="button" id="rerun-job" data-url="${state.url ?? ''}" data-strategy="${state.meta.strategy ?? 'heuristic'}" data-warehouse="${state.meta.warehouse ?? 'duckdb'}" data-scale="${typeof options.scale === 'number' ? String(options.scale) : '1'}"${state.url ? '' : html` disabled`}>Run again</button>
  <span id="action-status" role="status" aria-live="polite"></span>
</div>
<p id="live-status" class="visually-hidden" role="status" aria-live="polite"></p>
<div class="job-layout">
  <aside class="side" aria-label="Progress">
    <section class="card" aria-labelledby="timeline-h"><h2 id="timeline-h">Stages</h2><div id="timeline">${timeline(state)}</div></section>
    <section class="card" aria-labelledby="log-h"><h2 id="log-h">Log</h2><div id="log" class="log-wrap" role="region" tabindex="0" aria-label="Job log, newest last">${logTail(events)}</div></section>
  </aside>
  <section id="assets" class="assets" aria-label="Assets" data-key="${assetsKey(state)}">${assets}</section>
</div>`;
    sendHtml(res, 200, page(shell(displayName(state), 'job', undefined, { 'job-id': jobId, status: state.status }), body));
  });

  const assetsFragment = dataRoute(async (_req, res, params) => {
    const state = await store.get(params.id ?? '');
    if (!state) return sendText(res, 404, 'text/plain; charset=utf-8', 'No such job.\n');
    sendText(res, 200, 'text/html; charset=utf-8', (await assetsHtml(state)).value);
  });

  const jobStream = dataRoute(async (req, res, params) => {
    const jobId = params.id ?? '';
    if (!(await store.get(jobId))) return sendText(res, 404, 'text/plain; charset=utf-8', 'No such job.\n');
    const stream = openEventStream(req, res);
    let last = '';
    const push = coalesce(
      async () => {
        const state = await store.get(jobId);
        if (!state || stream.closed) return;
        const fragments = liveFragments(state, await store.events(jobId, { limit: logLines }));
        const text = JSON.stringify(fragments);
        if (text === last) return;
        last = text;
        stream.send('state', fragments);
      },
      120,
      warn(`stream of ${jobId}`),
    );
    // Subscribe before the first snapshot, so no change falls between them.
    const unsubscribe = store.subscribe((change) => {
      if (change.jobId === jobId) push.schedule();
    });
    stream.onClose(() => {
      push.stop();
      unsubscribe();
    });
    push.schedule();
  });

  const listStream = dataRoute((req, res) => {
    const q = parseListQuery(query(req));
    const stream = openEventStream(req, res);
    const pending = new Map<string, JobState>();
    const push = coalesce(
      () => {
        const changes = [...pending.values()];
        pending.clear();
        for (const state of changes) {
          stream.send('job', matchesQuery(state, q) ? { jobId: state.jobId, status: state.status, row: jobRow(state).value } : { jobId: state.jobId, remove: true });
        }
        return Promise.resolve();
      },
      200,
      warn('jobs stream'),
    );
    const unsubscribe = store.subscribe((change) => {
      pending.set(change.jobId, change.state);
      push.schedule();
    });
    stream.onClose(() => {
      push.stop();
      unsubscribe();
    });
    stream.send('ready', { ok: true });
    return Promise.resolve();
  });

  const agentYaml = dataRoute(async (_req, res, params) => {
    const jobId = params.id ?? '';
    const assets = readAssets(await store.artifacts(jobId));
    if (!assets.agent) return sendText(res, 404, 'text/plain; charset=utf-8', 'This job has no agent context yet.\n');
    const name = assets.agent.context.agentName.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100) || jobId;
    sendText(res, 200, 'application/yaml; charset=utf-8', assets.agent.context.systemInstruction, { 'content-disposition': `attachment; filename="${name}.yaml"` });
  });

  const staticFile: Route['handler'] = (_req, res, _body, params) => {
    const file = statics.get(params.name ?? '');
    if (!file) return sendText(res, 404, 'text/plain; charset=utf-8', 'Not found.\n');
    res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.body.length), 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    res.end(file.body);
  };

  return [
    { method: 'GET', path: '/', handler: list },
    { method: 'GET', path: '/new', handler: newJob },
    { method: 'GET', path: '/stream', handler: listStream },
    { method: 'GET', path: '/jobs/:id/view', handler: jobPage },
    { method: 'GET', path: '/jobs/:id/assets', handler: assetsFragment },
    { method: 'GET', path: '/jobs/:id/stream', handler: jobStream },
    { method: 'GET', path: '/jobs/:id/agent.yaml', handler: agentYaml },
    { method: 'GET', path: '/assets/:name', handler: staticFile },
    { method: 'GET', path: '/favicon.ico', handler: (_req, res) => void res.writeHead(204).end() },
  ];
}
