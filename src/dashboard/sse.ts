import type { IncomingMessage, ServerResponse } from 'node:http';

export interface EventStream {
  send(event: string, data: unknown): void;
  readonly closed: boolean;
  onClose(fn: () => void): void;
}

/**
 * Turns a response into a Server-Sent Events stream: `retry` hint, a comment every
 * `heartbeatMs` so proxies keep it open, and cleanup when the client goes away.
 */
export function openEventStream(req: IncomingMessage, res: ServerResponse, heartbeatMs = 15_000): EventStream {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    // Cloud Run and nginx-style proxies must not buffer the stream.
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  res.write('retry: 2000\n\n');
  const closers: (() => void)[] = [];
  let closed = false;
  const heartbeat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
  heartbeat.unref();
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const fn of closers) fn();
  };
  req.on('close', close);
  res.on('close', close);
  return {
    send(event, data) {
      if (closed) return;
      // JSON never contains a raw newline, so one `data:` line carries it.
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    get closed() {
      return closed;
    },
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
  };
}

/**
 * Runs `task` at most once per `delayMs` however often `schedule` is called, never two at
 * once, and once more if asked while it ran: bursts of store changes become one update.
 */
export function coalesce(task: () => Promise<void>, delayMs: number, onError: (err: unknown) => void): { schedule(): void; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = false;
  const run = (): void => {
    timer = undefined;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    void task()
      .catch(onError)
      .finally(() => {
        running = false;
        if (again && !stopped) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = (): void => {
    if (stopped || timer) return;
    timer = setTimeout(run, delayMs);
  };
  return {
    schedule,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
