import { ZodError } from 'zod';
import { ProvisionError } from '../core/errors.js';
import { demoCommand } from './commands/demo.js';
import { chatCommand } from './commands/chat.js';
import { cancelCommand, launchCommand } from './commands/launch.js';
import { runCommand } from './commands/run.js';
import { serveCommand } from './commands/serve.js';
import { statusCommand } from './commands/status.js';
import { teardownCommand } from './commands/teardown.js';
import { UsageError } from './exit-status.js';
import { CANCEL_HELP, CHAT_HELP, DEMO_HELP, LAUNCH_HELP, MAIN_HELP, RUN_HELP, SERVE_HELP, STATUS_HELP, TEARDOWN_HELP } from './help.js';
import type { CliIO } from './io.js';

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  run: { run: runCommand, help: RUN_HELP },
  demo: { run: demoCommand, help: DEMO_HELP },
  status: { run: statusCommand, help: STATUS_HELP },
  serve: { run: serveCommand, help: SERVE_HELP },
  launch: { run: launchCommand, help: LAUNCH_HELP },
  cancel: { run: cancelCommand, help: CANCEL_HELP },
  chat: { run: chatCommand, help: CHAT_HELP },
  teardown: { run: teardownCommand, help: TEARDOWN_HELP },
};

function isArgsError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/**
 * The CLI. Returns the exit status; only bin/ exits. SIGINT and SIGTERM abort the running
 * job, which reports `job.cancelled`, flushes its events and returns.
 */
export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const cli: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal, ...io };
  const [name, ...rest] = argv;
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? COMMANDS[rest[0] ?? ''] : undefined;
      cli.stdout.write(`${topic?.help ?? MAIN_HELP}\n`);
      return 0;
    }
    if (name === '--version' || name === '-v') {
      cli.stdout.write('provision 0.1.0\n');
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}".`);
    return await command.run(rest, cli);
  } catch (err) {
    if (err instanceof UsageError || isArgsError(err)) {
      cli.stderr.write(`provision: ${(err as Error).message}\nRun \`provision ${COMMANDS[name ?? ''] ? `${name} ` : ''}--help\` for usage.\n`);
      return 2;
    }
    if (err instanceof ProvisionError) {
      cli.stderr.write(`provision: [${err.code}] ${err.message}\n`);
      return err.retryable ? 1 : 2;
    }
    if (err instanceof ZodError) {
      cli.stderr.write(`provision: invalid configuration: ${err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
      return 2;
    }
    // Our bug: say so plainly; the stack goes to stderr, never stdout.
    cli.stderr.write(`provision: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
