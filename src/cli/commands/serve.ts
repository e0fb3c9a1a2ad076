import { startStatusService } from '../../app/serve.js';
import { parseServerEnv } from '../../config/env.js';
import { createLogger, jsonLineSink } from '../../logging/logger.js';
import { UsageError } from '../exit-status.js';
import { parseCommand } from '../program.js';
import { printJson, type CliIO } from '../io.js';

export async function serveCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand('serve', args, io);
  if ('exit' in parsed) return parsed.exit;
  if (parsed.positionals.length > 0) throw new UsageError(`serve takes no arguments; got ${parsed.positionals.join(' ')}.`);
  const values = parsed.values as { host?: string; port?: string; 'state-dir'?: string; json?: boolean };
  const env = parseServerEnv({
    ...io.env,
    ...(values.host ? { PROVISION_HOST: values.host } : {}),
    ...(values.port ? { PORT: values.port } : {}),
    ...(values['state-dir'] ? { PROVISION_STATE_DIR: values['state-dir'] } : {}),
  });
  const logger = createLogger([jsonLineSink((line) => io.stderr.write(line))], { level: env.PROVISION_LOG_LEVEL, fields: { service: 'status' } });
  const service = await startStatusService({ env, logger });
  if (values.json) printJson(io, { url: service.url, dashboard: `${service.url}/`, push: `${service.url}/pubsub/push` });
  else {
    io.stdout.write(
      [
        `provision serve on ${service.url}`,
        `  dashboard      ${service.url}/`,
        `  trigger API    POST ${service.url}/jobs   GET ${service.url}/jobs`,
        `  push endpoint  ${service.url}/pubsub/push   (jobs started elsewhere: PROVISION_PUSH_URL=${service.url}/pubsub/push)`,
        'Ctrl-C stops it.',
        '',
      ].join('\n'),
    );
  }
  if (!io.signal.aborted) await new Promise<void>((resolve) => io.signal.addEventListener('abort', () => resolve(), { once: true }));
  await service.close();
  return 0;
}
