// Nothing loads before a job's page reader starts but the reader itself: its thread then loads
// jsdom while this one loads the job's code (zod and commander included).
import { warmPageReader } from '../agents/research/page-reader.js';
import type { CliIO } from './io.js';

type Command = (args: string[], io: CliIO) => Promise<number>;

/**
 * What each command of src/cli/options.ts runs; each parses its arguments with commander. A
 * command's code is loaded when it runs: `run` does not load the dashboard, the trigger or their
 * Google clients (a job process starts that much sooner; the local launcher starts one per job).
 * A job's page reader starts first, so jsdom loads on its own thread meanwhile.
 */
const COMMANDS: Record<string, Command> = {
  run: async (a, io) => (void warmPageReader(), (await import('./commands/run.js')).runCommand(a, io)),
  demo: async (a, io) => (void warmPageReader(), (await import('./commands/demo.js')).demoCommand(a, io)),
  status: async (a, io) => (await import('./commands/status.js')).statusCommand(a, io),
  serve: async (a, io) => (await import('./commands/serve.js')).serveCommand(a, io),
  launch: async (a, io) => (await import('./commands/launch.js')).launchCommand(a, io),
  cancel: async (a, io) => (await import('./commands/launch.js')).cancelCommand(a, io),
  chat: async (a, io) => (await import('./commands/chat.js')).chatCommand(a, io),
  teardown: async (a, io) => (await import('./commands/teardown.js')).teardownCommand(a, io),
};

/**
 * The CLI. Returns the exit status; only bin/ exits. SIGINT and SIGTERM abort the running
 * job, which reports `job.cancelled`, flushes its events and returns.
 */
export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // A caller's signal (bin/ listens from its first line, before these sources load) cancels too.
  const signal = io?.signal ? AbortSignal.any([controller.signal, io.signal]) : controller.signal;
  const cli: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env, ...io, signal };
  const [name, ...rest] = argv;
  const command = COMMANDS[name ?? ''];
  try {
    // Help, `help <command>`, --version and unknown commands are commander's.
    if (!command) return (await import('./program.js')).runProgram(argv, cli);
    return await command(rest, cli);
  } catch (err) {
    const [{ UsageError }, { ProvisionError }, { ZodError }] = await Promise.all([import('./exit-status.js'), import('../core/errors.js'), import('zod')]);
    if (err instanceof UsageError) {
      cli.stderr.write(`provision: ${err.message}\nRun \`provision ${command ? `${name} ` : ''}--help\` for usage.\n`);
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
