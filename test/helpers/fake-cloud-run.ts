import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  authorization?: string;
}

/**
 * A loopback fake of the Cloud Run Admin API v2 (REST): runJob, getExecution,
 * listExecutions, cancelExecution. Operations never complete, as real ones do not until the
 * execution ends. `failNextRuns` answers 503 after recording the launch (an answer lost in
 * transit), to test that a retry does not launch twice.
 */
export class FakeCloudRun {
  readonly requests: RecordedRequest[] = [];
  readonly executions = new Map<string, Record<string, unknown>>();
  failNextRuns = 0;
  /** How long runJob takes to answer (a real one takes a few hundred ms), so concurrent launches overlap. */
  runDelayMs = 0;
  private server: Server | undefined;
  private counter = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const delayed = req.method === 'POST' && /:run$/.test((req.url ?? '').split('?')[0] ?? '') ? this.runDelayMs : 0;
        if (delayed > 0) setTimeout(answer, delayed);
        else answer();
      });
      const answer = (): void => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        this.requests.push({ method: req.method ?? '', path, body, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
        const send = (status: number, value: unknown): void => {
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
        };
        const run = /^\/v2\/(projects\/[^/]+\/locations\/[^/]+\/jobs\/[^/:]+):run$/.exec(path);
        if (req.method === 'POST' && run) {
          const name = `${run[1]}/executions/exec-${++this.counter}`;
          const overrides = body.overrides as { containerOverrides?: Array<{ env?: unknown[] }> } | undefined;
          this.executions.set(name, { name, template: { containers: [{ env: overrides?.containerOverrides?.[0]?.env ?? [] }] }, startTime: new Date().toISOString(), runningCount: 1 });
          if (this.failNextRuns > 0) {
            this.failNextRuns--;
            return send(503, { error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } });
          }
          return send(200, { name: `projects/p/locations/l/operations/op-${this.counter}`, done: false, metadata: { '@type': 'type.googleapis.com/google.cloud.run.v2.Execution', name } });
        }
        const list = /^\/v2\/(projects\/[^/]+\/locations\/[^/]+\/jobs\/[^/:]+)\/executions$/.exec(path);
        if (req.method === 'GET' && list) return send(200, { executions: [...this.executions.values()] });
        const cancel = /^\/v2\/(.+\/executions\/[^/:]+):cancel$/.exec(path);
        if (req.method === 'POST' && cancel) {
          const e = this.executions.get(cancel[1] ?? '');
          if (e) Object.assign(e, { runningCount: 0, cancelledCount: 1, completionTime: new Date().toISOString() });
          return send(200, { name: 'projects/p/locations/l/operations/cancel', done: false, metadata: { '@type': 'type.googleapis.com/google.cloud.run.v2.Execution', name: cancel[1] } });
        }
        const get = /^\/v2\/(.+\/executions\/[^/:]+)$/.exec(path);
        if (req.method === 'GET' && get) {
          const e = this.executions.get(get[1] ?? '');
          return e ? send(200, e) : send(404, { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } });
        }
        send(404, { error: { code: 404, message: `no route ${req.method ?? ''} ${path}`, status: 'NOT_FOUND' } });
      };
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): void {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}
