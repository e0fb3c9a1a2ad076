/** Log severities as Cloud Logging names them. */
export type Severity = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

const RANK: Record<Severity, number> = { DEBUG: 0, INFO: 1, WARNING: 2, ERROR: 3 };

export type LogFields = Record<string, unknown>;

/** One structured log line: Cloud Logging reads `severity`, `message` and `time` from JSON on stderr. */
export interface LogEntry extends LogFields {
  severity: Severity;
  message: string;
  time: string;
}

export type LogSink = (entry: LogEntry) => void;

/** Structured logger. `child` adds fields (jobId, stage) to every line it writes. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export function createLogger(sinks: readonly LogSink[], options: { level?: Severity; fields?: LogFields; now?: () => Date } = {}): Logger {
  const min = RANK[options.level ?? 'INFO'];
  const base = options.fields ?? {};
  const now = options.now ?? (() => new Date());
  const write = (severity: Severity, message: string, fields?: LogFields): void => {
    if (RANK[severity] < min) return;
    const entry: LogEntry = { severity, message, time: now().toISOString(), ...base, ...fields };
    for (const sink of sinks) sink(entry);
  };
  return {
    debug: (m, f) => write('DEBUG', m, f),
    info: (m, f) => write('INFO', m, f),
    warn: (m, f) => write('WARNING', m, f),
    error: (m, f) => write('ERROR', m, f),
    child: (fields) => createLogger(sinks, { ...options, fields: { ...base, ...fields } }),
  };
}

/** A sink writing JSON lines to a stream (stderr) or any line consumer. */
export function jsonLineSink(write: (line: string) => void): LogSink {
  return (entry) => write(`${JSON.stringify(entry)}\n`);
}

export const silentLogger: Logger = createLogger([]);
